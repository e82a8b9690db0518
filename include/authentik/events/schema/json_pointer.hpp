#ifndef AUTHENTIK_EVENTS_SCHEMA_JSON_POINTER_HPP
#define AUTHENTIK_EVENTS_SCHEMA_JSON_POINTER_HPP

#include <cstddef>
#include <string>
#include <string_view>

namespace authentik::events::schema {

/// Appends one RFC 6901 reference token ("/" + token, with "~" as "~0" and "/" as "~1").
inline void append_pointer_token(std::string& pointer, std::string_view token) {
    pointer.push_back('/');
    for (char c : token) {
        if (c == '~') {
            pointer += "~0";
        } else if (c == '/') {
            pointer += "~1";
        } else {
            pointer.push_back(c);
        }
    }
}

/// Appends an array index as a reference token.
inline void append_pointer_token(std::string& pointer, std::size_t index) {
    pointer.push_back('/');
    pointer += std::to_string(index);
}

/// The first reference token of a pointer, unescaped ("" for the whole document).
[[nodiscard]] inline std::string first_pointer_token(std::string_view pointer) {
    std::string out;
    if (pointer.empty()) {
        return out;
    }
    for (std::size_t i = 1; i < pointer.size() && pointer[i] != '/'; ++i) {
        if (pointer[i] == '~' && i + 1 < pointer.size()) {
            out.push_back(pointer[i + 1] == '1' ? '/' : '~');
            ++i;
        } else {
            out.push_back(pointer[i]);
        }
    }
    return out;
}

} // namespace authentik::events::schema

#endif
