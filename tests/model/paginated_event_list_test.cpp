#include <authentik/events/model/paginated_event_list.hpp>
#include <authentik/events/schema/parse.hpp>
#include <authentik/events/schema/serialize.hpp>

#include <boost/json/parse.hpp>
#include <boost/json/value_from.hpp>
#include <boost/json/value_to.hpp>
#include <boost/test/unit_test.hpp>

#include "test_data.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace paginated_event_list_test {

namespace ae = authentik::events;
namespace schema = authentik::events::schema;
using ae::Event;
using ae::EventActions;
using ae::PaginatedEventList;
using model_tests::read_data;
using schema::error;
using schema::parse_options;

namespace {

// The events of tests/data/paginated_event_list.json, in its order.
constexpr std::string_view page_events[] = {
    "login_ipv6.json",
    "custom_action.json",
    "system_event.json",
    "model_updated.json",
    "policy_exception.json",
    "impersonation_started.json",
    "access_request_approved.json",
};

constexpr std::string_view first_pagination =
    R"({"next":2,"previous":0,"count":23,"current":1,"total_pages":4,"start_index":1,"end_index":7})";

PaginatedEventList parse_ok(std::string_view text, parse_options const& opt = {}) {
    auto r = schema::parse<PaginatedEventList>(text, opt);
    BOOST_TEST_INFO("problems:\n" << r.problems());
    BOOST_TEST_REQUIRE(r.has_value());
    return std::move(*r);
}

std::string page_of(std::string_view pagination, std::string_view results, std::string_view autocomplete = "{}") {
    return R"({"pagination":)" + std::string(pagination) + R"(,"results":)" + std::string(results) +
           R"(,"autocomplete":)" + std::string(autocomplete) + "}";
}

} // namespace

BOOST_AUTO_TEST_SUITE(paginated_event_list)

BOOST_AUTO_TEST_CASE(the_data_page_is_built_from_the_event_payloads) {
    // Guards the payload file itself: its results are exactly the canonical events.
    std::string results = "[";
    for (auto name : page_events) {
        results += (results.size() > 1 ? "," : "") + read_data(name);
    }
    results += "]";
    BOOST_TEST(read_data("paginated_event_list.json") == page_of(first_pagination, results));
}

BOOST_AUTO_TEST_CASE(realistic_page_reserializes_to_identical_bytes) {
    std::string const text = read_data("paginated_event_list.json");
    auto const page = parse_ok(text);
    BOOST_TEST(page.pagination.next.is_int64());
    BOOST_TEST(page.pagination.next.as_int64() == 2);
    BOOST_TEST(page.pagination.previous.as_int64() == 0);
    BOOST_TEST(page.pagination.count.as_int64() == 23);
    BOOST_TEST(page.pagination.end_index.as_int64() == 7);
    BOOST_TEST_REQUIRE(page.results.size() == 7U);
    for (std::size_t i = 0; i < page.results.size(); ++i) {
        BOOST_TEST_CONTEXT("result " << i) {
            auto const alone = schema::parse<Event>(read_data(page_events[i]));
            BOOST_TEST_REQUIRE(alone.has_value());
            BOOST_TEST((page.results[i] == *alone));
        }
    }
    BOOST_TEST((page.results[0].action == ae::event_action(EventActions::login)));
    BOOST_TEST(page.results[1].action.is_custom());
    BOOST_TEST(page.results[2].client_ip.is_null());
    BOOST_TEST(page.autocomplete.fields.empty());
    BOOST_TEST(schema::serialize(page) == text);
    // Strict mode accepts the page too.
    BOOST_TEST(schema::serialize(parse_ok(text, parse_options::strict())) == text);
}

BOOST_AUTO_TEST_CASE(last_page_reserializes_to_identical_bytes) {
    std::string const text = read_data("paginated_event_list_last_page.json");
    auto const page = parse_ok(text);
    BOOST_TEST(page.pagination.next.as_int64() == 0);
    BOOST_TEST(page.pagination.next.is_int64());
    BOOST_TEST(page.results.size() == 2U);
    BOOST_TEST(schema::serialize(page) == text);
}

