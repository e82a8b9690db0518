#include <authentik/events/schema/json_writer.hpp>

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>
#include <boost/test/unit_test.hpp>

#include <cstdint>
#include <limits>
#include <string>
#include <string_view>

namespace json_writer_test {

namespace schema = authentik::events::schema;
using schema::json_writer;
using namespace std::string_literals;

BOOST_AUTO_TEST_SUITE(json_writer_hpp)

namespace {

std::string py(double d) {
    std::string out;
    json_writer::append_python_double(out, d);
    return out;
}

std::string str(std::string_view s) {
    std::string out;
    json_writer w(out);
    w.string(s);
    return out;
}

std::string compact(boost::json::value const& v, bool pretty = false) {
    std::string out;
    json_writer w(out, pretty);
    w.value(v);
    return out;
}

struct double_case {
    double value;
    std::string_view python_repr; // repr(value) in CPython 3
};

// Expected texts are CPython's repr(): shortest round-trip digits, fixed notation when the
// decimal exponent is in [-4, 16), otherwise d.ddde+XX with at least two exponent digits, and a
// ".0" added to integral values in fixed notation.
double_case const double_cases[] = {
    {52.52, "52.52"},
    {-0.1, "-0.1"},
    {1e16, "1e+16"},
    {1e-05, "1e-05"},
    {1.0, "1.0"},
    {0.0, "0.0"},
    {-0.0, "-0.0"},
    {1e22, "1e+22"},
    {1.5e-07, "1.5e-07"},
    {123456789.0, "123456789.0"},
    {0.1 + 0.2, "0.30000000000000004"},
    {5e-324, "5e-324"},
    {1.7976931348623157e+308, "1.7976931348623157e+308"},
    {0.0001, "0.0001"},
    {0.001, "0.001"},
    {1e-07, "1e-07"},
    {9999999999999998.0, "9999999999999998.0"},
    {1e15, "1000000000000000.0"},
    {1.5e16, "1.5e+16"},
    {-1.5e-10, "-1.5e-10"},
    {1e100, "1e+100"},
    {2.2250738585072014e-308, "2.2250738585072014e-308"},
    {100.0, "100.0"},
    {123456789012345678.0, "1.2345678901234568e+17"},
    {-123.456, "-123.456"},
    {4.35, "4.35"},
    {9007199254740992.0, "9007199254740992.0"},
    {1.0 / 3.0, "0.3333333333333333"},
    {13.405, "13.405"},
    {1234567890123456.7, "1234567890123456.8"},
    {0.00012345, "0.00012345"},
    {1.2345e-5, "1.2345e-05"},
    {-1e-5, "-1e-05"},
    {12345678901234567890.0, "1.2345678901234567e+19"},
    {1e-100, "1e-100"},
    {123.0e20, "1.23e+22"},
};

} // namespace

BOOST_AUTO_TEST_CASE(doubles_as_python_repr) {
    for (auto const& c : double_cases) {
        BOOST_TEST_CONTEXT(c.python_repr) { BOOST_TEST(py(c.value) == c.python_repr); }
    }
}

BOOST_AUTO_TEST_CASE(non_finite_doubles_are_null) {
    BOOST_TEST(py(std::numeric_limits<double>::quiet_NaN()) == "null");
    BOOST_TEST(py(std::numeric_limits<double>::infinity()) == "null");
    BOOST_TEST(py(-std::numeric_limits<double>::infinity()) == "null");
    std::string out;
    json_writer w(out);
    w.begin_array();
    w.element();
    w.number(std::numeric_limits<double>::infinity());
    w.element();
    w.number(2.0);
    w.end_array();
    BOOST_TEST(out == "[null,2.0]");
}

BOOST_AUTO_TEST_CASE(append_python_double_appends) {
    std::string out = "x=";
    json_writer::append_python_double(out, 0.5);
    BOOST_TEST(out == "x=0.5");
}

BOOST_AUTO_TEST_CASE(integers) {
    std::string out;
    json_writer w(out);
    w.begin_array();
    w.element();
    w.integer(std::numeric_limits<std::int64_t>::min());
    w.element();
    w.integer(std::numeric_limits<std::int64_t>::max());
    w.element();
    w.integer(std::numeric_limits<std::uint64_t>::max());
    w.element();
    w.integer(std::int64_t{0});
    w.element();
    w.integer(std::int64_t{-1});
    w.end_array();
    BOOST_TEST(out == "[-9223372036854775808,9223372036854775807,18446744073709551615,0,-1]");
}

BOOST_AUTO_TEST_CASE(value_writes_integers_by_kind) {
    boost::json::value v = boost::json::parse("[-9223372036854775808,9223372036854775807,18446744073709551615]");
    BOOST_TEST(v.as_array()[2].is_uint64());
    BOOST_TEST(compact(v) == "[-9223372036854775808,9223372036854775807,18446744073709551615]");
}

BOOST_AUTO_TEST_CASE(literals) {
    std::string out;
    json_writer w(out);
    w.begin_array();
    w.element();
    w.null();
    w.element();
    w.boolean(true);
    w.element();
    w.boolean(false);
    w.end_array();
    BOOST_TEST(out == "[null,true,false]");
}

BOOST_AUTO_TEST_CASE(string_escapes) {
    BOOST_TEST(str("plain") == "\"plain\"");
    BOOST_TEST(str("") == "\"\"");
    BOOST_TEST(str("a\"b") == R"("a\"b")");
    BOOST_TEST(str("a\\b") == R"("a\\b")");
    BOOST_TEST(str("\n\r\t\b\f") == R"("\n\r\t\b\f")");
    // Other control characters: \u00XX with lowercase hex, as Python's json module writes them.
    BOOST_TEST(str("\x01") == R"("\u0001")");
    BOOST_TEST(str("\x1f") == R"("\u001f")");
    BOOST_TEST(str("\x1b[0m") == R"("\u001b[0m")");
    BOOST_TEST(str("\x0b") == R"("\u000b")");
    BOOST_TEST(str("\0"s) == R"("\u0000")");
    // DEL is not a JSON control character: raw.
    BOOST_TEST(str("\x7f") == "\"\x7f\"");
    // "/" is not escaped.
    BOOST_TEST(str("a/b") == "\"a/b\"");
}

BOOST_AUTO_TEST_CASE(non_ascii_is_raw_utf8) {
    BOOST_TEST(str("é") == "\"é\"");
    BOOST_TEST(str("日本") == "\"日本\"");
    BOOST_TEST(str("\xF0\x9F\x98\x80") == "\"\xF0\x9F\x98\x80\""); // U+1F600, 4 bytes
    BOOST_TEST(str("\xF4\x8F\xBF\xBF") == "\"\xF4\x8F\xBF\xBF\""); // U+10FFFF
    BOOST_TEST(str("\xC2\x80") == "\"\xC2\x80\"");                 // U+0080, a C1 control: raw
}

BOOST_AUTO_TEST_CASE(line_and_paragraph_separators_are_escaped) {
    // DRF's JSONRenderer escapes U+2028 and U+2029 for JavaScript.
    BOOST_TEST(str("a\xE2\x80\xA8z") == R"("a\u2028z")");
    BOOST_TEST(str("\xE2\x80\xA9") == R"("\u2029")");
    // Their neighbours are not.
    BOOST_TEST(str("\xE2\x80\xA7") == "\"\xE2\x80\xA7\"");
    BOOST_TEST(str("\xE2\x80\xAA") == "\"\xE2\x80\xAA\"");
}

BOOST_AUTO_TEST_CASE(invalid_utf8_becomes_replacement_character) {
    std::string const fffd = "\xEF\xBF\xBD";
    BOOST_TEST(str("a\xFF"
                   "b") == "\"a" + fffd + "b\"");
    BOOST_TEST(str("\x80") == "\"" + fffd + "\"");                                  // lone continuation byte
    BOOST_TEST(str("\xC0\x80") == "\"" + fffd + fffd + "\"");                       // overlong NUL
    BOOST_TEST(str("\xE0\x80\x80") == "\"" + fffd + fffd + fffd + "\"");            // overlong
    BOOST_TEST(str("\xED\xA0\x80") == "\"" + fffd + fffd + fffd + "\"");            // UTF-16 surrogate
    BOOST_TEST(str("\xF5\x80\x80\x80") == "\"" + fffd + fffd + fffd + fffd + "\""); // past U+10FFFF
    BOOST_TEST(str("\xF4\x90\x80\x80") == "\"" + fffd + fffd + fffd + fffd + "\"");
    BOOST_TEST(str("\xC3") == "\"" + fffd + "\""); // truncated at the end
    // The output parses as JSON.
    BOOST_CHECK_NO_THROW(boost::json::parse(str("x\xFF\xC0\xED\xA0\x80y")));
}

BOOST_AUTO_TEST_CASE(keys_are_escaped_like_strings) {
    std::string out;
    json_writer w(out);
    w.begin_object();
    w.key("a\"\n\xE2\x80\xA8");
    w.integer(std::int64_t{1});
    w.end_object();
    BOOST_TEST(out == R"({"a\"\n\u2028":1})");
}

BOOST_AUTO_TEST_CASE(compact_containers) {
    BOOST_TEST(compact(boost::json::parse(R"({"a":{},"b":[],"c":[1,{"d":null}],"e":"x"})")) ==
               R"({"a":{},"b":[],"c":[1,{"d":null}],"e":"x"})");
    BOOST_TEST(compact(boost::json::parse("[]")) == "[]");
    BOOST_TEST(compact(boost::json::parse("{}")) == "{}");
    BOOST_TEST(compact(boost::json::parse("[[],[[]],{}]")) == "[[],[[]],{}]");
}

BOOST_AUTO_TEST_CASE(value_writes_doubles_as_python) {
    BOOST_TEST(compact(boost::json::parse(R"({"lat":52.52,"x":1E-5,"y":1e16,"z":3.0})")) ==
               R"({"lat":52.52,"x":1e-05,"y":1e+16,"z":3.0})");
}

BOOST_AUTO_TEST_CASE(pretty_output) {
    // json.dumps(v, indent=2) in Python: two spaces a level, ": " after keys, "," at line ends,
    // empty containers as {} and [].
    auto const v = boost::json::parse(R"({"a":{},"b":[],"c":[1,{"d":null}],"e":{"f":"g","h":[]}})");
    std::string const expected = "{\n"
                                 "  \"a\": {},\n"
                                 "  \"b\": [],\n"
                                 "  \"c\": [\n"
                                 "    1,\n"
                                 "    {\n"
                                 "      \"d\": null\n"
                                 "    }\n"
                                 "  ],\n"
                                 "  \"e\": {\n"
                                 "    \"f\": \"g\",\n"
                                 "    \"h\": []\n"
                                 "  }\n"
                                 "}";
    BOOST_TEST(compact(v, true) == expected);
    BOOST_TEST(compact(boost::json::parse("{}"), true) == "{}");
    BOOST_TEST(compact(boost::json::parse("[]"), true) == "[]");
    BOOST_TEST(compact(boost::json::parse("[1]"), true) == "[\n  1\n]");
}

BOOST_AUTO_TEST_CASE(pretty_output_parses_back_to_the_same_value) {
    auto const v = boost::json::parse(R"({"a":[1,[2,[3,{}]]],"b":{"c":{"d":[]}},"s":"x\ny"})");
    BOOST_TEST(boost::json::parse(compact(v, true)) == v);
    BOOST_TEST(boost::json::parse(compact(v, false)) == v);
}

BOOST_AUTO_TEST_CASE(appends_to_existing_text) {
    std::string out = "prefix:";
    json_writer w(out);
    w.begin_object();
    w.key("k");
    w.string("v");
    w.end_object();
    BOOST_TEST(out == R"(prefix:{"k":"v"})");
}

BOOST_AUTO_TEST_CASE(top_level_scalars) {
    BOOST_TEST(compact(boost::json::value(nullptr)) == "null");
    BOOST_TEST(compact(boost::json::value(true)) == "true");
    BOOST_TEST(compact(boost::json::value(-5)) == "-5");
    BOOST_TEST(compact(boost::json::value(0.25)) == "0.25");
    BOOST_TEST(compact(boost::json::value("s")) == "\"s\"");
    BOOST_TEST(compact(boost::json::value(1.0), true) == "1.0");
}

BOOST_AUTO_TEST_SUITE_END()

} // namespace json_writer_test
