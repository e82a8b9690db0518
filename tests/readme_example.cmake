# The README's usage example must be examples/usage.cpp, character for character, so that the
# code people copy is the code the tests compile and run.
file(READ ${README} readme)
file(READ ${EXAMPLE} example)
string(FIND "${readme}" "```cpp\n${example}```" at)
if(at EQUAL -1)
    message(FATAL_ERROR "README.md's ```cpp block differs from examples/usage.cpp")
endif()
