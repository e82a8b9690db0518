#include <authentik/events.hpp>

#include <boost/json/parse.hpp>
#include <boost/system/error_code.hpp>
#include <boost/test/unit_test.hpp>

#include "test_data.hpp"

#include <cstddef>
#include <sstream>
#include <string>
#include <type_traits>

namespace events_test {

// Everything here goes through the umbrella header and the names it exports into
// authentik::events, as README.md shows them.
namespace ae = authentik::events;
using model_tests::read_data;

static_assert(std::is_same_v<ae::parse_options, ae::schema::parse_options>);
static_assert(std::is_same_v<ae::serialize_options, ae::schema::serialize_options>);
static_assert(std::is_same_v<ae::result<ae::Event>, ae::schema::result<ae::Event>>);
static_assert(std::is_same_v<ae::problem, ae::schema::problem>);
static_assert(std::is_same_v<ae::problem_list, ae::schema::problem_list>);
static_assert(std::is_same_v<ae::error, ae::schema::error>);
static_assert(std::is_same_v<ae::validation_failure, ae::schema::validation_failure>);
static_assert(std::is_same_v<ae::nullable<std::string>, ae::schema::nullable<std::string>>);
static_assert(std::is_same_v<ae::date_time, ae::format::date_time>);
static_assert(std::is_same_v<ae::unknown_key_policy, ae::schema::unknown_key_policy>);
static_assert(std::is_same_v<ae::unknown_enum_policy, ae::schema::unknown_enum_policy>);
static_assert(std::is_base_of_v<boost::system::system_error, ae::validation_failure>);

BOOST_AUTO_TEST_SUITE(events)

BOOST_AUTO_TEST_CASE(readme_usage_valid_event) {
    std::string const text = read_data("login_ipv6.json");
    ae::result<ae::Event> event = ae::parse<ae::Event>(text);
    BOOST_TEST_REQUIRE(static_cast<bool>(event));
    std::ostringstream out;
    out << event->action.text() << " by " << event->app << " at " << ae::format::date_time_to_string(event->created)
        << '\n'
        << ae::serialize(*event) << '\n';
    BOOST_TEST(out.str() == "login by authentik.events.signals at 2023-02-15T15:33:42.771091Z\n" + text + "\n");
    BOOST_TEST(event.problems().empty());
}

BOOST_AUTO_TEST_CASE(readme_usage_five_problems) {
    ae::result<ae::Event> event = ae::parse<ae::Event>(read_data("five_problems.json"));
    BOOST_TEST_REQUIRE(!event);
    std::ostringstream err;
    err << event.problems();
    // What README.md says the example prints for tests/data/five_problems.json.
    BOOST_TEST(err.str() ==
               "/pk: not a UUID: expected 36 characters (got \"not-a-uuid\") [invalid_uuid]\n"
               "/user: expected object, got array (got []) [wrong_type]\n"
               "/app: required field \"app\" is missing [missing_field]\n"
               "/client_ip: not an IPv4 or IPv6 address: leading zeros are not allowed in a decimal part (got "
               "\"192.168.001.1\") [invalid_ip_address]\n"
               "/created: not an RFC 3339 date-time: day 29 is out of range for February of a non-leap year (got "
               "\"2023-02-29T10:00:00Z\") [invalid_date_time]\n");
    BOOST_TEST(
        ae::serialize(ae::to_validation_error(event.problems())) ==
        R"({"pk":["Must be a valid UUID."],"user":["Expected a dictionary of items but got type \"list\"."],)"
        R"("app":["This field is required."],"client_ip":["Enter a valid IPv4 or IPv6 address."],)"
        R"("created":["Datetime has wrong format. Use one of these formats instead: YYYY-MM-DDThh:mm[:ss[.uuuuuu]][+HH:MM|-HH:MM|Z]."]})");
}

BOOST_AUTO_TEST_CASE(throwing_conveniences) {
    std::string const bad = read_data("five_problems.json");
    try {
        (void)ae::parse_or_throw<ae::Event>(bad);
        BOOST_FAIL("parse_or_throw did not throw");
    } catch (ae::validation_failure const& f) {
        BOOST_TEST(f.problems().size() == 5U);
        BOOST_TEST((f.code() == boost::system::error_code(ae::error::invalid_uuid)));
        BOOST_TEST(std::string(f.what()).find("5 problems") != std::string::npos);
    }
    ae::result<ae::Event> r = ae::parse<ae::Event>(bad);
    BOOST_CHECK_THROW((void)r.value(), ae::validation_failure);
    // A caller catching boost::system::system_error sees it too.
    BOOST_CHECK_THROW((void)ae::parse_or_throw<ae::GenericError>("{}"), boost::system::system_error);

    ae::Event const ok = ae::parse_or_throw<ae::Event>(read_data("system_event.json"));
    BOOST_TEST(ok.client_ip.is_null());
}

BOOST_AUTO_TEST_CASE(validate_a_dom) {
    boost::json::value const jv = boost::json::parse(read_data("custom_action.json"));
    ae::result<ae::Event> r = ae::validate<ae::Event>(jv);
    BOOST_TEST_REQUIRE(r.has_value());
    BOOST_TEST(r->action.is_custom());
    ae::Event const e = ae::validate_or_throw<ae::Event>(jv, ae::parse_options::strict());
    BOOST_TEST((e == *r));
    BOOST_CHECK_THROW((void)ae::validate_or_throw<ae::Event>(boost::json::value(boost::json::array{})),
                      ae::validation_failure);
}

