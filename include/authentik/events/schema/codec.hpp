#ifndef AUTHENTIK_EVENTS_SCHEMA_CODEC_HPP
#define AUTHENTIK_EVENTS_SCHEMA_CODEC_HPP

#include <authentik/events/format/date_time.hpp>
#include <authentik/events/format/ip_address.hpp>
#include <authentik/events/format/uuid.hpp>
#include <authentik/events/schema/describe.hpp>
#include <authentik/events/schema/drf.hpp>
#include <authentik/events/schema/json_writer.hpp>
#include <authentik/events/schema/number.hpp>
#include <authentik/events/schema/read_context.hpp>

#include <boost/json/object.hpp>
#include <boost/json/string.hpp>
#include <boost/json/value.hpp>
#include <boost/uuid/uuid.hpp>

#include <concepts>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <new>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace authentik::events::schema {

/// The JSON type a member takes, as a schema names it.
enum class json_type : std::uint8_t { any, object, array, string, number, integer, boolean };

/// The schema's name of a JSON type ("string").
[[nodiscard]] constexpr std::string_view to_string(json_type t) noexcept {
    switch (t) {
    case json_type::any: return "any";
    case json_type::object: return "object";
    case json_type::array: return "array";
    case json_type::string: return "string";
    case json_type::number: return "number";
    case json_type::integer: return "integer";
    case json_type::boolean: return "boolean";
    }
    return "any";
}

/// An enumeration that also holds values it does not know (the server's newer ones): built from
/// any text, it says whether the text was one of the schema's values or not recognized at all.
/// It may also have `in_release(name)` and `knows_release(name)` (checked when
/// parse_options::release is set) and, for
/// schema export, `schema_name()` and `enum_values(release)`.
template <class E>
concept open_enum = requires(E const& e, std::string_view s) {
    { E::from_text(s) } -> std::same_as<E>;
    { e.text() } -> std::convertible_to<std::string_view>;
    { e.is_unknown() } -> std::same_as<bool>;
    { e.is_enum_value() } -> std::same_as<bool>;
};

/// How one C++ type reads from and writes to JSON. Specialize it to teach the library a type;
/// each specialization has `type` (its json_type), `read(jv, out, options, context) -> bool`
/// (reporting its own problems), `write(v, json_writer&)` and `to_value(v, storage_ptr)`.
template <class T, class Enable = void>
struct codec {
    static_assert(!std::is_same_v<T, T>, "authentik::events::schema: no codec for this member type; specialize "
                                         "schema::codec<T> or describe the type");
};

namespace detail {

// JV is a boost::json::value or a token the streaming parser has not turned into one.
template <class JV>
[[nodiscard]] std::string_view kind_name(JV const& v) noexcept {
    switch (v.kind()) {
    case boost::json::kind::null: return "null";
    case boost::json::kind::bool_: return "boolean";
    case boost::json::kind::int64:
    case boost::json::kind::uint64: return "integer";
    case boost::json::kind::double_: return "number";
    case boost::json::kind::string: return "string";
    case boost::json::kind::array: return "array";
    case boost::json::kind::object: return "object";
    }
    return "value";
}

template <class JV>
[[nodiscard]] drf::wording format_wording(value_format f, JV const& v) {
    switch (f) {
    case value_format::uuid: return drf::invalid_uuid();
    case value_format::date_time: return drf::invalid_date_time();
    case value_format::ip_address: return drf::invalid_ip_address();
    case value_format::enumeration:
        return drf::invalid_choice(v.is_string() ? std::string_view(v.get_string()) : std::string_view(quote_value(v)));
    case value_format::none: break;
    }
    return {};
}

template <class JV>
void wrong_type(read_context& cx, JV const& v, json_type expected, value_format format) {
    drf::wording w = format_wording(format, v);
    if (w.code.empty()) {
        switch (expected) {
        case json_type::object: w = drf::not_a_dict(drf::python_type_name(v)); break;
        case json_type::array: w = drf::not_a_list(drf::python_type_name(v)); break;
        case json_type::number: w = drf::not_a_number(); break;
        case json_type::integer: w = drf::not_an_integer(); break;
        case json_type::boolean: w = drf::not_a_boolean(); break;
        case json_type::string:
        case json_type::any: w = drf::not_a_string(); break;
        }
    }
    cx.fail(error::wrong_type, "expected " + std::string(to_string(expected)) + ", got " + std::string(kind_name(v)),
            &v, std::move(w));
}

// Code points, as Python's len() counts a str.
[[nodiscard]] inline std::size_t code_points(std::string_view s) noexcept {
    std::size_t n = 0;
    for (char c : s) {
        n += (static_cast<unsigned char>(c) & 0xC0U) != 0x80U ? 1U : 0U;
    }
    return n;
}

template <class JV>
[[nodiscard]] bool check_min_length(std::string_view s, JV const& v, field_options const& fo, read_context& cx) {
    if (fo.min_length == 0 || code_points(s) >= fo.min_length) {
        return true;
    }
    cx.fail(error::too_short,
            "string of " + std::to_string(code_points(s)) + " characters is shorter than the minimum of " +
                std::to_string(fo.min_length),
            &v, fo.min_length == 1 ? drf::blank() : drf::min_length(fo.min_length));
    return false;
}

template <class JV, class Check>
[[nodiscard]] bool check_format(std::string_view s, JV const& v, read_context& cx, error code, std::string_view what,
                                drf::wording (*wording)(), Check check) {
    std::string_view why;
    if (check(s, why)) {
        return true;
    }
    cx.fail(code, "not " + std::string(what) + ": " + std::string(why), &v, wording());
    return false;
}

template <class JV>
inline constexpr bool is_mutable_json = !std::is_const_v<JV>;

// Moves a parsed DOM node into a member, the member taking the node's storage: move assignment
// would copy it into the member's own storage (the default one) whenever the two differ, so a
// parser's chosen memory resource would be lost and every node copied.
template <class J>
void adopt(J& member, std::type_identity_t<J>&& node) noexcept {
    member.~J();
    ::new (static_cast<void*>(&member)) J(std::move(node));
}

} // namespace detail

