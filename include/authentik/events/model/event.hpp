#ifndef AUTHENTIK_EVENTS_MODEL_EVENT_HPP
#define AUTHENTIK_EVENTS_MODEL_EVENT_HPP

#include <authentik/events/format/date_time.hpp>
#include <authentik/events/model/event_action.hpp>
#include <authentik/events/schema/conversion.hpp>
#include <authentik/events/schema/describe.hpp>
#include <authentik/events/schema/nullable.hpp>

#include <boost/json/object.hpp>
#include <boost/uuid/uuid.hpp>

#include <optional>
#include <string>

namespace authentik::events {

/// One audit event, as `GET /api/v3/events/events/{event_uuid}/` returns it.
struct Event {
    boost::uuids::uuid pk{};                      ///< the event's id
    std::optional<boost::json::object> user;      ///< who: `{}` for system events
    event_action action;                          ///< what happened
    std::string app;                              ///< the Python module (or policy) that logged it
    std::optional<boost::json::object> context;   ///< free-form details
    schema::nullable<std::string> client_ip;      ///< absent, null, or an IPv4/IPv6 address
    format::date_time created;                    ///< when, in UTC
    std::optional<format::date_time> expires;     ///< when the server deletes it
    std::optional<boost::json::object> brand;     ///< the brand the request came through
    boost::json::object unknown_fields;           ///< keys kept by unknown_key_policy::preserve

    friend bool operator==(Event const&, Event const&) = default;
};

/// Event's descriptor: the schema's `Event` component, field by field.
constexpr auto describe(schema::type_tag<Event>) {
    using namespace schema;
    return object<Event>(
        {.name = "Event", .description = "Event Serializer"},
        member("pk", &Event::pk, {.required = true, .read_only = true, .title = "Event uuid"}),
        member("user", &Event::user),
        member("action", &Event::action, {.required = true}),
        member("app", &Event::app, {.required = true}),
        member("context", &Event::context),
        member("client_ip", &Event::client_ip, {.nullable = true, .format = value_format::ip_address}),
        member("created", &Event::created, {.required = true, .read_only = true}),
        member("expires", &Event::expires),
        member("brand", &Event::brand),
        unknown_keys(&Event::unknown_fields));
}

using schema::tag_invoke;

} // namespace authentik::events

#endif
