#ifndef AUTHENTIK_EVENTS_MODEL_EVENT_HPP
#define AUTHENTIK_EVENTS_MODEL_EVENT_HPP

#include <authentik/events/format/date_time.hpp>
#include <authentik/events/model/event_action.hpp>
#include <authentik/events/schema/conversion.hpp>
#include <authentik/events/schema/describe.hpp>
#include <authentik/events/schema/nullable.hpp>
#include <authentik/events/schema/raw_object.hpp>

#include <boost/json/object.hpp>
#include <boost/uuid/uuid.hpp>

#include <optional>
#include <string>

namespace authentik::events {

/// One audit event, as `GET /api/v3/events/events/{event_uuid}/` returns it. `FreeForm` holds
/// the free-form members: a `boost::json::object` (Event), or a schema::raw_object that keeps
/// their text unparsed (RawEvent), for forwarding and storing events without touching them.
template <class FreeForm = boost::json::object>
struct basic_event {
    boost::uuids::uuid pk{};                  ///< the event's id
    std::optional<FreeForm> user;             ///< who: `{}` for system events
    event_action action;                      ///< what happened
    std::string app;                          ///< the Python module (or policy) that logged it
    std::optional<FreeForm> context;          ///< free-form details
    schema::nullable<std::string> client_ip;  ///< absent, null, or an IPv4/IPv6 address
    format::date_time created;                ///< when, in UTC
    std::optional<format::date_time> expires; ///< when the server deletes it
    std::optional<FreeForm> brand;            ///< the brand the request came through
    boost::json::object unknown_fields;       ///< keys kept by unknown_key_policy::preserve

    friend bool operator==(basic_event const&, basic_event const&) = default;
};

/// An event with its free-form members as Boost.JSON objects.
using Event = basic_event<boost::json::object>;
/// An event with its free-form members as checked, unparsed JSON text.
using RawEvent = basic_event<schema::raw_object>;

/// The descriptor of every basic_event: the schema's `Event` component, field by field.
template <class FreeForm>
constexpr auto describe(schema::type_tag<basic_event<FreeForm>>) {
    using namespace schema;
    using E = basic_event<FreeForm>;
    return object<E>({.name = "Event", .description = "Event Serializer"},
                     member("pk", &E::pk, {.required = true, .read_only = true, .title = "Event uuid"}),
                     member("user", &E::user), member("action", &E::action, {.required = true}),
                     member("app", &E::app, {.required = true}), member("context", &E::context),
                     member("client_ip", &E::client_ip, {.nullable = true, .format = value_format::ip_address}),
                     member("created", &E::created, {.required = true, .read_only = true}),
                     member("expires", &E::expires), member("brand", &E::brand), unknown_keys(&E::unknown_fields));
}

using schema::tag_invoke;

} // namespace authentik::events

#endif
