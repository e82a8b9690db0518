#include <authentik/events/format/ip_address.hpp>

#include <boost/test/unit_test.hpp>

#include <cstddef>
#include <string_view>

namespace ip_address_test {

namespace fmt = authentik::events::format;

namespace {

enum class kind { invalid, v4, v6 };

struct ip_case {
    std::string_view text;
    kind expected;
};

constexpr ip_case ip_cases[] = {
    // IPv4.
    {"0.0.0.0", kind::v4},
    {"127.0.0.1", kind::v4},
    {"255.255.255.255", kind::v4},
    {"192.168.1.10", kind::v4},
    {"10.0.0.255", kind::v4},
    {"172.16.254.1", kind::v4},
    {"1.2.3.4", kind::v4},
    {"256.1.1.1", kind::invalid},
    {"1.1.1.256", kind::invalid},
    {"1.2.3.1000", kind::invalid},
    {"99999999999999999999.1.1.1", kind::invalid},
    {"1.2.3", kind::invalid},
    {"1.2.3.4.", kind::invalid},
    {"1.2.3.4.5", kind::invalid},
    {".1.2.3.4", kind::invalid},
    {"1..2.3", kind::invalid},
    {"01.2.3.4", kind::invalid},
    {"1.2.3.04", kind::invalid},
    {"1.2.3.00", kind::invalid},
    {"1.2.3.4 ", kind::invalid},
    {" 1.2.3.4", kind::invalid},
    {"1.2.3.-4", kind::invalid},
    {"1.2.3.+4", kind::invalid},
    {"0x1.2.3.4", kind::invalid},
    {"1.2.3.4/24", kind::invalid},
    {"16843009", kind::invalid},
    {"localhost", kind::invalid},
    {"", kind::invalid},
    // IPv6, RFC 4291 §2.2 and RFC 5952 examples.
    {"::", kind::v6},
    {"::1", kind::v6},
    {"1::", kind::v6},
    {"1:2:3:4:5:6:7:8", kind::v6},
    {"ABCD:EF01:2345:6789:ABCD:EF01:2345:6789", kind::v6},
    {"2001:DB8:0:0:8:800:200C:417A", kind::v6},
    {"2001:DB8::8:800:200C:417A", kind::v6},
    {"FF01::101", kind::v6},
    {"2001:db8::ff00:42:8329", kind::v6},
    {"2001:DB8::1", kind::v6},
    {"2001:0db8:0000:0000:0000:ff00:0042:8329", kind::v6},
    {"fe80::1", kind::v6},
    {"fe80::a00:27ff:fe4e:66a1", kind::v6},
    {"1:2:3:4:5:6:7::", kind::v6},
    {"::2:3:4:5:6:7:8", kind::v6},
    {"1::8", kind::v6},
    {"1:2::7:8", kind::v6},
    {"::ffff:1.2.3.4", kind::v6},
    {"::FFFF:129.144.52.38", kind::v6},
    {"::13.1.68.3", kind::v6},
    {"::1.2.3.4", kind::v6},
    {"0:0:0:0:0:0:13.1.68.3", kind::v6},
    {"1:2:3:4:5:6:1.2.3.4", kind::v6},
    {"1::5:6:1.2.3.4", kind::v6},
    {"64:ff9b::192.0.2.33", kind::v6},
    {":::", kind::invalid},
    {":", kind::invalid},
    {"1:2:3:4:5:6:7:8:9", kind::invalid},
    {"1:2:3:4:5:6:7", kind::invalid},
    {"1::2:3:4:5:6:7:8", kind::invalid},
    {"1:2:3:4:5:6:7:8::", kind::invalid},
    {"::1:2:3:4:5:6:7:8", kind::invalid},
    {"1::2::3", kind::invalid},
    {"1:::2", kind::invalid},
    {"12345::", kind::invalid},
    {"1:2:3:4:5:6:7:12345", kind::invalid},
    {":1:2:3:4:5:6:7:8", kind::invalid},
    {"1:2:3:4:5:6:7:8:", kind::invalid},
    {":1::", kind::invalid},
    {"1::2:", kind::invalid},
    {"1.2.3.4::", kind::invalid},
    {"::1.2.3.4:1", kind::invalid},
    {"::ffff:01.2.3.4", kind::invalid},
    {"::ffff:1.2.3", kind::invalid},
    {"::ffff:256.1.1.1", kind::invalid},
    {"1:2:3:4:5:6:7:1.2.3.4", kind::invalid},
    {"1:2:3:4:5:1.2.3.4", kind::invalid},
    {"fe80::1%eth0", kind::invalid},
    {"fe80::%1", kind::invalid},
    {"[::1]", kind::invalid},
    {"[::1]:8080", kind::invalid},
    {" ::1", kind::invalid},
    {"::1 ", kind::invalid},
    {"::g", kind::invalid},
    {"2001:db8::ff00:42:832g", kind::invalid},
    {"::-1", kind::invalid},
};

} // namespace

BOOST_AUTO_TEST_SUITE(ip_address)

BOOST_AUTO_TEST_CASE(check_table) {
    BOOST_TEST(std::size(ip_cases) >= 40U);
    for (auto const& c : ip_cases) {
        BOOST_TEST_CONTEXT("input: \"" << c.text << "\"") {
            std::string_view why4;
            std::string_view why6;
            std::string_view why;
            bool const v4 = fmt::check_ipv4(c.text, why4);
            bool const v6 = fmt::check_ipv6(c.text, why6);
            bool const any = fmt::check_ip_address(c.text, why);
            BOOST_TEST(v4 == (c.expected == kind::v4));
            BOOST_TEST(v6 == (c.expected == kind::v6));
            BOOST_TEST(any == (c.expected != kind::invalid));
            BOOST_TEST(fmt::is_ipv4(c.text) == v4);
            BOOST_TEST(fmt::is_ipv6(c.text) == v6);
            BOOST_TEST(fmt::is_ip_address(c.text) == any);
            if (!v4) {
                BOOST_TEST(!why4.empty());
            }
            if (!v6) {
                BOOST_TEST(!why6.empty());
            }
            if (!any) {
                BOOST_TEST(!why.empty());
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(messages_name_the_rule) {
    struct message_case {
        std::string_view text;
        std::string_view why_part;
    };
    constexpr message_case cases[] = {
        {"01.2.3.4", "leading zeros"},
        {"256.1.1.1", "exceeds 255"},
        {"1.2.3", "4 decimal parts"},
        {"1.2.3.4.", "after the fourth"},
        {"1..2.3", "decimal digit"},
        {"fe80::1%eth0", "zone"},
        {"[::1]", "brackets"},
        {":::", "':::'"},
        {"1::2::3", "only once"},
        {"1::2:3:4:5:6:7:8", "at least one group"},
        {"1:2:3:4:5:6:7:8:9", "more than 8 groups"},
        {"1:2:3:4:5:6:7", "8 groups"},
        {"12345::", "more than 4 hex digits"},
        {":1::", "cannot start"},
        {"1:", "cannot end"},
        {"", "empty"},
    };
    for (auto const& c : cases) {
        BOOST_TEST_CONTEXT("input: \"" << c.text << "\"") {
            std::string_view why;
            BOOST_TEST(!fmt::check_ip_address(c.text, why));
            BOOST_TEST(why.find(c.why_part) != std::string_view::npos, "why = \"" << why << "\"");
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()

} // namespace ip_address_test
