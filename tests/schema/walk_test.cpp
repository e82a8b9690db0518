#include <authentik/events/schema/walk.hpp>

#include "model/test_data.hpp"
#include "test_types.hpp"

#include <authentik/events/format/uuid.hpp>
#include <authentik/events/model/event.hpp>
#include <authentik/events/model/paginated_event_list.hpp>
#include <authentik/events/schema/parse.hpp>
#include <authentik/events/schema/serialize.hpp>

#include <boost/test/unit_test.hpp>

#include <cstddef>
#include <cstdio>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace walk_test {

namespace ae = authentik::events;
namespace schema = authentik::events::schema;
namespace format = authentik::events::format;
using ae::Event;
using ae::PaginatedEventList;
using model_tests::read_data;
using schema::error;
using schema::parse_options;
using schema_test::Inner;
using schema_test::Outer;

namespace {

constexpr std::size_t page_size = 10'000;
constexpr std::size_t bad_date_index = 4817;
constexpr std::size_t repeated_key_index = 9000;

constexpr std::string_view template_pk = "3f2a5c1e-9b7d-4e8a-a1c3-5d6e7f8a9b0c";
constexpr std::string_view template_created = R"("created":"2023-02-15T15:33:42.771091Z")";
constexpr std::string_view template_app = R"("app":"authentik.events.signals")";

constexpr std::string_view pagination_text =
    R"({"next":3,"previous":1,"count":30000,"current":2,"total_pages":3,"start_index":10001,"end_index":20000})";

// The pk of event i: the template's with its last 12 hex digits the decimal index.
std::string pk_of(std::size_t i) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%012zu", i);
    return std::string(template_pk.substr(0, 24)) + buf;
}

boost::uuids::uuid uuid_of(std::string_view text) {
    boost::uuids::uuid u{};
    std::string_view why;
    if (!format::parse_uuid(text, u, why)) {
        throw std::runtime_error("bad uuid in test");
    }
    return u;
}

void replace_once(std::string& s, std::string_view from, std::string_view to) {
    auto const at = s.find(from);
    if (at == std::string::npos) {
        throw std::runtime_error("template text not found: " + std::string(from));
    }
    s.replace(at, from.size(), to);
}

// Event i of the big page: tests/data/login_ipv6.json with its own pk; event 4817 has a
// 30 February, event 9000 a repeated "app".
std::string event_text(std::string const& base, std::size_t i) {
    std::string e = base;
    replace_once(e, template_pk, pk_of(i));
    if (i == bad_date_index) {
        replace_once(e, template_created, R"("created":"2023-02-30T00:00:00Z")");
    }
    if (i == repeated_key_index) {
        replace_once(e, template_app, std::string(template_app) + R"(,"app":"again")");
    }
    return e;
}

// The big page; when `syntax_error_at` is a valid index, that event's action is a bare word.
std::string big_page(std::size_t syntax_error_at = static_cast<std::size_t>(-1)) {
    std::string const base = read_data("login_ipv6.json");
    std::string text = R"({"pagination":)" + std::string(pagination_text) + R"(,"results":[)";
    text.reserve(page_size * (base.size() + 40));
    for (std::size_t i = 0; i < page_size; ++i) {
        if (i != 0) {
            text += ',';
        }
        std::string e = event_text(base, i);
        if (i == syntax_error_at) {
            replace_once(e, R"("action":"login")", R"("action":login)");
        }
        text += e;
    }
    text += R"(],"autocomplete":{}})";
    return text;
}

std::string page_of(std::string_view results, std::string_view pagination = pagination_text) {
    return R"({"pagination":)" + std::string(pagination) + R"(,"results":)" + std::string(results) +
           R"(,"autocomplete":{}})";
}

} // namespace

BOOST_AUTO_TEST_SUITE(walk_hpp)

