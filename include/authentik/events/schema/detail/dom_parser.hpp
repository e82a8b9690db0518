#ifndef AUTHENTIK_EVENTS_SCHEMA_DETAIL_DOM_PARSER_HPP
#define AUTHENTIK_EVENTS_SCHEMA_DETAIL_DOM_PARSER_HPP

#include <authentik/events/schema/drf.hpp>
#include <authentik/events/schema/json_pointer.hpp>
#include <authentik/events/schema/options.hpp>
#include <authentik/events/schema/problem.hpp>
#include <authentik/events/schema/read_context.hpp>

#include <boost/json/basic_parser_impl.hpp>
#include <boost/json/error.hpp>
#include <boost/json/value.hpp>

#include <charconv>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <new>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

namespace authentik::events::schema::detail {

/// The text of a value for a message: whole when short, else its first 40 bytes and its length.
[[nodiscard]] inline std::string abbreviated(std::string_view text) {
    constexpr std::size_t keep = 40;
    if (text.size() <= keep + 24) {
        return std::string(text);
    }
    return std::string(text.substr(0, keep)) + "... (" + std::to_string(text.size()) + " bytes)";
}

/// Re-reads a double's text (`number` holds its earlier parts, `tail` the last) with
/// std::from_chars, which rounds correctly where Boost.JSON 1.81's fast path may not. Returns
/// why the number cannot be held, or "" when it can: beyond the range of a double, or an
/// integer beyond 64 bits, which Boost.JSON would keep as a double without its last digits
/// (Python's json writes such integers exactly, so they are refused rather than rounded).
[[nodiscard]] inline std::string exact_double(std::string& number, boost::json::string_view tail, double& d) {
    number.append(tail.data(), tail.size());
    if (number.empty()) { // no text: a double already read exactly, handed on (a repeated key's)
        return {};
    }
    if (number.find_first_of(".eE") == std::string::npos) {
        return "integer " + abbreviated(number) + " does not fit in 64 bits; as a double it would lose digits";
    }
    double exact = d;
    auto const r = std::from_chars(number.data(), number.data() + number.size(), exact);
    if (r.ec == std::errc::result_out_of_range && std::isinf(d)) {
        return "number " + abbreviated(number) + " is out of the range of a double";
    }
    if (r.ec == std::errc{}) {
        d = exact;
    }
    return {};
}

/// Adds the problem of a failed allocation. Its texts fit in std::string's own buffer, so only
/// the list's slot allocates; when even that fails the problem is counted as dropped.
inline void add_out_of_memory(problem_list& p) noexcept {
    try {
        p.add(problem{"", error::out_of_memory, "out of memory", {}, "parse_error", "Out of memory."});
    } catch (std::bad_alloc const&) {
        p.drop();
    }
}

/// A problem that ends a parse (a limit, a number out of range), at the place it was found.
inline problem stop_problem(std::string pointer, error code, std::string message) {
    return problem{
        std::move(pointer), code, std::move(message), {}, "parse_error", drf::parse_error(to_string(code)).message};
}
[[nodiscard]] inline std::string too_long_message(parse_options const& opt) {
    return "string longer than the limit of " + std::to_string(opt.max_string_length) + " bytes";
}
[[nodiscard]] inline std::string too_deep_message(parse_options const& opt) {
    return "nesting deeper than the limit of " + std::to_string(opt.max_depth) + " levels";
}

// Builds a Boost.JSON DOM from basic_parser events. Unlike boost::json::parse it sees every
// key as it arrives, so it can report a repeated key (boost::json::parse keeps one silently),
// enforce the string and depth limits with a pointer to the place, and re-read doubles with
// std::from_chars, which rounds correctly where Boost.JSON 1.81's fast path may not.
class dom_handler {
public:
    static constexpr std::size_t max_object_size = static_cast<std::size_t>(-1);
    static constexpr std::size_t max_array_size = static_cast<std::size_t>(-1);
    static constexpr std::size_t max_key_size = static_cast<std::size_t>(-1);
    static constexpr std::size_t max_string_size = static_cast<std::size_t>(-1);

