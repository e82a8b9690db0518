#ifndef AUTHENTIK_EVENTS_SCHEMA_DETAIL_TOKEN_HPP
#define AUTHENTIK_EVENTS_SCHEMA_DETAIL_TOKEN_HPP

#include <authentik/events/schema/json_writer.hpp>
#include <authentik/events/schema/read_context.hpp>

#include <boost/json/kind.hpp>
#include <boost/json/storage_ptr.hpp>
#include <boost/json/value.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

namespace authentik::events::schema::detail {

// One scalar as the streaming parser received it. It answers the questions a scalar codec asks
// of a boost::json::value (is_string, get_int64, ...), so the codecs read it without a DOM node
// being built; the string it views lives in the parser's input or buffer for the call only.
class scalar_token {
public:
    static scalar_token null() noexcept { return scalar_token(boost::json::kind::null); }
    static scalar_token boolean(bool b) noexcept {
        scalar_token t(boost::json::kind::bool_);
        t.b_ = b;
        return t;
    }
    static scalar_token int64(std::int64_t i) noexcept {
        scalar_token t(boost::json::kind::int64);
        t.i_ = i;
        return t;
    }
    static scalar_token uint64(std::uint64_t u) noexcept {
        scalar_token t(boost::json::kind::uint64);
        t.u_ = u;
        return t;
    }
    static scalar_token double_(double d) noexcept {
        scalar_token t(boost::json::kind::double_);
        t.d_ = d;
        return t;
    }
    static scalar_token string(std::string_view s) noexcept {
        scalar_token t(boost::json::kind::string);
        t.s_ = s;
        return t;
    }

    [[nodiscard]] boost::json::kind kind() const noexcept { return kind_; }
    [[nodiscard]] bool is_null() const noexcept { return kind_ == boost::json::kind::null; }
    [[nodiscard]] bool is_bool() const noexcept { return kind_ == boost::json::kind::bool_; }
    [[nodiscard]] bool is_int64() const noexcept { return kind_ == boost::json::kind::int64; }
    [[nodiscard]] bool is_uint64() const noexcept { return kind_ == boost::json::kind::uint64; }
    [[nodiscard]] bool is_double() const noexcept { return kind_ == boost::json::kind::double_; }
    [[nodiscard]] bool is_number() const noexcept { return is_int64() || is_uint64() || is_double(); }
    [[nodiscard]] bool is_string() const noexcept { return kind_ == boost::json::kind::string; }
    [[nodiscard]] static constexpr bool is_object() noexcept { return false; }
    [[nodiscard]] static constexpr bool is_array() noexcept { return false; }

    [[nodiscard]] bool get_bool() const noexcept { return b_; }
    [[nodiscard]] std::int64_t get_int64() const noexcept { return i_; }
    [[nodiscard]] std::uint64_t get_uint64() const noexcept { return u_; }
    [[nodiscard]] double get_double() const noexcept { return d_; }
    [[nodiscard]] std::string_view get_string() const noexcept { return s_; }

    /// The same scalar as a DOM node, for a member that keeps JSON values.
    [[nodiscard]] boost::json::value to_value(boost::json::storage_ptr sp = {}) const {
        switch (kind_) {
        case boost::json::kind::bool_: return boost::json::value(b_, std::move(sp));
        case boost::json::kind::int64: return boost::json::value(i_, std::move(sp));
        case boost::json::kind::uint64: return boost::json::value(u_, std::move(sp));
        case boost::json::kind::double_: return boost::json::value(d_, std::move(sp));
        case boost::json::kind::string:
            return boost::json::value(boost::json::string_view(s_.data(), s_.size()), std::move(sp));
        case boost::json::kind::null:
        case boost::json::kind::array:
        case boost::json::kind::object: break;
        }
        return boost::json::value(nullptr, std::move(sp));
    }

    /// Writes the scalar as json_writer writes the equal boost::json::value.
    void write(json_writer& w) const {
        switch (kind_) {
        case boost::json::kind::bool_: w.boolean(b_); break;
        case boost::json::kind::int64: w.integer(i_); break;
        case boost::json::kind::uint64: w.integer(u_); break;
        case boost::json::kind::double_: w.number(d_); break;
        case boost::json::kind::string: w.string(s_); break;
        case boost::json::kind::null:
        case boost::json::kind::array:
        case boost::json::kind::object: w.null(); break;
        }
    }

    /// The offending value of a problem, quoted as quote_value quotes the equal DOM node. A
    /// hidden friend, found by argument-dependent lookup only, so it hides no other overload.
    [[nodiscard]] friend std::string quote_value(scalar_token const& t) {
        std::string text;
        json_writer w(text);
        t.write(w);
        return shorten_quoted(std::move(text));
    }

private:
    explicit scalar_token(boost::json::kind k) noexcept : kind_(k) {}

    boost::json::kind kind_;
    bool b_ = false;
    std::int64_t i_ = 0;
    std::uint64_t u_ = 0;
    double d_ = 0;
    std::string_view s_;
};

} // namespace authentik::events::schema::detail

#endif