BOOST_AUTO_TEST_CASE(ten_thousand_events_one_bad_date_one_repeated_key) {
    std::string const text = big_page();
    std::vector<std::size_t> indices;
    std::size_t wrong_pk = 0;
    std::size_t wrong_content = 0;
    std::string const base = read_data("login_ipv6.json");
    auto const reference = schema::parse<Event>(base);
    BOOST_TEST_REQUIRE(reference.has_value());

    auto const w = ae::walk_events(text, [&](std::size_t i, Event&& e) {
        indices.push_back(i);
        if (e.pk != uuid_of(pk_of(i))) {
            ++wrong_pk;
        }
        Event expected = *reference;
        expected.pk = e.pk;
        if (!(e == expected)) {
            ++wrong_content;
        }
    });

    BOOST_TEST_INFO("problems:\n" << w.problems);
    BOOST_TEST(w.elements == page_size);
    BOOST_TEST(w.delivered == page_size - 2);
    BOOST_TEST(!w.ok());
    BOOST_TEST(wrong_pk == 0U);
    BOOST_TEST(wrong_content == 0U);

    // Every index but the two bad ones, in increasing order.
    std::vector<std::size_t> expected;
    for (std::size_t i = 0; i < page_size; ++i) {
        if (i != bad_date_index && i != repeated_key_index) {
            expected.push_back(i);
        }
    }
    BOOST_TEST_REQUIRE(indices.size() == expected.size());
    BOOST_TEST((indices == expected));

    BOOST_TEST_REQUIRE(w.problems.size() == 2U);
    BOOST_TEST(w.problems[0].pointer == "/results/4817/created");
    BOOST_TEST((w.problems[0].code == error::invalid_date_time));
    BOOST_TEST(w.problems[0].value == R"("2023-02-30T00:00:00Z")");
    BOOST_TEST(w.problems[1].pointer == "/results/9000/app");
    BOOST_TEST((w.problems[1].code == error::duplicate_key));
    BOOST_TEST(w.problems[1].value == R"("again")");
    BOOST_TEST(!w.problems.truncated());

    // The page itself is valid: pagination and autocomplete are there, results left empty.
    BOOST_TEST_REQUIRE(w.page.has_value());
    BOOST_TEST(w.page->results.empty());
    BOOST_TEST(w.page->pagination.count.as_int64() == 30000);
    BOOST_TEST(w.page->pagination.count.is_int64());
    BOOST_TEST(w.page->pagination.start_index.as_int64() == 10001);
    BOOST_TEST(w.page->autocomplete.fields.empty());
    BOOST_TEST(schema::serialize(*w.page) == page_of("[]"));

    // parse() of the same text finds the same two problems (the repeated key first: it is
    // found while the text is read, the date when the DOM is validated).
    auto const whole = schema::parse<PaginatedEventList>(text);
    BOOST_TEST_REQUIRE(whole.problems().size() == 2U);
    BOOST_TEST(whole.problems().contains(error::invalid_date_time, "/results/4817/created"));
    BOOST_TEST(whole.problems().contains(error::duplicate_key, "/results/9000/app"));
}

BOOST_AUTO_TEST_CASE(repeated_keys_allowed_delivers_the_last_value) {
    std::string const text = big_page();
    parse_options opt;
    opt.allow_duplicate_keys = true;
    std::string app_of_9000;
    auto const w = ae::walk_events(
        text,
        [&](std::size_t i, Event&& e) {
            if (i == repeated_key_index) {
                app_of_9000 = e.app;
            }
        },
        opt);
    BOOST_TEST(w.elements == page_size);
    BOOST_TEST(w.delivered == page_size - 1);
    BOOST_TEST_REQUIRE(w.problems.size() == 1U);
    BOOST_TEST(w.problems[0].pointer == "/results/4817/created");
    BOOST_TEST(app_of_9000 == "again");
}

BOOST_AUTO_TEST_CASE(elements_are_delivered_before_the_end_is_parsed) {
    // The document is broken at its very end; the callback for index 0 throws. If the walk
    // parsed the whole text first it would report invalid_json and never call back.
    std::string text = big_page();
    text.resize(text.size() - 3); // `...],"autocomplete":{}}` loses its `{}}`
    text += "!";
    struct stop_here {
        std::size_t index;
    };
    std::size_t calls = 0;
    try {
        auto const w = ae::walk_events(text, [&](std::size_t i, Event&&) {
            ++calls;
            throw stop_here{i};
        });
        BOOST_FAIL("the callback's exception did not propagate; problems:\n" << w.problems);
    } catch (stop_here const& s) {
        BOOST_TEST(s.index == 0U);
    }
    BOOST_TEST(calls == 1U);

    // Without the throw every good event is delivered, and then the syntax error is reported.
    std::size_t delivered = 0;
    auto const w = ae::walk_events(text, [&](std::size_t, Event&&) { ++delivered; });
    BOOST_TEST(delivered == page_size - 2);
    BOOST_TEST(w.delivered == page_size - 2);
    BOOST_TEST(!w.page.has_value());
    BOOST_TEST(w.problems.contains(error::invalid_json));
}

