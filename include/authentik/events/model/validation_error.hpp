#ifndef AUTHENTIK_EVENTS_MODEL_VALIDATION_ERROR_HPP
#define AUTHENTIK_EVENTS_MODEL_VALIDATION_ERROR_HPP

#include <authentik/events/schema/conversion.hpp>
#include <authentik/events/schema/describe.hpp>
#include <authentik/events/schema/drf.hpp>
#include <authentik/events/schema/problem.hpp>

#include <boost/json/object.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace authentik::events {

/// The body of a 400: errors about the request as a whole, and any field name mapped to its
/// messages (`{"created": ["Datetime has wrong format. ..."]}`), nested for nested fields.
struct ValidationError {
    std::optional<std::vector<std::string>> non_field_errors; ///< errors not tied to one field
    std::optional<std::string> code;                          ///< a machine code, when given
    boost::json::object fields;                               ///< field name -> messages (additionalProperties)

    /// The messages under a top-level field name, when they are a list of strings.
    [[nodiscard]] std::vector<std::string> messages(std::string_view field) const {
        std::vector<std::string> out;
        if (auto const* v = fields.if_contains(field); v != nullptr && v->is_array()) {
            for (auto const& m : v->get_array()) {
                if (m.is_string()) {
                    out.emplace_back(m.get_string());
                }
            }
        }
        return out;
    }

    friend bool operator==(ValidationError const&, ValidationError const&) = default;
};

/// ValidationError's descriptor: the schema's `ValidationError` component.
constexpr auto describe(schema::type_tag<ValidationError>) {
    using namespace schema;
    return object<ValidationError>({.name = "ValidationError", .description = "Validation Error"},
                                   member("non_field_errors", &ValidationError::non_field_errors),
                                   member("code", &ValidationError::code),
                                   additional_properties(&ValidationError::fields));
}

/// The 400 body an authentik server answers for these problems, with DRF's wording and codes.
[[nodiscard]] inline ValidationError to_validation_error(schema::problem_list const& problems) {
    ValidationError out;
    out.fields = schema::drf::to_body(problems);
    // A list of messages is the typed member; anything else under that key (errors nested by
    // index, from a body whose own non_field_errors were bad) stays in `fields`, written as is.
    // NOLINTNEXTLINE(readability-qualified-auto): object::iterator is a pointer only by implementation
    if (auto it = out.fields.find("non_field_errors"); it != out.fields.end() && it->value().is_array()) {
        std::vector<std::string> list;
        for (auto const& m : it->value().get_array()) {
            if (m.is_string()) {
                list.emplace_back(m.get_string());
            }
        }
        out.non_field_errors = std::move(list);
        out.fields.erase(it);
    }
    return out;
}

using schema::tag_invoke;

} // namespace authentik::events

#endif
