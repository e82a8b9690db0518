#include <authentik/events/model/pagination.hpp>
#include <authentik/events/schema/parse.hpp>
#include <authentik/events/schema/serialize.hpp>

#include <boost/json/parse.hpp>
#include <boost/json/value_from.hpp>
#include <boost/json/value_to.hpp>
#include <boost/test/unit_test.hpp>

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

namespace pagination_test {

namespace ae = authentik::events;
namespace schema = authentik::events::schema;
using ae::Pagination;
using schema::error;
using schema::number;
using schema::parse_options;

namespace {

constexpr std::array<std::string_view, 7> keys{"next",        "previous",    "count",    "current",
                                               "total_pages", "start_index", "end_index"};

// The first page of 23 results, 7 a page, as the server writes it.
constexpr std::string_view first_page =
    R"({"next":2,"previous":0,"count":23,"current":1,"total_pages":4,"start_index":1,"end_index":7})";

Pagination parse_ok(std::string_view text, parse_options const& opt = {}) {
    auto r = schema::parse<Pagination>(text, opt);
    BOOST_TEST_INFO("text: " << text << "\nproblems:\n" << r.problems());
    BOOST_TEST_REQUIRE(r.has_value());
    return std::move(*r);
}

// first_page with one key's value replaced by `value`, or the key left out when value is empty.
std::string with(std::string_view key, std::string_view value) {
    std::string out = "{";
    int const values[] = {2, 0, 23, 1, 4, 1, 7};
    for (std::size_t i = 0; i < keys.size(); ++i) {
        if (keys[i] == key && value.empty()) {
            continue;
        }
        if (out.size() > 1) {
            out += ',';
        }
        out += '"' + std::string(keys[i]) + "\":";
        out += keys[i] == key ? std::string(value) : std::to_string(values[i]);
    }
    return out + "}";
}

} // namespace

BOOST_AUTO_TEST_SUITE(pagination)

BOOST_AUTO_TEST_CASE(parses_and_reserializes_to_identical_bytes) {
    auto const p = parse_ok(first_page);
    BOOST_TEST(p.next.is_int64());
    BOOST_TEST(p.next.as_int64() == 2);
    BOOST_TEST(p.previous.is_int64());
    BOOST_TEST(p.previous.as_int64() == 0);
    BOOST_TEST(p.count.as_int64() == 23);
    BOOST_TEST(p.current.as_int64() == 1);
    BOOST_TEST(p.total_pages.as_int64() == 4);
    BOOST_TEST(p.start_index.as_int64() == 1);
    BOOST_TEST(p.end_index.as_int64() == 7);
    BOOST_TEST(schema::serialize(p) == first_page);
    BOOST_TEST(schema::serialize(parse_ok(first_page, parse_options::strict())) == first_page);
}

BOOST_AUTO_TEST_CASE(integers_stay_integers_and_doubles_stay_doubles) {
    // 0 is written 0, not 0.0; 2.5 and 1.0 keep their fraction; huge values keep their kind.
    std::string const text = R"({"next":0,"previous":2.5,"count":18446744073709551615,"current":1.0,)"
                             R"("total_pages":-5,"start_index":1e+16,"end_index":9223372036854775807})";
    auto const p = parse_ok(text);
    BOOST_TEST(p.next.is_int64());
    BOOST_TEST(p.previous.is_double());
    BOOST_TEST(p.previous.as_double() == 2.5);
    BOOST_TEST(p.count.is_uint64());
    BOOST_TEST(p.count.as_uint64() == UINT64_MAX);
    BOOST_TEST(p.current.is_double());
    BOOST_TEST(!p.current.is_integer());
    BOOST_TEST(p.total_pages.as_int64() == -5);
    BOOST_TEST(p.start_index.is_double());
    BOOST_TEST(p.end_index.is_int64());
    BOOST_TEST(schema::serialize(p) == text);
    // 1 and 1.0 are different values: the text differs.
    BOOST_TEST(!(parse_ok(with("current", "1")) == p));
    BOOST_TEST(!(parse_ok(with("current", "1")) == parse_ok(with("current", "1.0"))));
    // Doubles are written as Python writes them.
    BOOST_TEST(schema::serialize(parse_ok(with("count", "1E16"))) == with("count", "1e+16"));
    BOOST_TEST(schema::serialize(parse_ok(with("count", "0.0"))) == with("count", "0.0"));
    BOOST_TEST(schema::serialize(parse_ok(with("count", "-0"))) == with("count", "0"));
    BOOST_TEST(schema::serialize(parse_ok(with("count", "1e-5"))) == with("count", "1e-05"));
}

BOOST_AUTO_TEST_CASE(built_in_code) {
    Pagination p;
    BOOST_TEST(schema::serialize(p) ==
               R"({"next":0,"previous":0,"count":0,"current":0,"total_pages":0,"start_index":0,"end_index":0})");
    p.next = 2;
    p.count = std::uint64_t{23};
    p.current = 1.0;
    p.end_index = std::int64_t{-1};
    BOOST_TEST(schema::serialize(p) ==
               R"({"next":2,"previous":0,"count":23,"current":1.0,"total_pages":0,"start_index":0,"end_index":-1})");
}

BOOST_AUTO_TEST_CASE(every_key_is_required) {
    for (auto key : keys) {
        BOOST_TEST_CONTEXT("without " << key) {
            auto const r = schema::parse<Pagination>(with(key, {}));
            BOOST_TEST_REQUIRE(r.problems().size() == 1U);
            auto const& p = r.problems()[0];
            BOOST_TEST(p.pointer == "/" + std::string(key));
            BOOST_TEST(schema::to_string(p.code) == "missing_field");
            BOOST_TEST(p.drf_code == "required");
            BOOST_TEST(p.drf_message == "This field is required.");
        }
    }
    // All seven at once, in descriptor order.
    auto const empty = schema::parse<Pagination>("{}");
    BOOST_TEST_REQUIRE(empty.problems().size() == 7U);
    for (std::size_t i = 0; i < keys.size(); ++i) {
        BOOST_TEST(empty.problems()[i].pointer == "/" + std::string(keys[i]));
        BOOST_TEST((empty.problems()[i].code == error::missing_field));
    }
}

BOOST_AUTO_TEST_CASE(wrong_types) {
    for (std::string_view value : {R"("1")", "true", "false", "[]", "{}", "[1]"}) {
        BOOST_TEST_CONTEXT("count " << value) {
            auto const r = schema::parse<Pagination>(with("count", value));
            BOOST_TEST_REQUIRE(r.problems().size() == 1U);
            auto const& p = r.problems()[0];
            BOOST_TEST(p.pointer == "/count");
            BOOST_TEST(schema::to_string(p.code) == "wrong_type");
            BOOST_TEST(p.drf_code == "invalid");
            BOOST_TEST(p.drf_message == "A valid number is required.");
            BOOST_TEST(p.value == value);
        }
    }
    auto const null = schema::parse<Pagination>(with("next", "null"));
    BOOST_TEST_REQUIRE(null.problems().size() == 1U);
    BOOST_TEST(null.problems()[0].pointer == "/next");
    BOOST_TEST((null.problems()[0].code == error::null_not_allowed));

    auto const not_object = schema::parse<Pagination>("[]");
    BOOST_TEST_REQUIRE(not_object.problems().size() == 1U);
    BOOST_TEST(not_object.problems()[0].pointer == "");
    BOOST_TEST((not_object.problems()[0].code == error::wrong_type));
}

BOOST_AUTO_TEST_CASE(unknown_keys_follow_the_policy) {
    std::string const text = R"({"next":2,"previous":0,"count":23,"current":1,"total_pages":4,"start_index":1,)"
                             R"("end_index":7,"page_size":7})";
    BOOST_TEST(schema::serialize(parse_ok(text)) == first_page);
    auto const strict = schema::parse<Pagination>(text, parse_options::strict());
    BOOST_TEST_REQUIRE(strict.problems().size() == 1U);
    BOOST_TEST(strict.problems()[0].pointer == "/page_size");
    BOOST_TEST((strict.problems()[0].code == error::unknown_field));
    parse_options preserve;
    preserve.unknown_keys = schema::unknown_key_policy::preserve;
    BOOST_TEST(schema::serialize(parse_ok(text, preserve)) == text);
}

BOOST_AUTO_TEST_CASE(round_trip_through_boost_json) {
    std::string const text = R"({"next":0,"previous":2.5,"count":18446744073709551615,"current":1.0,)"
                             R"("total_pages":-5,"start_index":1e+16,"end_index":9223372036854775807})";
    auto const p = parse_ok(text);
    boost::json::value const jv = boost::json::value_from(p);
    BOOST_TEST(jv.at("next").is_int64());
    BOOST_TEST(jv.at("previous").is_double());
    BOOST_TEST(jv.at("count").is_uint64());
    BOOST_TEST(jv.at("current").is_double());
    BOOST_TEST((jv == boost::json::parse(text)));
    auto const back = boost::json::value_to<Pagination>(jv);
    BOOST_TEST((back == p));
    BOOST_TEST(schema::serialize(back) == text);
    // Pretty text reads back to the same value.
    BOOST_TEST((parse_ok(schema::serialize(p, schema::serialize_options{.pretty = true})) == p));
}

BOOST_AUTO_TEST_SUITE_END()

} // namespace pagination_test
