#include <authentik/events/model/event.hpp>
#include <authentik/events/model/validation_error.hpp>
#include <authentik/events/schema/parse.hpp>
#include <authentik/events/schema/serialize.hpp>
#include <authentik/events/testing.hpp>

#include <boost/json/parse.hpp>
#include <boost/json/value_from.hpp>
#include <boost/json/value_to.hpp>
#include <boost/test/unit_test.hpp>

#include "test_data.hpp"

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace event_test {

namespace ae = authentik::events;
namespace schema = authentik::events::schema;
using ae::Event;
using ae::EventActions;
using model_tests::read_data;
using schema::error;
using schema::parse_options;
using schema::problem_list;
using schema::serialize_options;

namespace {

// Every payload in tests/data that holds a valid event in the server's canonical form.
constexpr std::string_view canonical_payloads[] = {
    "login_ipv6.json",
    "custom_action.json",
    "system_event.json",
    "model_updated.json",
    "policy_exception.json",
    "impersonation_started.json",
    "access_request_approved.json",
};

constexpr std::string_view date_time_message =
    "Datetime has wrong format. Use one of these formats instead: YYYY-MM-DDThh:mm[:ss[.uuuuuu]][+HH:MM|-HH:MM|Z].";

struct expected_problem {
    std::string_view pointer;
    error code;
    std::string_view drf_code;
    std::string_view drf_message;
};

std::string describe(problem_list const& problems) {
    std::string out;
    for (auto const& p : problems) {
        out += p.pointer + " [" + std::string(schema::to_string(p.code)) + "] " + p.drf_message + "\n";
    }
    return out;
}

// The problems must be exactly these, in this order.
void check_problems(problem_list const& problems, std::initializer_list<expected_problem> expected) {
    BOOST_TEST_INFO("problems:\n" << describe(problems));
    BOOST_TEST_REQUIRE(problems.size() == expected.size());
    std::size_t i = 0;
    for (auto const& e : expected) {
        auto const& p = problems[i++];
        BOOST_TEST_CONTEXT("problem " << i << " (" << e.pointer << ")") {
            BOOST_TEST(p.pointer == e.pointer);
            BOOST_TEST(schema::to_string(p.code) == schema::to_string(e.code));
            if (!e.drf_code.empty()) {
                BOOST_TEST(p.drf_code == e.drf_code);
            }
            if (!e.drf_message.empty()) {
                BOOST_TEST(p.drf_message == e.drf_message);
            }
            BOOST_TEST(!p.message.empty());
        }
    }
    BOOST_TEST(!problems.truncated());
}

// A minimal valid event with `middle` spliced in after "app" (which must start with a comma or
// be empty).
std::string event_with(std::string_view middle, std::string_view action = "login") {
    return std::string(R"({"pk":"3f2a5c1e-9b7d-4e8a-a1c3-5d6e7f8a9b0c","action":")") + std::string(action) +
           R"(","app":"authentik.events.signals")" + std::string(middle) + R"(,"created":"2023-02-15T15:33:42Z"})";
}

Event parse_ok(std::string_view text, parse_options const& opt = {}) {
    AUTHENTIK_EVENTS_REQUIRE_VALID(Event, text, opt);
    return schema::parse<Event>(text, opt).value();
}

} // namespace

BOOST_AUTO_TEST_SUITE(event)

BOOST_AUTO_TEST_CASE(canonical_payloads_reserialize_to_identical_bytes) {
    for (auto name : canonical_payloads) {
        BOOST_TEST_CONTEXT("payload " << name) {
            std::string const text = read_data(name);
            BOOST_TEST_REQUIRE(!text.empty());
            Event const e = parse_ok(text);
            BOOST_TEST(schema::serialize(e) == text);
            // serialize_to appends to what is already there.
            std::string out = "prefix:";
            schema::serialize_to(out, e);
            BOOST_TEST(out == "prefix:" + text);
        }
    }
}

BOOST_AUTO_TEST_CASE(canonical_payloads_are_accepted_in_strict_mode) {
    for (auto name : canonical_payloads) {
        BOOST_TEST_CONTEXT("payload " << name) {
            std::string const text = read_data(name);
            Event const e = parse_ok(text, parse_options::strict());
            BOOST_TEST(schema::serialize(e) == text);
        }
    }
}

BOOST_AUTO_TEST_CASE(round_trip_compact_and_pretty) {
    for (auto name : canonical_payloads) {
        BOOST_TEST_CONTEXT("payload " << name) {
            Event const e = parse_ok(read_data(name));
            std::string const compact = schema::serialize(e);
            std::string const pretty = schema::serialize(e, serialize_options{.pretty = true});
            BOOST_TEST(pretty != compact);
            BOOST_TEST(pretty.find("\n  \"pk\": \"") != std::string::npos);
            // parse(compact) == e, compact written again byte for byte, parse(pretty) == e.
            AUTHENTIK_EVENTS_CHECK_ROUND_TRIP(e, parse_options{});
            // Pretty text reads back to the same compact bytes.
            BOOST_TEST(schema::serialize(parse_ok(pretty)) == compact);
        }
    }
}

