#ifndef AUTHENTIK_EVENTS_MODEL_AUTOCOMPLETE_HPP
#define AUTHENTIK_EVENTS_MODEL_AUTOCOMPLETE_HPP

#include <authentik/events/schema/conversion.hpp>
#include <authentik/events/schema/describe.hpp>

#include <boost/json/object.hpp>

namespace authentik::events {

/// The `autocomplete` member of a list: free-form (`additionalProperties: {}`), `{}` in practice.
struct Autocomplete {
    boost::json::object fields; ///< every key, kept

    friend bool operator==(Autocomplete const&, Autocomplete const&) = default;
};

/// Autocomplete's descriptor: the schema's `Autocomplete` component.
constexpr auto describe(schema::type_tag<Autocomplete>) {
    using namespace schema;
    return object<Autocomplete>({.name = "Autocomplete"}, additional_properties(&Autocomplete::fields));
}

using schema::tag_invoke;

} // namespace authentik::events

#endif
