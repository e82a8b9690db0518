#include <authentik/events/schema/json_pointer.hpp>

#include <boost/test/unit_test.hpp>

#include <cstddef>
#include <string>
#include <string_view>

namespace json_pointer_test {

namespace schema = authentik::events::schema;
using namespace std::string_literals;

BOOST_AUTO_TEST_SUITE(json_pointer_hpp)

namespace {

std::string pointer_of(std::string_view token) {
    std::string p;
    schema::append_pointer_token(p, token);
    return p;
}

} // namespace

BOOST_AUTO_TEST_CASE(plain_tokens) {
    BOOST_TEST(pointer_of("name") == "/name");
    BOOST_TEST(pointer_of("") == "/"); // RFC 6901: "/" refers to the key ""
    BOOST_TEST(pointer_of(" ") == "/ ");
    BOOST_TEST(pointer_of("é") == "/é");
}

BOOST_AUTO_TEST_CASE(tilde_and_slash_are_escaped) {
    // RFC 6901 section 3: "~" is "~0" and "/" is "~1".
    BOOST_TEST(pointer_of("a/b") == "/a~1b");
    BOOST_TEST(pointer_of("m~n") == "/m~0n");
    BOOST_TEST(pointer_of("~") == "/~0");
    BOOST_TEST(pointer_of("/") == "/~1");
    BOOST_TEST(pointer_of("~1") == "/~01"); // not "/~1", which would read back as "/"
    BOOST_TEST(pointer_of("/~") == "/~1~0");
    BOOST_TEST(pointer_of("a~/b") == "/a~0~1b");
}

BOOST_AUTO_TEST_CASE(other_characters_are_kept) {
    // RFC 6901 escapes nothing else; JSON escaping is for the text that carries the pointer.
    BOOST_TEST(pointer_of("a\"b\\c") == "/a\"b\\c");
    BOOST_TEST(pointer_of("%25") == "/%25");
    BOOST_TEST(pointer_of("a b") == "/a b");
    BOOST_TEST(pointer_of("\0x"s) == "/\0x"s);
}

BOOST_AUTO_TEST_CASE(array_indices) {
    std::string p;
    schema::append_pointer_token(p, std::size_t{0});
    BOOST_TEST(p == "/0");
    schema::append_pointer_token(p, std::size_t{12});
    BOOST_TEST(p == "/0/12");
    p.clear();
    schema::append_pointer_token(p, std::size_t{18446744073709551615ULL});
    BOOST_TEST(p == "/18446744073709551615");
}

BOOST_AUTO_TEST_CASE(tokens_append) {
    std::string p = "/extra";
    schema::append_pointer_token(p, "a/b");
    schema::append_pointer_token(p, std::size_t{3});
    schema::append_pointer_token(p, "~");
    BOOST_TEST(p == "/extra/a~1b/3/~0");
}

BOOST_AUTO_TEST_CASE(first_token) {
    BOOST_TEST(schema::first_pointer_token("") == "");
    BOOST_TEST(schema::first_pointer_token("/") == "");
    BOOST_TEST(schema::first_pointer_token("/name") == "name");
    BOOST_TEST(schema::first_pointer_token("/a/b/c") == "a");
    BOOST_TEST(schema::first_pointer_token("//b") == "");
    BOOST_TEST(schema::first_pointer_token("/0/name") == "0");
}

BOOST_AUTO_TEST_CASE(first_token_unescapes) {
    BOOST_TEST(schema::first_pointer_token("/a~1b") == "a/b");
    BOOST_TEST(schema::first_pointer_token("/m~0n/x") == "m~n");
    // "~01" is "~" then "1", never "/" (RFC 6901 section 4: ~1 first, then ~0).
    BOOST_TEST(schema::first_pointer_token("/~01") == "~1");
    BOOST_TEST(schema::first_pointer_token("/~10") == "/0");
    BOOST_TEST(schema::first_pointer_token("/~0~1/rest") == "~/");
}

BOOST_AUTO_TEST_CASE(escape_then_unescape_round_trips) {
    for (std::string_view token : {"plain", "", "a/b", "m~n", "~1", "~0", "/~/", "~~//", "é/ü~"}) {
        BOOST_TEST_CONTEXT(token) {
            std::string p = pointer_of(token);
            BOOST_TEST(schema::first_pointer_token(p) == token);
            schema::append_pointer_token(p, "next");
            BOOST_TEST(schema::first_pointer_token(p) == token);
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()

} // namespace json_pointer_test
