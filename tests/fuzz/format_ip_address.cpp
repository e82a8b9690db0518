#include "fuzz/check.hpp"
#include "fuzz/targets.hpp"

#include <authentik/events/format/ip_address.hpp>

#include <arpa/inet.h>

#include <string>

void fuzz::format_ip_address(std::string_view input) {
    namespace format = authentik::events::format;
    std::string_view why;
    bool const ok = format::check_ip_address(input, why);
    require(ok == format::is_ip_address(input), "is_ip_address agrees with check_ip_address");
    require(ok == (format::is_ipv4(input) || format::is_ipv6(input)), "an address is IPv4 or IPv6 text");
    require(ok || !why.empty(), "a rejected address says why", input);
    // The C library's reader is the oracle: the dotted quad without leading zeros (as Python's
    // ipaddress reads it since 3.9.5) and RFC 4291's text forms, IPv4 tail included.
    std::string const text(input); // inet_pton wants a terminator, and stops at an inner NUL
    unsigned char buffer[16];
    bool const v4 = inet_pton(AF_INET, text.c_str(), buffer) == 1;
    bool const v6 = inet_pton(AF_INET6, text.c_str(), buffer) == 1;
    bool const has_nul = text.find('\0') != std::string::npos;
    if (!has_nul) {
        require(format::is_ipv4(input) == v4, "is_ipv4 agrees with inet_pton(AF_INET)", input);
        require(format::is_ipv6(input) == v6, "is_ipv6 agrees with inet_pton(AF_INET6)", input);
    } else {
        require(!ok, "text with a NUL byte is no address", input);
    }
}
