#include <authentik/events/model/openapi.hpp>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/test/unit_test.hpp>

#include "test_data.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace openapi_test {

namespace ae = authentik::events;
namespace schema = authentik::events::schema;
using model_tests::read_data;

namespace {

// The schemas of the 2026.5.6 spec, as tests/data/README.md says it was converted.
boost::json::object const& spec_schemas() {
    static boost::json::object const schemas = boost::json::parse(read_data("authentik-schema-2026.5.6-events.json"))
                                                   .as_object()
                                                   .at("components")
                                                   .as_object()
                                                   .at("schemas")
                                                   .as_object();
    return schemas;
}

// `required` is a set; drf-spectacular sorts it, descriptors list it in field order.
boost::json::value normalized(boost::json::value v) {
    if (auto* r = v.as_object().if_contains("required")) {
        auto& a = r->as_array();
        std::sort(a.begin(), a.end(), [](boost::json::value const& x, boost::json::value const& y) {
            return x.as_string() < y.as_string();
        });
    }
    return v;
}

std::vector<std::string> enum_of(boost::json::object const& components) {
    std::vector<std::string> out;
    for (auto const& v : components.at("EventActions").at("enum").as_array()) {
        out.emplace_back(v.as_string());
    }
    return out;
}

} // namespace

BOOST_AUTO_TEST_SUITE(openapi)

BOOST_AUTO_TEST_CASE(nine_types_in_the_schemas_order) {
    std::vector<std::string_view> const names(ae::api_schema_names.begin(), ae::api_schema_names.end());
    BOOST_TEST(names == (std::vector<std::string_view>{"Autocomplete", "Event", "EventActions", "EventRequest",
                                                       "GenericError", "PaginatedEventList", "Pagination",
                                                       "PatchedEventRequest", "ValidationError"}),
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(release_2026_5_6_equals_the_spec) {
    auto const got = ae::openapi_components("2026.5.6");
    BOOST_TEST(got.size() == spec_schemas().size());
    for (auto const& kv : spec_schemas()) {
        BOOST_TEST_CONTEXT("component " << kv.key()) {
            auto const* mine = got.if_contains(kv.key());
            BOOST_TEST_REQUIRE(mine != nullptr);
            BOOST_TEST(normalized(*mine) == normalized(kv.value()), boost::json::serialize(*mine));
        }
    }
}

BOOST_AUTO_TEST_CASE(release_2026_5_6_enum_in_the_specs_order) {
    auto const mine = enum_of(ae::openapi_components("2026.5.6"));
    auto const spec = enum_of(spec_schemas());
    BOOST_TEST(mine.size() == 33U);
    BOOST_TEST(mine == spec, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(one_component_by_name) {
    for (auto const& kv : spec_schemas()) {
        BOOST_TEST(normalized(ae::openapi_component(kv.key(), "2026.5.6")) == normalized(kv.value()));
    }
    BOOST_CHECK_THROW((void)ae::openapi_component("Nope"), std::invalid_argument);
}

BOOST_AUTO_TEST_CASE(release_2024_is_the_seed) {
    auto const got = ae::openapi_components("2024");
    auto const actions = enum_of(got);
    BOOST_TEST(actions.size() == 27U);
    BOOST_TEST(actions.back() == "custom_");
    BOOST_TEST((std::find(actions.begin(), actions.end(), "configuration_warning") == actions.end()));
    boost::json::value const any = boost::json::object{};
    for (std::string_view type : {"Event", "EventRequest", "PatchedEventRequest"}) {
        auto const& props = got.at(type).at("properties").as_object();
        for (std::string_view field : {"user", "context", "brand"}) {
            BOOST_TEST(props.at(field) == any, type << '.' << field);
        }
    }
    // Everything else is as in 2026.5.6.
    BOOST_TEST(got.at("Pagination") == ae::openapi_components("2026.5.6").at("Pagination"));
}

BOOST_AUTO_TEST_CASE(release_2026_8_has_38_actions) {
    auto const actions = enum_of(ae::openapi_components("2026.8"));
    BOOST_TEST(actions.size() == 38U);
    for (std::string_view a : {"user_offboarded", "access_request_created", "access_request_approved",
                               "access_request_denied", "access_request_revoked"}) {
        BOOST_TEST((std::find(actions.begin(), actions.end(), a) != actions.end()), a);
    }
    BOOST_TEST(ae::openapi_components() == ae::openapi_components("2026.8")); // the latest by default
}

BOOST_AUTO_TEST_CASE(every_release_reproduces_its_enum) {
    for (auto const& r : ae::releases) {
        auto const actions = enum_of(ae::openapi_components(r.name));
        auto const expected = ae::event_action::enum_values(r.name);
        BOOST_TEST(actions == std::vector<std::string>(expected.begin(), expected.end()),
                   boost::test_tools::per_element());
    }
}

BOOST_AUTO_TEST_CASE(unknown_release_throws) {
    BOOST_CHECK_THROW((void)ae::openapi_components("1999.1"), std::invalid_argument);
    BOOST_CHECK_THROW((void)ae::export_options_for(""), std::invalid_argument);
}

BOOST_AUTO_TEST_CASE(export_options_follow_the_release) {
    auto const o = ae::export_options_for("2024", schema::schema_dialect::draft_7);
    BOOST_TEST(o.free_form_any);
    BOOST_TEST(o.release == "2024");
    BOOST_TEST((o.dialect == schema::schema_dialect::draft_7));
    BOOST_TEST(!ae::export_options_for("2026.5.6").free_form_any);
}

BOOST_AUTO_TEST_CASE(json_schema_per_type) {
    auto const doc = ae::json_schema("PaginatedEventList", "2026.5.6", schema::schema_dialect::draft_7);
    BOOST_TEST(doc.at("$ref") == "#/definitions/PaginatedEventList");
    auto const& defs = doc.at("definitions").as_object();
    BOOST_TEST(defs.size() == 5U); // the list, Pagination, Event, EventActions, Autocomplete
    BOOST_TEST(defs.at("EventActions").at("enum").as_array().size() == 33U);
    BOOST_TEST(defs.at("Event").at("properties").at("client_ip") ==
               boost::json::parse(R"({"type":["string","null"]})"));

    auto const generic = ae::json_schema("GenericError");
    BOOST_TEST(generic.at("$schema") == "https://json-schema.org/draft/2020-12/schema");
    BOOST_TEST(generic.at("$defs").as_object().size() == 1U);

    BOOST_CHECK_THROW((void)ae::json_schema("Event", "2026.8", schema::schema_dialect::openapi_3_0),
                      std::invalid_argument);
    BOOST_CHECK_THROW((void)ae::json_schema("Nope"), std::invalid_argument);
}

BOOST_AUTO_TEST_CASE(json_schema_bundle_has_every_type) {
    auto const doc = ae::json_schema_bundle("2024", schema::schema_dialect::draft_2020_12);
    BOOST_TEST(!doc.contains("$ref"));
    auto const& defs = doc.at("$defs").as_object();
    BOOST_TEST(defs.size() == 9U);
    BOOST_TEST(defs.at("EventActions").at("enum").as_array().size() == 27U);
}

BOOST_AUTO_TEST_SUITE_END()

} // namespace openapi_test
