#include <authentik/events/schema/parse.hpp>

#include "test_types.hpp"

#include <authentik/events/schema/serialize.hpp>

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>
#include <boost/test/unit_test.hpp>

#include <cfloat>
#include <cstddef>
#include <limits>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace parse_test {

namespace schema = authentik::events::schema;
using schema::error;
using schema::parse_options;
using schema::problem;
using schema::problem_list;
using schema::unknown_key_policy;
using schema_test::Bag;
using schema_test::Inner;
using schema_test::Odd;
using schema_test::Outer;
using schema_test::Record;
using namespace std::string_literals;

BOOST_AUTO_TEST_SUITE(parse_hpp)

namespace {

/// The minimal valid Record with more members appended (`more` starts with a comma).
std::string record_with(std::string const& more) {
    std::string text(schema_test::minimal_record.substr(0, schema_test::minimal_record.size() - 1));
    return text + more + "}";
}

std::string repeat(std::string const& s, std::size_t n) {
    std::string out;
    for (std::size_t i = 0; i < n; ++i) {
        out += s;
    }
    return out;
}

std::string pointers(problem_list const& list) {
    std::string out;
    for (auto const& p : list) {
        out += p.pointer + " " + std::string(schema::to_string(p.code)) + "\n";
    }
    return out;
}

/// What a test expects of a problem. An empty drf_message_prefix means "compare exactly".
struct expected_problem {
    std::string pointer;
    error code;
    std::string value;
    std::string_view drf_code;
    std::string drf_message;
    bool drf_message_is_prefix = false;
};

void check_problem(problem const& p, expected_problem const& e) {
    BOOST_TEST(p.pointer == e.pointer);
    BOOST_TEST(schema::to_string(p.code) == schema::to_string(e.code));
    BOOST_TEST(p.value == e.value);
    BOOST_TEST(p.drf_code == e.drf_code);
    if (e.drf_message_is_prefix) {
        BOOST_TEST(p.drf_message.starts_with(e.drf_message), p.drf_message);
        BOOST_TEST(p.drf_message.size() > e.drf_message.size());
    } else {
        BOOST_TEST(p.drf_message == e.drf_message);
    }
    BOOST_TEST(!p.message.empty());
}

template <class T>
void check_only_problem(std::string_view text, parse_options const& opt, expected_problem const& e) {
    auto const r = schema::parse<T>(text, opt);
    BOOST_TEST(!r.has_value());
    BOOST_TEST_REQUIRE(r.problems().size() == 1U, pointers(r.problems()));
    check_problem(r.problems()[0], e);
}

std::string const date_time_message =
    "Datetime has wrong format. Use one of these formats instead: YYYY-MM-DDThh:mm[:ss[.uuuuuu]][+HH:MM|-HH:MM|Z].";

} // namespace

// ---------------------------------------------------------------------------------------------
// Every error code, with its pointer, DRF wording and quoted value.

BOOST_AUTO_TEST_CASE(code_invalid_json) {
    // A trailing comma inside a list: the parser stops at index 1 of /tags.
    check_only_problem<Record>(record_with(R"(,"tags":["a",])"), {},
                               {"/tags/1", error::invalid_json, "", "parse_error", "JSON parse error - ", true});
    auto const r = schema::parse<Record>(R"({"name":})");
    BOOST_TEST_REQUIRE(r.problems().size() == 1U);
    BOOST_TEST(r.problems()[0].pointer == "/name");
    BOOST_TEST(r.problems()[0].message.starts_with("invalid JSON at byte 8: "), r.problems()[0].message);
}

BOOST_AUTO_TEST_CASE(code_duplicate_key) {
    check_only_problem<Record>(
        record_with(R"(,"extra":{"a/b":1,"a~b":0,"a/b":{"z":[1]}})"), {},
        {"/extra/a~1b", error::duplicate_key, R"({"z":[1]})", "duplicate_key", "Duplicate key."});
}

BOOST_AUTO_TEST_CASE(code_depth_exceeded) {
    // Depth: document 1, extra 2, "k~" 3, "x" 4.
    check_only_problem<Record>(record_with(R"(,"extra":{"k~":{"x":{}}})"), {.max_depth = 3},
                               {"/extra/k~0/x", error::depth_exceeded, "", "parse_error", "JSON parse error - ", true});
}

BOOST_AUTO_TEST_CASE(code_size_exceeded) {
    check_only_problem<Record>(record_with(R"(,"tags":["ok",")" + repeat("x", 41) + R"("])"), {.max_string_length = 40},
                               {"/tags/1", error::size_exceeded, "", "parse_error", "JSON parse error - ", true});
    check_only_problem<Record>(std::string(schema_test::minimal_record), {.max_bytes = 10},
                               {"", error::size_exceeded, "", "parse_error", "JSON parse error - ", true});
}

BOOST_AUTO_TEST_CASE(code_missing_field) {
    check_only_problem<Record>(
        R"({"id":"00000000-0000-0000-0000-000000000000","when":"2000-01-01T00:00:00Z","active":true})", {},
        {"/name", error::missing_field, "", "required", "This field is required."});
    // Nested, and in a list.
    check_only_problem<Outer>(R"({"inner":{},"list":[]})", {},
                              {"/inner/name", error::missing_field, "", "required", "This field is required."});
    check_only_problem<Outer>(R"({"inner":{"name":"a"},"list":[{"name":"b"},{"count":2}]})", {},
                              {"/list/1/name", error::missing_field, "", "required", "This field is required."});
    auto const r = schema::parse<Outer>(R"({"list":[]})");
    BOOST_TEST_REQUIRE(r.problems().size() == 1U);
    BOOST_TEST(r.problems()[0].message == R"(required field "inner" is missing)");
}

