#include <authentik/events/schema/parser.hpp>

#include "differential.hpp"
#include "test_types.hpp"

#include <authentik/events/schema/parse.hpp>
#include <authentik/events/schema/serialize.hpp>

#include <boost/json/monotonic_resource.hpp>
#include <boost/test/unit_test.hpp>

#include <cstddef>
#include <new>
#include <string>
#include <string_view>
#include <vector>

namespace parser_test {

namespace schema = authentik::events::schema;
using schema::error;
using schema::parse_options;
using schema::unknown_key_policy;
using schema_test::Bag;
using schema_test::Odd;
using schema_test::Outer;
using schema_test::Record;

namespace {

// Documents that reach every path of the streaming parser: each shape in each place, repeated
// keys at every level, unknown keys under every policy, problems in and out of descriptor order.
std::vector<std::string> record_corpus() {
    std::string const v(schema_test::valid_record);
    std::string const m(schema_test::minimal_record);
    std::string const tail = m.substr(1); // `"name":...}`: the required fields and the closing brace
    return {
        v,
        m,
        // Fields out of order, unknown keys between them.
        R"({"active":true,"zz":1,"when":"2000-01-01T00:00:00Z","id":"00000000-0000-0000-0000-000000000000","yy":{"a":[1,{"b":2}]},"name":"x"})",
        // Every field wrong, in reverse descriptor order: problems must come back in descriptor order.
        R"({"paint":"mauve","hue":5,"active":"yes","ratio":"x","items":[{"count":"n"},7,null,{"name":1}],"inner":[],)"
        R"("extra":[1],"tags":"a","when":"2023-02-30T00:00:00Z","id":"xyz","ip":"1.2.3","count":1.5,"name":""})",
        // Nulls everywhere.
        R"({"name":null,"count":null,"ip":null,"id":null,"when":null,"tags":null,"extra":null,"inner":null,"items":null,)"
        R"("ratio":null,"active":null,"hue":null,"paint":null})",
        // Objects and arrays where scalars go, and the other way round.
        R"({"name":{"a":1},"count":[1],"ip":{},"id":[],"when":{"t":[]},"tags":[[1],{"x":1},2],"extra":"s","inner":1,)"
        R"("items":{"name":"x"},"ratio":[],"active":{},"hue":[],"paint":{}})",
        // Repeated keys: a field, an unknown key, inside a free-form object, inside a nested
        // object, inside a list element, inside the repeated value itself.
        R"({"name":"a","name":"b",)" + tail,
        R"({"u":1,"u":{"k":1,"k":2},)" + tail,
        // A skipped member's repeated key with a string the pieces split: quoted whole (fuzzer).
        R"({"u":{"k":"first","k":"second, in many pieces"},)" + tail,
        R"({"u":{"d":0.5,"d":2.5e3},"extra":{"d":0.5,"d":-1.5}},)" + tail, // repeated doubles (fuzzer)
        R"({"extra":{"a":1,"b":{"c":1,"c":2},"a":3},)" + tail,
        R"({"extra":{"a":"x","a":"y","b":[true,{"s":"t","s":null}],"b":false},)" + tail,
        R"({"inner":{"name":"x","name":{"d":1,"d":2}},)" + tail,
        R"({"items":[{"name":"x","count":1,"count":2}],)" + tail,
        R"({"extra":{"a":1},"extra":{"b":{"c":1,"c":2}},)" + tail,
        R"({"tags":["a"],"tags":"not a list",)" + tail,
        // Strings with escapes (keys and values leave the input), numbers of every kind.
        R"({"name":"a\"b\\c\u00e9\ud83d\ude00","extra":{"k\u00e9y":"v\n","big":18446744073709551615,"neg":-9223372036854775808,)"
        R"("huge":123456789012345678901234567890,"e":1e-7,"f":0.1,"g":-0.0,"h":1E+20},"count":9223372036854775807,)" +
            tail.substr(tail.find("\"id\"")),
        R"({"count":18446744073709551615,"ratio":1e308,)" + tail,
        R"({"ratio":1e999,)" + tail,
        // Documents that are not objects, or not JSON.
        "[]",
        "null",
        "\"x\"",
        "5",
        "",
        "{",
        "{\"name\"",
        "{\"name\":\"x\"}}",
        "{}",
        "[1,{\"a\":1,\"a\":2}]",
        "{\"name\":\"x\",}",
        "{\"name\":\"\xC3\x28\"}",
        "{\"extra\":{\"a\":1}",
        " {} ",
    };
}

void check_all(std::vector<std::string> const& docs, std::vector<parse_options> const& options) {
    for (auto const& d : docs) {
        for (auto const& o : options) {
            std::string const diff = differential::check<Record>(d, o);
            BOOST_TEST(diff.empty(), d << "\n" << diff);
        }
    }
}

std::vector<parse_options> option_sets() {
    parse_options preserve;
    preserve.unknown_keys = unknown_key_policy::preserve;
    parse_options last_wins;
    last_wins.allow_duplicate_keys = true;
    parse_options last_wins_strict = parse_options::strict();
    last_wins_strict.allow_duplicate_keys = true;
    parse_options few;
    few.max_problems = 2;
    parse_options one = parse_options::strict();
    one.max_problems = 1;
    parse_options shallow;
    shallow.max_depth = 3;
    parse_options short_strings;
    short_strings.max_string_length = 4;
    return {parse_options{}, parse_options::strict(), preserve, last_wins, last_wins_strict, few, one, shallow,
            short_strings};
}

} // namespace

BOOST_AUTO_TEST_SUITE(parser)

BOOST_AUTO_TEST_CASE(streaming_equals_the_dom_path_on_every_shape) { check_all(record_corpus(), option_sets()); }

BOOST_AUTO_TEST_CASE(streaming_equals_the_dom_path_on_every_truncation_and_byte_change) {
    // Every prefix, and every byte replaced by each of a set that breaks JSON in every way.
    std::string const v(schema_test::valid_record);
    std::vector<std::string> docs;
    for (std::size_t i = 0; i <= v.size(); ++i) {
        docs.push_back(v.substr(0, i));
    }
    for (std::size_t i = 0; i < v.size(); ++i) {
        for (char c : std::string_view("\"{}[],:0a \\n\x01")) {
            std::string d = v;
            d[i] = c;
            docs.push_back(d);
        }
        docs.push_back(v.substr(0, i) + v.substr(i + 1));
    }
    std::size_t differ = 0;
    for (auto const& d : docs) {
        for (auto const& o : {parse_options{}, parse_options::strict()}) {
            std::string const diff = differential::check<Record>(d, o, {7});
            if (!diff.empty() && differ++ < 5) {
                BOOST_TEST_MESSAGE(d << "\n" << diff);
            }
        }
    }
    BOOST_TEST(differ == 0u, differ << " of " << docs.size() * 2 << " documents read differently");
}

BOOST_AUTO_TEST_CASE(streaming_equals_the_dom_path_for_other_types) {
    std::vector<std::string> const outer = {
        R"({"inner":{"name":"a"},"list":[{"name":"b"},{"name":"c","count":3}]})",
        R"({"list":[{"name":1},{}],"inner":{"count":"x"},"x":1})",
        R"({"inner":{"name":"a"},"list":[[],5,null,{"name":"n","name":"m"}]})",
        R"({"list":{"name":"b"},"inner":[]})",
    };
    std::vector<std::string> const bag = {
        R"({"code":"c","x":1,"y":{"z":[1,2]}})",
        R"({"x":1,"x":2,"code":5})",
        R"({"code":"a","code":"b","w":null})",
    };
    std::vector<std::string> const odd = {
        R"({"a/b":1,"m~n":2,"nick":"abc","ref":"3f2a5c1e-9b7d-4e8a-a1c3-5d6e7f8a9b0c","stamp":"2020-01-01T00:00:00Z","numbers":[1,2]})",
        R"({"a/b":"x","m~n":[],"nick":"ab","ref":"nope","stamp":"2020-13-01T00:00:00Z","numbers":[1,"2",3.5]})",
        R"({"a/b":1,"a/b":2,"nick":"abcd"})",
    };
    for (auto const& o : option_sets()) {
        for (auto const& d : outer) {
            std::string const diff = differential::check<Outer>(d, o);
            BOOST_TEST(diff.empty(), d << "\n" << diff);
        }
        for (auto const& d : bag) {
            std::string const diff = differential::check<Bag>(d, o);
            BOOST_TEST(diff.empty(), d << "\n" << diff);
        }
        for (auto const& d : odd) {
            std::string const diff = differential::check<Odd>(d, o);
            BOOST_TEST(diff.empty(), d << "\n" << diff);
        }
    }
}

BOOST_AUTO_TEST_CASE(deep_and_wide_documents_read_as_the_dom_path_reads_them) {
    std::string deep = R"({"extra":)";
    for (int i = 0; i < 70; ++i) {
        deep += R"({"a":)";
    }
    deep += "1";
    deep.append(70, '}');
    deep += "," + std::string(schema_test::minimal_record).substr(1);
    std::string wide = R"({"extra":{)";
    for (int i = 0; i < 500; ++i) {
        wide += "\"k" + std::to_string(i) + "\":" + std::to_string(i) + ",";
    }
    wide += R"("k250":0},)" + std::string(schema_test::minimal_record).substr(1); // repeated past the linear scan
    for (auto const& d : {deep, wide}) {
        for (auto const& o : option_sets()) {
            std::string const diff = differential::check<Record>(d, o, {3});
            BOOST_TEST(diff.empty(), diff);
        }
    }
    auto const r = schema::parse<Record>(wide);
    BOOST_TEST_REQUIRE(!r.has_value());
    BOOST_TEST(r.problems().contains(error::duplicate_key, "/extra/k250"));
}

// A key the parser had to copy (escaped, or split across pieces) must survive the level stack
// growing under it: a short copy lives inside the level, and growing moves its bytes. A new
// parser starts with room for 16 levels, so 40 makes it grow while every key is still open.
BOOST_AUTO_TEST_CASE(copied_keys_survive_the_level_stack_growing) {
    std::string doc = R"({"extra":)";
    std::string pointer = "/extra";
    for (int i = 0; i < 40; ++i) {
        // "k<i>" escaped, so basic_parser unescapes it into its own buffer and the key is copied.
        doc += R"({"\u006b)" + std::to_string(i) + "\":";
        pointer += "/k" + std::to_string(i);
    }
    doc += R"({"b":1,"b":2})";
    doc.append(40, '}');
    doc += "," + std::string(schema_test::minimal_record).substr(1);
    pointer += "/b";
    {
        schema::parser<Record> fresh;
        auto const r = fresh.parse(doc);
        BOOST_TEST_REQUIRE(!r.has_value());
        BOOST_TEST(r.problems().contains(error::duplicate_key, pointer), r.problems());
    }
    {
        schema::parser<Record> fresh; // in pieces, even unescaped keys are copies
        std::string plain = doc;
        for (std::size_t at; (at = plain.find("\\u006b")) != std::string::npos;) {
            plain.replace(at, 6, "k");
        }
        for (std::size_t i = 0; i < plain.size(); i += 3) {
            fresh.write(std::string_view(plain).substr(i, 3));
        }
        auto const r = fresh.finish();
        BOOST_TEST_REQUIRE(!r.has_value());
        BOOST_TEST(r.problems().contains(error::duplicate_key, pointer), r.problems());
    }
}

