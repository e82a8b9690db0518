# Runs the CLI and checks its exit status, and optionally what it printed.
# Usage: cmake -DCLI=<program> "-DARGS=schema|--version|1999" -DEXPECT=2
#              [-DSTDOUT_MATCH=<regex>] [-DSTDERR_MATCH=<regex>] [-DOUTPUT_FILE=<path>] -P this
# OUTPUT_FILE sends stdout there instead (/dev/full: every write fails).
string(REPLACE "|" ";" args "${ARGS}")
if(DEFINED OUTPUT_FILE)
    execute_process(COMMAND ${CLI} ${args} OUTPUT_FILE ${OUTPUT_FILE} ERROR_VARIABLE err RESULT_VARIABLE rc)
    set(out "")
else()
    execute_process(COMMAND ${CLI} ${args} OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
endif()
if(NOT rc EQUAL EXPECT)
    message(FATAL_ERROR "exit status ${rc}, expected ${EXPECT}\nstdout: ${out}\nstderr: ${err}")
endif()
if(DEFINED STDOUT_MATCH AND NOT out MATCHES "${STDOUT_MATCH}")
    message(FATAL_ERROR "stdout does not match \"${STDOUT_MATCH}\": ${out}")
endif()
if(DEFINED STDERR_MATCH AND NOT err MATCHES "${STDERR_MATCH}")
    message(FATAL_ERROR "stderr does not match \"${STDERR_MATCH}\": ${err}")
endif()
if(NOT EXPECT EQUAL 0 AND NOT out STREQUAL "")
    message(FATAL_ERROR "a failing run printed to stdout: ${out}")
endif()
