#include <authentik/events/schema/problem.hpp>

#include "test_types.hpp"

#include <authentik/events/schema/parse.hpp>

#include <boost/test/unit_test.hpp>

#include <sstream>
#include <string>

namespace problem_test {

namespace schema = authentik::events::schema;
using schema::error;
using schema::problem;
using schema::problem_list;

BOOST_AUTO_TEST_SUITE(problem_hpp)

namespace {

template <class T>
std::string printed(T const& v) {
    std::ostringstream os;
    os << v;
    return os.str();
}

problem make(std::string pointer, error code, std::string value = {}) {
    return problem{std::move(pointer), code,  "message for " + std::string(schema::to_string(code)),
                   std::move(value),   "drf", "DRF says no."};
}

} // namespace

BOOST_AUTO_TEST_CASE(prints_pointer_message_value_and_code) {
    problem const p{"/client_ip",
                    error::invalid_ip_address,
                    "not an IPv4 or IPv6 address: bad",
                    R"("1.2.3")",
                    "invalid",
                    "Enter a valid IPv4 or IPv6 address."};
    BOOST_TEST(printed(p) == R"(/client_ip: not an IPv4 or IPv6 address: bad (got "1.2.3") [invalid_ip_address])");
}

BOOST_AUTO_TEST_CASE(prints_no_value_part_when_there_is_no_value) {
    problem const p{"/app", error::missing_field, "required field \"app\" is missing",
                    "",     "required",           "This field is required."};
    BOOST_TEST(printed(p) == R"(/app: required field "app" is missing [missing_field])");
}

BOOST_AUTO_TEST_CASE(the_document_prints_as_document) {
    problem const p{"",   error::wrong_type, "expected object, got array",
                    "[]", "invalid",         "Invalid data. Expected a dictionary, but got list."};
    BOOST_TEST(printed(p) == "(document): expected object, got array (got []) [wrong_type]");
    // "/" is the key "", not the document.
    problem const q{"/", error::wrong_type, "m", "", "", ""};
    BOOST_TEST(printed(q) == "/: m [wrong_type]");
}

BOOST_AUTO_TEST_CASE(prints_a_real_problem) {
    auto const r = schema::parse<schema_test::Record>(R"({"name":"x","id":"00000000-0000-0000-0000-000000000000",)"
                                                      R"("when":"2000-01-01T00:00:00Z","active":"yes"})");
    BOOST_TEST_REQUIRE(r.problems().size() == 1U);
    BOOST_TEST(printed(r.problems()[0]) == R"(/active: expected boolean, got string (got "yes") [wrong_type])");
}

BOOST_AUTO_TEST_CASE(equality) {
    BOOST_TEST((make("/a", error::wrong_type) == make("/a", error::wrong_type)));
    BOOST_TEST((make("/a", error::wrong_type) != make("/b", error::wrong_type)));
    BOOST_TEST((make("/a", error::wrong_type) != make("/a", error::too_short)));
    BOOST_TEST((make("/a", error::wrong_type, "1") != make("/a", error::wrong_type, "2")));
}

BOOST_AUTO_TEST_CASE(list_keeps_order) {
    problem_list list;
    BOOST_TEST(list.empty());
    BOOST_TEST(list.size() == 0U);
    BOOST_TEST(!list.full());
    BOOST_TEST(!list.truncated());
    list.add(make("/b", error::wrong_type));
    list.add(make("/a", error::missing_field));
    BOOST_TEST(!list.empty());
    BOOST_TEST_REQUIRE(list.size() == 2U);
    BOOST_TEST(list[0].pointer == "/b");
    BOOST_TEST(list[1].pointer == "/a");
    BOOST_TEST(list.items().size() == 2U);
    BOOST_TEST(list.items()[1].pointer == "/a");
    std::string pointers;
    for (auto const& p : list) {
        pointers += p.pointer;
    }
    BOOST_TEST(pointers == "/b/a");
}

BOOST_AUTO_TEST_CASE(list_cap_and_truncation) {
    BOOST_TEST(problem_list::default_cap == 100U);
    problem_list list(2);
    list.add(make("/0", error::wrong_type));
    BOOST_TEST(!list.full());
    list.add(make("/1", error::wrong_type));
    BOOST_TEST(list.full());
    BOOST_TEST(!list.truncated()); // full, but nothing dropped yet
    list.add(make("/2", error::wrong_type));
    BOOST_TEST(list.truncated());
    BOOST_TEST(list.size() == 2U);
    BOOST_TEST(list[1].pointer == "/1"); // the first ones are kept
}

BOOST_AUTO_TEST_CASE(cap_of_zero_keeps_one) {
    problem_list list(0);
    list.add(make("/0", error::wrong_type));
    BOOST_TEST(list.size() == 1U);
    BOOST_TEST(!list.truncated());
    list.add(make("/1", error::wrong_type));
    BOOST_TEST(list.size() == 1U);
    BOOST_TEST(list.truncated());
}

BOOST_AUTO_TEST_CASE(default_cap_is_100) {
    problem_list list;
    for (int i = 0; i < 100; ++i) {
        list.add(make("/x", error::wrong_type));
    }
    BOOST_TEST(list.full());
    BOOST_TEST(!list.truncated());
    list.add(make("/x", error::wrong_type));
    BOOST_TEST(list.truncated());
    BOOST_TEST(list.size() == 100U);
}

BOOST_AUTO_TEST_CASE(contains) {
    problem_list list;
    list.add(make("/a", error::wrong_type));
    list.add(make("/b/0", error::too_short));
    BOOST_TEST(list.contains(error::wrong_type));
    BOOST_TEST(list.contains(error::wrong_type, "/a"));
    BOOST_TEST(!list.contains(error::wrong_type, "/b/0"));
    BOOST_TEST(list.contains(error::too_short, "/b/0"));
    BOOST_TEST(!list.contains(error::too_short, "/b"));
    BOOST_TEST(!list.contains(error::missing_field));
    BOOST_TEST(!problem_list{}.contains(error::wrong_type));
}

BOOST_AUTO_TEST_CASE(list_prints_one_problem_a_line) {
    problem_list list(2);
    list.add(problem{"/a", error::missing_field, "required field \"a\" is missing", "", "required", "x"});
    list.add(problem{"", error::wrong_type, "expected object, got array", "[1]", "invalid", "x"});
    BOOST_TEST(printed(list) == "/a: required field \"a\" is missing [missing_field]\n"
                                "(document): expected object, got array (got [1]) [wrong_type]\n");
    list.add(problem{"/c", error::too_short, "m", "", "", ""});
    BOOST_TEST(printed(list) == "/a: required field \"a\" is missing [missing_field]\n"
                                "(document): expected object, got array (got [1]) [wrong_type]\n"
                                "(more problems were dropped at the cap of 2)\n");
    BOOST_TEST(printed(problem_list{}) == "");
}

BOOST_AUTO_TEST_SUITE_END()

} // namespace problem_test
