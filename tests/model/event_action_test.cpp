#include <authentik/events/model/event_action.hpp>

#include <authentik/events/model/event.hpp>
#include <authentik/events/schema/parse.hpp>

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace event_action_test {

namespace ae = authentik::events;
namespace schema = authentik::events::schema;
using ae::event_action;
using ae::EventActions;
using kind = ae::event_action::kind;

BOOST_AUTO_TEST_SUITE(event_action_)

BOOST_AUTO_TEST_CASE(default_is_login) {
    event_action const a;
    BOOST_TEST((a.classification() == kind::known));
    BOOST_TEST((a.value() == EventActions::login));
    BOOST_TEST(a.text() == "login");
}

BOOST_AUTO_TEST_CASE(known_action) {
    auto const a = event_action::from_text("model_updated");
    BOOST_TEST((a.classification() == kind::known));
    BOOST_TEST(a.is_enum_value());
    BOOST_TEST(!a.is_custom());
    BOOST_TEST(!a.is_unknown());
    BOOST_TEST((a.value() == EventActions::model_updated));
    BOOST_TEST(a.custom_suffix().empty());
    BOOST_TEST(a.text() == "model_updated");
    BOOST_TEST((a == event_action(EventActions::model_updated)));
}

BOOST_AUTO_TEST_CASE(every_enumerator_reads_back_as_itself) {
    for (std::size_t i = 0; i < ae::event_action_count; ++i) {
        auto const e = static_cast<EventActions>(i);
        auto const a = event_action::from_text(ae::to_string(e));
        BOOST_TEST_CONTEXT("action " << ae::to_string(e)) {
            BOOST_TEST(a.is_enum_value());
            BOOST_TEST((a.value() == e));
            BOOST_TEST((a == event_action(e)));
            BOOST_TEST(a.text() == ae::to_string(e));
        }
    }
}

BOOST_AUTO_TEST_CASE(newer_actions_are_known) {
    for (std::string_view name : {"configuration_warning", "export_ready", "review_initiated", "review_overdue",
                                  "review_attested", "review_completed", "user_offboarded", "access_request_created",
                                  "access_request_approved", "access_request_denied", "access_request_revoked"}) {
        auto const a = event_action::from_text(name);
        BOOST_TEST(a.is_enum_value(), name);
        BOOST_TEST(a.text() == name);
    }
}

BOOST_AUTO_TEST_CASE(bare_custom_prefix_is_the_enum_value) {
    auto const a = event_action::from_text("custom_");
    BOOST_TEST((a.classification() == kind::known));
    BOOST_TEST(a.is_enum_value());
    BOOST_TEST(!a.is_custom());
    BOOST_TEST(!a.is_unknown());
    BOOST_TEST((a.value() == EventActions::custom_));
    BOOST_TEST(a.custom_suffix().empty());
    BOOST_TEST(a.text() == "custom_");
    BOOST_TEST((a == event_action(EventActions::custom_)));
    // custom("") is the same bare value.
    BOOST_TEST((event_action::custom("") == a));
}

BOOST_AUTO_TEST_CASE(custom_action_keeps_its_suffix) {
    auto const a = event_action::from_text("custom_login");
    BOOST_TEST((a.classification() == kind::custom));
    BOOST_TEST(a.is_custom());
    BOOST_TEST(!a.is_enum_value());
    BOOST_TEST(!a.is_unknown());
    BOOST_TEST((a.value() == EventActions::custom_));
    BOOST_TEST(a.custom_suffix() == "login");
    BOOST_TEST(a.text() == "custom_login");
    // Built from the suffix it is the same action.
    BOOST_TEST((event_action::custom("login") == a));
    // It is neither the bare custom_ nor login.
    BOOST_TEST(!(a == event_action(EventActions::custom_)));
    BOOST_TEST(!(a == event_action(EventActions::login)));
}

BOOST_AUTO_TEST_CASE(custom_suffix_may_look_like_anything) {
    // A suffix that is itself "custom_", and non-ASCII suffixes, are kept verbatim.
    auto const a = event_action::from_text("custom_custom_");
    BOOST_TEST(a.is_custom());
    BOOST_TEST(a.custom_suffix() == "custom_");
    BOOST_TEST(a.text() == "custom_custom_");

    std::string const text = "custom_anmeldung_\xC3\xBC\xF0\x9F\x94\x91";
    auto const b = event_action::from_text(text);
    BOOST_TEST(b.is_custom());
    BOOST_TEST(b.custom_suffix() == text.substr(7));
    BOOST_TEST(b.text() == text);
}

BOOST_AUTO_TEST_CASE(unknown_action_is_kept_verbatim) {
    auto const a = event_action::from_text("access_request_escalated");
    BOOST_TEST((a.classification() == kind::unknown));
    BOOST_TEST(a.is_unknown());
    BOOST_TEST(!a.is_enum_value());
    BOOST_TEST(!a.is_custom());
    BOOST_TEST(!a.value().has_value());
    BOOST_TEST(a.custom_suffix().empty());
    BOOST_TEST(a.text() == "access_request_escalated");
    // Not equal to the default (login), whose enumerator it shares internally.
    BOOST_TEST(!(a == event_action()));
    BOOST_TEST(!(a == event_action(EventActions::login)));
}

BOOST_AUTO_TEST_CASE(text_that_is_almost_a_name_is_unknown) {
    for (std::string_view t : {"LOGIN", "login ", "Login", "", "custom", "CUSTOM_login", " custom_login"}) {
        auto const a = event_action::from_text(t);
        BOOST_TEST_CONTEXT("text \"" << t << "\"") {
            BOOST_TEST(a.is_unknown());
            BOOST_TEST(a.text() == t);
        }
    }
}

BOOST_AUTO_TEST_CASE(text_round_trips_exactly) {
    for (std::string_view t :
         {"login", "custom_", "custom_login", "custom_password_reset_requested", "access_request_escalated",
          "user_offboarded", "Login", "", "login ", "custom_\xE2\x80\x94"}) {
        auto const a = event_action::from_text(t);
        BOOST_TEST_CONTEXT("text \"" << t << "\"") {
            BOOST_TEST(a.text() == t);
            auto const again = event_action::from_text(a.text());
            BOOST_TEST((again == a));
            BOOST_TEST(again.text() == t);
        }
    }
}

BOOST_AUTO_TEST_CASE(equality) {
    BOOST_TEST((event_action::from_text("login") == event_action(EventActions::login)));
    BOOST_TEST(!(event_action::from_text("login") == event_action(EventActions::logout)));
    BOOST_TEST((event_action::from_text("custom_a") == event_action::from_text("custom_a")));
    BOOST_TEST(!(event_action::from_text("custom_a") == event_action::from_text("custom_b")));
    BOOST_TEST((event_action::from_text("x_new") == event_action::from_text("x_new")));
    BOOST_TEST(!(event_action::from_text("x_new") == event_action::from_text("y_new")));
    // Same text, different kinds never compare equal.
    BOOST_TEST(!(event_action::from_text("custom_x") == event_action::from_text("x")));
    // Copies compare equal.
    auto const original = event_action::from_text("custom_copy");
    event_action copy = original;
    BOOST_TEST((copy == original));
    copy = event_action(EventActions::logout);
    BOOST_TEST(!(copy == original));
    BOOST_TEST(copy.text() == "logout");
    BOOST_TEST(copy.custom_suffix().empty());
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(event_action_releases)

namespace {

// The seed's enum (spec/000_f26c9c5ff5e146d2.txt), in its order.
constexpr std::array<std::string_view, 27> enum_2024{
    "login",
    "login_failed",
    "logout",
    "user_write",
    "suspicious_request",
    "password_set",
    "secret_view",
    "secret_rotate",
    "invitation_used",
    "authorize_application",
    "source_linked",
    "impersonation_started",
    "impersonation_ended",
    "flow_execution",
    "policy_execution",
    "policy_exception",
    "property_mapping_exception",
    "system_task_execution",
    "system_task_exception",
    "system_exception",
    "configuration_error",
    "model_created",
    "model_updated",
    "model_deleted",
    "email_sent",
    "update_available",
    "custom_",
};

// components.schemas.EventActions.enum of spec/authentik-schema-2026.5.6-events.yml, in its order.
constexpr std::array<std::string_view, 33> enum_2026_5_6{
    "login",
    "login_failed",
    "logout",
    "user_write",
    "suspicious_request",
    "password_set",
    "secret_view",
    "secret_rotate",
    "invitation_used",
    "authorize_application",
    "source_linked",
    "impersonation_started",
    "impersonation_ended",
    "flow_execution",
    "policy_execution",
    "policy_exception",
    "property_mapping_exception",
    "system_task_execution",
    "system_task_exception",
    "system_exception",
    "configuration_error",
    "configuration_warning",
    "model_created",
    "model_updated",
    "model_deleted",
    "email_sent",
    "update_available",
    "export_ready",
    "review_initiated",
    "review_overdue",
    "review_attested",
    "review_completed",
    "custom_",
};

template <std::size_t N>
std::vector<std::string_view> as_vector(std::array<std::string_view, N> const& a) {
    return {a.begin(), a.end()};
}

constexpr std::string_view event_prefix = R"({"pk":"3f2a5c1e-9b7d-4e8a-a1c3-5d6e7f8a9b0c","action":")";
constexpr std::string_view event_suffix = R"(","app":"authentik.events.signals","created":"2023-02-15T15:33:42Z"})";

