#include <authentik/events/model/generic_error.hpp>
#include <authentik/events/schema/parse.hpp>
#include <authentik/events/schema/serialize.hpp>

#include <boost/json/value_from.hpp>
#include <boost/json/value_to.hpp>
#include <boost/test/unit_test.hpp>

#include <string>
#include <string_view>

namespace generic_error_test {

namespace ae = authentik::events;
namespace schema = authentik::events::schema;
using ae::GenericError;

namespace {

GenericError parse_ok(std::string_view text, schema::parse_options const& opt = {}) {
    auto r = schema::parse<GenericError>(text, opt);
    BOOST_TEST_INFO("problems:\n" << r.problems());
    BOOST_TEST_REQUIRE(r.has_value());
    return std::move(*r);
}

} // namespace

BOOST_AUTO_TEST_SUITE(generic_error)

BOOST_AUTO_TEST_CASE(forbidden_body) {
    std::string const text = R"({"detail":"Authentication credentials were not provided.","code":"not_authenticated"})";
    GenericError const g = parse_ok(text);
    BOOST_TEST(g.detail == "Authentication credentials were not provided.");
    BOOST_TEST_REQUIRE(g.code.has_value());
    BOOST_TEST(*g.code == "not_authenticated");
    BOOST_TEST(g.unknown_fields.empty());
    BOOST_TEST(schema::serialize(g) == text);
    BOOST_TEST((parse_ok(schema::serialize(g)) == g));
}

BOOST_AUTO_TEST_CASE(not_found_body) {
    std::string const text = R"({"detail":"No Event matches the given query."})";
    GenericError const g = parse_ok(text);
    BOOST_TEST(g.detail == "No Event matches the given query.");
    BOOST_TEST(!g.code.has_value());
    BOOST_TEST(schema::serialize(g) == text);
    BOOST_TEST((parse_ok(schema::serialize(g)) == g));
    BOOST_TEST(!(g == parse_ok(R"({"detail":"No Event matches the given query.","code":"not_found"})")));
}

BOOST_AUTO_TEST_CASE(keys_are_written_in_schema_order) {
    GenericError const g =
        parse_ok(R"({"code":"permission_denied","detail":"You do not have permission to perform this action."})");
    BOOST_TEST(schema::serialize(g) ==
               R"({"detail":"You do not have permission to perform this action.","code":"permission_denied"})");
}

BOOST_AUTO_TEST_CASE(non_ascii_detail_round_trips) {
    std::string const text = "{\"detail\":\"Sie haben keine Berechtigung, diese Aktion durchzuf\xC3\xBChren.\","
                             "\"code\":\"permission_denied\"}";
    GenericError const g = parse_ok(text);
    BOOST_TEST(g.detail == "Sie haben keine Berechtigung, diese Aktion durchzuf\xC3\xBChren.");
    BOOST_TEST(schema::serialize(g) == text);
    // Escaped input is written as raw UTF-8, as the server writes it.
    GenericError const escaped = parse_ok(R"({"detail":"durchzuf\u00fchren"})");
    BOOST_TEST(schema::serialize(escaped) == "{\"detail\":\"durchzuf\xC3\xBChren\"}");
}

BOOST_AUTO_TEST_CASE(missing_detail) {
    auto const r = schema::parse<GenericError>(R"({"code":"not_authenticated"})");
    BOOST_TEST(!r.has_value());
    BOOST_TEST_INFO("problems:\n" << r.problems());
    BOOST_TEST_REQUIRE(r.problems().size() == 1U);
    BOOST_TEST(r.problems()[0].pointer == "/detail");
    BOOST_TEST(schema::to_string(r.problems()[0].code) == "missing_field");
    BOOST_TEST(r.problems()[0].drf_message == "This field is required.");
    BOOST_TEST(r.problems().contains(schema::error::missing_field, "/detail"));
}

BOOST_AUTO_TEST_CASE(wrong_types_and_null) {
    auto const r = schema::parse<GenericError>(R"({"detail":["x"],"code":null})");
    BOOST_TEST_INFO("problems:\n" << r.problems());
    BOOST_TEST_REQUIRE(r.problems().size() == 2U);
    BOOST_TEST(r.problems()[0].pointer == "/detail");
    BOOST_TEST(schema::to_string(r.problems()[0].code) == "wrong_type");
    BOOST_TEST(r.problems()[0].drf_message == "Not a valid string.");
    BOOST_TEST(r.problems()[1].pointer == "/code");
    BOOST_TEST(schema::to_string(r.problems()[1].code) == "null_not_allowed");
    BOOST_TEST(r.problems()[1].drf_message == "This field may not be null.");
}

BOOST_AUTO_TEST_CASE(unknown_keys) {
    std::string const text = R"({"detail":"x","code":"y","extra":{"a":[1,2.0]}})";
    // Ignored by default.
    BOOST_TEST(schema::serialize(parse_ok(text)) == R"({"detail":"x","code":"y"})");
    // Preserved and written back.
    schema::parse_options preserve;
    preserve.unknown_keys = schema::unknown_key_policy::preserve;
    GenericError const kept = parse_ok(text, preserve);
    BOOST_TEST(kept.unknown_fields.size() == 1U);
    BOOST_TEST(schema::serialize(kept) == text);
    // Rejected.
    auto const r = schema::parse<GenericError>(text, schema::parse_options::strict());
    BOOST_TEST_REQUIRE(r.problems().size() == 1U);
    BOOST_TEST(r.problems()[0].pointer == "/extra");
    BOOST_TEST(schema::to_string(r.problems()[0].code) == "unknown_field");
}

BOOST_AUTO_TEST_CASE(value_from_and_value_to) {
    GenericError g;
    g.detail = "Authentication credentials were not provided.";
    g.code = "not_authenticated";
    boost::json::value const jv = boost::json::value_from(g);
    BOOST_TEST(jv.as_object().size() == 2U);
    BOOST_TEST(jv.at("detail").as_string() == "Authentication credentials were not provided.");
    BOOST_TEST(jv.at("code").as_string() == "not_authenticated");
    BOOST_TEST((boost::json::value_to<GenericError>(jv) == g));

    GenericError const no_code =
        boost::json::value_to<GenericError>(boost::json::value_from(GenericError{"gone", {}, {}}));
    BOOST_TEST(no_code.detail == "gone");
    BOOST_TEST(!no_code.code.has_value());

    BOOST_CHECK_THROW((void)boost::json::value_to<GenericError>(boost::json::value(boost::json::object{{"code", "x"}})),
                      schema::validation_failure);
}

BOOST_AUTO_TEST_SUITE_END()

} // namespace generic_error_test