BOOST_AUTO_TEST_CASE(invalid_json_in_the_middle_stops_after_the_events_before_it) {
    constexpr std::size_t broken = 5000;
    std::string const text = big_page(broken);
    std::vector<std::size_t> indices;
    auto const w = ae::walk_events(text, [&](std::size_t i, Event&&) { indices.push_back(i); });
    BOOST_TEST_INFO("problems:\n" << w.problems);
    BOOST_TEST(!w.page.has_value());
    // 0..4999 but 4817 delivered, in order; nothing from 5000 on.
    BOOST_TEST(w.elements == broken);
    BOOST_TEST(w.delivered == broken - 1);
    BOOST_TEST_REQUIRE(indices.size() == broken - 1);
    BOOST_TEST(indices.front() == 0U);
    BOOST_TEST(indices.back() == broken - 1);
    for (std::size_t k = 1; k < indices.size(); ++k) {
        BOOST_TEST_REQUIRE(indices[k] > indices[k - 1]);
    }
    BOOST_TEST_REQUIRE(w.problems.size() == 2U);
    BOOST_TEST(w.problems[0].pointer == "/results/4817/created");
    BOOST_TEST((w.problems[1].code == error::invalid_json));
    BOOST_TEST(w.problems[1].pointer.rfind("/results/5000", 0) == 0U, "pointer " << w.problems[1].pointer);
    BOOST_TEST(w.problems[1].drf_code == "parse_error");
}

BOOST_AUTO_TEST_CASE(max_problems_caps_the_list_but_not_the_walk) {
    std::string const good = read_data("login_ipv6.json");
    std::string results = "[";
    for (std::size_t i = 0; i < 20; ++i) {
        results += i == 0 ? "" : ",";
        results += i % 2 == 0 ? good : std::string(R"({"pk":"x","action":"login","app":"a","created":"c"})");
    }
    results += "]";
    parse_options opt;
    opt.max_problems = 3;
    std::vector<std::size_t> indices;
    auto const w = ae::walk_events(
        page_of(results), [&](std::size_t i, Event&&) { indices.push_back(i); }, opt);
    BOOST_TEST(w.elements == 20U);
    BOOST_TEST(w.delivered == 10U);
    BOOST_TEST((indices == std::vector<std::size_t>{0, 2, 4, 6, 8, 10, 12, 14, 16, 18}));
    BOOST_TEST(w.problems.size() == 3U);
    BOOST_TEST(w.problems.truncated());
    BOOST_TEST(w.problems.total() == 20U); // pk and created of each of the 10 bad ones
    BOOST_TEST(w.problems[0].pointer == "/results/1/pk");
    BOOST_TEST(w.problems[1].pointer == "/results/1/created");
    BOOST_TEST(w.problems[2].pointer == "/results/3/pk");
    BOOST_TEST(w.page.has_value());
}

BOOST_AUTO_TEST_CASE(empty_results) {
    std::size_t calls = 0;
    auto const w = ae::walk_events(page_of("[]"), [&](std::size_t, Event&&) { ++calls; });
    BOOST_TEST(w.ok());
    BOOST_TEST(calls == 0U);
    BOOST_TEST(w.elements == 0U);
    BOOST_TEST(w.delivered == 0U);
    BOOST_TEST_REQUIRE(w.page.has_value());
    BOOST_TEST(w.page->results.empty());
    BOOST_TEST(w.page->pagination.end_index.as_int64() == 20000);
}

BOOST_AUTO_TEST_CASE(results_that_are_not_an_array) {
    for (std::string_view results : {"5", R"({"a":1})", R"("x")"}) {
        BOOST_TEST_CONTEXT("results " << results) {
            std::size_t calls = 0;
            auto const w = ae::walk_events(page_of(results), [&](std::size_t, Event&&) { ++calls; });
            BOOST_TEST(calls == 0U);
            BOOST_TEST(w.elements == 0U);
            BOOST_TEST(!w.page.has_value());
            BOOST_TEST_REQUIRE(w.problems.size() == 1U);
            BOOST_TEST(w.problems[0].pointer == "/results");
            BOOST_TEST((w.problems[0].code == error::wrong_type));
            BOOST_TEST(w.problems[0].drf_code == "not_a_list");
        }
    }
    auto const null = ae::walk_events(page_of("null"), [](std::size_t, Event&&) {});
    BOOST_TEST_REQUIRE(null.problems.size() == 1U);
    BOOST_TEST(null.problems[0].pointer == "/results");
    BOOST_TEST((null.problems[0].code == error::null_not_allowed));
    // An array elsewhere named "results" (inside an event) is not walked.
    std::string const nested = R"([{"pk":"3f2a5c1e-9b7d-4e8a-a1c3-5d6e7f8a9b0c","action":"login","app":"a",)"
                               R"("context":{"results":[1,2]},"created":"2023-02-15T15:33:42Z"}])";
    std::size_t calls = 0;
    auto const w = ae::walk_events(page_of(nested), [&](std::size_t, Event&& e) {
        ++calls;
        BOOST_TEST(e.context->at("results").as_array().size() == 2U);
    });
    BOOST_TEST(w.ok());
    BOOST_TEST(calls == 1U);
}

