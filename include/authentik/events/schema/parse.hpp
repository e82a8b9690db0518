#ifndef AUTHENTIK_EVENTS_SCHEMA_PARSE_HPP
#define AUTHENTIK_EVENTS_SCHEMA_PARSE_HPP

#include <authentik/events/schema/codec.hpp>
#include <authentik/events/schema/describe.hpp>
#include <authentik/events/schema/detail/dom_parser.hpp>
#include <authentik/events/schema/options.hpp>
#include <authentik/events/schema/parser.hpp>
#include <authentik/events/schema/result.hpp>

#include <boost/json/value.hpp>

#include <exception>
#include <new>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>

namespace authentik::events::schema {

namespace detail {

// The parser parse<T> reuses on this thread, so that a call allocates only for the value.
template <class T>
struct cached_parser {
    parser<T> p;
    bool busy = false; // a codec of the user's that parses a T while one is being read
};

} // namespace detail

/// Parses and validates JSON text as a T straight from its bytes; never throws. Every problem
/// is reported, each at its JSON Pointer: syntax, limits, repeated keys, then every field's
/// rules. Each thread keeps one parser<T> whose buffers every call reuses; for a memory
/// resource of one's own, or input in pieces, use a schema::parser<T>.
template <described T>
[[nodiscard]] result<T> parse(std::string_view text, parse_options const& opt = {}) noexcept {
    try {
        thread_local detail::cached_parser<T> cached;
        if (!cached.busy && cached.p.set_options(opt)) {
            cached.busy = true;
            result<T> r = cached.p.parse(text);
            cached.busy = false;
            return r;
        }
        parser<T> p(opt);
        return p.parse(text);
    } catch (std::bad_alloc const&) {
        return detail::out_of_memory(opt);
    }
}

/// Validates a Boost.JSON value as a T; never throws. The value is copied where the type keeps
/// free-form parts; a DOM one owns and discards can be moved in with the rvalue overload.
template <described T>
[[nodiscard]] result<T> validate(boost::json::value const& jv, parse_options const& opt = {}) noexcept {
    try {
        return detail::read_document<T>(jv, opt, problem_list(opt.max_problems));
    } catch (std::bad_alloc const&) {
        return detail::out_of_memory(opt);
    } catch (std::exception const& e) {
        return detail::container_limit(opt, e.what());
    }
}

/// Validates a Boost.JSON value as a T, moving its free-form parts out of it.
template <described T>
[[nodiscard]] result<T> validate(boost::json::value&& jv, parse_options const& opt = {}) noexcept {
    try {
        return detail::read_document<T>(jv, opt, problem_list(opt.max_problems));
    } catch (std::bad_alloc const&) {
        return detail::out_of_memory(opt);
    } catch (std::exception const& e) {
        return detail::container_limit(opt, e.what());
    }
}

/// parse(), throwing validation_failure (a boost::system::system_error) with every problem.
template <described T>
[[nodiscard]] T parse_or_throw(std::string_view text, parse_options const& opt = {}) {
    return parse<T>(text, opt).value();
}

/// validate(), throwing validation_failure with every problem.
template <described T>
[[nodiscard]] T validate_or_throw(boost::json::value const& jv, parse_options const& opt = {}) {
    return validate<T>(jv, opt).value();
}

} // namespace authentik::events::schema

#endif
