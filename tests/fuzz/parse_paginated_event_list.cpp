#include "fuzz/check.hpp"
#include "fuzz/targets.hpp"

#include <authentik/events/model/paginated_event_list.hpp>

void fuzz::parse_paginated_event_list(std::string_view input) {
    parse_target<authentik::events::PaginatedEventList>(input);
}
