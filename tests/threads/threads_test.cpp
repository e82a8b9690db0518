// Several threads parsing, validating, writing and generating at once, each result compared with
// the one a single thread gets. tests/run also builds this binary under ThreadSanitizer, which
// reports any data race in the library's code (the per-thread parsers of parse<T>, the static
// tables of the descriptors, the error category, the generator's catalogues). Boost.Test's
// checks are not thread-safe: workers only record, the main thread checks.

#include "model/test_data.hpp"

#include <authentik/events.hpp>
#include <authentik/events/fixtures.hpp>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/test/unit_test.hpp>

#include <cstddef>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace threads_test {

namespace ae = authentik::events;
namespace schema = authentik::events::schema;

namespace {

constexpr unsigned thread_count = 8;
constexpr int rounds = 20;

// What a parse gave, as text: the value written back, or every problem.
template <class T>
std::string outcome(schema::result<T> const& r) {
    if (r) {
        return ae::serialize(*r);
    }
    std::ostringstream os;
    os << r.problems();
    return os.str();
}

std::vector<std::string> payloads() {
    std::vector<std::string> out;
    for (char const* name : {"login_ipv6.json", "custom_action.json", "system_event.json", "model_updated.json",
                             "policy_exception.json", "five_problems.json", "paginated_event_list.json",
                             "validation_error.json", "generic_error.json", "event_request.json"}) {
        out.push_back(model_tests::read_data(name));
    }
    out.push_back(R"({"pk":"not a uuid","context":{"k":[1,2,{"x":null}]},"created":"2023-02-30T00:00:00Z"})");
    out.push_back("{\"app\":\"\xFF\"}");
    return out;
}

// Every way one thread reads one text, as one string.
std::string read_all_ways(std::string const& text) {
    std::string out = outcome(ae::parse<ae::Event>(text));
    out += outcome(ae::parse<ae::Event>(text, schema::parse_options::strict()));
    out += outcome(ae::parse<ae::RawEvent>(text));
    out += outcome(ae::parse<ae::PaginatedEventList>(text));
    out += outcome(ae::parse<ae::ValidationError>(text));
    out += outcome(ae::parse<ae::GenericError>(text));
    out += outcome(ae::parse<ae::EventRequest>(text));
    return out;
}

// Runs `work(thread index)` on thread_count threads at once and returns what each gave.
template <class F>
std::vector<std::string> on_threads(F work) {
    std::vector<std::string> results(thread_count);
    std::vector<std::thread> threads;
    for (unsigned t = 0; t < thread_count; ++t) {
        threads.emplace_back([&, t] { results[t] = work(t); });
    }
    for (auto& th : threads) {
        th.join();
    }
    return results;
}

} // namespace

BOOST_AUTO_TEST_SUITE(threads)

BOOST_AUTO_TEST_CASE(parse_every_type_at_once) {
    auto const texts = payloads();
    std::string want;
    for (auto const& text : texts) {
        want += read_all_ways(text);
    }
    // Each thread reads every text many times, starting at a different one, so that the threads'
    // cached parsers are at different documents at any moment.
    auto const got = on_threads([&](unsigned t) {
        std::vector<std::string> per_text(texts.size());
        for (int round = 0; round < rounds; ++round) {
            for (std::size_t i = 0; i < texts.size(); ++i) {
                std::size_t const k = (i + t) % texts.size();
                std::string now = read_all_ways(texts[k]);
                if (round > 0 && now != per_text[k]) {
                    return std::string("changed between rounds");
                }
                per_text[k] = std::move(now);
            }
        }
        std::string all;
        for (auto const& s : per_text) {
            all += s;
        }
        return all;
    });
    for (unsigned t = 0; t < thread_count; ++t) {
        BOOST_TEST_CONTEXT("thread " << t) { BOOST_TEST((got[t] == want)); }
    }
}

