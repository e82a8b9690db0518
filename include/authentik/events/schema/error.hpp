#ifndef AUTHENTIK_EVENTS_SCHEMA_ERROR_HPP
#define AUTHENTIK_EVENTS_SCHEMA_ERROR_HPP

#include <boost/system/error_code.hpp>

#include <string>
#include <string_view>
#include <type_traits>

namespace authentik::events::schema {

/// Stable codes of every problem the library reports. Values never change once released.
enum class error : int {
    invalid_json = 1,   ///< not JSON: syntax, invalid UTF-8, truncation, trailing data
    duplicate_key,      ///< an object holds one key twice (reported at the second)
    depth_exceeded,     ///< nesting deeper than parse_options::max_depth
    size_exceeded,      ///< document or string larger than its limit
    missing_field,      ///< a required key is absent
    null_not_allowed,   ///< null given to a field that is not nullable
    wrong_type,         ///< a JSON type the field does not take
    unknown_field,      ///< a key the type does not know, with unknown_keys::reject
    invalid_uuid,       ///< not an RFC 9562 hyphenated UUID
    invalid_date_time,  ///< not an RFC 3339 date-time, or out of range
    invalid_ip_address, ///< neither IPv4 nor IPv6 text
    unknown_action,     ///< not a known EventActions value where only those are accepted
    too_short,          ///< a string shorter than the field's minimum length
    out_of_memory,      ///< an allocation failed while parsing
};

/// The JSON name of a code ("missing_field"), stable and suitable for machine output.
[[nodiscard]] constexpr std::string_view to_string(error e) noexcept {
    switch (e) {
    case error::invalid_json: return "invalid_json";
    case error::duplicate_key: return "duplicate_key";
    case error::depth_exceeded: return "depth_exceeded";
    case error::size_exceeded: return "size_exceeded";
    case error::missing_field: return "missing_field";
    case error::null_not_allowed: return "null_not_allowed";
    case error::wrong_type: return "wrong_type";
    case error::unknown_field: return "unknown_field";
    case error::invalid_uuid: return "invalid_uuid";
    case error::invalid_date_time: return "invalid_date_time";
    case error::invalid_ip_address: return "invalid_ip_address";
    case error::unknown_action: return "unknown_action";
    case error::too_short: return "too_short";
    case error::out_of_memory: return "out_of_memory";
    }
    return "unknown";
}

namespace detail {

// NOLINTNEXTLINE(cppcoreguidelines-virtual-class-destructor): final, never deleted through a base
class error_category_impl final : public boost::system::error_category {
public:
    // A fixed id lets categories from different shared objects compare equal.
    constexpr error_category_impl() noexcept : boost::system::error_category(0xa17e'9e47'0b5c'0001ULL) {}
    const char* name() const noexcept override { return "authentik.events"; }
    std::string message(int ev) const override { return std::string(to_string(static_cast<error>(ev))); }
};

} // namespace detail

/// The category of every schema::error.
[[nodiscard]] inline boost::system::error_category const& error_category() noexcept {
    static constexpr detail::error_category_impl instance;
    return instance;
}

/// Lets `boost::system::error_code ec = error::missing_field;` work.
[[nodiscard]] inline boost::system::error_code make_error_code(error e) noexcept {
    return {static_cast<int>(e), error_category()};
}

} // namespace authentik::events::schema

template <>
struct boost::system::is_error_code_enum<authentik::events::schema::error> : std::true_type {};

#endif
