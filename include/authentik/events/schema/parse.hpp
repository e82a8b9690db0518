#ifndef AUTHENTIK_EVENTS_SCHEMA_PARSE_HPP
#define AUTHENTIK_EVENTS_SCHEMA_PARSE_HPP

#include <authentik/events/schema/codec.hpp>
#include <authentik/events/schema/describe.hpp>
#include <authentik/events/schema/detail/dom_parser.hpp>
#include <authentik/events/schema/options.hpp>
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

inline problem_list out_of_memory(parse_options const& opt) {
    problem_list p(opt.max_problems);
    p.add(problem{"", error::out_of_memory, "an allocation failed", {}, "parse_error", "Out of memory."});
    return p;
}

// Boost.JSON throws std::length_error or system_error past its own size limits (a string over
// 2 GiB, an object over its maximum size); the non-throwing API turns that into a problem.
inline problem_list container_limit(parse_options const& opt, char const* what) {
    problem_list p(opt.max_problems);
    p.add(problem{"", error::size_exceeded, std::string("a container limit was reached: ") + what, {},
                  "parse_error", "JSON parse error - document too large"});
    return p;
}

} // namespace detail

/// Parses and validates JSON text as a T; never throws. Every problem is reported, each at
/// its JSON Pointer: syntax, limits, repeated keys, then every field's rules.
template <described T>
[[nodiscard]] result<T> parse(std::string_view text, parse_options const& opt = {}) noexcept {
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