    dom_handler(parse_options const& o, problem_list& p) : opt_(o), problems_(p) {}

    /// Where split_array sends elements.
    struct element_sink {
        std::string_view key;
        std::function<void()> begin;
        std::function<void(boost::json::value&&, std::size_t)> deliver;
    };

    /// Hands each element of the top-level array member `key` to `deliver(value, index)` as it
    /// completes, instead of keeping it: a page of any length is then held one element at a time.
    /// `begin()` is called when that array opens, before its first element.
    void split_array(std::string_view key, std::function<void()> begin,
                     std::function<void(boost::json::value&&, std::size_t)> deliver) {
        split_key_ = key;
        begin_ = std::move(begin);
        deliver_ = std::move(deliver);
    }

    /// The value read, once complete(); moved out by whoever asked for it.
    [[nodiscard]] boost::json::value& root() noexcept { return root_; }

    /// Starts a new value that sits at `base` (its pointer) under `depth` open containers: the
    /// streaming parser builds a value it must only quote (a repeated key's) this way.
    void restart(std::string base, std::size_t depth) {
        root_ = nullptr;
        stack_.clear();
        part_.clear();
        number_.clear();
        base_ = std::move(base);
        base_depth_ = depth;
        complete_ = false;
    }
    /// Whether the value begun by restart() has ended.
    [[nodiscard]] bool complete() const noexcept { return complete_; }

    // The pointer of the place the parser is at, for problems found mid-document.
    [[nodiscard]] std::string current_pointer() const {
        std::string p = base_;
        for (auto const& f : stack_) {
            if (f.v.is_object()) {
                if (f.has_key) {
                    append_pointer_token(p, f.key);
                }
            } else {
                append_pointer_token(p, f.split ? f.delivered : f.v.get_array().size());
            }
        }
        return p;
    }

    static bool on_document_begin(boost::system::error_code&) { return true; }
    static bool on_document_end(boost::system::error_code&) { return true; }

    bool on_object_begin(boost::system::error_code& ec) { return open(boost::json::object{}, ec); }
    bool on_object_end(std::size_t, boost::system::error_code&) { return close(); }
    bool on_array_begin(boost::system::error_code& ec) { return open(boost::json::array{}, ec); }
    bool on_array_end(std::size_t, boost::system::error_code&) { return close(); }

    bool on_key_part(boost::json::string_view s, std::size_t n, boost::system::error_code& ec) {
        if (!check_length(n, ec)) {
            return false;
        }
        part_.append(s.data(), s.size());
        return true;
    }
    bool on_key(boost::json::string_view s, std::size_t n, boost::system::error_code& ec) {
        if (!check_length(n, ec)) {
            return false;
        }
        auto& f = stack_.back();
        if (part_.empty()) {
            f.key.assign(s.data(), s.size());
        } else {
            part_.append(s.data(), s.size());
            f.key.swap(part_);
            part_.clear();
        }
        f.has_key = true;
        return true;
    }
    bool on_string_part(boost::json::string_view s, std::size_t n, boost::system::error_code& ec) {
        if (!check_length(n, ec)) {
            return false;
        }
        part_.append(s.data(), s.size());
        return true;
    }
    bool on_string(boost::json::string_view s, std::size_t n, boost::system::error_code& ec) {
        if (!check_length(n, ec)) {
            return false;
        }
        if (part_.empty()) {
            return put(boost::json::value(s));
        }
        part_.append(s.data(), s.size());
        bool const ok = put(boost::json::value(boost::json::string_view(part_)));
        part_.clear();
        return ok;
    }
    bool on_number_part(boost::json::string_view s, boost::system::error_code&) {
        number_.append(s.data(), s.size());
        return true;
    }
    bool on_int64(std::int64_t i, boost::json::string_view, boost::system::error_code&) {
        number_.clear();
        return put(boost::json::value(i));
    }
    bool on_uint64(std::uint64_t u, boost::json::string_view, boost::system::error_code&) {
        number_.clear();
        return put(boost::json::value(u));
    }
    bool on_double(double d, boost::json::string_view s, boost::system::error_code& ec) {
        if (std::string why = exact_double(number_, s, d); !why.empty()) {
            return stop(error::invalid_json, std::move(why), ec);
        }
        number_.clear();
        return put(boost::json::value(d));
    }
    bool on_bool(bool b, boost::system::error_code&) { return put(boost::json::value(b)); }
    bool on_null(boost::system::error_code&) { return put(boost::json::value(nullptr)); }
    static bool on_comment_part(boost::json::string_view, boost::system::error_code&) { return true; }
    static bool on_comment(boost::json::string_view, boost::system::error_code&) { return true; }

private:
    struct frame {
        boost::json::value v;
        std::string key;
        bool has_key = false;
        bool split = false; // the array whose elements go to deliver_
        std::size_t delivered = 0;
    };

