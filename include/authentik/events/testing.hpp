#ifndef AUTHENTIK_EVENTS_TESTING_HPP
#define AUTHENTIK_EVENTS_TESTING_HPP

/// Boost.Test checks for described types: a payload is valid, a payload fails with a given
/// problem, a value round-trips. A failed check prints every problem found, not the first.
///
/// Not part of <authentik/events.hpp>: it includes Boost.Test, which only test programs link.
/// In a test module's main file define BOOST_TEST_MODULE before including this header.

#include <authentik/events/schema/describe.hpp>
#include <authentik/events/schema/error.hpp>
#include <authentik/events/schema/options.hpp>
#include <authentik/events/schema/parse.hpp>
#include <authentik/events/schema/problem.hpp>
#include <authentik/events/schema/serialize.hpp>

#include <boost/test/unit_test.hpp>

#include <cstddef>
#include <string>
#include <string_view>

namespace authentik::events::testing {

namespace detail {

template <class T>
[[nodiscard]] constexpr std::string_view type_name() noexcept {
    std::string_view const name = schema::descriptor_of<T>.info.name;
    return name.empty() ? std::string_view("the described type") : name;
}

// Payloads can be megabytes; a failure message quotes enough to recognise one.
[[nodiscard]] inline std::string_view excerpt(std::string_view text, std::size_t limit = 400) noexcept {
    return text.size() <= limit ? text : text.substr(0, limit);
}

inline void append_text(boost::test_tools::predicate_result& r, std::string_view label, std::string_view text) {
    r.message() << '\n' << label << ": " << excerpt(text);
    if (text.size() > excerpt(text).size()) {
        r.message() << "... (" << text.size() << " bytes)";
    }
}

inline void append_problems(boost::test_tools::predicate_result& r, schema::problem_list const& problems) {
    r.message() << problems.total() << (problems.total() == 1 ? " problem" : " problems");
    for (auto const& p : problems) {
        r.message() << "\n  " << p;
    }
    if (problems.truncated()) {
        r.message() << "\n  (" << problems.total() - problems.size() << " more dropped at the cap of "
                    << problems.size() << ")";
    }
}

} // namespace detail

/// The options round_trips() parses with by default: the library's defaults, except that
/// unknown keys are preserved, so a value's `unknown_fields` come back too.
[[nodiscard]] constexpr schema::parse_options round_trip_options() noexcept {
    schema::parse_options o;
    o.unknown_keys = schema::unknown_key_policy::preserve;
    return o;
}

/// Passes when `text` parses as a T without a problem; the failure message lists every problem.
template <schema::described T>
[[nodiscard]] boost::test_tools::predicate_result is_valid(std::string_view text,
                                                           schema::parse_options const& opt = {}) {
    auto const r = schema::parse<T>(text, opt);
    boost::test_tools::predicate_result out(r.has_value());
    if (!out) {
        out.message() << "not a valid " << detail::type_name<T>() << ": ";
        detail::append_problems(out, r.problems());
    }
    return out;
}

/// Passes when parsing `text` as a T reports `code` at exactly `pointer` ("" is the document),
/// among any others; the failure message lists every problem that was reported instead.
template <schema::described T>
[[nodiscard]] boost::test_tools::predicate_result has_problem(std::string_view text, std::string_view pointer,
                                                              schema::error code,
                                                              schema::parse_options const& opt = {}) {
    auto const r = schema::parse<T>(text, opt);
    bool found = false;
    for (auto const& p : r.problems()) {
        found = found || (p.code == code && p.pointer == pointer);
    }
    boost::test_tools::predicate_result out(found);
    if (!found) {
        out.message() << "expected " << schema::to_string(code) << " at \"" << pointer << "\"; ";
        if (r.has_value()) {
            out.message() << "the payload is a valid " << detail::type_name<T>();
        } else {
            out.message() << "got ";
            detail::append_problems(out, r.problems());
        }
    }
    return out;
}

/// Passes when `value` survives its own text: `parse(serialize(value)) == value`, the compact
/// text is written again byte for byte (`serialize` is idempotent), and the pretty text parses
/// back to `value` too. T needs `operator==`.
template <schema::described T>
[[nodiscard]] boost::test_tools::predicate_result round_trips(T const& value,
                                                              schema::parse_options const& opt = round_trip_options()) {
    using boost::test_tools::predicate_result;
    std::string const text = schema::serialize(value);
    auto const back = schema::parse<T>(text, opt);
    if (!back) {
        predicate_result out(false);
        out.message() << "serialize() wrote text that does not parse back as " << detail::type_name<T>() << ": ";
        detail::append_problems(out, back.problems());
        detail::append_text(out, "serialize(x)", text);
        return out;
    }
    std::string const again = schema::serialize(*back);
    if (!(*back == value)) {
        predicate_result out(false);
        out.message() << "parse(serialize(x)) != x";
        detail::append_text(out, "serialize(x)", text);
        detail::append_text(out, "serialize(parse(serialize(x)))", again);
        return out;
    }
    if (again != text) {
        predicate_result out(false);
        out.message() << "serialize() is not idempotent";
        detail::append_text(out, "serialize(x)", text);
        detail::append_text(out, "serialize(parse(serialize(x)))", again);
        return out;
    }
    std::string const pretty = schema::serialize(value, schema::serialize_options{.pretty = true});
    auto const from_pretty = schema::parse<T>(pretty, opt);
    if (!from_pretty || !(*from_pretty == value)) {
        predicate_result out(false);
        out.message() << "the pretty text does not parse back to x";
        if (!from_pretty) {
            out.message() << ": ";
            detail::append_problems(out, from_pretty.problems());
        }
        detail::append_text(out, "serialize(x, pretty)", pretty);
        return out;
    }
    return predicate_result(true);
}

} // namespace authentik::events::testing

