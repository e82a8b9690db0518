#include <authentik/events/schema/field.hpp>

#include "test_types.hpp"

#include <boost/json/object.hpp>
#include <boost/test/unit_test.hpp>

#include <optional>
#include <string>
#include <type_traits>

namespace field_test {

namespace schema = authentik::events::schema;
using schema::field_options;
using schema::value_format;

BOOST_AUTO_TEST_SUITE(field_hpp)

namespace {

struct plain {
    std::string s;
    std::optional<int> i;
    boost::json::object rest;
};

} // namespace

BOOST_AUTO_TEST_CASE(field_options_defaults) {
    constexpr field_options o;
    static_assert(!o.required && !o.nullable && !o.read_only && !o.write_only && !o.enum_only);
    static_assert(o.format == value_format::none);
    static_assert(o.min_length == 0);
    static_assert(o.title.empty() && o.description.empty());
    BOOST_TEST(o.min_length == 0U);
}

BOOST_AUTO_TEST_CASE(field_options_designated) {
    constexpr field_options o{.required = true, .format = value_format::ip_address, .min_length = 2, .title = "T"};
    static_assert(o.required && !o.nullable && o.format == value_format::ip_address && o.min_length == 2);
    static_assert(o.title == "T" && o.description.empty());
    BOOST_TEST(o.required);
}

BOOST_AUTO_TEST_CASE(member_builds_a_field) {
    constexpr auto f = schema::member("s", &plain::s, {.required = true, .min_length = 1});
    static_assert(std::is_same_v<std::remove_cvref_t<decltype(f)>, schema::field<plain, std::string>>);
    static_assert(std::is_same_v<decltype(f)::owner_type, plain>);
    static_assert(std::is_same_v<decltype(f)::member_type, std::string>);
    static_assert(f.name == "s");
    static_assert(f.member == &plain::s);
    static_assert(f.options.required && f.options.min_length == 1);

    constexpr auto g = schema::member("i", &plain::i);
    static_assert(std::is_same_v<decltype(g)::member_type, std::optional<int>>);
    static_assert(!g.options.required && g.options.format == value_format::none);

    plain p;
    p.*f.member = "via pointer";
    BOOST_TEST(p.s == "via pointer");
}

BOOST_AUTO_TEST_CASE(key_sinks) {
    constexpr auto a = schema::additional_properties(&plain::rest);
    constexpr auto u = schema::unknown_keys(&plain::rest);
    static_assert(std::is_same_v<std::remove_cvref_t<decltype(a)>, schema::key_sink<plain, boost::json::object>>);
    static_assert(a.additional_properties);
    static_assert(!u.additional_properties);
    static_assert(a.member == &plain::rest && u.member == &plain::rest);
    BOOST_TEST(a.additional_properties);
    BOOST_TEST(!u.additional_properties);
}

BOOST_AUTO_TEST_CASE(object_info_fields) {
    constexpr schema::object_info info{.name = "Thing", .description = "a thing"};
    static_assert(info.name == "Thing" && info.description == "a thing");
    constexpr schema::object_info none{};
    static_assert(none.name.empty() && none.description.empty());
    BOOST_TEST(info.name == "Thing");
}

BOOST_AUTO_TEST_CASE(value_formats_are_distinct) {
    static_assert(value_format{} == value_format::none);
    static_assert(value_format::uuid != value_format::date_time);
    static_assert(value_format::ip_address != value_format::enumeration);
    BOOST_TEST((value_format{} == value_format::none));
}

BOOST_AUTO_TEST_CASE(options_of_the_test_types) {
    // The options written in test_types.hpp reach the descriptor unchanged.
    auto const& entries = schema::descriptor_of<schema_test::Record>.entries;
    constexpr auto name = std::get<0>(schema::descriptor_of<schema_test::Record>.entries);
    static_assert(name.options.required && name.options.min_length == 1 && name.options.title == "Name");
    BOOST_TEST(std::get<2>(entries).options.nullable);
    BOOST_TEST((std::get<2>(entries).options.format == value_format::ip_address));
    BOOST_TEST(std::get<3>(entries).options.read_only);
    BOOST_TEST(std::get<9>(entries).options.write_only);
    BOOST_TEST(std::get<9>(entries).options.description == "a ratio");
    BOOST_TEST(std::get<12>(entries).options.enum_only);
    BOOST_TEST(!std::get<11>(entries).options.enum_only);
}

BOOST_AUTO_TEST_SUITE_END()

} // namespace field_test
