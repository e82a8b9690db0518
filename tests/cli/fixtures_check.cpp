// Reads `authentik-events fixtures` output back with the library, for tests/cli/fixtures.cmake.
// Usage: fixtures_check valid|invalid <type> <file>
//   valid:   every line is a <type> that validates under strict options;
//   invalid: every line is {"payload"|"payload_base64","expect","strict","rule"} and the payload
//            gives exactly the expected problems under the options it names.
// Prints the number of lines checked; exit status 0 when all pass, 1 otherwise, 2 on misuse.

#include <authentik/events.hpp>

#include <boost/json/parse.hpp>

#include <cstddef>
#include <cstdint>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <string_view>

namespace ae = authentik::events;
namespace schema = authentik::events::schema;

namespace {

std::string decode_base64(std::string_view text) {
    std::string out;
    std::uint32_t buffer = 0;
    int bits = 0;
    for (char const c : text) {
        std::uint32_t v = 0;
        if (c >= 'A' && c <= 'Z') {
            v = static_cast<std::uint32_t>(c - 'A');
        } else if (c >= 'a' && c <= 'z') {
            v = static_cast<std::uint32_t>(c - 'a' + 26);
        } else if (c >= '0' && c <= '9') {
            v = static_cast<std::uint32_t>(c - '0' + 52);
        } else if (c == '+') {
            v = 62;
        } else if (c == '/') {
            v = 63;
        } else {
            break; // padding
        }
        buffer = (buffer << 6U) | v;
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out.push_back(static_cast<char>((buffer >> static_cast<unsigned>(bits)) & 0xFFU));
        }
    }
    return out;
}

template <class T>
bool check_valid(std::string const& line) {
    auto r = schema::parse<T>(line, schema::parse_options::strict());
    if (!r) {
        std::cerr << r.problems();
    }
    return r.has_value();
}

template <class T>
bool check_invalid(std::string const& line) {
    boost::system::error_code ec;
    boost::json::value const v = boost::json::parse(line, ec);
    if (ec || !v.is_object()) {
        std::cerr << "not a JSON object\n";
        return false;
    }
    auto const& o = v.get_object();
    auto const* payload = o.if_contains("payload");
    auto const* encoded = o.if_contains("payload_base64");
    auto const* expect = o.if_contains("expect");
    auto const* strict = o.if_contains("strict");
    auto const* rule = o.if_contains("rule");
    if ((payload == nullptr) == (encoded == nullptr) || (payload != nullptr && !payload->is_string()) ||
        (encoded != nullptr && !encoded->is_string()) || expect == nullptr || !expect->is_array() ||
        strict == nullptr || !strict->is_bool() || rule == nullptr || !rule->is_string() || o.size() != 4) {
        std::cerr << "missing or mistyped fields\n";
        return false;
    }
    std::string const bytes =
        payload != nullptr ? std::string(payload->get_string()) : decode_base64(encoded->get_string());
    auto const r =
        schema::parse<T>(bytes, strict->get_bool() ? schema::parse_options::strict() : schema::parse_options{});
    auto const& want = expect->get_array();
    bool same = !r.has_value() && r.problems().size() == want.size();
    for (std::size_t i = 0; same && i < want.size(); ++i) {
        auto const& w = want[i].as_object();
        same = w.at("pointer").as_string() == r.problems()[i].pointer &&
               std::string_view(w.at("code").as_string()) == schema::to_string(r.problems()[i].code);
    }
    if (!same) {
        std::cerr << "rule " << rule->get_string() << ": got\n" << r.problems();
    }
    return same;
}

template <class T>
int check_file(bool valid, std::istream& in) {
    std::string line;
    std::size_t n = 0;
    std::size_t bad = 0;
    while (std::getline(in, line)) {
        ++n;
        if (!(valid ? check_valid<T>(line) : check_invalid<T>(line))) {
            std::cerr << "line " << n << " fails\n";
            ++bad;
        }
    }
    std::cout << n << '\n';
    return n > 0 && bad == 0 ? 0 : 1;
}

} // namespace

int main(int argc, char** argv) {
    if (argc != 4) {
        std::cerr << "usage: fixtures_check valid|invalid <type> <file>\n";
        return 2;
    }
    std::string_view const mode = argv[1];
    std::string_view const type = argv[2];
    std::ifstream in(argv[3], std::ios::binary);
    if ((mode != "valid" && mode != "invalid") || !in) {
        std::cerr << "usage: fixtures_check valid|invalid <type> <file>\n";
        return 2;
    }
    bool const valid = mode == "valid";
    if (type == "event") {
        return check_file<ae::Event>(valid, in);
    }
    if (type == "event-request") {
        return check_file<ae::EventRequest>(valid, in);
    }
    if (type == "patched-event-request") {
        return check_file<ae::PatchedEventRequest>(valid, in);
    }
    if (type == "validation-error") {
        return check_file<ae::ValidationError>(valid, in);
    }
    if (type == "generic-error") {
        return check_file<ae::GenericError>(valid, in);
    }
    if (type == "pagination") {
        return check_file<ae::Pagination>(valid, in);
    }
    if (type == "paginated-event-list") {
        return check_file<ae::PaginatedEventList>(valid, in);
    }
    if (type == "autocomplete") {
        return check_file<ae::Autocomplete>(valid, in);
    }
    std::cerr << "unknown type " << type << '\n';
    return 2;
}