/// Reads jv into a member of type M, handling std::optional, nullable and null.
template <class M, class JV>
bool read_value(JV& jv, M& m, field_options const& fo, read_context& cx);

/// Writes a present member's value (the wrapper's content for optional/nullable).
template <class E>
void write_value(E const& v, json_writer& w) {
    codec<E>::write(v, w);
}

template <>
struct codec<std::string> {
    static constexpr json_type type = json_type::string;

    template <class JV>
    static bool read(JV& jv, std::string& out, field_options const& fo, read_context& cx) {
        if (!jv.is_string()) {
            detail::wrong_type(cx, jv, type, fo.format);
            return false;
        }
        std::string_view const s = jv.get_string();
        if (!detail::check_min_length(s, jv, fo, cx)) { // DRF says "blank" before any format
            return false;
        }
        bool ok = true;
        switch (fo.format) {
        case value_format::uuid:
            ok = detail::check_format(s, jv, cx, error::invalid_uuid, "a UUID", &drf::invalid_uuid,
                                      [](std::string_view t, std::string_view& why) {
                                          boost::uuids::uuid u{};
                                          return format::parse_uuid(t, u, why);
                                      });
            break;
        case value_format::date_time:
            ok = detail::check_format(s, jv, cx, error::invalid_date_time, "an RFC 3339 date-time",
                                      &drf::invalid_date_time, [](std::string_view t, std::string_view& why) {
                                          format::date_time d;
                                          return format::parse_date_time(t, d, why);
                                      });
            break;
        case value_format::ip_address:
            ok = detail::check_format(s, jv, cx, error::invalid_ip_address, "an IPv4 or IPv6 address",
                                      &drf::invalid_ip_address, &format::check_ip_address);
            break;
        case value_format::none:
        case value_format::enumeration: break;
        }
        if (!ok) {
            return false;
        }
        out.assign(s.data(), s.size());
        return true;
    }
    static void write(std::string const& v, json_writer& w) { w.string(v); }
    static boost::json::value to_value(std::string const& v, boost::json::storage_ptr sp) {
        return boost::json::value(boost::json::string_view(v.data(), v.size()), std::move(sp));
    }
};

template <>
struct codec<boost::uuids::uuid> {
    static constexpr json_type type = json_type::string;
    static constexpr value_format format = value_format::uuid;

