#include <authentik/events/schema/drf.hpp>

#include "test_types.hpp"

#include <authentik/events/schema/parse.hpp>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>
#include <boost/test/unit_test.hpp>

#include <string>

namespace drf_test {

namespace schema = authentik::events::schema;
namespace drf = authentik::events::schema::drf;
using schema::error;
using schema::problem;
using schema::problem_list;

BOOST_AUTO_TEST_SUITE(drf_hpp)

namespace {

problem at(std::string pointer, std::string drf_message) {
    return problem{std::move(pointer), error::wrong_type, "m", "", "invalid", std::move(drf_message)};
}

boost::json::value body(problem_list const& list) { return boost::json::value(drf::to_body(list)); }

} // namespace

BOOST_AUTO_TEST_CASE(wordings) {
    // Django REST framework's default_error_messages, code and text.
    BOOST_TEST(drf::required().code == "required");
    BOOST_TEST(drf::required().message == "This field is required.");
    BOOST_TEST(drf::null().code == "null");
    BOOST_TEST(drf::null().message == "This field may not be null.");
    BOOST_TEST(drf::blank().code == "blank");
    BOOST_TEST(drf::blank().message == "This field may not be blank.");
    BOOST_TEST(drf::min_length(3).code == "min_length");
    BOOST_TEST(drf::min_length(3).message == "Ensure this field has at least 3 characters.");
    BOOST_TEST(drf::min_length(12).message == "Ensure this field has at least 12 characters.");
    BOOST_TEST(drf::invalid_choice("x").code == "invalid_choice");
    BOOST_TEST(drf::invalid_choice("purple").message == "\"purple\" is not a valid choice.");
    BOOST_TEST(drf::invalid_uuid().code == "invalid");
    BOOST_TEST(drf::invalid_uuid().message == "Must be a valid UUID.");
    BOOST_TEST(drf::invalid_date_time().code == "invalid");
    BOOST_TEST(drf::invalid_date_time().message == "Datetime has wrong format. Use one of these formats instead: "
                                                   "YYYY-MM-DDThh:mm[:ss[.uuuuuu]][+HH:MM|-HH:MM|Z].");
    BOOST_TEST(drf::invalid_ip_address().code == "invalid");
    BOOST_TEST(drf::invalid_ip_address().message == "Enter a valid IPv4 or IPv6 address.");
    BOOST_TEST(drf::not_a_dict("list").code == "not_a_dict");
    BOOST_TEST(drf::not_a_dict("list").message == "Expected a dictionary of items but got type \"list\".");
    BOOST_TEST(drf::not_a_list("str").code == "not_a_list");
    BOOST_TEST(drf::not_a_list("str").message == "Expected a list of items but got type \"str\".");
    BOOST_TEST(drf::not_a_string().message == "Not a valid string.");
    BOOST_TEST(drf::not_a_number().message == "A valid number is required.");
    BOOST_TEST(drf::not_an_integer().message == "A valid integer is required.");
    BOOST_TEST(drf::not_a_boolean().message == "Must be a valid boolean.");
    BOOST_TEST(drf::not_a_string().code == "invalid");
    BOOST_TEST(drf::not_a_number().code == "invalid");
    BOOST_TEST(drf::not_an_integer().code == "invalid");
    BOOST_TEST(drf::not_a_boolean().code == "invalid");
    BOOST_TEST(drf::invalid_data("list").code == "invalid");
    BOOST_TEST(drf::invalid_data("list").message == "Invalid data. Expected a dictionary, but got list.");
    BOOST_TEST(drf::parse_error("x").code == "parse_error");
    BOOST_TEST(drf::parse_error("Expecting value").message == "JSON parse error - Expecting value");
    BOOST_TEST(drf::duplicate_key().code == "duplicate_key");
    BOOST_TEST(drf::duplicate_key().message == "Duplicate key.");
    BOOST_TEST(drf::unknown_field().code == "unknown_field");
    BOOST_TEST(drf::unknown_field().message == "Unknown field.");
}

BOOST_AUTO_TEST_CASE(python_type_names) {
    BOOST_TEST(drf::python_type_name(boost::json::value(nullptr)) == "NoneType");
    BOOST_TEST(drf::python_type_name(boost::json::value(true)) == "bool");
    BOOST_TEST(drf::python_type_name(boost::json::value(-1)) == "int");
    BOOST_TEST(drf::python_type_name(boost::json::value(std::uint64_t{18446744073709551615ULL})) == "int");
    BOOST_TEST(drf::python_type_name(boost::json::value(1.5)) == "float");
    BOOST_TEST(drf::python_type_name(boost::json::value("s")) == "str");
    BOOST_TEST(drf::python_type_name(boost::json::parse("[]")) == "list");
    BOOST_TEST(drf::python_type_name(boost::json::parse("{}")) == "dict");
}

BOOST_AUTO_TEST_CASE(empty_list_is_empty_body) { BOOST_TEST(drf::to_body(problem_list{}).empty()); }

BOOST_AUTO_TEST_CASE(top_level_fields) {
    problem_list list;
    list.add(at("/pk", "Must be a valid UUID."));
    list.add(at("/app", "This field is required."));
    BOOST_TEST(body(list) ==
               boost::json::parse(R"({"pk":["Must be a valid UUID."],"app":["This field is required."]})"));
    // Keys in the order the problems came.
    BOOST_TEST(boost::json::serialize(drf::to_body(list)) ==
               R"({"pk":["Must be a valid UUID."],"app":["This field is required."]})");
}

BOOST_AUTO_TEST_CASE(document_problems_go_to_non_field_errors) {
    problem_list list;
    list.add(at("", "Invalid data. Expected a dictionary, but got list."));
    BOOST_TEST(body(list) ==
               boost::json::parse(R"({"non_field_errors":["Invalid data. Expected a dictionary, but got list."]})"));
}

BOOST_AUTO_TEST_CASE(several_messages_under_one_key) {
    problem_list list;
    list.add(at("/a", "first"));
    list.add(at("/b", "other"));
    list.add(at("/a", "second"));
    list.add(at("", "doc 1"));
    list.add(at("", "doc 2"));
    BOOST_TEST(body(list) ==
               boost::json::parse(R"({"a":["first","second"],"b":["other"],"non_field_errors":["doc 1","doc 2"]})"));
}

BOOST_AUTO_TEST_CASE(nesting_by_pointer_tokens) {
    problem_list list;
    list.add(at("/user/email", "Enter a valid email address."));
    list.add(at("/user/name", "This field is required."));
    list.add(at("/items/1/name", "This field may not be blank."));
    list.add(at("/items/3/name", "This field is required."));
    list.add(at("/a/b/c/d", "deep"));
    BOOST_TEST(body(list) == boost::json::parse(R"({
        "user": {"email": ["Enter a valid email address."], "name": ["This field is required."]},
        "items": {"1": {"name": ["This field may not be blank."]}, "3": {"name": ["This field is required."]}},
        "a": {"b": {"c": {"d": ["deep"]}}}
    })"));
}

BOOST_AUTO_TEST_CASE(escaped_tokens_are_unescaped) {
    problem_list list;
    list.add(at("/a~1b", "slash"));
    list.add(at("/m~0n/x~1y~0z", "tilde"));
    list.add(at("/~01", "not a slash"));
    list.add(at("/", "empty key"));
    BOOST_TEST(
        body(list) ==
        boost::json::parse(R"({"a/b":["slash"],"m~n":{"x/y~z":["tilde"]},"~1":["not a slash"],"":["empty key"]})"));
}

BOOST_AUTO_TEST_CASE(parse_errors_go_to_non_field_errors) {
    // docs/errors.md: problems with DRF code parse_error (the text could not be read) go under
    // non_field_errors whatever their pointer.
    problem_list list;
    list.add(problem{"/a/b", error::invalid_json, "m", "", "parse_error", "JSON parse error - syntax error"});
    list.add(problem{"/c", error::depth_exceeded, "m", "", "parse_error", "JSON parse error - depth_exceeded"});
    BOOST_TEST(body(list) ==
               boost::json::parse(
                   R"({"non_field_errors":["JSON parse error - syntax error","JSON parse error - depth_exceeded"]})"));
    auto const r = schema::parse<schema_test::Record>(R"({"name":"x","tags":["a",]})");
    BOOST_TEST_REQUIRE(r.problems().size() == 1U);
    BOOST_TEST(body(r.problems()).as_object().size() == 1U);
    BOOST_TEST(body(r.problems()).as_object().contains("non_field_errors"));
}

BOOST_AUTO_TEST_CASE(body_of_a_real_parse) {
    auto const r = schema::parse<schema_test::Record>(
        R"({"name":"","ip":"1.2.3","id":"00000000-0000-0000-0000-000000000000","when":"2000-01-01T00:00:00Z",)"
        R"("items":[{"name":"ok"},{"count":1}],"inner":{"name":5}})");
    BOOST_TEST_REQUIRE(r.problems().size() == 5U);
    BOOST_TEST(body(r.problems()) == boost::json::parse(R"({
        "name": ["This field may not be blank."],
        "ip": ["Enter a valid IPv4 or IPv6 address."],
        "inner": {"name": ["Not a valid string."]},
        "items": {"1": {"name": ["This field is required."]}},
        "active": ["This field is required."]
    })"));
}

// One problem's pointer a prefix of another's: both messages survive, the member's own under
// its non_field_errors, in either order.
BOOST_AUTO_TEST_CASE(member_and_nested_messages_both_kept) {
    problem_list nested_first;
    nested_first.add(at("/extra/x", "inner"));
    nested_first.add(at("/extra", "outer"));
    BOOST_TEST(body(nested_first) == boost::json::parse(R"({"extra":{"x":["inner"],"non_field_errors":["outer"]}})"));

    problem_list member_first;
    member_first.add(at("/extra", "outer"));
    member_first.add(at("/extra/x", "inner"));
    BOOST_TEST(body(member_first) == boost::json::parse(R"({"extra":{"non_field_errors":["outer"],"x":["inner"]}})"));
}

BOOST_AUTO_TEST_SUITE_END()

} // namespace drf_test
