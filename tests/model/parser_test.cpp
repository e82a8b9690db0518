// The streaming parser on every payload in tests/data, as every model type, against the DOM
// path; and RawEvent against Event.
#include <authentik/events.hpp>

#include "schema/differential.hpp"
#include "test_data.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value_from.hpp>
#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <string>
#include <vector>

namespace parser_test {

namespace ae = authentik::events;
namespace schema = authentik::events::schema;
using model_tests::read_data;

namespace {

std::vector<std::string> payloads() {
    std::vector<std::string> names;
    for (auto const& f : std::filesystem::directory_iterator(AUTHENTIK_EVENTS_TEST_DATA)) {
        if (f.path().extension() == ".json") {
            names.push_back(f.path().filename().string());
        }
    }
    BOOST_TEST_REQUIRE(names.size() >= 15u);
    return names;
}

std::vector<schema::parse_options> option_sets() {
    schema::parse_options preserve;
    preserve.unknown_keys = schema::unknown_key_policy::preserve;
    schema::parse_options old = schema::parse_options::strict();
    old.release = "2024.12";
    schema::parse_options few;
    few.max_problems = 2;
    return {schema::parse_options{}, schema::parse_options::strict(), preserve, old, few};
}

template <class T>
void check_type(std::string const& name, std::string const& text) {
    for (auto const& o : option_sets()) {
        std::string const diff = differential::check<T>(text, o, {13});
        BOOST_TEST(diff.empty(), name << " as " << schema::descriptor_of<T>.info.name << "\n" << diff);
    }
}

} // namespace

BOOST_AUTO_TEST_SUITE(parser)

BOOST_AUTO_TEST_CASE(every_payload_as_every_type_reads_as_the_dom_path_reads_it) {
    for (auto const& name : payloads()) {
        std::string const text = read_data(name);
        check_type<ae::Event>(name, text);
        check_type<ae::RawEvent>(name, text);
        check_type<ae::EventRequest>(name, text);
        check_type<ae::PatchedEventRequest>(name, text);
        check_type<ae::PaginatedEventList>(name, text);
        check_type<ae::Pagination>(name, text);
        check_type<ae::ValidationError>(name, text);
        check_type<ae::GenericError>(name, text);
        check_type<ae::Autocomplete>(name, text);
    }
}

BOOST_AUTO_TEST_CASE(a_raw_event_writes_the_bytes_an_event_writes) {
    std::size_t valid = 0;
    for (auto const& name : payloads()) {
        std::string const text = read_data(name);
        auto const e = ae::parse<ae::Event>(text);
        auto const r = ae::parse<ae::RawEvent>(text);
        BOOST_TEST(e.has_value() == r.has_value(), name);
        if (!e || !r) {
            continue;
        }
        ++valid;
        BOOST_TEST(ae::serialize(*r) == ae::serialize(*e), name);
        BOOST_TEST(r->context.has_value() == e->context.has_value(), name);
        if (r->context && e->context) {
            BOOST_TEST((r->context->to_object() == *e->context), name);
        }
        // value_from builds the same DOM from either.
        BOOST_TEST((boost::json::value_from(*r) == boost::json::value_from(*e)), name);
    }
    BOOST_TEST(valid >= 7u); // the Event payloads in tests/data
}

BOOST_AUTO_TEST_CASE(a_page_read_element_by_element_equals_the_page) {
    std::string const text = read_data("paginated_event_list.json");
    auto const page = ae::parse<ae::PaginatedEventList>(text);
    BOOST_TEST_REQUIRE(page.has_value());
    // The results array alone, fed in pieces to an array reader.
    auto const doc = boost::json::parse(text);
    std::string const results = boost::json::serialize(doc.at("results"));
    std::vector<ae::Event> got;
    ae::array_reader<ae::Event> reader;
    auto on = [&](std::size_t, ae::result<ae::Event>&& e) {
        BOOST_TEST_REQUIRE(e.has_value());
        got.push_back(std::move(*e));
    };
    for (std::size_t i = 0; i < results.size(); i += 100) {
        BOOST_TEST(reader.write(std::string_view(results).substr(i, 100), on));
    }
    BOOST_TEST(reader.finish(on).empty());
    BOOST_TEST((got == page->results));
}

BOOST_AUTO_TEST_SUITE_END()

} // namespace parser_test
