// An independent check of the exported JSON Schema: valijson, given the draft 7 document this
// library exports, must reach the library's own verdict (parse / validate, default options) on
// every payload in tests/data, on invalid mutations of each valid one, and on the fixtures
// generator's valid and invalid fixtures (fixtures.hpp) of every API type.
//
// Compared only where both sides can judge. JSON Schema cannot express these rules, so inputs
// whose verdict depends on them are left out (docs/schema.md lists the same):
//  - invalid JSON, duplicate keys, and the size and depth limits: a schema validator sees a
//    parsed document, where one of two repeated keys has already won and nothing is too big;
//  - the IP address check on client_ip: an extension, not exported (no "format" for it);
//  - UUID and RFC 3339 formats: valijson ignores "format": "uuid", and its date-time check is a
//    pattern (it takes 2023-02-29, leap second 60 and year 0000, which the library rejects);
//  - unknown and custom actions in Event (and in a list's results) under the default
//    unknown_actions = keep: the library takes any string there, the schema's enum cannot say
//    so. Such actions are replaced by a known one before both sides judge; that cannot change
//    the library's verdict, which is checked too. EventRequest takes enum values only, as the
//    schema says, and is compared as is.

#include <stdexcept> // valijson/exceptions.hpp includes it inside namespace valijson: include it first

#include <authentik/events.hpp>
#include <authentik/events/fixtures.hpp>
#include <authentik/events/model/openapi.hpp>
#include <authentik/events/schema/json_pointer.hpp>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/test/unit_test.hpp>
#include <valijson/adapters/boost_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validator.hpp>

#include <algorithm>
#include <array>
#include <cstddef>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <memory>
#include <sstream>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

