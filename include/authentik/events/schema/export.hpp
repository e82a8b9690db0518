#ifndef AUTHENTIK_EVENTS_SCHEMA_EXPORT_HPP
#define AUTHENTIK_EVENTS_SCHEMA_EXPORT_HPP

/// Schema export: the OpenAPI 3.0 component or the JSON Schema of a described type, built from
/// its descriptor alone.

#include <authentik/events/format/date_time.hpp>
#include <authentik/events/schema/codec.hpp>
#include <authentik/events/schema/describe.hpp>
#include <authentik/events/schema/field.hpp>
#include <authentik/events/schema/json_pointer.hpp>
#include <authentik/events/schema/nullable.hpp>
#include <authentik/events/schema/number.hpp>

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/string.hpp>
#include <boost/json/value.hpp>
#include <boost/uuid/uuid.hpp>

#include <concepts>
#include <cstdint>
#include <iterator>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace authentik::events::schema {

/// The schema language an export is written in.
enum class schema_dialect : std::uint8_t {
    openapi_3_0,   ///< OpenAPI 3.0 Schema Objects: `nullable: true`, refs into `#/components/schemas/`
    draft_2020_12, ///< JSON Schema 2020-12: `type: [T, "null"]`, refs into `#/$defs/`
    draft_7,       ///< JSON Schema draft 7: `type: [T, "null"]`, refs into `#/definitions/`
};

/// What an export needs besides the descriptors.
struct export_options {
    schema_dialect dialect = schema_dialect::openapi_3_0; ///< the schema language
    std::string_view release{}; ///< given to each open enum's enum_values(); empty: the enum's default
    bool free_form_any = false; ///< free-form objects as `{}` instead of `type: object, additionalProperties: {}`
};

/// An open enum that can be exported: it names its component and lists its values per release.
template <class E>
concept exportable_enum = open_enum<E> && requires(std::string_view release) {
    { E::schema_name() } -> std::convertible_to<std::string_view>;
    { *std::begin(E::enum_values(release)) } -> std::convertible_to<std::string_view>;
};

/// A type that has a component of its own: a described type or an exportable open enum.
template <class T>
concept exportable = described<T> || exportable_enum<T>;

/// The component name of T: its descriptor's name, or the enum's schema_name().
template <exportable T>
[[nodiscard]] constexpr std::string_view component_name() noexcept {
    if constexpr (described<T>) {
        return descriptor_of<T>.info.name;
    } else {
        return std::string_view(T::schema_name());
    }
}

/// Where `$ref`s point in a dialect: `#/components/schemas`, `#/$defs` or `#/definitions`.
[[nodiscard]] constexpr std::string_view ref_base(schema_dialect d) noexcept {
    switch (d) {
    case schema_dialect::openapi_3_0: return "#/components/schemas";
    case schema_dialect::draft_2020_12: return "#/$defs";
    case schema_dialect::draft_7: return "#/definitions";
    }
    return "#/components/schemas";
}

/// The `$schema` URI of a JSON Schema dialect; empty for OpenAPI, which has none.
[[nodiscard]] constexpr std::string_view dialect_uri(schema_dialect d) noexcept {
    switch (d) {
    case schema_dialect::openapi_3_0: return {};
    case schema_dialect::draft_2020_12: return "https://json-schema.org/draft/2020-12/schema";
    case schema_dialect::draft_7: return "http://json-schema.org/draft-07/schema#";
    }
    return {};
}

/// The `$ref` value naming component `name` in a dialect ("#/components/schemas/Event").
[[nodiscard]] inline std::string component_ref(std::string_view name, schema_dialect d) {
    std::string ref(ref_base(d));
    append_pointer_token(ref, name); // RFC 6901 escaping: a "/" in a name must not split it
    return ref;
}

/// How one C++ member type is written as a schema. Specialize it next to a codec<T>
/// specialization to export a type the library does not know: `make(field_options const&,
/// export_options const&)` returns its schema without nullability and annotations, which the
/// caller adds.
template <class T, class Enable = void>
struct exporter {
    static_assert(!std::is_same_v<T, T>, "authentik::events::schema: no schema for this member type; specialize "
                                         "schema::exporter<T>, describe the type, or give the open enum static "
                                         "schema_name() and enum_values(release)");
};