BOOST_AUTO_TEST_CASE(pretty_layout) {
    Event const e = parse_ok(
        R"({"pk":"3f2a5c1e-9b7d-4e8a-a1c3-5d6e7f8a9b0c","user":{"pk":1,"groups":["a",2.5]},"action":"login","app":"a","context":{},"client_ip":null,"created":"2023-02-15T15:33:42Z"})");
    std::string const expected = "{\n"
                                 "  \"pk\": \"3f2a5c1e-9b7d-4e8a-a1c3-5d6e7f8a9b0c\",\n"
                                 "  \"user\": {\n"
                                 "    \"pk\": 1,\n"
                                 "    \"groups\": [\n"
                                 "      \"a\",\n"
                                 "      2.5\n"
                                 "    ]\n"
                                 "  },\n"
                                 "  \"action\": \"login\",\n"
                                 "  \"app\": \"a\",\n"
                                 "  \"context\": {},\n"
                                 "  \"client_ip\": null,\n"
                                 "  \"created\": \"2023-02-15T15:33:42Z\"\n"
                                 "}";
    BOOST_TEST(schema::serialize(e, serialize_options{.pretty = true}) == expected);
}

BOOST_AUTO_TEST_CASE(login_ipv6_fields) {
    Event const e = parse_ok(read_data("login_ipv6.json"));
    BOOST_TEST(ae::format::uuid_to_string(e.pk) == "3f2a5c1e-9b7d-4e8a-a1c3-5d6e7f8a9b0c");
    BOOST_TEST((e.action == ae::event_action(EventActions::login)));
    BOOST_TEST(e.app == "authentik.events.signals");
    BOOST_TEST_REQUIRE(e.user.has_value());
    BOOST_TEST(e.user->at("username").as_string() == "akadmin");
    BOOST_TEST(e.user->at("pk").as_int64() == 1);
    BOOST_TEST_REQUIRE(e.client_ip.has_value());
    BOOST_TEST(*e.client_ip == "::1");
    BOOST_TEST(e.created.unix_microseconds() == 1676475222771091);
    BOOST_TEST_REQUIRE(e.expires.has_value());
    BOOST_TEST(ae::format::date_time_to_string(*e.expires) == "2024-02-15T15:33:42.771091Z");
    BOOST_TEST_REQUIRE(e.context.has_value());
    BOOST_TEST(e.context->at("geo").at("lat").as_double() == 52.52);
    BOOST_TEST(e.context->at("asn").at("asn").as_int64() == 3320);
    // UUIDs inside brand are 32 hex digits and stay plain strings.
    BOOST_TEST_REQUIRE(e.brand.has_value());
    BOOST_TEST(e.brand->at("pk").as_string() == "8f5b1c2d3e4f40718293a4b5c6d7e8f9");
    BOOST_TEST(e.unknown_fields.empty());
}

BOOST_AUTO_TEST_CASE(custom_action_fields) {
    std::string const text = read_data("custom_action.json");
    Event const e = parse_ok(text);
    BOOST_TEST(e.action.is_custom());
    BOOST_TEST(e.action.custom_suffix() == "password_reset_requested");
    BOOST_TEST(e.action.text() == "custom_password_reset_requested");
    BOOST_TEST((e.action.value() == EventActions::custom_));
    BOOST_TEST(e.app == "Password reset notifier");
    BOOST_TEST(e.user->at("username").as_string() == "j\xC3\xBCrgen");
    BOOST_TEST(e.user->at("on_behalf_of").at("username").as_string() == "akadmin");
    auto const& ctx = *e.context;
    BOOST_TEST(ctx.at("threshold").as_double() == 1e-05);
    BOOST_TEST(ctx.at("big").as_double() == 1e+16);
    BOOST_TEST(ctx.at("whole").is_double());
    BOOST_TEST(ctx.at("whole").as_double() == 1.0);
    BOOST_TEST(ctx.at("ratio").as_double() == -0.1);
    // Raw UTF-8 in, raw UTF-8 out: the emoji is not escaped.
    BOOST_TEST(text.find("\xF0\x9F\x94\x91") != std::string::npos);
    BOOST_TEST(schema::serialize(e).find("\xF0\x9F\x94\x91") != std::string::npos);
    BOOST_TEST(schema::serialize(e).find("\\u") == std::string::npos);
    BOOST_TEST(*e.client_ip == "2001:db8::ff00:42:8329");
    BOOST_TEST(e.brand->empty());
}