namespace valijson_test {

namespace {

namespace ae = authentik::events;
namespace schema = authentik::events::schema;

// Problems that depend on rules JSON Schema cannot express (see above).
bool document_level(schema::error e) {
    return e == schema::error::invalid_json || e == schema::error::duplicate_key ||
           e == schema::error::depth_exceeded || e == schema::error::size_exceeded || e == schema::error::out_of_memory;
}
bool format_level(schema::error e) {
    return e == schema::error::invalid_ip_address || e == schema::error::invalid_uuid ||
           e == schema::error::invalid_date_time;
}

// One API type as both sides see it.
struct checked_type {
    std::string_view name;        // component name
    std::string_view file_prefix; // tests/data files whose name starts with it hold this type
    bool keeps_actions;           // unknown actions are kept (at /action, or /results/N/action)
    std::function<schema::problem_list(std::string_view)> parse;
    std::function<schema::problem_list(boost::json::value const&)> validate;
    boost::json::object document; // the exported draft 7 JSON Schema
    std::shared_ptr<valijson::Schema> compiled;
};

template <class T>
checked_type make_checked(std::string_view file_prefix, bool keeps_actions) {
    checked_type t;
    t.name = schema::component_name<T>();
    t.file_prefix = file_prefix;
    t.keeps_actions = keeps_actions;
    t.parse = [](std::string_view text) { return ae::parse<T>(text).problems(); };
    t.validate = [](boost::json::value const& v) { return ae::validate<T>(v).problems(); };
    t.document = ae::json_schema(t.name, ae::latest_release, schema::schema_dialect::draft_7);
    t.compiled = std::make_shared<valijson::Schema>();
    boost::json::value const doc = t.document;
    valijson::adapters::BoostJsonAdapter adapter(doc);
    valijson::SchemaParser(valijson::SchemaParser::kDraft7).populateSchema(adapter, *t.compiled);
    return t;
}

std::vector<checked_type> const& checked_types() {
    static std::vector<checked_type> const types = [] {
        std::vector<checked_type> v;
        // Longer prefixes first; a file matching none holds an Event.
        v.push_back(make_checked<ae::PatchedEventRequest>("patched_event_request", false));
        v.push_back(make_checked<ae::EventRequest>("event_request", false));
        v.push_back(make_checked<ae::ValidationError>("validation_error", false));
        v.push_back(make_checked<ae::GenericError>("generic_error", false));
        v.push_back(make_checked<ae::PaginatedEventList>("paginated_event_list", true));
        v.push_back(make_checked<ae::Pagination>("pagination_", false));
        v.push_back(make_checked<ae::Autocomplete>("autocomplete_", false));
        v.push_back(make_checked<ae::Event>("", true));
        return v;
    }();
    return types;
}

checked_type const& type_named(std::string_view name) {
    for (auto const& t : checked_types()) {
        if (t.name == name) {
            return t;
        }
    }
    throw std::logic_error("no checked type " + std::string(name));
}

checked_type const& type_of_file(std::string_view file) {
    for (auto const& t : checked_types()) {
        if (file.substr(0, t.file_prefix.size()) == t.file_prefix) {
            return t;
        }
    }
    throw std::logic_error("unreachable: Event's prefix is empty");
}

bool is_enum_action(boost::json::string const& s) {
    auto const values = ae::event_action::enum_values(ae::latest_release);
    return std::find(values.begin(), values.end(), std::string_view(s)) != values.end();
}

// Replaces kept (non-enum) string actions by a known one; returns how many it replaced.
std::size_t normalize_kept_actions(boost::json::value& v, bool is_list) {
    auto fix = [](boost::json::value& event) -> std::size_t {
        if (!event.is_object()) {
            return 0;
        }
        auto* a = event.get_object().if_contains("action");
        if (a == nullptr || !a->is_string() || is_enum_action(a->get_string())) {
            return 0;
        }
        *a = "login";
        return 1;
    };
    if (!is_list) {
        return fix(v);
    }
    std::size_t n = 0;
    if (v.is_object()) {
        if (auto* r = v.get_object().if_contains("results"); r != nullptr && r->is_array()) {
            for (auto& e : r->get_array()) {
                n += fix(e);
            }
        }
    }
    return n;
}

bool valijson_accepts(checked_type const& t, boost::json::value const& v) {
    valijson::Validator validator;
    valijson::adapters::BoostJsonAdapter adapter(v);
    return validator.validate(*t.compiled, adapter, nullptr);
}

std::string problems_text(schema::problem_list const& problems) {
    std::ostringstream os;
    os << problems;
    return os.str();
}

struct tally {
    std::size_t compared = 0;
    std::size_t both_invalid = 0;
    std::size_t both_valid = 0;
    std::size_t left_out = 0;
};

// Compares one input; text is the file's bytes when it came from one (so that the library
// sees what a parser sees: duplicate keys, limits).
void compare(checked_type const& t, boost::json::value const& input, std::string_view text, std::string const& what,
             tally& counts) {
    schema::problem_list const problems = text.empty() ? t.validate(input) : t.parse(text);
    bool judgeable = problems.empty();
    for (auto const& p : problems) {
        if (document_level(p.code)) {
            ++counts.left_out;
            return;
        }
        judgeable = judgeable || !format_level(p.code);
    }
    if (!judgeable) {
        ++counts.left_out;
        return;
    }
    boost::json::value normalized = input;
    if (t.keeps_actions && normalize_kept_actions(normalized, t.name == "PaginatedEventList") > 0) {
        BOOST_TEST(t.validate(normalized).empty() == t.validate(input).empty(),
                   t.name << " " << what << ": a replaced action changed the library's verdict");
    }
    bool const library = problems.empty();
    bool const valijson = valijson_accepts(t, normalized);
    BOOST_TEST(library == valijson, t.name << " " << what << ": library " << (library ? "accepts" : "rejects")
                                           << ", valijson " << (valijson ? "accepts" : "rejects") << "\n"
                                           << boost::json::serialize(normalized) << "\n"
                                           << problems_text(problems));
    ++counts.compared;
    ++(library ? counts.both_valid : counts.both_invalid);
}

// ---- mutations ------------------------------------------------------------------------------

struct mutation {
    std::string what;
    boost::json::value doc;
};

boost::json::value& at(boost::json::value& root, std::string const& pointer) {
    return pointer.empty() ? root : root.at_pointer(pointer);
}
boost::json::value const& at(boost::json::value const& root, std::string const& pointer) {
    return pointer.empty() ? root : root.at_pointer(pointer);
}

// The object schema a property refers to ({"$ref": "#/definitions/X"}), or nullptr.
boost::json::object const* referenced(boost::json::value const& property, boost::json::object const& defs) {
    if (!property.is_object()) {
        return nullptr;
    }
    auto const* ref = property.get_object().if_contains("$ref");
    if (ref == nullptr || !ref->is_string()) {
        return nullptr;
    }
    std::string_view r = ref->get_string();
    constexpr std::string_view base = "#/definitions/";
    if (r.substr(0, base.size()) != base) {
        return nullptr;
    }
    auto const* def = defs.if_contains(r.substr(base.size()));
    return def != nullptr && def->is_object() ? &def->get_object() : nullptr;
}

// Each kind of JSON value once; null has its own mutation.
std::array<boost::json::value, 6> sample_values() {
    return {boost::json::value(true),
            boost::json::value(7),
            boost::json::value(1.5),
            boost::json::value("text"),
            boost::json::value(boost::json::array{}),
            boost::json::value(boost::json::object{})};
}

// Mutates the object at `pointer` (described by `component`) and, guided by the schema, the
// described objects inside it.
void mutate_object(boost::json::value const& root, std::string const& pointer, boost::json::object const& component,
                   boost::json::object const& defs, std::vector<mutation>& out) {
    auto const& here = at(root, pointer);
    if (!here.is_object()) {
        return;
    }
    auto const& object = here.get_object();
    std::vector<std::string> keys;
    for (auto const& kv : object) {
        keys.emplace_back(kv.key());
    }
    boost::json::object const empty;
    auto const* props = component.if_contains("properties");
    auto const& properties = props != nullptr ? props->get_object() : empty;
    for (auto const& kv : properties) {
        if (!object.contains(kv.key())) {
            keys.emplace_back(kv.key());
        }
    }

    auto add = [&](std::string const& key, std::string what, auto&& change) {
        mutation m{pointer + "/" + key + ": " + std::move(what), root};
        change(at(m.doc, pointer).get_object());
        out.push_back(std::move(m));
    };

    for (auto const& key : keys) {
        boost::json::string_view const k(key);
        if (object.contains(k)) {
            add(key, "removed", [&](boost::json::object& o) { o.erase(k); });
        }
        add(key, "null", [&](boost::json::object& o) { o[k] = nullptr; });
        for (auto const& v : sample_values()) {
            add(key, "set to " + boost::json::serialize(v), [&](boost::json::object& o) { o[k] = v; });
        }
        auto const* prop = properties.if_contains(k);
        if (prop == nullptr) {
            continue;
        }
        if (auto const* min = prop->get_object().if_contains("minLength")) {
            auto const n = static_cast<std::size_t>(min->to_number<std::int64_t>());
            std::string too_short;
            std::string just_enough;
            for (std::size_t i = 0; i < n; ++i) {
                just_enough += "\xC3\xA9"; // one code point, two bytes: minLength counts code points
                if (i + 1 < n) {
                    too_short += "\xC3\xA9";
                }
            }
            add(key, "too short", [&](boost::json::object& o) { o[k] = boost::json::string(too_short); });
            add(key, "exactly minLength", [&](boost::json::object& o) { o[k] = boost::json::string(just_enough); });
        }
        auto const* target = referenced(*prop, defs);
        if (target != nullptr && target->contains("enum")) {
            for (std::string_view a : {"logout", "custom_", "custom_login", "brand_new_action"}) {
                add(key, "action " + std::string(a), [&](boost::json::object& o) { o[k] = boost::json::string(a); });
            }
        }
        auto const* present = object.if_contains(k);
        if (present == nullptr) {
            continue;
        }
        std::string child = pointer;
        schema::append_pointer_token(child, key);
        if (target != nullptr && target->contains("properties")) {
            mutate_object(root, child, *target, defs, out);
        }
        auto const* items = prop->get_object().if_contains("items");
        auto const* item_target = items != nullptr ? referenced(*items, defs) : nullptr;
        if (item_target != nullptr && present->is_array() && !present->get_array().empty()) {
            schema::append_pointer_token(child, std::size_t{0});
            mutate_object(root, child, *item_target, defs, out);
        }
    }
    add("zz_undescribed", "added", [&](boost::json::object& o) { o["zz_undescribed"] = 1; });
}

std::vector<mutation> mutations(checked_type const& t, boost::json::value const& valid) {
    auto const& defs = t.document.at("definitions").as_object();
    std::vector<mutation> out;
    mutate_object(valid, "", defs.at(t.name).as_object(), defs, out);
    return out;
}

struct data_file {
    std::string name;
    std::string text;
};

std::vector<data_file> data_files() {
    std::vector<data_file> out;
    for (auto const& entry : std::filesystem::directory_iterator(AUTHENTIK_EVENTS_TEST_DATA)) {
        auto const& p = entry.path();
        if (p.extension() != ".json") {
            continue;
        }
        std::ifstream in(p, std::ios::binary);
        std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        std::error_code ec;
        auto const v = boost::json::parse(text, ec);
        if (!ec && v.is_object() && v.get_object().contains("openapi")) {
            continue; // the spec itself, not a payload
        }
        out.push_back({p.filename().string(), std::move(text)});
    }
    std::sort(out.begin(), out.end(), [](data_file const& a, data_file const& b) { return a.name < b.name; });
    return out;
}

} // namespace

BOOST_AUTO_TEST_SUITE(valijson_cross_check)

BOOST_AUTO_TEST_CASE(payloads_and_their_mutations) {
    tally counts;
    std::size_t valid_payloads = 0;
    std::vector<std::string> seen_types;
    for (auto const& file : data_files()) {
        checked_type const& t = type_of_file(file.name);
        seen_types.emplace_back(t.name);
        std::error_code ec;
        boost::json::value const doc = boost::json::parse(file.text, ec);
        compare(t, doc, file.text, file.name, counts);
        if (ec || !t.parse(file.text).empty()) {
            continue; // mutations start from valid payloads only
        }
        ++valid_payloads;
        for (auto const& m : mutations(t, doc)) {
            compare(t, m.doc, {}, file.name + " " + m.what, counts);
        }
    }
    BOOST_TEST_MESSAGE("compared " << counts.compared << " (" << counts.both_valid << " valid, " << counts.both_invalid
                                   << " invalid), left out " << counts.left_out);
    for (std::string_view name :
         {"Event", "EventRequest", "PatchedEventRequest", "ValidationError", "GenericError", "PaginatedEventList"}) {
        BOOST_TEST((std::find(seen_types.begin(), seen_types.end(), name) != seen_types.end()),
                   "no payload in tests/data for " << name);
    }
    // Enough of both verdicts to mean something.
    BOOST_TEST(valid_payloads >= 10U);
    BOOST_TEST(counts.both_valid >= 100U);
    BOOST_TEST(counts.both_invalid >= 500U);
}

namespace {

// Valid fixtures of T from several seeds, and every invalid fixture of each seed, judged by both.
template <class T>
void compare_fixtures(tally& counts, std::size_t& invalid_fixtures) {
    auto const& t = type_named(schema::component_name<T>());
    for (std::uint64_t seed = 1; seed <= 25; ++seed) {
        ae::fixtures::generator g(seed);
        for (int k = 0; k < 4; ++k) {
            std::string const text = ae::serialize(g.make<T>());
            compare(t, boost::json::parse(text), text, "fixture seed " + std::to_string(seed), counts);
        }
        for (auto const& f : ae::fixtures::invalid_fixtures<T>(g)) {
            ++invalid_fixtures;
            boost::system::error_code ec;
            boost::json::value const doc = boost::json::parse(f.payload, ec);
            // Strict-only rules are valid under the defaults compare() uses: both must accept.
            compare(t, ec ? boost::json::value() : doc, f.payload,
                    "invalid fixture " + f.rule + " seed " + std::to_string(seed), counts);
        }
    }
}

} // namespace

BOOST_AUTO_TEST_CASE(generated_fixtures_and_invalid_fixtures) {
    tally counts;
    std::size_t invalid = 0;
    compare_fixtures<ae::Event>(counts, invalid);
    compare_fixtures<ae::EventRequest>(counts, invalid);
    compare_fixtures<ae::PatchedEventRequest>(counts, invalid);
    compare_fixtures<ae::ValidationError>(counts, invalid);
    compare_fixtures<ae::GenericError>(counts, invalid);
    compare_fixtures<ae::Pagination>(counts, invalid);
    compare_fixtures<ae::Autocomplete>(counts, invalid);
    compare_fixtures<ae::PaginatedEventList>(counts, invalid);
    BOOST_TEST_MESSAGE("fixtures: compared " << counts.compared << " (" << counts.both_valid << " valid, "
                                             << counts.both_invalid << " invalid), left out " << counts.left_out
                                             << " of " << invalid << " invalid fixtures and " << 8 * 25 * 4
                                             << " valid ones");
    BOOST_TEST(counts.both_valid >= 8U * 25U * 4U); // every valid fixture is judgeable
    BOOST_TEST(counts.both_invalid >= 1000U);
}

BOOST_AUTO_TEST_CASE(custom_action_in_event_request_is_rejected_by_both) {
    auto const& t = type_named("EventRequest");
    auto doc = boost::json::parse(R"({"action":"custom_login","app":"x"})");
    BOOST_TEST(!t.validate(doc).empty());
    BOOST_TEST(!valijson_accepts(t, doc));
    doc.as_object()["action"] = "custom_"; // the enum's own value
    BOOST_TEST(t.validate(doc).empty());
    BOOST_TEST(valijson_accepts(t, doc));
}

BOOST_AUTO_TEST_CASE(kept_action_in_event_is_the_documented_difference) {
    auto const& t = type_named("Event");
    auto const doc = boost::json::parse(R"({"pk":"3f2a5c1e-9b7d-4e8a-a1c3-5d6e7f8a9b0c","action":"custom_login",)"
                                        R"("app":"x","created":"2023-02-15T15:33:42Z"})");
    BOOST_TEST(t.validate(doc).empty());   // keep: any action reads
    BOOST_TEST(!valijson_accepts(t, doc)); // the schema's enum does not say so
}

BOOST_AUTO_TEST_CASE(format_differences_are_left_out_for_a_reason) {
    // The rules this test cannot compare really differ; were valijson to check them like the
    // library, they should be compared instead.
    auto const& t = type_named("Event");
    auto doc = boost::json::parse(R"({"pk":"not-a-uuid","action":"login","app":"x","created":"2023-02-15T15:33:42Z"})");
    BOOST_TEST(!t.validate(doc).empty());
    BOOST_TEST(valijson_accepts(t, doc)); // "format": "uuid" is not checked
    doc.as_object()["pk"] = "3f2a5c1e-9b7d-4e8a-a1c3-5d6e7f8a9b0c";
    doc.as_object()["created"] = "2023-02-29T10:00:00Z";
    BOOST_TEST(!t.validate(doc).empty());
    BOOST_TEST(valijson_accepts(t, doc)); // no leap-year check
    doc.as_object()["created"] = "2023-02-15T15:33:42Z";
    doc.as_object()["client_ip"] = "192.168.001.1";
    BOOST_TEST(!t.validate(doc).empty());
    BOOST_TEST(valijson_accepts(t, doc)); // the IP check is an extension
}

BOOST_AUTO_TEST_SUITE_END()

} // namespace valijson_test
