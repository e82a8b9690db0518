#include <authentik/events/schema/conversion.hpp>

#include "test_types.hpp"

#include <authentik/events/schema/parse.hpp>
#include <authentik/events/schema/serialize.hpp>

#include <boost/json/monotonic_resource.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>
#include <boost/json/value_from.hpp>
#include <boost/json/value_to.hpp>
#include <boost/system/system_error.hpp>
#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

namespace conversion_test {

namespace schema = authentik::events::schema;
using schema::error;
using schema_test::Bag;
using schema_test::Inner;
using schema_test::Outer;
using schema_test::Record;

BOOST_AUTO_TEST_SUITE(conversion_hpp)

BOOST_AUTO_TEST_CASE(value_from_writes_the_serialized_members) {
    Record const r = schema::parse<Record>(schema_test::valid_record).value();
    boost::json::value const v = boost::json::value_from(r);
    BOOST_TEST((v == boost::json::parse(schema_test::valid_record)));
    BOOST_TEST((v == boost::json::parse(schema::serialize(r))));
    std::string keys;
    for (auto const& kv : v.as_object()) {
        keys += std::string(kv.key()) + ",";
    }
    BOOST_TEST(keys == "name,count,ip,id,when,tags,extra,inner,items,ratio,active,hue,paint,");
}

BOOST_AUTO_TEST_CASE(value_from_absent_null_and_sink) {
    Record r = schema::parse<Record>(schema_test::minimal_record).value();
    BOOST_TEST((boost::json::value_from(r) == boost::json::parse(schema_test::minimal_record)));
    r.ip.set_null();
    r.unknown_fields["zz"] = boost::json::parse("[1]");
    r.unknown_fields["name"] = "shadow"; // a described name: not written twice
    boost::json::value const v = boost::json::value_from(r);
    BOOST_TEST(v.as_object().at("ip").is_null());
    BOOST_TEST((v.as_object().at("zz") == boost::json::parse("[1]")));
    BOOST_TEST((v.as_object().at("name") == boost::json::value("x")));
    BOOST_TEST(v.as_object().size() == 6U);

    Bag b;
    b.rest["x"] = 1;
    BOOST_TEST((boost::json::value_from(b) == boost::json::parse(R"({"x":1})")));
}

BOOST_AUTO_TEST_CASE(value_from_uses_the_given_storage) {
    boost::json::monotonic_resource mr;
    boost::json::storage_ptr sp(&mr);
    Record const r = schema::parse<Record>(schema_test::valid_record).value();
    boost::json::value const v = boost::json::value_from(r, sp);
    BOOST_TEST((v.storage() == sp));
    auto const& o = v.as_object();
    BOOST_TEST((o.at("name").storage() == sp));
    BOOST_TEST((o.at("extra").storage() == sp));
    BOOST_TEST((o.at("extra").as_object().at("deep").storage() == sp));
    BOOST_TEST((o.at("inner").storage() == sp));
    BOOST_TEST((o.at("items").storage() == sp));
    BOOST_TEST((o.at("items").as_array()[0].storage() == sp));
    BOOST_TEST((o.at("tags").as_array()[1].storage() == sp));
    BOOST_TEST((v == boost::json::parse(schema_test::valid_record)));
}

BOOST_AUTO_TEST_CASE(value_to_reads_a_described_type) {
    Record const r = boost::json::value_to<Record>(boost::json::parse(schema_test::valid_record));
    BOOST_TEST((r == schema::parse<Record>(schema_test::valid_record).value()));
    // Default options: an unknown key is ignored.
    Inner const i = boost::json::value_to<Inner>(boost::json::parse(R"({"name":"n","zz":1})"));
    BOOST_TEST((i == Inner{"n", std::nullopt}));
}

BOOST_AUTO_TEST_CASE(value_to_throws_validation_failure) {
    boost::json::value const bad = boost::json::parse(R"({"name":"","id":"x","when":"2000-01-01T00:00:00Z"})");
    try {
        (void)boost::json::value_to<Record>(bad);
        BOOST_FAIL("value_to did not throw");
    } catch (schema::validation_failure const& e) {
        BOOST_TEST_REQUIRE(e.problems().size() == 3U);
        BOOST_TEST(e.problems().contains(error::too_short, "/name"));
        BOOST_TEST(e.problems().contains(error::invalid_uuid, "/id"));
        BOOST_TEST(e.problems().contains(error::missing_field, "/active"));
        BOOST_TEST((e.code() == error::too_short));
    }
    BOOST_CHECK_THROW((void)boost::json::value_to<Inner>(boost::json::parse("[]")), boost::system::system_error);
}

BOOST_AUTO_TEST_CASE(try_value_to) {
    auto const ok = boost::json::try_value_to<Inner>(boost::json::parse(R"({"name":"n","count":2})"));
    BOOST_TEST_REQUIRE(ok.has_value());
    BOOST_TEST((*ok == Inner{"n", 2}));

    auto const bad = boost::json::try_value_to<Record>(boost::json::parse(R"({"name":"x","id":"nope","active":1})"));
    BOOST_TEST_REQUIRE(bad.has_error());
    // The first problem in descriptor order: id comes before when and active.
    BOOST_TEST((bad.error() == error::invalid_uuid));
    BOOST_TEST((bad.error().category() == schema::error_category()));

    auto const top = boost::json::try_value_to<Inner>(boost::json::parse("5"));
    BOOST_TEST_REQUIRE(top.has_error());
    BOOST_TEST((top.error() == error::wrong_type));
    BOOST_TEST(top.error().message() == "wrong_type");
}

BOOST_AUTO_TEST_CASE(conversions_inside_containers) {
    // Boost.JSON finds the described types' conversions through argument-dependent lookup.
    boost::json::value const list = boost::json::parse(R"([{"name":"a"},{"name":"b","count":2}])");
    auto const inners = boost::json::value_to<std::vector<Inner>>(list);
    BOOST_TEST_REQUIRE(inners.size() == 2U);
    BOOST_TEST((inners[1] == Inner{"b", 2}));
    BOOST_TEST((boost::json::value_from(inners) == list));
    BOOST_CHECK_EXCEPTION((void)boost::json::value_to<std::vector<Inner>>(boost::json::parse(R"([{"name":"a"},{}])")),
                          boost::system::system_error,
                          [](boost::system::system_error const& e) { return e.code() == error::missing_field; });
}

BOOST_AUTO_TEST_CASE(value_from_then_value_to_round_trips) {
    Outer o;
    o.inner = Inner{"i", 1};
    o.list = {Inner{"x", std::nullopt}};
    BOOST_TEST((boost::json::value_to<Outer>(boost::json::value_from(o)) == o));
    Record const r = schema::parse<Record>(schema_test::valid_record).value();
    BOOST_TEST((boost::json::value_to<Record>(boost::json::value_from(r)) == r));
    Bag b;
    b.code = "c";
    b.rest["k"] = boost::json::parse(R"({"a":[null]})");
    BOOST_TEST((boost::json::value_to<Bag>(boost::json::value_from(b)) == b));
}

BOOST_AUTO_TEST_SUITE_END()

} // namespace conversion_test