BOOST_AUTO_TEST_CASE(system_event_fields) {
    Event const e = parse_ok(read_data("system_event.json"));
    BOOST_TEST_REQUIRE(e.user.has_value());
    BOOST_TEST(e.user->empty());
    BOOST_TEST(e.client_ip.is_null());
    BOOST_TEST(!e.client_ip.has_value());
    BOOST_TEST(!e.client_ip.is_absent());
    BOOST_TEST((e.action.value() == EventActions::system_task_execution));
    BOOST_TEST(ae::format::date_time_to_string(e.created) == "2023-02-15T15:33:42.000001Z");
    BOOST_TEST(e.context->at("diff").at("last_seen").at("previous_value").is_null());
}

BOOST_AUTO_TEST_CASE(new_payload_fields) {
    Event const updated = parse_ok(read_data("model_updated.json"));
    BOOST_TEST((updated.action.value() == EventActions::model_updated));
    BOOST_TEST(updated.context->at("model").at("pk").as_int64() == 12);
    BOOST_TEST(updated.context->at("diff").at("open_in_new_tab").at("new_value").as_bool());
    BOOST_TEST(ae::format::date_time_to_string(updated.created) == "2024-03-01T08:15:00.000123Z");

    Event const failed = parse_ok(read_data("policy_exception.json"));
    BOOST_TEST((failed.action.value() == EventActions::policy_exception));
    BOOST_TEST(*failed.client_ip == "255.255.255.255");
    auto const& frames = failed.context->at("exception").as_array();
    BOOST_TEST(frames.size() == 3U);
    BOOST_TEST(frames[0].at("lineno").as_int64() == 123);
    BOOST_TEST(failed.context->at("request").at("context").at("secret").as_string() == "********************");
    BOOST_TEST(failed.context->at("request").at("context").at("counter").as_uint64() == 18446744073709551615ULL);
    BOOST_TEST(failed.context->at("traceback").as_string().find("\n  File \"/authentik") != std::string::npos);

    Event const impersonation = parse_ok(read_data("impersonation_started.json"));
    BOOST_TEST((impersonation.action.value() == EventActions::impersonation_started));
    BOOST_TEST(impersonation.user->at("on_behalf_of").at("username").as_string() == "akadmin");
    // The U+2028 written as \u2028 reads as the character.
    BOOST_TEST(impersonation.context->at("reason").as_string().find("\xE2\x80\xA8") != std::string::npos);

    Event const approved = parse_ok(read_data("access_request_approved.json"));
    BOOST_TEST(approved.action.is_enum_value());
    BOOST_TEST((approved.action.value() == EventActions::access_request_approved));
}

BOOST_AUTO_TEST_CASE(unknown_action_is_kept_by_default) {
    std::string const text = event_with("", "access_request_escalated");
    Event const e = parse_ok(text);
    BOOST_TEST(e.action.is_unknown());
    BOOST_TEST(e.action.text() == "access_request_escalated");
    BOOST_TEST(schema::serialize(e) == text);
}

BOOST_AUTO_TEST_CASE(unknown_action_is_rejected_in_strict_mode) {
    auto const r = schema::parse<Event>(event_with("", "x"), parse_options::strict());
    BOOST_TEST(!r.has_value());
    check_problems(r.problems(),
                   {{"/action", error::unknown_action, "invalid_choice", "\"x\" is not a valid choice."}});
    BOOST_TEST(r.problems()[0].value == "\"x\"");

    parse_options only_actions;
    only_actions.unknown_actions = schema::unknown_enum_policy::reject;
    auto const r2 = schema::parse<Event>(event_with("", "access_request_escalated"), only_actions);
    check_problems(r2.problems(), {{"/action", error::unknown_action, "invalid_choice",
                                    "\"access_request_escalated\" is not a valid choice."}});
}

BOOST_AUTO_TEST_CASE(custom_actions_are_accepted_in_strict_mode) {
    for (std::string_view action : {"custom_", "custom_login", "custom_password_reset_requested"}) {
        BOOST_TEST_CONTEXT("action " << action) {
            std::string const text = event_with("", action);
            Event const e = parse_ok(text, parse_options::strict());
            BOOST_TEST(e.action.text() == action);
            BOOST_TEST((e.action.value() == EventActions::custom_));
            BOOST_TEST(schema::serialize(e) == text);
        }
    }
    // The 2026.8 actions are known, so strict mode takes them too.
    Event const e = parse_ok(event_with("", "access_request_revoked"), parse_options::strict());
    BOOST_TEST((e.action.value() == EventActions::access_request_revoked));
}