BOOST_AUTO_TEST_CASE(parsers_in_pieces_and_readers_at_once) {
    std::string const event = model_tests::read_data("login_ipv6.json");
    std::string const page = model_tests::read_data("paginated_event_list.json");
    std::string lines;
    for (int i = 0; i < 50; ++i) {
        lines += event + "\n";
    }
    auto const want = outcome(ae::parse<ae::Event>(event));
    auto const got = on_threads([&](unsigned t) {
        std::string out;
        ae::recycling_resource storage;
        ae::parser<ae::Event> p({}, &storage);
        std::size_t const piece = 1 + t * 7;
        for (int round = 0; round < rounds; ++round) {
            for (std::size_t i = 0; i < event.size(); i += piece) {
                (void)p.write(std::string_view(event).substr(i, piece));
            }
            if (outcome(p.finish()) != want) {
                out += "pieces differ;";
            }
        }
        std::size_t good = 0;
        ae::ndjson_reader<ae::Event> reader;
        auto on_line = [&](std::size_t, schema::result<ae::Event>&& r) { good += r.has_value() ? 1 : 0; };
        for (std::size_t i = 0; i < lines.size(); i += 4096) {
            reader.write(std::string_view(lines).substr(i, 4096), on_line);
        }
        reader.finish(on_line);
        if (good != 50) {
            out += "ndjson read " + std::to_string(good) + ";";
        }
        std::size_t elements = 0;
        ae::array_reader<ae::Event> array;
        auto on_element = [&](std::size_t, schema::result<ae::Event>&& r) { elements += r.has_value() ? 1 : 0; };
        auto const results = page.substr(page.find('['), page.rfind(']') - page.find('[') + 1);
        (void)array.write(results, on_element);
        if (!array.finish(on_element).empty() || elements == 0) {
            out += "array reader failed;";
        }
        return out;
    });
    for (unsigned t = 0; t < thread_count; ++t) {
        BOOST_TEST(got[t] == "", "thread " << t << ": " << got[t]);
    }
}

BOOST_AUTO_TEST_CASE(one_value_read_by_many) {
    // A value and a DOM shared read-only: serialize, validate, value_from and the exports.
    auto const shared = ae::parse_or_throw<ae::Event>(model_tests::read_data("model_updated.json"));
    boost::json::value const dom = boost::json::parse(model_tests::read_data("login_ipv6.json"));
    std::string const want = ae::serialize(shared) + outcome(ae::validate<ae::Event>(dom)) +
                             boost::json::serialize(boost::json::value_from(shared)) +
                             ae::serialize(shared, {.pretty = true});
    auto const got = on_threads([&](unsigned) {
        std::string out;
        for (int round = 0; round < rounds; ++round) {
            out = ae::serialize(shared) + outcome(ae::validate<ae::Event>(dom)) +
                  boost::json::serialize(boost::json::value_from(shared)) + ae::serialize(shared, {.pretty = true});
        }
        return out;
    });
    for (unsigned t = 0; t < thread_count; ++t) {
        BOOST_TEST((got[t] == want), "thread " << t);
    }
}

BOOST_AUTO_TEST_CASE(generators_with_one_seed_agree) {
    auto make = [] {
        ae::fixtures::generator g(42);
        std::string out;
        for (int i = 0; i < 50; ++i) {
            out += ae::serialize(g.event()) + "\n";
        }
        for (auto const& f : ae::fixtures::invalid_fixtures<ae::Event>(g)) {
            out += f.rule + "\n";
        }
        return out;
    };
    std::string const want = make();
    auto const got = on_threads([&](unsigned) { return make(); });
    for (unsigned t = 0; t < thread_count; ++t) {
        BOOST_TEST((got[t] == want), "thread " << t);
    }
}

BOOST_AUTO_TEST_CASE(error_category_first_used_on_many_threads) {
    auto const got = on_threads([](unsigned t) {
        boost::system::error_code const ec = t % 2 == 0 ? schema::error::missing_field : schema::error::invalid_uuid;
        return std::string(ec.category().name()) + ":" + ec.message();
    });
    for (unsigned t = 0; t < thread_count; ++t) {
        BOOST_TEST(got[t] == (t % 2 == 0 ? "authentik.events:missing_field" : "authentik.events:invalid_uuid"));
    }
}

BOOST_AUTO_TEST_SUITE_END()

} // namespace threads_test
