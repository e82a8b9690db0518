#include <authentik/events/model/event_request.hpp>
#include <authentik/events/schema/parse.hpp>
#include <authentik/events/schema/serialize.hpp>

#include <boost/json/parse.hpp>
#include <boost/json/value_from.hpp>
#include <boost/json/value_to.hpp>
#include <boost/test/unit_test.hpp>

#include <cstddef>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>

namespace event_request_test {

namespace ae = authentik::events;
namespace schema = authentik::events::schema;
using ae::EventActions;
using ae::EventRequest;
using ae::PatchedEventRequest;
using schema::error;
using schema::parse_options;
using schema::problem_list;

namespace {

// A POST body as a client writes it, in the server's canonical form (descriptor order, compact).
constexpr std::string_view post_body =
    R"({"user":{"pk":1,"email":"root@localhost","username":"akadmin"},"action":"login",)"
    R"("app":"authentik.events.signals","context":{"auth_method":"password","geo":{"lat":52.52,"long":13.405},)"
    R"("weights":[1.0,1e-05,1e+16]},"client_ip":"::1","expires":"2024-02-15T15:33:42.771091Z",)"
    R"("brand":{"pk":"8f5b1c2d3e4f40718293a4b5c6d7e8f9","name":"Default brand"}})";

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
}

template <class T>
T parse_ok(std::string_view text, parse_options const& opt = {}) {
    auto r = schema::parse<T>(text, opt);
    BOOST_TEST_INFO("text: " << text << "\nproblems:\n" << describe(r.problems()));
    BOOST_TEST_REQUIRE(r.has_value());
    return std::move(*r);
}

// A minimal EventRequest body with the given action and `more` appended (starting with a comma).
std::string request_with(std::string_view action, std::string_view more = {}) {
    return R"({"action":")" + std::string(action) + R"(","app":"authentik.events.signals")" + std::string(more) + "}";
}

} // namespace

BOOST_AUTO_TEST_SUITE(event_request)

BOOST_AUTO_TEST_CASE(valid_post_body_reserializes_to_identical_bytes) {
    auto const r = parse_ok<EventRequest>(post_body);
    BOOST_TEST((r.action == ae::event_action(EventActions::login)));
    BOOST_TEST(r.app == "authentik.events.signals");
    BOOST_TEST_REQUIRE(r.client_ip.has_value());
    BOOST_TEST(*r.client_ip == "::1");
    BOOST_TEST_REQUIRE(r.user.has_value());
    BOOST_TEST(r.user->at("username").as_string() == "akadmin");
    BOOST_TEST_REQUIRE(r.expires.has_value());
    BOOST_TEST(r.expires->unix_microseconds() == 1708011222771091);
    BOOST_TEST(r.unknown_fields.empty());
    BOOST_TEST(schema::serialize(r) == post_body);
    // Strict mode has nothing to object to either.
    BOOST_TEST(schema::serialize(parse_ok<EventRequest>(post_body, parse_options::strict())) == post_body);
}

BOOST_AUTO_TEST_CASE(round_trips_through_text_and_boost_json) {
    auto const r = parse_ok<EventRequest>(post_body);
    BOOST_TEST((parse_ok<EventRequest>(schema::serialize(r)) == r));
    std::string const pretty = schema::serialize(r, schema::serialize_options{.pretty = true});
    BOOST_TEST(pretty != std::string(post_body));
    BOOST_TEST((parse_ok<EventRequest>(pretty) == r));

    boost::json::value const jv = boost::json::value_from(r);
    BOOST_TEST((jv == boost::json::parse(post_body)));
    BOOST_TEST((boost::json::value_to<EventRequest>(jv) == r));
}

