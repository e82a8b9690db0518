# Compiles SOURCE and passes only when the compiler refuses it with the message named on the
# source's `// expect: ...` line.
file(STRINGS ${SOURCE} expect_line REGEX "^// expect: ")
string(REGEX REPLACE "^// expect: " "" expected "${expect_line}")
execute_process(COMMAND ${CXX} -std=c++20 -fsyntax-only -I${INCLUDE} ${SOURCE}
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(rc EQUAL 0)
    message(FATAL_ERROR "${SOURCE} compiled, but it misuses a descriptor and must not")
endif()
string(FIND "${err}" "${expected}" at)
if(at EQUAL -1)
    message(FATAL_ERROR "${SOURCE} failed to compile without the message \"${expected}\":\n${err}")
endif()
message(STATUS "refused as expected: ${expected}")
