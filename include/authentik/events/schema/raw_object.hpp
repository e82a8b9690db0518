#ifndef AUTHENTIK_EVENTS_SCHEMA_RAW_OBJECT_HPP
#define AUTHENTIK_EVENTS_SCHEMA_RAW_OBJECT_HPP

#include <authentik/events/schema/codec.hpp>
#include <authentik/events/schema/detail/dom_parser.hpp>
#include <authentik/events/schema/export.hpp>
#include <authentik/events/schema/json_writer.hpp>
#include <authentik/events/schema/options.hpp>
#include <authentik/events/schema/problem.hpp>

#include <boost/json/object.hpp>
#include <boost/json/storage_ptr.hpp>
#include <boost/json/value.hpp>

#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>

namespace authentik::events::schema {

class raw_object;

namespace detail {
struct raw_access {
    static raw_object adopt(std::string text);
};
} // namespace detail

/// A free-form JSON object kept as text instead of a DOM: for forwarding and storing events
/// without touching their `context`. The text is checked JSON, compact, written as the server
/// writes it (json_writer's rules), so serializing it is a copy; to_object() builds the DOM
/// only when asked. Pick it per type: `basic_event<raw_object>` is `RawEvent`.
class raw_object {
public:
    /// The empty object, `{}`.
    raw_object() = default;
    /// The text of an object built in code.
    explicit raw_object(boost::json::object const& o) {
        json_writer w(text_);
        w.value(boost::json::value(o));
    }

    /// Compact JSON text of the object.
    [[nodiscard]] std::string_view text() const noexcept { return text_.empty() ? std::string_view("{}") : text_; }

    /// The object's DOM, in the given storage; throws only on allocation failure.
    [[nodiscard]] boost::json::object to_object(boost::json::storage_ptr sp = {}) const {
        if (text_.empty()) {
            return boost::json::object(std::move(sp));
        }
        parse_options opt;
        opt.max_depth = opt.max_bytes = opt.max_string_length = static_cast<std::size_t>(-1);
        opt.allow_duplicate_keys = true;
        problem_list problems;
        boost::json::value v;
        if (!detail::parse_dom(text_, opt, problems, v) || !v.is_object()) {
            throw std::logic_error("authentik::events::schema::raw_object: text is not a JSON object");
        }
        return boost::json::object(std::move(v.get_object()), std::move(sp));
    }

    /// Equal texts: the same members in the same order (a DOM compares without order).
    friend bool operator==(raw_object const& a, raw_object const& b) noexcept { return a.text() == b.text(); }

private:
    friend struct detail::raw_access;
    std::string text_;
};

inline raw_object detail::raw_access::adopt(std::string text) {
    raw_object r;
    r.text_ = std::move(text);
    return r;
}

/// Reads as a free-form object, keeping its text; writes the text back.
template <>
struct codec<raw_object> {
    static constexpr json_type type = json_type::object;

    template <class JV>
    static bool read(JV& jv, raw_object& out, field_options const& fo, read_context& cx) {
        if (!jv.is_object()) {
            detail::wrong_type(cx, jv, type, fo.format);
            return false;
        }
        std::string text;
        json_writer w(text);
        w.value(jv);
        out = detail::raw_access::adopt(std::move(text));
        return true;
    }
    static void write(raw_object const& v, json_writer& w) {
        if (w.is_pretty()) { // indentation needs the structure
            w.value(boost::json::value(v.to_object()));
        } else {
            w.raw(v.text());
        }
    }
    static boost::json::value to_value(raw_object const& v, boost::json::storage_ptr sp) {
        return boost::json::value(v.to_object(std::move(sp)));
    }
};

/// Exported as the free-form object it holds.
template <>
struct exporter<raw_object> : exporter<boost::json::object> {};

} // namespace authentik::events::schema

#endif
