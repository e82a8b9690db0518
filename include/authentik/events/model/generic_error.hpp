#ifndef AUTHENTIK_EVENTS_MODEL_GENERIC_ERROR_HPP
#define AUTHENTIK_EVENTS_MODEL_GENERIC_ERROR_HPP

#include <authentik/events/schema/conversion.hpp>
#include <authentik/events/schema/describe.hpp>

#include <boost/json/object.hpp>

#include <optional>
#include <string>

namespace authentik::events {

/// The body of a 403 (and of a 404): `{"detail": "...", "code": "..."}`.
struct GenericError {
    std::string detail;                 ///< the human message
    std::optional<std::string> code;    ///< a machine code, when the server gives one
    boost::json::object unknown_fields; ///< keys kept by unknown_key_policy::preserve

    friend bool operator==(GenericError const&, GenericError const&) = default;
};

/// GenericError's descriptor: the schema's `GenericError` component.
constexpr auto describe(schema::type_tag<GenericError>) {
    using namespace schema;
    return object<GenericError>({.name = "GenericError", .description = "Generic API Error"},
                                member("detail", &GenericError::detail, {.required = true}),
                                member("code", &GenericError::code), unknown_keys(&GenericError::unknown_fields));
}

using schema::tag_invoke;

} // namespace authentik::events

#endif