BOOST_AUTO_TEST_CASE(client_ip_absent_null_and_value_survive_round_trips) {
    std::string const absent = event_with("");
    std::string const null = event_with(R"(,"client_ip":null)");
    std::string const value = event_with(R"(,"client_ip":"::1")");

    Event const a = parse_ok(absent);
    BOOST_TEST(a.client_ip.is_absent());
    BOOST_TEST(!a.client_ip.is_null());
    BOOST_TEST((a.client_ip.state() == schema::presence::absent));
    BOOST_TEST(schema::serialize(a) == absent);
    BOOST_TEST(schema::serialize(a).find("client_ip") == std::string::npos);

    Event const n = parse_ok(null);
    BOOST_TEST(n.client_ip.is_null());
    BOOST_TEST((n.client_ip.state() == schema::presence::null));
    BOOST_TEST(schema::serialize(n) == null);

    Event const v = parse_ok(value);
    BOOST_TEST_REQUIRE(v.client_ip.has_value());
    BOOST_TEST(*v.client_ip == "::1");
    BOOST_TEST(schema::serialize(v) == value);

    // All three differ from each other.
    BOOST_TEST(!(a == n));
    BOOST_TEST(!(a == v));
    BOOST_TEST(!(n == v));
    AUTHENTIK_EVENTS_CHECK_ROUND_TRIP(a, parse_options{});
    AUTHENTIK_EVENTS_CHECK_ROUND_TRIP(n, parse_options{});
    AUTHENTIK_EVENTS_CHECK_ROUND_TRIP(v, parse_options{});
}

BOOST_AUTO_TEST_CASE(duplicate_pk_and_missing_app_are_both_reported) {
    std::string_view const text =
        R"({"pk":"3f2a5c1e-9b7d-4e8a-a1c3-5d6e7f8a9b0c","pk":"0c9d8e7f-6a5b-4c3d-8e2f-1a0b9c8d7e6f","action":"login","created":"2023-02-15T15:33:42Z"})";
    auto const r = schema::parse<Event>(text);
    BOOST_TEST(!r.has_value());
    check_problems(r.problems(), {{"/pk", error::duplicate_key, "", ""},
                                  {"/app", error::missing_field, "required", "This field is required."}});
    AUTHENTIK_EVENTS_CHECK_PROBLEM(Event, text, "/pk", error::duplicate_key);
    AUTHENTIK_EVENTS_CHECK_PROBLEM(Event, text, "/app", error::missing_field);
}

BOOST_AUTO_TEST_CASE(duplicate_keys) {
    // Nested repeated keys point at the nested key.
    auto const r = schema::parse<Event>(event_with(R"(,"context":{"a":1,"a":2})"));
    check_problems(r.problems(), {{"/context/a", error::duplicate_key, "", ""}});

    // When allowed, the last one wins, as in Python.
    parse_options o;
    o.allow_duplicate_keys = true;
    Event const e = parse_ok(
        R"({"pk":"3f2a5c1e-9b7d-4e8a-a1c3-5d6e7f8a9b0c","pk":"0c9d8e7f-6a5b-4c3d-8e2f-1a0b9c8d7e6f","action":"login","app":"a","created":"2023-02-15T15:33:42Z"})",
        o);
    BOOST_TEST(ae::format::uuid_to_string(e.pk) == "0c9d8e7f-6a5b-4c3d-8e2f-1a0b9c8d7e6f");
}

BOOST_AUTO_TEST_CASE(five_problems_payload) {
    auto const r = schema::parse<Event>(read_data("five_problems.json"));
    BOOST_TEST(!r.has_value());
    check_problems(
        r.problems(),
        {
            {"/pk", error::invalid_uuid, "invalid", "Must be a valid UUID."},
            {"/user", error::wrong_type, "not_a_dict", "Expected a dictionary of items but got type \"list\"."},
            {"/app", error::missing_field, "required", "This field is required."},
            {"/client_ip", error::invalid_ip_address, "invalid", "Enter a valid IPv4 or IPv6 address."},
            {"/created", error::invalid_date_time, "invalid", date_time_message},
        });
    BOOST_TEST(r.problems()[0].value == "\"not-a-uuid\"");
    BOOST_TEST(r.problems()[1].value == "[]");
    BOOST_TEST(r.problems()[2].value.empty());

    ae::ValidationError const body = ae::to_validation_error(r.problems());
    BOOST_TEST(!body.non_field_errors.has_value());
    BOOST_TEST(!body.code.has_value());
    BOOST_TEST(
        schema::serialize(body) ==
        R"({"pk":["Must be a valid UUID."],"user":["Expected a dictionary of items but got type \"list\"."],)"
        R"("app":["This field is required."],"client_ip":["Enter a valid IPv4 or IPv6 address."],)"
        R"("created":["Datetime has wrong format. Use one of these formats instead: YYYY-MM-DDThh:mm[:ss[.uuuuuu]][+HH:MM|-HH:MM|Z]."]})");
}

