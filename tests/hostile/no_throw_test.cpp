// Allocation failure at every allocation of a call, once and from then on: the non-throwing API
// (parse, validate, a parser whole or in pieces) returns its value or out_of_memory and never
// lets an exception out (one would end the program: they are noexcept). Afterwards it reads the
// next document as if nothing had happened.

#include "hostile/allocation.hpp"
#include "model/test_data.hpp"

#include <authentik/events.hpp>

#include <boost/json/parse.hpp>
#include <boost/test/unit_test.hpp>

#include <cstddef>
#include <functional>
#include <string>
#include <utility>

namespace no_throw_test {

namespace ae = authentik::events;
namespace schema = authentik::events::schema;

namespace {

// The verdict of one call, taken while allocations may fail, read after they work again.
struct verdict {
    bool ok = false;
    bool out_of_memory = false;
    std::size_t problems = 0;
    std::size_t total = 0;
    bool truncated = false;
    int first = 0; // the first problem's code
};

template <class T>
verdict judge(schema::result<T> const& r) {
    verdict v;
    v.ok = r.has_value();
    // With no parser's list built in advance and no memory for one, the problem is counted as
    // dropped: an empty, truncated list (docs/errors.md).
    auto const& p = r.problems();
    v.out_of_memory =
        !r.has_value() && (p.contains(schema::error::out_of_memory) || (p.empty() && p.truncated() && p.total() == 1U));
    if (!r.has_value()) {
        v.problems = p.size();
        v.total = p.total();
        v.truncated = p.truncated();
        v.first = p.empty() ? 0 : static_cast<int>(p[0].code);
    }
    return v;
}

// Runs `call` with the n-th allocation failing (and, unless once, every later one) for every n
// up to the count a clean run makes; checks each verdict and that a clean run still gives
// `want`. Returns how many allocations a clean run makes.
template <class T>
std::size_t check_every_failure(std::function<schema::result<T>()> const& call, std::string const& want) {
    hostile::fail_from(static_cast<std::size_t>(-1), false); // counts, fails nothing
    auto clean = call();
    std::size_t const total = hostile::allocations_seen();
    hostile::stop_failing();
    BOOST_TEST_REQUIRE(clean.has_value());
    BOOST_TEST(ae::serialize(*clean) == want);
    for (bool const once : {true, false}) {
        for (std::size_t n = 0; n <= total; ++n) {
            verdict v;
            {
                hostile::fail_from(n, once);
                auto r = call();
                v = judge(r);
                hostile::stop_failing(); // r is destroyed after: freeing needs no allocation
            }
            BOOST_TEST_CONTEXT("allocation " << n << " of " << total
                                             << (once ? " fails" : " and every later one fail")) {
                BOOST_TEST((v.ok || v.out_of_memory), "problems " << v.problems << " of " << v.total << ", truncated "
                                                                  << v.truncated << ", first code " << v.first);
                auto again = call();
                BOOST_TEST_REQUIRE(again.has_value());
                BOOST_TEST(ae::serialize(*again) == want);
            }
        }
    }
    return total;
}

} // namespace

BOOST_AUTO_TEST_SUITE(no_throw)

BOOST_AUTO_TEST_CASE(parse_each_type) {
    std::string const event = model_tests::read_data("login_ipv6.json");
    std::string const page = model_tests::read_data("paginated_event_list.json");
    std::string const problems = model_tests::read_data("validation_error.json");
    auto const n1 = check_every_failure<ae::Event>([&] { return ae::parse<ae::Event>(event); },
                                                   ae::serialize(*ae::parse<ae::Event>(event)));
    auto const n2 = check_every_failure<ae::RawEvent>([&] { return ae::parse<ae::RawEvent>(event); },
                                                      ae::serialize(*ae::parse<ae::Event>(event)));
    auto const n3 =
        check_every_failure<ae::PaginatedEventList>([&] { return ae::parse<ae::PaginatedEventList>(page); },
                                                    ae::serialize(*ae::parse<ae::PaginatedEventList>(page)));
    auto const n4 = check_every_failure<ae::ValidationError>([&] { return ae::parse<ae::ValidationError>(problems); },
                                                             ae::serialize(*ae::parse<ae::ValidationError>(problems)));
    BOOST_TEST_MESSAGE("allocations per call: Event " << n1 << ", RawEvent " << n2 << ", PaginatedEventList " << n3
                                                      << ", ValidationError " << n4);
    BOOST_TEST(n1 > 0U);
}

BOOST_AUTO_TEST_CASE(parse_with_options_of_its_own) {
    // Deeper than the cached parser was built for: parse() builds a parser for the call, and
    // the failure can happen while it is being built.
    std::string const event = model_tests::read_data("login_ipv6.json");
    schema::parse_options opt;
    opt.max_depth = 200;
    (void)check_every_failure<ae::Event>([&] { return ae::parse<ae::Event>(event, opt); },
                                         ae::serialize(*ae::parse<ae::Event>(event)));
}

BOOST_AUTO_TEST_CASE(validate_a_dom) {
    std::string const event = model_tests::read_data("login_ipv6.json");
    boost::json::value const dom = boost::json::parse(event);
    (void)check_every_failure<ae::Event>([&] { return ae::validate<ae::Event>(dom); },
                                         ae::serialize(*ae::parse<ae::Event>(event)));
}

BOOST_AUTO_TEST_CASE(a_parser_whole_and_in_pieces) {
    std::string const event = model_tests::read_data("login_ipv6.json");
    std::string const want = ae::serialize(*ae::parse<ae::Event>(event));
    ae::parser<ae::Event> p;
    (void)check_every_failure<ae::Event>([&] { return p.parse(event); }, want);
    (void)check_every_failure<ae::Event>(
        [&] {
            for (std::size_t i = 0; i < event.size(); i += 64) {
                if (!p.write(std::string_view(event).substr(i, 64))) {
                    break;
                }
            }
            return p.finish();
        },
        want);
}

BOOST_AUTO_TEST_SUITE_END()

} // namespace no_throw_test
