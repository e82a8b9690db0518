#include <authentik/events/model/event.hpp>
#include <authentik/events/model/validation_error.hpp>
#include <authentik/events/schema/parse.hpp>
#include <authentik/events/schema/serialize.hpp>

#include <boost/json/value_from.hpp>
#include <boost/json/value_to.hpp>
#include <boost/test/unit_test.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace validation_error_test {

namespace ae = authentik::events;
namespace schema = authentik::events::schema;
using ae::ValidationError;
using schema::error;
using schema::problem;
using schema::problem_list;

namespace {

ValidationError parse_ok(std::string_view text, schema::parse_options const& opt = {}) {
    auto r = schema::parse<ValidationError>(text, opt);
    BOOST_TEST_INFO("problems:\n" << r.problems());
    BOOST_TEST_REQUIRE(r.has_value());
    return std::move(*r);
}

problem make_problem(std::string pointer, error code, std::string_view drf_code, std::string drf_message) {
    return problem{std::move(pointer), code, "test problem", {}, drf_code, std::move(drf_message)};
}

} // namespace

BOOST_AUTO_TEST_SUITE(validation_error)

BOOST_AUTO_TEST_CASE(parses_a_drf_400_body) {
    std::string const text =
        R"({"non_field_errors":["Event could not be saved.","Try again."],"code":"invalid",)"
        R"("app":["This field may not be blank."],)"
        R"("client_ip":["Enter a valid IPv4 or IPv6 address.","Ensure this field has at least 1 characters."],)"
        R"("context":{"geo":["Expected a dictionary of items but got type \"str\"."]},)"
        R"("action":["\"custom\" is not a valid choice."]})";
    ValidationError const v = parse_ok(text);
    BOOST_TEST_REQUIRE(v.non_field_errors.has_value());
    BOOST_TEST((*v.non_field_errors == std::vector<std::string>{"Event could not be saved.", "Try again."}));
    BOOST_TEST_REQUIRE(v.code.has_value());
    BOOST_TEST(*v.code == "invalid");

    // Only the field keys are in `fields`, in the order received.
    BOOST_TEST(v.fields.size() == 4U);
    BOOST_TEST(!v.fields.contains("non_field_errors"));
    BOOST_TEST(!v.fields.contains("code"));
    std::vector<std::string> keys;
    for (auto const& kv : v.fields) {
        keys.emplace_back(kv.key());
    }
    BOOST_TEST((keys == std::vector<std::string>{"app", "client_ip", "context", "action"}));

    BOOST_TEST((v.messages("app") == std::vector<std::string>{"This field may not be blank."}));
    BOOST_TEST((v.messages("client_ip") == std::vector<std::string>{"Enter a valid IPv4 or IPv6 address.",
                                                                    "Ensure this field has at least 1 characters."}));
    BOOST_TEST((v.messages("action") == std::vector<std::string>{"\"custom\" is not a valid choice."}));
    // Nested errors are not a list of strings; absent fields have no messages.
    BOOST_TEST(v.messages("context").empty());
    BOOST_TEST(v.fields.at("context").at("geo").as_array().size() == 1U);
    BOOST_TEST(v.messages("pk").empty());
    BOOST_TEST(v.messages("code").empty());
    BOOST_TEST(v.messages("non_field_errors").empty());

    // Written back in the same order, byte for byte.
    BOOST_TEST(schema::serialize(v) == text);
}

BOOST_AUTO_TEST_CASE(messages_skips_non_strings) {
    ValidationError const v = parse_ok(R"({"x":["a",1,null,"b"],"y":"not a list"})");
    BOOST_TEST((v.messages("x") == std::vector<std::string>{"a", "b"}));
    BOOST_TEST(v.messages("y").empty());
}