BOOST_AUTO_TEST_CASE(round_trips_through_boost_json_and_pretty_text) {
    std::string const text = read_data("paginated_event_list.json");
    auto const page = parse_ok(text);
    boost::json::value const jv = boost::json::value_from(page);
    BOOST_TEST((jv == boost::json::parse(text)));
    BOOST_TEST((boost::json::value_to<PaginatedEventList>(jv) == page));
    std::string const pretty = schema::serialize(page, schema::serialize_options{.pretty = true});
    BOOST_TEST(pretty.find("\n  \"pagination\": {\n    \"next\": 2,") != std::string::npos);
    BOOST_TEST(schema::serialize(parse_ok(pretty)) == text);
}

BOOST_AUTO_TEST_CASE(empty_page) {
    std::string const text =
        page_of(R"({"next":0,"previous":0,"count":0,"current":1,"total_pages":1,"start_index":0,"end_index":0})", "[]");
    auto const page = parse_ok(text);
    BOOST_TEST(page.results.empty());
    BOOST_TEST(schema::serialize(page) == text);
}

BOOST_AUTO_TEST_CASE(missing_members_are_all_reported) {
    auto const r = schema::parse<PaginatedEventList>("{}");
    BOOST_TEST_REQUIRE(r.problems().size() == 3U);
    BOOST_TEST(r.problems()[0].pointer == "/pagination");
    BOOST_TEST(r.problems()[1].pointer == "/results");
    BOOST_TEST(r.problems()[2].pointer == "/autocomplete");
    for (auto const& p : r.problems()) {
        BOOST_TEST((p.code == error::missing_field));
        BOOST_TEST(p.drf_message == "This field is required.");
    }
    // One at a time.
    auto const no_results = schema::parse<PaginatedEventList>(R"({"pagination":)" + std::string(first_pagination) +
                                                              R"(,"autocomplete":{}})");
    BOOST_TEST_REQUIRE(no_results.problems().size() == 1U);
    BOOST_TEST(no_results.problems()[0].pointer == "/results");
    BOOST_TEST((no_results.problems()[0].code == error::missing_field));
    // A missing key inside pagination is reported at its full pointer.
    auto const no_count = schema::parse<PaginatedEventList>(
        page_of(R"({"next":2,"previous":0,"current":1,"total_pages":4,"start_index":1,"end_index":7})", "[]"));
    BOOST_TEST_REQUIRE(no_count.problems().size() == 1U);
    BOOST_TEST(no_count.problems()[0].pointer == "/pagination/count");
    BOOST_TEST((no_count.problems()[0].code == error::missing_field));
}

BOOST_AUTO_TEST_CASE(wrong_member_types) {
    auto const r = schema::parse<PaginatedEventList>(R"({"pagination":[],"results":{},"autocomplete":"x"})");
    BOOST_TEST_REQUIRE(r.problems().size() == 3U);
    BOOST_TEST(r.problems()[0].pointer == "/pagination");
    BOOST_TEST(r.problems()[0].drf_code == "not_a_dict");
    BOOST_TEST(r.problems()[1].pointer == "/results");
    BOOST_TEST(r.problems()[1].drf_code == "not_a_list");
    BOOST_TEST(r.problems()[1].drf_message == R"(Expected a list of items but got type "dict".)");
    BOOST_TEST(r.problems()[2].pointer == "/autocomplete");
    BOOST_TEST(r.problems()[2].drf_message == R"(Expected a dictionary of items but got type "str".)");
    for (auto const& p : r.problems()) {
        BOOST_TEST((p.code == error::wrong_type));
    }
}

