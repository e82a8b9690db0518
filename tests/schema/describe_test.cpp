#include <authentik/events/schema/describe.hpp>

#include "test_types.hpp"

#include <boost/json/object.hpp>
#include <boost/test/unit_test.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <vector>

namespace describe_test {

namespace schema = authentik::events::schema;
using schema_test::Bag;
using schema_test::Inner;
using schema_test::Odd;
using schema_test::Outer;
using schema_test::Record;

BOOST_AUTO_TEST_SUITE(describe_hpp)

namespace {

// One entry of a descriptor, reduced to what a test can compare.
struct entry_summary {
    std::string name; // JSON name, or "<sink>" / "<additional>" for a key sink
    bool required = false;
    bool nullable = false;
};

template <class T>
std::vector<entry_summary> summarize() {
    std::vector<entry_summary> out;
    schema::for_each_entry<T>([&](auto const& e) {
        using E = std::remove_cvref_t<decltype(e)>;
        if constexpr (schema::detail::is_field<E>::value) {
            out.push_back({std::string(e.name), e.options.required, e.options.nullable});
        } else {
            out.push_back({e.additional_properties ? "<additional>" : "<sink>", false, false});
        }
    });
    return out;
}

template <class T>
std::string names() {
    std::string out;
    for (auto const& e : summarize<T>()) {
        out += e.name + ",";
    }
    return out;
}

template <class T>
constexpr std::size_t entry_count() {
    std::size_t n = 0;
    schema::for_each_entry<T>([&](auto const&) { ++n; });
    return n;
}

} // namespace

BOOST_AUTO_TEST_CASE(described_concept) {
    static_assert(schema::described<Record>);
    static_assert(schema::described<Inner>);
    static_assert(schema::described<Bag>);
    static_assert(!schema::described<int>);
    static_assert(!schema::described<std::string>);
    static_assert(!schema::described<boost::json::object>);
    static_assert(std::is_same_v<schema::type_tag<Record>::type, Record>);
    BOOST_TEST(schema::described<Odd>);
}

BOOST_AUTO_TEST_CASE(for_each_entry_visits_in_descriptor_order) {
    BOOST_TEST(names<Record>() == "name,count,ip,id,when,tags,extra,inner,items,ratio,active,hue,paint,<sink>,");
    BOOST_TEST(names<Inner>() == "name,count,");
    BOOST_TEST(names<Bag>() == "code,<additional>,");
    BOOST_TEST(names<Odd>() == "a/b,m~n,nick,ref,stamp,numbers,");
    BOOST_TEST(names<Outer>() == "inner,list,<sink>,");
}

BOOST_AUTO_TEST_CASE(for_each_entry_is_constexpr) {
    static_assert(entry_count<Record>() == 14);
    static_assert(entry_count<Inner>() == 2);
    static_assert(entry_count<Bag>() == 2);
    BOOST_TEST(entry_count<Odd>() == 6U);
}

BOOST_AUTO_TEST_CASE(required_and_nullable_flags) {
    auto const s = summarize<Record>();
    BOOST_TEST_REQUIRE(s.size() == 14U);
    std::string required;
    std::string nullable;
    for (auto const& e : s) {
        if (e.required) {
            required += e.name + ",";
        }
        if (e.nullable) {
            nullable += e.name + ",";
        }
    }
    BOOST_TEST(required == "name,id,when,active,");
    BOOST_TEST(nullable == "ip,");
}

BOOST_AUTO_TEST_CASE(has_field) {
    static_assert(schema::has_field<Record>("name"));
    static_assert(schema::has_field<Record>("paint"));
    static_assert(!schema::has_field<Record>("unknown_fields")); // the sink's member is not a field
    static_assert(!schema::has_field<Record>("Name"));
    static_assert(!schema::has_field<Record>(""));
    static_assert(schema::has_field<Odd>("a/b"));
    static_assert(schema::has_field<Odd>("m~n"));
    static_assert(!schema::has_field<Odd>("a~1b")); // names are JSON names, not pointer tokens
    static_assert(!schema::has_field<Bag>("rest"));
    BOOST_TEST(schema::has_field<Inner>("count"));
    BOOST_TEST(!schema::has_field<Inner>("counts"));
}

BOOST_AUTO_TEST_CASE(descriptor_of_values) {
    constexpr auto const& d = schema::descriptor_of<Record>;
    static_assert(std::is_same_v<std::remove_cvref_t<decltype(d)>::type, Record>);
    static_assert(d.info.name == "Record");
    static_assert(d.info.description == "a record with one member of each kind");
    static_assert(std::tuple_size_v<decltype(d.entries)> == 14);

    constexpr auto name = std::get<0>(d.entries);
    static_assert(name.name == "name");
    static_assert(name.member == &Record::name);
    static_assert(name.options.required && name.options.min_length == 1);

    constexpr auto ip = std::get<2>(d.entries);
    static_assert(ip.name == "ip" && ip.member == &Record::ip);
    static_assert(ip.options.nullable && !ip.options.required);
    static_assert(ip.options.format == schema::value_format::ip_address);
    static_assert(std::is_same_v<decltype(ip)::member_type, schema::nullable<std::string>>);

    constexpr auto sink = std::get<13>(d.entries);
    static_assert(!sink.additional_properties && sink.member == &Record::unknown_fields);

    constexpr auto const& b = schema::descriptor_of<Bag>;
    static_assert(b.info.name == "Bag" && b.info.description.empty());
    static_assert(std::get<1>(b.entries).additional_properties);
    static_assert(std::get<1>(b.entries).member == &Bag::rest);

    BOOST_TEST(schema::descriptor_of<Inner>.info.name == "Inner");
    BOOST_TEST(std::get<1>(schema::descriptor_of<Inner>.entries).name == "count");
}

BOOST_AUTO_TEST_CASE(descriptor_of_is_one_object) {
    BOOST_TEST(&schema::descriptor_of<Record> == &schema::descriptor_of<Record>);
}

BOOST_AUTO_TEST_CASE(object_builds_a_descriptor) {
    constexpr auto d = schema::object<Inner>({.name = "N", .description = "D"}, schema::member("name", &Inner::name));
    static_assert(d.info.name == "N" && d.info.description == "D");
    static_assert(std::tuple_size_v<decltype(d.entries)> == 1);
    static_assert(std::get<0>(d.entries).name == "name");
    BOOST_TEST(std::get<0>(d.entries).name == "name");
}

BOOST_AUTO_TEST_CASE(element_type_strips_wrappers) {
    static_assert(std::is_same_v<schema::detail::element_t<std::optional<int>>, int>);
    static_assert(std::is_same_v<schema::detail::element_t<schema::nullable<std::string>>, std::string>);
    static_assert(std::is_same_v<schema::detail::element_t<std::vector<int>>, std::vector<int>>);
    static_assert(std::is_same_v<schema::detail::element_t<double>, double>);
    BOOST_TEST(true); // the checks above are compile-time
}

BOOST_AUTO_TEST_SUITE_END()

} // namespace describe_test