BOOST_AUTO_TEST_CASE(uppercase_uuid_is_written_lowercase) {
    Event const e = parse_ok(
        R"({"pk":"3F2A5C1E-9B7D-4E8A-A1C3-5D6E7F8A9B0C","action":"login","app":"a","created":"2023-02-15T15:33:42Z"})");
    BOOST_TEST(
        schema::serialize(e) ==
        R"({"pk":"3f2a5c1e-9b7d-4e8a-a1c3-5d6e7f8a9b0c","action":"login","app":"a","created":"2023-02-15T15:33:42Z"})");
    Event const lower = parse_ok(
        R"({"pk":"3f2a5c1e-9b7d-4e8a-a1c3-5d6e7f8a9b0c","action":"login","app":"a","created":"2023-02-15T15:33:42Z"})");
    BOOST_TEST((e == lower));
}

BOOST_AUTO_TEST_CASE(offsets_are_converted_to_utc) {
    Event const e = parse_ok(
        R"({"pk":"3f2a5c1e-9b7d-4e8a-a1c3-5d6e7f8a9b0c","action":"login","app":"a","created":"2023-02-15T17:33:42.5+02:00","expires":"2023-03-01T00:30:00+02:00"})");
    BOOST_TEST(ae::format::date_time_to_string(e.created) == "2023-02-15T15:33:42.500000Z");
    BOOST_TEST(ae::format::date_time_to_string(*e.expires) == "2023-02-28T22:30:00Z");
    BOOST_TEST(
        schema::serialize(e) ==
        R"({"pk":"3f2a5c1e-9b7d-4e8a-a1c3-5d6e7f8a9b0c","action":"login","app":"a","created":"2023-02-15T15:33:42.500000Z","expires":"2023-02-28T22:30:00Z"})");
    Event const negative = parse_ok(
        R"({"pk":"3f2a5c1e-9b7d-4e8a-a1c3-5d6e7f8a9b0c","action":"login","app":"a","created":"2023-12-31T23:00:00-01:30"})");
    BOOST_TEST(ae::format::date_time_to_string(negative.created) == "2024-01-01T00:30:00Z");
}

BOOST_AUTO_TEST_CASE(zero_fraction_is_dropped) {
    for (std::string_view created : {"2023-02-15T15:33:42.000000Z", "2023-02-15T15:33:42.0Z",
                                     "2023-02-15T15:33:42.0000009Z", "2023-02-15t15:33:42z"}) {
        BOOST_TEST_CONTEXT("created " << created) {
            Event const e =
                parse_ok(R"({"pk":"3f2a5c1e-9b7d-4e8a-a1c3-5d6e7f8a9b0c","action":"login","app":"a","created":")" +
                         std::string(created) + "\"}");
            BOOST_TEST(
                schema::serialize(e) ==
                R"({"pk":"3f2a5c1e-9b7d-4e8a-a1c3-5d6e7f8a9b0c","action":"login","app":"a","created":"2023-02-15T15:33:42Z"})");
        }
    }
    // A non-zero fraction is written with six digits.
    Event const e = parse_ok(
        R"({"pk":"3f2a5c1e-9b7d-4e8a-a1c3-5d6e7f8a9b0c","action":"login","app":"a","created":"2023-02-15T15:33:42.07Z"})");
    BOOST_TEST(ae::format::date_time_to_string(e.created) == "2023-02-15T15:33:42.070000Z");
}

BOOST_AUTO_TEST_CASE(unknown_keys_ignored_by_default) {
    std::string const known = event_with("");
    std::string const text = known.substr(0, known.size() - 1) + R"(,"future":{"x":[1,2.5]},"other":null})";
    Event const e = parse_ok(text);
    BOOST_TEST(e.unknown_fields.empty());
    BOOST_TEST(schema::serialize(e) == known);
}

BOOST_AUTO_TEST_CASE(preserve_mode_keeps_unknown_keys_and_writes_them_back) {
    std::string const known = event_with(R"(,"client_ip":null)");
    std::string const text = known.substr(0, known.size() - 1) + R"(,"future":{"x":[1,2.5,1e-05]},"other":null})";
    parse_options o;
    o.unknown_keys = schema::unknown_key_policy::preserve;
    Event const e = parse_ok(text, o);
    BOOST_TEST(e.unknown_fields.size() == 2U);
    BOOST_TEST(e.unknown_fields.at("other").is_null());
    BOOST_TEST(e.unknown_fields.at("future").at("x").as_array().size() == 3U);
    BOOST_TEST(schema::serialize(e) == text);
    AUTHENTIK_EVENTS_CHECK_ROUND_TRIP(e, o);

    // Unknown keys between known ones are written after the known ones.
    Event const mid = parse_ok(
        R"({"pk":"3f2a5c1e-9b7d-4e8a-a1c3-5d6e7f8a9b0c","zz":1,"action":"login","app":"a","created":"2023-02-15T15:33:42Z"})",
        o);
    BOOST_TEST(
        schema::serialize(mid) ==
        R"({"pk":"3f2a5c1e-9b7d-4e8a-a1c3-5d6e7f8a9b0c","action":"login","app":"a","created":"2023-02-15T15:33:42Z","zz":1})");
}

