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

/// The authentik releases this library knows, oldest first; an index into this list is a
/// release's id. Adding a release is one row here (and, for new actions, their enumerators,
/// names and `event_action_since` entries).
struct release {
    std::string_view name;       ///< as authentik numbers it ("2026.5.6")
    bool free_form_any;          ///< user/context/brand were `{}` in its schema, not `type: object`
};

/// Every known release. "2024" is the 2024 API reference the project started from, whose page
/// does not name its patch release.
inline constexpr std::array<release, 3> releases{{
    {"2024", true},
    {"2026.5.6", false},
    {"2026.8", false},
}};

/// The newest release this library knows.
inline constexpr std::string_view latest_release = releases.back().name;

/// The index in `releases` of the release with this name; nullopt for an unknown name.
[[nodiscard]] constexpr std::optional<std::size_t> find_release(std::string_view name) noexcept {
    for (std::size_t i = 0; i < releases.size(); ++i) {
        if (releases[i].name == name) {
            return i;
        }
    }
    return std::nullopt;
}

/// For each EventActions value (by enumerator), the index in `releases` of the first release
/// that has it.
inline constexpr std::array<std::uint8_t, 38> event_action_since{
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, // login .. configuration_error
    1,                                                             // configuration_warning
    0, 0, 0, 0, 0,                                                 // model_created .. update_available
    1, 1, 1, 1, 1,                                                 // export_ready .. review_completed
    2, 2, 2, 2, 2,                                                 // user_offboarded .. access_request_revoked
    0,                                                             // custom_
};

/// How many EventActions values there are.
inline constexpr std::size_t event_action_count = event_action_names.size();

static_assert(static_cast<std::size_t>(EventActions::custom_) + 1 == event_action_count,
              "event_action_names must list every EventActions value, in order");

static_assert(event_action_since.size() == event_action_count, "one release per action");

/// The first release that has this action.
[[nodiscard]] constexpr std::string_view since(EventActions a) noexcept {
    return releases[event_action_since[static_cast<std::size_t>(a)]].name;
}

/// Whether the release with index `release_index` has this action.
[[nodiscard]] constexpr bool in_release(EventActions a, std::size_t release_index) noexcept {
    return event_action_since[static_cast<std::size_t>(a)] <= release_index;
}

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
