// Runs a fuzz target over files, as the test suite does in every build (no libFuzzer needed):
//   fuzz_replay <target> <file or directory>...
// A directory stands for every regular file in it, in name order. A failed property aborts,
// naming the file first. Prints how many inputs each target read.

#include "fuzz/targets.hpp"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

namespace {

struct target {
    std::string_view name;
    void (*run)(std::string_view);
};

constexpr target targets[] = {
    {"parse_event", fuzz::parse_event},
    {"parse_paginated_event_list", fuzz::parse_paginated_event_list},
    {"parse_validation_error", fuzz::parse_validation_error},
    {"format_uuid", fuzz::format_uuid},
    {"format_date_time", fuzz::format_date_time},
    {"format_ip_address", fuzz::format_ip_address},
    {"round_trip", fuzz::round_trip},
};

std::vector<std::filesystem::path> inputs(std::filesystem::path const& p) {
    std::vector<std::filesystem::path> out;
    if (std::filesystem::is_directory(p)) {
        for (auto const& e : std::filesystem::directory_iterator(p)) {
            if (e.is_regular_file()) {
                out.push_back(e.path());
            }
        }
        std::sort(out.begin(), out.end());
    } else {
        out.push_back(p);
    }
    return out;
}

} // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: fuzz_replay <target> <file or directory>...\n");
        return 2;
    }
    auto const* t =
        std::find_if(std::begin(targets), std::end(targets), [&](target const& x) { return x.name == argv[1]; });
    if (t == std::end(targets)) {
        std::fprintf(stderr, "fuzz_replay: unknown target \"%s\"\n", argv[1]);
        return 2;
    }
    std::size_t count = 0;
    for (int i = 2; i < argc; ++i) {
        if (!std::filesystem::exists(argv[i])) {
            std::fprintf(stderr, "fuzz_replay: no such file or directory: %s\n", argv[i]);
            return 2;
        }
        for (auto const& path : inputs(argv[i])) {
            std::ifstream in(path, std::ios::binary);
            std::string const bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
            std::string const name = path.string();
            fuzz::current_input = name.c_str();
            t->run(bytes);
            ++count;
        }
    }
    std::printf("%s: %zu inputs, every property held\n", argv[1], count);
    return count == 0 ? 1 : 0;
}
