#ifndef AUTHENTIK_EVENTS_MODEL_EVENT_REQUEST_HPP
#define AUTHENTIK_EVENTS_MODEL_EVENT_REQUEST_HPP

#include <authentik/events/format/date_time.hpp>
#include <authentik/events/model/event_action.hpp>
#include <authentik/events/schema/conversion.hpp>
#include <authentik/events/schema/describe.hpp>
#include <authentik/events/schema/nullable.hpp>

#include <boost/json/object.hpp>

#include <optional>
#include <string>

namespace authentik::events {

/// The body of `POST` and `PUT /api/v3/events/events/`: an Event without the fields only the
/// server writes (`pk`, `created`). Only the schema's enum values are accepted for `action`
/// (the bare `custom_` included, `custom_login` not), as the server's serializer does.
struct EventRequest {
    std::optional<boost::json::object> user;    ///< who
    event_action action;                        ///< what happened; an enum value
    std::string app;                            ///< the module or policy; not empty
    std::optional<boost::json::object> context; ///< free-form details
    schema::nullable<std::string> client_ip;    ///< absent, null, or a non-empty IP address
    std::optional<format::date_time> expires;   ///< when the server deletes it
    std::optional<boost::json::object> brand;   ///< the brand
    boost::json::object unknown_fields;         ///< keys kept by unknown_key_policy::preserve

    friend bool operator==(EventRequest const&, EventRequest const&) = default;
};

/// EventRequest's descriptor: the schema's `EventRequest` component.
constexpr auto describe(schema::type_tag<EventRequest>) {
    using namespace schema;
    return object<EventRequest>({.name = "EventRequest", .description = "Event Serializer"},
                                member("user", &EventRequest::user),
                                member("action", &EventRequest::action, {.required = true, .enum_only = true}),
                                member("app", &EventRequest::app, {.required = true, .min_length = 1}),
                                member("context", &EventRequest::context),
                                member("client_ip", &EventRequest::client_ip,
                                       {.nullable = true, .format = value_format::ip_address, .min_length = 1}),
                                member("expires", &EventRequest::expires), member("brand", &EventRequest::brand),
                                unknown_keys(&EventRequest::unknown_fields));
}

/// The body of `PATCH /api/v3/events/events/{event_uuid}/`: EventRequest with every field optional.
struct PatchedEventRequest {
    std::optional<boost::json::object> user;    ///< who
    std::optional<event_action> action;         ///< what happened; an enum value
    std::optional<std::string> app;             ///< the module or policy; not empty
    std::optional<boost::json::object> context; ///< free-form details
    schema::nullable<std::string> client_ip;    ///< absent, null, or a non-empty IP address
    std::optional<format::date_time> expires;   ///< when the server deletes it
    std::optional<boost::json::object> brand;   ///< the brand
    boost::json::object unknown_fields;         ///< keys kept by unknown_key_policy::preserve

    friend bool operator==(PatchedEventRequest const&, PatchedEventRequest const&) = default;
};

/// PatchedEventRequest's descriptor: the schema's `PatchedEventRequest` component.
constexpr auto describe(schema::type_tag<PatchedEventRequest>) {
    using namespace schema;
    return object<PatchedEventRequest>(
        {.name = "PatchedEventRequest", .description = "Event Serializer"}, member("user", &PatchedEventRequest::user),
        member("action", &PatchedEventRequest::action, {.enum_only = true}),
        member("app", &PatchedEventRequest::app, {.min_length = 1}), member("context", &PatchedEventRequest::context),
        member("client_ip", &PatchedEventRequest::client_ip,
               {.nullable = true, .format = value_format::ip_address, .min_length = 1}),
        member("expires", &PatchedEventRequest::expires), member("brand", &PatchedEventRequest::brand),
        unknown_keys(&PatchedEventRequest::unknown_fields));
}

using schema::tag_invoke;

} // namespace authentik::events

#endif
