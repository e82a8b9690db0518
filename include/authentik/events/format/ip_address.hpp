#ifndef AUTHENTIK_EVENTS_FORMAT_IP_ADDRESS_HPP
#define AUTHENTIK_EVENTS_FORMAT_IP_ADDRESS_HPP

/// \file
/// Validation of the client IP addresses authentik records with each event (`client_ip`).
/// Only the textual forms are checked; nothing is converted, since events keep the text as sent.

#include <cstddef>
#include <string_view>

namespace authentik::events::format {

namespace detail {

[[nodiscard]] constexpr bool is_decimal_digit(char c) noexcept { return c >= '0' && c <= '9'; }

[[nodiscard]] constexpr bool is_hex_digit(char c) noexcept {
    return is_decimal_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

} // namespace detail

/// IPv4 dotted quad: exactly four decimal parts 0-255 and nothing else. Leading zeros are
/// rejected ("0" alone is fine) because some parsers read them as octal, so such text names
/// a different address depending on who reads it.
[[nodiscard]] inline bool check_ipv4(std::string_view text, std::string_view& why) noexcept {
    if (text.empty()) {
        why = "empty string";
        return false;
    }
    std::size_t pos = 0;
    for (int part = 0; part < 4; ++part) {
        if (part > 0) {
            if (pos == text.size()) {
                why = "expected 4 decimal parts";
                return false;
            }
            if (text[pos] != '.') {
                why = "expected '.' between decimal parts";
                return false;
            }
            ++pos;
        }
        std::size_t const first = pos;
        unsigned value = 0;
        while (pos < text.size() && detail::is_decimal_digit(text[pos]) && pos - first < 4) {
            value = value * 10 + static_cast<unsigned>(text[pos] - '0');
            ++pos;
        }
        std::size_t const digits = pos - first;
        if (digits == 0) {
            why = "expected a decimal digit";
            return false;
        }
        if (digits > 1 && text[first] == '0') {
            why = "leading zeros are not allowed in a decimal part";
            return false;
        }
        if (value > 255) {
            why = "decimal part exceeds 255";
            return false;
        }
    }
    if (pos != text.size()) {
        why = text[pos] == '.' ? "unexpected '.' after the fourth decimal part"
                               : "unexpected character after the address";
        return false;
    }
    return true;
}

/// IPv6 text per RFC 4291 §2.2: eight groups of 1-4 hex digits (either case), at most one
/// "::" standing for one or more zero groups, and optionally an IPv4 dotted quad as the last
/// 32 bits. Zone ids ("%eth0") and brackets are rejected: they belong to URLs and sockets,
/// not to an address recorded in an event.
[[nodiscard]] inline bool check_ipv6(std::string_view text, std::string_view& why) noexcept {
    if (text.empty()) {
        why = "empty string";
        return false;
    }
    std::size_t const size = text.size();
    std::size_t pos = 0;
    int groups = 0; // 16-bit units written out; an IPv4 tail counts as two
    bool compressed = false;

    if (text[0] == ':') {
        if (size < 2 || text[1] != ':') {
            why = "a single ':' cannot start the address";
            return false;
        }
        compressed = true;
        pos = 2;
    }

    while (pos < size) {
        if (text[pos] == ':') {
            why = "':::' is not allowed";
            return false;
        }
        std::size_t const first = pos;
        while (pos < size && detail::is_hex_digit(text[pos])) {
            ++pos;
        }
        if (pos < size && text[pos] == '.') {
            // Dotted quad: only valid as the final 32 bits.
            if (!check_ipv4(text.substr(first), why)) {
                return false;
            }
            groups += 2;
            break;
        }
        std::size_t const digits = pos - first;
        if (digits == 0) {
            if (text[pos] == '%') {
                why = "zone ids are not accepted";
            } else if (text[pos] == '[' || text[pos] == ']') {
                why = "brackets are not accepted";
            } else {
                why = "expected a hex digit";
            }
            return false;
        }
        if (digits > 4) {
            why = "a group has more than 4 hex digits";
            return false;
        }
        if (++groups > 8) {
            why = "more than 8 groups";
            return false;
        }
        if (pos == size) {
            break;
        }
        if (text[pos] != ':') {
            why = text[pos] == '%' ? "zone ids are not accepted" : "unexpected character in an IPv6 address";
            return false;
        }
        ++pos;
        if (pos < size && text[pos] == ':') {
            if (compressed) {
                why = "'::' may appear only once";
                return false;
            }
            compressed = true;
            ++pos;
        } else if (pos == size) {
            why = "a single ':' cannot end the address";
            return false;
        }
    }

    if (compressed) {
        if (groups > 7) {
            why = "'::' must stand for at least one group";
            return false;
        }
    } else if (groups != 8) {
        why = groups > 8 ? "more than 8 groups" : "expected 8 groups or '::'";
        return false;
    }
    return true;
}

/// Either form; a ':' decides which rules apply, so the message speaks about the form the
/// text was evidently meant to be.
[[nodiscard]] inline bool check_ip_address(std::string_view text, std::string_view& why) noexcept {
    if (text.find(':') != std::string_view::npos) {
        return check_ipv6(text, why);
    }
    return check_ipv4(text, why);
}

/// `check_ipv4` without the message.
[[nodiscard]] inline bool is_ipv4(std::string_view text) noexcept {
    std::string_view why;
    return check_ipv4(text, why);
}

/// `check_ipv6` without the message.
[[nodiscard]] inline bool is_ipv6(std::string_view text) noexcept {
    std::string_view why;
    return check_ipv6(text, why);
}

/// `check_ip_address` without the message.
[[nodiscard]] inline bool is_ip_address(std::string_view text) noexcept {
    std::string_view why;
    return check_ip_address(text, why);
}

} // namespace authentik::events::format

#endif