BOOST_AUTO_TEST_CASE(a_reused_parser_gives_what_a_new_one_gives) {
    schema::parser<Record> p;
    auto const first = p.parse(schema_test::valid_record);
    BOOST_TEST_REQUIRE(first.has_value());
    BOOST_TEST(!p.parse(R"({"name":""})").has_value());
    auto const again = p.parse(schema_test::valid_record);
    BOOST_TEST_REQUIRE(again.has_value());
    BOOST_TEST((*again == *first));
    BOOST_TEST(schema::serialize(*again) == std::string(schema_test::valid_record));
}

BOOST_AUTO_TEST_CASE(pieces_of_any_size_give_the_whole_document) {
    std::string const v(schema_test::valid_record);
    schema::parser<Record> p;
    for (std::size_t chunk : {1U, 2U, 5U, 64U, 4096U}) {
        auto const r = differential::parse_in_chunks(p, v, chunk);
        BOOST_TEST_REQUIRE(r.has_value(), chunk);
        BOOST_TEST(schema::serialize(*r) == v);
    }
    BOOST_TEST(p.bytes_written() == 0u); // finish() made it ready for the next document
}

// docs/parsing.md: a high surrogate escape then one that is not a low surrogate is invalid JSON
// at the same place however the input is cut; only Boost.JSON 1.81's wording may differ.
BOOST_AUTO_TEST_CASE(a_broken_surrogate_pair_is_rejected_at_every_cut) {
    std::string const doc = R"({"name":"\uD9A0\u0041"})";
    auto const whole = schema::parse<Record>(doc);
    BOOST_TEST_REQUIRE(!whole.has_value());
    BOOST_TEST_REQUIRE(whole.problems().size() == 1u);
    BOOST_TEST((whole.problems()[0].code == error::invalid_json));
    BOOST_TEST(whole.problems()[0].message.find("unpaired UTF-16 surrogate") != std::string::npos);
    schema::parser<Record> p;
    for (std::size_t cut = 1; cut < doc.size(); ++cut) {
        (void)p.write(std::string_view(doc).substr(0, cut));
        (void)p.write(std::string_view(doc).substr(cut));
        auto const r = p.finish();
        BOOST_TEST_REQUIRE(!r.has_value(), cut);
        BOOST_TEST_REQUIRE(r.problems().size() == 1u, cut);
        auto const& got = r.problems()[0];
        BOOST_TEST((got.code == error::invalid_json), cut);
        BOOST_TEST(got.pointer == whole.problems()[0].pointer, cut);
        BOOST_TEST((got.message.find("unpaired UTF-16 surrogate") != std::string::npos ||
                    got.message.find("expected hex digit") != std::string::npos),
                   cut << ": " << got.message);
    }
}