BOOST_AUTO_TEST_CASE(code_null_not_allowed) {
    // The offending value is null, and is quoted as such (docs/errors.md: the value is empty
    // only when there is none, as for a missing key).
    check_only_problem<Record>(record_with(R"(,"count":null)"), {},
                               {"/count", error::null_not_allowed, "null", "null", "This field may not be null."});
    // A required field given null is null_not_allowed, not missing_field.
    check_only_problem<Outer>(R"({"inner":{"name":null},"list":[]})", {},
                              {"/inner/name", error::null_not_allowed, "null", "null", "This field may not be null."});
    check_only_problem<Odd>(R"({"nick":"abc","a/b":null})", {},
                            {"/a~1b", error::null_not_allowed, "null", "null", "This field may not be null."});
}

BOOST_AUTO_TEST_CASE(code_wrong_type) {
    check_only_problem<Record>(
        record_with(R"(,"items":[{"name":"a"},{"name":"b","count":"3"}])"), {},
        {"/items/1/count", error::wrong_type, R"("3")", "invalid", "A valid integer is required."});
    check_only_problem<Odd>(R"({"nick":"abc","m~n":true})", {},
                            {"/m~0n", error::wrong_type, "true", "invalid", "A valid integer is required."});
    check_only_problem<Odd>(R"({"nick":"abc","numbers":[1,2,"3"]})", {},
                            {"/numbers/2", error::wrong_type, R"("3")", "invalid", "A valid integer is required."});
    check_only_problem<Record>(record_with(R"(,"inner":[{"name":"a"}])"), {},
                               {"/inner", error::wrong_type, R"([{"name":"a"}])", "not_a_dict",
                                R"(Expected a dictionary of items but got type "list".)"});
}

BOOST_AUTO_TEST_CASE(code_unknown_field) {
    check_only_problem<Record>(
        record_with(R"(,"x/y~z":[1,{"a":null}])"), {.unknown_keys = unknown_key_policy::reject},
        {"/x~1y~0z", error::unknown_field, R"([1,{"a":null}])", "unknown_field", "Unknown field."});
    check_only_problem<Record>(record_with(R"(,"inner":{"name":"a","zz":2})"),
                               {.unknown_keys = unknown_key_policy::reject},
                               {"/inner/zz", error::unknown_field, "2", "unknown_field", "Unknown field."});
    auto const r = schema::parse<Record>(record_with(R"(,"zz":1)"), {.unknown_keys = unknown_key_policy::reject});
    BOOST_TEST_REQUIRE(r.problems().size() == 1U);
    BOOST_TEST(r.problems()[0].message == R"(unknown field "zz")");
}

BOOST_AUTO_TEST_CASE(code_invalid_uuid) {
    std::string const doc = R"({"name":"x","id":"not-a-uuid","when":"2000-01-01T00:00:00Z","active":false})";
    check_only_problem<Record>(doc, {},
                               {"/id", error::invalid_uuid, R"("not-a-uuid")", "invalid", "Must be a valid UUID."});
    check_only_problem<Odd>(
        R"({"nick":"abc","ref":"3f2a5c1e-9b7d-4e8a-a1c3-5d6e7f8a9b0"})", {},
        {"/ref", error::invalid_uuid, R"("3f2a5c1e-9b7d-4e8a-a1c3-5d6e7f8a9b0")", "invalid", "Must be a valid UUID."});
}

BOOST_AUTO_TEST_CASE(code_invalid_date_time) {
    std::string const doc =
        R"({"name":"x","id":"00000000-0000-0000-0000-000000000000","when":"2023-02-29T10:00:00Z","active":false})";
    check_only_problem<Record>(
        doc, {}, {"/when", error::invalid_date_time, R"("2023-02-29T10:00:00Z")", "invalid", date_time_message});
    check_only_problem<Odd>(
        R"({"nick":"abc","stamp":"2023-02-15T15:33"})", {},
        {"/stamp", error::invalid_date_time, R"("2023-02-15T15:33")", "invalid", date_time_message});
}

BOOST_AUTO_TEST_CASE(code_invalid_ip_address) {
    check_only_problem<Record>(
        record_with(R"(,"ip":"192.168.001.1")"), {},
        {"/ip", error::invalid_ip_address, R"("192.168.001.1")", "invalid", "Enter a valid IPv4 or IPv6 address."});
}

BOOST_AUTO_TEST_CASE(long_values_are_shortened_on_a_utf8_boundary) {
    // 60 "é" (120 bytes) quoted: '"' then the pairs; byte 80 is the second byte of the 40th "é",
    // so the quote keeps 39 of them (79 bytes) and adds "...".
    std::string const long_ip = repeat("é", 60);
    auto const r = schema::parse<Record>(record_with(R"(,"ip":")" + long_ip + "\""));
    BOOST_TEST_REQUIRE(r.problems().size() == 1U);
    auto const& p = r.problems()[0];
    BOOST_TEST(p.pointer == "/ip");
    BOOST_TEST((p.code == error::invalid_ip_address));
    BOOST_TEST(p.value == "\"" + repeat("é", 39) + "...");
    BOOST_TEST(p.value.size() <= schema::max_quoted_value + 3);
    BOOST_TEST(schema_test::is_valid_utf8(p.value));
    BOOST_TEST(p.drf_message == "Enter a valid IPv4 or IPv6 address.");
    // ASCII: exactly 80 bytes, then "...".
    auto const a = schema::parse<Record>(record_with(R"(,"ip":")" + repeat("z", 200) + "\""));
    BOOST_TEST_REQUIRE(a.problems().size() == 1U);
    BOOST_TEST(a.problems()[0].value == "\"" + repeat("z", 79) + "...");
}

