#include <authentik/events/schema/error.hpp>

#include <boost/system/error_code.hpp>
#include <boost/system/system_error.hpp>
#include <boost/test/unit_test.hpp>

#include <set>
#include <string>
#include <string_view>
#include <utility>

namespace error_test {

namespace schema = authentik::events::schema;
using schema::error;

BOOST_AUTO_TEST_SUITE(error_hpp)

namespace {

// The stable numbering and the JSON name of every code, from the enum's documentation.
constexpr std::pair<error, std::string_view> all_codes[] = {
    {error::invalid_json, "invalid_json"},
    {error::duplicate_key, "duplicate_key"},
    {error::depth_exceeded, "depth_exceeded"},
    {error::size_exceeded, "size_exceeded"},
    {error::missing_field, "missing_field"},
    {error::null_not_allowed, "null_not_allowed"},
    {error::wrong_type, "wrong_type"},
    {error::unknown_field, "unknown_field"},
    {error::invalid_uuid, "invalid_uuid"},
    {error::invalid_date_time, "invalid_date_time"},
    {error::invalid_ip_address, "invalid_ip_address"},
    {error::unknown_action, "unknown_action"},
    {error::too_short, "too_short"},
    {error::out_of_memory, "out_of_memory"},
};

} // namespace

BOOST_AUTO_TEST_CASE(values_are_stable_and_start_at_one) {
    // 0 must stay "no error" for boost::system::error_code.
    int expected = 1;
    for (auto const& [code, name] : all_codes) {
        BOOST_TEST_CONTEXT(name) { BOOST_TEST(static_cast<int>(code) == expected); }
        ++expected;
    }
    static_assert(static_cast<int>(error::invalid_json) == 1);
    static_assert(static_cast<int>(error::too_short) == 13);
    static_assert(static_cast<int>(error::out_of_memory) == 14);
}

BOOST_AUTO_TEST_CASE(to_string_names_every_code) {
    std::set<std::string_view> seen;
    for (auto const& [code, name] : all_codes) {
        BOOST_TEST(schema::to_string(code) == name);
        seen.insert(schema::to_string(code));
    }
    BOOST_TEST(seen.size() == std::size(all_codes)); // no two codes share a name
    static_assert(schema::to_string(error::missing_field) == "missing_field");
}

BOOST_AUTO_TEST_CASE(to_string_of_a_value_outside_the_enum) {
    BOOST_TEST(schema::to_string(static_cast<error>(0)) == "unknown");
    BOOST_TEST(schema::to_string(static_cast<error>(999)) == "unknown");
}

BOOST_AUTO_TEST_CASE(category_name_and_messages) {
    auto const& cat = schema::error_category();
    BOOST_TEST(std::string_view(cat.name()) == "authentik.events");
    for (auto const& [code, name] : all_codes) {
        BOOST_TEST(cat.message(static_cast<int>(code)) == std::string(name));
    }
    BOOST_TEST(&schema::error_category() == &cat); // one instance
}

BOOST_AUTO_TEST_CASE(make_error_code_and_implicit_conversion) {
    boost::system::error_code ec = error::missing_field; // is_error_code_enum
    BOOST_TEST(static_cast<bool>(ec));
    BOOST_TEST(ec.value() == static_cast<int>(error::missing_field));
    BOOST_TEST((ec.category() == schema::error_category()));
    BOOST_TEST(ec.message() == "missing_field");
    BOOST_TEST((ec == error::missing_field));
    BOOST_TEST((ec != error::wrong_type));
    BOOST_TEST((schema::make_error_code(error::wrong_type) == error::wrong_type));
    BOOST_TEST((schema::make_error_code(error::wrong_type) != schema::make_error_code(error::invalid_uuid)));
    // Same value, other category: not equal.
    BOOST_TEST(
        (ec != boost::system::error_code(static_cast<int>(error::missing_field), boost::system::generic_category())));
}

BOOST_AUTO_TEST_CASE(system_error_carries_the_code) {
    try {
        throw boost::system::system_error(error::depth_exceeded);
    } catch (boost::system::system_error const& e) {
        BOOST_TEST((e.code() == error::depth_exceeded));
        BOOST_TEST(std::string(e.what()).find("depth_exceeded") != std::string::npos);
    }
}

BOOST_AUTO_TEST_SUITE_END()

} // namespace error_test
