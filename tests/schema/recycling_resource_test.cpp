#include <authentik/events/schema/recycling_resource.hpp>

#include "test_types.hpp"

#include <authentik/events/schema/parser.hpp>

#include <boost/json/object.hpp>
#include <boost/json/storage_ptr.hpp>
#include <boost/test/unit_test.hpp>

#include <cstdint>
#include <string>

namespace recycling_resource_test {

namespace schema = authentik::events::schema;
using schema::recycling_resource;

BOOST_AUTO_TEST_SUITE(recycling_resource_suite)

BOOST_AUTO_TEST_CASE(rewinding_reuses_the_same_blocks) {
    recycling_resource r(256);
    boost::json::storage_ptr const sp(&r);
    BOOST_TEST(sp.is_deallocate_trivial()); // objects built in it skip their frees
    void* const first = r.allocate(100, 8);
    (void)r.allocate(1000, 16); // past the first block: a second one
    std::size_t const held = r.capacity();
    BOOST_TEST(held >= 1100u);
    for (int round = 0; round < 10; ++round) {
        r.rewind();
        BOOST_TEST(r.allocate(100, 8) == first);
        void* const big = r.allocate(1000, 16);
        BOOST_TEST(reinterpret_cast<std::uintptr_t>(big) % 16 == 0u);
    }
    BOOST_TEST(r.capacity() == held); // nothing more was taken from the system
}

BOOST_AUTO_TEST_CASE(a_parser_in_a_recycling_resource_stops_growing) {
    recycling_resource r;
    schema::parser<schema_test::Record> p(schema::parse_options{}, &r);
    std::size_t held = 0;
    for (int round = 0; round < 50; ++round) {
        r.rewind();
        auto const v = p.parse(schema_test::valid_record);
        BOOST_TEST_REQUIRE(v.has_value());
        BOOST_TEST(v->extra->storage().get() == &r);
        if (round == 1) {
            held = r.capacity();
        }
    }
    BOOST_TEST(held > 0u);
    BOOST_TEST(r.capacity() == held);
}

BOOST_AUTO_TEST_SUITE_END()

} // namespace recycling_resource_test
