#ifndef AUTHENTIK_EVENTS_MODEL_PAGINATED_EVENT_LIST_HPP
#define AUTHENTIK_EVENTS_MODEL_PAGINATED_EVENT_LIST_HPP

#include <authentik/events/model/autocomplete.hpp>
#include <authentik/events/model/event.hpp>
#include <authentik/events/model/pagination.hpp>
#include <authentik/events/schema/conversion.hpp>
#include <authentik/events/schema/describe.hpp>
#include <authentik/events/schema/walk.hpp>

#include <boost/json/object.hpp>

#include <cstddef>
#include <string_view>
#include <utility>
#include <vector>

namespace authentik::events {

/// One page of `GET /api/v3/events/events/`.
struct PaginatedEventList {
    Pagination pagination;              ///< where this page stands
    std::vector<Event> results;         ///< the events
    Autocomplete autocomplete;          ///< `{}` in practice
    boost::json::object unknown_fields; ///< keys kept by unknown_key_policy::preserve

    friend bool operator==(PaginatedEventList const&, PaginatedEventList const&) = default;
};

/// PaginatedEventList's descriptor: the schema's `PaginatedEventList` component.
constexpr auto describe(schema::type_tag<PaginatedEventList>) {
    using namespace schema;
    return object<PaginatedEventList>({.name = "PaginatedEventList"},
                                      member("pagination", &PaginatedEventList::pagination, {.required = true}),
                                      member("results", &PaginatedEventList::results, {.required = true}),
                                      member("autocomplete", &PaginatedEventList::autocomplete, {.required = true}),
                                      unknown_keys(&PaginatedEventList::unknown_fields));
}

/// Reads a page one event at a time: `on_event(index, Event&&)` gets each valid event as soon as
/// it is parsed, and the whole page is never held. A bad event is reported at its pointer
/// (`/results/4817/created`) and skipped; the good ones around it are still delivered. The
/// result's `page` holds pagination and autocomplete, with `results` left empty.
template <class F>
[[nodiscard]] schema::walk_result<PaginatedEventList> walk_events(std::string_view text, F&& on_event,
                                                                  schema::parse_options const& opt = {}) {
    return schema::walk_array<PaginatedEventList, Event>(text, "results", std::forward<F>(on_event), opt);
}

using schema::tag_invoke;

} // namespace authentik::events

#endif
