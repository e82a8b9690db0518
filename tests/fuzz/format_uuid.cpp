#include "fuzz/check.hpp"
#include "fuzz/targets.hpp"

#include <authentik/events/format/uuid.hpp>

#include <cctype>

void fuzz::format_uuid(std::string_view input) {
    namespace format = authentik::events::format;
    boost::uuids::uuid id{};
    std::string_view why;
    bool const ok = format::parse_uuid(input, id, why);
    require(ok == format::is_uuid(input), "is_uuid agrees with parse_uuid");
    if (!ok) {
        require(!why.empty(), "a rejected UUID says why", input);
        return;
    }
    // Accepted text is the hyphenated form in either case; the writer gives it back lowercase.
    std::string lower(input);
    for (char& c : lower) {
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    require(format::uuid_to_string(id) == lower, "uuid_to_string gives the accepted text, lowercase", input);
}