BOOST_AUTO_TEST_CASE(code_unknown_action) {
    check_only_problem<Record>(
        record_with(R"(,"paint":"custom_x")"), {},
        {"/paint", error::unknown_action, R"("custom_x")", "invalid_choice", R"("custom_x" is not a valid choice.)"});
    check_only_problem<Record>(
        record_with(R"(,"hue":"purple")"), parse_options::strict(),
        {"/hue", error::unknown_action, R"("purple")", "invalid_choice", R"("purple" is not a valid choice.)"});
}

BOOST_AUTO_TEST_CASE(code_too_short) {
    check_only_problem<Record>(
        R"({"name":"","id":"00000000-0000-0000-0000-000000000000","when":"2000-01-01T00:00:00Z","active":false})", {},
        {"/name", error::too_short, R"("")", "blank", "This field may not be blank."});
    check_only_problem<Odd>(
        R"({"nick":"ab"})", {},
        {"/nick", error::too_short, R"("ab")", "min_length", "Ensure this field has at least 3 characters."});
    // Code points, not bytes: "éé" is 4 bytes but 2 characters; "é" meets a minimum of 1.
    check_only_problem<Odd>(
        R"({"nick":"éé"})", {},
        {"/nick", error::too_short, R"("éé")", "min_length", "Ensure this field has at least 3 characters."});
    BOOST_TEST(schema::parse<Odd>(R"({"nick":"ééé"})").has_value());
    BOOST_TEST(
        schema::parse<Record>(
            R"({"name":"é","id":"00000000-0000-0000-0000-000000000000","when":"2000-01-01T00:00:00Z","active":false})")
            .has_value());
}

// ---------------------------------------------------------------------------------------------
// Every problem, in descriptor order; the cap.

namespace {

// Problems in name, ip, id, when, tags/1, inner/name, items/0/count, ratio, active, paint; keys
// written in another order than the descriptor's.
std::string const many_problems =
    R"({"paint":"mauve","active":"yes","ratio":"half","items":[{"name":"i","count":1.5}],"inner":{"name":[]},)"
    R"("tags":["a",2],"when":"yesterday","id":"nope","ip":"1.2.3.4.5","name":""})";

std::string const many_problems_order = "/name too_short\n"
                                        "/ip invalid_ip_address\n"
                                        "/id invalid_uuid\n"
                                        "/when invalid_date_time\n"
                                        "/tags/1 wrong_type\n"
                                        "/inner/name wrong_type\n"
                                        "/items/0/count wrong_type\n"
                                        "/ratio wrong_type\n"
                                        "/active wrong_type\n"
                                        "/paint unknown_action\n";

} // namespace

BOOST_AUTO_TEST_CASE(reports_every_problem_in_descriptor_order) {
    auto const r = schema::parse<Record>(many_problems);
    BOOST_TEST(!r.has_value());
    BOOST_TEST(pointers(r.problems()) == many_problems_order);
    BOOST_TEST(!r.problems().truncated());
}

BOOST_AUTO_TEST_CASE(unknown_keys_come_after_the_fields) {
    auto const r = schema::parse<Record>(R"({"zz":1,"name":"","yy":2})", {.unknown_keys = unknown_key_policy::reject});
    BOOST_TEST(pointers(r.problems()) == "/name too_short\n"
                                         "/id missing_field\n"
                                         "/when missing_field\n"
                                         "/active missing_field\n"
                                         "/zz unknown_field\n"
                                         "/yy unknown_field\n");
}

BOOST_AUTO_TEST_CASE(max_problems_caps_the_list) {
    auto const r = schema::parse<Record>(many_problems, {.max_problems = 3});
    BOOST_TEST(pointers(r.problems()) == "/name too_short\n/ip invalid_ip_address\n/id invalid_uuid\n");
    BOOST_TEST(r.problems().truncated());
    auto const exact = schema::parse<Record>(many_problems, {.max_problems = 10});
    BOOST_TEST(exact.problems().size() == 10U);
    BOOST_TEST(!exact.problems().truncated());
    auto const one = schema::parse<Record>(many_problems, {.max_problems = 0}); // a cap of 0 keeps one
    BOOST_TEST(one.problems().size() == 1U);
    BOOST_TEST(one.problems().truncated());
}

BOOST_AUTO_TEST_CASE(max_problems_counts_duplicates_too) {
    auto const r = schema::parse<Bag>(R"({"a":1,"a":2,"b":1,"b":2,"c":1,"c":2})", {.max_problems = 2});
    BOOST_TEST(pointers(r.problems()) == "/a duplicate_key\n/b duplicate_key\n");
    BOOST_TEST(r.problems().truncated());
}

// ---------------------------------------------------------------------------------------------
// Repeated keys.

BOOST_AUTO_TEST_CASE(duplicate_key_is_reported_at_the_second) {
    auto const r = schema::parse<Bag>(R"({"a":1,"a":2})");
    BOOST_TEST_REQUIRE(r.problems().size() == 1U);
    check_problem(r.problems()[0], {"/a", error::duplicate_key, "2", "duplicate_key", "Duplicate key."});
    BOOST_TEST(r.problems()[0].message == R"(duplicate key "a"; the first value is kept)");
}

BOOST_AUTO_TEST_CASE(duplicate_key_keeps_the_first_value) {
    parse_options const opt;
    problem_list problems;
    boost::json::value dom;
    BOOST_TEST(schema::detail::parse_dom(R"({"a":1,"b":{"c":"x","c":"y"},"a":2})", opt, problems, dom));
    BOOST_TEST(problems.size() == 2U);
    BOOST_TEST((dom == boost::json::parse(R"({"a":1,"b":{"c":"x"}})")));
}

