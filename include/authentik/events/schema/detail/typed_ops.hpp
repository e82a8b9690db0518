#ifndef AUTHENTIK_EVENTS_SCHEMA_DETAIL_TYPED_OPS_HPP
#define AUTHENTIK_EVENTS_SCHEMA_DETAIL_TYPED_OPS_HPP

#include <authentik/events/schema/codec.hpp>
#include <authentik/events/schema/describe.hpp>
#include <authentik/events/schema/detail/token.hpp>
#include <authentik/events/schema/raw_object.hpp>
#include <authentik/events/schema/read_context.hpp>

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <array>
#include <cstddef>
#include <cstring>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

// What the streaming parser needs to know of a described type, as tables of plain functions:
// the parser itself is one non-template class, and each type contributes only these tables.

namespace authentik::events::schema::detail {

/// How the value that starts at an object or array token is read.
enum class open_as : std::uint8_t {
    object, ///< a described object, filled field by field
    array,  ///< a vector of described objects or scalars, filled element by element
    dom,    ///< built as a DOM, then read by the member's codec (free-form and odd shapes)
    raw,    ///< written as text into a raw_object
};

struct opened {
    open_as how;
    void* target = nullptr;
    void const* ops = nullptr;
};

struct object_ops;
struct array_ops;

// Whether a member type's codec reads straight from a scalar token.
template <class E>
inline constexpr bool reads_scalars = codec<E>::type == json_type::string || codec<E>::type == json_type::number ||
                                      codec<E>::type == json_type::integer || codec<E>::type == json_type::boolean;

// Elements the parser fills one by one: described objects and scalars. Anything else is
// read through the DOM, which is correct for every type, only slower.
template <class E>
inline constexpr bool streams_elements = [] {
    if constexpr (is_vector<E>::value) {
        using X = typename is_vector<E>::element;
        return described<X> || reads_scalars<X>;
    } else {
        return false;
    }
}();

template <class M>
auto& emplace_element(M& m) {
    if constexpr (is_std_optional<M>::value || is_nullable<M>::value) {
        return m.emplace();
    } else {
        return m;
    }
}

template <class M, class Token>
void read_token(Token const& t, M& m, field_options const& fo, read_context& cx) {
    if constexpr (reads_scalars<element_t<M>>) {
        (void)read_value(t, m, fo, cx);
    } else {
        boost::json::value v = t.to_value();
        (void)read_value(v, m, fo, cx);
    }
}

template <class U>
object_ops const& object_ops_of() noexcept;
template <class X>
array_ops const& array_ops_of() noexcept;

template <class M>
opened open_member(M& m, bool array, bool raw_allowed) {
    using E = element_t<M>;
    if (!array) {
        if constexpr (described<E>) {
            return {open_as::object, &emplace_element(m), &object_ops_of<E>()};
        } else if constexpr (std::is_same_v<E, raw_object>) {
            return {raw_allowed ? open_as::raw : open_as::dom};
        }
    } else {
        if constexpr (streams_elements<E>) {
            auto& vec = emplace_element(m);
            vec.clear();
            return {open_as::array, &vec, &array_ops_of<typename is_vector<E>::element>()};
        }
    }
    return {open_as::dom};
}

/// A described type's fields, by index in descriptor order (key sinks not counted).
struct object_ops {
    std::size_t count;
    std::string_view const* names;
    bool const* required;
    bool additional; ///< every unknown key is kept in the sink
    boost::json::object* (*sink)(void* obj);
    void (*read_scalar)(void* obj, std::size_t field, scalar_token const& t, read_context& cx);
    void (*read_dom)(void* obj, std::size_t field, boost::json::value& v, read_context& cx);
    void (*read_raw)(void* obj, std::size_t field, std::string&& text);
    opened (*open)(void* obj, std::size_t field, bool array, bool raw_allowed);
    void (*reset)(void* obj, std::size_t field);