    bool stop(error code, std::string message, boost::system::error_code& ec) {
        problems_.add(stop_problem(current_pointer(), code, std::move(message)));
        ec = make_error_code(code);
        return false;
    }

    bool check_length(std::size_t n, boost::system::error_code& ec) {
        if (n <= opt_.max_string_length) {
            return true;
        }
        return stop(error::size_exceeded, too_long_message(opt_), ec);
    }

    bool open(boost::json::value v, boost::system::error_code& ec) {
        if (stack_.size() + base_depth_ >= opt_.max_depth) {
            return stop(error::depth_exceeded, too_deep_message(opt_), ec);
        }
        // Only the first array under the key is walked: a repeated key is reported by put()
        // when the second one closes, and its elements are kept out of the walk.
        bool const split = deliver_ && v.is_array() && stack_.size() == 1 && stack_[0].has_key &&
                           stack_[0].key == split_key_ && !stack_[0].v.get_object().contains(split_key_);
        if (split && begin_) {
            begin_();
        }
        stack_.push_back(frame{std::move(v), {}, false, split, 0});
        return true;
    }

    bool close() {
        boost::json::value v = std::move(stack_.back().v);
        stack_.pop_back();
        return put(std::move(v));
    }

    bool put(boost::json::value v) {
        if (stack_.empty()) {
            root_ = std::move(v);
            complete_ = true;
            return true;
        }
        auto& f = stack_.back();
        if (f.split) {
            deliver_(std::move(v), f.delivered++);
            return true;
        }
        if (f.v.is_array()) {
            f.v.get_array().push_back(std::move(v));
            return true;
        }
        auto& obj = f.v.get_object();
        if (auto* existing = obj.if_contains(f.key)) {
            if (opt_.allow_duplicate_keys) {
                *existing = std::move(v);
            } else {
                // Keep the first and go on: every other problem is still worth reporting.
                auto w = drf::duplicate_key();
                problems_.add(problem{current_pointer(), error::duplicate_key,
                                      "duplicate key \"" + f.key + "\"; the first value is kept", quote_value(v),
                                      w.code, std::move(w.message)});
            }
        } else {
            obj.emplace(f.key, std::move(v));
        }
        f.has_key = false;
        return true;
    }