BOOST_AUTO_TEST_CASE(a_described_name_in_unknown_fields_is_not_written_twice) {
    Event e = parse_ok(event_with(""));
    e.unknown_fields["app"] = "shadow";
    e.unknown_fields["extra"] = true;
    BOOST_TEST(
        schema::serialize(e) ==
        R"({"pk":"3f2a5c1e-9b7d-4e8a-a1c3-5d6e7f8a9b0c","action":"login","app":"authentik.events.signals","created":"2023-02-15T15:33:42Z","extra":true})");
}

BOOST_AUTO_TEST_CASE(reject_mode_reports_unknown_fields) {
    std::string const known = event_with("");
    std::string const text = known.substr(0, known.size() - 1) + R"(,"future":{"x":1},"a/b~c":null})";
    parse_options o;
    o.unknown_keys = schema::unknown_key_policy::reject;
    auto const r = schema::parse<Event>(text, o);
    BOOST_TEST(!r.has_value());
    check_problems(r.problems(), {{"/future", error::unknown_field, "unknown_field", "Unknown field."},
                                  {"/a~1b~0c", error::unknown_field, "unknown_field", "Unknown field."}});
    BOOST_TEST(r.problems()[0].value == R"({"x":1})");
    // The DRF body names the key unescaped.
    BOOST_TEST(schema::serialize(ae::to_validation_error(r.problems())) ==
               R"({"future":["Unknown field."],"a/b~c":["Unknown field."]})");

    auto const strict = schema::parse<Event>(text, parse_options::strict());
    BOOST_TEST(strict.problems().size() == 2U);
    BOOST_TEST(strict.problems().contains(error::unknown_field, "/future"));
}

BOOST_AUTO_TEST_CASE(wrong_type_for_every_field) {
    auto const r = schema::parse<Event>(
        R"({"pk":5,"user":[],"action":5,"app":5,"context":"x","client_ip":5,"created":5,"expires":[],"brand":true})");
    BOOST_TEST(!r.has_value());
    check_problems(
        r.problems(),
        {
            {"/pk", error::wrong_type, "invalid", "Must be a valid UUID."},
            {"/user", error::wrong_type, "not_a_dict", "Expected a dictionary of items but got type \"list\"."},
            {"/action", error::wrong_type, "invalid_choice", "\"5\" is not a valid choice."},
            {"/app", error::wrong_type, "invalid", "Not a valid string."},
            {"/context", error::wrong_type, "not_a_dict", "Expected a dictionary of items but got type \"str\"."},
            {"/client_ip", error::wrong_type, "invalid", "Enter a valid IPv4 or IPv6 address."},
            {"/created", error::wrong_type, "invalid", date_time_message},
            {"/expires", error::wrong_type, "invalid", date_time_message},
            {"/brand", error::wrong_type, "not_a_dict", "Expected a dictionary of items but got type \"bool\"."},
        });
}

BOOST_AUTO_TEST_CASE(free_form_fields_name_the_python_type) {
    struct one_case {
        std::string_view json;
        std::string_view python_type;
    };
    for (auto const& c : {one_case{"[]", "list"}, one_case{"[1]", "list"}, one_case{R"("x")", "str"},
                          one_case{"1", "int"}, one_case{"-1", "int"}, one_case{"18446744073709551615", "int"},
                          one_case{"1.5", "float"}, one_case{"false", "bool"}}) {
        BOOST_TEST_CONTEXT("user " << c.json) {
            auto const r = schema::parse<Event>(event_with(R"(,"user":)" + std::string(c.json)));
            check_problems(r.problems(),
                           {{"/user", error::wrong_type, "not_a_dict",
                             "Expected a dictionary of items but got type \"" + std::string(c.python_type) + "\"."}});
        }
    }
}

BOOST_AUTO_TEST_CASE(null_for_non_nullable_fields) {
    auto const r = schema::parse<Event>(
        R"({"pk":null,"user":null,"action":null,"app":null,"context":null,"client_ip":null,"created":null,"expires":null,"brand":null})");
    BOOST_TEST(!r.has_value());
    constexpr std::string_view msg = "This field may not be null.";
    check_problems(r.problems(), {
                                     {"/pk", error::null_not_allowed, "null", msg},
                                     {"/user", error::null_not_allowed, "null", msg},
                                     {"/action", error::null_not_allowed, "null", msg},
                                     {"/app", error::null_not_allowed, "null", msg},
                                     {"/context", error::null_not_allowed, "null", msg},
                                     {"/created", error::null_not_allowed, "null", msg},
                                     {"/expires", error::null_not_allowed, "null", msg},
                                     {"/brand", error::null_not_allowed, "null", msg},
                                 });
}

