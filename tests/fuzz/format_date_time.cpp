#include "fuzz/check.hpp"
#include "fuzz/targets.hpp"

#include <authentik/events/format/date_time.hpp>

void fuzz::format_date_time(std::string_view input) {
    namespace format = authentik::events::format;
    format::date_time t;
    std::string_view why;
    bool const ok = format::parse_date_time(input, t, why);
    require(ok == format::is_date_time(input), "is_date_time agrees with parse_date_time");
    if (!ok) {
        require(!why.empty(), "a rejected date-time says why", input);
        return;
    }
    require(format::date_time::min() <= t && t <= format::date_time::max(), "an accepted instant is in 0001-9999",
            input);
    // What the writer gives (DRF's form) reads back as the same instant, and writes the same.
    std::string const text = format::date_time_to_string(t);
    require(text.size() == 20 || text.size() == format::max_date_time_length, "the writer gives 20 or 27 bytes", text);
    format::date_time back;
    require(format::parse_date_time(text, back, why), "the writer's text is accepted", text);
    require(back == t, "the writer's text reads back as the same instant", text);
    // The calendar fields round-trip through the civil form too.
    auto const civil = format::to_civil(t);
    auto const again = format::from_civil(civil);
    require(again.has_value() && *again == t, "from_civil(to_civil(t)) == t", text);
}
