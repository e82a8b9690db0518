#ifndef AUTHENTIK_EVENTS_SCHEMA_DRF_HPP
#define AUTHENTIK_EVENTS_SCHEMA_DRF_HPP

#include <authentik/events/schema/json_pointer.hpp>
#include <authentik/events/schema/problem.hpp>

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <cstddef>
#include <string>
#include <string_view>

/// Django REST framework's wording of each failure, and the 400 body a DRF server answers.
namespace authentik::events::schema::drf {

/// A DRF error: its code and its message.
struct wording {
    std::string_view code;
    std::string message;
};

/// `This field is required.`
[[nodiscard]] inline wording required() { return {"required", "This field is required."}; }
/// `This field may not be null.`
[[nodiscard]] inline wording null() { return {"null", "This field may not be null."}; }
/// `This field may not be blank.` (a minimum length of 1 broken)
[[nodiscard]] inline wording blank() { return {"blank", "This field may not be blank."}; }
/// `Ensure this field has at least N characters.`
[[nodiscard]] inline wording min_length(std::size_t n) {
    return {"min_length", "Ensure this field has at least " + std::to_string(n) + " characters."};
}
/// `"x" is not a valid choice.`
[[nodiscard]] inline wording invalid_choice(std::string_view text) {
    return {"invalid_choice", "\"" + std::string(text) + "\" is not a valid choice."};
}
/// `Must be a valid UUID.`
[[nodiscard]] inline wording invalid_uuid() { return {"invalid", "Must be a valid UUID."}; }
/// DRF's message for a date-time it cannot read.
[[nodiscard]] inline wording invalid_date_time() {
    return {"invalid", "Datetime has wrong format. Use one of these formats instead: "
                       "YYYY-MM-DDThh:mm[:ss[.uuuuuu]][+HH:MM|-HH:MM|Z]."};
}
/// `Enter a valid IPv4 or IPv6 address.`
[[nodiscard]] inline wording invalid_ip_address() { return {"invalid", "Enter a valid IPv4 or IPv6 address."}; }
/// `Expected a dictionary of items but got type "list".` (python_type: dict, list, str, int, ...)
[[nodiscard]] inline wording not_a_dict(std::string_view python_type) {
    return {"not_a_dict", "Expected a dictionary of items but got type \"" + std::string(python_type) + "\"."};
}
/// `Expected a list of items but got type "str".`
[[nodiscard]] inline wording not_a_list(std::string_view python_type) {
    return {"not_a_list", "Expected a list of items but got type \"" + std::string(python_type) + "\"."};
}
/// `Not a valid string.`
[[nodiscard]] inline wording not_a_string() { return {"invalid", "Not a valid string."}; }
/// `A valid number is required.`
[[nodiscard]] inline wording not_a_number() { return {"invalid", "A valid number is required."}; }
/// `A valid integer is required.`
[[nodiscard]] inline wording not_an_integer() { return {"invalid", "A valid integer is required."}; }
/// `Must be a valid boolean.`
[[nodiscard]] inline wording not_a_boolean() { return {"invalid", "Must be a valid boolean."}; }
/// `Invalid data. Expected a dictionary, but got list.` (the document itself is not an object)
[[nodiscard]] inline wording invalid_data(std::string_view python_type) {
    return {"invalid", "Invalid data. Expected a dictionary, but got " + std::string(python_type) + "."};
}
/// DRF answers unparseable bodies with `JSON parse error - ...`.
[[nodiscard]] inline wording parse_error(std::string_view detail) {
    return {"parse_error", "JSON parse error - " + std::string(detail)};
}
/// Not a DRF failure (Python keeps the last of two keys); this library's wording.
[[nodiscard]] inline wording duplicate_key() { return {"duplicate_key", "Duplicate key."}; }
/// Not a DRF failure (DRF ignores unknown keys); this library's wording for strict mode.
[[nodiscard]] inline wording unknown_field() { return {"unknown_field", "Unknown field."}; }

/// The name Python gives the type a JSON value parses to, as DRF quotes it.
template <class JV>
[[nodiscard]] std::string_view python_type_name(JV const& v) noexcept {
    switch (v.kind()) {
    case boost::json::kind::null: return "NoneType";
    case boost::json::kind::bool_: return "bool";
    case boost::json::kind::int64:
    case boost::json::kind::uint64: return "int";
    case boost::json::kind::double_: return "float";
    case boost::json::kind::string: return "str";
    case boost::json::kind::array: return "list";
    case boost::json::kind::object: return "dict";
    }
    return "object";
}

/// The 400 body a DRF server answers for these problems: each problem's DRF message under its
/// pointer's keys (`{"created":["Datetime has wrong format. ..."]}`). Problems about the whole
/// document, and text that is not JSON at all (DRF's parse errors), go to `non_field_errors`.
/// Pointers into arrays nest by index as object keys.
[[nodiscard]] inline boost::json::object to_body(problem_list const& problems) {
    boost::json::object body;
    for (auto const& p : problems) {
        boost::json::object* at = &body;
        std::string_view rest = p.drf_code == "parse_error" ? std::string_view{} : std::string_view(p.pointer);
        std::string key = "non_field_errors";
        while (!rest.empty()) {
            key = first_pointer_token(rest);
            std::size_t const next = rest.find('/', 1);
            rest = next == std::string_view::npos ? std::string_view{} : rest.substr(next);
            if (!rest.empty()) {
                auto& slot = (*at)[key];
                if (slot.is_array()) {
                    // Messages about the member itself move under its non_field_errors, as DRF
                    // nests a serializer's own errors, so that none is lost.
                    boost::json::object nested;
                    nested["non_field_errors"] = std::move(slot);
                    slot = std::move(nested);
                } else if (!slot.is_object()) {
                    slot = boost::json::object{};
                }
                at = &slot.get_object();
            }
        }
        auto* list = &(*at)[key];
        if (list->is_object()) {
            list = &list->get_object()["non_field_errors"];
        }
        if (!list->is_array()) {
            *list = boost::json::array{};
        }
        list->get_array().emplace_back(p.drf_message);
    }
    return body;
}

} // namespace authentik::events::schema::drf

#endif
