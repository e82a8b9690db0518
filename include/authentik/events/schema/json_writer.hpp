#ifndef AUTHENTIK_EVENTS_SCHEMA_JSON_WRITER_HPP
#define AUTHENTIK_EVENTS_SCHEMA_JSON_WRITER_HPP

#include <authentik/events/schema/utf8.hpp>

#include <boost/json/value.hpp>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <system_error>

namespace authentik::events::schema {

/// Appends JSON text as Django REST framework's renderer writes it: compact separators, raw
/// UTF-8, numbers as Python's repr(), U+2028/U+2029 escaped. Optionally indented.
class json_writer {
public:
    /// Writes into out (appending); pretty indents by two spaces with ": " after keys.
    explicit json_writer(std::string& out, bool pretty = false) : out_(out), pretty_(pretty) {}

    void begin_object() { open('{'); }
    void end_object() { close('}'); }
    void begin_array() { open('['); }
    void end_array() { close(']'); }

    /// Writes the separator before the next member and its key.
    void key(std::string_view k) {
        if (!pretty_ && k.size() <= short_string && all_plain(k)) {
            // The common case in one append: separator, quoted key, colon.
            char buf[short_string + 4];
            std::size_t n = 0;
            if (depth_ != 0) {
                if (!empty_) {
                    buf[n++] = ',';
                }
                empty_ = false;
            }
            buf[n++] = '"';
            std::memcpy(buf + n, k.data(), k.size());
            n += k.size();
            buf[n++] = '"';
            buf[n++] = ':';
            out_.append(buf, n);
            return;
        }
        separate();
        write_string(k);
        out_.push_back(':');
        if (pretty_) {
            out_.push_back(' ');
        }
    }
    /// Writes the separator before the next array element.
    void element() { separate(); }

    /// Whether this writer indents.
    [[nodiscard]] bool is_pretty() const noexcept { return pretty_; }
    /// Appends a whole value's JSON text as it is: text a compact json_writer wrote.
    void raw(std::string_view json) { out_.append(json.data(), json.size()); }

    void null() { out_ += "null"; }
    void boolean(bool b) { out_ += b ? "true" : "false"; }
    void integer(std::int64_t i) { append_integer(i); }
    void integer(std::uint64_t u) { append_integer(u); }
    /// A double as Python's repr() writes it: 52.52, -0.1, 1e+16, 1e-05, 1.0. JSON has no
    /// NaN or infinity, so those are written as null.
    void number(double d) { append_python_double(out_, d); }
    /// A string with JSON escapes; invalid UTF-8 (only possible in values built by hand) is
    /// written as U+FFFD so that the output is always valid JSON.
    void string(std::string_view s) { write_string(s); }
    /// Any Boost.JSON value, recursively, with the rules above.
    // NOLINTNEXTLINE(misc-no-recursion): the depth is the document's, bounded by parse_options::max_depth
    void value(boost::json::value const& v) {
        switch (v.kind()) {
        case boost::json::kind::null: null(); break;
        case boost::json::kind::bool_: boolean(v.get_bool()); break;
        case boost::json::kind::int64: integer(v.get_int64()); break;
        case boost::json::kind::uint64: integer(v.get_uint64()); break;
        case boost::json::kind::double_: number(v.get_double()); break;
        case boost::json::kind::string: string(v.get_string()); break;
        case boost::json::kind::array:
            begin_array();
            for (auto const& e : v.get_array()) {
                element();
                value(e);
            }
            end_array();
            break;
        case boost::json::kind::object:
            begin_object();
            for (auto const& kv : v.get_object()) {
                key(kv.key());
                value(kv.value());
            }
            end_object();
            break;
        }
    }

    /// Appends d as Python's repr() would.
    static void append_python_double(std::string& out, double d) {
        if (!std::isfinite(d)) {
            out += "null";
            return;
        }
        char buf[32];
        // Shortest round-trip digits, the same digits Python's repr() picks.
        auto r = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::scientific);
        std::string_view sci(buf, static_cast<std::size_t>(r.ptr - buf));
        std::size_t i = 0;
        if (sci[0] == '-') {
            out.push_back('-');
            i = 1;
        }
        char digits[20];
        std::size_t nd = 0;
        for (; i < sci.size() && sci[i] != 'e'; ++i) {
            if (sci[i] != '.') {
                digits[nd++] = sci[i];
            }
        }
        int exp = 0;
        std::from_chars(sci.data() + i + 1 + (sci[i + 1] == '+' ? 1 : 0), sci.data() + sci.size(), exp);
        int const decpt = exp + 1; // digits[0..decpt) stand before the decimal point
        std::string_view ds(digits, nd);
        if (decpt > -4 && decpt <= 16) {
            if (decpt <= 0) {
                out += "0.";
                out.append(static_cast<std::size_t>(-decpt), '0');
                out += ds;
            } else if (static_cast<std::size_t>(decpt) >= nd) {
                out += ds;
                out.append(static_cast<std::size_t>(decpt) - nd, '0');
                out += ".0";
            } else {
                out += ds.substr(0, static_cast<std::size_t>(decpt));
                out.push_back('.');
                out += ds.substr(static_cast<std::size_t>(decpt));
            }
            return;
        }
        out.push_back(ds[0]);
        if (nd > 1) {
            out.push_back('.');
            out += ds.substr(1);
        }
        int const e = decpt - 1;
        out += e < 0 ? "e-" : "e+";
        int const ae = e < 0 ? -e : e;
        if (ae < 10) {
            out.push_back('0');
        }
        out += std::to_string(ae);
    }

private:
    template <class I>
    void append_integer(I i) {
        char buf[24];
        auto r = std::to_chars(buf, buf + sizeof buf, i);
        out_.append(buf, r.ptr);
    }

