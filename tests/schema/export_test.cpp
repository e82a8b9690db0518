#include <authentik/events/schema/export.hpp>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/test/unit_test.hpp>

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace export_test {

// Own described types: the export knows nothing of authentik, and neither do these.

namespace schema = authentik::events::schema;
namespace format = authentik::events::format;

/// An exportable open enum whose values depend on the release: "old" lacks "dim".
class shade {
public:
    [[nodiscard]] static shade from_text(std::string_view text) {
        shade s;
        s.text_ = std::string(text);
        return s;
    }
    [[nodiscard]] std::string_view text() const noexcept { return text_; }
    [[nodiscard]] bool is_unknown() const noexcept { return !is_enum_value(); }
    [[nodiscard]] bool is_enum_value() const noexcept { return text_ == "light" || text_ == "dark" || text_ == "dim"; }
    [[nodiscard]] static constexpr std::string_view schema_name() noexcept { return "Shade"; }
    [[nodiscard]] static std::vector<std::string_view> enum_values(std::string_view release) {
        if (release == "old") {
            return {"light", "dark"};
        }
        return {"light", "dark", "dim"};
    }

private:
    std::string text_ = "light";
};

struct Leaf {
    std::string id;
    std::optional<std::string> stamp;
};

constexpr auto describe(schema::type_tag<Leaf>) {
    using namespace schema;
    return object<Leaf>({.name = "Leaf"}, member("id", &Leaf::id, {.required = true, .format = value_format::uuid}),
                        member("stamp", &Leaf::stamp, {.format = value_format::date_time}));
}

struct Tree {
    boost::uuids::uuid id{};
    std::string name;
    schema::nullable<std::string> address;
    format::date_time planted;
    std::optional<std::int64_t> rings;
    std::optional<double> height;
    std::optional<schema::number> girth;
    std::optional<bool> alive;
    std::optional<boost::json::object> notes;
    std::optional<boost::json::value> anything;
    std::optional<std::vector<std::string>> tags;
    std::optional<Leaf> leaf;
    std::optional<std::vector<Leaf>> leaves;
    schema::nullable<Leaf> fallen;
    std::optional<Leaf> pressed;
    std::optional<shade> colour;
    boost::json::object unknown_fields;
};

constexpr auto describe(schema::type_tag<Tree>) {
    using namespace schema;
    return object<Tree>(
        {.name = "Tree", .description = "a tree"},
        member("id", &Tree::id, {.required = true, .read_only = true, .title = "Id"}),
        member("name", &Tree::name, {.required = true, .min_length = 2}),
        member("address", &Tree::address, {.nullable = true, .format = value_format::ip_address, .min_length = 1}),
        member("planted", &Tree::planted, {.required = true}),
        member("rings", &Tree::rings, {.write_only = true, .description = "counted"}), member("height", &Tree::height),
        member("girth", &Tree::girth), member("alive", &Tree::alive), member("notes", &Tree::notes),
        member("anything", &Tree::anything), member("tags", &Tree::tags), member("leaf", &Tree::leaf),
        member("leaves", &Tree::leaves), member("fallen", &Tree::fallen, {.nullable = true}),
        member("pressed", &Tree::pressed, {.read_only = true}), member("colour", &Tree::colour),
        unknown_keys(&Tree::unknown_fields));
}

/// Extra keys are part of its schema; nothing else is described.
struct Bag {
    boost::json::object rest;
};

constexpr auto describe(schema::type_tag<Bag>) {
    using namespace schema;
    return object<Bag>({.name = "Bag"}, additional_properties(&Bag::rest));
}

/// Refers to itself.
struct Node {
    std::string name;
    std::optional<std::vector<Node>> children;
};

constexpr auto describe(schema::type_tag<Node>) {
    using namespace schema;
    return object<Node>({.name = "Node"}, member("name", &Node::name, {.required = true}),
                        member("children", &Node::children));
}

/// Claims the name "Leaf" that Leaf already has.
struct FakeLeaf {
    std::string id;
};

constexpr auto describe(schema::type_tag<FakeLeaf>) {
    using namespace schema;
    return object<FakeLeaf>({.name = "Leaf"}, member("id", &FakeLeaf::id, {.required = true}));
}

struct Clash {
    Leaf a;
    FakeLeaf b;
};

constexpr auto describe(schema::type_tag<Clash>) {
    using namespace schema;
    return object<Clash>({.name = "Clash"}, member("a", &Clash::a, {.required = true}),
                         member("b", &Clash::b, {.required = true}));
}

namespace {

boost::json::object json(std::string_view text) { return boost::json::parse(text).as_object(); }

schema::export_options dialect(schema::schema_dialect d) {
    schema::export_options o;
    o.dialect = d;
    return o;
}

boost::json::value const& property(boost::json::object const& component, std::string_view name) {
    return component.at("properties").as_object().at(name);
}

// Whether a "nullable" key occurs anywhere below v.
bool has_nullable_key(boost::json::value const& v) {
    if (v.is_object()) {
        for (auto const& kv : v.get_object()) {
            if (kv.key() == "nullable" || has_nullable_key(kv.value())) {
                return true;
            }
        }
    } else if (v.is_array()) {
        for (auto const& e : v.get_array()) {
            if (has_nullable_key(e)) {
                return true;
            }
        }
    }
    return false;
}

} // namespace

static_assert(schema::exportable<Tree>);
static_assert(schema::exportable_enum<shade>);
static_assert(!schema::exportable<std::string>);
static_assert(schema::component_name<Tree>() == "Tree");
static_assert(schema::component_name<shade>() == "Shade");

BOOST_AUTO_TEST_SUITE(export_)

BOOST_AUTO_TEST_CASE(openapi_component_of_every_member_kind) {
    auto const expected = json(R"({
        "type": "object",
        "description": "a tree",
        "properties": {
            "id": {"type": "string", "format": "uuid", "readOnly": true, "title": "Id"},
            "name": {"type": "string", "minLength": 2},
            "address": {"type": "string", "nullable": true, "minLength": 1},
            "planted": {"type": "string", "format": "date-time"},
            "rings": {"type": "integer", "writeOnly": true, "description": "counted"},
            "height": {"type": "number"},
            "girth": {"type": "number"},
            "alive": {"type": "boolean"},
            "notes": {"type": "object", "additionalProperties": {}},
            "anything": {},
            "tags": {"type": "array", "items": {"type": "string"}},
            "leaf": {"$ref": "#/components/schemas/Leaf"},
            "leaves": {"type": "array", "items": {"$ref": "#/components/schemas/Leaf"}},
            "fallen": {"allOf": [{"$ref": "#/components/schemas/Leaf"}], "nullable": true},
            "pressed": {"allOf": [{"$ref": "#/components/schemas/Leaf"}], "readOnly": true},
            "colour": {"$ref": "#/components/schemas/Shade"}
        },
        "required": ["id", "name", "planted"]
    })");
    auto const got = schema::component<Tree>();
    BOOST_TEST(got == expected, boost::json::serialize(got));
}