std::string event_with_action(std::string_view action) {
    return std::string(event_prefix) + std::string(action) + std::string(event_suffix);
}

schema::parse_options strict_for(std::string_view release) {
    auto o = schema::parse_options::strict();
    o.release = release;
    return o;
}

} // namespace

BOOST_AUTO_TEST_CASE(enum_values_of_2024_are_the_seed_27) {
    auto const v = event_action::enum_values("2024");
    BOOST_TEST(v.size() == 27U);
    BOOST_TEST((v == as_vector(enum_2024)));
}

BOOST_AUTO_TEST_CASE(enum_values_of_2026_5_6_are_the_spec_33_in_order) {
    auto const v = event_action::enum_values("2026.5.6");
    BOOST_TEST(v.size() == 33U);
    BOOST_TEST((v == as_vector(enum_2026_5_6)));
}

BOOST_AUTO_TEST_CASE(enum_values_of_2026_8_are_2026_5_6_and_its_five_new_actions) {
    // design.md: 2026.8 adds five actions; the schema keeps custom_ last.
    std::vector<std::string_view> expected(enum_2026_5_6.begin(), enum_2026_5_6.end() - 1);
    for (std::string_view a : {"user_offboarded", "access_request_created", "access_request_approved",
                               "access_request_denied", "access_request_revoked", "custom_"}) {
        expected.push_back(a);
    }
    BOOST_TEST((event_action::enum_values("2026.8") == expected));
    BOOST_TEST(ae::since(ae::EventActions::access_request_revoked) == "2026.8");
    BOOST_TEST(ae::since(ae::EventActions::configuration_warning) == "2026.5.6");
    BOOST_TEST(ae::since(ae::EventActions::custom_) == "2024");
}

