#include <authentik/events/schema/read_context.hpp>

#include "test_types.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>
#include <boost/test/unit_test.hpp>

#include <cstddef>
#include <string>

namespace read_context_test {

namespace schema = authentik::events::schema;
using schema::error;
using schema::max_quoted_value;
using schema::quote_value;

BOOST_AUTO_TEST_SUITE(read_context_hpp)

namespace {

std::string repeat(std::string const& s, std::size_t n) {
    std::string out;
    for (std::size_t i = 0; i < n; ++i) {
        out += s;
    }
    return out;
}

} // namespace

BOOST_AUTO_TEST_CASE(quote_value_is_compact_json) {
    BOOST_TEST(max_quoted_value == 80U);
    BOOST_TEST(quote_value(boost::json::value("abc")) == "\"abc\"");
    BOOST_TEST(quote_value(boost::json::value(nullptr)) == "null");
    BOOST_TEST(quote_value(boost::json::value(-3)) == "-3");
    BOOST_TEST(quote_value(boost::json::value(1e-05)) == "1e-05");
    BOOST_TEST(quote_value(boost::json::parse(R"({"a": [1, 2.0, "x\n"]})")) == R"({"a":[1,2.0,"x\n"]})");
    BOOST_TEST(quote_value(boost::json::value("\xE2\x80\xA8")) == R"("\u2028")");
}

BOOST_AUTO_TEST_CASE(quote_value_at_the_limit_is_whole) {
    std::string const s = repeat("x", max_quoted_value - 2); // quoted: exactly 80 bytes
    BOOST_TEST(quote_value(boost::json::value(s)) == "\"" + s + "\"");
}

BOOST_AUTO_TEST_CASE(quote_value_past_the_limit_is_cut) {
    std::string const s = repeat("x", max_quoted_value - 1); // quoted: 81 bytes
    // The first 80 bytes, then "...".
    BOOST_TEST(quote_value(boost::json::value(s)) == "\"" + repeat("x", 79) + "...");
    BOOST_TEST(quote_value(boost::json::value(repeat("y", 1000))) == "\"" + repeat("y", 79) + "...");
}

BOOST_AUTO_TEST_CASE(quote_value_never_splits_a_utf8_sequence) {
    // "é" is 2 bytes: after the quote, byte 80 is the second byte of the 40th "é", so the cut
    // falls back to byte 79, keeping 39 of them.
    std::string const two = quote_value(boost::json::value(repeat("é", 60)));
    BOOST_TEST(two == "\"" + repeat("é", 39) + "...");
    BOOST_TEST(schema_test::is_valid_utf8(two));
    // "日" is 3 bytes: bytes 1..78 hold 26 of them, 79..81 the 27th, which does not fit.
    std::string const three = quote_value(boost::json::value(repeat("日", 40)));
    BOOST_TEST(three == "\"" + repeat("日", 26) + "...");
    BOOST_TEST(schema_test::is_valid_utf8(three));
    // A 4-byte sequence: "x" then 20 emoji (1 + 1 + 80 bytes); 19 emoji end at byte 77, the
    // 20th spans 78..81.
    std::string const four = quote_value(boost::json::value("x" + repeat("\xF0\x9F\x98\x80", 20)));
    BOOST_TEST(four == "\"x" + repeat("\xF0\x9F\x98\x80", 19) + "...");
    BOOST_TEST(schema_test::is_valid_utf8(four));
    // Every cut position, for every alignment.
    for (std::size_t pad = 0; pad < 4; ++pad) {
        std::string const q = quote_value(boost::json::value(repeat("a", pad) + repeat("\xF0\x9F\x98\x80", 30)));
        BOOST_TEST(schema_test::is_valid_utf8(q));
        BOOST_TEST(q.size() <= max_quoted_value + 3);
        BOOST_TEST(q.size() > max_quoted_value + 3 - 4);
        BOOST_TEST(q.substr(q.size() - 3) == "...");
    }
}

BOOST_AUTO_TEST_CASE(context_starts_at_the_document) {
    schema::parse_options const opt{.max_depth = 7};
    schema::problem_list problems;
    schema::read_context cx(opt, problems);
    BOOST_TEST(cx.pointer() == "");
    BOOST_TEST(&cx.options() == &opt);
    BOOST_TEST(cx.options().max_depth == 7U);
    BOOST_TEST(&cx.problems() == &problems);
}

BOOST_AUTO_TEST_CASE(scopes_build_and_restore_the_pointer) {
    schema::parse_options const opt;
    schema::problem_list problems;
    schema::read_context cx(opt, problems);
    {
        auto const a = cx.enter("items");
        BOOST_TEST(cx.pointer() == "/items");
        {
            auto const b = cx.enter(std::size_t{3});
            BOOST_TEST(cx.pointer() == "/items/3");
            {
                auto const c = cx.enter("a/b~c");
                BOOST_TEST(cx.pointer() == "/items/3/a~1b~0c");
            }
            BOOST_TEST(cx.pointer() == "/items/3");
            auto const d = cx.enter(std::string_view(""));
            BOOST_TEST(cx.pointer() == "/items/3/");
        }
        BOOST_TEST(cx.pointer() == "/items");
    }
    BOOST_TEST(cx.pointer() == "");
}

BOOST_AUTO_TEST_CASE(fail_records_a_problem_at_the_pointer) {
    schema::parse_options const opt;
    schema::problem_list problems;
    schema::read_context cx(opt, problems);
    boost::json::value const offending = "not-a-uuid";
    {
        auto const s = cx.enter("pk");
        cx.fail(error::invalid_uuid, "not a UUID: bad", &offending, schema::drf::invalid_uuid());
    }
    cx.fail(error::wrong_type, "expected object, got array", nullptr, schema::drf::invalid_data("list"));
    BOOST_TEST_REQUIRE(problems.size() == 2U);
    auto const& p = problems[0];
    BOOST_TEST(p.pointer == "/pk");
    BOOST_TEST((p.code == error::invalid_uuid));
    BOOST_TEST(p.message == "not a UUID: bad");
    BOOST_TEST(p.value == "\"not-a-uuid\"");
    BOOST_TEST(p.drf_code == "invalid");
    BOOST_TEST(p.drf_message == "Must be a valid UUID.");
    auto const& q = problems[1];
    BOOST_TEST(q.pointer == "");
    BOOST_TEST(q.value == ""); // no value given
    BOOST_TEST(q.drf_message == "Invalid data. Expected a dictionary, but got list.");
}

BOOST_AUTO_TEST_CASE(fail_past_the_cap_only_truncates) {
    schema::parse_options const opt;
    schema::problem_list problems(1);
    schema::read_context cx(opt, problems);
    cx.fail(error::too_short, "first", nullptr, schema::drf::blank());
    BOOST_TEST(!problems.truncated());
    cx.fail(error::wrong_type, "second", nullptr, schema::drf::not_a_string());
    BOOST_TEST(problems.truncated());
    BOOST_TEST_REQUIRE(problems.size() == 1U);
    BOOST_TEST(problems[0].message == "first");
}

BOOST_AUTO_TEST_SUITE_END()

} // namespace read_context_test
