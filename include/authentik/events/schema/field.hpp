#ifndef AUTHENTIK_EVENTS_SCHEMA_FIELD_HPP
#define AUTHENTIK_EVENTS_SCHEMA_FIELD_HPP

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace authentik::events::schema {

/// A string format a field checks beyond its JSON type. Types such as date_time and uuid carry
/// their own format; ip_address is checked on a plain std::string.
enum class value_format : std::uint8_t { none, uuid, date_time, ip_address, enumeration };

/// Everything a descriptor says about one field besides its name and member. Aggregate, so a
/// descriptor line reads `{.required = true, .read_only = true}`; members are in that order.
struct field_options {
    bool required = false;                    ///< the key must be present (member is then a plain T)
    bool nullable = false;                    ///< null is a value (member is then nullable<T>)
    bool read_only = false;                   ///< only servers write it (schema's readOnly)
    bool write_only = false;                  ///< only clients write it (schema's writeOnly)
    value_format format = value_format::none; ///< string format checked on a std::string member
    std::size_t min_length = 0;               ///< minimum length in code points (schema's minLength)
    bool enum_only = false;                   ///< open-enum member: accept only the schema's enum values
    std::string_view title{};                 ///< schema's title
    std::string_view description{};           ///< schema's description
};

/// One described member: JSON name, pointer to member, and its options.
template <class Owner, class Member>
struct field {
    using owner_type = Owner;
    using member_type = Member;

    std::string_view name;
    Member Owner::*member;
    field_options options;
};

/// Describes one member: `member("app", &Event::app, {.required = true})`.
template <class Owner, class Member>
[[nodiscard]] constexpr field<Owner, Member> member(std::string_view name, Member Owner::*m,
                                                    field_options options = {}) noexcept {
    return {name, m, options};
}

/// A member that receives the keys a type does not describe.
template <class Owner, class Member>
struct key_sink {
    using owner_type = Owner;
    using member_type = Member;

    Member Owner::*member;
    /// True for schema-level additionalProperties (every extra key is valid and always kept);
    /// false for a store that unknown_key_policy::preserve fills.
    bool additional_properties;
};

/// Every key not described is valid and kept here (schema's `additionalProperties: {}`).
template <class Owner, class Member>
[[nodiscard]] constexpr key_sink<Owner, Member> additional_properties(Member Owner::*m) noexcept {
    return {m, true};
}

/// Keys not described are kept here when parsing with unknown_key_policy::preserve, so that a
/// round trip loses nothing; the schema does not mention them.
template <class Owner, class Member>
[[nodiscard]] constexpr key_sink<Owner, Member> unknown_keys(Member Owner::*m) noexcept {
    return {m, false};
}

/// What a descriptor says about the type as a whole.
struct object_info {
    std::string_view name{};        ///< the schema component's name ("Event")
    std::string_view description{}; ///< schema's description
};

} // namespace authentik::events::schema

#endif
