#include <authentik/events/schema/raw_object.hpp>

#include "differential.hpp"
#include "test_types.hpp"

#include <authentik/events/schema/parse.hpp>
#include <authentik/events/schema/serialize.hpp>

#include <boost/json/parse.hpp>
#include <boost/test/unit_test.hpp>

#include <optional>
#include <string>

namespace raw_object_test {

namespace schema = authentik::events::schema;
using schema::error;
using schema::parse_options;
using schema::raw_object;

namespace {

// Record with its free-form member kept as text.
struct RawRecord {
    std::string name;
    std::optional<raw_object> extra;
    std::optional<std::vector<raw_object>> many;
    friend bool operator==(RawRecord const&, RawRecord const&) = default;
};

constexpr auto describe(schema::type_tag<RawRecord>) {
    using namespace schema;
    return object<RawRecord>({.name = "RawRecord", .description = ""},
                             member("name", &RawRecord::name, {.required = true}), member("extra", &RawRecord::extra),
                             member("many", &RawRecord::many));
}

[[maybe_unused]] std::ostream& operator<<(std::ostream& os, RawRecord const& r) {
    return os << "RawRecord{" << r.name << '}';
}

} // namespace

BOOST_AUTO_TEST_SUITE(raw_object_suite)

BOOST_AUTO_TEST_CASE(the_text_is_what_the_writer_writes_for_the_dom) {
    // Spaces dropped, numbers in Python's form, escapes as the server writes them.
    std::string const doc = R"({"name":"n","extra":{ "b" : [1, 2.50, 1E+2, -0.0], "a":"\u00e9\n\u2028", "c":{} }})";
    auto const r = schema::parse<RawRecord>(doc);
    BOOST_TEST_REQUIRE(r.has_value());
    BOOST_TEST(r->extra->text() == std::string(R"({"b":[1,2.5,100.0,-0.0],"a":"é\n\u2028","c":{}})"));
    BOOST_TEST(schema::serialize(*r) == R"({"name":"n","extra":{"b":[1,2.5,100.0,-0.0],"a":"é\n\u2028","c":{}}})");
    // The DOM on request equals the one the DOM path builds.
    BOOST_TEST(r->extra->to_object() == boost::json::parse(doc).at("extra").as_object());
}

BOOST_AUTO_TEST_CASE(raw_members_read_as_the_dom_path_reads_them) {
    std::vector<std::string> const docs = {
        R"({"name":"n","extra":{"a":{"b":[{"c":null}]}},"many":[{},{"x":1}]})",
        R"({"name":"n","extra":[1]})",
        R"({"name":"n","extra":"text"})",
        R"({"name":"n","extra":null})",
        R"({"name":"n","extra":{"a":1,"a":2}})",
        R"({"name":"n","extra":{"a":{"b":1,"b":2},"c":3}})",
        R"({"name":"n","many":[{"k":1,"k":1},[],7]})",
        R"({"name":"n","extra":{"a":1e999}})",
        R"({"name":"n","extra":{"a":)",
    };
    parse_options last_wins;
    last_wins.allow_duplicate_keys = true;
    for (auto const& d : docs) {
        for (auto const& o : {parse_options{}, parse_options::strict(), last_wins}) {
            std::string const diff = differential::check<RawRecord>(d, o);
            BOOST_TEST(diff.empty(), d << "\n" << diff);
        }
    }
}

BOOST_AUTO_TEST_CASE(a_raw_object_converts_both_ways) {
    boost::json::object const o{{"k", 1}, {"list", boost::json::array{true, nullptr}}};
    raw_object const r(o);
    BOOST_TEST(r.text() == std::string(R"({"k":1,"list":[true,null]})"));
    BOOST_TEST(r.to_object() == o);
    BOOST_TEST(raw_object().text() == std::string("{}"));
    BOOST_TEST(raw_object().to_object().empty());
    // Order matters to the text, not to the DOM.
    BOOST_TEST(
        !(raw_object(boost::json::object{{"a", 1}, {"b", 2}}) == raw_object(boost::json::object{{"b", 2}, {"a", 1}})));
}

BOOST_AUTO_TEST_CASE(pretty_output_indents_raw_members) {
    auto const r = schema::parse<RawRecord>(R"({"name":"n","extra":{"a":[1]}})");
    BOOST_TEST_REQUIRE(r.has_value());
    schema::serialize_options pretty;
    pretty.pretty = true;
    BOOST_TEST(schema::serialize(*r, pretty) ==
               "{\n  \"name\": \"n\",\n  \"extra\": {\n    \"a\": [\n      1\n    ]\n  }\n}");
}

BOOST_AUTO_TEST_SUITE_END()

} // namespace raw_object_test
