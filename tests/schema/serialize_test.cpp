#include <authentik/events/schema/serialize.hpp>

#include "test_types.hpp"

#include <authentik/events/format/uuid.hpp>
#include <authentik/events/schema/parse.hpp>

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>
#include <boost/test/unit_test.hpp>

#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace serialize_test {

namespace schema = authentik::events::schema;
namespace format = authentik::events::format;
using schema::parse_options;
using schema::serialize_options;
using schema::unknown_key_policy;
using schema_test::Bag;
using schema_test::colour;
using schema_test::Inner;
using schema_test::Odd;
using schema_test::Outer;
using schema_test::Record;

BOOST_AUTO_TEST_SUITE(serialize_hpp)

namespace {

boost::uuids::uuid uuid_of(std::string_view text) {
    boost::uuids::uuid u{};
    std::string_view why;
    BOOST_TEST_REQUIRE(format::parse_uuid(text, u, why));
    return u;
}

/// A Record built in code, every kind of member set except paint.
Record full_record() {
    Record r;
    r.name = "n";
    r.count = -5;
    r.ip = "::1";
    r.id = uuid_of("3F2A5C1E-9B7D-4E8A-A1C3-5D6E7F8A9B0C");
    r.when = format::date_time::from_unix_microseconds(1676475222771091); // 2023-02-15T15:33:42.771091Z
    r.tags = std::vector<std::string>{"a", "b"};
    r.extra = boost::json::object{{"lat", 52.52}, {"e", boost::json::object{}}};
    r.inner = Inner{"in", std::nullopt};
    r.items = std::vector<Inner>{};
    r.ratio = 1e16;
    r.active = true;
    r.hue = colour::from_text("custom_x");
    r.unknown_fields = boost::json::object{{"zz", 1}};
    return r;
}

std::string const full_compact =
    R"({"name":"n","count":-5,"ip":"::1","id":"3f2a5c1e-9b7d-4e8a-a1c3-5d6e7f8a9b0c",)"
    R"("when":"2023-02-15T15:33:42.771091Z","tags":["a","b"],"extra":{"lat":52.52,"e":{}},)"
    R"("inner":{"name":"in"},"items":[],"ratio":1e+16,"active":true,"hue":"custom_x","zz":1})";

std::string const full_pretty = R"({
  "name": "n",
  "count": -5,
  "ip": "::1",
  "id": "3f2a5c1e-9b7d-4e8a-a1c3-5d6e7f8a9b0c",
  "when": "2023-02-15T15:33:42.771091Z",
  "tags": [
    "a",
    "b"
  ],
  "extra": {
    "lat": 52.52,
    "e": {}
  },
  "inner": {
    "name": "in"
  },
  "items": [],
  "ratio": 1e+16,
  "active": true,
  "hue": "custom_x",
  "zz": 1
})";

template <class T>
void check_round_trip(T const& value, parse_options const& opt = {}) {
    for (bool pretty : {false, true}) {
        BOOST_TEST_CONTEXT("pretty " << pretty) {
            std::string const text = schema::serialize(value, serialize_options{.pretty = pretty});
            auto const back = schema::parse<T>(text, opt);
            BOOST_TEST_REQUIRE(back.has_value(), back.problems());
            BOOST_TEST((*back == value));
            BOOST_TEST(schema::serialize(*back, serialize_options{.pretty = pretty}) == text);
        }
    }
}

} // namespace

BOOST_AUTO_TEST_CASE(compact_text) {
    BOOST_TEST(schema::serialize(full_record()) == full_compact);
    BOOST_TEST(schema::serialize(full_record(), serialize_options{}) == full_compact);
}

BOOST_AUTO_TEST_CASE(pretty_text) {
    BOOST_TEST(schema::serialize(full_record(), serialize_options{.pretty = true}) == full_pretty);
}

BOOST_AUTO_TEST_CASE(serialize_to_appends) {
    std::string out = "body=";
    schema::serialize_to(out, Inner{"a", 1});
    BOOST_TEST(out == R"(body={"name":"a","count":1})");
    schema::serialize_to(out, Inner{"b", std::nullopt}, serialize_options{.pretty = true});
    BOOST_TEST(out == "body={\"name\":\"a\",\"count\":1}{\n  \"name\": \"b\"\n}");
}