BOOST_AUTO_TEST_CASE(minimal_body_writes_only_what_is_present) {
    std::string const text = request_with("model_created");
    auto const r = parse_ok<EventRequest>(text);
    BOOST_TEST(!r.user.has_value());
    BOOST_TEST(!r.context.has_value());
    BOOST_TEST(r.client_ip.is_absent());
    BOOST_TEST(!r.expires.has_value());
    BOOST_TEST(!r.brand.has_value());
    BOOST_TEST(schema::serialize(r) == text);
}

BOOST_AUTO_TEST_CASE(custom_suffix_and_unknown_actions_are_invalid_choices_even_by_default) {
    for (std::string_view action : {"custom_login", "custom_password_reset_requested", "access_request_escalated",
                                    "LOGIN", "", "custom", "custom__"}) {
        std::string const text = request_with(action);
        std::string const message = "\"" + std::string(action) + "\" is not a valid choice.";
        BOOST_TEST_CONTEXT("action \"" << action << "\"") {
            // Default options keep unknown actions on Event, but EventRequest takes only enum values.
            auto const r = schema::parse<EventRequest>(text);
            BOOST_TEST(!r.has_value());
            check_problems(r.problems(), {{"/action", error::unknown_action, "invalid_choice", message}});
            // The offending value is quoted.
            BOOST_TEST(r.problems()[0].value == "\"" + std::string(action) + "\"");

            auto const strict = schema::parse<EventRequest>(text, parse_options::strict());
            check_problems(strict.problems(), {{"/action", error::unknown_action, "invalid_choice", message}});

            // The same text in a PATCH body.
            auto const patch = schema::parse<PatchedEventRequest>(R"({"action":")" + std::string(action) + "\"}");
            check_problems(patch.problems(), {{"/action", error::unknown_action, "invalid_choice", message}});
        }
    }
}

BOOST_AUTO_TEST_CASE(bare_custom_prefix_is_an_enum_value) {
    std::string const text = request_with("custom_");
    auto const r = parse_ok<EventRequest>(text);
    BOOST_TEST(r.action.is_enum_value());
    BOOST_TEST((r.action.value() == EventActions::custom_));
    BOOST_TEST(schema::serialize(r) == text);
    BOOST_TEST(schema::serialize(parse_ok<EventRequest>(text, parse_options::strict())) == text);
}

BOOST_AUTO_TEST_CASE(every_enum_value_is_accepted) {
    for (auto name : ae::event_action_names) {
        BOOST_TEST_CONTEXT("action " << name) {
            std::string const text = request_with(name);
            auto const r = parse_ok<EventRequest>(text);
            BOOST_TEST(r.action.is_enum_value());
            BOOST_TEST(r.action.text() == name);
            BOOST_TEST(schema::serialize(r) == text);
            BOOST_TEST(schema::parse<EventRequest>(text, parse_options::strict()).has_value());
            BOOST_TEST(schema::parse<PatchedEventRequest>(R"({"action":")" + std::string(name) + "\"}").has_value());
        }
    }
}

BOOST_AUTO_TEST_CASE(a_targeted_release_takes_only_its_own_enum) {
    // user_offboarded came in 2026.8: a 2026.5.6 server answers invalid_choice for it, in any
    // mode, while the release's own values and the bare custom_ still pass.
    parse_options for_2026_5;
    for_2026_5.release = "2026.5.6";
    auto const newer = schema::parse<EventRequest>(request_with("user_offboarded"), for_2026_5);
    check_problems(newer.problems(), {{"/action", error::unknown_action, "invalid_choice",
                                       "\"user_offboarded\" is not a valid choice."}});
    BOOST_TEST(newer.problems()[0].message.find("in release 2026.5.6") != std::string::npos);
    BOOST_TEST(schema::parse<EventRequest>(request_with("user_offboarded")).has_value());
    BOOST_TEST(schema::parse<EventRequest>(request_with("export_ready"), for_2026_5).has_value());
    BOOST_TEST(schema::parse<EventRequest>(request_with("custom_"), for_2026_5).has_value());
    parse_options for_2024;
    for_2024.release = "2024";
    auto const patch = schema::parse<PatchedEventRequest>(R"({"action":"export_ready"})", for_2024);
    check_problems(patch.problems(),
                   {{"/action", error::unknown_action, "invalid_choice", "\"export_ready\" is not a valid choice."}});
    // Every value of a release's exported enum is accepted when targeting that release.
    for (auto const& r : ae::releases) {
        parse_options o;
        o.release = r.name;
        for (auto name : ae::event_action::enum_values(r.name)) {
            BOOST_TEST(schema::parse<EventRequest>(request_with(name), o).has_value(), r.name << " " << name);
        }
    }
}