BOOST_AUTO_TEST_CASE(options_have_the_documented_defaults) {
    ae::parse_options const o;
    BOOST_TEST((o.unknown_keys == ae::unknown_key_policy::ignore));
    BOOST_TEST((o.unknown_actions == ae::unknown_enum_policy::keep));
    BOOST_TEST(!o.allow_duplicate_keys);
    BOOST_TEST(o.max_depth == 64U);
    BOOST_TEST(o.max_bytes == std::size_t{64} * 1024 * 1024);
    BOOST_TEST(o.max_string_length == std::size_t{8} * 1024 * 1024);
    BOOST_TEST(o.max_problems == 100U);
    constexpr ae::parse_options strict = ae::parse_options::strict();
    BOOST_TEST((strict.unknown_keys == ae::unknown_key_policy::reject));
    BOOST_TEST((strict.unknown_actions == ae::unknown_enum_policy::reject));
    BOOST_TEST(!ae::serialize_options{}.pretty);
}

BOOST_AUTO_TEST_CASE(options_change_behaviour) {
    std::string const text =
        R"({"pk":"3f2a5c1e-9b7d-4e8a-a1c3-5d6e7f8a9b0c","action":"review_escalated","app":"a","created":"2023-02-15T15:33:42Z","new_key":1})";
    BOOST_TEST(ae::parse<ae::Event>(text).has_value());

    ae::parse_options preserve;
    preserve.unknown_keys = ae::unknown_key_policy::preserve;
    BOOST_TEST(ae::serialize(ae::parse<ae::Event>(text, preserve).value()) == text);

    auto const strict = ae::parse<ae::Event>(text, ae::parse_options::strict());
    BOOST_TEST(strict.problems().size() == 2U);
    BOOST_TEST(strict.problems().contains(ae::error::unknown_action, "/action"));
    BOOST_TEST(strict.problems().contains(ae::error::unknown_field, "/new_key"));

    ae::parse_options shallow;
    shallow.max_depth = 2;
    auto const deep = ae::parse<ae::Event>(
        R"({"pk":"3f2a5c1e-9b7d-4e8a-a1c3-5d6e7f8a9b0c","action":"login","app":"a","context":{"a":{"b":1}},"created":"2023-02-15T15:33:42Z"})",
        shallow);
    BOOST_TEST(deep.problems().contains(ae::error::depth_exceeded));

    ae::parse_options few;
    few.max_problems = 2;
    auto const capped = ae::parse<ae::Event>("{}", few);
    BOOST_TEST(capped.problems().size() == 2U);
    BOOST_TEST(capped.problems().truncated());

    ae::parse_options small;
    small.max_bytes = 10;
    BOOST_TEST(ae::parse<ae::Event>(text, small).problems().contains(ae::error::size_exceeded));
}

BOOST_AUTO_TEST_CASE(serialize_options_and_serialize_to) {
    ae::Event const e = ae::parse_or_throw<ae::Event>(read_data("system_event.json"));
    std::string pretty;
    ae::serialize_to(pretty, e, ae::serialize_options{.pretty = true});
    BOOST_TEST(pretty.substr(0, 12) == "{\n  \"pk\": \"0");
    BOOST_TEST((ae::parse_or_throw<ae::Event>(pretty) == e));
}

BOOST_AUTO_TEST_CASE(exported_value_types) {
    ae::nullable<std::string> ip;
    BOOST_TEST(ip.is_absent());
    ip = nullptr;
    BOOST_TEST(ip.is_null());
    ip = std::string("::1");
    BOOST_TEST(*ip == "::1");

    ae::date_time const t = ae::date_time::from_unix_microseconds(1676475222771091);
    BOOST_TEST(ae::format::date_time_to_string(t) == "2023-02-15T15:33:42.771091Z");

    boost::system::error_code const ec = ae::error::missing_field;
    BOOST_TEST(std::string(ec.category().name()) == "authentik.events");
    BOOST_TEST(ec.message() == "missing_field");

    ae::problem_list list;
    list.add(ae::problem{"/app",
                         ae::error::missing_field,
                         "required field \"app\" is missing",
                         {},
                         "required",
                         "This field is required."});
    std::ostringstream os;
    os << list;
    BOOST_TEST(os.str() == "/app: required field \"app\" is missing [missing_field]\n");
    BOOST_TEST(ae::serialize(ae::to_validation_error(list)) == R"({"app":["This field is required."]})");
}

BOOST_AUTO_TEST_CASE(all_model_types_are_reachable) {
    ae::GenericError const g =
        ae::parse_or_throw<ae::GenericError>(R"({"detail":"No Event matches the given query."})");
    BOOST_TEST(ae::serialize(g) == R"({"detail":"No Event matches the given query."})");
    ae::ValidationError const v = ae::parse_or_throw<ae::ValidationError>(R"({"pk":["Must be a valid UUID."]})");
    BOOST_TEST(v.messages("pk").size() == 1U);
    BOOST_TEST((ae::event_action_from_string("export_ready") == ae::EventActions::export_ready));
    BOOST_TEST(ae::event_action::from_text("custom_x").is_custom());
}

BOOST_AUTO_TEST_SUITE_END()

} // namespace events_test
