#ifndef AUTHENTIK_EVENTS_MODEL_EVENT_ACTIONS_HPP
#define AUTHENTIK_EVENTS_MODEL_EVENT_ACTIONS_HPP

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

namespace authentik::events {

/// Every action authentik is known to send, named as on the wire. `custom_` stands for the
/// prefix of every custom action (`custom_login`); event_action keeps the suffix.
enum class EventActions : std::uint8_t {
    login,
    login_failed,
    logout,
    user_write,
    suspicious_request,
    password_set,
    secret_view,
    secret_rotate,
    invitation_used,
    authorize_application,
    source_linked,
    impersonation_started,
    impersonation_ended,
    flow_execution,
    policy_execution,
    policy_exception,
    property_mapping_exception,
    system_task_execution,
    system_task_exception,
    system_exception,
    configuration_error,
    configuration_warning,
    model_created,
    model_updated,
    model_deleted,
    email_sent,
    update_available,
    export_ready,
    review_initiated,
    review_overdue,
    review_attested,
    review_completed,
    user_offboarded,
    access_request_created,
    access_request_approved,
    access_request_denied,
    access_request_revoked,
    custom_,
};

/// The wire name of every EventActions value, indexed by the enumerator.
inline constexpr std::array<std::string_view, 38> event_action_names{
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
    "user_offboarded",
    "access_request_created",
    "access_request_approved",
    "access_request_denied",
    "access_request_revoked",
    "custom_",
};

/// How many EventActions values there are.
inline constexpr std::size_t event_action_count = event_action_names.size();

static_assert(static_cast<std::size_t>(EventActions::custom_) + 1 == event_action_count,
              "event_action_names must list every EventActions value, in order");

/// The wire name of an action ("login_failed").
[[nodiscard]] constexpr std::string_view to_string(EventActions a) noexcept {
    return event_action_names[static_cast<std::size_t>(a)];
}

namespace detail {

struct action_entry {
    std::string_view name;
    EventActions value;
};

// Sorted by name at compile time so a lookup is a binary search, not a runtime map.
inline constexpr auto sorted_actions = [] {
    std::array<action_entry, event_action_count> a{};
    for (std::size_t i = 0; i < event_action_count; ++i) {
        a[i] = {event_action_names[i], static_cast<EventActions>(i)};
    }
    std::sort(a.begin(), a.end(), [](action_entry const& x, action_entry const& y) { return x.name < y.name; });
    return a;
}();

} // namespace detail

/// The action with exactly this wire name ("custom_" included, "custom_login" not); nullopt otherwise.
[[nodiscard]] constexpr std::optional<EventActions> event_action_from_string(std::string_view name) noexcept {
    auto const* it = std::lower_bound(detail::sorted_actions.begin(), detail::sorted_actions.end(), name,
                                      [](detail::action_entry const& e, std::string_view n) { return e.name < n; });
    if (it != detail::sorted_actions.end() && it->name == name) {
        return it->value;
    }
    return std::nullopt;
}

} // namespace authentik::events

#endif
