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

/// The authentik releases this library knows, oldest first; an index into this list is a
/// release's id. Adding a release is one row here (see docs/versions.md).
struct release {
    std::string_view name; ///< as authentik numbers it ("2026.5.6")
    bool free_form_any;    ///< user/context/brand were `{}` in its schema, not `type: object`
};

/// Every known release. "2024" is the 2024 API reference the project started from, whose page
/// does not name its patch release.
inline constexpr auto releases = std::to_array<release>({
    {"2024", true},
    {"2026.5.6", false},
    {"2026.8", false},
});

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

/// One row of the action table: the enumerator, its wire name, the first release that has it.
struct event_action_info {
    EventActions value;
    std::string_view name;
    std::string_view since;
};

/// Every EventActions value, in enumerator order: the one table the names, the release of each
/// action and the per-release enum lists all come from. Adding an action is its enumerator and
/// one row; the checks below fail to compile when a row is missing, misplaced or names a
/// release that is not in `releases`.
inline constexpr auto event_action_table = std::to_array<event_action_info>({
    {EventActions::login, "login", "2024"},
    {EventActions::login_failed, "login_failed", "2024"},
    {EventActions::logout, "logout", "2024"},
    {EventActions::user_write, "user_write", "2024"},
    {EventActions::suspicious_request, "suspicious_request", "2024"},
    {EventActions::password_set, "password_set", "2024"},
    {EventActions::secret_view, "secret_view", "2024"},
    {EventActions::secret_rotate, "secret_rotate", "2024"},
    {EventActions::invitation_used, "invitation_used", "2024"},
    {EventActions::authorize_application, "authorize_application", "2024"},
    {EventActions::source_linked, "source_linked", "2024"},
    {EventActions::impersonation_started, "impersonation_started", "2024"},
    {EventActions::impersonation_ended, "impersonation_ended", "2024"},
    {EventActions::flow_execution, "flow_execution", "2024"},
    {EventActions::policy_execution, "policy_execution", "2024"},
    {EventActions::policy_exception, "policy_exception", "2024"},
    {EventActions::property_mapping_exception, "property_mapping_exception", "2024"},
    {EventActions::system_task_execution, "system_task_execution", "2024"},
    {EventActions::system_task_exception, "system_task_exception", "2024"},
    {EventActions::system_exception, "system_exception", "2024"},
    {EventActions::configuration_error, "configuration_error", "2024"},
    {EventActions::configuration_warning, "configuration_warning", "2026.5.6"},
    {EventActions::model_created, "model_created", "2024"},
    {EventActions::model_updated, "model_updated", "2024"},
    {EventActions::model_deleted, "model_deleted", "2024"},
    {EventActions::email_sent, "email_sent", "2024"},
    {EventActions::update_available, "update_available", "2024"},
    {EventActions::export_ready, "export_ready", "2026.5.6"},
    {EventActions::review_initiated, "review_initiated", "2026.5.6"},
    {EventActions::review_overdue, "review_overdue", "2026.5.6"},
    {EventActions::review_attested, "review_attested", "2026.5.6"},
    {EventActions::review_completed, "review_completed", "2026.5.6"},
    {EventActions::user_offboarded, "user_offboarded", "2026.8"},
    {EventActions::access_request_created, "access_request_created", "2026.8"},
    {EventActions::access_request_approved, "access_request_approved", "2026.8"},
    {EventActions::access_request_denied, "access_request_denied", "2026.8"},
    {EventActions::access_request_revoked, "access_request_revoked", "2026.8"},
    {EventActions::custom_, "custom_", "2024"},
});

/// How many EventActions values there are.
inline constexpr std::size_t event_action_count = event_action_table.size();

namespace detail {

[[nodiscard]] constexpr bool action_rows_in_order() noexcept {
    for (std::size_t i = 0; i < event_action_count; ++i) {
        if (static_cast<std::size_t>(event_action_table[i].value) != i || event_action_table[i].name.empty()) {
            return false;
        }
    }
    return true;
}

[[nodiscard]] constexpr bool action_releases_known() noexcept {
    return std::ranges::all_of(event_action_table, [](auto const& row) { return find_release(row.since).has_value(); });
}

} // namespace detail

static_assert(static_cast<std::size_t>(EventActions::custom_) + 1 == event_action_count,
              "event_action_table must have one row per EventActions value");
static_assert(detail::action_rows_in_order(),
              "event_action_table's rows must follow the EventActions enumerators, in order, each with a name");
static_assert(detail::action_releases_known(), "an event_action_table row names a release that is not in `releases`");

/// The wire name of every EventActions value, indexed by the enumerator.
inline constexpr auto event_action_names = [] {
    std::array<std::string_view, event_action_count> a{};
    for (std::size_t i = 0; i < event_action_count; ++i) {
        a[i] = event_action_table[i].name;
    }
    return a;
}();

/// For each EventActions value (by enumerator), the index in `releases` of the first release
/// that has it.
inline constexpr auto event_action_since = [] {
    std::array<std::uint8_t, event_action_count> a{};
    for (std::size_t i = 0; i < event_action_count; ++i) {
        a[i] = static_cast<std::uint8_t>(*find_release(event_action_table[i].since));
    }
    return a;
}();

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
