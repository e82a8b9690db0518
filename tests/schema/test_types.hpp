#ifndef AUTHENTIK_EVENTS_TESTS_SCHEMA_TEST_TYPES_HPP
#define AUTHENTIK_EVENTS_TESTS_SCHEMA_TEST_TYPES_HPP

// Small described types for the schema layer's tests. The schema layer knows nothing of
// authentik, so neither do these.

#include <authentik/events/format/date_time.hpp>
#include <authentik/events/schema/conversion.hpp>
#include <authentik/events/schema/describe.hpp>
#include <authentik/events/schema/nullable.hpp>
#include <authentik/events/schema/problem.hpp>

#include <boost/json/object.hpp>
#include <boost/uuid/uuid.hpp>

#include <array>
#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace schema_test {

namespace schema = authentik::events::schema;
namespace format = authentik::events::format;

/// An open enumeration: "red", "green", "blue" are the schema's values, "custom_<x>" is
/// recognized but not one of them, anything else is unknown.
class colour {
public:
    colour() = default;

    [[nodiscard]] static colour from_text(std::string_view text) {
        colour c;
        c.text_ = std::string(text);
        c.known_ = text == "red" || text == "green" || text == "blue";
        c.custom_ = !c.known_ && text.substr(0, 7) == "custom_";
        return c;
    }
    [[nodiscard]] std::string_view text() const noexcept { return text_; }
    [[nodiscard]] bool is_unknown() const noexcept { return !known_ && !custom_; }
    [[nodiscard]] bool is_enum_value() const noexcept { return known_; }

    friend bool operator==(colour const&, colour const&) = default;

private:
    std::string text_ = "red";
    bool known_ = true;
    bool custom_ = false;
};

/// A nested described type without a key sink.
struct Inner {
    std::string name;
    std::optional<std::int64_t> count;

    friend bool operator==(Inner const&, Inner const&) = default;
};

constexpr auto describe(schema::type_tag<Inner>) {
    using namespace schema;
    return object<Inner>({.name = "Inner", .description = "a nested object"},
                         member("name", &Inner::name, {.required = true}), member("count", &Inner::count));
}

/// Most member kinds the schema layer supports, with an unknown-keys sink.
struct Record {
    std::string name;                             ///< required, min_length 1
    std::optional<std::int64_t> count;            ///< optional integer
    schema::nullable<std::string> ip;             ///< nullable, format ip_address
    boost::uuids::uuid id{};                      ///< required
    format::date_time when;                       ///< required
    std::optional<std::vector<std::string>> tags; ///< optional list of strings
    std::optional<boost::json::object> extra;     ///< free-form object
    std::optional<Inner> inner;                   ///< nested described object
    std::optional<std::vector<Inner>> items;      ///< list of described objects
    std::optional<double> ratio;                  ///< optional number
    bool active = false;                          ///< required boolean
    std::optional<colour> hue;                    ///< open enum, any value accepted
    std::optional<colour> paint;                  ///< open enum, only the schema's values
    boost::json::object unknown_fields;           ///< unknown_key_policy::preserve fills it

    friend bool operator==(Record const&, Record const&) = default;
};

constexpr auto describe(schema::type_tag<Record>) {
    using namespace schema;
    return object<Record>({.name = "Record", .description = "a record with one member of each kind"},
                          member("name", &Record::name, {.required = true, .min_length = 1, .title = "Name"}),
                          member("count", &Record::count),
                          member("ip", &Record::ip, {.nullable = true, .format = value_format::ip_address}),
                          member("id", &Record::id, {.required = true, .read_only = true}),
                          member("when", &Record::when, {.required = true}), member("tags", &Record::tags),
                          member("extra", &Record::extra), member("inner", &Record::inner),
                          member("items", &Record::items),
                          member("ratio", &Record::ratio, {.write_only = true, .description = "a ratio"}),
                          member("active", &Record::active, {.required = true}), member("hue", &Record::hue),
                          member("paint", &Record::paint, {.enum_only = true}), unknown_keys(&Record::unknown_fields));
}

/// A type whose extra keys are part of the schema (additionalProperties).
struct Bag {
    std::optional<std::string> code;
    boost::json::object rest;

    friend bool operator==(Bag const&, Bag const&) = default;
};

constexpr auto describe(schema::type_tag<Bag>) {
    using namespace schema;
    return object<Bag>({.name = "Bag", .description = ""}, member("code", &Bag::code),
                       additional_properties(&Bag::rest));
}