BOOST_AUTO_TEST_CASE(elements_that_are_not_objects_get_the_problems_parse_gives) {
    std::string const good = read_data("login_ipv6.json");
    for (std::string_view bad : {"null", "5", R"("x")", "[]"}) {
        BOOST_TEST_CONTEXT("element " << bad) {
            std::string const text = page_of("[" + good + "," + std::string(bad) + "," + good + "]");
            std::vector<std::size_t> indices;
            auto const w = ae::walk_events(text, [&](std::size_t i, Event&&) { indices.push_back(i); });
            BOOST_TEST((indices == std::vector<std::size_t>{0, 2}));
            auto const whole = schema::parse<ae::PaginatedEventList>(text);
            BOOST_TEST_REQUIRE(!whole.has_value());
            // Same pointer, code, message and DRF wording as the whole-page parse.
            BOOST_TEST((w.problems.items() == whole.problems().items()));
            BOOST_TEST(w.problems[0].pointer == "/results/1");
        }
    }
}

BOOST_AUTO_TEST_CASE(missing_or_bad_page_members_still_deliver_the_elements) {
    std::string const good = read_data("login_ipv6.json");
    std::size_t calls = 0;
    auto const w =
        ae::walk_events(R"({"results":[)" + good + "," + good + "]}", [&](std::size_t, Event&&) { ++calls; });
    BOOST_TEST(calls == 2U);
    BOOST_TEST(w.delivered == 2U);
    BOOST_TEST(!w.page.has_value());
    BOOST_TEST_REQUIRE(w.problems.size() == 2U);
    BOOST_TEST(w.problems[0].pointer == "/pagination");
    BOOST_TEST(w.problems[1].pointer == "/autocomplete");

    auto const missing = ae::walk_events(R"({"pagination":)" + std::string(pagination_text) + R"(,"autocomplete":{}})",
                                         [](std::size_t, Event&&) {});
    BOOST_TEST(!missing.page.has_value());
    BOOST_TEST(missing.problems.contains(error::missing_field, "/results"));

    auto const not_object = ae::walk_events("[1,2]", [](std::size_t, Event&&) {});
    BOOST_TEST(!not_object.page.has_value());
    BOOST_TEST_REQUIRE(not_object.problems.size() == 1U);
    BOOST_TEST((not_object.problems[0].code == error::wrong_type));
}

BOOST_AUTO_TEST_CASE(strict_options_apply_to_the_elements) {
    std::string const good = read_data("login_ipv6.json");
    std::string extra = good;
    extra.insert(extra.size() - 1, R"(,"severity":"high")");
    std::size_t calls = 0;
    auto const lax = ae::walk_events(page_of("[" + extra + "]"), [&](std::size_t, Event&&) { ++calls; });
    BOOST_TEST(lax.ok());
    BOOST_TEST(calls == 1U);
    auto const strict = ae::walk_events(
        page_of("[" + good + "," + extra + "]"), [&](std::size_t, Event&&) { ++calls; }, parse_options::strict());
    BOOST_TEST(calls == 2U);
    BOOST_TEST(strict.delivered == 1U);
    BOOST_TEST_REQUIRE(strict.problems.size() == 1U);
    BOOST_TEST(strict.problems[0].pointer == "/results/1/severity");
    BOOST_TEST((strict.problems[0].code == error::unknown_field));
}

BOOST_AUTO_TEST_CASE(a_repeated_key_before_the_array_does_not_taint_its_first_element) {
    // The problem is in pagination; event 0 is valid and must be delivered.
    std::string const good = read_data("login_ipv6.json");
    std::string const text = page_of("[" + good + "," + good + "]",
                                     R"({"next":0,"previous":0,"count":2,"count":2,"current":1,"total_pages":1,)"
                                     R"("start_index":1,"end_index":2})");
    std::vector<std::size_t> indices;
    auto const w = ae::walk_events(text, [&](std::size_t i, Event&&) { indices.push_back(i); });
    BOOST_TEST_INFO("problems:\n" << w.problems);
    BOOST_TEST_REQUIRE(w.problems.size() == 1U);
    BOOST_TEST(w.problems[0].pointer == "/pagination/count");
    BOOST_TEST((w.problems[0].code == error::duplicate_key));
    BOOST_TEST(w.elements == 2U);
    BOOST_TEST(w.delivered == 2U);
    BOOST_TEST((indices == std::vector<std::size_t>{0, 1}));
}

