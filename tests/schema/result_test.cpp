#include <authentik/events/schema/result.hpp>

#include "test_types.hpp"

#include <authentik/events/schema/parse.hpp>

#include <boost/system/system_error.hpp>
#include <boost/test/unit_test.hpp>

#include <memory>
#include <string>
#include <utility>

namespace result_test {

namespace schema = authentik::events::schema;
using schema::error;
using schema::problem;
using schema::problem_list;
using schema::result;
using schema::validation_failure;

BOOST_AUTO_TEST_SUITE(result_hpp)

namespace {

problem_list two_problems() {
    problem_list list;
    list.add(problem{"/a", error::missing_field, "required field \"a\" is missing", "", "required",
                     "This field is required."});
    list.add(problem{"/b", error::wrong_type, "expected string, got integer", "5", "invalid", "Not a valid string."});
    return list;
}

} // namespace

BOOST_AUTO_TEST_CASE(success) {
    result<std::string> r = std::string("hello");
    BOOST_TEST(r.has_value());
    BOOST_TEST(static_cast<bool>(r));
    BOOST_TEST(r.value() == "hello");
    BOOST_TEST(*r == "hello");
    BOOST_TEST(r->size() == 5U);
    BOOST_TEST(r.problems().empty());
    BOOST_TEST(!r.problems().truncated());
    r->append("!");
    BOOST_TEST(r.value() == "hello!");
    result<std::string> const& c = r;
    BOOST_TEST(c.value() == "hello!");
    BOOST_TEST(*c == "hello!");
    BOOST_TEST(c->size() == 6U);
    std::string moved = std::move(r).value();
    BOOST_TEST(moved == "hello!");
}

BOOST_AUTO_TEST_CASE(move_only_value) {
    result<std::unique_ptr<int>> r = std::make_unique<int>(7);
    std::unique_ptr<int> p = std::move(r).value();
    BOOST_TEST(*p == 7);
}

BOOST_AUTO_TEST_CASE(failure_keeps_every_problem) {
    result<int> r = two_problems();
    BOOST_TEST(!r.has_value());
    BOOST_TEST(!static_cast<bool>(r));
    BOOST_TEST_REQUIRE(r.problems().size() == 2U);
    BOOST_TEST(r.problems()[0].pointer == "/a");
    BOOST_TEST(r.problems()[1].pointer == "/b");
}

BOOST_AUTO_TEST_CASE(value_throws_validation_failure_with_every_problem) {
    result<int> r = two_problems();
    try {
        (void)r.value();
        BOOST_FAIL("value() did not throw");
    } catch (validation_failure const& e) {
        BOOST_TEST(e.problems().size() == 2U);
        BOOST_TEST((e.problems().items() == two_problems().items()));
        BOOST_TEST((e.code() == error::missing_field)); // the first problem's code
        BOOST_TEST((e.code().category() == schema::error_category()));
        std::string const what = e.what();
        BOOST_TEST(what.find("2 problems") != std::string::npos);
        BOOST_TEST(what.find(R"(/a: required field "a" is missing [missing_field])") != std::string::npos);
        BOOST_TEST(what.find("/b: expected string, got integer (got 5) [wrong_type]") != std::string::npos);
    }
    result<int> const& c = r;
    BOOST_CHECK_THROW((void)c.value(), validation_failure);
    BOOST_CHECK_THROW((void)std::move(r).value(), validation_failure);
}

BOOST_AUTO_TEST_CASE(validation_failure_is_a_system_error) {
    problem_list one;
    one.add(problem{"", error::invalid_json, "bad", "", "parse_error", "JSON parse error - bad"});
    try {
        throw validation_failure(one);
    } catch (boost::system::system_error const& e) {
        BOOST_TEST((e.code() == error::invalid_json));
        std::string const what = e.what();
        BOOST_TEST(what.find("1 problem;") != std::string::npos);
        BOOST_TEST(what.find("(document): bad [invalid_json]") != std::string::npos);
    }
}

BOOST_AUTO_TEST_CASE(validation_failure_of_an_empty_list) {
    validation_failure const e{problem_list{}};
    BOOST_TEST(e.problems().empty());
    BOOST_TEST((e.code() == error::invalid_json));
}

BOOST_AUTO_TEST_CASE(validation_failure_keeps_truncation) {
    problem_list list(1);
    list.add(problem{"/a", error::too_short, "m", "", "", ""});
    list.add(problem{"/b", error::wrong_type, "m", "", "", ""});
    validation_failure const e(list);
    BOOST_TEST(e.problems().truncated());
    BOOST_TEST((e.code() == error::too_short));
}

BOOST_AUTO_TEST_CASE(parse_result_throws_with_the_first_code) {
    // Two problems in descriptor order: "name" (too_short) comes before "active" (wrong_type).
    auto const r =
        schema::parse<schema_test::Record>(R"({"active":1,"name":"","id":"00000000-0000-0000-0000-000000000000",)"
                                           R"("when":"2000-01-01T00:00:00Z"})");
    BOOST_TEST_REQUIRE(r.problems().size() == 2U);
    try {
        (void)r.value();
        BOOST_FAIL("value() did not throw");
    } catch (validation_failure const& e) {
        BOOST_TEST((e.code() == error::too_short));
        BOOST_TEST(e.problems().contains(error::wrong_type, "/active"));
        BOOST_TEST(e.problems().contains(error::too_short, "/name"));
    }
}

BOOST_AUTO_TEST_SUITE_END()

} // namespace result_test
