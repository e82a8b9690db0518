#ifndef AUTHENTIK_EVENTS_MODEL_EVENT_ACTION_HPP
#define AUTHENTIK_EVENTS_MODEL_EVENT_ACTION_HPP

#include <authentik/events/model/event_actions.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace authentik::events {

/// The `action` of an event: an EventActions value, a custom action (`custom_` and a suffix),
/// or a value this library does not know, kept as raw text so that a newer server's events
/// still read (the official Go, Python and Rust clients fail the whole event on those).
class event_action {
public:
    /// Which of the three an action is.
    enum class kind : std::uint8_t {
        known,   ///< exactly one of the schema's values (the bare "custom_" included)
        custom,  ///< "custom_" followed by a non-empty suffix
        unknown, ///< anything else
    };

    /// EventActions::login.
    constexpr event_action() noexcept = default;
    /// A known action.
    constexpr event_action(EventActions a) noexcept : value_(a) {}

    /// A custom action, "custom_" + suffix; an empty suffix gives the bare EventActions::custom_.
    [[nodiscard]] static event_action custom(std::string_view suffix) {
        if (suffix.empty()) {
            return EventActions::custom_;
        }
        event_action a(EventActions::custom_);
        a.kind_ = kind::custom;
        a.text_ = "custom_";
        a.text_ += suffix;
        return a;
    }

    /// Classifies wire text: a known name, a custom action, or unknown text kept verbatim.
    [[nodiscard]] static event_action from_text(std::string_view text) {
        if (auto a = event_action_from_string(text)) {
            return *a;
        }
        if (text.substr(0, prefix.size()) == prefix) {
            return custom(text.substr(prefix.size()));
        }
        event_action a;
        a.kind_ = kind::unknown;
        a.text_ = text;
        return a;
    }

    [[nodiscard]] constexpr kind classification() const noexcept { return kind_; }
    /// Exactly one of the schema's enum values (what EventRequest accepts).
    [[nodiscard]] constexpr bool is_enum_value() const noexcept { return kind_ == kind::known; }
    /// "custom_" with a suffix.
    [[nodiscard]] constexpr bool is_custom() const noexcept { return kind_ == kind::custom; }
    /// Not recognized at all: probably an action newer than this library.
    [[nodiscard]] constexpr bool is_unknown() const noexcept { return kind_ == kind::unknown; }

    /// The enumerator: EventActions::custom_ for custom actions, nullopt for unknown ones.
    [[nodiscard]] constexpr std::optional<EventActions> value() const noexcept {
        if (kind_ == kind::unknown) {
            return std::nullopt;
        }
        return value_;
    }
    /// What follows "custom_" ("" unless is_custom()).
    [[nodiscard]] std::string_view custom_suffix() const noexcept {
        return kind_ == kind::custom ? std::string_view(text_).substr(prefix.size()) : std::string_view{};
    }
    /// The wire text, exactly as read.
    [[nodiscard]] std::string_view text() const noexcept {
        return kind_ == kind::known ? to_string(value_) : std::string_view(text_);
    }

    /// Whether the named release knows this action: custom actions are known to every
    /// release, unknown text to none, and an unknown release name knows nothing.
    [[nodiscard]] bool in_release(std::string_view release_name) const noexcept {
        auto const r = find_release(release_name);
        if (!r || kind_ == kind::unknown) {
            return false;
        }
        return events::in_release(value_, *r);
    }

    /// Whether this library knows the named release.
    [[nodiscard]] static constexpr bool knows_release(std::string_view release_name) noexcept {
        return find_release(release_name).has_value();
    }

    /// The schema component's name.
    [[nodiscard]] static constexpr std::string_view schema_name() noexcept { return "EventActions"; }

    /// The schema's enum values in the named release (the newest when empty), in schema order.
    [[nodiscard]] static std::vector<std::string_view> enum_values(std::string_view release_name = {}) {
        auto const r = find_release(release_name.empty() ? latest_release : release_name);
        std::vector<std::string_view> out;
        if (!r) {
            return out;
        }
        for (std::size_t i = 0; i < event_action_count; ++i) {
            if (events::in_release(static_cast<EventActions>(i), *r)) {
                out.push_back(event_action_names[i]);
            }
        }
        return out;
    }

    friend bool operator==(event_action const& a, event_action const& b) noexcept {
        return a.kind_ == b.kind_ && a.value_ == b.value_ && a.text_ == b.text_;
    }

private:
    static constexpr std::string_view prefix = "custom_";

    EventActions value_ = EventActions::login;
    kind kind_ = kind::known;
    std::string text_; // the whole text of custom and unknown actions
};

} // namespace authentik::events

#endif