BOOST_AUTO_TEST_CASE(allow_duplicate_keys_keeps_the_last) {
    parse_options const opt{.allow_duplicate_keys = true};
    auto const bag = schema::parse<Bag>(R"({"a":1,"code":"x","a":{"n":2},"code":"y"})", opt);
    BOOST_TEST_REQUIRE(bag.has_value());
    BOOST_TEST(*bag->code == "y");
    BOOST_TEST((boost::json::value(bag->rest) == boost::json::parse(R"({"a":{"n":2}})")));
    auto const rec = schema::parse<Record>(record_with(R"(,"name":"second","extra":{"k":[1],"k":[2]})"), opt);
    BOOST_TEST_REQUIRE(rec.has_value());
    BOOST_TEST(rec->name == "second");
    BOOST_TEST((boost::json::value(*rec->extra) == boost::json::parse(R"({"k":[2]})")));
}

BOOST_AUTO_TEST_CASE(duplicate_described_key) {
    auto const r = schema::parse<Record>(record_with(R"(,"name":"again")"));
    BOOST_TEST_REQUIRE(r.problems().size() == 1U);
    check_problem(r.problems()[0], {"/name", error::duplicate_key, R"("again")", "duplicate_key", "Duplicate key."});
}

BOOST_AUTO_TEST_CASE(duplicates_in_nested_free_form_objects) {
    auto const r =
        schema::parse<Record>(record_with(R"(,"extra":{"o":{"k":1,"k":2},"arr":[0,{"m~/":1,"m~/":true}],"o":3})"));
    BOOST_TEST(pointers(r.problems()) == "/extra/o/k duplicate_key\n"
                                         "/extra/arr/1/m~0~1 duplicate_key\n"
                                         "/extra/o duplicate_key\n");
    BOOST_TEST(r.problems()[1].value == "true");
    BOOST_TEST(r.problems()[2].value == "3");
}

BOOST_AUTO_TEST_CASE(duplicate_and_missing_field_are_both_reported) {
    auto const r = schema::parse<Record>(
        R"({"id":"00000000-0000-0000-0000-000000000000","when":"2000-01-01T00:00:00Z","active":true,"active":false})");
    BOOST_TEST(pointers(r.problems()) == "/active duplicate_key\n/name missing_field\n");
}

// ---------------------------------------------------------------------------------------------
// Limits.

namespace {

// {"extra": {"d": ... {"d": {}}}}: extra and the objects in it are `levels` objects with a "d"
// and one empty one; with the document, depth levels + 2.
std::string nested_objects(std::size_t levels) {
    return record_with(R"(,"extra":)" + repeat(R"({"d":)", levels) + "{}" + repeat("}", levels));
}

} // namespace

BOOST_AUTO_TEST_CASE(max_depth_at_the_limit_passes) {
    BOOST_TEST(schema::parse<Record>(nested_objects(3), {.max_depth = 5}).has_value());
    BOOST_TEST(schema::parse<Record>(nested_objects(0), {.max_depth = 2}).has_value());
    // Arrays count as levels too: document 1, extra 2, the list under "a" 3, the list in it 4.
    BOOST_TEST(schema::parse<Record>(record_with(R"(,"extra":{"a":[[1]]})"), {.max_depth = 4}).has_value());
    // A flat document is depth 1.
    BOOST_TEST(schema::parse<Bag>(R"({"a":1})", {.max_depth = 1}).has_value());
}

BOOST_AUTO_TEST_CASE(max_depth_one_deeper_fails_where) {
    check_only_problem<Record>(
        nested_objects(4), {.max_depth = 5},
        {"/extra/d/d/d/d", error::depth_exceeded, "", "parse_error", "JSON parse error - ", true});
    check_only_problem<Record>(record_with(R"(,"extra":{"a":[0,[1,[2]]]})"), {.max_depth = 4},
                               {"/extra/a/1/1", error::depth_exceeded, "", "parse_error", "JSON parse error - ", true});
    check_only_problem<Bag>(R"({"a":{}})", {.max_depth = 1},
                            {"/a", error::depth_exceeded, "", "parse_error", "JSON parse error - ", true});
    check_only_problem<Bag>(R"({})", {.max_depth = 0},
                            {"", error::depth_exceeded, "", "parse_error", "JSON parse error - ", true});
    auto const r = schema::parse<Record>(nested_objects(4), {.max_depth = 5});
    BOOST_TEST_REQUIRE(r.problems().size() == 1U);
    BOOST_TEST(r.problems()[0].message == "nesting deeper than the limit of 5 levels");
}

BOOST_AUTO_TEST_CASE(max_depth_of_the_largest_size_accepts_any_nesting) {
    // parse_options::max_depth is the deepest nesting accepted: with SIZE_MAX, depth 2 is fine.
    parse_options const opt{.max_depth = std::numeric_limits<std::size_t>::max()};
    auto const r = schema::parse<Bag>(R"({"a":[1]})", opt);
    BOOST_TEST(r.has_value(), r.problems());
    BOOST_TEST(schema::parse<Bag>(R"({"a":)" + repeat("[", 200) + repeat("]", 200) + "}", opt).has_value());
}

BOOST_AUTO_TEST_CASE(deep_nesting_beyond_the_default) {
    std::string const deep = repeat("[", 10000) + repeat("]", 10000);
    auto const r = schema::parse<Bag>(R"({"a":)" + deep + "}");
    BOOST_TEST_REQUIRE(r.problems().size() == 1U);
    BOOST_TEST((r.problems()[0].code == error::depth_exceeded));
    // The document and 63 lists are open when the 64th list would make depth 65.
    BOOST_TEST(r.problems()[0].pointer == "/a" + repeat("/0", 63));
}

BOOST_AUTO_TEST_CASE(max_bytes) {
    std::string const doc = R"({"code":"abc"})"; // 14 bytes
    BOOST_TEST(schema::parse<Bag>(doc, {.max_bytes = 14}).has_value());
    auto const r = schema::parse<Bag>(doc, {.max_bytes = 13});
    BOOST_TEST_REQUIRE(r.problems().size() == 1U);
    check_problem(r.problems()[0], {"", error::size_exceeded, "", "parse_error", "JSON parse error - ", true});
    BOOST_TEST(r.problems()[0].message == "document of 14 bytes is larger than the limit of 13");
}

