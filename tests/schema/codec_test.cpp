#include <authentik/events/schema/codec.hpp>

#include "test_types.hpp"

#include <authentik/events/schema/parse.hpp>
#include <authentik/events/schema/serialize.hpp>

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>
#include <boost/test/unit_test.hpp>

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace codec_test {

namespace schema = authentik::events::schema;
using schema::error;
using schema::field_options;
using schema::json_type;
using schema::problem_list;
using schema::value_format;
using schema_test::colour;
using schema_test::Inner;

BOOST_AUTO_TEST_SUITE(codec_hpp)

namespace {

template <class T>
struct outcome {
    bool ok = false;
    T value{};
    problem_list problems;
};

/// codec<T>::read of jv at pointer `at` (one token, or none when empty).
template <class T, class JV>
outcome<T> read_as(JV& jv, field_options const& fo = {}, schema::parse_options const& opt = {},
                   std::string_view at = "f") {
    outcome<T> r;
    schema::read_context cx(opt, r.problems);
    if (at.empty()) {
        r.ok = schema::codec<T>::read(jv, r.value, fo, cx);
    } else {
        auto const s = cx.enter(at);
        r.ok = schema::codec<T>::read(jv, r.value, fo, cx);
    }
    return r;
}

template <class T>
outcome<T> read_text(std::string_view json, field_options const& fo = {}, schema::parse_options const& opt = {}) {
    boost::json::value jv = boost::json::parse(json);
    return read_as<T>(jv, fo, opt);
}

/// read_value (wrappers and null) of jv into an M.
template <class M>
outcome<M> read_member(std::string_view json, field_options const& fo = {}) {
    outcome<M> r;
    schema::parse_options const opt;
    schema::read_context cx(opt, r.problems);
    boost::json::value jv = boost::json::parse(json);
    auto const s = cx.enter("m");
    r.ok = schema::read_value(jv, r.value, fo, cx);
    return r;
}

template <class T>
std::string written(T const& v) {
    std::string out;
    schema::json_writer w(out);
    schema::write_value(v, w);
    return out;
}

template <class T>
void check_single(outcome<T> const& r, error code, std::string_view pointer, std::string_view value,
                  std::string_view drf_code, std::string_view drf_message) {
    BOOST_TEST(!r.ok);
    BOOST_TEST_REQUIRE(r.problems.size() == 1U);
    auto const& p = r.problems[0];
    BOOST_TEST(schema::to_string(p.code) == schema::to_string(code));
    BOOST_TEST(p.pointer == pointer);
    BOOST_TEST(p.value == value);
    BOOST_TEST(p.drf_code == drf_code);
    BOOST_TEST(p.drf_message == drf_message);
}

} // namespace

BOOST_AUTO_TEST_CASE(json_type_names) {
    static_assert(schema::to_string(json_type::any) == "any");
    BOOST_TEST(schema::to_string(json_type::object) == "object");
    BOOST_TEST(schema::to_string(json_type::array) == "array");
    BOOST_TEST(schema::to_string(json_type::string) == "string");
    BOOST_TEST(schema::to_string(json_type::number) == "number");
    BOOST_TEST(schema::to_string(json_type::integer) == "integer");
    BOOST_TEST(schema::to_string(json_type::boolean) == "boolean");
}

BOOST_AUTO_TEST_CASE(codec_json_types) {
    static_assert(schema::codec<std::string>::type == json_type::string);
    static_assert(schema::codec<boost::uuids::uuid>::type == json_type::string);
    static_assert(schema::codec<boost::uuids::uuid>::format == value_format::uuid);
    static_assert(schema::codec<schema_test::format::date_time>::type == json_type::string);
    static_assert(schema::codec<schema_test::format::date_time>::format == value_format::date_time);
    static_assert(schema::codec<bool>::type == json_type::boolean);
    static_assert(schema::codec<std::int64_t>::type == json_type::integer);
    static_assert(schema::codec<double>::type == json_type::number);
    static_assert(schema::codec<boost::json::object>::type == json_type::object);
    static_assert(schema::codec<boost::json::value>::type == json_type::any);
    static_assert(schema::codec<std::vector<std::string>>::type == json_type::array);
    static_assert(schema::codec<colour>::type == json_type::string);
    static_assert(schema::codec<colour>::format == value_format::enumeration);
    static_assert(schema::codec<Inner>::type == json_type::object);
    static_assert(schema::open_enum<colour>);
    static_assert(!schema::open_enum<std::string>);
    BOOST_TEST(true); // the checks above are compile-time
}

BOOST_AUTO_TEST_CASE(string_reads_and_writes) {
    auto const r = read_text<std::string>(R"("h\u00e9llo\n")");
    BOOST_TEST(r.ok);
    BOOST_TEST(r.value == "héllo\n");
    BOOST_TEST(written(std::string("héllo\n")) == R"("héllo\n")");
    BOOST_TEST(schema::codec<std::string>::to_value("x", {}) == boost::json::value("x"));
}

BOOST_AUTO_TEST_CASE(string_wrong_types) {
    struct kind_case {
        std::string_view json;
        std::string_view kind;
    };
    kind_case const cases[] = {
        {"null", "null"},  {"true", "boolean"}, {"5", "integer"}, {"18446744073709551615", "integer"},
        {"1.5", "number"}, {"[]", "array"},     {"{}", "object"}};
    for (auto const& c : cases) {
        BOOST_TEST_CONTEXT(c.json) {
            auto const r = read_text<std::string>(c.json);
            check_single(r, error::wrong_type, "/f", c.json, "invalid", "Not a valid string.");
            BOOST_TEST(r.problems[0].message == "expected string, got " + std::string(c.kind));
        }
    }
}

BOOST_AUTO_TEST_CASE(string_formats) {
    field_options const uuid{.format = value_format::uuid};
    field_options const date_time{.format = value_format::date_time};
    field_options const ip{.format = value_format::ip_address};
    // Valid text is kept verbatim: a std::string member is not normalized.
    BOOST_TEST(read_text<std::string>(R"("3F2A5C1E-9B7D-4E8A-A1C3-5D6E7F8A9B0C")", uuid).value ==
               "3F2A5C1E-9B7D-4E8A-A1C3-5D6E7F8A9B0C");
    BOOST_TEST(read_text<std::string>(R"("2023-02-15T16:33:42+01:00")", date_time).value ==
               "2023-02-15T16:33:42+01:00");
    BOOST_TEST(read_text<std::string>(R"("::ffff:192.0.2.1")", ip).value == "::ffff:192.0.2.1");

    auto const bad_uuid = read_text<std::string>(R"("not-a-uuid")", uuid);
    check_single(bad_uuid, error::invalid_uuid, "/f", R"("not-a-uuid")", "invalid", "Must be a valid UUID.");
    BOOST_TEST(bad_uuid.problems[0].message.starts_with("not a UUID: "));
    BOOST_TEST(bad_uuid.value.empty()); // nothing stored on failure

    auto const bad_date = read_text<std::string>(R"("2023-02-29T10:00:00Z")", date_time);
    check_single(bad_date, error::invalid_date_time, "/f", R"("2023-02-29T10:00:00Z")", "invalid",
                 "Datetime has wrong format. Use one of these formats instead: "
                 "YYYY-MM-DDThh:mm[:ss[.uuuuuu]][+HH:MM|-HH:MM|Z].");
    BOOST_TEST(bad_date.problems[0].message.starts_with("not an RFC 3339 date-time: "));

    auto const bad_ip = read_text<std::string>(R"("192.168.001.1")", ip);
    check_single(bad_ip, error::invalid_ip_address, "/f", R"("192.168.001.1")", "invalid",
                 "Enter a valid IPv4 or IPv6 address.");
    BOOST_TEST(bad_ip.problems[0].message.starts_with("not an IPv4 or IPv6 address: "));
}

BOOST_AUTO_TEST_CASE(formatted_string_of_the_wrong_type_uses_the_format_wording) {
    // DRF's UUIDField, DateTimeField and IPAddressField answer a non-string with their own
    // "invalid" message.
    check_single(read_text<std::string>("5", {.format = value_format::ip_address}), error::wrong_type, "/f", "5",
                 "invalid", "Enter a valid IPv4 or IPv6 address.");
    check_single(read_text<std::string>("[1]", {.format = value_format::uuid}), error::wrong_type, "/f", "[1]",
                 "invalid", "Must be a valid UUID.");
    check_single(read_text<std::string>("{}", {.format = value_format::date_time}), error::wrong_type, "/f", "{}",
                 "invalid",
                 "Datetime has wrong format. Use one of these formats instead: "
                 "YYYY-MM-DDThh:mm[:ss[.uuuuuu]][+HH:MM|-HH:MM|Z].");
}

BOOST_AUTO_TEST_CASE(min_length_counts_code_points) {
    field_options const one{.min_length = 1};
    field_options const three{.min_length = 3};
    BOOST_TEST(read_text<std::string>(R"("é")", one).ok);     // 2 bytes, 1 code point
    BOOST_TEST(read_text<std::string>(R"("ééé")", three).ok); // 6 bytes, 3 code points
    BOOST_TEST(read_text<std::string>(R"("abc")", three).ok);
    BOOST_TEST(read_text<std::string>("\"\xF0\x9F\x98\x80\xF0\x9F\x98\x80\xF0\x9F\x98\x80\"", three).ok);
    BOOST_TEST(read_text<std::string>(R"("")", {}).ok); // no minimum

    auto const blank = read_text<std::string>(R"("")", one);
    check_single(blank, error::too_short, "/f", R"("")", "blank", "This field may not be blank.");
    BOOST_TEST(blank.problems[0].message == "string of 0 characters is shorter than the minimum of 1");

    // 6 bytes but 2 code points: too short for 3.
    auto const two = read_text<std::string>(R"("日本")", three);
    check_single(two, error::too_short, "/f", R"("日本")", "min_length",
                 "Ensure this field has at least 3 characters.");
    BOOST_TEST(two.problems[0].message == "string of 2 characters is shorter than the minimum of 3");

    // Two emoji: 8 bytes, 2 code points (Python's len(), not UTF-16 units).
    auto const emoji = read_text<std::string>("\"\xF0\x9F\x98\x80\xF0\x9F\x98\x80\"", three);
    BOOST_TEST(!emoji.ok);
    BOOST_TEST(emoji.problems[0].message == "string of 2 characters is shorter than the minimum of 3");
}

BOOST_AUTO_TEST_CASE(uuid_codec) {
    auto const r = read_text<boost::uuids::uuid>(R"("3F2A5C1E-9B7D-4E8A-A1C3-5D6E7F8A9B0C")");
    BOOST_TEST_REQUIRE(r.ok);
    BOOST_TEST(r.value.data[0] == 0x3F);
    BOOST_TEST(r.value.data[15] == 0x0C);
    BOOST_TEST(written(r.value) == R"("3f2a5c1e-9b7d-4e8a-a1c3-5d6e7f8a9b0c")"); // lowercase
    BOOST_TEST(schema::codec<boost::uuids::uuid>::to_value(r.value, {}) ==
               boost::json::value("3f2a5c1e-9b7d-4e8a-a1c3-5d6e7f8a9b0c"));

    check_single(read_text<boost::uuids::uuid>(R"("3f2a5c1e9b7d4e8aa1c35d6e7f8a9b0c")"), error::invalid_uuid, "/f",
                 R"("3f2a5c1e9b7d4e8aa1c35d6e7f8a9b0c")", "invalid", "Must be a valid UUID.");
    auto const wrong = read_text<boost::uuids::uuid>("42");
    check_single(wrong, error::wrong_type, "/f", "42", "invalid", "Must be a valid UUID.");
    BOOST_TEST(wrong.problems[0].message == "expected string, got integer");
}

BOOST_AUTO_TEST_CASE(date_time_codec) {
    auto const r = read_text<schema_test::format::date_time>(R"("2023-02-15T16:33:42.771091+01:00")");
    BOOST_TEST_REQUIRE(r.ok);
    BOOST_TEST(written(r.value) == R"("2023-02-15T15:33:42.771091Z")"); // folded into UTC
    // 2023-02-15T15:33:42Z is 1676475222 seconds after the epoch.
    BOOST_TEST(r.value.unix_microseconds() == 1676475222771091);
    auto const whole = read_text<schema_test::format::date_time>(R"("1970-01-01T00:00:00Z")");
    BOOST_TEST(written(whole.value) == R"("1970-01-01T00:00:00Z")");
    BOOST_TEST(schema::codec<schema_test::format::date_time>::to_value(r.value, {}) ==
               boost::json::value("2023-02-15T15:33:42.771091Z"));

    check_single(read_text<schema_test::format::date_time>(R"("2023-02-15 15:33:42Z")"), error::invalid_date_time, "/f",
                 R"("2023-02-15 15:33:42Z")", "invalid",
                 "Datetime has wrong format. Use one of these formats instead: "
                 "YYYY-MM-DDThh:mm[:ss[.uuuuuu]][+HH:MM|-HH:MM|Z].");
    check_single(read_text<schema_test::format::date_time>("true"), error::wrong_type, "/f", "true", "invalid",
                 "Datetime has wrong format. Use one of these formats instead: "
                 "YYYY-MM-DDThh:mm[:ss[.uuuuuu]][+HH:MM|-HH:MM|Z].");
}

BOOST_AUTO_TEST_CASE(bool_codec) {
    BOOST_TEST(read_text<bool>("true").value);
    auto const f = read_text<bool>("false");
    BOOST_TEST(f.ok);
    BOOST_TEST(!f.value);
    check_single(read_text<bool>("1"), error::wrong_type, "/f", "1", "invalid", "Must be a valid boolean.");
    check_single(read_text<bool>(R"("true")"), error::wrong_type, "/f", R"("true")", "invalid",
                 "Must be a valid boolean.");
    BOOST_TEST(written(true) == "true");
    BOOST_TEST(written(false) == "false");
    BOOST_TEST(schema::codec<bool>::to_value(true, {}) == boost::json::value(true));
}

BOOST_AUTO_TEST_CASE(int64_codec) {
    BOOST_TEST(read_text<std::int64_t>("-9223372036854775808").value == std::numeric_limits<std::int64_t>::min());
    BOOST_TEST(read_text<std::int64_t>("9223372036854775807").value == std::numeric_limits<std::int64_t>::max());
    boost::json::value as_unsigned = std::uint64_t{9223372036854775807ULL}; // uint64 kind, fits
    auto const u = read_as<std::int64_t>(as_unsigned);
    BOOST_TEST(u.ok);
    BOOST_TEST(u.value == std::numeric_limits<std::int64_t>::max());

    check_single(read_text<std::int64_t>("9223372036854775808"), error::wrong_type, "/f", "9223372036854775808",
                 "invalid", "A valid integer is required.");
    check_single(read_text<std::int64_t>("1.5"), error::wrong_type, "/f", "1.5", "invalid",
                 "A valid integer is required.");
    check_single(read_text<std::int64_t>(R"("1")"), error::wrong_type, "/f", R"("1")", "invalid",
                 "A valid integer is required.");
    BOOST_TEST(read_text<std::int64_t>("1.5").problems[0].message == "expected integer, got number");
    BOOST_TEST(written(std::int64_t{-42}) == "-42");
    BOOST_TEST(schema::codec<std::int64_t>::to_value(-42, {}) == boost::json::value(-42));
}

BOOST_AUTO_TEST_CASE(double_codec) {
    BOOST_TEST(read_text<double>("52.52").value == 52.52);
    BOOST_TEST(read_text<double>("-3").value == -3.0);
    BOOST_TEST(read_text<double>("18446744073709551615").value == 18446744073709551615.0);
    check_single(read_text<double>(R"("1.5")"), error::wrong_type, "/f", R"("1.5")", "invalid",
                 "A valid number is required.");
    check_single(read_text<double>("false"), error::wrong_type, "/f", "false", "invalid",
                 "A valid number is required.");
    BOOST_TEST(written(1e-05) == "1e-05");
    BOOST_TEST(written(3.0) == "3.0");
    BOOST_TEST(schema::codec<double>::to_value(0.5, {}) == boost::json::value(0.5));
}

BOOST_AUTO_TEST_CASE(free_form_object_codec) {
    boost::json::value jv = boost::json::parse(R"({"a":[1,{"b":null}],"c":1.0})");
    auto const r = read_as<boost::json::object>(jv);
    BOOST_TEST_REQUIRE(r.ok);
    BOOST_TEST((boost::json::value(r.value) == boost::json::parse(R"({"a":[1,{"b":null}],"c":1.0})")));
    BOOST_TEST(written(r.value) == R"({"a":[1,{"b":null}],"c":1.0})");

    // A const source is copied, not moved from.
    boost::json::value const source = boost::json::parse(R"({"k":"v"})");
    auto const c = read_as<boost::json::object>(source);
    BOOST_TEST(c.ok);
    BOOST_TEST((source == boost::json::parse(R"({"k":"v"})")));
    BOOST_TEST((boost::json::value(c.value) == source));

    struct type_case {
        std::string_view json;
        std::string_view python;
    };
    type_case const cases[] = {{"[]", "list"}, {R"("s")", "str"}, {"1", "int"}, {"1.5", "float"}, {"true", "bool"}};
    for (auto const& t : cases) {
        BOOST_TEST_CONTEXT(t.json) {
            check_single(read_text<boost::json::object>(t.json), error::wrong_type, "/f", t.json, "not_a_dict",
                         "Expected a dictionary of items but got type \"" + std::string(t.python) + "\".");
        }
    }
}

BOOST_AUTO_TEST_CASE(any_value_codec) {
    for (std::string_view json : {"null", "1", "-1.5", R"("s")", "[1,[]]", R"({"a":{}})", "true"}) {
        BOOST_TEST_CONTEXT(json) {
            auto const r = read_text<boost::json::value>(json);
            BOOST_TEST(r.ok);
            BOOST_TEST(r.problems.empty());
            BOOST_TEST((r.value == boost::json::parse(json)));
        }
    }
    BOOST_TEST(written(boost::json::parse(R"({"x":[0.1,1e22]})")) == R"({"x":[0.1,1e+22]})");
}

BOOST_AUTO_TEST_CASE(vector_codec) {
    auto const r = read_text<std::vector<std::string>>(R"(["a","b"])");
    BOOST_TEST(r.ok);
    BOOST_TEST((r.value == std::vector<std::string>{"a", "b"}));
    BOOST_TEST(written(r.value) == R"(["a","b"])");
    BOOST_TEST(written(std::vector<std::string>{}) == "[]");
    BOOST_TEST(schema::codec<std::vector<std::string>>::to_value({"x", "y"}, {}) == boost::json::parse(R"(["x","y"])"));

    // Every bad element is reported, at its index.
    auto const bad = read_text<std::vector<std::string>>(R"(["a",1,null,"d",[]])");
    BOOST_TEST(!bad.ok);
    BOOST_TEST_REQUIRE(bad.problems.size() == 3U);
    BOOST_TEST(bad.problems[0].pointer == "/f/1");
    BOOST_TEST((bad.problems[0].code == error::wrong_type));
    BOOST_TEST(bad.problems[1].pointer == "/f/2");
    BOOST_TEST((bad.problems[1].code == error::null_not_allowed));
    BOOST_TEST(bad.problems[2].pointer == "/f/4");
    BOOST_TEST(bad.problems[2].value == "[]");

    check_single(read_text<std::vector<std::string>>(R"("a")"), error::wrong_type, "/f", R"("a")", "not_a_list",
                 "Expected a list of items but got type \"str\".");
    check_single(read_text<std::vector<std::string>>(R"({"0":"a"})"), error::wrong_type, "/f", R"({"0":"a"})",
                 "not_a_list", "Expected a list of items but got type \"dict\".");
}

BOOST_AUTO_TEST_CASE(vector_of_described_objects) {
    auto const r = read_text<std::vector<Inner>>(R"([{"name":"a"},{"count":1},{"name":"c","count":"x"}])");
    BOOST_TEST_REQUIRE(r.problems.size() == 2U);
    BOOST_TEST(r.problems[0].pointer == "/f/1/name");
    BOOST_TEST((r.problems[0].code == error::missing_field));
    BOOST_TEST(r.problems[1].pointer == "/f/2/count");
    BOOST_TEST((r.problems[1].code == error::wrong_type));
    auto const ok = read_text<std::vector<Inner>>(R"([{"name":"a"},{"name":"b","count":2}])");
    BOOST_TEST_REQUIRE(ok.ok);
    BOOST_TEST(ok.value.size() == 2U);
    BOOST_TEST(ok.value[1].count.value() == 2);
    BOOST_TEST(written(ok.value) == R"([{"name":"a"},{"name":"b","count":2}])");
}

BOOST_AUTO_TEST_CASE(open_enum_codec) {
    auto const known = read_text<colour>(R"("green")");
    BOOST_TEST(known.ok);
    BOOST_TEST(known.value.text() == "green");
    BOOST_TEST(known.value.is_enum_value());
    BOOST_TEST(written(known.value) == R"("green")");
    BOOST_TEST(schema::codec<colour>::to_value(known.value, {}) == boost::json::value("green"));

    // keep (the default): an unknown value is kept verbatim.
    auto const kept = read_text<colour>(R"("purple")");
    BOOST_TEST(kept.ok);
    BOOST_TEST(kept.value.is_unknown());
    BOOST_TEST(written(kept.value) == R"("purple")");

    // reject: unknown values fail, recognized ones do not.
    schema::parse_options const reject{.unknown_actions = schema::unknown_enum_policy::reject};
    auto const rejected = read_text<colour>(R"("purple")", {}, reject);
    check_single(rejected, error::unknown_action, "/f", R"("purple")", "invalid_choice",
                 R"("purple" is not a valid choice.)");
    BOOST_TEST(rejected.problems[0].message == R"("purple" is not a known value)");
    BOOST_TEST(read_text<colour>(R"("custom_teal")", {}, reject).ok);

    // enum_only: only the schema's values, whatever the policy.
    field_options const only{.enum_only = true};
    auto const custom = read_text<colour>(R"("custom_teal")", only);
    check_single(custom, error::unknown_action, "/f", R"("custom_teal")", "invalid_choice",
                 R"("custom_teal" is not a valid choice.)");
    BOOST_TEST(custom.problems[0].message == R"("custom_teal" is not one of the schema's enum values)");
    BOOST_TEST(read_text<colour>(R"("blue")", only).ok);

    // Not a string: DRF's ChoiceField says the value is not a valid choice.
    auto const number = read_text<colour>("5");
    check_single(number, error::wrong_type, "/f", "5", "invalid_choice", R"("5" is not a valid choice.)");
    BOOST_TEST(number.problems[0].message == "expected string, got integer");
}

BOOST_AUTO_TEST_CASE(described_object_codec) {
    auto const r = read_text<Inner>(R"({"name":"n","count":3})");
    BOOST_TEST_REQUIRE(r.ok);
    BOOST_TEST((r.value == Inner{"n", 3}));
    BOOST_TEST(written(r.value) == R"({"name":"n","count":3})");
    BOOST_TEST(schema::codec<Inner>::to_value(r.value, {}) == boost::json::parse(R"({"name":"n","count":3})"));

    // Below the document, a non-object is a field of the wrong type ...
    check_single(read_text<Inner>("[1]"), error::wrong_type, "/f", "[1]", "not_a_dict",
                 "Expected a dictionary of items but got type \"list\".");
    // ... and at the document it is DRF's "Invalid data".
    boost::json::value jv = boost::json::parse("[1]");
    check_single(read_as<Inner>(jv, {}, {}, ""), error::wrong_type, "", "[1]", "invalid",
                 "Invalid data. Expected a dictionary, but got list.");
}

BOOST_AUTO_TEST_CASE(read_value_handles_null) {
    auto const nullable = read_member<schema::nullable<std::string>>("null", {.nullable = true});
    BOOST_TEST(nullable.ok);
    BOOST_TEST(nullable.value.is_null());

    auto const optional = read_member<std::optional<std::string>>("null");
    check_single(optional, error::null_not_allowed, "/m", "null", "null", "This field may not be null.");
    BOOST_TEST(optional.problems[0].message == "null is not allowed here");
    BOOST_TEST(!optional.value.has_value());

    auto const plain = read_member<std::string>("null", {.required = true});
    check_single(plain, error::null_not_allowed, "/m", "null", "null", "This field may not be null.");
}

BOOST_AUTO_TEST_CASE(read_value_resets_a_wrapper_when_the_read_fails) {
    auto const o = read_member<std::optional<std::int64_t>>(R"("x")");
    BOOST_TEST(!o.ok);
    BOOST_TEST(!o.value.has_value());
    auto const n = read_member<schema::nullable<std::int64_t>>(R"("x")", {.nullable = true});
    BOOST_TEST(!n.ok);
    BOOST_TEST(n.value.is_absent());
    auto const good = read_member<schema::nullable<std::int64_t>>("7", {.nullable = true});
    BOOST_TEST(good.ok);
    BOOST_TEST(good.value.value() == 7);
}

BOOST_AUTO_TEST_CASE(read_value_passes_field_options_through_wrappers) {
    auto const r = read_member<schema::nullable<std::string>>(R"("300.1.1.1")",
                                                              {.nullable = true, .format = value_format::ip_address});
    check_single(r, error::invalid_ip_address, "/m", R"("300.1.1.1")", "invalid",
                 "Enter a valid IPv4 or IPv6 address.");
    auto const s = read_member<std::optional<std::string>>(R"("ab")", {.min_length = 3});
    check_single(s, error::too_short, "/m", R"("ab")", "min_length", "Ensure this field has at least 3 characters.");
}

BOOST_AUTO_TEST_CASE(object_to_value_matches_serialize) {
    auto const r = schema::parse<schema_test::Record>(schema_test::valid_record);
    BOOST_TEST_REQUIRE(r.has_value());
    boost::json::value const v = schema::object_to_value(*r, {});
    BOOST_TEST((v == boost::json::parse(schema_test::valid_record)));
    BOOST_TEST((v == boost::json::parse(schema::serialize(*r))));
    // Key order is descriptor order.
    std::string keys;
    for (auto const& kv : v.as_object()) {
        keys += std::string(kv.key()) + ",";
    }
    BOOST_TEST(keys == "name,count,ip,id,when,tags,extra,inner,items,ratio,active,hue,paint,");
}

BOOST_AUTO_TEST_CASE(write_object_leaves_absent_fields_out_and_writes_null) {
    schema_test::Record rec;
    rec.name = "n";
    rec.ip.set_null();
    rec.active = true;
    BOOST_TEST(
        schema::serialize(rec) ==
        R"({"name":"n","ip":null,"id":"00000000-0000-0000-0000-000000000000","when":"1970-01-01T00:00:00Z","active":true})");
    boost::json::value const v = schema::object_to_value(rec, {});
    BOOST_TEST(v.as_object().at("ip").is_null());
    BOOST_TEST(!v.as_object().contains("count"));
}

BOOST_AUTO_TEST_SUITE_END()

} // namespace codec_test