/// A string; `format` says uuid or date-time where the field checks one. An IP address check is
/// an extension of this library, not a schema format, so it is not written.
template <>
struct exporter<std::string> {
    /// `{"type":"string"}` with the field's format.
    static boost::json::object make(field_options const& fo, export_options const&) {
        boost::json::object s{{"type", "string"}};
        if (fo.format == value_format::uuid) {
            s["format"] = "uuid";
        } else if (fo.format == value_format::date_time) {
            s["format"] = "date-time";
        }
        return s;
    }
};

/// A UUID: `{"type":"string","format":"uuid"}`.
template <>
struct exporter<boost::uuids::uuid> {
    /// The schema.
    static boost::json::object make(field_options const&, export_options const&) {
        return {{"type", "string"}, {"format", "uuid"}};
    }
};

/// A date-time: `{"type":"string","format":"date-time"}`.
template <>
struct exporter<format::date_time> {
    /// The schema.
    static boost::json::object make(field_options const&, export_options const&) {
        return {{"type", "string"}, {"format", "date-time"}};
    }
};

/// `{"type":"boolean"}`.
template <>
struct exporter<bool> {
    /// The schema.
    static boost::json::object make(field_options const&, export_options const&) { return {{"type", "boolean"}}; }
};

/// `{"type":"integer"}`.
template <>
struct exporter<std::int64_t> {
    /// The schema.
    static boost::json::object make(field_options const&, export_options const&) { return {{"type", "integer"}}; }
};

/// `{"type":"number"}`.
template <>
struct exporter<double> {
    /// The schema.
    static boost::json::object make(field_options const&, export_options const&) { return {{"type", "number"}}; }
};

/// `{"type":"number"}`: integers are JSON numbers too.
template <>
struct exporter<number> {
    /// The schema.
    static boost::json::object make(field_options const&, export_options const&) { return {{"type", "number"}}; }
};

/// A free-form object: `{"type":"object","additionalProperties":{}}`, or `{}` with free_form_any.
template <>
struct exporter<boost::json::object> {
    /// The schema.
    static boost::json::object make(field_options const&, export_options const& opt) {
        if (opt.free_form_any) {
            return {};
        }
        return {{"type", "object"}, {"additionalProperties", boost::json::object{}}};
    }
};

/// Any JSON value: `{}`.
template <>
struct exporter<boost::json::value> {
    /// The schema.
    static boost::json::object make(field_options const&, export_options const&) { return {}; }
};

namespace detail {

template <class M>
[[nodiscard]] boost::json::object export_property(field_options const& fo, export_options const& opt);

} // namespace detail

/// An array: `{"type":"array","items":…}`, the items read as codec<std::vector<E>> reads them.
template <class E>
struct exporter<std::vector<E>> {
    /// The schema.
    static boost::json::object make(field_options const&, export_options const& opt) {
        boost::json::object s{{"type", "array"}};
        s["items"] = detail::export_property<E>(field_options{}, opt); // elements are read with no options
        return s;
    }
};

/// A described type: a `$ref` to its component.
template <described T>
struct exporter<T> {
    /// The schema.
    static boost::json::object make(field_options const&, export_options const& opt) {
        return {{"$ref", component_ref(component_name<T>(), opt.dialect)}};
    }
};

/// An exportable open enum: a `$ref` to its component.
template <exportable_enum E>
    requires(!described<E>)
struct exporter<E> {
    /// The schema.
    static boost::json::object make(field_options const&, export_options const& opt) {
        return {{"$ref", component_ref(component_name<E>(), opt.dialect)}};
    }
};

