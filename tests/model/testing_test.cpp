#include <authentik/events/testing.hpp>

#include <authentik/events/model/event.hpp>
#include <authentik/events/model/paginated_event_list.hpp>
#include <authentik/events/schema/parse.hpp>

#include <boost/test/unit_test.hpp>

#include "test_data.hpp"

#include <string>
#include <string_view>

namespace testing_test {

namespace ae = authentik::events;
namespace schema = authentik::events::schema;
namespace testing = authentik::events::testing;
using ae::Event;
using boost::test_tools::predicate_result;
using model_tests::read_data;
using schema::error;
using schema::parse_options;

namespace {

// The failure message, read without failing the test.
std::string message_of(predicate_result const& r) {
    // Each message() call rebuilds the text it points into: take it once.
    boost::unit_test::const_string const m = r.message();
    return std::string(m.begin(), m.end());
}

bool contains(std::string const& text, std::string_view part) { return text.find(part) != std::string::npos; }

constexpr std::string_view unknown_action_event =
    R"({"pk":"3f2a5c1e-9b7d-4e8a-a1c3-5d6e7f8a9b0c","action":"access_request_escalated","app":"a","created":"2023-02-15T15:33:42Z"})";

// tests/data/five_problems.json: each problem's pointer and code.
struct located {
    std::string_view pointer;
    error code;
};
constexpr located five_problems[] = {
    {"/pk", error::invalid_uuid},           {"/user", error::wrong_type},
    {"/app", error::missing_field},         {"/client_ip", error::invalid_ip_address},
    {"/created", error::invalid_date_time},
};

} // namespace

BOOST_AUTO_TEST_SUITE(testing_helpers)

BOOST_AUTO_TEST_CASE(a_valid_payload_passes) {
    std::string const text = read_data("login_ipv6.json");
    predicate_result const r = testing::is_valid<Event>(text);
    BOOST_TEST(static_cast<bool>(r));
    BOOST_TEST(static_cast<bool>(testing::is_valid<Event>(text, parse_options::strict())));
    AUTHENTIK_EVENTS_CHECK_VALID(Event, text);
    AUTHENTIK_EVENTS_REQUIRE_VALID(Event, text, parse_options::strict());
    AUTHENTIK_EVENTS_CHECK_VALID(ae::PaginatedEventList, read_data("paginated_event_list.json"));
}

BOOST_AUTO_TEST_CASE(an_invalid_payload_fails_with_every_problem_in_the_message) {
    predicate_result const r = testing::is_valid<Event>(read_data("five_problems.json"));
    BOOST_TEST(!r);
    std::string const m = message_of(r);
    BOOST_TEST_INFO("message: " << m);
    BOOST_TEST(contains(m, "not a valid Event: 5 problems"));
    for (auto const& p : five_problems) {
        BOOST_TEST_CONTEXT(p.pointer) {
            BOOST_TEST(contains(m, "\n  " + std::string(p.pointer) + ": "));
            BOOST_TEST(contains(m, "[" + std::string(schema::to_string(p.code)) + "]"));
        }
    }
    // The offending values are quoted too.
    BOOST_TEST(contains(m, "(got \"192.168.001.1\")"));
}

BOOST_AUTO_TEST_CASE(options_are_passed_through) {
    AUTHENTIK_EVENTS_CHECK_VALID(Event, unknown_action_event);
    predicate_result const strict = testing::is_valid<Event>(unknown_action_event, parse_options::strict());
    BOOST_TEST(!strict);
    BOOST_TEST(contains(message_of(strict), "/action: "));
    BOOST_TEST(contains(message_of(strict), "[unknown_action]"));
    AUTHENTIK_EVENTS_CHECK_PROBLEM(Event, unknown_action_event, "/action", error::unknown_action,
                                   parse_options::strict());
    BOOST_TEST(!testing::has_problem<Event>(unknown_action_event, "/action", error::unknown_action));
}

BOOST_AUTO_TEST_CASE(a_truncated_list_says_how_many_were_dropped) {
    parse_options o;
    o.max_problems = 2;
    std::string const m = message_of(testing::is_valid<Event>(read_data("five_problems.json"), o));
    BOOST_TEST_INFO("message: " << m);
    BOOST_TEST(contains(m, "5 problems"));
    BOOST_TEST(contains(m, "/pk: "));
    BOOST_TEST(contains(m, "/user: "));
    BOOST_TEST(contains(m, "(3 more dropped at the cap of 2)"));
}

BOOST_AUTO_TEST_CASE(each_expected_problem_is_found) {
    std::string const text = read_data("five_problems.json");
    for (auto const& p : five_problems) {
        BOOST_TEST_CONTEXT(p.pointer) {
            BOOST_TEST(static_cast<bool>(testing::has_problem<Event>(text, p.pointer, p.code)));
            AUTHENTIK_EVENTS_CHECK_PROBLEM(Event, text, p.pointer, p.code);
        }
    }
    AUTHENTIK_EVENTS_REQUIRE_PROBLEM(Event, "[]", "", error::wrong_type);
}

BOOST_AUTO_TEST_CASE(a_missing_problem_fails_with_every_problem_found_instead) {
    std::string const text = read_data("five_problems.json");
    // The right code at another pointer, and another code at the right pointer, both fail.
    for (auto const& r : {testing::has_problem<Event>(text, "/expires", error::invalid_date_time),
                          testing::has_problem<Event>(text, "/created", error::invalid_uuid),
                          testing::has_problem<Event>(text, "", error::invalid_uuid)}) {
        BOOST_TEST(!r);
        std::string const m = message_of(r);
        BOOST_TEST_INFO("message: " << m);
        BOOST_TEST(contains(m, "got 5 problems"));
        for (auto const& p : five_problems) {
            BOOST_TEST(contains(m, "\n  " + std::string(p.pointer) + ": "));
        }
    }
    BOOST_TEST(contains(message_of(testing::has_problem<Event>(text, "/expires", error::invalid_date_time)),
                        "expected invalid_date_time at \"/expires\""));

    predicate_result const valid =
        testing::has_problem<Event>(read_data("login_ipv6.json"), "/created", error::invalid_date_time);
    BOOST_TEST(!valid);
    BOOST_TEST(message_of(valid) == "expected invalid_date_time at \"/created\"; the payload is a valid Event");
}

BOOST_AUTO_TEST_CASE(values_that_round_trip_pass) {
    for (std::string_view name : {"login_ipv6.json", "system_event.json", "custom_action.json"}) {
        BOOST_TEST_CONTEXT(name) {
            Event const e = schema::parse<Event>(read_data(name)).value();
            BOOST_TEST(static_cast<bool>(testing::round_trips(e)));
            AUTHENTIK_EVENTS_CHECK_ROUND_TRIP(e);
            AUTHENTIK_EVENTS_REQUIRE_ROUND_TRIP(e, parse_options::strict());
        }
    }
    AUTHENTIK_EVENTS_CHECK_ROUND_TRIP(
        schema::parse<ae::PaginatedEventList>(read_data("paginated_event_list.json")).value());
    AUTHENTIK_EVENTS_CHECK_ROUND_TRIP(Event{});
}

BOOST_AUTO_TEST_CASE(unknown_fields_round_trip_by_default_only) {
    Event e;
    e.unknown_fields["future"] = boost::json::object{{"x", 1}};
    // The default options preserve unknown keys, so they come back.
    AUTHENTIK_EVENTS_CHECK_ROUND_TRIP(e);

    predicate_result const ignored = testing::round_trips(e, parse_options{});
    BOOST_TEST(!ignored);
    std::string const m = message_of(ignored);
    BOOST_TEST_INFO("message: " << m);
    BOOST_TEST(contains(m, "parse(serialize(x)) != x"));
    BOOST_TEST(contains(m, "\nserialize(x): {\"pk\":"));
    BOOST_TEST(contains(m, "\"future\":{\"x\":1}}"));
    BOOST_TEST(contains(m, "\nserialize(parse(serialize(x))): {\"pk\":"));

    predicate_result const strict = testing::round_trips(e, parse_options::strict());
    BOOST_TEST(!strict);
    BOOST_TEST(contains(message_of(strict), "does not parse back as Event: 1 problem\n  /future: "));
    BOOST_TEST(contains(message_of(strict), "[unknown_field]"));
}

BOOST_AUTO_TEST_CASE(a_value_whose_text_does_not_read_back_fails_with_its_problems) {
    Event e;
    // Year 10000: representable in memory, written, and rejected when read.
    e.created = ae::format::date_time::from_unix_microseconds(253402300800000000);
    predicate_result const r = testing::round_trips(e);
    BOOST_TEST(!r);
    std::string const m = message_of(r);
    BOOST_TEST_INFO("message: " << m);
    BOOST_TEST(contains(m, "serialize() wrote text that does not parse back as Event: 1 problem\n  /created: "));
    BOOST_TEST(contains(m, "[invalid_date_time]"));
    BOOST_TEST(contains(m, "\nserialize(x): {\"pk\":"));
}

BOOST_AUTO_TEST_CASE(a_value_that_reads_back_different_fails) {
    Event e;
    e.app = "\xFF"; // not UTF-8: written as U+FFFD, so it reads back as another string
    predicate_result const r = testing::round_trips(e);
    BOOST_TEST(!r);
    BOOST_TEST(contains(message_of(r), "parse(serialize(x)) != x\nserialize(x): "));
}

BOOST_AUTO_TEST_CASE(long_payloads_are_shortened_in_the_message) {
    Event e;
    e.context = boost::json::object{{"blob", std::string(5000, 'x')}};
    predicate_result const r = testing::round_trips(e, parse_options::strict());
    BOOST_TEST(static_cast<bool>(r));
    e.unknown_fields["future"] = 1;
    std::string const m = message_of(testing::round_trips(e, parse_options{}));
    BOOST_TEST_INFO("message: " << m);
    BOOST_TEST(m.size() < 2000U);
    BOOST_TEST(contains(m, "... (5"));
    BOOST_TEST(contains(m, " bytes)"));
}

// The macros themselves fail: three failed checks are expected here, and the case passes only
// when exactly three fail. (Their messages appear in the log.)
BOOST_AUTO_TEST_CASE(the_macros_fail_on_bad_input, *boost::unit_test::expected_failures(3)) {
    BOOST_TEST_MESSAGE("three failures are expected below");
    AUTHENTIK_EVENTS_CHECK_VALID(Event, read_data("five_problems.json"));
    AUTHENTIK_EVENTS_CHECK_PROBLEM(Event, read_data("login_ipv6.json"), "/created", error::invalid_date_time);
    Event e;
    e.unknown_fields["future"] = 1;
    AUTHENTIK_EVENTS_CHECK_ROUND_TRIP(e, parse_options{});
}

BOOST_AUTO_TEST_SUITE_END()

} // namespace testing_test
