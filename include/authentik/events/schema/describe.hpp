#ifndef AUTHENTIK_EVENTS_SCHEMA_DESCRIBE_HPP
#define AUTHENTIK_EVENTS_SCHEMA_DESCRIBE_HPP

#include <authentik/events/schema/field.hpp>
#include <authentik/events/schema/nullable.hpp>

#include <boost/json/object.hpp>

#include <cstddef>
#include <optional>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

namespace authentik::events::schema {

/// Tag naming a type for describe() lookups; carries nothing.
template <class T>
struct type_tag {
    using type = T;
};

/// The descriptor of a type: its info and a tuple of field and key_sink entries, in JSON order.
template <class T, class... Entries>
struct object_descriptor {
    using type = T;
    object_info info;
    std::tuple<Entries...> entries;
};

/// Builds a descriptor; a type publishes it as `constexpr auto describe(schema::type_tag<T>)`
/// in the type's namespace, found by argument-dependent lookup.
template <class T, class... Entries>
[[nodiscard]] constexpr object_descriptor<T, Entries...> object(object_info info, Entries... entries) {
    return {info, std::tuple<Entries...>{entries...}};
}

/// A type that publishes a descriptor.
template <class T>
concept described = requires {
    describe(type_tag<T>{});
};

namespace detail {

template <class T>
struct is_field : std::false_type {};
template <class O, class M>
struct is_field<field<O, M>> : std::true_type {};

template <class T>
struct is_sink : std::false_type {};
template <class O, class M>
struct is_sink<key_sink<O, M>> : std::true_type {};

template <class T>
struct is_std_optional : std::false_type {};
template <class T>
struct is_std_optional<std::optional<T>> : std::true_type {};

template <class T>
struct is_nullable : std::false_type {};
template <class T>
struct is_nullable<nullable<T>> : std::true_type {};

template <class T>
struct is_vector : std::false_type {};
template <class T, class A>
struct is_vector<std::vector<T, A>> : std::true_type {
    using element = T;
};

/// The JSON value a member holds once optional/nullable wrappers are stripped.
template <class T>
struct element {
    using type = T;
};
template <class T>
struct element<std::optional<T>> {
    using type = T;
};
template <class T>
struct element<nullable<T>> {
    using type = T;
};
template <class T>
using element_t = typename element<T>::type;

template <class D, std::size_t... I>
constexpr bool names_unique(D const& d, std::index_sequence<I...>) {
    std::string_view names[sizeof...(I) + 1]{};
    std::size_t n = 0;
    auto collect = [&](auto const& e) {
        if constexpr (is_field<std::remove_cvref_t<decltype(e)>>::value) {
            names[n++] = e.name;
        }
    };
    (collect(std::get<I>(d.entries)), ...);
    for (std::size_t a = 0; a < n; ++a) {
        for (std::size_t b = a + 1; b < n; ++b) {
            if (names[a] == names[b]) {
                return false;
            }
        }
    }
    return true;
}

template <class D, std::size_t... I>
constexpr bool names_non_empty(D const& d, std::index_sequence<I...>) {
    auto ok = [](auto const& e) {
        if constexpr (is_field<std::remove_cvref_t<decltype(e)>>::value) {
            return !e.name.empty();
        } else {
            return true;
        }
    };
    return (ok(std::get<I>(d.entries)) && ...);
}

// Each check below takes one predicate over (options, member type) so that the static_assert
// that fails names the rule broken.
template <class D, class Pred, std::size_t... I>
constexpr bool all_fields(D const& d, Pred pred, std::index_sequence<I...>) {
    auto ok = [&](auto const& e) {
        using E = std::remove_cvref_t<decltype(e)>;
        if constexpr (is_field<E>::value) {
            return pred(e.options, type_tag<typename E::member_type>{});
        } else {
            return true;
        }
    };
    return (ok(std::get<I>(d.entries)) && ...);
}

template <class D, std::size_t... I>
constexpr std::size_t sink_count(D const&, std::index_sequence<I...>) {
    return (std::size_t{is_sink<std::remove_cvref_t<decltype(std::get<I>(std::declval<D const&>().entries))>>::value} +
            ... + 0);
}

template <class D, std::size_t... I>
constexpr bool entries_belong_to(D const&, std::index_sequence<I...>) {
    return (std::is_same_v<
                typename std::remove_cvref_t<decltype(std::get<I>(std::declval<D const&>().entries))>::owner_type,
                typename D::type> &&
            ...);
}

template <class T>
struct descriptor_holder {
    static_assert(described<T>, "authentik::events::schema: this type has no descriptor; declare "
                                "`constexpr auto describe(schema::type_tag<T>)` in its namespace");
    static constexpr auto value = describe(type_tag<T>{});
    using descriptor_type = std::remove_cvref_t<decltype(value)>;
    static constexpr auto indices = std::make_index_sequence<std::tuple_size_v<decltype(value.entries)>>{};