namespace detail {

[[nodiscard]] inline boost::json::object export_wrap(std::string_view keyword, boost::json::object s) {
    boost::json::array list;
    list.emplace_back(std::move(s));
    return boost::json::object{{keyword, std::move(list)}};
}

inline void export_make_nullable(boost::json::object& s, export_options const& opt) {
    if (opt.dialect == schema_dialect::openapi_3_0) {
        if (s.contains("$ref")) { // OpenAPI 3.0 ignores every sibling of a $ref
            s = export_wrap("allOf", std::move(s));
        }
        s["nullable"] = true;
        return;
    }
    // JSON Schema has no `nullable`: null is one more accepted type.
    if (s.contains("$ref")) {
        s = export_wrap("anyOf", std::move(s));
        s["anyOf"].get_array().emplace_back(boost::json::object{{"type", "null"}});
        return;
    }
    if (auto* t = s.if_contains("type")) {
        if (t->is_string()) {
            boost::json::array types;
            types.emplace_back(std::move(*t));
            types.emplace_back("null");
            *t = std::move(types);
        } else if (t->is_array()) {
            bool has_null = false;
            for (auto const& e : t->get_array()) {
                has_null = has_null || (e.is_string() && e.get_string() == "null");
            }
            if (!has_null) {
                t->get_array().emplace_back("null");
            }
        }
    }
    // Without "type" (`{}`) null is already accepted.
    if (auto* e = s.if_contains("enum"); e != nullptr && e->is_array()) {
        e->get_array().emplace_back(nullptr);
    }
}

inline void export_annotate(boost::json::object& s, field_options const& fo, export_options const& opt) {
    bool const annotated = fo.read_only || fo.write_only || !fo.title.empty() || !fo.description.empty();
    if (annotated && s.contains("$ref") && opt.dialect != schema_dialect::draft_2020_12) {
        // Before 2020-12 a $ref's siblings are ignored, so the annotations would be lost.
        s = export_wrap("allOf", std::move(s));
    }
    if (fo.read_only) {
        s["readOnly"] = true;
    }
    if (fo.write_only) {
        s["writeOnly"] = true;
    }
    if (!fo.title.empty()) {
        s["title"] = boost::json::string_view(fo.title.data(), fo.title.size());
    }
    if (!fo.description.empty()) {
        s["description"] = boost::json::string_view(fo.description.data(), fo.description.size());
    }
}

// Keys in the order drf-spectacular writes them (type, format, nullable, readOnly, title,
// minLength), so that an export reads like the server's schema.
template <class M>
boost::json::object export_property(field_options const& fo, export_options const& opt) {
    using E = element_t<M>;
    boost::json::object s = exporter<E>::make(fo, opt);
    if constexpr (is_nullable<M>::value) {
        export_make_nullable(s, opt);
    }
    export_annotate(s, fo, opt);
    if constexpr (std::is_same_v<E, std::string>) {
        if (fo.min_length > 0) { // only codec<std::string> checks min_length
            s["minLength"] = static_cast<std::int64_t>(fo.min_length);
        }
    }
    return s;
}

template <described T>
[[nodiscard]] boost::json::object export_object(export_options const& opt) {
    auto const& info = descriptor_of<T>.info;
    boost::json::object out{{"type", "object"}};
    if (!info.description.empty()) {
        out["description"] = boost::json::string_view(info.description.data(), info.description.size());
    }
    boost::json::object properties;
    boost::json::array required;
    bool additional = false;
    for_each_entry<T>([&](auto const& e) {
        using En = std::remove_cvref_t<decltype(e)>;
        if constexpr (is_field<En>::value) {
            boost::json::string_view const name(e.name.data(), e.name.size());
            properties.emplace(name, export_property<typename En::member_type>(e.options, opt));
            if (e.options.required) {
                required.emplace_back(name);
            }
        } else {
            // An unknown_keys sink is this library's round-trip store; the schema never saw it.
            additional = e.additional_properties;
        }
    });
    if (!properties.empty()) {
        out["properties"] = std::move(properties);
    }
    if (!required.empty()) {
        out["required"] = std::move(required);
    }
    if (additional) {
        out["additionalProperties"] = boost::json::object{};
    }
    return out;
}

template <exportable_enum E>
[[nodiscard]] boost::json::object export_enum(export_options const& opt) {
    boost::json::array values;
    for (auto const& v : E::enum_values(opt.release)) {
        std::string_view const s(v);
        values.emplace_back(boost::json::string_view(s.data(), s.size()));
    }
    return {{"enum", std::move(values)}, {"type", "string"}};
}

// One address per type, so that two types claiming one component name are caught.
template <class T>
inline constexpr char export_type_key = 0;

class export_component_set {
public:
    explicit export_component_set(export_options const& opt) : opt_(opt) {}

    [[nodiscard]] export_options const& options() const noexcept { return opt_; }

