#include <authentik/events/model/event_actions.hpp>

#include <boost/test/unit_test.hpp>

#include <array>
#include <cstddef>
#include <optional>
#include <set>
#include <string>
#include <string_view>

namespace event_actions_test {

namespace ae = authentik::events;
using ae::EventActions;

namespace {

struct named_action {
    std::string_view name;
    EventActions value;
};

// The enum of ../shared/spec/authentik-schema-2026.5.6-events.yml, in the schema's order, written
// out by hand: the seed's 27 plus the 6 of 2026.5.6 (33 values, `custom_` included).
constexpr std::array<std::string_view, 33> schema_2026_5_6_names{
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

// The seed's 27 (spec/000_f26c9c5ff5e146d2.txt, generated in 2024).
constexpr std::array<std::string_view, 27> seed_names{
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

// Every name with the enumerator it must map to: 27 + 6 (2026.5.6) + 5 (2026.8) = 38.
constexpr std::array<named_action, 38> all_actions{{
    {"login", EventActions::login},
    {"login_failed", EventActions::login_failed},
    {"logout", EventActions::logout},
    {"user_write", EventActions::user_write},
    {"suspicious_request", EventActions::suspicious_request},
    {"password_set", EventActions::password_set},
    {"secret_view", EventActions::secret_view},
    {"secret_rotate", EventActions::secret_rotate},
    {"invitation_used", EventActions::invitation_used},
    {"authorize_application", EventActions::authorize_application},
    {"source_linked", EventActions::source_linked},
    {"impersonation_started", EventActions::impersonation_started},
    {"impersonation_ended", EventActions::impersonation_ended},
    {"flow_execution", EventActions::flow_execution},
    {"policy_execution", EventActions::policy_execution},
    {"policy_exception", EventActions::policy_exception},
    {"property_mapping_exception", EventActions::property_mapping_exception},
    {"system_task_execution", EventActions::system_task_execution},
    {"system_task_exception", EventActions::system_task_exception},
    {"system_exception", EventActions::system_exception},
    {"configuration_error", EventActions::configuration_error},
    {"model_created", EventActions::model_created},
    {"model_updated", EventActions::model_updated},
    {"model_deleted", EventActions::model_deleted},
    {"email_sent", EventActions::email_sent},
    {"update_available", EventActions::update_available},
    {"custom_", EventActions::custom_},
    // 2026.5.6
    {"configuration_warning", EventActions::configuration_warning},
    {"export_ready", EventActions::export_ready},
    {"review_initiated", EventActions::review_initiated},
    {"review_overdue", EventActions::review_overdue},
    {"review_attested", EventActions::review_attested},
    {"review_completed", EventActions::review_completed},
    // 2026.8
    {"user_offboarded", EventActions::user_offboarded},
    {"access_request_created", EventActions::access_request_created},
    {"access_request_approved", EventActions::access_request_approved},
    {"access_request_denied", EventActions::access_request_denied},
    {"access_request_revoked", EventActions::access_request_revoked},
}};

} // namespace

BOOST_AUTO_TEST_SUITE(event_actions)

BOOST_AUTO_TEST_CASE(there_are_38_actions) {
    BOOST_TEST(ae::event_action_count == 38U);
    BOOST_TEST(ae::event_action_names.size() == 38U);
}

BOOST_AUTO_TEST_CASE(every_action_maps_name_to_enumerator_and_back) {
    for (auto const& a : all_actions) {
        BOOST_TEST_CONTEXT("action " << a.name) {
            BOOST_TEST(ae::to_string(a.value) == a.name);
            auto const parsed = ae::event_action_from_string(a.name);
            BOOST_TEST_REQUIRE(parsed.has_value());
            BOOST_TEST((*parsed == a.value));
            // The names table is indexed by the enumerator.
            BOOST_TEST(ae::event_action_names[static_cast<std::size_t>(a.value)] == a.name);
        }
    }
}

BOOST_AUTO_TEST_CASE(enumerators_and_names_are_all_distinct) {
    std::set<std::string_view> names;
    std::set<std::size_t> values;
    for (auto const& a : all_actions) {
        names.insert(a.name);
        values.insert(static_cast<std::size_t>(a.value));
    }
    BOOST_TEST(names.size() == 38U);
    BOOST_TEST(values.size() == 38U);
    // Every enumerator 0..37 is covered, so the test list is the whole enum.
    BOOST_TEST(*values.begin() == 0U);
    BOOST_TEST(*values.rbegin() == 37U);
    std::set<std::string_view> const table(ae::event_action_names.begin(), ae::event_action_names.end());
    BOOST_TEST((table == names));
}

BOOST_AUTO_TEST_CASE(every_value_of_the_2026_5_6_schema_is_known) {
    for (auto name : schema_2026_5_6_names) {
        BOOST_TEST_CONTEXT("schema value " << name) {
            auto const a = ae::event_action_from_string(name);
            BOOST_TEST_REQUIRE(a.has_value());
            BOOST_TEST(ae::to_string(*a) == name);
        }
    }
    // The 2026.5.6 schema is the seed plus exactly the six new values.
    std::set<std::string_view> const schema(schema_2026_5_6_names.begin(), schema_2026_5_6_names.end());
    std::set<std::string_view> const seed(seed_names.begin(), seed_names.end());
    BOOST_TEST(schema.size() == 33U);
    BOOST_TEST(seed.size() == 27U);
    for (auto name : seed_names) {
        BOOST_TEST(schema.count(name) == 1U, name);
    }
    for (std::string_view added : {"configuration_warning", "export_ready", "review_initiated", "review_overdue",
                                   "review_attested", "review_completed"}) {
        BOOST_TEST(schema.count(added) == 1U, added);
        BOOST_TEST(seed.count(added) == 0U, added);
    }
}

BOOST_AUTO_TEST_CASE(rejects_everything_else) {
    for (std::string_view bad : {"custom_login", "", "LOGIN", "login ", " login", "Login", "custom", "custom__",
                                 "login_", "access_request_escalated", "model", "zzz", "a"}) {
        BOOST_TEST_CONTEXT("text \"" << bad << "\"") { BOOST_TEST(!ae::event_action_from_string(bad).has_value()); }
    }
    // A name followed by a NUL is not the name.
    BOOST_TEST(!ae::event_action_from_string(std::string_view("login\0", 6)).has_value());
}

BOOST_AUTO_TEST_CASE(lookup_is_usable_at_compile_time) {
    static_assert(ae::event_action_from_string("review_overdue") == EventActions::review_overdue);
    static_assert(!ae::event_action_from_string("custom_login").has_value());
    static_assert(ae::to_string(EventActions::access_request_revoked) == "access_request_revoked");
    constexpr auto looked_up = ae::event_action_from_string("user_offboarded");
    BOOST_TEST((looked_up == EventActions::user_offboarded));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(releases)

BOOST_AUTO_TEST_CASE(three_releases_oldest_first) {
    BOOST_TEST_REQUIRE(ae::releases.size() == 3U);
    BOOST_TEST(ae::releases[0].name == "2024");
    BOOST_TEST(ae::releases[1].name == "2026.5.6");
    BOOST_TEST(ae::releases[2].name == "2026.8");
    BOOST_TEST(ae::latest_release == "2026.8");
    // Only the 2024 schema wrote the free-form members as `{}`.
    BOOST_TEST(ae::releases[0].free_form_any);
    BOOST_TEST(!ae::releases[1].free_form_any);
    BOOST_TEST(!ae::releases[2].free_form_any);
}

BOOST_AUTO_TEST_CASE(find_release_by_exact_name) {
    BOOST_TEST((ae::find_release("2024") == std::optional<std::size_t>(0)));
    BOOST_TEST((ae::find_release("2026.5.6") == std::optional<std::size_t>(1)));
    BOOST_TEST((ae::find_release("2026.8") == std::optional<std::size_t>(2)));
    for (std::string_view bad : {"", "2025", "2026.5", "2026.8.0", "2026.5.6 ", "latest", "2024.1"}) {
        BOOST_TEST(!ae::find_release(bad).has_value(), "\"" << bad << "\"");
    }
    static_assert(ae::find_release("2026.5.6") == std::optional<std::size_t>(1));
}

BOOST_AUTO_TEST_CASE(since_names_the_first_release_of_each_action) {
    BOOST_TEST(ae::since(EventActions::login) == "2024");
    BOOST_TEST(ae::since(EventActions::custom_) == "2024");
    BOOST_TEST(ae::since(EventActions::update_available) == "2024");
    BOOST_TEST(ae::since(EventActions::configuration_error) == "2024");
    BOOST_TEST(ae::since(EventActions::model_created) == "2024");
    BOOST_TEST(ae::since(EventActions::configuration_warning) == "2026.5.6");
    BOOST_TEST(ae::since(EventActions::export_ready) == "2026.5.6");
    BOOST_TEST(ae::since(EventActions::review_completed) == "2026.5.6");
    BOOST_TEST(ae::since(EventActions::user_offboarded) == "2026.8");
    BOOST_TEST(ae::since(EventActions::access_request_revoked) == "2026.8");
    static_assert(ae::since(EventActions::access_request_created) == "2026.8");

    // Every action: the seed's in 2024, the six new ones in 2026.5.6, the rest in 2026.8.
    std::set<std::string_view> const seed(seed_names.begin(), seed_names.end());
    std::set<std::string_view> const schema(schema_2026_5_6_names.begin(), schema_2026_5_6_names.end());
    for (auto const& a : all_actions) {
        std::string_view const expected = seed.count(a.name) != 0U     ? "2024"
                                          : schema.count(a.name) != 0U ? "2026.5.6"
                                                                       : "2026.8";
        BOOST_TEST(ae::since(a.value) == expected, a.name);
    }
}

BOOST_AUTO_TEST_CASE(in_release_by_index) {
    BOOST_TEST(ae::in_release(EventActions::login, 0));
    BOOST_TEST(ae::in_release(EventActions::login, 2));
    BOOST_TEST(!ae::in_release(EventActions::configuration_warning, 0));
    BOOST_TEST(ae::in_release(EventActions::configuration_warning, 1));
    BOOST_TEST(ae::in_release(EventActions::configuration_warning, 2));
    BOOST_TEST(!ae::in_release(EventActions::user_offboarded, 0));
    BOOST_TEST(!ae::in_release(EventActions::user_offboarded, 1));
    BOOST_TEST(ae::in_release(EventActions::user_offboarded, 2));
    BOOST_TEST(ae::in_release(EventActions::custom_, 0));
    // Counts per release: 27, 33, 38.
    std::size_t counts[3] = {};
    for (std::size_t r = 0; r < 3; ++r) {
        for (std::size_t i = 0; i < ae::event_action_count; ++i) {
            counts[r] += ae::in_release(static_cast<EventActions>(i), r) ? 1U : 0U;
        }
    }
    BOOST_TEST(counts[0] == 27U);
    BOOST_TEST(counts[1] == 33U);
    BOOST_TEST(counts[2] == 38U);
}

BOOST_AUTO_TEST_SUITE_END()

} // namespace event_actions_test