// Macros only because Boost.Test reports the caller's file and line; the logic is above.

/// Checks that a payload is a valid T: `AUTHENTIK_EVENTS_CHECK_VALID(Event, text[, options])`.
#define AUTHENTIK_EVENTS_CHECK_VALID(T, ...) BOOST_TEST((::authentik::events::testing::is_valid<T>(__VA_ARGS__)))
/// AUTHENTIK_EVENTS_CHECK_VALID, ending the test case on failure.
#define AUTHENTIK_EVENTS_REQUIRE_VALID(T, ...)                                                                         \
    BOOST_TEST_REQUIRE((::authentik::events::testing::is_valid<T>(__VA_ARGS__)))
/// Checks that a payload fails as a T with a code at a pointer:
/// `AUTHENTIK_EVENTS_CHECK_PROBLEM(Event, text, "/created", error::invalid_date_time[, options])`.
#define AUTHENTIK_EVENTS_CHECK_PROBLEM(T, ...) BOOST_TEST((::authentik::events::testing::has_problem<T>(__VA_ARGS__)))
/// AUTHENTIK_EVENTS_CHECK_PROBLEM, ending the test case on failure.
#define AUTHENTIK_EVENTS_REQUIRE_PROBLEM(T, ...)                                                                       \
    BOOST_TEST_REQUIRE((::authentik::events::testing::has_problem<T>(__VA_ARGS__)))
/// Checks that a value round-trips: `AUTHENTIK_EVENTS_CHECK_ROUND_TRIP(event[, options])`.
#define AUTHENTIK_EVENTS_CHECK_ROUND_TRIP(...) BOOST_TEST((::authentik::events::testing::round_trips(__VA_ARGS__)))
/// AUTHENTIK_EVENTS_CHECK_ROUND_TRIP, ending the test case on failure.
#define AUTHENTIK_EVENTS_REQUIRE_ROUND_TRIP(...)                                                                       \
    BOOST_TEST_REQUIRE((::authentik::events::testing::round_trips(__VA_ARGS__)))

#endif
