#ifndef AUTHENTIK_EVENTS_MODEL_OPENAPI_HPP
#define AUTHENTIK_EVENTS_MODEL_OPENAPI_HPP

/// The OpenAPI components and JSON Schemas of the API types, as a named authentik release has them.

#include <authentik/events/model/autocomplete.hpp>
#include <authentik/events/model/event.hpp>
#include <authentik/events/model/event_action.hpp>
#include <authentik/events/model/event_actions.hpp>
#include <authentik/events/model/event_request.hpp>
#include <authentik/events/model/generic_error.hpp>
#include <authentik/events/model/paginated_event_list.hpp>
#include <authentik/events/model/pagination.hpp>
#include <authentik/events/model/validation_error.hpp>
#include <authentik/events/schema/export.hpp>

#include <boost/json/object.hpp>

#include <array>
#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>

namespace authentik::events {

namespace detail {

struct api_type {
    std::string_view name;
    boost::json::object (*component)(schema::export_options const&);
    boost::json::object (*json_schema)(schema::export_options const&);
};

template <schema::exportable T>
constexpr api_type api_entry() noexcept {
    return {schema::component_name<T>(), &schema::component<T>, &schema::json_schema<T>};
}

// In the schema's order (alphabetical, as drf-spectacular writes components).
inline constexpr std::array<api_type, 9> api_types{
    api_entry<Autocomplete>(),    api_entry<Event>(),
    api_entry<event_action>(),    api_entry<EventRequest>(),
    api_entry<GenericError>(),    api_entry<PaginatedEventList>(),
    api_entry<Pagination>(),      api_entry<PatchedEventRequest>(),
    api_entry<ValidationError>(),
};

[[nodiscard]] inline api_type const& find_api_type(std::string_view name) {
    for (auto const& t : api_types) {
        if (t.name == name) {
            return t;
        }
    }
    throw std::invalid_argument("authentik::events: no API type has the schema name \"" + std::string(name) + "\"");
}

} // namespace detail

/// The component names of the nine API types, in the schema's (alphabetical) order.
inline constexpr std::array<std::string_view, detail::api_types.size()> api_schema_names = [] {
    std::array<std::string_view, detail::api_types.size()> names{};
    for (std::size_t i = 0; i < names.size(); ++i) {
        names[i] = detail::api_types[i].name;
    }
    return names;
}();

/// Export options reproducing a release's schema: its EventActions values, and `{}` for the
/// free-form fields where that release wrote them so. Throws std::invalid_argument for a
/// release this library does not know (see `releases`).
[[nodiscard]] inline schema::export_options
export_options_for(std::string_view release = latest_release,
                   schema::schema_dialect dialect = schema::schema_dialect::openapi_3_0) {
    auto const r = find_release(release);
    if (!r) {
        throw std::invalid_argument("authentik::events: unknown release \"" + std::string(release) + "\"");
    }
    return {.dialect = dialect, .release = releases[*r].name, .free_form_any = releases[*r].free_form_any};
}

/// The OpenAPI 3.0 components of the nine API types as the release's schema has them,
/// name -> component. Throws std::invalid_argument for an unknown release.
[[nodiscard]] inline boost::json::object openapi_components(std::string_view release = latest_release) {
    auto const opt = export_options_for(release);
    boost::json::object out;
    for (auto const& t : detail::api_types) {
        out.emplace(boost::json::string_view(t.name.data(), t.name.size()), t.component(opt));
    }
    return out;
}

/// One API type's OpenAPI 3.0 component by schema name ("EventRequest"). Throws
/// std::invalid_argument for an unknown name or release.
[[nodiscard]] inline boost::json::object openapi_component(std::string_view name,
                                                           std::string_view release = latest_release) {
    auto const& t = detail::find_api_type(name);
    return t.component(export_options_for(release));
}

/// The JSON Schema document of one API type by schema name: a root `$ref` to it and every
/// component it uses. Throws std::invalid_argument for an unknown name or release, or for the
/// openapi_3_0 dialect.
[[nodiscard]] inline boost::json::object
json_schema(std::string_view name, std::string_view release = latest_release,
            schema::schema_dialect dialect = schema::schema_dialect::draft_2020_12) {
    auto const& t = detail::find_api_type(name);
    return t.json_schema(export_options_for(release, dialect));
}

/// A JSON Schema document holding all nine API types as definitions, without a root. Throws
/// std::invalid_argument for an unknown release or for the openapi_3_0 dialect.
[[nodiscard]] inline boost::json::object
json_schema_bundle(std::string_view release = latest_release,
                   schema::schema_dialect dialect = schema::schema_dialect::draft_2020_12) {
    auto const opt = export_options_for(release, dialect);
    boost::json::object defs;
    for (auto const& t : detail::api_types) {
        defs.emplace(boost::json::string_view(t.name.data(), t.name.size()), t.component(opt));
    }
    return schema::json_schema_document(std::move(defs), {}, opt);
}

} // namespace authentik::events

#endif
