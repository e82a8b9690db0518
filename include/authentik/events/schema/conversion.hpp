#ifndef AUTHENTIK_EVENTS_SCHEMA_CONVERSION_HPP
#define AUTHENTIK_EVENTS_SCHEMA_CONVERSION_HPP

#include <authentik/events/schema/codec.hpp>
#include <authentik/events/schema/describe.hpp>
#include <authentik/events/schema/parse.hpp>

#include <boost/json/conversion.hpp>
#include <boost/json/value.hpp>
#include <boost/json/value_from.hpp>
#include <boost/json/value_to.hpp>
#include <boost/system/result.hpp>

// boost::json::value_from / value_to / try_value_to for every described type. A type's
// namespace brings these in with `using schema::tag_invoke;` so that argument-dependent lookup,
// which Boost.JSON relies on, finds them.
namespace authentik::events::schema {

/// value_from: the same members serialize() writes.
template <described T>
void tag_invoke(boost::json::value_from_tag, boost::json::value& jv, T const& v) {
    jv = object_to_value(v, jv.storage());
}

/// value_to: validates with default options; throws validation_failure with every problem.
template <described T>
T tag_invoke(boost::json::value_to_tag<T>, boost::json::value const& jv) {
    return validate<T>(jv).value();
}

/// try_value_to: validates with default options; the error is the first problem's code.
template <described T>
boost::system::result<T> tag_invoke(boost::json::try_value_to_tag<T>, boost::json::value const& jv) {
    auto r = validate<T>(jv);
    if (r) {
        return std::move(*r);
    }
    return make_error_code(r.problems().empty() ? error::invalid_json : r.problems()[0].code);
}

} // namespace authentik::events::schema

#endif