BOOST_AUTO_TEST_CASE(enum_values_default_to_the_newest_release) {
    auto const v = event_action::enum_values();
    BOOST_TEST_REQUIRE(v.size() == 38U);
    BOOST_TEST((v == event_action::enum_values("2026.8")));
    BOOST_TEST((v == std::vector<std::string_view>(ae::event_action_names.begin(), ae::event_action_names.end())));
    BOOST_TEST(v.back() == "custom_");
    // The 2026.5.6 values come first in the same relative order; the five new ones before custom_.
    std::vector<std::string_view> const tail(v.end() - 6, v.end());
    BOOST_TEST(
        (tail == std::vector<std::string_view>{"user_offboarded", "access_request_created", "access_request_approved",
                                               "access_request_denied", "access_request_revoked", "custom_"}));
}

BOOST_AUTO_TEST_CASE(unknown_release_name_has_no_values) {
    BOOST_TEST(event_action::enum_values("2025").empty());
    BOOST_TEST(event_action::enum_values("2026.5").empty());
    BOOST_TEST(event_action::enum_values("latest").empty());
}

BOOST_AUTO_TEST_CASE(in_release_by_name) {
    event_action const login(EventActions::login);
    BOOST_TEST(login.in_release("2024"));
    BOOST_TEST(login.in_release("2026.5.6"));
    BOOST_TEST(login.in_release("2026.8"));
    BOOST_TEST(!login.in_release("2025"));
    BOOST_TEST(!login.in_release(""));

    auto const warning = event_action::from_text("configuration_warning");
    BOOST_TEST(!warning.in_release("2024"));
    BOOST_TEST(warning.in_release("2026.5.6"));

    auto const offboarded = event_action::from_text("user_offboarded");
    BOOST_TEST(!offboarded.in_release("2024"));
    BOOST_TEST(!offboarded.in_release("2026.5.6"));
    BOOST_TEST(offboarded.in_release("2026.8"));

    // Custom actions are in every release; unknown text in none.
    auto const custom = event_action::from_text("custom_x");
    BOOST_TEST(custom.in_release("2024"));
    BOOST_TEST(custom.in_release("2026.8"));
    BOOST_TEST(event_action::from_text("custom_").in_release("2024"));
    auto const unknown = event_action::from_text("access_request_escalated");
    BOOST_TEST(!unknown.in_release("2024"));
    BOOST_TEST(!unknown.in_release("2026.8"));

    // Consistent with enum_values for every known action and release.
    for (auto release : {"2024", "2026.5.6", "2026.8"}) {
        auto const values = event_action::enum_values(release);
        for (std::size_t i = 0; i < ae::event_action_count; ++i) {
            event_action const a(static_cast<EventActions>(i));
            bool const listed = std::find(values.begin(), values.end(), a.text()) != values.end();
            BOOST_TEST(a.in_release(release) == listed, a.text() << " in " << release);
        }
    }
}

