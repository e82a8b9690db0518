#ifndef AUTHENTIK_EVENTS_SCHEMA_PARSER_HPP
#define AUTHENTIK_EVENTS_SCHEMA_PARSER_HPP

#include <authentik/events/schema/codec.hpp>
#include <authentik/events/schema/describe.hpp>
#include <authentik/events/schema/detail/dom_parser.hpp>
#include <authentik/events/schema/detail/stream_handler.hpp>
#include <authentik/events/schema/detail/typed_ops.hpp>
#include <authentik/events/schema/options.hpp>
#include <authentik/events/schema/problem.hpp>
#include <authentik/events/schema/result.hpp>

#include <boost/json/basic_parser_impl.hpp>
#include <boost/json/storage_ptr.hpp>
#include <boost/json/value.hpp>

#include <cstddef>
#include <exception>
#include <new>
#include <string>
#include <string_view>
#include <utility>

namespace authentik::events::schema {

namespace detail {

/// The problems of a failed allocation. Storing the one problem takes an allocation too (its
/// texts fit in std::string's own buffer); when even that fails the list holds nothing but
/// counts the problem as dropped, so that a result still reads as failed and truncated.
inline problem_list out_of_memory(parse_options const& opt) noexcept {
    problem_list p(opt.max_problems);
    add_out_of_memory(p);
    return p;
}

// Boost.JSON throws std::length_error or system_error past its own size limits (a string over
// 2 GiB, an object over its maximum size); the non-throwing API turns that into a problem.
inline problem_list container_limit(parse_options const& opt, char const* what) noexcept {
    try {
        problem_list p(opt.max_problems);
        p.add(problem{"",
                      error::size_exceeded,
                      std::string("a container limit was reached: ") + what,
                      {},
                      "parse_error",
                      "JSON parse error - document too large"});
        return p;
    } catch (std::bad_alloc const&) {
        return out_of_memory(opt);
    }
}

template <class T, class JV>
result<T> read_document(JV& jv, parse_options const& opt, problem_list problems) {
    read_context cx(opt, problems);
    T out{};
    bool const ok = read_object(jv, out, cx);
    if (ok && problems.empty()) {
        return out;
    }
    return problems;
}

/// The two-pass reading parse() replaced: text to a DOM, then the DOM to a T. The streaming
/// parser must give exactly its results; the differential tests hold it to that.
template <described T>
[[nodiscard]] result<T> parse_via_dom(std::string_view text, parse_options const& opt = {}) noexcept {
    try {
        problem_list problems(opt.max_problems);
        boost::json::value dom;
        if (!detail::parse_dom(text, opt, problems, dom)) {
            return problems;
        }
        return detail::read_document<T>(dom, opt, std::move(problems));
    } catch (std::bad_alloc const&) {
        return detail::out_of_memory(opt);
    } catch (std::exception const& e) {
        return detail::container_limit(opt, e.what());
    }
}

template <class T>
void read_root(void* target, boost::json::value& v, read_context& cx) {
    (void)read_object(v, *static_cast<T*>(target), cx);
}

} // namespace detail

/// Parses and validates documents as T straight from their bytes, filling typed fields as the
/// tokens arrive; free-form members are built in the parser's storage. One parser reads many
/// documents in turn and keeps its buffers between them, so a reused parser allocates only for
/// what the values themselves hold. Input may come whole (parse) or in pieces (write, finish).
/// Results equal parse_dom + validate's: the same value, or the same problems in the same order.
/// Not thread-safe; use one parser per thread.
template <described T>
class parser {
public:
    /// `sp` is the storage of the free-form members (`context`, `user`, ...) of the values
    /// returned; it must outlive them.
    explicit parser(parse_options const& opt = {}, boost::json::storage_ptr sp = {})
        : opt_(opt), p_(detail::tokenizer_options(opt_), opt_, std::move(sp)), oom_(detail::out_of_memory(opt_)) {
        reset();
    }

    parser(parser const&) = delete;
    parser& operator=(parser const&) = delete;
    ~parser() = default;

    /// The options every document is read with.
    [[nodiscard]] parse_options const& options() const noexcept { return opt_; }

