#ifndef AUTHENTIK_EVENTS_MODEL_PAGINATION_HPP
#define AUTHENTIK_EVENTS_MODEL_PAGINATION_HPP

#include <authentik/events/schema/conversion.hpp>
#include <authentik/events/schema/describe.hpp>
#include <authentik/events/schema/number.hpp>

#include <boost/json/object.hpp>

namespace authentik::events {

/// Where a page stands in a list. All JSON numbers; `next` and `previous` are 0 when there is
/// no such page. Integers stay integers through a round trip (schema::number).
struct Pagination {
    schema::number next;                ///< the next page's number, 0 for none
    schema::number previous;            ///< the previous page's number, 0 for none
    schema::number count;               ///< results in the whole list
    schema::number current;             ///< this page's number, from 1
    schema::number total_pages;         ///< pages in the whole list
    schema::number start_index;         ///< 1-based index of this page's first result
    schema::number end_index;           ///< 1-based index of this page's last result
    boost::json::object unknown_fields; ///< keys kept by unknown_key_policy::preserve

    friend bool operator==(Pagination const&, Pagination const&) = default;
};

/// Pagination's descriptor: the schema's `Pagination` component.
constexpr auto describe(schema::type_tag<Pagination>) {
    using namespace schema;
    return object<Pagination>({.name = "Pagination"}, member("next", &Pagination::next, {.required = true}),
                              member("previous", &Pagination::previous, {.required = true}),
                              member("count", &Pagination::count, {.required = true}),
                              member("current", &Pagination::current, {.required = true}),
                              member("total_pages", &Pagination::total_pages, {.required = true}),
                              member("start_index", &Pagination::start_index, {.required = true}),
                              member("end_index", &Pagination::end_index, {.required = true}),
                              unknown_keys(&Pagination::unknown_fields));
}

using schema::tag_invoke;

} // namespace authentik::events

#endif
