#include "fuzz/check.hpp"
#include "fuzz/targets.hpp"

#include <authentik/events/model/validation_error.hpp>

void fuzz::parse_validation_error(std::string_view input) { parse_target<authentik::events::ValidationError>(input); }
