#ifndef AUTHENTIK_EVENTS_TOOLS_LABELLED_FIXTURE_HPP
#define AUTHENTIK_EVENTS_TOOLS_LABELLED_FIXTURE_HPP

// The line `fixtures --invalid` writes and `validate --expect` reads back:
// {"payload":"<text>","expect":[{"pointer":"/created","code":"invalid_date_time"}],"strict":false,"rule":"..."}
// with "payload_base64" in place of "payload" for bytes that are not valid UTF-8. Both sides
// live here so that the format has one definition.

#include "cli.hpp"

#include <authentik/events/fixtures/mutations.hpp>
#include <authentik/events/schema/error.hpp>
#include <authentik/events/schema/json_writer.hpp>
#include <authentik/events/schema/utf8.hpp>

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

namespace authentik_events_cli {

namespace fx = authentik::events::fixtures;

inline constexpr std::string_view base64_alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// RFC 4648 base64, with padding.
[[nodiscard]] inline std::string base64_encode(std::string_view bytes) {
    std::string out;
    out.reserve((bytes.size() + 2) / 3 * 4);
    for (std::size_t i = 0; i < bytes.size(); i += 3) {
        std::size_t const n = std::min<std::size_t>(3, bytes.size() - i);
        std::uint32_t v = 0;
        for (std::size_t k = 0; k < 3; ++k) {
            v = (v << 8U) | (k < n ? static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[i + k])) : 0U);
        }
        for (std::size_t k = 0; k < 4; ++k) {
            out.push_back(k <= n ? base64_alphabet[(v >> (18U - 6U * k)) & 63U] : '=');
        }
    }
    return out;
}

/// Decodes RFC 4648 base64 with padding; nullopt for anything else.
[[nodiscard]] inline std::optional<std::string> base64_decode(std::string_view text) {
    if (text.size() % 4 != 0) {
        return std::nullopt;
    }
    std::string out;
    out.reserve(text.size() / 4 * 3);
    for (std::size_t i = 0; i < text.size(); i += 4) {
        std::uint32_t v = 0;
        std::size_t pad = 0;
        for (std::size_t k = 0; k < 4; ++k) {
            char const c = text[i + k];
            bool const last_group = i + 4 == text.size();
            if (c == '=' && last_group && k >= 2 && (k == 3 || text[i + 3] == '=')) {
                ++pad;
                v <<= 6U;
                continue;
            }
            std::size_t const d = base64_alphabet.find(c);
            if (d == std::string_view::npos || pad > 0) {
                return std::nullopt;
            }
            v = (v << 6U) | static_cast<std::uint32_t>(d);
        }
        for (std::size_t k = 0; k < 3 - pad; ++k) {
            out.push_back(static_cast<char>((v >> (16U - 8U * k)) & 0xFFU));
        }
    }
    return out;
}

/// Appends one labelled line (and its newline) for an invalid fixture.
inline void append_labelled(std::string& out, fx::invalid_fixture const& f, bool pretty) {
    schema::json_writer w(out, pretty);
    w.begin_object();
    if (schema::is_valid_utf8(f.payload)) { // else it cannot travel as a JSON string unchanged
        w.key("payload");
        w.string(f.payload);
    } else {
        w.key("payload_base64");
        w.string(base64_encode(f.payload));
    }
    w.key("expect");
    w.begin_array();
    for (auto const& p : f.expect) {
        w.element();
        w.begin_object();
        w.key("pointer");
        w.string(p.pointer);
        w.key("code");
        w.string(schema::to_string(p.code));
        w.end_object();
    }
    w.end_array();
    w.key("strict");
    w.boolean(f.strict);
    w.key("rule");
    w.string(f.rule);
    w.end_object();
    out.push_back('\n');
}

/// A labelled line read back: the payload's bytes, what it must produce, and how to parse it.
struct labelled_fixture {
    std::string payload;
    std::vector<std::pair<std::string, std::string>> expect; ///< (pointer, code), as written
    bool strict = false;
    std::string rule;
};

/// Reads one labelled line; nullopt with the reason in `why` when it is not one.
[[nodiscard]] inline std::optional<labelled_fixture> read_labelled(std::string_view line, std::string& why) {
    boost::system::error_code ec;
    boost::json::value const v = boost::json::parse(line, ec);
    if (ec || !v.is_object()) {
        why = ec ? "not JSON: " + ec.message() : std::string("not a JSON object");
        return std::nullopt;
    }
    auto const& o = v.get_object();
    labelled_fixture out;
    if (auto const* p = o.if_contains("payload"); p != nullptr && p->is_string()) {
        out.payload = p->get_string();
    } else if (auto const* b = o.if_contains("payload_base64"); b != nullptr && b->is_string()) {
        auto bytes = base64_decode(b->get_string());
        if (!bytes) {
            why = "\"payload_base64\" is not base64";
            return std::nullopt;
        }
        out.payload = std::move(*bytes);
    } else {
        why = "no string \"payload\" or \"payload_base64\"";
        return std::nullopt;
    }
    auto const* expect = o.if_contains("expect");
    if (expect == nullptr || !expect->is_array()) {
        why = "no array \"expect\"";
        return std::nullopt;
    }
    for (auto const& e : expect->get_array()) {
        auto const* item = e.if_object();
        auto const* pointer = item != nullptr ? item->if_contains("pointer") : nullptr;
        auto const* code = item != nullptr ? item->if_contains("code") : nullptr;
        if (pointer == nullptr || code == nullptr || !pointer->is_string() || !code->is_string()) {
            why = "an \"expect\" item is not {\"pointer\":string,\"code\":string}";
            return std::nullopt;
        }
        out.expect.emplace_back(pointer->get_string(), code->get_string());
    }
    if (auto const* s = o.if_contains("strict"); s != nullptr) {
        if (!s->is_bool()) {
            why = "\"strict\" is not a boolean";
            return std::nullopt;
        }
        out.strict = s->get_bool();
    }
    if (auto const* r = o.if_contains("rule"); r != nullptr && r->is_string()) {
        out.rule = r->get_string();
    }
    return out;
}

} // namespace authentik_events_cli

#endif