    template <class JV>
    static bool read(JV& jv, boost::uuids::uuid& out, field_options const&, read_context& cx) {
        if (!jv.is_string()) {
            detail::wrong_type(cx, jv, type, format);
            return false;
        }
        return detail::check_format(
            jv.get_string(), jv, cx, error::invalid_uuid, "a UUID", &drf::invalid_uuid,
            [&](std::string_view t, std::string_view& why) { return format::parse_uuid(t, out, why); });
    }
    static void write(boost::uuids::uuid const& v, json_writer& w) {
        char buf[format::uuid_length];
        format::write_uuid(v, buf);
        w.string(std::string_view(buf, sizeof buf));
    }
    static boost::json::value to_value(boost::uuids::uuid const& v, boost::json::storage_ptr sp) {
        char buf[format::uuid_length];
        format::write_uuid(v, buf);
        return boost::json::value(boost::json::string_view(buf, sizeof buf), std::move(sp));
    }
};

template <>
struct codec<format::date_time> {
    static constexpr json_type type = json_type::string;
    static constexpr value_format format = value_format::date_time;

    template <class JV>
    static bool read(JV& jv, format::date_time& out, field_options const&, read_context& cx) {
        if (!jv.is_string()) {
            detail::wrong_type(cx, jv, type, format);
            return false;
        }
        return detail::check_format(
            jv.get_string(), jv, cx, error::invalid_date_time, "an RFC 3339 date-time", &drf::invalid_date_time,
            [&](std::string_view t, std::string_view& why) { return format::parse_date_time(t, out, why); });
    }
    static void write(format::date_time v, json_writer& w) {
        char buf[format::max_date_time_length];
        w.string(std::string_view(buf, format::write_date_time(v, buf)));
    }
    static boost::json::value to_value(format::date_time v, boost::json::storage_ptr sp) {
        char buf[format::max_date_time_length];
        return boost::json::value(boost::json::string_view(buf, format::write_date_time(v, buf)), std::move(sp));
    }
};

template <>
struct codec<bool> {
    static constexpr json_type type = json_type::boolean;

    template <class JV>
    static bool read(JV& jv, bool& out, field_options const& fo, read_context& cx) {
        if (!jv.is_bool()) {
            detail::wrong_type(cx, jv, type, fo.format);
            return false;
        }
        out = jv.get_bool();
        return true;
    }
    static void write(bool v, json_writer& w) { w.boolean(v); }
    static boost::json::value to_value(bool v, boost::json::storage_ptr sp) {
        return boost::json::value(v, std::move(sp));
    }
};

template <>
struct codec<std::int64_t> {
    static constexpr json_type type = json_type::integer;

    template <class JV>
    static bool read(JV& jv, std::int64_t& out, field_options const& fo, read_context& cx) {
        if (jv.is_int64()) {
            out = jv.get_int64();
            return true;
        }
        if (jv.is_uint64() && jv.get_uint64() <= static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
            out = static_cast<std::int64_t>(jv.get_uint64());
            return true;
        }
        detail::wrong_type(cx, jv, type, fo.format);
        return false;
    }
    static void write(std::int64_t v, json_writer& w) { w.integer(v); }
    static boost::json::value to_value(std::int64_t v, boost::json::storage_ptr sp) {
        return boost::json::value(v, std::move(sp));
    }
};

template <>
struct codec<double> {
    static constexpr json_type type = json_type::number;

    template <class JV>
    static bool read(JV& jv, double& out, field_options const& fo, read_context& cx) {
        if (!jv.is_number()) {
            detail::wrong_type(cx, jv, type, fo.format);
            return false;
        }
        out = jv.is_double()  ? jv.get_double()
              : jv.is_int64() ? static_cast<double>(jv.get_int64())
                              : static_cast<double>(jv.get_uint64());
        return true;
    }
    static void write(double v, json_writer& w) { w.number(v); }
    static boost::json::value to_value(double v, boost::json::storage_ptr sp) {
        return boost::json::value(v, std::move(sp));
    }
};

template <>
struct codec<number> {
    static constexpr json_type type = json_type::number;

    template <class JV>
    static bool read(JV& jv, number& out, field_options const& fo, read_context& cx) {
        if (jv.is_int64()) {
            out = number(jv.get_int64());
        } else if (jv.is_double()) {
            out = number(jv.get_double());
        } else if (jv.is_uint64()) {
            out = number(jv.get_uint64());
        } else {
            detail::wrong_type(cx, jv, type, fo.format);
            return false;
        }
        return true;
    }
    static void write(number const& v, json_writer& w) {
        if (v.is_double()) {
            w.number(v.as_double());
        } else if (v.is_uint64()) {
            w.integer(v.as_uint64());
        } else {
            w.integer(v.as_int64());
        }
    }
    static boost::json::value to_value(number const& v, boost::json::storage_ptr sp) {
        if (v.is_double()) {
            return boost::json::value(v.as_double(), std::move(sp));
        }
        if (v.is_uint64()) {
            return boost::json::value(v.as_uint64(), std::move(sp));
        }
        return boost::json::value(v.as_int64(), std::move(sp));
    }
};

