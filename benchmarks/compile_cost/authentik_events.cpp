// Compile cost, this library's side: parse an Event (full validation, every problem collected)
// and write it back. benchmarks/compile_cost/run times compiling this file against
// boost_json.cpp, the same work by hand with Boost.JSON.

#include <authentik/events.hpp>

#include <string>
#include <string_view>

std::string round_trip(std::string_view text) {
    authentik::events::result<authentik::events::Event> const e =
        authentik::events::parse<authentik::events::Event>(text);
    return e ? authentik::events::serialize(*e) : std::string();
}
