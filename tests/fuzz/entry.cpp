// One fuzz target as a libFuzzer program: built with -fsanitize=fuzzer and
// -DAUTHENTIK_EVENTS_FUZZ_TARGET=<name> by tests/fuzz/run (see the CMake option
// AUTHENTIK_EVENTS_FUZZ).

#include "fuzz/targets.hpp"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size) {
    fuzz::AUTHENTIK_EVENTS_FUZZ_TARGET(std::string_view(reinterpret_cast<char const*>(data), size));
    return 0;
}
