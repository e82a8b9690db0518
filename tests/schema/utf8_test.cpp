#include <authentik/events/schema/utf8.hpp>

#include "test_types.hpp"

#include <boost/test/unit_test.hpp>

#include <cstddef>
#include <string>
#include <string_view>

namespace utf8_test {

namespace schema = authentik::events::schema;

namespace {

struct utf8_case {
    std::string_view bytes;
    std::size_t first_length; // utf8_sequence_length(bytes, 0)
    bool valid;
};

// RFC 3629 §4's table, its edges, and the forms it excludes.
constexpr utf8_case utf8_cases[] = {
    {"A", 1, true},
    {"\x7F", 1, true},
    {"\xC2\x80", 2, true},          // U+0080, the first two-byte code point
    {"\xDF\xBF", 2, true},          // U+07FF
    {"\xC0\x80", 0, false},         // overlong NUL
    {"\xC1\xBF", 0, false},         // overlong
    {"\xE0\xA0\x80", 3, true},      // U+0800
    {"\xE0\x9F\xBF", 0, false},     // overlong three-byte
    {"\xED\x9F\xBF", 3, true},      // U+D7FF
    {"\xED\xA0\x80", 0, false},     // U+D800, a surrogate
    {"\xED\xBF\xBF", 0, false},     // U+DFFF
    {"\xEE\x80\x80", 3, true},      // U+E000
    {"\xEF\xBF\xBF", 3, true},      // U+FFFF
    {"\xF0\x90\x80\x80", 4, true},  // U+10000
    {"\xF0\x8F\xBF\xBF", 0, false}, // overlong four-byte
    {"\xF4\x8F\xBF\xBF", 4, true},  // U+10FFFF
    {"\xF4\x90\x80\x80", 0, false}, // past U+10FFFF
    {"\xF5\x80\x80\x80", 0, false},
    {"\xFF", 0, false},
    {"\x80", 0, false},         // a continuation byte alone
    {"\xC3", 0, false},         // truncated
    {"\xE2\x82", 0, false},     // truncated
    {"\xF0\x9F\x94", 0, false}, // truncated
    {"\xC3\x28", 0, false},     // a non-continuation second byte
    {"\xC3\xBC"
     "ber",
     2, true},                         // "über"
    {"a\xFF", 1, false},               // valid start, invalid later
    {"\xF0\x9F\x94\x91 key", 4, true}, // U+1F511
};

} // namespace

BOOST_AUTO_TEST_SUITE(utf8_hpp)

BOOST_AUTO_TEST_CASE(sequence_lengths_and_validity) {
    for (auto const& c : utf8_cases) {
        BOOST_TEST_CONTEXT("bytes of length " << c.bytes.size() << " starting "
                                              << static_cast<unsigned>(static_cast<unsigned char>(c.bytes[0]))) {
            BOOST_TEST(schema::utf8_sequence_length(c.bytes, 0) == c.first_length);
            BOOST_TEST(schema::is_valid_utf8(c.bytes) == c.valid);
            BOOST_TEST(schema_test::is_valid_utf8(c.bytes) == c.valid); // the tests' own oracle agrees
        }
    }
    BOOST_TEST(schema::is_valid_utf8(""));
}

BOOST_AUTO_TEST_CASE(agrees_with_an_independent_check_on_every_two_byte_string) {
    for (unsigned a = 0; a < 256; ++a) {
        for (unsigned b = 0; b < 256; ++b) {
            std::string const s{static_cast<char>(a), static_cast<char>(b)};
            BOOST_TEST_REQUIRE(schema::is_valid_utf8(s) == schema_test::is_valid_utf8(s), a << " " << b);
        }
    }
}

BOOST_AUTO_TEST_CASE(usable_at_compile_time) {
    static_assert(schema::is_valid_utf8("J\xC3\xBCrgen"));
    static_assert(!schema::is_valid_utf8("\xED\xA0\x80"));
    BOOST_TEST(true);
}

BOOST_AUTO_TEST_SUITE_END()

} // namespace utf8_test