BOOST_AUTO_TEST_CASE(field_errors_round_trip_byte_identical) {
    std::string const text =
        R"({"created":["Datetime has wrong format. Use one of these formats instead: YYYY-MM-DDThh:mm[:ss[.uuuuuu]][+HH:MM|-HH:MM|Z]."],"pk":["Must be a valid UUID."]})";
    ValidationError const v = parse_ok(text);
    BOOST_TEST(!v.non_field_errors.has_value());
    BOOST_TEST(!v.code.has_value());
    BOOST_TEST(v.fields.size() == 2U);
    BOOST_TEST((v.messages("pk") == std::vector<std::string>{"Must be a valid UUID."}));
    BOOST_TEST(schema::serialize(v) == text);
    BOOST_TEST((parse_ok(schema::serialize(v)) == v));
    BOOST_TEST((parse_ok(schema::serialize(v, schema::serialize_options{.pretty = true})) == v));
}

BOOST_AUTO_TEST_CASE(field_keys_are_kept_in_strict_mode) {
    // additionalProperties: every other key is valid, even when unknown keys are rejected.
    std::string const text = R"({"code":"invalid","anything":["x"],"nested":{"a":["y"]}})";
    ValidationError const v = parse_ok(text, schema::parse_options::strict());
    BOOST_TEST(v.fields.size() == 2U);
    BOOST_TEST(schema::serialize(v) == text);
}

BOOST_AUTO_TEST_CASE(empty_body) {
    ValidationError const v = parse_ok("{}");
    BOOST_TEST(!v.non_field_errors.has_value());
    BOOST_TEST(!v.code.has_value());
    BOOST_TEST(v.fields.empty());
    BOOST_TEST(schema::serialize(v) == "{}");
    // An empty list is not the same as an absent one.
    ValidationError const empty_list = parse_ok(R"({"non_field_errors":[]})");
    BOOST_TEST_REQUIRE(empty_list.non_field_errors.has_value());
    BOOST_TEST(empty_list.non_field_errors->empty());
    BOOST_TEST(schema::serialize(empty_list) == R"({"non_field_errors":[]})");
    BOOST_TEST(!(empty_list == v));
}

BOOST_AUTO_TEST_CASE(non_string_in_non_field_errors_is_wrong_type) {
    auto const r = schema::parse<ValidationError>(R"({"non_field_errors":["a",1]})");
    BOOST_TEST(!r.has_value());
    BOOST_TEST_INFO("problems:\n" << r.problems());
    BOOST_TEST_REQUIRE(r.problems().size() == 1U);
    auto const& p = r.problems()[0];
    BOOST_TEST(p.pointer == "/non_field_errors/1");
    BOOST_TEST(schema::to_string(p.code) == "wrong_type");
    BOOST_TEST(p.drf_message == "Not a valid string.");
    BOOST_TEST(p.value == "1");
}

BOOST_AUTO_TEST_CASE(wrong_types) {
    auto const r = schema::parse<ValidationError>(R"({"non_field_errors":"oops","code":5,"x":["fine"]})");
    BOOST_TEST_INFO("problems:\n" << r.problems());
    BOOST_TEST_REQUIRE(r.problems().size() == 2U);
    BOOST_TEST(r.problems()[0].pointer == "/non_field_errors");
    BOOST_TEST(schema::to_string(r.problems()[0].code) == "wrong_type");
    BOOST_TEST(r.problems()[0].drf_code == "not_a_list");
    BOOST_TEST(r.problems()[0].drf_message == "Expected a list of items but got type \"str\".");
    BOOST_TEST(r.problems()[1].pointer == "/code");
    BOOST_TEST(r.problems()[1].drf_message == "Not a valid string.");

    auto const n = schema::parse<ValidationError>(R"({"non_field_errors":null})");
    BOOST_TEST_REQUIRE(n.problems().size() == 1U);
    BOOST_TEST(schema::to_string(n.problems()[0].code) == "null_not_allowed");
    BOOST_TEST(n.problems()[0].pointer == "/non_field_errors");
}

