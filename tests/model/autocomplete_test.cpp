#include <authentik/events/model/autocomplete.hpp>
#include <authentik/events/schema/parse.hpp>
#include <authentik/events/schema/serialize.hpp>

#include <boost/json/parse.hpp>
#include <boost/json/value_from.hpp>
#include <boost/json/value_to.hpp>
#include <boost/test/unit_test.hpp>

#include <string>
#include <string_view>
#include <utility>

namespace autocomplete_test {

namespace ae = authentik::events;
namespace schema = authentik::events::schema;
using ae::Autocomplete;
using schema::error;
using schema::parse_options;

namespace {

Autocomplete parse_ok(std::string_view text, parse_options const& opt = {}) {
    auto r = schema::parse<Autocomplete>(text, opt);
    BOOST_TEST_INFO("text: " << text << "\nproblems:\n" << r.problems());
    BOOST_TEST_REQUIRE(r.has_value());
    return std::move(*r);
}

} // namespace

BOOST_AUTO_TEST_SUITE(autocomplete)

BOOST_AUTO_TEST_CASE(empty_object_round_trips) {
    auto const a = parse_ok("{}");
    BOOST_TEST(a.fields.empty());
    BOOST_TEST(schema::serialize(a) == "{}");
    BOOST_TEST(schema::serialize(Autocomplete{}) == "{}");
    BOOST_TEST((a == Autocomplete{}));
    BOOST_TEST((boost::json::value_from(a) == boost::json::value(boost::json::object{})));
}

BOOST_AUTO_TEST_CASE(every_key_is_kept_in_order_whatever_the_policy) {
    // Keys out of alphabetical order, every JSON type, Python-style numbers.
    std::string const text = R"({"zeta":["action","app"],"app":{"values":["authentik.core",null]},"n":0,)"
                             R"("ratio":1.0,"tiny":1e-05,"flag":false,"s":"\u00fc"})";
    std::string const canonical = "{\"zeta\":[\"action\",\"app\"],\"app\":{\"values\":[\"authentik.core\",null]},"
                                  "\"n\":0,\"ratio\":1.0,\"tiny\":1e-05,\"flag\":false,\"s\":\"\xC3\xBC\"}";
    parse_options preserve;
    preserve.unknown_keys = schema::unknown_key_policy::preserve;
    for (auto const& opt : {parse_options{}, parse_options::strict(), preserve}) {
        auto const a = parse_ok(text, opt);
        BOOST_TEST_REQUIRE(a.fields.size() == 7U);
        auto it = a.fields.begin();
        BOOST_TEST((it++)->key() == "zeta");
        BOOST_TEST((it++)->key() == "app");
        BOOST_TEST((it++)->key() == "n");
        BOOST_TEST(a.fields.at("n").is_int64());
        BOOST_TEST(a.fields.at("ratio").is_double());
        BOOST_TEST(schema::serialize(a) == canonical);
        BOOST_TEST(schema::serialize(parse_ok(canonical, opt)) == canonical);
    }
}

BOOST_AUTO_TEST_CASE(built_in_code_and_boost_json) {
    Autocomplete a;
    a.fields["b"] = 1;
    a.fields["a"] = boost::json::array{1.5, "x"};
    BOOST_TEST(schema::serialize(a) == R"({"b":1,"a":[1.5,"x"]})");
    boost::json::value const jv = boost::json::value_from(a);
    BOOST_TEST((jv == boost::json::parse(R"({"b":1,"a":[1.5,"x"]})")));
    BOOST_TEST((boost::json::value_to<Autocomplete>(jv) == a));
}

BOOST_AUTO_TEST_CASE(not_an_object_or_repeated_key) {
    auto const arr = schema::parse<Autocomplete>("[]");
    BOOST_TEST_REQUIRE(arr.problems().size() == 1U);
    BOOST_TEST(arr.problems()[0].pointer == "");
    BOOST_TEST((arr.problems()[0].code == error::wrong_type));

    auto const dup = schema::parse<Autocomplete>(R"({"a":1,"a":2})");
    BOOST_TEST_REQUIRE(dup.problems().size() == 1U);
    BOOST_TEST(dup.problems()[0].pointer == "/a");
    BOOST_TEST((dup.problems()[0].code == error::duplicate_key));

    parse_options last_wins;
    last_wins.allow_duplicate_keys = true;
    BOOST_TEST(schema::serialize(parse_ok(R"({"a":1,"a":2})", last_wins)) == R"({"a":2})");
}

BOOST_AUTO_TEST_SUITE_END()

} // namespace autocomplete_test
