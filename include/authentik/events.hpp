#ifndef AUTHENTIK_EVENTS_HPP
#define AUTHENTIK_EVENTS_HPP

/// Everything: the model types and the functions that parse, validate and write them.

#include <authentik/events/format/date_time.hpp>
#include <authentik/events/format/ip_address.hpp>
#include <authentik/events/format/uuid.hpp>
#include <authentik/events/model/autocomplete.hpp>
#include <authentik/events/model/event.hpp>
#include <authentik/events/model/event_action.hpp>
#include <authentik/events/model/event_actions.hpp>
#include <authentik/events/model/event_request.hpp>
#include <authentik/events/model/generic_error.hpp>
#include <authentik/events/model/openapi.hpp>
#include <authentik/events/model/paginated_event_list.hpp>
#include <authentik/events/model/pagination.hpp>
#include <authentik/events/model/validation_error.hpp>
#include <authentik/events/schema/array_reader.hpp>
#include <authentik/events/schema/conversion.hpp>
#include <authentik/events/schema/describe.hpp>
#include <authentik/events/schema/drf.hpp>
#include <authentik/events/schema/error.hpp>
#include <authentik/events/schema/export.hpp>
#include <authentik/events/schema/ndjson_reader.hpp>
#include <authentik/events/schema/nullable.hpp>
#include <authentik/events/schema/number.hpp>
#include <authentik/events/schema/options.hpp>
#include <authentik/events/schema/parse.hpp>
#include <authentik/events/schema/parser.hpp>
#include <authentik/events/schema/problem.hpp>
#include <authentik/events/schema/raw_object.hpp>
#include <authentik/events/schema/recycling_resource.hpp>
#include <authentik/events/schema/result.hpp>
#include <authentik/events/schema/serialize.hpp>
#include <authentik/events/schema/walk.hpp>

namespace authentik::events {

// The schema layer's API under the product's namespace: `authentik::events::parse<Event>(text)`.
using format::date_time;
using schema::array_reader;
using schema::error;
using schema::ndjson_reader;
using schema::nullable;
using schema::parse;
using schema::parse_options;
using schema::parse_or_throw;
using schema::parser;
using schema::problem;
using schema::problem_list;
using schema::raw_object;
using schema::recycling_resource;
using schema::result;
using schema::serialize;
using schema::serialize_options;
using schema::serialize_to;
using schema::unknown_enum_policy;
using schema::unknown_key_policy;
using schema::validate;
using schema::validate_or_throw;
using schema::validation_failure;
using schema::walk_result;

} // namespace authentik::events

#endif
