#include "fuzz/check.hpp"
#include "fuzz/targets.hpp"

#include <authentik/events.hpp>

namespace {

template <class... T>
void every_type(std::string_view input) {
    // Unknown keys preserved: the round trip then has to carry them too.
    auto opt = fuzz::schema::parse_options{};
    opt.unknown_keys = fuzz::schema::unknown_key_policy::preserve;
    (fuzz::check_round_trip(fuzz::schema::parse<T>(input, opt), opt), ...);
}

} // namespace

void fuzz::round_trip(std::string_view input) {
    namespace ae = authentik::events;
    every_type<ae::Event, ae::RawEvent, ae::EventRequest, ae::PatchedEventRequest, ae::PaginatedEventList,
               ae::Pagination, ae::ValidationError, ae::GenericError, ae::Autocomplete>(input);
}