/// A free-form object (`type: object, additionalProperties: {}`): any members, kept verbatim.
template <>
struct codec<boost::json::object> {
    static constexpr json_type type = json_type::object;

    template <class JV>
    static bool read(JV& jv, boost::json::object& out, field_options const& fo, read_context& cx) {
        if (!jv.is_object()) {
            detail::wrong_type(cx, jv, type, fo.format);
            return false;
        }
        if constexpr (detail::is_mutable_json<JV>) {
            detail::adopt(out, std::move(jv.get_object())); // a parsed document gives its subtrees away
        } else {
            out = jv.get_object();
        }
        return true;
    }
    static void write(boost::json::object const& v, json_writer& w) {
        w.begin_object();
        for (auto const& kv : v) {
            w.key(kv.key());
            w.value(kv.value());
        }
        w.end_object();
    }
    static boost::json::value to_value(boost::json::object const& v, boost::json::storage_ptr sp) {
        return boost::json::value(v, std::move(sp));
    }
};

/// Any JSON value, kept verbatim.
template <>
struct codec<boost::json::value> {
    static constexpr json_type type = json_type::any;

    template <class JV>
    static bool read(JV& jv, boost::json::value& out, field_options const&, read_context&) {
        if constexpr (detail::is_mutable_json<JV>) {
            detail::adopt(out, std::move(jv));
        } else {
            out = jv;
        }
        return true;
    }
    static void write(boost::json::value const& v, json_writer& w) { w.value(v); }
    static boost::json::value to_value(boost::json::value const& v, boost::json::storage_ptr sp) {
        return boost::json::value(v, std::move(sp));
    }
};

template <class E>
struct codec<std::vector<E>> {
    static constexpr json_type type = json_type::array;

    template <class JV>
    static bool read(JV& jv, std::vector<E>& out, field_options const& fo, read_context& cx) {
        if (!jv.is_array()) {
            detail::wrong_type(cx, jv, type, fo.format);
            return false;
        }
        auto& arr = jv.get_array();
        out.clear();
        out.resize(arr.size());
        bool ok = true;
        for (std::size_t i = 0; i < arr.size(); ++i) {
            auto const s = cx.enter(i);
            ok = read_value(arr[i], out[i], field_options{}, cx) && ok;
        }
        return ok;
    }
    static void write(std::vector<E> const& v, json_writer& w) {
        w.begin_array();
        for (auto const& e : v) {
            w.element();
            write_value(e, w);
        }
        w.end_array();
    }
    static boost::json::value to_value(std::vector<E> const& v, boost::json::storage_ptr sp) {
        boost::json::array a(sp);
        a.reserve(v.size());
        for (auto const& e : v) {
            a.push_back(codec<E>::to_value(e, sp));
        }
        return a;
    }
};

template <open_enum E>
struct codec<E> {
    static constexpr json_type type = json_type::string;
    static constexpr value_format format = value_format::enumeration;

    template <class JV>
    static bool read(JV& jv, E& out, field_options const& fo, read_context& cx) {
        if (!jv.is_string()) {
            detail::wrong_type(cx, jv, type, format);
            return false;
        }
        std::string_view const s = jv.get_string();
        E v = E::from_text(s);
        if (fo.enum_only) {
            // Only the schema's enum of the targeted release: a write body is checked as that
            // release's server would check it, whatever the unknown-value policy says.
            bool in_target = v.is_enum_value();
            if constexpr (requires { v.in_release(cx.options().release); }) {
                std::string_view const release = cx.options().release;
                in_target = in_target && (release.empty() || v.in_release(release));
            }
            if (!in_target) {
                std::string_view const release = cx.options().release;
                cx.fail(error::unknown_action,
                        "\"" + std::string(s) + "\" is not one of the schema's enum values" +
                            (release.empty() ? std::string() : " in release " + std::string(release)),
                        &jv, drf::invalid_choice(s));
                return false;
            }
        }
        if (cx.options().unknown_actions == unknown_enum_policy::reject) {
            std::string_view const release = cx.options().release;
            bool newer = false;
            if constexpr (requires {
                              v.in_release(release);
                              E::knows_release(release);
                          }) {
                if (!release.empty() && !E::knows_release(release)) {
                    cx.fail(error::unknown_action,
                            "parse_options::release \"" + std::string(release) +
                                "\" is not a release this library knows",
                            &jv, drf::invalid_choice(s));
                    return false;
                }
                newer = !release.empty() && !v.is_unknown() && !v.in_release(release);
            }
            if (v.is_unknown() || newer) {
                cx.fail(error::unknown_action,
                        newer ? "\"" + std::string(s) + "\" is newer than release " + std::string(release)
                              : "\"" + std::string(s) + "\" is not a known value",
                        &jv, drf::invalid_choice(s));
                return false;
            }
        }
        out = std::move(v);
        return true;
    }
    static void write(E const& v, json_writer& w) { w.string(v.text()); }
    static boost::json::value to_value(E const& v, boost::json::storage_ptr sp) {
        std::string_view const t = v.text();
        return boost::json::value(boost::json::string_view(t.data(), t.size()), std::move(sp));
    }
};