    /// Takes other options from the next document on (the next parse(), or after finish() or
    /// reset()); false, and nothing changes, when `opt.max_depth` is deeper than the depth the
    /// parser was built for.
    bool set_options(parse_options const& opt) noexcept {
        if (opt.max_depth > built_depth_) {
            return false;
        }
        opt_ = opt;
        return true;
    }

    /// Reads one whole document; never throws.
    [[nodiscard]] result<T> parse(std::string_view text) noexcept {
        reset();
        result<T> r = guarded([&] {
            if (!detail::check_document_size(text.size(), opt_, p_.handler().tokenizer_problems())) {
                return result<T>(p_.handler().take_parse_problems());
            }
            p_.handler().count_repeated_keys(true);
            p_.handler().set_input(text);
            if (!detail::feed(p_, text, false, 0, p_.handler().tokenizer_problems())) {
                if (!p_.handler().needs_rereading()) {
                    return result<T>(p_.handler().take_parse_problems());
                }
                // Perhaps a repeated key inside a free-form member: read again, remembering every key.
                reset();
                p_.handler().count_repeated_keys(false);
                p_.handler().set_input(text);
                if (!detail::feed(p_, text, false, 0, p_.handler().tokenizer_problems())) {
                    return result<T>(p_.handler().take_parse_problems());
                }
            }
            return done();
        });
        p_.handler().count_repeated_keys(false);
        spent_ = true;
        return r;
    }

    /// Starts a new document, dropping what was written of the last one.
    void reset() noexcept {
        if (oom_.empty()) { // handed out by the last document
            oom_ = detail::out_of_memory(opt_);
        }
        p_.reset();
        value_ = T{};
        fed_ = 0;
        failed_ = false;
        spent_ = false;
        p_.handler().begin(detail::root_binding{&value_, &detail::object_ops_of<T>(), &detail::read_root<T>, nullptr});
    }

    /// Feeds the next piece of the document; false once it cannot be a valid document (finish()
    /// then gives the problems). Never throws.
    bool write(std::string_view chunk) noexcept {
        if (spent_) { // parse() read the last document whole
            reset();
        }
        if (failed_) {
            return false;
        }
        try {
            fed_ += chunk.size();
            if (!detail::check_fed_size(fed_, opt_, p_.handler().tokenizer_problems())) {
                failed_ = true;
                return false;
            }
            failed_ = !detail::feed(p_, chunk, true, fed_ - chunk.size(), p_.handler().tokenizer_problems());
        } catch (std::exception const&) {
            failed_ = true;
            alloc_failed_ = true;
        }
        return !failed_;
    }

    /// Ends the document written in pieces and returns it, or every problem found; the parser is
    /// then ready for the next document. Never throws.
    [[nodiscard]] result<T> finish() noexcept {
        if (spent_) {
            reset();
        }
        result<T> r = guarded([&] {
            if (alloc_failed_) {
                alloc_failed_ = false;
                return result<T>(out_of_memory());
            }
            if (failed_ || !detail::feed(p_, std::string_view(), false, fed_, p_.handler().tokenizer_problems())) {
                return result<T>(p_.handler().take_parse_problems());
            }
            return done();
        });
        reset();
        return r;
    }

    /// Bytes written since the document began.
    [[nodiscard]] std::size_t bytes_written() const noexcept { return fed_; }

private:
    template <class F>
    result<T> guarded(F&& f) noexcept {
        try {
            return f();
        } catch (std::bad_alloc const&) {
            return out_of_memory();
        } catch (std::exception const& e) {
            return detail::container_limit(opt_, e.what());
        }
    }

    // The list built while memory was there, so that running out of it can still be reported
    // with its problem; reset() builds the next one.
    problem_list out_of_memory() noexcept {
        return oom_.empty() ? detail::out_of_memory(opt_) : std::exchange(oom_, problem_list(opt_.max_problems));
    }

    result<T> done() {
        if (p_.handler().clean()) {
            return std::move(value_);
        }
        return take_problems();
    }
    result<T> take_problems() { return p_.handler().take_problems(); }

    parse_options opt_;
    std::size_t built_depth_ = opt_.max_depth;
    T value_{};
    boost::json::basic_parser<detail::stream_handler> p_;
    std::size_t fed_ = 0;
    bool failed_ = false;
    bool alloc_failed_ = false;
    bool spent_ = false;
    problem_list oom_;
};

} // namespace authentik::events::schema

#endif