BOOST_AUTO_TEST_CASE(action_that_is_not_a_string) {
    auto const r = schema::parse<EventRequest>(R"({"action":5,"app":"a"})");
    check_problems(r.problems(), {{"/action", error::wrong_type, "invalid_choice", "\"5\" is not a valid choice."}});
    auto const n = schema::parse<EventRequest>(R"({"action":null,"app":"a"})");
    check_problems(n.problems(), {{"/action", error::null_not_allowed, "null", "This field may not be null."}});
}

BOOST_AUTO_TEST_CASE(blank_app_is_too_short) {
    auto const r = schema::parse<EventRequest>(R"({"action":"login","app":""})");
    check_problems(r.problems(), {{"/app", error::too_short, "blank", "This field may not be blank."}});
    // One character is enough; so is one multi-byte code point.
    BOOST_TEST(schema::parse<EventRequest>(R"({"action":"login","app":"a"})").has_value());
    BOOST_TEST(schema::parse<EventRequest>("{\"action\":\"login\",\"app\":\"\xC3\xBC\"}").has_value());
    auto const null_app = schema::parse<EventRequest>(R"({"action":"login","app":null})");
    check_problems(null_app.problems(), {{"/app", error::null_not_allowed, "null", "This field may not be null."}});
}

BOOST_AUTO_TEST_CASE(client_ip_rules) {
    auto const blank = schema::parse<EventRequest>(request_with("login", R"(,"client_ip":"")"));
    check_problems(blank.problems(), {{"/client_ip", error::too_short, "blank", "This field may not be blank."}});

    auto const bad = schema::parse<EventRequest>(request_with("login", R"(,"client_ip":"1.2.3")"));
    check_problems(bad.problems(),
                   {{"/client_ip", error::invalid_ip_address, "invalid", "Enter a valid IPv4 or IPv6 address."}});

    auto const wrong = schema::parse<EventRequest>(request_with("login", R"(,"client_ip":42)"));
    check_problems(wrong.problems(),
                   {{"/client_ip", error::wrong_type, "invalid", "Enter a valid IPv4 or IPv6 address."}});

    std::string const null_text = request_with("login", R"(,"client_ip":null)");
    auto const null_ip = parse_ok<EventRequest>(null_text);
    BOOST_TEST(null_ip.client_ip.is_null());
    BOOST_TEST(schema::serialize(null_ip) == null_text);

    std::string const absent_text = request_with("login");
    auto const absent = parse_ok<EventRequest>(absent_text);
    BOOST_TEST(absent.client_ip.is_absent());
    BOOST_TEST(schema::serialize(absent).find("client_ip") == std::string::npos);

    for (std::string_view ip : {"192.0.2.17", "::1", "255.255.255.255", "2001:db8::ff00:42:8329"}) {
        std::string const text = request_with("login", R"(,"client_ip":")" + std::string(ip) + "\"");
        auto const r = parse_ok<EventRequest>(text);
        BOOST_TEST_REQUIRE(r.client_ip.has_value());
        BOOST_TEST(*r.client_ip == ip);
        BOOST_TEST(schema::serialize(r) == text);
    }
}