BOOST_AUTO_TEST_CASE(a_feed_past_the_byte_limit_stops_there) {
    parse_options o;
    o.max_bytes = 100;
    schema::parser<Record> p(o);
    std::string const piece = R"({"extra":{"k":[)";
    BOOST_TEST(p.write(piece));
    std::size_t written = piece.size();
    bool accepted = true;
    for (int i = 0; i < 1000 && accepted; ++i) { // an array that never ends
        accepted = p.write("1,");
        written += 2;
    }
    BOOST_TEST(!accepted);
    BOOST_TEST(written <= 102u);
    auto const r = p.finish();
    BOOST_TEST_REQUIRE(!r.has_value());
    BOOST_TEST(r.problems().size() == 1u);
    BOOST_TEST((r.problems()[0].code == error::size_exceeded));
}

BOOST_AUTO_TEST_CASE(free_form_members_live_in_the_parser_storage) {
    boost::json::monotonic_resource mr;
    schema::parser<Record> p(parse_options{}, &mr);
    auto const r = p.parse(schema_test::valid_record);
    BOOST_TEST_REQUIRE(r.has_value());
    BOOST_TEST_REQUIRE(r->extra.has_value());
    BOOST_TEST(r->extra->storage().get() == &mr);
    BOOST_TEST(r->extra->at("deep").as_object().storage().get() == &mr);
}

