#include <authentik/events/schema/options.hpp>

#include "test_types.hpp"

#include <authentik/events/schema/parse.hpp>
#include <authentik/events/schema/serialize.hpp>

#include <boost/test/unit_test.hpp>

#include <cstddef>
#include <string>

namespace options_test {

namespace schema = authentik::events::schema;
using schema::error;
using schema::parse_options;
using schema::serialize_options;
using schema::unknown_enum_policy;
using schema::unknown_key_policy;

BOOST_AUTO_TEST_SUITE(options_hpp)

namespace {

std::string record_with(std::string const& more) {
    std::string text(schema_test::minimal_record.substr(0, schema_test::minimal_record.size() - 1));
    return text + more + "}";
}

} // namespace

BOOST_AUTO_TEST_CASE(parse_defaults) {
    constexpr parse_options o;
    static_assert(o.unknown_keys == unknown_key_policy::ignore);
    static_assert(o.unknown_actions == unknown_enum_policy::keep);
    static_assert(!o.allow_duplicate_keys);
    static_assert(o.max_depth == 64);
    static_assert(o.max_bytes == std::size_t{64} * 1024 * 1024);
    static_assert(o.max_string_length == std::size_t{8} * 1024 * 1024);
    static_assert(o.max_problems == 100);
    BOOST_TEST(o.max_bytes == 67108864U);
    BOOST_TEST(o.max_string_length == 8388608U);
}

BOOST_AUTO_TEST_CASE(strict_rejects_unknown_keys_and_actions_only) {
    constexpr parse_options s = parse_options::strict();
    static_assert(s.unknown_keys == unknown_key_policy::reject);
    static_assert(s.unknown_actions == unknown_enum_policy::reject);
    constexpr parse_options d;
    static_assert(s.allow_duplicate_keys == d.allow_duplicate_keys);
    static_assert(s.max_depth == d.max_depth && s.max_bytes == d.max_bytes);
    static_assert(s.max_string_length == d.max_string_length && s.max_problems == d.max_problems);
    BOOST_TEST((s.unknown_keys == unknown_key_policy::reject));
}

BOOST_AUTO_TEST_CASE(serialize_default_is_compact) {
    constexpr serialize_options o;
    static_assert(!o.pretty);
    auto const r = schema::parse<schema_test::Inner>(R"({"name":"n","count":1})");
    BOOST_TEST_REQUIRE(r.has_value());
    BOOST_TEST(schema::serialize(*r) == R"({"name":"n","count":1})");
    BOOST_TEST(schema::serialize(*r, serialize_options{.pretty = true}) == "{\n  \"name\": \"n\",\n  \"count\": 1\n}");
}

BOOST_AUTO_TEST_CASE(default_options_accept_unknown_keys_and_values) {
    auto const r = schema::parse<schema_test::Record>(record_with(R"(,"zzz":1,"hue":"purple")"));
    BOOST_TEST_REQUIRE(r.has_value());
    BOOST_TEST(r->unknown_fields.empty()); // ignored, not preserved
    BOOST_TEST(r->hue->text() == "purple");
}

BOOST_AUTO_TEST_CASE(strict_options_reject_them) {
    auto const r =
        schema::parse<schema_test::Record>(record_with(R"(,"zzz":1,"hue":"purple")"), parse_options::strict());
    BOOST_TEST_REQUIRE(r.problems().size() == 2U);
    BOOST_TEST(r.problems()[0].pointer == "/hue"); // fields first, in descriptor order
    BOOST_TEST((r.problems()[0].code == error::unknown_action));
    BOOST_TEST(r.problems()[1].pointer == "/zzz"); // then the unknown keys
    BOOST_TEST((r.problems()[1].code == error::unknown_field));
}

BOOST_AUTO_TEST_CASE(strict_accepts_recognized_non_schema_values) {
    // custom_* is recognized (is_unknown() is false), so reject does not apply to it.
    auto const r = schema::parse<schema_test::Record>(record_with(R"(,"hue":"custom_teal")"), parse_options::strict());
    BOOST_TEST_REQUIRE(r.has_value());
    BOOST_TEST(r->hue->text() == "custom_teal");
}

BOOST_AUTO_TEST_CASE(default_max_problems_is_100) {
    std::string text = record_with("");
    text.pop_back();
    for (int i = 0; i < 150; ++i) {
        text += ",\"k" + std::to_string(i) + "\":0";
    }
    text += "}";
    auto const r = schema::parse<schema_test::Record>(text, parse_options{.unknown_keys = unknown_key_policy::reject});
    BOOST_TEST(r.problems().size() == 100U);
    BOOST_TEST(r.problems().truncated());
    BOOST_TEST(r.problems()[99].pointer == "/k99");
}

BOOST_AUTO_TEST_CASE(default_max_depth_is_64) {
    // The top-level object is depth 1; "extra" is depth 2; 62 more nested objects make 64.
    auto nested = [](int levels) {
        std::string open;
        std::string close;
        for (int i = 0; i < levels; ++i) {
            open += "{\"d\":";
            close += "}";
        }
        return record_with(R"(,"extra":)" + open + "{}" + close);
    };
    BOOST_TEST(schema::parse<schema_test::Record>(nested(62)).has_value());
    auto const r = schema::parse<schema_test::Record>(nested(63));
    BOOST_TEST_REQUIRE(r.problems().size() == 1U);
    BOOST_TEST((r.problems()[0].code == error::depth_exceeded));
}

BOOST_AUTO_TEST_SUITE_END()

} // namespace options_test
