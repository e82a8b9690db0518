#ifndef AUTHENTIK_EVENTS_SCHEMA_OPTIONS_HPP
#define AUTHENTIK_EVENTS_SCHEMA_OPTIONS_HPP

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace authentik::events::schema {

/// What happens to a key the type does not describe.
enum class unknown_key_policy : std::uint8_t {
    ignore,   ///< dropped silently (what the official clients do)
    reject,   ///< reported as error::unknown_field
    preserve, ///< kept in the type's unknown-keys member and written back out
};

/// What happens to an enum text the library does not know (an action newer than this library).
enum class unknown_enum_policy : std::uint8_t {
    keep,   ///< kept as raw text; servers add actions faster than clients update
    reject, ///< reported as error::unknown_action
};

/// Options for parse() and validate(). Defaults suit reading responses from a real server.
struct parse_options {
    unknown_key_policy unknown_keys = unknown_key_policy::ignore;
    unknown_enum_policy unknown_actions = unknown_enum_policy::keep;
    /// When true a repeated key is accepted and the last one wins, as in Python's json module.
    bool allow_duplicate_keys = false;
    /// Deepest nesting accepted; the top-level object is depth 1.
    std::size_t max_depth = 64;
    /// Largest document accepted, in bytes.
    std::size_t max_bytes = std::size_t{64} << 20U;
    /// Longest string or key accepted, in bytes.
    std::size_t max_string_length = std::size_t{8} << 20U;
    /// Most problems collected before the list is marked truncated.
    std::size_t max_problems = 100;
    /// The API release to validate against (empty: the newest the library knows). An enum
    /// value newer than it counts as unknown, so strict mode rejects it.
    std::string_view release{};

    /// Rejects unknown keys and unknown actions: for validating what one's own server writes.
    [[nodiscard]] static constexpr parse_options strict() noexcept {
        parse_options o;
        o.unknown_keys = unknown_key_policy::reject;
        o.unknown_actions = unknown_enum_policy::reject;
        return o;
    }
};

/// Options for serialize().
struct serialize_options {
    /// Indents by two spaces a level with ": " after keys; compact (the server's form) when false.
    bool pretty = false;
};

} // namespace authentik::events::schema

#endif