BOOST_AUTO_TEST_CASE(missing_required_fields) {
    auto const r = schema::parse<Event>("{}");
    constexpr std::string_view msg = "This field is required.";
    check_problems(r.problems(), {{"/pk", error::missing_field, "required", msg},
                                  {"/action", error::missing_field, "required", msg},
                                  {"/app", error::missing_field, "required", msg},
                                  {"/created", error::missing_field, "required", msg}});
    BOOST_TEST(schema::serialize(ae::to_validation_error(r.problems())) ==
               R"({"pk":["This field is required."],"action":["This field is required."],)"
               R"("app":["This field is required."],"created":["This field is required."]})");
}

BOOST_AUTO_TEST_CASE(invalid_values_in_string_fields) {
    auto const r = schema::parse<Event>(
        R"({"pk":"3f2a5c1e-9b7d-4e8a-a1c3-5d6e7f8a9b0c ","action":"login","app":"a","client_ip":"2001:db8::1::1","created":"2023-02-15 15:33:42Z","expires":"2023-02-15T15:33:60Z"})");
    check_problems(r.problems(),
                   {
                       {"/pk", error::invalid_uuid, "invalid", "Must be a valid UUID."},
                       {"/client_ip", error::invalid_ip_address, "invalid", "Enter a valid IPv4 or IPv6 address."},
                       {"/created", error::invalid_date_time, "invalid", date_time_message},
                       {"/expires", error::invalid_date_time, "invalid", date_time_message},
                   });
}

BOOST_AUTO_TEST_CASE(default_event_serializes_required_fields_only) {
    Event const e;
    std::string const text = schema::serialize(e);
    BOOST_TEST(
        text ==
        R"({"pk":"00000000-0000-0000-0000-000000000000","action":"login","app":"","created":"1970-01-01T00:00:00Z"})");
    AUTHENTIK_EVENTS_CHECK_ROUND_TRIP(e, parse_options{});
}

BOOST_AUTO_TEST_CASE(built_by_hand) {
    Event e;
    e.action = ae::event_action::custom("sync");
    e.app = "my \"policy\"\n";
    e.client_ip = std::string("10.0.0.1");
    e.context = boost::json::object{{"n", 0.1}, {"big", 1e22}, {"neg", -3}, {"sep", "\xE2\x80\xA8"}};
    e.created = ae::format::date_time::from_unix_microseconds(1676475222000001);
    BOOST_TEST(schema::serialize(e) ==
               R"({"pk":"00000000-0000-0000-0000-000000000000","action":"custom_sync","app":"my \"policy\"\n",)"
               R"("context":{"n":0.1,"big":1e+22,"neg":-3,"sep":"\u2028"},"client_ip":"10.0.0.1",)"
               R"("created":"2023-02-15T15:33:42.000001Z"})");
    AUTHENTIK_EVENTS_CHECK_ROUND_TRIP(e, parse_options{});
    e.client_ip.set_null();
    BOOST_TEST(schema::serialize(e).find(R"("client_ip":null)") != std::string::npos);
    e.client_ip.reset();
    BOOST_TEST(schema::serialize(e).find("client_ip") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(free_form_numbers_are_written_as_python_writes_them) {
    // Python's json.dumps of these floats (repr), byte for byte.
    std::string const canonical =
        "[0.1,0.30000000000000004,1e-05,0.0001,1e+16,9999999999999998.0,1e+22,1.7976931348623157e+308,5e-324,"
        "2.2250738585072014e-308,-0.0,0.0,123456789.123,1.5,100.0,1e+100,3.141592653589793,6.02214076e+23,"
        "1.602176634e-19,-1e-07,1234567890123456.8,0.001,1.2345678901234567e+19,18446744073709551615,"
        "-9223372036854775808,9223372036854775807,0,-1]";
    std::string const text = event_with(R"(,"context":{"n":)" + canonical + "}");
    BOOST_TEST(schema::serialize(parse_ok(text)) == text);

    // Other spellings of the same numbers come out as Python would write them after json.loads.
    Event const e = parse_ok(event_with(R"(,"context":{"n":[1E5,1.50,-0,1e2,0.1e1,1E-7,0.000001,12.0e0]})"));
    BOOST_TEST(schema::serialize(e) == event_with(R"(,"context":{"n":[100000.0,1.5,0,100.0,1.0,1e-07,1e-06,12.0]})"));
}

BOOST_AUTO_TEST_CASE(free_form_strings_are_written_as_the_server_writes_them) {
    // Raw UTF-8, short escapes, \u00XX for other controls, DEL raw, "/" unescaped, and U+2028 and
    // U+2029 escaped (DRF's JSONRenderer does that).
    Event const e = parse_ok(event_with(
        R"(,"context":{"s":["a\/b","\u0000\u001f\u007f","\ud83d\ude00","\b\f\n\r\t\"\\","\u2028\u2029","\u00fc\u20ac"]})"));
    BOOST_TEST(schema::serialize(e) ==
               event_with(",\"context\":{\"s\":[\"a/b\",\"\\u0000\\u001f\x7F\",\"\xF0\x9F\x98\x80\","
                          "\"\\b\\f\\n\\r\\t\\\"\\\\\",\"\\u2028\\u2029\",\"\xC3\xBC\xE2\x82\xAC\"]}"));
    BOOST_TEST(e.context->at("s").at(1).as_string().size() == 3U);
}

