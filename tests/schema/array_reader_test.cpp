#include <authentik/events/schema/array_reader.hpp>

#include "test_types.hpp"

#include <authentik/events/schema/parse.hpp>

#include <boost/test/unit_test.hpp>

#include <cstddef>
#include <string>
#include <vector>

namespace array_reader_test {

namespace schema = authentik::events::schema;
using schema::error;
using schema_test::Inner;

namespace {

struct seen {
    std::vector<std::size_t> valid;
    std::vector<std::size_t> invalid;
    std::vector<schema::problem> problems;
    std::size_t most_held = 0;
};

seen read(std::string const& text, std::size_t chunk, schema::problem_list& document) {
    seen s;
    schema::array_reader<Inner> r;
    auto on = [&](std::size_t i, schema::result<Inner>&& e) {
        if (e) {
            s.valid.push_back(i);
        } else {
            s.invalid.push_back(i);
            s.problems.insert(s.problems.end(), e.problems().begin(), e.problems().end());
        }
    };
    for (std::size_t i = 0; i < text.size(); i += chunk) {
        if (!r.write(std::string_view(text).substr(i, chunk), on)) {
            break;
        }
    }
    document = r.finish(on);
    return s;
}

} // namespace

BOOST_AUTO_TEST_SUITE(array_reader)

BOOST_AUTO_TEST_CASE(elements_arrive_one_at_a_time_with_their_own_problems) {
    std::string const text =
        R"([{"name":"a"}, {"name":1}, 5, {"name":"b","name":"c"}, {"count":2}, {"name":"d","count":3}])";
    for (std::size_t chunk : {1U, 4U, 1000U}) {
        schema::problem_list document;
        seen const s = read(text, chunk, document);
        BOOST_TEST(document.empty());
        BOOST_TEST(s.valid == (std::vector<std::size_t>{0, 5}), chunk);
        BOOST_TEST(s.invalid == (std::vector<std::size_t>{1, 2, 3, 4}), chunk);
        BOOST_TEST_REQUIRE(s.problems.size() == 4u);
        BOOST_TEST(s.problems[0].pointer == "/1/name");
        BOOST_TEST((s.problems[0].code == error::wrong_type));
        BOOST_TEST(s.problems[1].pointer == "/2");
        BOOST_TEST(s.problems[2].pointer == "/3/name");
        BOOST_TEST((s.problems[2].code == error::duplicate_key));
        BOOST_TEST(s.problems[3].pointer == "/4/name");
        BOOST_TEST((s.problems[3].code == error::missing_field));
    }
}

BOOST_AUTO_TEST_CASE(each_element_equals_parse_of_its_text) {
    std::vector<std::string> const elements = {R"({"name":"a","count":1})", R"({"name":"b"})",
                                               R"({"name":"c","count":-4})"};
    std::string text = "[";
    for (auto const& e : elements) {
        text += (text.size() > 1 ? "," : "") + e;
    }
    text += "]";
    std::vector<Inner> got;
    schema::array_reader<Inner> r;
    auto on = [&](std::size_t, schema::result<Inner>&& e) { got.push_back(*e); };
    BOOST_TEST(r.write(text, on));
    BOOST_TEST(r.finish(on).empty());
    BOOST_TEST(r.elements() == 0u); // finish() started a new array
    BOOST_TEST_REQUIRE(got.size() == elements.size());
    for (std::size_t i = 0; i < elements.size(); ++i) {
        BOOST_TEST((got[i] == *schema::parse<Inner>(elements[i])));
    }
}

BOOST_AUTO_TEST_CASE(a_broken_array_is_reported_once_and_stops) {
    schema::problem_list document;
    seen const s = read(R"([{"name":"a"},{"name":"b")", 3, document);
    BOOST_TEST(s.valid == (std::vector<std::size_t>{0}));
    BOOST_TEST_REQUIRE(document.size() == 1u);
    BOOST_TEST((document[0].code == error::invalid_json));
    seen const t = read(R"({"name":"a"})", 5, document);
    BOOST_TEST(t.valid.empty());
    BOOST_TEST_REQUIRE(document.size() == 1u);
    BOOST_TEST((document[0].code == error::wrong_type)); // not a list
}

BOOST_AUTO_TEST_SUITE_END()

} // namespace array_reader_test
