#include <authentik/events/schema/nullable.hpp>

#include "test_types.hpp"

#include <authentik/events/schema/parse.hpp>
#include <authentik/events/schema/serialize.hpp>

#include <boost/test/unit_test.hpp>

#include <optional>
#include <string>
#include <utility>

namespace nullable_test {

namespace schema = authentik::events::schema;
using schema::nullable;
using schema::presence;

BOOST_AUTO_TEST_SUITE(nullable_hpp)

BOOST_AUTO_TEST_CASE(default_is_absent) {
    nullable<std::string> n;
    BOOST_TEST((n.state() == presence::absent));
    BOOST_TEST(n.is_absent());
    BOOST_TEST(!n.is_null());
    BOOST_TEST(!n.has_value());
    BOOST_TEST(!static_cast<bool>(n));
    BOOST_CHECK_THROW((void)n.value(), std::bad_optional_access);
}

BOOST_AUTO_TEST_CASE(nullopt_is_absent_nullptr_is_null) {
    nullable<int> a = std::nullopt;
    nullable<int> b = nullptr;
    BOOST_TEST(a.is_absent());
    BOOST_TEST((b.state() == presence::null));
    BOOST_TEST(b.is_null());
    BOOST_TEST(!b.is_absent());
    BOOST_TEST(!b.has_value());
    BOOST_TEST(!static_cast<bool>(b));
    BOOST_CHECK_THROW((void)b.value(), std::bad_optional_access);
}

BOOST_AUTO_TEST_CASE(holds_a_value) {
    nullable<std::string> n = std::string("10.0.0.1");
    BOOST_TEST((n.state() == presence::value));
    BOOST_TEST(n.has_value());
    BOOST_TEST(static_cast<bool>(n));
    BOOST_TEST(!n.is_null());
    BOOST_TEST(!n.is_absent());
    BOOST_TEST(n.value() == "10.0.0.1");
    BOOST_TEST(*n == "10.0.0.1");
    BOOST_TEST(n->size() == 8U);
    n->push_back('0');
    BOOST_TEST(*n == "10.0.0.10");
    nullable<std::string> const c = "abc"; // converting constructor from const char*
    BOOST_TEST(c.value() == "abc");
    BOOST_TEST(c->front() == 'a');
}

BOOST_AUTO_TEST_CASE(state_changes) {
    nullable<int> n = 5;
    n.set_null();
    BOOST_TEST(n.is_null());
    BOOST_TEST(!n.has_value());
    BOOST_TEST(n.emplace(7) == 7);
    BOOST_TEST(!n.is_null()); // emplace clears null
    BOOST_TEST(n.has_value());
    BOOST_TEST(*n == 7);
    n.set_null();
    n.reset();
    BOOST_TEST(n.is_absent());
    BOOST_TEST(!n.is_null());
    n = 3;
    n.reset();
    BOOST_TEST(n.is_absent());
}

BOOST_AUTO_TEST_CASE(equality_tells_the_three_states_apart) {
    nullable<int> const absent;
    nullable<int> const null = nullptr;
    nullable<int> const zero = 0;
    BOOST_TEST((absent == nullable<int>{}));
    BOOST_TEST((null == nullable<int>(nullptr)));
    BOOST_TEST((zero == nullable<int>(0)));
    BOOST_TEST((absent != null));
    BOOST_TEST((absent != zero));
    BOOST_TEST((null != zero));
    BOOST_TEST((zero != nullable<int>(1)));
    // A value set after null compares equal to one built with the value.
    nullable<int> n = nullptr;
    n.emplace(0);
    BOOST_TEST((n == zero));
}

BOOST_AUTO_TEST_CASE(usable_in_constant_expressions) {
    constexpr nullable<int> a;
    constexpr nullable<int> b = nullptr;
    constexpr nullable<int> c = 4;
    static_assert(a.is_absent() && b.is_null() && c.has_value() && *c == 4);
    static_assert(a.state() == presence::absent && b.state() == presence::null && c.state() == presence::value);
    static_assert(!(a == b) && !(b == c));
    BOOST_TEST(*c == 4);
}

BOOST_AUTO_TEST_CASE(nullable_of_nullptr_like_types_is_not_confused) {
    // A nullable<std::optional<int>> built from nullopt is absent, not a held nullopt.
    nullable<std::optional<int>> n = std::nullopt;
    BOOST_TEST(n.is_absent());
    n.emplace(std::nullopt);
    BOOST_TEST(n.has_value());
    BOOST_TEST(!n->has_value());
}

BOOST_AUTO_TEST_CASE(three_states_survive_parse_serialize_parse) {
    // The member ip of schema_test::Record is schema::nullable<std::string>.
    std::string const base(schema_test::minimal_record.substr(0, schema_test::minimal_record.size() - 1));
    struct state_case {
        std::string suffix;
        presence expected;
    };
    state_case const cases[] = {
        {"", presence::absent},
        {R"(,"ip":null)", presence::null},
        {R"(,"ip":"2001:db8::1")", presence::value},
    };
    for (auto const& c : cases) {
        BOOST_TEST_CONTEXT(c.suffix) {
            auto const first = schema::parse<schema_test::Record>(base + c.suffix + "}");
            BOOST_TEST_REQUIRE(first.has_value());
            BOOST_TEST((first->ip.state() == c.expected));
            std::string const text = schema::serialize(*first);
            BOOST_TEST((text.find("\"ip\"") != std::string::npos) == (c.expected != presence::absent));
            auto const second = schema::parse<schema_test::Record>(text);
            BOOST_TEST_REQUIRE(second.has_value());
            BOOST_TEST((second->ip.state() == c.expected));
            BOOST_TEST((second->ip == first->ip));
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()

} // namespace nullable_test