    static_assert(std::is_same_v<typename descriptor_type::type, T>,
                  "authentik::events::schema: describe(type_tag<T>) must return schema::object<T>(...)");
    static_assert(entries_belong_to(value, indices),
                  "authentik::events::schema: a descriptor names a member of another type");
    static_assert(names_non_empty(value, indices), "authentik::events::schema: a field has an empty JSON name");
    static_assert(names_unique(value, indices),
                  "authentik::events::schema: two fields of one descriptor share a JSON name");
    static_assert(sink_count(value, indices) <= 1,
                  "authentik::events::schema: a descriptor may have at most one key sink "
                  "(additional_properties or unknown_keys)");
    static_assert(all_fields(
                      value,
                      []<class M>(field_options const& o, type_tag<M>) { return !o.nullable || is_nullable<M>::value; },
                      indices),
                  "authentik::events::schema: a nullable field must be stored in schema::nullable<T>, "
                  "which can hold null; std::optional and plain members cannot");
    static_assert(all_fields(
                      value,
                      []<class M>(field_options const& o, type_tag<M>) { return o.nullable || !is_nullable<M>::value; },
                      indices),
                  "authentik::events::schema: a schema::nullable<T> member must be declared "
                  "{.nullable = true}");
    static_assert(all_fields(
                      value,
                      []<class M>(field_options const& o, type_tag<M>) {
                          return !o.required || !is_std_optional<M>::value;
                      },
                      indices),
                  "authentik::events::schema: a required field is stored in std::optional; "
                  "required fields are plain members");
    static_assert(all_fields(
                      value,
                      []<class M>(field_options const& o, type_tag<M>) {
                          return o.required || is_std_optional<M>::value || is_nullable<M>::value;
                      },
                      indices),
                  "authentik::events::schema: an optional field is stored in a plain member, which "
                  "cannot be absent; use std::optional<T> (or schema::nullable<T> when nullable)");
    static_assert(all_fields(
                      value,
                      []<class M>(field_options const& o, type_tag<M>) { return !(o.read_only && o.write_only); },
                      indices),
                  "authentik::events::schema: a field cannot be both read-only and write-only");
};

} // namespace detail

/// The checked descriptor of T; misuse of a descriptor fails here with a readable message.
template <class T>
inline constexpr auto const& descriptor_of = detail::descriptor_holder<T>::value;

/// Calls f(entry) for each field and key sink of T's descriptor, in order.
template <class T, class F>
constexpr void for_each_entry(F&& f) {
    std::apply([&](auto const&... e) { (f(e), ...); }, descriptor_of<T>.entries);
}

/// Whether T's descriptor has a field with this JSON name.
template <class T>
[[nodiscard]] constexpr bool has_field(std::string_view name) noexcept {
    bool found = false;
    for_each_entry<T>([&](auto const& e) {
        if constexpr (detail::is_field<std::remove_cvref_t<decltype(e)>>::value) {
            found = found || e.name == name;
        }
    });
    return found;
}

} // namespace authentik::events::schema

#endif