namespace {
// Fails every allocation after the first `budget`.
class failing_resource final : public boost::json::memory_resource {
public:
    explicit failing_resource(std::size_t budget) : budget_(budget) {}

private:
    void* do_allocate(std::size_t n, std::size_t align) override {
        if (budget_ == 0) {
            throw std::bad_alloc();
        }
        --budget_;
        return upstream_.allocate(n, align);
    }
    void do_deallocate(void*, std::size_t, std::size_t) override {}
    [[nodiscard]] bool do_is_equal(memory_resource const& o) const noexcept override { return this == &o; }
    boost::json::monotonic_resource upstream_;
    std::size_t budget_;
};
} // namespace

BOOST_AUTO_TEST_CASE(allocation_failure_is_a_problem_not_an_exception) {
    // Every allocation the free-form member needs fails in turn: the first budget that is enough
    // reads the document, every smaller one reports out_of_memory, and none throws.
    std::size_t budget = 0;
    for (;; ++budget) {
        failing_resource fr(budget);
        schema::parser<Record> p(parse_options{}, &fr);
        auto const r = p.parse(schema_test::valid_record);
        if (r.has_value()) {
            break;
        }
        BOOST_TEST_REQUIRE(r.problems().size() == 1u, budget);
        BOOST_TEST((r.problems()[0].code == error::out_of_memory));
        BOOST_TEST(p.parse(schema_test::minimal_record).has_value()); // no free-form member, no allocation
        BOOST_TEST_REQUIRE(budget < 100u);
    }
    BOOST_TEST(budget >= 3u); // "extra" holds three objects
}

BOOST_AUTO_TEST_CASE(options_change_between_documents) {
    schema::parser<Record> p;
    std::string const doc = R"({"zz":1,)" + std::string(schema_test::minimal_record).substr(1);
    BOOST_TEST(p.parse(doc).has_value());
    BOOST_TEST(p.set_options(parse_options::strict()));
    auto const r = p.parse(doc);
    BOOST_TEST_REQUIRE(!r.has_value());
    BOOST_TEST(r.problems().contains(error::unknown_field, "/zz"));
    parse_options deeper;
    deeper.max_depth = 1000;
    BOOST_TEST(!p.set_options(deeper)); // built for 64 levels
    BOOST_TEST((p.options().unknown_keys == unknown_key_policy::reject));
}

BOOST_AUTO_TEST_SUITE_END()

} // namespace parser_test
