#include <authentik/events/format/uuid.hpp>

#include <boost/test/unit_test.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace uuid_test {

namespace fmt = authentik::events::format;
using namespace std::string_view_literals;

namespace {

struct uuid_case {
    std::string_view text;
    bool valid;
    // Valid: the lowercase form the writer must produce. Invalid: a fragment `why` must contain
    // (empty: any non-empty message will do).
    std::string_view expected;
};

constexpr uuid_case uuid_cases[] = {
    // RFC 9562 §4 example and Appendix A/B test vectors.
    {"f81d4fae-7dec-11d0-a765-00a0c91e6bf6", true, "f81d4fae-7dec-11d0-a765-00a0c91e6bf6"},
    {"c232ab00-9414-11ec-b3c8-9f6bdeced846", true, "c232ab00-9414-11ec-b3c8-9f6bdeced846"},
    {"5df41881-3aed-3515-88a7-2f4a814cf09e", true, "5df41881-3aed-3515-88a7-2f4a814cf09e"},
    {"919108f7-52d1-4320-9bac-f847db4148a8", true, "919108f7-52d1-4320-9bac-f847db4148a8"},
    {"2ed6657d-e927-568b-95e1-2665a8aea6a2", true, "2ed6657d-e927-568b-95e1-2665a8aea6a2"},
    {"1ec9414c-232a-6b00-b3c8-9f6bdeced846", true, "1ec9414c-232a-6b00-b3c8-9f6bdeced846"},
    {"017f22e2-79b0-7cc3-98c4-dc0c0c07398f", true, "017f22e2-79b0-7cc3-98c4-dc0c0c07398f"},
    {"2489e9ad-2ee2-8e00-8ec9-32d5f69181c0", true, "2489e9ad-2ee2-8e00-8ec9-32d5f69181c0"},
    // Nil and Max UUIDs (RFC 9562 §5.9, §5.10).
    {"00000000-0000-0000-0000-000000000000", true, "00000000-0000-0000-0000-000000000000"},
    {"ffffffff-ffff-ffff-ffff-ffffffffffff", true, "ffffffff-ffff-ffff-ffff-ffffffffffff"},
    {"FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF", true, "ffffffff-ffff-ffff-ffff-ffffffffffff"},
    // Case: upper and mixed input, lowercase output.
    {"F81D4FAE-7DEC-11D0-A765-00A0C91E6BF6", true, "f81d4fae-7dec-11d0-a765-00a0c91e6bf6"},
    {"f81D4fAe-7DeC-11d0-A765-00a0C91e6Bf6", true, "f81d4fae-7dec-11d0-a765-00a0c91e6bf6"},
    {"abcdefAB-CDEF-0123-4567-89abcdef0123", true, "abcdefab-cdef-0123-4567-89abcdef0123"},
    // Shapes seen in authentik events (event pk, application pk, user uid).
    {"6c5d3a3f-4b8e-4e3f-9b5e-2e6f1c8d9a10", true, "6c5d3a3f-4b8e-4e3f-9b5e-2e6f1c8d9a10"},
    {"0c2e3a4b-5d6e-4f70-8192-a3b4c5d6e7f8", true, "0c2e3a4b-5d6e-4f70-8192-a3b4c5d6e7f8"},

    // Other spellings Python's uuid.UUID accepts, rejected on purpose.
    {"{f81d4fae-7dec-11d0-a765-00a0c91e6bf6}", false, "36 characters"},
    {"urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6", false, "36 characters"},
    {"f81d4fae7dec11d0a76500a0c91e6bf6", false, "36 characters"},
    {"{f81d4fae7dec11d0a76500a0c91e6bf6}", false, "36 characters"},
    // Length.
    {"", false, "36 characters"},
    {"f81d4fae-7dec-11d0-a765-00a0c91e6bf", false, "36 characters"},
    {"f81d4fae-7dec-11d0-a765-00a0c91e6bf66", false, "36 characters"},
    {"f81d4fae-7dec-11d0-a765-00a0c91e6bf6-", false, "36 characters"},
    {"-", false, "36 characters"},
    // Whitespace.
    {"f81d4fae-7dec-11d0-a765-00a0c91e6bf6 ", false, "36 characters"},
    {" f81d4fae-7dec-11d0-a765-00a0c91e6bf6", false, "36 characters"},
    {" f81d4fae-7dec-11d0-a765-00a0c91e6bf", false, "hex digit at offset 0"},
    {"f81d4fae-7dec-11d0-a765-00a0c91e6bf\n", false, "hex digit at offset 35"},
    {"f81d4fae-7dec-11d0-a765\t00a0c91e6bf6", false, "'-' at offset 23"},
    // Non-hex digits.
    {"g81d4fae-7dec-11d0-a765-00a0c91e6bf6", false, "hex digit at offset 0"},
    {"f81g4fae-7dec-11d0-a765-00a0c91e6bf6", false, "hex digit at offset 3"},
    {"f81d4fae-7dec-11d0-a765-00a0c91e6bfg", false, "hex digit at offset 35"},
    {"f81d4fae-7dec-11d0-a765-00a0c91e6Gf6", false, "hex digit at offset 33"},
    {"f81d4fae-7dec-11d0-x765-00a0c91e6bf6", false, "hex digit at offset 19"},
    {"f81d4fae-7dec-11d0-a765-00a0c91e6b\xc3\xa9", false, "hex digit at offset 34"},
    {"f81d4fae-7dec-11d0-a765-00a0c91e\0bf6"sv, false, "hex digit at offset 32"},
    // Hyphens missing or misplaced.
    {"f81d4fae07dec-11d0-a765-00a0c91e6bf6", false, "'-' at offset 8"},
    {"f81d4fa-e7dec-11d0-a765-00a0c91e6bf6", false, "hex digit at offset 7"},
    {"f81d4fae-7de-c11d0-a765-00a0c91e6bf6", false, "hex digit at offset 12"},
    {"f81d4fae-7dec-11d0a-765-00a0c91e6bf6", false, "'-' at offset 18"},
    {"f81d4fae-7dec-11d0-a76500a0c91e6bf6-", false, "'-' at offset 23"},
    {"f81d4fae-7dec-11d0-a76500-a0c91e6bf6", false, "'-' at offset 23"},
    {"f81d4fae_7dec_11d0_a765_00a0c91e6bf6", false, "'-' at offset 8"},
    {"f81d4fae--dec-11d0-a765-00a0c91e6bf6", false, "hex digit at offset 9"},
    {"------------------------------------", false, "hex digit at offset 0"},
};

} // namespace