BOOST_AUTO_TEST_CASE(strict_parse_for_2024_rejects_newer_actions) {
    auto const r = schema::parse<ae::Event>(event_with_action("export_ready"), strict_for("2024"));
    BOOST_TEST_REQUIRE(!r.has_value());
    BOOST_TEST_REQUIRE(r.problems().size() == 1U);
    auto const& p = r.problems()[0];
    BOOST_TEST(p.pointer == "/action");
    BOOST_TEST((p.code == schema::error::unknown_action));
    BOOST_TEST(p.message.find("2024") != std::string::npos, p.message);
    BOOST_TEST(p.drf_code == "invalid_choice");
    BOOST_TEST(p.drf_message == R"("export_ready" is not a valid choice.)");

    for (std::string_view newer :
         {"configuration_warning", "review_completed", "user_offboarded", "access_request_revoked"}) {
        BOOST_TEST(!schema::parse<ae::Event>(event_with_action(newer), strict_for("2024")).has_value(), newer);
    }
    // 2026.5.6 knows export_ready but not user_offboarded; 2026.8 knows both.
    BOOST_TEST(schema::parse<ae::Event>(event_with_action("export_ready"), strict_for("2026.5.6")).has_value());
    auto const off = schema::parse<ae::Event>(event_with_action("user_offboarded"), strict_for("2026.5.6"));
    BOOST_TEST_REQUIRE(off.problems().size() == 1U);
    BOOST_TEST(off.problems()[0].message.find("2026.5.6") != std::string::npos);
    BOOST_TEST(schema::parse<ae::Event>(event_with_action("user_offboarded"), strict_for("2026.8")).has_value());
}

BOOST_AUTO_TEST_CASE(strict_parse_for_2024_accepts_its_own_and_custom_actions) {
    for (std::string_view action : {"login", "custom_x", "custom_", "update_available", "configuration_error"}) {
        auto const r = schema::parse<ae::Event>(event_with_action(action), strict_for("2024"));
        BOOST_TEST_INFO("problems:\n" << r.problems());
        BOOST_TEST_REQUIRE(r.has_value(), action);
        BOOST_TEST(r->action.text() == action);
    }
    // Unknown text is still rejected, as in strict mode without a release.
    auto const unknown = schema::parse<ae::Event>(event_with_action("access_request_escalated"), strict_for("2024"));
    BOOST_TEST_REQUIRE(unknown.problems().size() == 1U);
    BOOST_TEST((unknown.problems()[0].code == schema::error::unknown_action));
}

BOOST_AUTO_TEST_CASE(without_strict_the_newer_action_is_kept) {
    schema::parse_options o;
    o.release = "2024";
    auto const r = schema::parse<ae::Event>(event_with_action("export_ready"), o);
    BOOST_TEST_REQUIRE(r.has_value());
    BOOST_TEST(r->action.is_enum_value());
    BOOST_TEST((r->action.value() == EventActions::export_ready));
    // And strict mode without a release means the newest one.
    BOOST_TEST(schema::parse<ae::Event>(event_with_action("access_request_revoked"), schema::parse_options::strict())
                   .has_value());
}

BOOST_AUTO_TEST_CASE(an_unknown_release_name_is_reported_as_such) {
    BOOST_TEST(!ae::event_action::knows_release("2025"));
    BOOST_TEST(ae::event_action::knows_release("2024"));
    auto const r = schema::parse<ae::Event>(event_with_action("login"), strict_for("2025"));
    BOOST_REQUIRE(!r.has_value());
    BOOST_TEST(r.problems()[0].pointer == "/action");
    BOOST_TEST(r.problems()[0].message.find("not a release this library knows") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()

} // namespace event_action_test