BOOST_AUTO_TEST_CASE(value_from_and_value_to_round_trip) {
    for (auto name : canonical_payloads) {
        BOOST_TEST_CONTEXT("payload " << name) {
            std::string const text = read_data(name);
            Event const e = parse_ok(text);
            boost::json::value const jv = boost::json::value_from(e);
            BOOST_TEST_REQUIRE(jv.is_object());
            BOOST_TEST(jv.as_object().size() == 9U);
            BOOST_TEST(jv.at("action").as_string() == e.action.text());
            BOOST_TEST(jv.at("pk").as_string() == ae::format::uuid_to_string(e.pk));
            BOOST_TEST(jv.at("created").as_string() == ae::format::date_time_to_string(e.created));
            auto const back = boost::json::value_to<Event>(jv);
            BOOST_TEST((back == e));
            BOOST_TEST(schema::serialize(back) == text);
        }
    }
    // Absent stays absent, null stays null.
    Event const absent = parse_ok(event_with(""));
    boost::json::value const ja = boost::json::value_from(absent);
    BOOST_TEST(!ja.as_object().contains("client_ip"));
    BOOST_TEST(!ja.as_object().contains("user"));
    BOOST_TEST((boost::json::value_to<Event>(ja) == absent));
    Event const null = parse_ok(event_with(R"(,"client_ip":null)"));
    boost::json::value const jn = boost::json::value_from(null);
    BOOST_TEST(jn.at("client_ip").is_null());
    BOOST_TEST((boost::json::value_to<Event>(jn) == null));
}

BOOST_AUTO_TEST_CASE(value_to_throws_with_every_problem) {
    boost::json::value const jv = boost::json::parse(R"({"pk":"nope","action":"login","created":"x"})");
    try {
        (void)boost::json::value_to<Event>(jv);
        BOOST_FAIL("value_to did not throw");
    } catch (schema::validation_failure const& f) {
        BOOST_TEST(f.problems().size() == 3U);
        BOOST_TEST(f.problems().contains(error::invalid_uuid, "/pk"));
        BOOST_TEST(f.problems().contains(error::missing_field, "/app"));
        BOOST_TEST(f.problems().contains(error::invalid_date_time, "/created"));
        BOOST_TEST((f.code() == schema::make_error_code(error::invalid_uuid)));
    }
    auto const r = boost::json::try_value_to<Event>(jv);
    BOOST_TEST(!r.has_value());
    BOOST_TEST((r.error() == schema::make_error_code(error::invalid_uuid)));
}

BOOST_AUTO_TEST_CASE(validate_takes_a_dom) {
    std::string const text = read_data("login_ipv6.json");
    boost::json::value jv = boost::json::parse(text);
    auto const copied = schema::validate<Event>(jv);
    BOOST_TEST_REQUIRE(copied.has_value());
    BOOST_TEST(jv.as_object().contains("context")); // the const overload leaves the DOM alone
    auto const moved = schema::validate<Event>(std::move(jv));
    BOOST_TEST_REQUIRE(moved.has_value());
    BOOST_TEST((*copied == *moved));
    BOOST_TEST(*moved->client_ip == "::1");
}

BOOST_AUTO_TEST_CASE(not_an_object) {
    auto const r = schema::parse<Event>("[]");
    check_problems(r.problems(),
                   {{"", error::wrong_type, "invalid", "Invalid data. Expected a dictionary, but got list."}});
    auto const bad = schema::parse<Event>(R"({"pk":)");
    BOOST_TEST(!bad.has_value());
    BOOST_TEST_REQUIRE(bad.problems().size() == 1U);
    BOOST_TEST(schema::to_string(bad.problems()[0].code) == "invalid_json");
}

BOOST_AUTO_TEST_SUITE_END()

} // namespace event_test