BOOST_AUTO_TEST_CASE(absent_left_out_null_written) {
    Record r;
    r.name = "x";
    BOOST_TEST(
        schema::serialize(r) ==
        R"({"name":"x","id":"00000000-0000-0000-0000-000000000000","when":"1970-01-01T00:00:00Z","active":false})");
    r.ip = nullptr;
    BOOST_TEST(
        schema::serialize(r) ==
        R"({"name":"x","ip":null,"id":"00000000-0000-0000-0000-000000000000","when":"1970-01-01T00:00:00Z","active":false})");
    r.ip = std::string("10.0.0.1");
    BOOST_TEST(schema::serialize(r).find(R"("ip":"10.0.0.1")") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(strings_are_escaped) {
    Inner const i{"q\"b\\n\n\x01\xE2\x80\xA8\x7f", std::nullopt};
    BOOST_TEST(schema::serialize(i) == "{\"name\":\"q\\\"b\\\\n\\n\\u0001\\u2028\x7f\"}");
    check_round_trip(i);
}

BOOST_AUTO_TEST_CASE(doubles_in_members_are_python_repr) {
    Record r;
    r.name = "x";
    std::pair<double, std::string_view> const cases[] = {{1.0, "1.0"},
                                                         {-0.0, "-0.0"},
                                                         {1e-05, "1e-05"},
                                                         {0.1 + 0.2, "0.30000000000000004"},
                                                         {123456789.0, "123456789.0"}};
    for (auto const& [d, text] : cases) {
        r.ratio = d;
        BOOST_TEST(schema::serialize(r).find(R"("ratio":)" + std::string(text) + ",") != std::string::npos, text);
    }
    r.ratio = std::numeric_limits<double>::quiet_NaN(); // JSON has no NaN
    BOOST_TEST(schema::serialize(r).find(R"("ratio":null,)") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(sink_keys_never_duplicate_a_field) {
    Record r = full_record();
    r.unknown_fields["name"] = "shadow";
    r.unknown_fields["other"] = true;
    std::string const text = schema::serialize(r);
    BOOST_TEST(text.find("shadow") == std::string::npos);
    BOOST_TEST(text.find(R"("other":true)") != std::string::npos);
    BOOST_TEST(boost::json::parse(text).as_object().at("name") == boost::json::value("n"));

    Bag b;
    b.code = "c";
    b.rest["code"] = "shadow";
    b.rest["x"] = 1;
    BOOST_TEST(schema::serialize(b) == R"({"code":"c","x":1})");
    // docs/descriptors.md: a sink key with a described name is written only when that field is
    // absent, so no key is ever written twice.
    b.code.reset();
    BOOST_TEST(schema::serialize(b) == R"({"code":"shadow","x":1})");

    Record n = full_record();
    n.unknown_fields = boost::json::object{{"ip", "shadow"}, {"paint", "red"}};
    n.ip.set_null(); // null is written: the sink's "ip" is not
    BOOST_TEST(schema::serialize(n).find(R"("ip":null,)") != std::string::npos);
    BOOST_TEST(schema::serialize(n).find("shadow") == std::string::npos);
    BOOST_TEST(schema::serialize(n).ends_with(R"("hue":"custom_x","paint":"red"})")); // paint is absent
    n.ip.reset();
    BOOST_TEST(schema::serialize(n).ends_with(R"("hue":"custom_x","ip":"shadow","paint":"red"})"));
}

BOOST_AUTO_TEST_CASE(server_text_comes_back_byte_for_byte) {
    auto const r = schema::parse<Record>(schema_test::valid_record);
    BOOST_TEST_REQUIRE(r.has_value());
    BOOST_TEST(schema::serialize(*r) == schema_test::valid_record);
}

BOOST_AUTO_TEST_CASE(round_trip_record) {
    check_round_trip(full_record(), {.unknown_keys = unknown_key_policy::preserve});
    check_round_trip(schema::parse<Record>(schema_test::valid_record).value());
    check_round_trip(schema::parse<Record>(schema_test::minimal_record).value());
    Record with_null = full_record();
    with_null.ip.set_null();
    with_null.paint = colour::from_text("red");
    with_null.items = std::vector<Inner>{{"a", 0}, {"", std::nullopt}};
    with_null.extra =
        boost::json::parse(R"({"deep":{"x":[[],{},[{"y":null}]]},"n":-0.0,"u":18446744073709551615})").as_object();
    check_round_trip(with_null, {.unknown_keys = unknown_key_policy::preserve});
}

BOOST_AUTO_TEST_CASE(round_trip_other_types) {
    check_round_trip(Inner{"only", -1});
    check_round_trip(Inner{"é", std::nullopt});
    Bag b;
    b.code = "c";
    b.rest = boost::json::parse(R"({"x":{"y":[1,2.5,"z"]},"n":null})").as_object();
    check_round_trip(b);
    check_round_trip(Bag{});
    Odd o;
    o.slash = 1;
    o.tilde = 2;
    o.nick = "nick";
    o.ref = "3F2A5C1E-9B7D-4E8A-A1C3-5D6E7F8A9B0C"; // a std::string: kept as written
    o.stamp = "2023-02-15T16:33:42+01:00";
    o.numbers = std::vector<std::int64_t>{std::numeric_limits<std::int64_t>::min(), 0,
                                          std::numeric_limits<std::int64_t>::max()};
    check_round_trip(o);
    BOOST_TEST(schema::serialize(o) ==
               R"({"a/b":1,"m~n":2,"nick":"nick","ref":"3F2A5C1E-9B7D-4E8A-A1C3-5D6E7F8A9B0C",)"
               R"("stamp":"2023-02-15T16:33:42+01:00","numbers":[-9223372036854775808,0,9223372036854775807]})");
    Outer out;
    out.inner = Inner{"i", 3};
    out.list = {Inner{"a", std::nullopt}, Inner{"b", 2}};
    out.unknown_fields["k"] = boost::json::parse(R"([1,{"z":1e-05}])");
    check_round_trip(out, {.unknown_keys = unknown_key_policy::preserve});
}

BOOST_AUTO_TEST_CASE(date_time_precision) {
    Record r;
    r.name = "x";
    r.when = format::date_time::from_unix_microseconds(1);
    BOOST_TEST(schema::serialize(r).find(R"("when":"1970-01-01T00:00:00.000001Z")") != std::string::npos);
    check_round_trip(r);
    r.when = format::date_time::max();
    BOOST_TEST(schema::serialize(r).find(R"("when":"9999-12-31T23:59:59.999999Z")") != std::string::npos);
    check_round_trip(r);
    r.when = format::date_time::min();
    BOOST_TEST(schema::serialize(r).find(R"("when":"0001-01-01T00:00:00Z")") != std::string::npos);
    check_round_trip(r);
}

BOOST_AUTO_TEST_SUITE_END()

} // namespace serialize_test
