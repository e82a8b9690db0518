#ifndef AUTHENTIK_EVENTS_TESTS_MODEL_TEST_DATA_HPP
#define AUTHENTIK_EVENTS_TESTS_MODEL_TEST_DATA_HPP

// Shared by the model tests: reads a payload from tests/data.

#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>
#include <string_view>

namespace model_tests {

/// The exact bytes of tests/data/<name>; throws when the file cannot be read.
inline std::string read_data(std::string_view name) {
    std::string const path = std::string(AUTHENTIK_EVENTS_TEST_DATA) + "/" + std::string(name);
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw std::runtime_error("cannot open " + path);
    }
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

} // namespace model_tests

#endif