    void open(char c) {
        out_.push_back(c);
        ++depth_;
        empty_ = true;
    }
    void close(char c) {
        bool const empty = empty_;
        --depth_;
        if (pretty_ && !empty) {
            newline();
        }
        out_.push_back(c);
        // The container just closed is a value of its parent, which is therefore not empty.
        empty_ = false;
    }
    void separate() {
        if (depth_ == 0) {
            return;
        }
        if (empty_) {
            empty_ = false;
        } else {
            out_.push_back(',');
        }
        if (pretty_) {
            newline();
        }
    }
    void newline() {
        out_.push_back('\n');
        out_.append(depth_ * 2, ' ');
    }

    // Bytes written as they are: printable ASCII but the quote and the backslash.
    static constexpr auto plain = [] {
        std::array<bool, 256> t{};
        for (unsigned c = 0x20; c < 0x80; ++c) {
            t[c] = c != '"' && c != '\\';
        }
        return t;
    }();

    // Eight bytes at once: none below 0x20, none from 0x80, no quote, no backslash.
    static bool plain8(char const* p) noexcept {
        constexpr std::uint64_t ones = 0x0101010101010101ULL;
        constexpr std::uint64_t high = 0x8080808080808080ULL;
        std::uint64_t x = 0;
        std::memcpy(&x, p, sizeof x);
        std::uint64_t const quote = x ^ (ones * '"');
        std::uint64_t const backslash = x ^ (ones * '\\');
        std::uint64_t const special =
            ((x - ones * 0x20U) & ~x) | ((quote - ones) & ~quote) | ((backslash - ones) & ~backslash) | x;
        return (special & high) == 0;
    }

    static constexpr std::size_t short_string = 60;

    [[nodiscard]] static bool all_plain(std::string_view s) noexcept {
        std::size_t const n = s.size();
        if (n < 8) {
            return std::ranges::all_of(s, [](char c) { return plain[static_cast<unsigned char>(c)]; });
        }
        for (std::size_t i = 0; i + 8 <= n; i += 8) {
            if (!plain8(s.data() + i)) {
                return false;
            }
        }
        return plain8(s.data() + n - 8); // the last eight, overlapping: no byte-by-byte tail
    }

    void write_string(std::string_view s) {
        static constexpr char hex[] = "0123456789abcdef";
        if (s.size() <= short_string && all_plain(s)) {
            char buf[short_string + 2];
            buf[0] = '"';
            std::memcpy(buf + 1, s.data(), s.size());
            buf[s.size() + 1] = '"';
            out_.append(buf, s.size() + 2);
            return;
        }
        out_.push_back('"');
        std::size_t i = 0;
        while (i < s.size()) {
            std::size_t j = i;
            while (s.size() - j >= 8 && plain8(s.data() + j)) {
                j += 8;
            }
            while (j < s.size() && plain[static_cast<unsigned char>(s[j])]) {
                ++j;
            }
            if (j != i) {
                out_.append(s.data() + i, j - i);
                i = j;
                if (i == s.size()) {
                    break;
                }
            }
            auto const c = static_cast<unsigned char>(s[i]);
            if (c < 0x80) {
                switch (c) {
                case '"': out_ += "\\\""; break;
                case '\\': out_ += "\\\\"; break;
                case '\n': out_ += "\\n"; break;
                case '\r': out_ += "\\r"; break;
                case '\t': out_ += "\\t"; break;
                case '\b': out_ += "\\b"; break;
                case '\f': out_ += "\\f"; break;
                default:
                    out_ += "\\u00";
                    out_.push_back(hex[c >> 4U]);
                    out_.push_back(hex[c & 0xFU]);
                }
                ++i;
                continue;
            }
            std::size_t const n = utf8_sequence_length(s, i);
            if (n == 0) {
                out_ += "\xEF\xBF\xBD";
                ++i;
                continue;
            }
            // JavaScript treats U+2028 and U+2029 as line ends; DRF escapes them.
            if (n == 3 && c == 0xE2 && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
                (static_cast<unsigned char>(s[i + 2]) & 0xFEU) == 0xA8) {
                out_ += static_cast<unsigned char>(s[i + 2]) == 0xA8 ? "\\u2028" : "\\u2029";
            } else {
                out_.append(s.data() + i, n);
            }
            i += n;
        }
        out_.push_back('"');
    }

    std::string& out_;
    bool pretty_;
    // Whether the innermost open container has nothing in it yet. No stack is needed: a
    // container opens only after separate() has marked its parent non-empty, so every outer
    // container is non-empty while an inner one is open.
    std::size_t depth_ = 0;
    bool empty_ = false;
};

} // namespace authentik::events::schema

#endif
