#include <authentik/events/schema/number.hpp>

#include <authentik/events/schema/codec.hpp>
#include <authentik/events/schema/conversion.hpp>
#include <authentik/events/schema/describe.hpp>
#include <authentik/events/schema/parse.hpp>
#include <authentik/events/schema/serialize.hpp>

#include <boost/json/parse.hpp>
#include <boost/json/value_from.hpp>
#include <boost/json/value_to.hpp>
#include <boost/test/unit_test.hpp>

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace number_test {

namespace schema = authentik::events::schema;

/// A described type with number members of each presence.
struct Counts {
    schema::number n;
    std::optional<schema::number> opt;
    std::optional<std::vector<schema::number>> list;

    friend bool operator==(Counts const&, Counts const&) = default;
};

constexpr auto describe(schema::type_tag<Counts>) {
    using namespace schema;
    return object<Counts>({.name = "Counts"}, member("n", &Counts::n, {.required = true}), member("opt", &Counts::opt),
                          member("list", &Counts::list));
}

using authentik::events::schema::tag_invoke;

using schema::number;

namespace {

std::string write(number n) {
    Counts c;
    c.n = n;
    return schema::serialize(c);
}

Counts parse_ok(std::string_view text) {
    auto r = schema::parse<Counts>(text);
    BOOST_TEST_INFO("text: " << text << "\nproblems:\n" << r.problems());
    BOOST_TEST_REQUIRE(r.has_value());
    return std::move(*r);
}

} // namespace

BOOST_AUTO_TEST_SUITE(number_hpp)

BOOST_AUTO_TEST_CASE(default_is_integer_zero) {
    constexpr number n;
    static_assert(n.is_int64());
    BOOST_TEST(n.is_int64());
    BOOST_TEST(n.is_integer());
    BOOST_TEST(!n.is_double());
    BOOST_TEST(n.as_int64() == 0);
    BOOST_TEST((n == number(0)));
    BOOST_TEST(!(n == number(0.0)));
}

BOOST_AUTO_TEST_CASE(kinds_follow_the_constructor) {
    number const i(std::int64_t{-5});
    BOOST_TEST(i.is_int64());
    BOOST_TEST(!i.is_uint64());
    BOOST_TEST(!i.is_double());
    BOOST_TEST(i.is_integer());
    BOOST_TEST(i.as_int64() == -5);
    BOOST_TEST(i.as_double() == -5.0);

    number const u(std::numeric_limits<std::uint64_t>::max());
    BOOST_TEST(u.is_uint64());
    BOOST_TEST(!u.is_int64());
    BOOST_TEST(u.is_integer());
    BOOST_TEST(u.as_uint64() == std::numeric_limits<std::uint64_t>::max());

    number const d(2.5);
    BOOST_TEST(d.is_double());
    BOOST_TEST(!d.is_integer());
    BOOST_TEST(d.as_double() == 2.5);
    BOOST_TEST(d.as_int64() == 2);

    // Other integer types become integers of their signedness; never a double, never bool.
    BOOST_TEST(number(7).is_int64());
    BOOST_TEST(number(short{-3}).as_int64() == -3);
    BOOST_TEST(number(7L).is_int64());
    BOOST_TEST(number(7U).is_uint64());
    BOOST_TEST(number(std::uint8_t{255}).as_uint64() == 255U);
    BOOST_TEST(number(std::size_t{23}).is_uint64());
    // bool is not a number: it matches no constructor unambiguously.
    static_assert(!std::is_constructible_v<number, bool>);
    static_assert(number(std::int64_t{3}).as_int64() == 3);
    static_assert(number(1.5).is_double());
}

BOOST_AUTO_TEST_CASE(equality_is_kind_and_value) {
    BOOST_TEST((number(1) == number(std::int64_t{1})));
    BOOST_TEST(!(number(1) == number(1.0)));
    BOOST_TEST(!(number(1.0) == number(1)));
    BOOST_TEST((number(1.0) == number(1.0)));
    BOOST_TEST(!(number(1) == number(2)));
    BOOST_TEST(!(number(2.5) == number(2.25)));
    static_assert(!(number(0) == number(0.0)));
    static_assert(number(0) == number(std::int64_t{0}));
}

BOOST_AUTO_TEST_CASE(written_as_the_server_writes_them) {
    BOOST_TEST(write(number(0)) == R"({"n":0})");
    BOOST_TEST(write(number(-5)) == R"({"n":-5})");
    BOOST_TEST(write(number(std::numeric_limits<std::uint64_t>::max())) == R"({"n":18446744073709551615})");
    BOOST_TEST(write(number(std::numeric_limits<std::int64_t>::min())) == R"({"n":-9223372036854775808})");
    BOOST_TEST(write(number(2.5)) == R"({"n":2.5})");
    BOOST_TEST(write(number(1e16)) == R"({"n":1e+16})");
    BOOST_TEST(write(number(0.0)) == R"({"n":0.0})");
    BOOST_TEST(write(number(1.0)) == R"({"n":1.0})");
    BOOST_TEST(write(number(1e-5)) == R"({"n":1e-05})");
    BOOST_TEST(write(number(-0.1)) == R"({"n":-0.1})");
    BOOST_TEST(write(number(123456789012345.0)) == R"({"n":123456789012345.0})");
    // JSON has no NaN or infinity.
    BOOST_TEST(write(number(std::numeric_limits<double>::infinity())) == R"({"n":null})");
}

BOOST_AUTO_TEST_CASE(parsed_text_comes_back_unchanged) {
    for (std::string_view n : {"0", "-5", "18446744073709551615", "-9223372036854775808", "9223372036854775807", "2.5",
                               "1e+16", "0.0", "1.0", "1e-05", "52.52"}) {
        BOOST_TEST_CONTEXT("number " << n) {
            std::string const text = R"({"n":)" + std::string(n) + "}";
            BOOST_TEST(schema::serialize(parse_ok(text)) == text);
        }
    }
    BOOST_TEST(parse_ok(R"({"n":0})").n.is_int64());
    BOOST_TEST(parse_ok(R"({"n":9223372036854775808})").n.is_uint64());
    BOOST_TEST(parse_ok(R"({"n":1.0})").n.is_double());
    BOOST_TEST(parse_ok(R"({"n":1E2})").n.is_double());
    // Other spellings of a double come back as Python writes them.
    BOOST_TEST(schema::serialize(parse_ok(R"({"n":1E2})")) == R"({"n":100.0})");
    BOOST_TEST(schema::serialize(parse_ok(R"({"n":1e16})")) == R"({"n":1e+16})");
    BOOST_TEST(schema::serialize(parse_ok(R"({"n":0.00001})")) == R"({"n":1e-05})");
    // Past uint64 an integer would be a double without its last digits: refused, not rounded.
    auto const wide = schema::parse<Counts>(R"({"n":18446744073709551616})");
    BOOST_TEST_REQUIRE(wide.problems().size() == 1U);
    BOOST_TEST((wide.problems()[0].code == schema::error::invalid_json));
    BOOST_TEST(wide.problems()[0].pointer == "/n");
}

BOOST_AUTO_TEST_CASE(optional_and_list_members) {
    std::string const text = R"({"n":1,"opt":1.0,"list":[0,0.5,-1,18446744073709551615,1e+16]})";
    auto const c = parse_ok(text);
    BOOST_TEST_REQUIRE(c.opt.has_value());
    BOOST_TEST(c.opt->is_double());
    BOOST_TEST_REQUIRE(c.list.has_value());
    BOOST_TEST_REQUIRE(c.list->size() == 5U);
    BOOST_TEST((*c.list)[0].is_int64());
    BOOST_TEST((*c.list)[1].is_double());
    BOOST_TEST((*c.list)[3].is_uint64());
    BOOST_TEST(schema::serialize(c) == text);
    // Through Boost.JSON the kinds survive.
    boost::json::value const jv = boost::json::value_from(c);
    BOOST_TEST(jv.at("n").is_int64());
    BOOST_TEST(jv.at("opt").is_double());
    BOOST_TEST(jv.at("list").at(3).is_uint64());
    BOOST_TEST((jv == boost::json::parse(text)));
    BOOST_TEST((boost::json::value_to<Counts>(jv) == c));
}

BOOST_AUTO_TEST_CASE(non_numbers_are_wrong_type) {
    for (std::string_view v : {R"("1")", "true", "[]", "{}"}) {
        BOOST_TEST_CONTEXT("value " << v) {
            auto const r = schema::parse<Counts>(R"({"n":)" + std::string(v) + "}");
            BOOST_TEST_REQUIRE(r.problems().size() == 1U);
            BOOST_TEST(r.problems()[0].pointer == "/n");
            BOOST_TEST((r.problems()[0].code == schema::error::wrong_type));
            BOOST_TEST(r.problems()[0].drf_message == "A valid number is required.");
        }
    }
    auto const in_list = schema::parse<Counts>(R"({"n":1,"list":[1,"2"]})");
    BOOST_TEST_REQUIRE(in_list.problems().size() == 1U);
    BOOST_TEST(in_list.problems()[0].pointer == "/list/1");
    auto const null = schema::parse<Counts>(R"({"n":null})");
    BOOST_TEST_REQUIRE(null.problems().size() == 1U);
    BOOST_TEST((null.problems()[0].code == schema::error::null_not_allowed));
    static_assert(schema::codec<number>::type == schema::json_type::number);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_CASE(number_integers_compare_by_value_across_storage) {
    using authentik::events::schema::number;
    BOOST_TEST((number(std::uint64_t{1}) == number(std::int64_t{1})));
    BOOST_TEST((number(std::int64_t{1}) == number(std::uint64_t{1})));
    BOOST_TEST((number(std::size_t{10000}) == number(10000)));
    BOOST_TEST(!(number(std::int64_t{-1}) == number(std::uint64_t{18446744073709551615ULL})));
    BOOST_TEST(!(number(std::int64_t{1}) == number(1.0)));
    BOOST_TEST((number(2.5) == number(2.5)));
}

} // namespace number_test