    [[nodiscard]] std::size_t find(std::string_view key) const noexcept {
        for (std::size_t i = 0; i < count; ++i) {
            if (names[i].size() == key.size() && std::memcmp(names[i].data(), key.data(), key.size()) == 0) {
                return i;
            }
        }
        return count;
    }
};

/// A vector's elements: each call appends one.
struct array_ops {
    void (*read_scalar)(void* vec, scalar_token const& t, read_context& cx);
    void (*read_dom)(void* vec, boost::json::value& v, read_context& cx);
    opened (*open)(void* vec, bool array);
};

template <class U>
inline constexpr std::size_t field_count = [] {
    std::size_t n = 0;
    for_each_entry<U>([&](auto const& e) { n += is_field<std::remove_cvref_t<decltype(e)>>::value ? 1U : 0U; });
    return n;
}();

// Calls f(entry) for field number i of U.
template <class U, class F>
void with_field(std::size_t i, F&& f) {
    std::size_t n = 0;
    for_each_entry<U>([&](auto const& e) {
        if constexpr (is_field<std::remove_cvref_t<decltype(e)>>::value) {
            if (n++ == i) {
                f(e);
            }
        }
    });
}

template <class U>
struct object_tables {
    static constexpr std::size_t n = field_count<U>;
    static_assert(n <= 64, "authentik::events::schema: the streaming parser reads at most 64 fields a type");
    static constexpr auto names = [] {
        std::array<std::string_view, n == 0 ? 1 : n> a{};
        std::size_t i = 0;
        for_each_entry<U>([&](auto const& e) {
            if constexpr (is_field<std::remove_cvref_t<decltype(e)>>::value) {
                a[i++] = e.name;
            }
        });
        return a;
    }();
    static constexpr auto required = [] {
        std::array<bool, n == 0 ? 1 : n> a{};
        std::size_t i = 0;
        for_each_entry<U>([&](auto const& e) {
            if constexpr (is_field<std::remove_cvref_t<decltype(e)>>::value) {
                a[i++] = e.options.required;
            }
        });
        return a;
    }();

    static boost::json::object* sink(void* obj) { return sink_of(*static_cast<U*>(obj)); }
    static void read_scalar(void* obj, std::size_t field, scalar_token const& t, read_context& cx) {
        with_field<U>(field, [&](auto const& e) { read_token(t, static_cast<U*>(obj)->*e.member, e.options, cx); });
    }
    static void read_dom(void* obj, std::size_t field, boost::json::value& v, read_context& cx) {
        with_field<U>(field,
                      [&](auto const& e) { (void)read_value(v, static_cast<U*>(obj)->*e.member, e.options, cx); });
    }
    static void read_raw(void* obj, std::size_t field, std::string&& text) {
        with_field<U>(field, [&](auto const& e) {
            using M = typename std::remove_cvref_t<decltype(e)>::member_type;
            if constexpr (std::is_same_v<element_t<M>, raw_object>) {
                emplace_element(static_cast<U*>(obj)->*e.member) = raw_access::adopt(std::move(text));
            }
        });
    }
    static opened open(void* obj, std::size_t field, bool array, bool raw_allowed) {
        opened o{open_as::dom};
        with_field<U>(field,
                      [&](auto const& e) { o = open_member(static_cast<U*>(obj)->*e.member, array, raw_allowed); });
        return o;
    }
    static void reset(void* obj, std::size_t field) {
        with_field<U>(field, [&](auto const& e) {
            using M = typename std::remove_cvref_t<decltype(e)>::member_type;
            static_cast<U*>(obj)->*e.member = M{};
        });
    }

    static constexpr object_ops ops{n,     names.data(), required.data(), sink_is_additional_properties<U>(),
                                    &sink, &read_scalar, &read_dom,       &read_raw,
                                    &open, &reset};
};

template <class X>
struct array_tables {
    static void read_scalar(void* vec, scalar_token const& t, read_context& cx) {
        auto& v = *static_cast<std::vector<X>*>(vec);
        v.emplace_back();
        read_token(t, v.back(), field_options{}, cx);
    }
    static void read_dom(void* vec, boost::json::value& jv, read_context& cx) {
        auto& v = *static_cast<std::vector<X>*>(vec);
        v.emplace_back();
        (void)read_value(jv, v.back(), field_options{}, cx);
    }
    static opened open(void* vec, bool array) {
        if constexpr (described<X>) {
            if (!array) {
                auto& v = *static_cast<std::vector<X>*>(vec);
                v.emplace_back();
                return {open_as::object, &v.back(), &object_ops_of<X>()};
            }
        }
        return {open_as::dom};
    }
    static constexpr array_ops ops{&read_scalar, &read_dom, &open};
};

template <class U>
object_ops const& object_ops_of() noexcept {
    return object_tables<U>::ops;
}
template <class X>
array_ops const& array_ops_of() noexcept {
    return array_tables<X>::ops;
}

} // namespace authentik::events::schema::detail

#endif
