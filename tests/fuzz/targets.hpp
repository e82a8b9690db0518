#ifndef AUTHENTIK_EVENTS_TESTS_FUZZ_TARGETS_HPP
#define AUTHENTIK_EVENTS_TESTS_FUZZ_TARGETS_HPP

// Every fuzz target: a function of the input bytes that aborts when a property fails. Each is
// defined in the .cpp of its name; entry.cpp makes one a libFuzzer program, replay.cpp runs any
// of them over files (the corpus and the regression inputs) in every test build.

#include <string_view>

namespace fuzz {

/// The input being read, named by replay.cpp so that a failed property can say which file.
inline char const* current_input = "(libFuzzer's input)";

void parse_event(std::string_view input);                // parse<Event>, all ways of reading
void parse_paginated_event_list(std::string_view input); // parse<PaginatedEventList>
void parse_validation_error(std::string_view input);     // parse<ValidationError>
void format_uuid(std::string_view input);                // parse_uuid / is_uuid / write_uuid
void format_date_time(std::string_view input);           // parse_date_time and its writer
void format_ip_address(std::string_view input);          // check_ip_address against inet_pton
void round_trip(std::string_view input);                 // every API type: parse(serialize(x)) == x

} // namespace fuzz

#endif