/// Odd JSON names (RFC 6901 escapes), string formats on std::string, min_length 3, no sink.
struct Odd {
    std::optional<std::int64_t> slash; ///< JSON name "a/b"
    std::optional<std::int64_t> tilde; ///< JSON name "m~n"
    std::string nick;                  ///< required, min_length 3
    std::optional<std::string> ref;    ///< format uuid
    std::optional<std::string> stamp;  ///< format date_time
    std::optional<std::vector<std::int64_t>> numbers;

    friend bool operator==(Odd const&, Odd const&) = default;
};

constexpr auto describe(schema::type_tag<Odd>) {
    using namespace schema;
    return object<Odd>({.name = "Odd", .description = ""}, member("a/b", &Odd::slash), member("m~n", &Odd::tilde),
                       member("nick", &Odd::nick, {.required = true, .min_length = 3}),
                       member("ref", &Odd::ref, {.format = value_format::uuid}),
                       member("stamp", &Odd::stamp, {.format = value_format::date_time}),
                       member("numbers", &Odd::numbers));
}

/// A required nested object and a required nullable-free list.
struct Outer {
    Inner inner;
    std::vector<Inner> list;
    boost::json::object unknown_fields;

    friend bool operator==(Outer const&, Outer const&) = default;
};

constexpr auto describe(schema::type_tag<Outer>) {
    using namespace schema;
    return object<Outer>({.name = "Outer", .description = ""}, member("inner", &Outer::inner, {.required = true}),
                         member("list", &Outer::list, {.required = true}), unknown_keys(&Outer::unknown_fields));
}

using authentik::events::schema::tag_invoke;

/// Lets BOOST_TEST print the types it compares.
inline std::ostream& operator<<(std::ostream& os, colour const& c) { return os << c.text(); }
inline std::ostream& operator<<(std::ostream& os, Inner const& v) { return os << "Inner{" << v.name << '}'; }
inline std::ostream& operator<<(std::ostream& os, Record const& v) { return os << "Record{" << v.name << '}'; }
inline std::ostream& operator<<(std::ostream& os, Bag const&) { return os << "Bag{}"; }
inline std::ostream& operator<<(std::ostream& os, Odd const& v) { return os << "Odd{" << v.nick << '}'; }
inline std::ostream& operator<<(std::ostream& os, Outer const&) { return os << "Outer{}"; }

/// A valid Record document in the server's form (descriptor order, compact, Python numbers).
inline constexpr std::string_view valid_record =
    R"({"name":"alpha","count":42,"ip":"192.0.2.1","id":"3f2a5c1e-9b7d-4e8a-a1c3-5d6e7f8a9b0c",)"
    R"("when":"2023-02-15T15:33:42.771091Z","tags":["a","b"],"extra":{"lat":52.52,"n":null,"deep":{"x":[1,2.5]}},)"
    R"("inner":{"name":"in","count":-7},"items":[{"name":"i0"},{"name":"i1","count":1}],"ratio":0.5,)"
    R"("active":true,"hue":"green","paint":"blue"})";

/// The smallest valid Record document: only the required fields.
inline constexpr std::string_view minimal_record =
    R"({"name":"x","id":"00000000-0000-0000-0000-000000000000","when":"2000-01-01T00:00:00Z","active":false})";

/// Whether s is well-formed UTF-8 (no overlongs, no surrogates, nothing past U+10FFFF).
[[nodiscard]] inline bool is_valid_utf8(std::string_view s) noexcept {
    std::size_t i = 0;
    while (i < s.size()) {
        auto const c = static_cast<unsigned char>(s[i]);
        std::size_t n = 0;
        unsigned lo = 0x80;
        unsigned hi = 0xBF;
        if (c < 0x80) {
            ++i;
            continue;
        }
        if (c >= 0xC2 && c <= 0xDF) {
            n = 1;
        } else if (c >= 0xE0 && c <= 0xEF) {
            n = 2;
            lo = c == 0xE0 ? 0xA0 : 0x80;
            hi = c == 0xED ? 0x9F : 0xBF;
        } else if (c >= 0xF0 && c <= 0xF4) {
            n = 3;
            lo = c == 0xF0 ? 0x90 : 0x80;
            hi = c == 0xF4 ? 0x8F : 0xBF;
        } else {
            return false;
        }
        for (std::size_t k = 1; k <= n; ++k) {
            if (i + k >= s.size()) {
                return false;
            }
            auto const d = static_cast<unsigned char>(s[i + k]);
            unsigned const l = k == 1 ? lo : 0x80;
            unsigned const h = k == 1 ? hi : 0xBF;
            if (d < l || d > h) {
                return false;
            }
        }
        i += n + 1;
    }
    return true;
}

} // namespace schema_test

#endif