BOOST_AUTO_TEST_CASE(max_string_length_for_strings) {
    BOOST_TEST(schema::parse<Bag>(R"({"code":"abcd"})", {.max_string_length = 4}).has_value());
    check_only_problem<Bag>(R"({"code":"abcde"})", {.max_string_length = 4},
                            {"/code", error::size_exceeded, "", "parse_error", "JSON parse error - ", true});
    check_only_problem<Bag>(R"({"x":[{"y":"abcde"}]})", {.max_string_length = 4},
                            {"/x/0/y", error::size_exceeded, "", "parse_error", "JSON parse error - ", true});
    auto const r = schema::parse<Bag>(R"({"code":"abcde"})", {.max_string_length = 4});
    BOOST_TEST_REQUIRE(r.problems().size() == 1U);
    BOOST_TEST(r.problems()[0].message == "string longer than the limit of 4 bytes");
    // Bytes, not characters: "éé" is 4 bytes.
    BOOST_TEST(schema::parse<Bag>(R"({"code":"éé"})", {.max_string_length = 4}).has_value());
    BOOST_TEST(!schema::parse<Bag>(R"({"code":"ééé"})", {.max_string_length = 5}).has_value());
    // Escapes count as the bytes they stand for: "\u00e9" is 2 bytes.
    BOOST_TEST(schema::parse<Bag>(R"({"code":"\u00e9\u00e9"})", {.max_string_length = 4}).has_value());
}

BOOST_AUTO_TEST_CASE(max_string_length_for_long_strings_with_escapes) {
    // Long enough that the parser hands the string over in parts.
    std::string const body = repeat(R"(\n)", 20000); // 20000 bytes once unescaped
    std::string const doc = R"({"a":{"b":")" + body + R"("}})";
    auto const ok = schema::parse<Bag>(doc, {.max_string_length = 20000});
    BOOST_TEST_REQUIRE(ok.has_value());
    BOOST_TEST(ok->rest.at("a").at("b").as_string().size() == 20000U);
    check_only_problem<Bag>(doc, {.max_string_length = 19999},
                            {"/a/b", error::size_exceeded, "", "parse_error", "JSON parse error - ", true});
}

BOOST_AUTO_TEST_CASE(max_string_length_for_keys) {
    BOOST_TEST(schema::parse<Bag>(R"({"abcd":1})", {.max_string_length = 4}).has_value());
    // A key has no pointer of its own until it is read: the problem is at its object.
    check_only_problem<Bag>(R"({"abcde":1})", {.max_string_length = 4},
                            {"", error::size_exceeded, "", "parse_error", "JSON parse error - ", true});
    check_only_problem<Bag>(R"({"o":{"ok":1,"abcde":1}})", {.max_string_length = 4},
                            {"/o", error::size_exceeded, "", "parse_error", "JSON parse error - ", true});
    std::string const long_key = repeat(R"(\t)", 20000);
    BOOST_TEST(schema::parse<Bag>(R"({")" + long_key + R"(":1})", {.max_string_length = 20000}).has_value());
    BOOST_TEST(!schema::parse<Bag>(R"({")" + long_key + R"(":1})", {.max_string_length = 19999}).has_value());
}

// ---------------------------------------------------------------------------------------------
// Not JSON.

BOOST_AUTO_TEST_CASE(invalid_json) {
    struct bad_case {
        std::string text;
        std::string pointer;
    };
    bad_case const cases[] = {
        {"", ""},                                    // empty
        {"   ", ""},                                 // only whitespace
        {R"({"a":})", "/a"},                         // syntax error
        {R"({"a" 1})", "/a"},                        // missing colon: the key was read
        {R"({"a":[1,2)", "/a/2"},                    // truncated in a list
        {R"({"a":{"b":"x)", "/a/b"},                 // truncated in a string
        {R"({"a":1)", ""},                           // truncated object
        {R"({} {})", ""},                            // trailing data
        {R"({}x)", ""},                              // trailing data
        {"{\"a\":\"\xFF\"}", "/a"},                  // invalid UTF-8
        {"{\"a\":\"\xC0\x80\"}", "/a"},              // overlong UTF-8
        {"{\"a\":\"\xED\xA0\x80\"}", "/a"},          // encoded surrogate
        {R"({/*c*/"a":1})", ""},                     // comment
        {"{\"a\":1 // c\n}", ""},                    // line comment
        {R"({"a":1,})", ""},                         // trailing comma in an object
        {R"({"a":[1,]})", "/a/1"},                   // trailing comma in a list
        {R"({"a":1e999})", "/a"},                    // out of the range of a double
        {R"({"a":[-1e999]})", "/a/0"},               // out of the range of a double
        {R"({"a":18446744073709551616})", "/a"},     // 2^64: as a double it would lose digits
        {R"({"a":[-9223372036854775809]})", "/a/0"}, // -2^63 - 1
        {R"({'a':1})", ""},                          // single quotes
        {R"({"a":NaN})", "/a"},                      // not a JSON literal
        {R"({"a":01})", ""},                         // leading zero: 0 was read, then "1" is extra
        {"{\"a\":\"x\ny\"}", "/a"},                  // raw control character in a string
        {R"({"a":tru})", "/a"},                      // bad literal
        {R"({"a":"\x"})", "/a"},                     // bad escape
    };
    for (auto const& c : cases) {
        BOOST_TEST_CONTEXT("text: " << c.text) {
            auto const r = schema::parse<Bag>(c.text);
            BOOST_TEST(!r.has_value());
            BOOST_TEST_REQUIRE(r.problems().size() == 1U, pointers(r.problems()));
            check_problem(r.problems()[0],
                          {c.pointer, error::invalid_json, "", "parse_error", "JSON parse error - ", true});
        }
    }
}