BOOST_AUTO_TEST_CASE(a_repeated_array_key_is_not_walked_twice) {
    // The first "results" is kept, as for any repeated key; the second one's elements are not
    // delivered, and no index is delivered twice.
    std::string const good = read_data("login_ipv6.json");
    std::string other = good;
    replace_once(other, template_pk, pk_of(77));
    std::string const text = R"({"pagination":)" + std::string(pagination_text) + R"(,"results":[)" + good +
                             R"(],"results":[)" + other + R"(],"autocomplete":{}})";
    std::vector<std::size_t> indices;
    std::vector<boost::uuids::uuid> pks;
    auto const w = ae::walk_events(text, [&](std::size_t i, Event&& e) {
        indices.push_back(i);
        pks.push_back(e.pk);
    });
    BOOST_TEST_INFO("problems:\n" << w.problems);
    BOOST_TEST(w.problems.contains(error::duplicate_key, "/results"));
    BOOST_TEST((indices == std::vector<std::size_t>{0}));
    BOOST_TEST_REQUIRE(pks.size() == 1U);
    BOOST_TEST((pks[0] == uuid_of(template_pk)));
}

BOOST_AUTO_TEST_CASE(generic_walk_over_a_described_array) {
    std::string const text =
        R"({"inner":{"name":"top"},"list":[{"name":"a"},{"name":""},{"count":1},{"name":"b","count":"x"},)"
        R"({"name":"c","count":3},{"name":"d","name":"e"}],"extra":true})";
    std::vector<std::pair<std::size_t, Inner>> got;
    parse_options preserve;
    preserve.unknown_keys = schema::unknown_key_policy::preserve;
    auto const w = schema::walk_array<Outer, Inner>(
        text, "list", [&](std::size_t i, Inner&& e) { got.emplace_back(i, std::move(e)); }, preserve);
    BOOST_TEST_INFO("problems:\n" << w.problems);
    BOOST_TEST(w.elements == 6U);
    BOOST_TEST(w.delivered == 3U);
    BOOST_TEST_REQUIRE(got.size() == 3U);
    BOOST_TEST(got[0].first == 0U);
    BOOST_TEST(got[0].second.name == "a");
    BOOST_TEST(got[1].first == 1U);
    BOOST_TEST(got[1].second.name == "");
    BOOST_TEST(got[2].first == 4U);
    BOOST_TEST((got[2].second == Inner{"c", 3}));
    BOOST_TEST_REQUIRE(w.problems.size() == 3U);
    BOOST_TEST(w.problems[0].pointer == "/list/2/name");
    BOOST_TEST((w.problems[0].code == error::missing_field));
    BOOST_TEST(w.problems[1].pointer == "/list/3/count");
    BOOST_TEST((w.problems[1].code == error::wrong_type));
    BOOST_TEST(w.problems[2].pointer == "/list/5/name");
    BOOST_TEST((w.problems[2].code == error::duplicate_key));
    BOOST_TEST_REQUIRE(w.page.has_value());
    BOOST_TEST(w.page->inner.name == "top");
    BOOST_TEST(w.page->list.empty());
    BOOST_TEST(w.page->unknown_fields.at("extra").as_bool());
    // The same document with "inner" walked instead: it is not an array, so nothing is split.
    std::size_t calls = 0;
    auto const other = schema::walk_array<Outer, Inner>(text, "inner", [&](std::size_t, Inner&&) { ++calls; });
    BOOST_TEST(calls == 0U);
    BOOST_TEST(other.elements == 0U);
    BOOST_TEST(other.problems.size() == 3U); // read by parse rules: the same three problems
}

BOOST_AUTO_TEST_CASE(size_limit_stops_before_anything_is_delivered) {
    std::string const good = read_data("login_ipv6.json");
    parse_options opt;
    opt.max_bytes = 100;
    std::size_t calls = 0;
    auto const w = ae::walk_events(
        page_of("[" + good + "]"), [&](std::size_t, Event&&) { ++calls; }, opt);
    BOOST_TEST(calls == 0U);
    BOOST_TEST(!w.page.has_value());
    BOOST_TEST_REQUIRE(w.problems.size() == 1U);
    BOOST_TEST((w.problems[0].code == error::size_exceeded));
}

BOOST_AUTO_TEST_SUITE_END()

} // namespace walk_test