BOOST_AUTO_TEST_CASE(keys_in_the_servers_order) {
    auto const got = schema::component<Tree>();
    std::vector<std::string> keys;
    for (auto const& kv : got) {
        keys.emplace_back(kv.key());
    }
    BOOST_TEST(keys == (std::vector<std::string>{"type", "description", "properties", "required"}),
               boost::test_tools::per_element());
    std::vector<std::string> address;
    for (auto const& kv : property(got, "address").as_object()) {
        address.emplace_back(kv.key());
    }
    BOOST_TEST(address == (std::vector<std::string>{"type", "nullable", "minLength"}),
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(string_formats_on_plain_strings) {
    auto const leaf = schema::component<Leaf>();
    BOOST_TEST(leaf == json(R"({"type":"object","properties":{"id":{"type":"string","format":"uuid"},)"
                            R"("stamp":{"type":"string","format":"date-time"}},"required":["id"]})"));
    BOOST_TEST(!leaf.contains("description")); // the descriptor's is empty
}

BOOST_AUTO_TEST_CASE(ip_address_is_an_extension_and_not_exported) {
    auto const address = property(schema::component<Tree>(), "address").as_object();
    BOOST_TEST(!address.contains("format"));
}

BOOST_AUTO_TEST_CASE(additional_properties_sink_is_exported) {
    auto const bag = schema::component<Bag>();
    BOOST_TEST(bag == json(R"({"type":"object","additionalProperties":{}})")); // no properties, no required
}

BOOST_AUTO_TEST_CASE(unknown_keys_sink_is_not_exported) {
    BOOST_TEST(!schema::component<Tree>().contains("additionalProperties"));
}

BOOST_AUTO_TEST_CASE(free_form_any_renders_objects_as_anything) {
    schema::export_options o;
    o.free_form_any = true;
    auto const tree = schema::component<Tree>(o);
    BOOST_TEST(property(tree, "notes") == boost::json::value(boost::json::object{}));
    // Only free-form members change; a sink's additionalProperties is `{}` in both renderings.
    BOOST_TEST(schema::component<Bag>(o) == schema::component<Bag>());
}

BOOST_AUTO_TEST_CASE(enum_component_per_release) {
    schema::export_options o;
    BOOST_TEST(schema::component<shade>(o) == json(R"({"enum":["light","dark","dim"],"type":"string"})"));
    o.release = "old";
    BOOST_TEST(schema::component<shade>(o) == json(R"({"enum":["light","dark"],"type":"string"})"));
    o.dialect = schema::schema_dialect::draft_7; // the same in every dialect
    BOOST_TEST(schema::component<shade>(o) == json(R"({"enum":["light","dark"],"type":"string"})"));
}

BOOST_AUTO_TEST_CASE(json_schema_nullable_is_a_null_type) {
    for (auto d : {schema::schema_dialect::draft_7, schema::schema_dialect::draft_2020_12}) {
        auto const tree = schema::component<Tree>(dialect(d));
        BOOST_TEST(property(tree, "address") == json(R"({"type":["string","null"],"minLength":1})"));
        BOOST_TEST(!has_nullable_key(tree));
    }
    BOOST_TEST(property(schema::component<Tree>(dialect(schema::schema_dialect::draft_7)), "fallen") ==
               json(R"({"anyOf":[{"$ref":"#/definitions/Leaf"},{"type":"null"}]})"));
    BOOST_TEST(property(schema::component<Tree>(dialect(schema::schema_dialect::draft_2020_12)), "fallen") ==
               json(R"({"anyOf":[{"$ref":"#/$defs/Leaf"},{"type":"null"}]})"));
}

BOOST_AUTO_TEST_CASE(refs_point_into_the_dialects_place) {
    BOOST_TEST(property(schema::component<Tree>(), "leaf") == json(R"({"$ref":"#/components/schemas/Leaf"})"));
    BOOST_TEST(property(schema::component<Tree>(dialect(schema::schema_dialect::draft_7)), "leaf") ==
               json(R"({"$ref":"#/definitions/Leaf"})"));
    BOOST_TEST(property(schema::component<Tree>(dialect(schema::schema_dialect::draft_2020_12)), "leaves") ==
               json(R"({"type":"array","items":{"$ref":"#/$defs/Leaf"}})"));
    BOOST_TEST(schema::component_ref("a/b~c", schema::schema_dialect::draft_7) == "#/definitions/a~1b~0c");
}

BOOST_AUTO_TEST_CASE(annotated_ref_wraps_before_2020_12) {
    // Draft 7 (like OpenAPI 3.0) ignores a $ref's siblings; 2020-12 keeps them.
    BOOST_TEST(property(schema::component<Tree>(dialect(schema::schema_dialect::draft_7)), "pressed") ==
               json(R"({"allOf":[{"$ref":"#/definitions/Leaf"}],"readOnly":true})"));
    BOOST_TEST(property(schema::component<Tree>(dialect(schema::schema_dialect::draft_2020_12)), "pressed") ==
               json(R"({"$ref":"#/$defs/Leaf","readOnly":true})"));
}

BOOST_AUTO_TEST_CASE(components_are_transitive_and_ordered) {
    auto const all = schema::components<Tree>();
    std::vector<std::string> names;
    for (auto const& kv : all) {
        names.emplace_back(kv.key());
    }
    BOOST_TEST(names == (std::vector<std::string>{"Tree", "Leaf", "Shade"}), boost::test_tools::per_element());
    BOOST_TEST(all.at("Leaf") == schema::component<Leaf>());
    BOOST_TEST(all.at("Shade") == schema::component<shade>());

    auto const two = schema::components<Bag, Leaf, Tree>();
    BOOST_TEST(two.size() == 4U);
    BOOST_TEST(two.begin()->key() == "Bag");
}

BOOST_AUTO_TEST_CASE(self_reference_ends) {
    auto const all = schema::components<Node>();
    BOOST_TEST(all.size() == 1U);
    BOOST_TEST(property(all.at("Node").as_object(), "children") ==
               json(R"({"type":"array","items":{"$ref":"#/components/schemas/Node"}})"));
}

BOOST_AUTO_TEST_CASE(two_types_with_one_name_throw) {
    BOOST_CHECK_THROW((void)schema::components<Clash>(), std::logic_error);
}

BOOST_AUTO_TEST_CASE(json_schema_draft_7_document) {
    schema::export_options o = dialect(schema::schema_dialect::draft_7);
    o.release = "old";
    auto const doc = schema::json_schema<Tree>(o);
    BOOST_TEST(doc.at("$schema") == "http://json-schema.org/draft-07/schema#");
    BOOST_TEST(doc.at("$ref") == "#/definitions/Tree");
    BOOST_TEST(!doc.contains("$defs"));
    auto const& defs = doc.at("definitions").as_object();
    BOOST_TEST(defs.size() == 3U);
    BOOST_TEST(defs.at("Shade") == json(R"({"enum":["light","dark"],"type":"string"})"));
    BOOST_TEST(defs.at("Tree") == schema::component<Tree>(o));
    BOOST_TEST(!has_nullable_key(doc));
}

BOOST_AUTO_TEST_CASE(json_schema_2020_12_document) {
    auto const doc = schema::json_schema<Tree>(dialect(schema::schema_dialect::draft_2020_12));
    BOOST_TEST(doc.at("$schema") == "https://json-schema.org/draft/2020-12/schema");
    BOOST_TEST(doc.at("$ref") == "#/$defs/Tree");
    BOOST_TEST(!doc.contains("definitions"));
    BOOST_TEST(doc.at("$defs").as_object().size() == 3U);
    BOOST_TEST(!has_nullable_key(doc));
}

BOOST_AUTO_TEST_CASE(json_schema_document_without_root) {
    auto const doc =
        schema::json_schema_document(schema::components<Leaf>(), {}, dialect(schema::schema_dialect::draft_7));
    BOOST_TEST(!doc.contains("$ref"));
    BOOST_TEST(doc.at("definitions").as_object().contains("Leaf"));
}

BOOST_AUTO_TEST_CASE(json_schema_needs_a_json_schema_dialect) {
    BOOST_CHECK_THROW((void)schema::json_schema<Tree>(schema::export_options{}), std::invalid_argument);
    BOOST_TEST(schema::dialect_uri(schema::schema_dialect::openapi_3_0).empty());
}

BOOST_AUTO_TEST_SUITE_END()

} // namespace export_test
