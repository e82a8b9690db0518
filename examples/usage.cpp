#include <authentik/events.hpp>

#include <fstream>
#include <iostream>
#include <sstream>

namespace ae = authentik::events;

int main(int argc, char** argv) {
    std::ifstream file(argc > 1 ? argv[1] : "event.json");
    std::stringstream text;
    text << file.rdbuf();

    ae::result<ae::Event> event = ae::parse<ae::Event>(text.str()); // never throws
    if (!event) {
        std::cerr << event.problems(); // every problem, each at its JSON Pointer
        std::cout << ae::serialize(ae::to_validation_error(event.problems())) << '\n'; // DRF's 400 body
        return 1;
    }
    std::cout << event->action.text() << " by " << event->app << " at "
              << ae::format::date_time_to_string(event->created) << '\n'
              << ae::serialize(*event) << '\n'; // the bytes the server sent
}
