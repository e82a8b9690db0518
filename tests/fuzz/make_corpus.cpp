// Writes the seed corpus of every fuzz target: seeded fixtures of each type as a server writes
// them, every invalid fixture (each breaks one rule), the payloads of tests/data, and the format
// fields of the generated events with their invalid variants.
//   fuzz_corpus <tests/data directory> <output directory>
// Output: <output>/<target>/<n>, one input a file, as libFuzzer and fuzz_replay read them.

#include <authentik/events.hpp>
#include <authentik/events/fixtures.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <string>
#include <vector>

namespace ae = authentik::events;
namespace fixtures = authentik::events::fixtures;
namespace fs = std::filesystem;

namespace {

std::map<std::string, std::vector<std::string>> corpus;

void add(std::string const& target, std::string input) { corpus[target].push_back(std::move(input)); }

// Valid values and every invalid fixture of T, for its target and for round_trip.
template <class T>
void add_type(std::string const& target, std::uint64_t seed, int count) {
    fixtures::generator g(seed);
    for (int i = 0; i < count; ++i) {
        std::string text = ae::serialize(g.make<T>());
        if (!target.empty()) {
            add(target, text);
        }
        add("round_trip", std::move(text));
    }
    for (auto& f : fixtures::invalid_fixtures<T>(g)) {
        if (!target.empty()) {
            add(target, f.payload);
        }
        add("round_trip", std::move(f.payload));
    }
}

// A format's text, cut and changed the ways its rules are broken most.
void add_format(std::string const& target, std::string const& text) {
    add(target, text);
    if (text.size() > 1) {
        add(target, text.substr(0, text.size() - 1));
        std::string changed = text;
        changed[changed.size() / 2] = 'x';
        add(target, changed);
    }
}

std::string read_file(fs::path const& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

} // namespace

int main(int argc, char** argv) {
    if (argc != 3) {
        std::fprintf(stderr, "usage: fuzz_corpus <tests/data directory> <output directory>\n");
        return 2;
    }
    fs::path const data = argv[1];
    fs::path const out = argv[2];
    add_type<ae::Event>("parse_event", 1, 60);
    add_type<ae::PaginatedEventList>("parse_paginated_event_list", 2, 12);
    add_type<ae::ValidationError>("parse_validation_error", 3, 20);
    add_type<ae::EventRequest>("", 4, 10);
    add_type<ae::PatchedEventRequest>("", 5, 10);
    add_type<ae::Pagination>("", 6, 5);
    add_type<ae::GenericError>("", 7, 5);
    add_type<ae::Autocomplete>("", 8, 5);
    fixtures::generator g(9);
    for (int i = 0; i < 20; ++i) {
        auto const e = g.event();
        add_format("format_uuid", ae::format::uuid_to_string(e.pk));
        add_format("format_date_time", ae::format::date_time_to_string(e.created));
        if (e.client_ip.has_value()) {
            add_format("format_ip_address", *e.client_ip);
        }
    }
    // Forms the generator does not write: other cases, offsets, fractions, IPv6 forms.
    for (char const* t : {"2023-02-15t15:33:42.771091123+05:30", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59.999999z",
                          "2024-02-29T12:00:00-23:59", "2023-02-29T12:00:00Z"}) {
        add_format("format_date_time", t);
    }
    for (char const* t : {"::", "::1", "fe80::1:2:3:4", "::ffff:192.0.2.1", "2001:db8::192.0.2.33", "1:2:3:4:5:6:7:8",
                          "255.255.255.255", "0.0.0.0", "01.2.3.4"}) {
        add_format("format_ip_address", t);
    }
    add_format("format_uuid", "F26C9C5F-F5E1-46D2-8000-00000000ABCD");
    for (auto const& entry : fs::directory_iterator(data)) {
        if (entry.path().extension() != ".json") {
            continue;
        }
        std::string const name = entry.path().stem().string();
        std::string text = read_file(entry.path());
        if (name.rfind("paginated", 0) == 0) {
            add("parse_paginated_event_list", text);
        } else if (name.rfind("validation_error", 0) == 0 || name == "five_problems") {
            add("parse_validation_error", text);
            add("parse_event", text);
        } else if (text.size() < 64 * 1024) { // the OpenAPI document is no payload
            add("parse_event", text);
        }
        if (text.size() < 64 * 1024) {
            add("round_trip", std::move(text));
        }
    }
    std::size_t total = 0;
    for (auto const& [target, inputs] : corpus) {
        fs::remove_all(out / target); // what an earlier run wrote is not this corpus
        fs::create_directories(out / target);
        for (std::size_t i = 0; i < inputs.size(); ++i) {
            std::ofstream(out / target / std::to_string(i), std::ios::binary) << inputs[i];
        }
        total += inputs.size();
        std::printf("%s: %zu inputs\n", target.c_str(), inputs.size());
    }
    std::printf("%zu inputs in %s\n", total, out.c_str());
    return 0;
}
