#ifndef AUTHENTIK_EVENTS_SCHEMA_READ_CONTEXT_HPP
#define AUTHENTIK_EVENTS_SCHEMA_READ_CONTEXT_HPP

#include <authentik/events/schema/drf.hpp>
#include <authentik/events/schema/json_pointer.hpp>
#include <authentik/events/schema/json_writer.hpp>
#include <authentik/events/schema/options.hpp>
#include <authentik/events/schema/problem.hpp>

#include <boost/json/value.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>

namespace authentik::events::schema {

/// Longest offending value quoted in a problem, in bytes, before it is cut with "...".
inline constexpr std::size_t max_quoted_value = 80;

/// Cuts quoted JSON text at max_quoted_value bytes on a UTF-8 boundary, marking the cut.
[[nodiscard]] inline std::string shorten_quoted(std::string text) {
    if (text.size() > max_quoted_value) {
        std::size_t cut = max_quoted_value;
        while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0U) == 0x80U) {
            --cut;
        }
        text.resize(cut);
        text += "...";
    }
    return text;
}

/// Compact JSON text of v, cut at max_quoted_value bytes on a UTF-8 boundary.
[[nodiscard]] inline std::string quote_value(boost::json::value const& v) {
    std::string text;
    json_writer w(text);
    w.value(v);
    return shorten_quoted(std::move(text));
}

/// Gives a read_context its pointer on demand: a reader that walks a document itself (the
/// streaming parser) knows where it is without spelling the pointer out at every key.
class pointer_source {
public:
    /// Appends the pointer of the value being read.
    virtual void write_pointer(std::string& out) const = 0;

protected:
    ~pointer_source() = default;
};

/// State of one read: options, the problems found, and the JSON Pointer of the current place.
class read_context {
public:
    /// `base` is the pointer of the value read, when it is part of a larger document.
    // cppcheck-suppress passedByValue ; moved into pointer_, a sink parameter
    read_context(parse_options const& options, problem_list& problems, std::string base = {}) noexcept
        : options_(options), problems_(problems), pointer_(std::move(base)) {}

    [[nodiscard]] parse_options const& options() const noexcept { return options_; }
    [[nodiscard]] problem_list& problems() noexcept { return problems_; }
    /// The pointer of the value being read.
    [[nodiscard]] std::string const& pointer() const {
        spell();
        return pointer_;
    }

    /// The pointer of the next value read comes from `source`, spelled only if it is needed.
    void point_lazily(pointer_source const* source) noexcept { source_ = source; }

    /// Restores the pointer when the read of a member or element ends.
    class scope {
    public:
        scope(std::string& p, std::string_view key) : p_(p), size_(p.size()) { append_pointer_token(p, key); }
        scope(std::string& p, std::size_t index) : p_(p), size_(p.size()) { append_pointer_token(p, index); }
        scope(scope const&) = delete;
        scope& operator=(scope const&) = delete;
        ~scope() { p_.resize(size_); }

    private:
        std::string& p_;
        std::size_t size_;
    };

    /// Descends into an object member.
    [[nodiscard]] scope enter(std::string_view key) {
        spell();
        return scope(pointer_, key);
    }
    /// Descends into an array element.
    [[nodiscard]] scope enter(std::size_t index) {
        spell();
        return scope(pointer_, index);
    }

    /// Records a problem at the current pointer.
    void fail(error code, std::string message, boost::json::value const* offending, drf::wording drf) {
        spell();
        if (problems_.full()) {
            problems_.add({}); // only counts it and marks the list truncated
            return;
        }
        problems_.add(problem{pointer_, code, std::move(message),
                              offending != nullptr ? quote_value(*offending) : std::string{}, drf.code,
                              std::move(drf.message)});
    }

    /// Records a problem whose offending value is a streaming parser's token, quoted the same way.
    template <class Token>
    void fail(error code, std::string message, Token const* offending, drf::wording drf) {
        spell();
        if (problems_.full()) {
            problems_.add({});
            return;
        }
        problems_.add(
            problem{pointer_, code, std::move(message), quote_value(*offending), drf.code, std::move(drf.message)});
    }

private:
    void spell() const {
        if (source_ != nullptr) {
            pointer_.clear();
            source_->write_pointer(pointer_);
            source_ = nullptr;
        }
    }

    parse_options const& options_;
    problem_list& problems_;
    mutable std::string pointer_;
    mutable pointer_source const* source_ = nullptr;
};

} // namespace authentik::events::schema

#endif