BOOST_AUTO_TEST_CASE(invalid_json_messages) {
    auto const trailing = schema::parse<Bag>(R"({} x)");
    BOOST_TEST_REQUIRE(trailing.problems().size() == 1U);
    BOOST_TEST(trailing.problems()[0].message == "invalid JSON at byte 3: extra data after the document");
    BOOST_TEST(trailing.problems()[0].drf_message == "JSON parse error - extra data");
    auto const huge = schema::parse<Bag>(R"({"a":1e999})");
    BOOST_TEST_REQUIRE(huge.problems().size() == 1U);
    BOOST_TEST(huge.problems()[0].message == "number 1e999 is out of the range of a double");
    // The largest integers a DOM holds exactly are kept; one past them is refused, not rounded.
    auto const edges = schema::parse<Bag>(R"({"a":[18446744073709551615,-9223372036854775808,1e2,1.5E300]})");
    BOOST_TEST_REQUIRE(edges.has_value());
    auto const& a = edges->rest.at("a").as_array();
    BOOST_TEST(a.at(0).is_uint64());
    BOOST_TEST(a.at(0).as_uint64() == 18446744073709551615ULL);
    BOOST_TEST(a.at(1).as_int64() == INT64_MIN);
    auto const wide = schema::parse<Bag>(R"({"a":123456789012345678901234567890})");
    BOOST_TEST_REQUIRE(wide.problems().size() == 1U);
    BOOST_TEST(wide.problems()[0].message ==
               "integer 123456789012345678901234567890 does not fit in 64 bits; as a double it would lose digits");
    // A long number is cut short in the message, which still gives its length.
    std::string const digits(5000, '7');
    auto const long_one = schema::parse<Bag>("{\"a\":" + digits + "}");
    BOOST_TEST_REQUIRE(long_one.problems().size() == 1U);
    BOOST_TEST(long_one.problems()[0].message ==
               "integer " + digits.substr(0, 40) +
                   "... (5000 bytes) does not fit in 64 bits; as a double it would lose digits");
}

BOOST_AUTO_TEST_CASE(whitespace_around_the_document_is_fine) {
    BOOST_TEST(schema::parse<Bag>(" \t\r\n{\"a\" : [ 1 , 2 ] }\n ").has_value());
}

BOOST_AUTO_TEST_CASE(tiny_numbers_underflow_to_zero_or_subnormal) {
    // Not an error: Python reads 1e-400 as 0.0.
    auto const r = schema::parse<Bag>(R"({"a":1e-400,"b":4.9406564584124654e-324})");
    BOOST_TEST_REQUIRE(r.has_value());
    BOOST_TEST(r->rest.at("a").as_double() == 0.0);
    BOOST_TEST(r->rest.at("b").as_double() == 5e-324);
}

BOOST_AUTO_TEST_CASE(top_level_not_an_object) {
    struct top_case {
        std::string text;
        std::string python;
    };
    top_case const cases[] = {{"[]", "list"},   {R"([1,"a"])", "list"}, {R"("s")", "str"},   {"1", "int"},
                              {"1.5", "float"}, {"true", "bool"},       {"null", "NoneType"}};
    for (auto const& c : cases) {
        BOOST_TEST_CONTEXT(c.text) {
            check_only_problem<Record>(c.text, {},
                                       {"", error::wrong_type, c.text, "invalid",
                                        "Invalid data. Expected a dictionary, but got " + c.python + "."});
        }
    }
    auto const r = schema::parse<Record>("[]");
    BOOST_TEST(r.problems()[0].message == "expected object, got array");
}

// ---------------------------------------------------------------------------------------------
// Unknown keys.