BOOST_AUTO_TEST_CASE(a_bad_event_is_reported_at_its_index) {
    std::string const good = read_data("login_ipv6.json");
    std::string bad = read_data("system_event.json");
    std::string const created = R"("created":"2023-02-15T15:33:42.000001Z")";
    auto const at = bad.find(created);
    BOOST_TEST_REQUIRE(at != std::string::npos);
    bad.replace(at, created.size(), R"("created":"2023-02-30T00:00:00Z")");
    auto const r = schema::parse<PaginatedEventList>(
        page_of(first_pagination, "[" + good + "," + good + "," + bad + "," + R"({"pk":"x","action":"login"})" + "]"));
    BOOST_TEST_REQUIRE(!r.has_value());
    auto const& problems = r.problems();
    BOOST_TEST_INFO("problems:\n" << problems);
    BOOST_TEST_REQUIRE(problems.size() == 4U);
    BOOST_TEST(problems[0].pointer == "/results/2/created");
    BOOST_TEST((problems[0].code == error::invalid_date_time));
    BOOST_TEST(problems[1].pointer == "/results/3/pk");
    BOOST_TEST((problems[1].code == error::invalid_uuid));
    BOOST_TEST(problems[2].pointer == "/results/3/app");
    BOOST_TEST((problems[2].code == error::missing_field));
    BOOST_TEST(problems[3].pointer == "/results/3/created");
    BOOST_TEST((problems[3].code == error::missing_field));

    // A result that is not an object.
    auto const scalar = schema::parse<PaginatedEventList>(page_of(first_pagination, "[" + good + ",5]"));
    BOOST_TEST_REQUIRE(scalar.problems().size() == 1U);
    BOOST_TEST(scalar.problems()[0].pointer == "/results/1");
    BOOST_TEST((scalar.problems()[0].code == error::wrong_type));

    // A repeated key inside an event.
    auto const dup =
        schema::parse<PaginatedEventList>(page_of(first_pagination, "[" + good + R"(,{"app":"a","app":"b"}])"));
    BOOST_TEST(dup.problems().contains(error::duplicate_key, "/results/1/app"));
}

BOOST_AUTO_TEST_CASE(strict_mode_and_releases_apply_to_every_result) {
    std::string const text = read_data("paginated_event_list.json");
    // access_request_approved (result 6) is newer than 2026.5.6; custom actions are in every release.
    parse_options opt = parse_options::strict();
    opt.release = "2026.5.6";
    auto const r = schema::parse<PaginatedEventList>(text, opt);
    BOOST_TEST_INFO("problems:\n" << r.problems());
    BOOST_TEST_REQUIRE(r.problems().size() == 1U);
    BOOST_TEST(r.problems()[0].pointer == "/results/6/action");
    BOOST_TEST((r.problems()[0].code == error::unknown_action));
    opt.release = "2026.8";
    BOOST_TEST(schema::parse<PaginatedEventList>(text, opt).has_value());
    // Without strict the newer action is kept.
    parse_options keep;
    keep.release = "2026.5.6";
    BOOST_TEST(parse_ok(text, keep).results[6].action.text() == "access_request_approved");
}

BOOST_AUTO_TEST_CASE(walk_events_delivers_the_data_page) {
    std::string const text = read_data("paginated_event_list.json");
    auto const whole = parse_ok(text);
    std::vector<std::size_t> indices;
    std::vector<Event> events;
    auto const w = ae::walk_events(text, [&](std::size_t i, Event&& e) {
        indices.push_back(i);
        events.push_back(std::move(e));
    });
    BOOST_TEST_INFO("problems:\n" << w.problems);
    BOOST_TEST(w.ok());
    BOOST_TEST(w.elements == 7U);
    BOOST_TEST(w.delivered == 7U);
    BOOST_TEST((indices == std::vector<std::size_t>{0, 1, 2, 3, 4, 5, 6}));
    BOOST_TEST((events == whole.results));
    BOOST_TEST_REQUIRE(w.page.has_value());
    BOOST_TEST(w.page->results.empty());
    BOOST_TEST((w.page->pagination == whole.pagination));
    BOOST_TEST((w.page->autocomplete == whole.autocomplete));
}

BOOST_AUTO_TEST_SUITE_END()

} // namespace paginated_event_list_test
