#include <authentik/events/schema/ndjson_reader.hpp>

#include "test_types.hpp"

#include <authentik/events/schema/parse.hpp>

#include <boost/test/unit_test.hpp>

#include <cstddef>
#include <string>
#include <vector>

namespace ndjson_reader_test {

namespace schema = authentik::events::schema;
using schema::error;
using schema_test::Inner;

namespace {

struct line {
    std::size_t number;
    bool valid;
    std::string first_pointer;
};

std::vector<line> read(std::string const& text, std::size_t chunk, schema::parse_options const& opt = {}) {
    std::vector<line> out;
    schema::ndjson_reader<Inner> r(opt);
    auto on = [&](std::size_t n, schema::result<Inner>&& e) {
        out.push_back({n, e.has_value(), e ? std::string() : e.problems()[0].pointer});
    };
    for (std::size_t i = 0; i < text.size(); i += chunk) {
        r.write(std::string_view(text).substr(i, chunk), on);
    }
    r.finish(on);
    return out;
}

} // namespace

BOOST_AUTO_TEST_SUITE(ndjson_reader)

BOOST_AUTO_TEST_CASE(each_line_is_one_document_whatever_the_pieces) {
    std::string const text =
        "{\"name\":\"a\"}\n{\"name\":2}\r\n\n   \n{\"name\":\"c\",\"count\":1}\n{\"nam\n{\"name\":\"e\"}";
    for (std::size_t chunk : {1U, 3U, 16U, 1000U}) {
        auto const lines = read(text, chunk);
        BOOST_TEST_REQUIRE(lines.size() == 5u, chunk);
        BOOST_TEST(lines[0].number == 1u);
        BOOST_TEST(lines[0].valid);
        BOOST_TEST(lines[1].number == 2u);
        BOOST_TEST(!lines[1].valid);
        BOOST_TEST(lines[1].first_pointer == "/name");
        BOOST_TEST(lines[2].number == 5u); // blank lines 3 and 4 are skipped, but counted
        BOOST_TEST(lines[2].valid);
        BOOST_TEST(lines[3].number == 6u);
        BOOST_TEST(!lines[3].valid); // cut by its newline
        BOOST_TEST(lines[4].number == 7u);
        BOOST_TEST(lines[4].valid); // the last line needs no newline
    }
}

BOOST_AUTO_TEST_CASE(a_long_line_stops_at_the_byte_limit_and_the_next_reads) {
    schema::parse_options o;
    o.max_bytes = 64;
    std::string const text = "{\"name\":\"" + std::string(100000, 'x') + "\"}\n{\"name\":\"ok\"}\n";
    auto const lines = read(text, 4096, o);
    BOOST_TEST_REQUIRE(lines.size() == 2u);
    BOOST_TEST(!lines[0].valid);
    BOOST_TEST(lines[1].valid);
}

BOOST_AUTO_TEST_SUITE_END()

} // namespace ndjson_reader_test