    // False when the type is already in; throws when another type already has the name.
    [[nodiscard]] bool claim(std::string_view name, void const* key) {
        for (auto const& [n, k] : owners_) {
            if (n == name) {
                if (k != key) {
                    throw std::logic_error("authentik::events::schema: two types export the component name \"" +
                                           std::string(name) + "\"");
                }
                return false;
            }
        }
        owners_.emplace_back(std::string(name), key);
        return true;
    }

    void add(std::string_view name, boost::json::object component) {
        out_.emplace(boost::json::string_view(name.data(), name.size()), std::move(component));
    }

    [[nodiscard]] boost::json::object take() { return std::move(out_); }

private:
    export_options opt_;
    boost::json::object out_;
    std::vector<std::pair<std::string, void const*>> owners_;
};

template <class T>
struct export_is_vector : std::false_type {};
template <class T, class A>
struct export_is_vector<std::vector<T, A>> : std::true_type {
    using element = T;
};

template <exportable T>
void export_collect(export_component_set& set);

// The components a member type refers to, through optional, nullable and vector.
template <class M>
void export_collect_member(export_component_set& set) {
    using E = element_t<M>;
    if constexpr (export_is_vector<E>::value) {
        export_collect_member<typename export_is_vector<E>::element>(set);
    } else if constexpr (exportable<E>) {
        export_collect<E>(set);
    }
}

} // namespace detail

/// The component of T in opt.dialect: a described type's object schema
/// (`{"type":"object","description":…,"properties":…,"required":[…],"additionalProperties":{}}`,
/// only the keys that apply) or an open enum's `{"enum":[…],"type":"string"}` for opt.release.
/// References to other components are `$ref`s; components() gathers them.
template <exportable T>
[[nodiscard]] boost::json::object component(export_options const& opt = {}) {
    if constexpr (described<T>) {
        return detail::export_object<T>(opt);
    } else {
        return detail::export_enum<T>(opt);
    }
}

/// Name -> component for each T and every component they refer to, transitively; Ts first,
/// then what each refers to, depth first. Throws std::logic_error when two types share a name.
template <exportable... T>
[[nodiscard]] boost::json::object components(export_options const& opt = {}) {
    detail::export_component_set set(opt);
    (detail::export_collect<T>(set), ...);
    return set.take();
}

/// A JSON Schema document (opt.dialect must be draft_2020_12 or draft_7): `$schema`, a `$ref`
/// to `root` unless it is empty, and the definitions under `$defs` or `definitions`. Throws
/// std::invalid_argument for openapi_3_0, which has no standalone documents.
[[nodiscard]] inline boost::json::object json_schema_document(boost::json::object definitions, std::string_view root,
                                                              export_options const& opt) {
    if (opt.dialect == schema_dialect::openapi_3_0) {
        throw std::invalid_argument("authentik::events::schema: a JSON Schema document needs a JSON Schema dialect");
    }
    std::string_view const uri = dialect_uri(opt.dialect);
    boost::json::object out{{"$schema", boost::json::string_view(uri.data(), uri.size())}};
    if (!root.empty()) {
        out["$ref"] = component_ref(root, opt.dialect);
    }
    out[opt.dialect == schema_dialect::draft_7 ? "definitions" : "$defs"] = std::move(definitions);
    return out;
}

/// The JSON Schema document of T in opt.dialect (draft_2020_12 or draft_7): T and every
/// component it uses as definitions, and a root `$ref` to T. Throws std::invalid_argument for
/// openapi_3_0.
template <exportable T>
[[nodiscard]] boost::json::object json_schema(export_options const& opt) {
    return json_schema_document(components<T>(opt), component_name<T>(), opt);
}

namespace detail {

template <exportable T>
void export_collect(export_component_set& set) {
    if (!set.claim(component_name<T>(), &export_type_key<T>)) {
        return; // already in: also what ends a type that refers to itself
    }
    set.add(component_name<T>(), component<T>(set.options()));
    if constexpr (described<T>) {
        for_each_entry<T>([&](auto const& e) {
            using En = std::remove_cvref_t<decltype(e)>;
            if constexpr (is_field<En>::value) {
                export_collect_member<typename En::member_type>(set);
            }
        });
    }
}

} // namespace detail

} // namespace authentik::events::schema

#endif