    parse_options const& opt_;
    problem_list& problems_;
    boost::json::value root_;
    std::vector<frame> stack_;
    std::string part_;
    std::string number_;
    std::string_view split_key_;
    std::function<void()> begin_;
    std::function<void(boost::json::value&&, std::size_t)> deliver_;
    std::string base_;
    std::size_t base_depth_ = 0;
    bool complete_ = false;
};

/// Feeds text to a basic_parser whose handler has current_pointer() and reports to `problems`;
/// returns false when the text is not a usable document. `offset` is the bytes fed before (for
/// the byte position of a syntax error); with `more`, the document may go on in a later call.
/// Boost.JSON's words for a syntax error, but one wording for an unpaired `\u` surrogate: 1.81
/// calls the same lone trailing surrogate "leading" in a whole text and "trailing" in pieces
/// (found by the fuzzer), and the problem must not depend on how the input was cut.
[[nodiscard]] inline std::string syntax_error_text(boost::system::error_code const& ec) {
    if (ec == boost::json::error::illegal_leading_surrogate || ec == boost::json::error::illegal_trailing_surrogate) {
        return "unpaired UTF-16 surrogate in a \\u escape";
    }
    return ec.message();
}

template <class Handler>
bool feed(boost::json::basic_parser<Handler>& p, std::string_view text, bool more, std::size_t offset,
          problem_list& problems) {
    boost::system::error_code ec;
    std::size_t const n = p.write_some(more, text.data(), text.size(), ec);
    if (ec) {
        if (ec.category() != error_category()) { // the handler has reported its own stops
            std::string const what = syntax_error_text(ec);
            auto w = drf::parse_error(what);
            problems.add(problem{p.handler().current_pointer(),
                                 error::invalid_json,
                                 "invalid JSON at byte " + std::to_string(offset + n) + ": " + what,
                                 {},
                                 w.code,
                                 std::move(w.message)});
        }
        return false;
    }
    if (n < text.size()) {
        auto w = drf::parse_error("extra data");
        problems.add(problem{"",
                             error::invalid_json,
                             "invalid JSON at byte " + std::to_string(offset + n) + ": extra data after the document",
                             {},
                             w.code,
                             std::move(w.message)});
        return false;
    }
    return true;
}

/// The size check every parse starts with.
inline bool check_document_size(std::size_t size, parse_options const& opt, problem_list& problems) {
    if (size <= opt.max_bytes) {
        return true;
    }
    auto w = drf::parse_error("document too large");
    problems.add(problem{"",
                         error::size_exceeded,
                         "document of " + std::to_string(size) + " bytes is larger than the limit of " +
                             std::to_string(opt.max_bytes),
                         {},
                         w.code,
                         std::move(w.message)});
    return false;
}

/// The size check of input given in pieces, once `fed` bytes have come: false (and the
/// problem added) past the limit, which stops a body that never ends without buffering it.
inline bool check_fed_size(std::size_t fed, parse_options const& opt, problem_list& problems) {
    if (fed <= opt.max_bytes) {
        return true;
    }
    auto w = drf::parse_error("document too large");
    problems.add(problem{"",
                         error::size_exceeded,
                         "document larger than the limit of " + std::to_string(opt.max_bytes) + " bytes",
                         {},
                         w.code,
                         std::move(w.message)});
    return false;
}

/// Boost.JSON's options for a parse with ours: our own depth check reports first, with a
/// pointer; saturated so that SIZE_MAX means unlimited.
inline boost::json::parse_options tokenizer_options(parse_options const& opt) noexcept {
    boost::json::parse_options bopt;
    bopt.max_depth = opt.max_depth == static_cast<std::size_t>(-1) ? opt.max_depth : opt.max_depth + 1;
    return bopt;
}

/// Parses text into a DOM, adding every problem found; returns false when the text is not a
/// usable document (syntax, limits), true when the DOM in `out` can be validated. With a
/// `split` sink, the elements of that top-level array go to it instead of into `out`.
inline bool parse_dom(std::string_view text, parse_options const& opt, problem_list& problems, boost::json::value& out,
                      dom_handler::element_sink split = {}) {
    if (!check_document_size(text.size(), opt, problems)) {
        return false;
    }
    boost::json::basic_parser<dom_handler> p(tokenizer_options(opt), opt, problems);
    if (split.deliver) {
        p.handler().split_array(split.key, std::move(split.begin), std::move(split.deliver));
    }
    if (!feed(p, text, false, 0, problems)) {
        return false;
    }
    out = std::move(p.handler().root());
    return true;
}

} // namespace authentik::events::schema::detail

#endif