/// Reads a described object: every field in descriptor order, then the keys it does not know.
template <described T, class JV>
bool read_object(JV& jv, T& out, read_context& cx);

/// Writes a described object: fields in descriptor order, absent ones left out, then the sink.
template <described T>
void write_object(T const& v, json_writer& w);

/// Builds the Boost.JSON value of a described object.
template <described T>
boost::json::value object_to_value(T const& v, boost::json::storage_ptr sp);

template <described T>
struct codec<T> {
    static constexpr json_type type = json_type::object;

    template <class JV>
    static bool read(JV& jv, T& out, field_options const&, read_context& cx) {
        return read_object(jv, out, cx);
    }
    static void write(T const& v, json_writer& w) { write_object(v, w); }
    static boost::json::value to_value(T const& v, boost::json::storage_ptr sp) {
        return object_to_value(v, std::move(sp));
    }
};

template <class M, class JV>
bool read_value(JV& jv, M& m, field_options const& fo, read_context& cx) {
    using E = detail::element_t<M>;
    if (jv.is_null()) {
        if constexpr (detail::is_nullable<M>::value) {
            m.set_null();
            return true;
        } else {
            cx.fail(error::null_not_allowed, "null is not allowed here", &jv, drf::null());
            return false;
        }
    }
    if constexpr (detail::is_nullable<M>::value || detail::is_std_optional<M>::value) {
        E& slot = m.emplace();
        if (!codec<E>::read(jv, slot, fo, cx)) {
            m.reset();
            return false;
        }
        return true;
    } else {
        return codec<E>::read(jv, m, fo, cx);
    }
}

namespace detail {

template <class T>
[[nodiscard]] constexpr bool has_sink() noexcept {
    bool found = false;
    for_each_entry<T>([&](auto const& e) { found = found || is_sink<std::remove_cvref_t<decltype(e)>>::value; });
    return found;
}

template <class T>
[[nodiscard]] constexpr bool sink_is_additional_properties() noexcept {
    bool additional = false;
    for_each_entry<T>([&](auto const& e) {
        if constexpr (is_sink<std::remove_cvref_t<decltype(e)>>::value) {
            additional = e.additional_properties;
        }
    });
    return additional;
}

template <class T>
[[nodiscard]] boost::json::object* sink_of(T& v) noexcept {
    boost::json::object* p = nullptr;
    for_each_entry<T>([&](auto const& e) {
        using E = std::remove_cvref_t<decltype(e)>;
        if constexpr (is_sink<E>::value) {
            static_assert(std::is_same_v<typename E::member_type, boost::json::object>,
                          "authentik::events::schema: a key sink must be a boost::json::object member");
            p = &(v.*e.member);
        }
    });
    return p;
}

// Whether serializing v writes the described key `name` (present, or null).
template <class T>
[[nodiscard]] bool writes_field(T const& v, std::string_view name) noexcept {
    bool writes = false;
    for_each_entry<T>([&](auto const& e) {
        using E = std::remove_cvref_t<decltype(e)>;
        if constexpr (is_field<E>::value) {
            if (e.name == name) {
                using M = typename E::member_type;
                if constexpr (is_std_optional<M>::value) {
                    writes = (v.*e.member).has_value();
                } else if constexpr (is_nullable<M>::value) {
                    writes = !(v.*e.member).is_absent();
                } else {
                    writes = true;
                }
            }
        }
    });
    return writes;
}

} // namespace detail