BOOST_AUTO_TEST_CASE(problem_at_document_goes_to_non_field_errors) {
    problem_list problems;
    problems.add(make_problem("", error::wrong_type, "invalid", "Invalid data. Expected a dictionary, but got list."));
    ValidationError const v = ae::to_validation_error(problems);
    BOOST_TEST_REQUIRE(v.non_field_errors.has_value());
    BOOST_TEST((*v.non_field_errors == std::vector<std::string>{"Invalid data. Expected a dictionary, but got list."}));
    BOOST_TEST(v.fields.empty());
    BOOST_TEST(!v.code.has_value());
    BOOST_TEST(schema::serialize(v) ==
               R"({"non_field_errors":["Invalid data. Expected a dictionary, but got list."]})");

    // The same from a real parse.
    auto const r = schema::parse<ae::Event>("[1]");
    BOOST_TEST(!r.has_value());
    BOOST_TEST(schema::serialize(ae::to_validation_error(r.problems())) ==
               R"({"non_field_errors":["Invalid data. Expected a dictionary, but got list."]})");
}

BOOST_AUTO_TEST_CASE(document_and_field_problems_together) {
    problem_list problems;
    problems.add(make_problem("/app", error::missing_field, "required", "This field is required."));
    problems.add(make_problem("", error::wrong_type, "invalid", "First."));
    problems.add(make_problem("/app", error::too_short, "blank", "This field may not be blank."));
    problems.add(make_problem("", error::wrong_type, "invalid", "Second."));
    problems.add(make_problem("/context/geo", error::wrong_type, "not_a_dict", "Nested."));
    ValidationError const v = ae::to_validation_error(problems);
    BOOST_TEST_REQUIRE(v.non_field_errors.has_value());
    BOOST_TEST((*v.non_field_errors == std::vector<std::string>{"First.", "Second."}));
    BOOST_TEST(
        (v.messages("app") == std::vector<std::string>{"This field is required.", "This field may not be blank."}));
    BOOST_TEST(
        schema::serialize(v) ==
        R"({"non_field_errors":["First.","Second."],"app":["This field is required.","This field may not be blank."],"context":{"geo":["Nested."]}})");
}

BOOST_AUTO_TEST_CASE(no_problems_give_an_empty_body) {
    ValidationError const v = ae::to_validation_error(problem_list{});
    BOOST_TEST(!v.non_field_errors.has_value());
    BOOST_TEST(v.fields.empty());
    BOOST_TEST(schema::serialize(v) == "{}");
}

BOOST_AUTO_TEST_CASE(value_from_and_value_to) {
    std::string const text = R"({"non_field_errors":["x"],"code":"invalid","pk":["Must be a valid UUID."]})";
    ValidationError const v = parse_ok(text);
    boost::json::value const jv = boost::json::value_from(v);
    BOOST_TEST(jv.at("code").as_string() == "invalid");
    BOOST_TEST(jv.at("pk").at(0).as_string() == "Must be a valid UUID.");
    BOOST_TEST(jv.at("non_field_errors").at(0).as_string() == "x");
    auto const back = boost::json::value_to<ValidationError>(jv);
    BOOST_TEST((back == v));
    BOOST_TEST(schema::serialize(back) == text);
}

BOOST_AUTO_TEST_CASE(body_of_a_validation_error_that_failed_to_parse) {
    // A problem under non_field_errors (an element of the list) has to end up in the body, not
    // crash the conversion: DRF nests list element errors by index.
    auto const r = schema::parse<ValidationError>(R"({"non_field_errors":["a",1]})");
    BOOST_TEST_REQUIRE(r.problems().size() == 1U);
    ValidationError const v = ae::to_validation_error(r.problems());
    std::string const body = schema::serialize(v);
    BOOST_TEST(body.find("Not a valid string.") != std::string::npos, "body: " << body);
}

BOOST_AUTO_TEST_SUITE_END()

} // namespace validation_error_test
