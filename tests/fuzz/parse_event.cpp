#include "fuzz/check.hpp"
#include "fuzz/targets.hpp"

#include <authentik/events/model/event.hpp>

void fuzz::parse_event(std::string_view input) {
    parse_target<authentik::events::Event>(input);
    // The raw form checks and rewrites free-form text itself: it accepts exactly what Event does.
    auto const raw = schema::parse<authentik::events::RawEvent>(input);
    auto const dom = schema::parse<authentik::events::Event>(input);
    require(raw.has_value() == dom.has_value(), "RawEvent accepts what Event accepts");
    if (raw) {
        require(schema::serialize(*raw) == schema::serialize(*dom), "RawEvent writes what Event writes");
    }
}