template <described T, class JV>
bool read_object(JV& jv, T& out, read_context& cx) {
    if (!jv.is_object()) {
        if (cx.pointer().empty()) {
            cx.fail(error::wrong_type, "expected object, got " + std::string(detail::kind_name(jv)), &jv,
                    drf::invalid_data(drf::python_type_name(jv)));
        } else {
            detail::wrong_type(cx, jv, json_type::object, value_format::none);
        }
        return false;
    }
    auto& obj = jv.get_object();
    bool ok = true;
    for_each_entry<T>([&](auto const& e) {
        using E = std::remove_cvref_t<decltype(e)>;
        if constexpr (detail::is_field<E>::value) {
            auto const s = cx.enter(e.name);
            auto* v = obj.if_contains(boost::json::string_view(e.name.data(), e.name.size()));
            if (v == nullptr) {
                if (e.options.required) {
                    cx.fail(error::missing_field, "required field \"" + std::string(e.name) + "\" is missing", nullptr,
                            drf::required());
                    ok = false;
                }
                return;
            }
            ok = read_value(*v, out.*e.member, e.options, cx) && ok;
        }
    });
    constexpr bool additional = detail::sink_is_additional_properties<T>();
    auto const policy = cx.options().unknown_keys;
    if (!additional && policy == unknown_key_policy::ignore) {
        return ok;
    }
    boost::json::object* sink = detail::sink_of(out);
    for (auto& kv : obj) {
        std::string_view const key = kv.key();
        if (has_field<T>(key)) {
            continue;
        }
        if (additional || (policy == unknown_key_policy::preserve && sink != nullptr)) {
            if constexpr (detail::is_mutable_json<JV>) {
                sink->insert_or_assign(kv.key(), std::move(kv.value()));
            } else {
                sink->insert_or_assign(kv.key(), kv.value());
            }
            continue;
        }
        if (policy == unknown_key_policy::ignore) {
            continue;
        }
        auto const s = cx.enter(key);
        cx.fail(error::unknown_field,
                policy == unknown_key_policy::reject
                    ? "unknown field \"" + std::string(key) + "\""
                    : "unknown field \"" + std::string(key) + "\" and the type has no place to preserve it",
                &kv.value(), drf::unknown_field());
        ok = false;
    }
    return ok;
}

template <described T>
void write_object(T const& v, json_writer& w) {
    w.begin_object();
    for_each_entry<T>([&](auto const& e) {
        using E = std::remove_cvref_t<decltype(e)>;
        using M = typename E::member_type;
        auto const& m = v.*e.member;
        if constexpr (detail::is_sink<E>::value) {
            for (auto const& kv : m) {
                if (!detail::writes_field(v, kv.key())) { // else the key would be written twice
                    w.key(kv.key());
                    w.value(kv.value());
                }
            }
        } else if constexpr (detail::is_std_optional<M>::value) {
            if (m) {
                w.key(e.name);
                write_value(*m, w);
            }
        } else if constexpr (detail::is_nullable<M>::value) {
            if (m.is_null()) {
                w.key(e.name);
                w.null();
            } else if (m.has_value()) {
                w.key(e.name);
                write_value(*m, w);
            }
        } else {
            w.key(e.name);
            write_value(m, w);
        }
    });
    w.end_object();
}

template <described T>
boost::json::value object_to_value(T const& v, boost::json::storage_ptr sp) {
    boost::json::object out(sp);
    for_each_entry<T>([&](auto const& e) {
        using E = std::remove_cvref_t<decltype(e)>;
        using M = typename E::member_type;
        auto const& m = v.*e.member;
        if constexpr (detail::is_sink<E>::value) {
            for (auto const& kv : m) {
                if (!detail::writes_field(v, kv.key())) {
                    out.emplace(kv.key(), kv.value());
                }
            }
        } else {
            boost::json::string_view const key(e.name.data(), e.name.size());
            if constexpr (detail::is_std_optional<M>::value) {
                if (m) {
                    out.emplace(key, codec<detail::element_t<M>>::to_value(*m, sp));
                }
            } else if constexpr (detail::is_nullable<M>::value) {
                if (m.is_null()) {
                    out.emplace(key, nullptr);
                } else if (m.has_value()) {
                    out.emplace(key, codec<detail::element_t<M>>::to_value(*m, sp));
                }
            } else {
                out.emplace(key, codec<M>::to_value(m, sp));
            }
        }
    });
    return out;
}

} // namespace authentik::events::schema

#endif