BOOST_AUTO_TEST_CASE(server_only_fields_are_unknown_keys) {
    std::string const text = R"({"pk":"3f2a5c1e-9b7d-4e8a-a1c3-5d6e7f8a9b0c","action":"login","app":"a",)"
                             R"("created":"2023-02-15T15:33:42Z"})";
    // Ignored by default, and not written back.
    auto const r = parse_ok<EventRequest>(text);
    BOOST_TEST(schema::serialize(r) == R"({"action":"login","app":"a"})");
    BOOST_TEST(r.unknown_fields.empty());

    // Rejected in strict mode, each at its pointer.
    auto const strict = schema::parse<EventRequest>(text, parse_options::strict());
    check_problems(strict.problems(), {{"/pk", error::unknown_field, "unknown_field", "Unknown field."},
                                       {"/created", error::unknown_field, "unknown_field", "Unknown field."}});

    // Kept and written back with preserve.
    parse_options preserve;
    preserve.unknown_keys = schema::unknown_key_policy::preserve;
    auto const kept = parse_ok<EventRequest>(text, preserve);
    BOOST_TEST(kept.unknown_fields.size() == 2U);
    BOOST_TEST(schema::serialize(kept) == R"({"action":"login","app":"a","pk":"3f2a5c1e-9b7d-4e8a-a1c3-5d6e7f8a9b0c",)"
                                          R"("created":"2023-02-15T15:33:42Z"})");
}

BOOST_AUTO_TEST_CASE(missing_action_and_app_are_both_reported) {
    auto const r = schema::parse<EventRequest>("{}");
    check_problems(r.problems(), {{"/action", error::missing_field, "required", "This field is required."},
                                  {"/app", error::missing_field, "required", "This field is required."}});
    auto const only_user = schema::parse<EventRequest>(R"({"user":{},"client_ip":null})");
    check_problems(only_user.problems(), {{"/action", error::missing_field, "required", "This field is required."},
                                          {"/app", error::missing_field, "required", "This field is required."}});
}

BOOST_AUTO_TEST_CASE(every_problem_at_once) {
    auto const r =
        schema::parse<EventRequest>(R"({"user":[],"action":"custom_login","app":"","context":"x","client_ip":"1.2.3",)"
                                    R"("expires":"2023-02-30T00:00:00Z","brand":null})");
    check_problems(
        r.problems(),
        {{"/user", error::wrong_type, "not_a_dict", R"(Expected a dictionary of items but got type "list".)"},
         {"/action", error::unknown_action, "invalid_choice", R"("custom_login" is not a valid choice.)"},
         {"/app", error::too_short, "blank", "This field may not be blank."},
         {"/context", error::wrong_type, "not_a_dict", R"(Expected a dictionary of items but got type "str".)"},
         {"/client_ip", error::invalid_ip_address, "invalid", "Enter a valid IPv4 or IPv6 address."},
         {"/expires", error::invalid_date_time, "invalid", {}},
         {"/brand", error::null_not_allowed, "null", "This field may not be null."}});
}