BOOST_AUTO_TEST_CASE(unknown_keys_ignored_by_default) {
    auto const r = schema::parse<Record>(record_with(R"(,"zz":{"a":1},"inner":{"name":"n","yy":2})"));
    BOOST_TEST_REQUIRE(r.has_value());
    BOOST_TEST(r->unknown_fields.empty());
    BOOST_TEST(schema::serialize(*r).find("zz") == std::string::npos);
    BOOST_TEST(schema::serialize(*r).find("yy") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(unknown_keys_rejected) {
    auto const r = schema::parse<Record>(record_with(R"(,"zz":{"a":1},"inner":{"name":"n","yy":2})"),
                                         {.unknown_keys = unknown_key_policy::reject});
    BOOST_TEST(pointers(r.problems()) == "/inner/yy unknown_field\n/zz unknown_field\n");
}

BOOST_AUTO_TEST_CASE(unknown_keys_preserved) {
    parse_options const opt{.unknown_keys = unknown_key_policy::preserve};
    std::string const text = record_with(R"(,"zz":{"b":1.0,"a":[1e-05,"\u2028",null]},"yy":52.52)");
    auto const r = schema::parse<Record>(text, opt);
    BOOST_TEST_REQUIRE(r.has_value());
    BOOST_TEST(r->unknown_fields.size() == 2U);
    BOOST_TEST((r->unknown_fields.at("zz") == boost::json::parse(R"({"b":1.0,"a":[1e-05,"\u2028",null]})")));
    BOOST_TEST(r->unknown_fields.at("yy").as_double() == 52.52);
    // The same bytes back: unknown keys last, as in the input, their values untouched.
    BOOST_TEST(schema::serialize(*r) == text);
    // And a second round keeps them.
    auto const again = schema::parse<Record>(schema::serialize(*r), opt);
    BOOST_TEST_REQUIRE(again.has_value());
    BOOST_TEST((*again == *r));
}

BOOST_AUTO_TEST_CASE(preserved_keys_move_after_the_fields) {
    auto const r = schema::parse<Record>(R"({"zz":true,"name":"x","id":"00000000-0000-0000-0000-000000000000",)"
                                         R"("when":"2000-01-01T00:00:00Z","active":false})",
                                         {.unknown_keys = unknown_key_policy::preserve});
    BOOST_TEST_REQUIRE(r.has_value());
    BOOST_TEST(schema::serialize(*r) == record_with(R"(,"zz":true)"));
}

BOOST_AUTO_TEST_CASE(preserve_without_a_sink_is_an_unknown_field) {
    auto const r = schema::parse<Record>(record_with(R"(,"inner":{"name":"n","yy":2})"),
                                         {.unknown_keys = unknown_key_policy::preserve});
    BOOST_TEST_REQUIRE(r.problems().size() == 1U);
    check_problem(r.problems()[0], {"/inner/yy", error::unknown_field, "2", "unknown_field", "Unknown field."});
    BOOST_TEST(r.problems()[0].message.find("no place to preserve") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(additional_properties_always_keep_extra_keys) {
    std::string const text = R"({"code":"c","x":{"y":[1,2.5]},"z":null})";
    for (auto policy : {unknown_key_policy::ignore, unknown_key_policy::reject, unknown_key_policy::preserve}) {
        BOOST_TEST_CONTEXT(static_cast<int>(policy)) {
            auto const r = schema::parse<Bag>(text, {.unknown_keys = policy});
            BOOST_TEST_REQUIRE(r.has_value());
            BOOST_TEST(*r->code == "c");
            BOOST_TEST((boost::json::value(r->rest) == boost::json::parse(R"({"x":{"y":[1,2.5]},"z":null})")));
            BOOST_TEST(schema::serialize(*r) == text);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Values.

BOOST_AUTO_TEST_CASE(valid_record_reads_every_member) {
    auto const r = schema::parse<Record>(schema_test::valid_record);
    BOOST_TEST_REQUIRE(r.has_value(), r.problems());
    BOOST_TEST(r->name == "alpha");
    BOOST_TEST(*r->count == 42);
    BOOST_TEST(*r->ip == "192.0.2.1");
    BOOST_TEST(schema_test::format::date_time_to_string(r->when) == "2023-02-15T15:33:42.771091Z");
    BOOST_TEST((*r->tags == std::vector<std::string>{"a", "b"}));
    BOOST_TEST(r->extra->at("lat").as_double() == 52.52);
    BOOST_TEST((r->inner == Inner{"in", -7}));
    BOOST_TEST_REQUIRE(r->items->size() == 2U);
    BOOST_TEST(((*r->items)[1] == Inner{"i1", 1}));
    BOOST_TEST(*r->ratio == 0.5);
    BOOST_TEST(r->active);
    BOOST_TEST(r->hue->text() == "green");
    BOOST_TEST(r->paint->text() == "blue");
    BOOST_TEST(r->unknown_fields.empty());
}

BOOST_AUTO_TEST_CASE(absent_optional_fields_stay_empty) {
    auto const r = schema::parse<Record>(schema_test::minimal_record);
    BOOST_TEST_REQUIRE(r.has_value());
    BOOST_TEST(!r->count.has_value());
    BOOST_TEST(r->ip.is_absent());
    BOOST_TEST(!r->tags.has_value());
    BOOST_TEST(!r->extra.has_value());
    BOOST_TEST(!r->inner.has_value());
    BOOST_TEST(!r->ratio.has_value());
    BOOST_TEST(!r->hue.has_value());
}

BOOST_AUTO_TEST_CASE(nullable_null_and_optional_null) {
    auto const n = schema::parse<Record>(record_with(R"(,"ip":null)"));
    BOOST_TEST_REQUIRE(n.has_value());
    BOOST_TEST(n->ip.is_null());
    for (std::string_view field : {"count", "tags", "extra", "inner", "items", "ratio", "hue", "paint"}) {
        BOOST_TEST_CONTEXT(field) {
            auto const r = schema::parse<Record>(record_with(",\"" + std::string(field) + "\":null"));
            BOOST_TEST_REQUIRE(r.problems().size() == 1U);
            BOOST_TEST(r.problems()[0].pointer == "/" + std::string(field));
            BOOST_TEST((r.problems()[0].code == error::null_not_allowed));
            BOOST_TEST(r.problems()[0].drf_message == "This field may not be null.");
        }
    }
}

BOOST_AUTO_TEST_CASE(doubles_are_read_exactly) {
    for (std::string_view number : {"0.1", "52.5244", "1.0000000000000002", "2.2250738585072014e-308", "13.405",
                                    "1e+16", "1e-05", "0.30000000000000004", "5e-324", "1.7976931348623157e+308"}) {
        BOOST_TEST_CONTEXT(number) {
            // Members in descriptor order, so that the text can come back byte for byte.
            std::string const text = R"({"name":"x","id":"00000000-0000-0000-0000-000000000000",)"
                                     R"("when":"2000-01-01T00:00:00Z","extra":{"n":)" +
                                     std::string(number) + R"(},"ratio":)" + std::string(number) +
                                     R"(,"active":false})";
            auto const r = schema::parse<Record>(text);
            BOOST_TEST_REQUIRE(r.has_value());
            BOOST_TEST(schema::serialize(*r) == text);
        }
    }
    // The values are the correctly rounded doubles.
    auto const r = schema::parse<Record>(
        record_with(R"(,"extra":{"a":1.0000000000000002,"b":2.2250738585072014e-308},"ratio":52.5244)"));
    BOOST_TEST_REQUIRE(r.has_value());
    BOOST_TEST(r->extra->at("a").as_double() == 1.0 + DBL_EPSILON);
    BOOST_TEST(r->extra->at("b").as_double() == DBL_MIN);
    BOOST_TEST(*r->ratio == 52.5244);
}

BOOST_AUTO_TEST_CASE(free_form_numbers_come_back_as_python_writes_them) {
    // json.dumps(json.loads(text)) in Python: 1E5 is a float, -0 an int, 1.50 is 1.5.
    auto const r = schema::parse<Bag>(R"({"a":1E5,"b":-0,"c":1.50,"d":0e0,"e":-0.0,"f":5E-5})");
    BOOST_TEST_REQUIRE(r.has_value());
    BOOST_TEST(schema::serialize(*r) == R"({"a":100000.0,"b":0,"c":1.5,"d":0.0,"e":-0.0,"f":5e-05})");
}

BOOST_AUTO_TEST_CASE(integers_in_free_form_objects_keep_their_kind) {
    std::string const text =
        R"({"a":-9223372036854775808,"b":9223372036854775807,"c":18446744073709551615,"d":0,"e":-0.0})";
    auto const r = schema::parse<Bag>(text);
    BOOST_TEST_REQUIRE(r.has_value());
    BOOST_TEST(r->rest.at("a").is_int64());
    BOOST_TEST(r->rest.at("c").is_uint64());
    BOOST_TEST(schema::serialize(*r) == text);
}

// ---------------------------------------------------------------------------------------------
// validate and the throwing conveniences.

BOOST_AUTO_TEST_CASE(parse_and_validate_never_throw) {
    static_assert(noexcept(schema::parse<Record>(std::string_view{})));
    static_assert(noexcept(schema::validate<Record>(std::declval<boost::json::value const&>())));
    static_assert(noexcept(schema::validate<Record>(std::declval<boost::json::value&&>())));
    BOOST_TEST(!schema::parse<Record>("{").has_value());
}

BOOST_AUTO_TEST_CASE(validate_const_leaves_its_input_untouched) {
    boost::json::value const input = boost::json::parse(std::string(schema_test::valid_record) + " ");
    boost::json::value const copy = input;
    auto const r = schema::validate<Record>(input);
    BOOST_TEST_REQUIRE(r.has_value());
    BOOST_TEST((input == copy));
    BOOST_TEST(!input.as_object().at("extra").as_object().empty());
    BOOST_TEST((boost::json::value(*r->extra) == input.as_object().at("extra")));
    BOOST_TEST((*r == schema::parse<Record>(schema_test::valid_record).value()));

    // Unknown keys are copied into the sink too.
    boost::json::value const extra = boost::json::parse(record_with(R"(,"zz":{"k":[1]})"));
    auto const p = schema::validate<Record>(extra, {.unknown_keys = unknown_key_policy::preserve});
    BOOST_TEST_REQUIRE(p.has_value());
    BOOST_TEST((extra == boost::json::parse(record_with(R"(,"zz":{"k":[1]})"))));
    BOOST_TEST((p->unknown_fields.at("zz") == boost::json::parse(R"({"k":[1]})")));
}

BOOST_AUTO_TEST_CASE(validate_rvalue) {
    boost::json::value input = boost::json::parse(record_with(R"(,"extra":{"big":[1,2,3]},"zz":[true])"));
    auto const r = schema::validate<Record>(std::move(input), {.unknown_keys = unknown_key_policy::preserve});
    BOOST_TEST_REQUIRE(r.has_value());
    BOOST_TEST((boost::json::value(*r->extra) == boost::json::parse(R"({"big":[1,2,3]})")));
    BOOST_TEST((r->unknown_fields.at("zz") == boost::json::parse("[true]")));
    BOOST_TEST(schema::validate<Record>(boost::json::parse(many_problems)).problems().size() == 10U);
}

BOOST_AUTO_TEST_CASE(validate_reports_like_parse) {
    auto const v = schema::validate<Record>(boost::json::parse(many_problems));
    BOOST_TEST(pointers(v.problems()) == many_problems_order);
    auto const top = schema::validate<Record>(boost::json::value(nullptr));
    BOOST_TEST_REQUIRE(top.problems().size() == 1U);
    check_problem(top.problems()[0],
                  {"", error::wrong_type, "null", "invalid", "Invalid data. Expected a dictionary, but got NoneType."});
}

BOOST_AUTO_TEST_CASE(parse_or_throw) {
    Record const ok = schema::parse_or_throw<Record>(schema_test::valid_record);
    BOOST_TEST(ok.name == "alpha");
    try {
        (void)schema::parse_or_throw<Record>(many_problems);
        BOOST_FAIL("parse_or_throw did not throw");
    } catch (schema::validation_failure const& e) {
        BOOST_TEST(pointers(e.problems()) == many_problems_order);
        BOOST_TEST((e.code() == error::too_short));
    }
    try {
        (void)schema::parse_or_throw<Record>("[");
        BOOST_FAIL("parse_or_throw did not throw");
    } catch (schema::validation_failure const& e) {
        BOOST_TEST((e.code() == error::invalid_json));
        BOOST_TEST(e.problems().size() == 1U);
    }
}

BOOST_AUTO_TEST_CASE(validate_or_throw) {
    Record const ok = schema::validate_or_throw<Record>(boost::json::parse(schema_test::valid_record));
    BOOST_TEST(ok.name == "alpha");
    try {
        (void)schema::validate_or_throw<Record>(boost::json::parse(R"({"active":"no"})"));
        BOOST_FAIL("validate_or_throw did not throw");
    } catch (schema::validation_failure const& e) {
        BOOST_TEST(pointers(e.problems()) == "/name missing_field\n/id missing_field\n/when missing_field\n"
                                             "/active wrong_type\n");
        BOOST_TEST((e.code() == error::missing_field));
    }
}

BOOST_AUTO_TEST_CASE(result_value_throws) {
    auto r = schema::parse<Record>(many_problems);
    BOOST_CHECK_EXCEPTION((void)r.value(), schema::validation_failure, [](schema::validation_failure const& e) {
        return e.problems().size() == 10U && e.code() == error::too_short;
    });
}

BOOST_AUTO_TEST_SUITE_END()

} // namespace parse_test