BOOST_AUTO_TEST_SUITE(uuid)

BOOST_AUTO_TEST_CASE(parse_table) {
    BOOST_TEST(std::size(uuid_cases) >= 40U);
    for (auto const& c : uuid_cases) {
        BOOST_TEST_CONTEXT("input: \"" << c.text << "\"") {
            boost::uuids::uuid id{};
            for (auto& byte : id.data) {
                byte = 0xA5; // sentinel: a failed parse must not touch it
            }
            std::string_view why;
            bool const ok = fmt::parse_uuid(c.text, id, why);
            BOOST_TEST(ok == c.valid);
            BOOST_TEST(fmt::is_uuid(c.text) == c.valid);
            if (c.valid) {
                BOOST_TEST(fmt::uuid_to_string(id) == c.expected);
            } else {
                BOOST_TEST(!why.empty());
                BOOST_TEST(why.find(c.expected) != std::string_view::npos, "why = \"" << why << "\"");
                for (auto byte : id.data) {
                    BOOST_TEST(byte == 0xA5);
                }
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(bytes_in_network_order) {
    boost::uuids::uuid id{};
    std::string_view why;
    BOOST_TEST_REQUIRE(fmt::parse_uuid("00112233-4455-6677-8899-AaBbCcDdEeFf", id, why));
    for (std::size_t i = 0; i < 16; ++i) {
        BOOST_TEST_CONTEXT("byte " << i) { BOOST_TEST(id.data[i] == static_cast<std::uint8_t>(i * 0x11)); }
    }
}

BOOST_AUTO_TEST_CASE(uppercase_round_trips_to_lowercase) {
    boost::uuids::uuid id{};
    std::string_view why;
    BOOST_TEST_REQUIRE(fmt::parse_uuid("F81D4FAE-7DEC-11D0-A765-00A0C91E6BF6", id, why));
    BOOST_TEST(fmt::uuid_to_string(id) == "f81d4fae-7dec-11d0-a765-00a0c91e6bf6");

    std::array<char, fmt::uuid_length + 1> buffer{};
    buffer.back() = '#';
    fmt::write_uuid(id, buffer.data());
    BOOST_TEST(std::string_view(buffer.data(), fmt::uuid_length) == "f81d4fae-7dec-11d0-a765-00a0c91e6bf6");
    BOOST_TEST(buffer.back() == '#'); // exactly 36 chars written
}

BOOST_AUTO_TEST_CASE(write_then_parse_round_trip) {
    std::uint32_t state = 0x12345678U;
    for (int n = 0; n < 2000; ++n) {
        boost::uuids::uuid id{};
        for (auto& byte : id.data) {
            state = state * 1664525U + 1013904223U;
            byte = static_cast<std::uint8_t>(state >> 24);
        }
        std::string const text = fmt::uuid_to_string(id);
        BOOST_TEST_CONTEXT("text: " << text) {
            boost::uuids::uuid back{};
            std::string_view why;
            BOOST_TEST_REQUIRE(fmt::parse_uuid(text, back, why));
            BOOST_TEST((back == id));
            BOOST_TEST(text.find_first_of("ABCDEF") == std::string::npos);
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()

} // namespace uuid_test