BOOST_AUTO_TEST_CASE(built_in_code_serializes_in_descriptor_order) {
    EventRequest r;
    r.brand = boost::json::object{};
    r.app = "Password reset notifier";
    r.action = ae::event_action(EventActions::custom_);
    r.client_ip = nullptr;
    r.context = boost::json::object{{"n", 0}, {"x", 2.5}};
    std::string const text = schema::serialize(r);
    BOOST_TEST(text == R"({"action":"custom_","app":"Password reset notifier","context":{"n":0,"x":2.5},)"
                       R"("client_ip":null,"brand":{}})");
    BOOST_TEST((parse_ok<EventRequest>(text) == r));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(patched_event_request)

BOOST_AUTO_TEST_CASE(empty_body_is_valid) {
    auto const r = parse_ok<PatchedEventRequest>("{}");
    BOOST_TEST(!r.user.has_value());
    BOOST_TEST(!r.action.has_value());
    BOOST_TEST(!r.app.has_value());
    BOOST_TEST(!r.context.has_value());
    BOOST_TEST(r.client_ip.is_absent());
    BOOST_TEST(!r.expires.has_value());
    BOOST_TEST(!r.brand.has_value());
    BOOST_TEST(schema::serialize(r) == "{}");
    BOOST_TEST(schema::serialize(PatchedEventRequest{}) == "{}");
    BOOST_TEST(schema::parse<PatchedEventRequest>("{}", parse_options::strict()).has_value());
}

BOOST_AUTO_TEST_CASE(each_field_alone_is_valid_and_written_alone) {
    for (std::string_view text :
         {R"({"user":{"pk":1,"username":"akadmin"}})", R"({"user":{}})", R"({"action":"logout"})",
          R"({"action":"custom_"})", R"({"app":"authentik.core"})", R"({"context":{"lat":52.52,"n":[0,1.0]}})",
          R"({"client_ip":"10.0.0.5"})", R"({"client_ip":null})", R"({"expires":"2025-09-13T14:05:42Z"})",
          R"({"brand":{}})"}) {
        BOOST_TEST_CONTEXT("body " << text) {
            auto const r = parse_ok<PatchedEventRequest>(text, parse_options::strict());
            BOOST_TEST(schema::serialize(r) == text);
            BOOST_TEST((parse_ok<PatchedEventRequest>(schema::serialize(r)) == r));
        }
    }
}

BOOST_AUTO_TEST_CASE(absent_stays_absent) {
    auto const r = parse_ok<PatchedEventRequest>(R"({"app":"x"})");
    BOOST_TEST_REQUIRE(r.app.has_value());
    BOOST_TEST(*r.app == "x");
    BOOST_TEST(!r.action.has_value());
    BOOST_TEST(r.client_ip.is_absent());
    BOOST_TEST(schema::serialize(r) == R"({"app":"x"})");
    boost::json::value const jv = boost::json::value_from(r);
    BOOST_TEST((jv == boost::json::parse(R"({"app":"x"})")));
    BOOST_TEST((boost::json::value_to<PatchedEventRequest>(jv) == r));
}

BOOST_AUTO_TEST_CASE(present_fields_follow_the_same_rules) {
    check_problems(schema::parse<PatchedEventRequest>(R"({"app":""})").problems(),
                   {{"/app", error::too_short, "blank", "This field may not be blank."}});
    check_problems(schema::parse<PatchedEventRequest>(R"({"client_ip":""})").problems(),
                   {{"/client_ip", error::too_short, "blank", "This field may not be blank."}});
    check_problems(schema::parse<PatchedEventRequest>(R"({"client_ip":"1.2.3"})").problems(),
                   {{"/client_ip", error::invalid_ip_address, "invalid", "Enter a valid IPv4 or IPv6 address."}});
    check_problems(schema::parse<PatchedEventRequest>(R"({"action":null})").problems(),
                   {{"/action", error::null_not_allowed, "null", "This field may not be null."}});
    check_problems(schema::parse<PatchedEventRequest>(R"({"app":null})").problems(),
                   {{"/app", error::null_not_allowed, "null", "This field may not be null."}});
    check_problems(schema::parse<PatchedEventRequest>(R"({"expires":"2023-02-30T00:00:00Z"})").problems(),
                   {{"/expires", error::invalid_date_time, "invalid", {}}});
    check_problems(
        schema::parse<PatchedEventRequest>(R"({"pk":"x","created":"y"})", parse_options::strict()).problems(),
        {{"/pk", error::unknown_field, "unknown_field", {}}, {"/created", error::unknown_field, "unknown_field", {}}});
    // pk and created are ignored by default.
    BOOST_TEST(schema::serialize(parse_ok<PatchedEventRequest>(R"({"pk":"x","created":"y"})")) == "{}");
}

BOOST_AUTO_TEST_SUITE_END()

} // namespace event_request_test
