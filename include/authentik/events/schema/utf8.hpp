#ifndef AUTHENTIK_EVENTS_SCHEMA_UTF8_HPP
#define AUTHENTIK_EVENTS_SCHEMA_UTF8_HPP

#include <cstddef>
#include <string_view>

namespace authentik::events::schema {

/// The length (1 to 4) of the well-formed UTF-8 sequence that starts at s[i], or 0 when none
/// does: overlong forms, UTF-16 surrogates and code points past U+10FFFF are not well formed.
/// `i` must be less than `s.size()`.
[[nodiscard]] constexpr std::size_t utf8_sequence_length(std::string_view s, std::size_t i) noexcept {
    auto const b = [&](std::size_t k) { return static_cast<unsigned char>(s[i + k]); };
    auto const cont = [&](std::size_t k) { return i + k < s.size() && (b(k) & 0xC0U) == 0x80U; };
    unsigned char const c = b(0);
    if (c < 0x80) {
        return 1;
    }
    if (c >= 0xC2 && c <= 0xDF) {
        return cont(1) ? 2 : 0;
    }
    if (c >= 0xE0 && c <= 0xEF) {
        if (!cont(1) || !cont(2)) {
            return 0;
        }
        if ((c == 0xE0 && b(1) < 0xA0) || (c == 0xED && b(1) >= 0xA0)) {
            return 0; // overlong, or a UTF-16 surrogate
        }
        return 3;
    }
    if (c >= 0xF0 && c <= 0xF4) {
        if (!cont(1) || !cont(2) || !cont(3)) {
            return 0;
        }
        if ((c == 0xF0 && b(1) < 0x90) || (c == 0xF4 && b(1) >= 0x90)) {
            return 0; // overlong, or past U+10FFFF
        }
        return 4;
    }
    return 0;
}

/// Whether all of s is well-formed UTF-8 (what a JSON string can carry unchanged).
[[nodiscard]] constexpr bool is_valid_utf8(std::string_view s) noexcept {
    for (std::size_t i = 0; i < s.size();) {
        std::size_t const n = utf8_sequence_length(s, i);
        if (n == 0) {
            return false;
        }
        i += n;
    }
    return true;
}

} // namespace authentik::events::schema

#endif
