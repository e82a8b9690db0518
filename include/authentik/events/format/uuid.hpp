#ifndef AUTHENTIK_EVENTS_FORMAT_UUID_HPP
#define AUTHENTIK_EVENTS_FORMAT_UUID_HPP

/// \file
/// Strict parsing and canonical writing of UUIDs in the hyphenated text form that authentik's API
/// uses for primary keys (`pk`, `user.pk` of service accounts, `app` ids, ...).

#include <boost/uuid/uuid.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace authentik::events::format {

/// Length of the hyphenated form; fixed, so callers can size buffers without asking.
inline constexpr std::size_t uuid_length = 36;

namespace detail {

/// Value of each byte as a hex digit, or 0xFF; a table beats branching on three ranges.
inline constexpr std::array<std::uint8_t, 256> uuid_hex_values = [] {
    std::array<std::uint8_t, 256> table{};
    for (auto& value : table) {
        value = 0xFF;
    }
    for (std::uint8_t i = 0; i < 10; ++i) {
        table[static_cast<std::size_t>('0' + i)] = i;
    }
    for (std::uint8_t i = 0; i < 6; ++i) {
        table[static_cast<std::size_t>('a' + i)] = static_cast<std::uint8_t>(10 + i);
        table[static_cast<std::size_t>('A' + i)] = static_cast<std::uint8_t>(10 + i);
    }
    return table;
}();

/// Offset of the first of the two digits of each byte; the hyphens sit in between.
inline constexpr std::array<std::uint8_t, 16> uuid_byte_offsets = {0,  2,  4,  6,  9,  11, 14, 16,
                                                                   19, 21, 24, 26, 28, 30, 32, 34};

inline constexpr std::array<std::uint8_t, 4> uuid_hyphen_offsets = {8, 13, 18, 23};

/// One message per offset, built at compile time, so that `why` can name the offset and still
/// point at storage that outlives the call.
struct uuid_hex_messages {
    static constexpr std::string_view prefix = "expected a hex digit at offset ";
    static constexpr std::size_t width = prefix.size() + 2;

    std::array<std::array<char, width>, uuid_length> text{};
    std::array<std::uint8_t, uuid_length> size{};

    [[nodiscard]] constexpr std::string_view at(std::size_t offset) const noexcept {
        return {text[offset].data(), size[offset]};
    }
};

inline constexpr uuid_hex_messages uuid_hex_message_table = [] {
    uuid_hex_messages table{};
    for (std::size_t offset = 0; offset < uuid_length; ++offset) {
        auto& line = table.text[offset];
        std::size_t n = 0;
        for (char c : uuid_hex_messages::prefix) {
            line[n++] = c;
        }
        if (offset >= 10) {
            line[n++] = static_cast<char>('0' + offset / 10);
        }
        line[n++] = static_cast<char>('0' + offset % 10);
        table.size[offset] = static_cast<std::uint8_t>(n);
    }
    return table;
}();

/// Only reached on failure, so it may be slow; it finds the first offending offset so the
/// message matches what a left-to-right reader would report.
[[nodiscard]] inline std::string_view explain_uuid_failure(std::string_view text) noexcept {
    for (std::size_t offset = 0; offset < uuid_length; ++offset) {
        char const c = text[offset];
        bool const hyphen_slot = offset == 8 || offset == 13 || offset == 18 || offset == 23;
        if (hyphen_slot) {
            if (c != '-') {
                switch (offset) {
                case 8: return "expected '-' at offset 8";
                case 13: return "expected '-' at offset 13";
                case 18: return "expected '-' at offset 18";
                default: return "expected '-' at offset 23";
                }
            }
        } else if (uuid_hex_values[static_cast<unsigned char>(c)] == 0xFF) {
            return uuid_hex_message_table.at(offset);
        }
    }
    return "invalid UUID";
}

} // namespace detail

/// Parses the RFC 9562 hyphenated form (8-4-4-4-12 hex digits, either case) and nothing else:
/// the API only ever emits that form, so braces, "urn:uuid:" or bare 32 digits mean the input
/// is not what it claims to be. On failure `out` is untouched and `why` names the broken rule.
[[nodiscard]] inline bool parse_uuid(std::string_view text, boost::uuids::uuid& out, std::string_view& why) noexcept {
    if (text.size() != uuid_length) {
        why = "expected 36 characters";
        return false;
    }
    // Decode unconditionally and test once at the end: the valid case is the hot one.
    boost::uuids::uuid decoded{};
    unsigned invalid = 0;
    for (std::size_t i = 0; i < 16; ++i) {
        std::size_t const offset = detail::uuid_byte_offsets[i];
        unsigned const high = detail::uuid_hex_values[static_cast<unsigned char>(text[offset])];
        unsigned const low = detail::uuid_hex_values[static_cast<unsigned char>(text[offset + 1])];
        invalid |= high | low;
        decoded.data[i] = static_cast<std::uint8_t>((high << 4) | low);
    }
    for (std::size_t offset : detail::uuid_hyphen_offsets) {
        invalid |= static_cast<unsigned>(text[offset] != '-') << 4;
    }
    if ((invalid & 0xF0U) != 0) {
        why = detail::explain_uuid_failure(text);
        return false;
    }
    out = decoded;
    return true;
}

/// For callers that only validate and have no use for the message or the value.
[[nodiscard]] inline bool is_uuid(std::string_view text) noexcept {
    boost::uuids::uuid ignored{};
    std::string_view why;
    return parse_uuid(text, ignored, why);
}

/// Writes exactly `uuid_length` chars, lowercase, no terminator: lowercase is what the server
/// writes, so output compares equal to API text byte for byte.
inline void write_uuid(boost::uuids::uuid const& id, char* out) noexcept {
    constexpr char digits[] = "0123456789abcdef";
    std::size_t pos = 0;
    for (std::size_t i = 0; i < 16; ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10) {
            out[pos++] = '-';
        }
        out[pos++] = digits[id.data[i] >> 4];
        out[pos++] = digits[id.data[i] & 0x0F];
    }
}

/// Allocating convenience over `write_uuid`.
[[nodiscard]] inline std::string uuid_to_string(boost::uuids::uuid const& id) {
    std::string text(uuid_length, '\0');
    write_uuid(id, text.data());
    return text;
}

} // namespace authentik::events::format

#endif
