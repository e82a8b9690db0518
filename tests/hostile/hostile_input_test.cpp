// Input made to hurt a server: each case checks the error code and where it points, and that the
// memory a call holds stays within a bound set by the limits, not by the input's size. Time is
// bounded by the test's CTest timeout; the figures are in docs/security.md.

#include "hostile/allocation.hpp"
#include "model/test_data.hpp"

#include <authentik/events.hpp>

#include <boost/test/unit_test.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace hostile_input_test {

namespace ae = authentik::events;
namespace schema = authentik::events::schema;
using schema::error;

namespace {

constexpr std::size_t MiB = std::size_t{1} << 20U;

// The only problem is `code` at `pointer` (a prefix of the pointer when `prefix`).
void expect_one(schema::problem_list const& problems, error code, std::string_view pointer, bool prefix = false) {
    BOOST_TEST_INFO("problems:\n" << problems);
    BOOST_TEST_REQUIRE(problems.size() == 1U);
    BOOST_TEST(to_string(problems[0].code) == to_string(code));
    if (prefix) {
        BOOST_TEST(problems[0].pointer.rfind(pointer, 0) == 0U);
    } else {
        BOOST_TEST(problems[0].pointer == pointer);
    }
}

std::string repeat(std::string_view s, std::size_t n) {
    std::string out;
    out.reserve(s.size() * n);
    for (std::size_t i = 0; i < n; ++i) {
        out += s;
    }
    return out;
}

// The event with one more member at the start of its context.
std::string with_context_key(std::string const& event, std::string_view member) {
    auto const at = event.find(R"("context":{)") + 11;
    return event.substr(0, at) + std::string(member) + "," + event.substr(at);
}

schema::parse_options large_documents() {
    schema::parse_options opt;
    opt.max_bytes = 256 * MiB;
    return opt;
}

} // namespace

BOOST_AUTO_TEST_SUITE(hostile_input)

BOOST_AUTO_TEST_CASE(a_string_of_100_mb) {
    std::string const body(100 * MiB, 'a');
    std::string const in_pk = R"({"pk":")" + body + R"("})";
    std::string const in_context = R"({"context":{"note":")" + body + R"("}})";
    // Past max_bytes (64 MiB): refused before a byte is read.
    std::optional<schema::result<ae::Event>> r;
    std::size_t peak = hostile::peak_during([&] { r = ae::parse<ae::Event>(in_pk); });
    expect_one(r->problems(), error::size_exceeded, "");
    BOOST_TEST_MESSAGE("100 MB string, default limits: peak " << peak << " bytes held");
    BOOST_TEST(peak < 64 * 1024U);
    // Allowed by max_bytes: the string stops at max_string_length (8 MiB), where it is.
    peak = hostile::peak_during([&] { r = ae::parse<ae::Event>(in_pk, large_documents()); });
    expect_one(r->problems(), error::size_exceeded, "/pk");
    BOOST_TEST_MESSAGE("100 MB string, max_bytes 256 MiB: peak " << peak << " bytes held");
    BOOST_TEST(peak < 3 * 8 * MiB);
    peak = hostile::peak_during([&] { r = ae::parse<ae::Event>(in_context, large_documents()); });
    expect_one(r->problems(), error::size_exceeded, "/context/note");
    BOOST_TEST(peak < 3 * 8 * MiB);
    // In pieces, reading stops at the string limit: the rest is never looked at.
    ae::parser<ae::Event> p;
    std::size_t read = 0;
    peak = hostile::peak_during([&] {
        for (std::size_t i = 0; i < in_pk.size() && p.write(std::string_view(in_pk).substr(i, MiB)); i += MiB) {
        }
        read = p.bytes_written();
        r = p.finish();
    });
    BOOST_TEST(read <= 9 * MiB);
    expect_one(r->problems(), error::size_exceeded, "/pk");
    BOOST_TEST_MESSAGE("100 MB string in 1 MiB pieces: " << read << " bytes read, peak " << peak);
    BOOST_TEST(peak < 3 * 8 * MiB);
}

BOOST_AUTO_TEST_CASE(a_million_nested_arrays) {
    std::size_t const n = 1'000'000;
    std::string const nested = repeat("[", n) + repeat("]", n);
    std::optional<schema::result<ae::Event>> r;
    std::string const in_context = R"({"context":{"a":)" + nested + "}}";
    std::size_t peak = hostile::peak_during([&] { r = ae::parse<ae::Event>(in_context); });
    expect_one(r->problems(), error::depth_exceeded, "/context/a/0/0/0", true);
    BOOST_TEST_MESSAGE("a million nested arrays: peak " << peak << " bytes held");
    BOOST_TEST(peak < 256 * 1024U); // the tokenizer's stack stops where the handler does
    // The same at the root, and as objects.
    expect_one(ae::parse<ae::Event>(nested).problems(), error::depth_exceeded, "/0/0", true);
    std::string const objects = repeat(R"({"a":)", n) + "1" + repeat("}", n);
    std::string const objects_in_context = R"({"context":)" + objects + "}";
    peak = hostile::peak_during([&] { r = ae::parse<ae::Event>(objects_in_context); });
    expect_one(r->problems(), error::depth_exceeded, "/context/a/a/a", true);
    BOOST_TEST(peak < 256 * 1024U);
}

BOOST_AUTO_TEST_CASE(a_million_keys) {
    std::size_t const n = 1'000'000;
    std::string keys;
    for (std::size_t i = 0; i < n; ++i) {
        keys += (i == 0 ? "\"k" : ",\"k") + std::to_string(i) + "\":" + std::to_string(i % 10);
    }
    std::string const event = model_tests::read_data("login_ipv6.json");
    // In a free-form member, every key is kept: memory grows with the input, by a fixed factor.
    std::string const in_context = R"({"context":{)" + keys + "}}";
    std::optional<schema::result<ae::Event>> r;
    std::size_t peak = hostile::peak_during([&] { r = ae::parse<ae::Event>(in_context); });
    BOOST_TEST(!r->has_value()); // pk, action, app and created are missing
    BOOST_TEST(r->problems().size() == 4U);
    BOOST_TEST_MESSAGE("a million keys in context: " << in_context.size() << " bytes, peak " << peak << " bytes held");
    BOOST_TEST(peak < 12 * in_context.size());
    // As unknown keys of the event, ignored: nothing is kept but what finds repeats.
    std::string const unknown = event.substr(0, event.size() - 1) + "," + keys + "}";
    peak = hostile::peak_during([&] { r = ae::parse<ae::Event>(unknown); });
    BOOST_TEST(r->has_value());
    BOOST_TEST_MESSAGE("a million ignored keys: " << unknown.size() << " bytes, peak " << peak << " bytes held");
    BOOST_TEST(peak < 12 * unknown.size());
    // Rejected: the list stops at max_problems but counts them all.
    peak = hostile::peak_during([&] { r = ae::parse<ae::Event>(unknown, schema::parse_options::strict()); });
    BOOST_TEST_REQUIRE(!r->has_value());
    BOOST_TEST(r->problems().size() == 100U);
    BOOST_TEST(r->problems().total() == n);
    BOOST_TEST(r->problems().truncated());
    BOOST_TEST(peak < 12 * unknown.size());
    // One key a million times: every repeat is a problem, the list stops at the cap.
    std::string const same = R"({"context":{)" + repeat(R"("k":1,)", n) + R"("k":1}})";
    auto const repeats = ae::parse<ae::Event>(same);
    BOOST_TEST(repeats.problems().size() == 100U);
    BOOST_TEST(repeats.problems().total() == n + 4); // and pk, action, app, created are missing
    BOOST_TEST(repeats.problems().contains(error::duplicate_key, "/context/k"));
}

BOOST_AUTO_TEST_CASE(bad_utf8_anywhere) {
    // Overlong forms, UTF-16 surrogates, past U+10FFFF, stray and missing continuation bytes.
    for (std::string_view bad :
         {"\xC0\xAF", "\xC1\xBF", "\xE0\x80\xAF", "\xF0\x80\x80\xAF", "\xED\xA0\x80", "\xED\xBF\xBF",
          "\xF4\x90\x80\x80", "\xF8\x88\x80\x80\x80", "\x80", "\xE2\x82", "\xFF"}) {
        std::string const s(bad);
        BOOST_TEST_CONTEXT("bytes of " << s.size()) {
            expect_one(ae::parse<ae::Event>(R"({"app":")" + s + R"("})").problems(), error::invalid_json, "/app");
            expect_one(ae::parse<ae::Event>(R"({"context":{"k":")" + s + R"("}})").problems(), error::invalid_json,
                       "/context/k");
            expect_one(ae::parse<ae::Event>(R"({"context":{")" + s + R"(":1}})").problems(), error::invalid_json,
                       "/context", true);
            expect_one(ae::parse<ae::RawEvent>(R"({"context":{"k":")" + s + R"("}})").problems(), error::invalid_json,
                       "/context/k");
        }
    }
    // Escapes: a lone surrogate is refused; a pair is one code point, written back as UTF-8.
    expect_one(ae::parse<ae::Event>(R"({"context":{"k":"\ud800"}})").problems(), error::invalid_json, "/context/k");
    expect_one(ae::parse<ae::Event>(R"({"context":{"k":"\udc00\ud800"}})").problems(), error::invalid_json,
               "/context/k");
    // One wording whether the text comes whole or in pieces (Boost.JSON 1.81 has two).
    for (std::string_view lone : {R"({"context":{"k":"\udddd"}})", R"({"context":{"k":"a\udc00"}})"}) {
        ae::parser<ae::Event> p;
        for (char const c : lone) {
            (void)p.write(std::string_view(&c, 1));
        }
        auto const pieces = p.finish();
        auto const whole = ae::parse<ae::Event>(lone);
        for (auto const* r : {&pieces, &whole}) {
            BOOST_TEST_REQUIRE(r->problems().size() == 1U);
            BOOST_TEST(r->problems()[0].message.find("unpaired UTF-16 surrogate in a \\u escape") != std::string::npos,
                       r->problems()[0].message);
        }
    }
    std::string const event = model_tests::read_data("login_ipv6.json");
    auto const pair = ae::parse<ae::Event>(with_context_key(event, R"("k":"\ud83d\ude00")"));
    BOOST_TEST_REQUIRE(pair.has_value());
    BOOST_TEST(pair->context->at("k").as_string() == "\xF0\x9F\x98\x80");
}

BOOST_AUTO_TEST_CASE(nul_bytes) {
    using namespace std::string_literals;
    expect_one(ae::parse<ae::Event>("{\"app\":\"a\0b\"}"s).problems(), error::invalid_json, "/app");
    expect_one(ae::parse<ae::Event>("{\"app\":\0\"a\"}"s).problems(), error::invalid_json, "/app");
    expect_one(ae::parse<ae::Event>("{\"app\":\"a\"}\0"s).problems(), error::invalid_json, "");
    expect_one(ae::parse<ae::Event>("\0"s).problems(), error::invalid_json, "");
    // Escaped, NUL is a character like any other: kept, and written back escaped.
    std::string const event = model_tests::read_data("login_ipv6.json");
    auto const at = event.find("\"app\":\"") + 7;
    std::string const with_nul = event.substr(0, at) + R"(a\u0000b)" + event.substr(event.find('"', at));
    auto const r = ae::parse<ae::Event>(with_nul);
    BOOST_TEST_REQUIRE(r.has_value());
    BOOST_TEST(r->app == "a\0b"s);
    BOOST_TEST(ae::serialize(*r).find(R"("app":"a\u0000b")") != std::string::npos);
    BOOST_TEST((*ae::parse<ae::Event>(ae::serialize(*r)) == *r));
    // In a field with a format it is a format error, with the value quoted.
    auto const pk = ae::parse<ae::Event>(R"({"pk":"\u0000"})");
    BOOST_TEST(pk.problems().contains(error::invalid_uuid, "/pk"));
}

BOOST_AUTO_TEST_CASE(numbers_no_double_can_hold) {
    for (std::string_view n : {"1e999", "-1e999", "1E+400", "18446744073709551616", "-9223372036854775809",
                               "123456789012345678901234567890"}) {
        BOOST_TEST_CONTEXT(n) {
            expect_one(ae::parse<ae::Event>(R"({"context":{"n":)" + std::string(n) + "}}").problems(),
                       error::invalid_json, "/context/n");
            expect_one(ae::parse<ae::RawEvent>(R"({"context":{"n":[)" + std::string(n) + "]}}").problems(),
                       error::invalid_json, "/context/n/0");
            expect_one(ae::parse<ae::Pagination>(R"({"count":)" + std::string(n) + "}").problems(), error::invalid_json,
                       "/count");
        }
    }
    // A number of a million digits is refused with a message of bounded length.
    std::string const digits(MiB, '9');
    std::optional<schema::result<ae::Event>> r;
    std::string const text = R"({"context":{"n":)" + digits + "}}";
    std::size_t const peak = hostile::peak_during([&] { r = ae::parse<ae::Event>(text); });
    expect_one(r->problems(), error::invalid_json, "/context/n");
    BOOST_TEST(r->problems()[0].message.size() < 200U);
    BOOST_TEST_MESSAGE("a number of 1 MiB digits: peak " << peak << " bytes held");
    BOOST_TEST(peak < 4 * MiB);
    // Below the smallest double, a number is 0, as in every JSON reader with doubles; not refused.
    std::string const event = model_tests::read_data("login_ipv6.json");
    auto const tiny = ae::parse<ae::Event>(with_context_key(event, R"("n":1e-999)"));
    BOOST_TEST_REQUIRE(tiny.has_value());
    BOOST_TEST(tiny->context->at("n").as_double() == 0.0);
}

BOOST_AUTO_TEST_CASE(a_feed_that_never_ends) {
    // Whitespace for ever after a key: the parser holds nothing, and stops at max_bytes.
    ae::parser<ae::Event> p;
    std::string const spaces(64 * 1024, ' ');
    std::size_t pieces = 0;
    std::size_t peak = hostile::peak_during([&] {
        bool more = p.write(R"({"context":)");
        while (more && pieces < 100'000) {
            more = p.write(spaces);
            ++pieces;
        }
    });
    BOOST_TEST(pieces < 100'000U);
    BOOST_TEST(p.bytes_written() <= p.options().max_bytes + spaces.size());
    BOOST_TEST_MESSAGE("endless whitespace: stopped after " << p.bytes_written() << " bytes, peak " << peak);
    BOOST_TEST(peak < 64 * 1024U);
    expect_one(p.finish().problems(), error::size_exceeded, ""); // the document is too large
    // An array that never closes: its elements are held, up to what max_bytes lets in.
    schema::parse_options opt;
    opt.max_bytes = 8 * MiB;
    ae::parser<ae::Event> q(opt);
    std::string const ones = repeat("1,", 32 * 1024);
    peak = hostile::peak_during([&] {
        bool more = q.write(R"({"context":{"a":[)");
        for (pieces = 0; more && pieces < 100'000; ++pieces) {
            more = q.write(ones);
        }
    });
    BOOST_TEST(q.bytes_written() <= opt.max_bytes + ones.size());
    BOOST_TEST_MESSAGE("an endless array: " << q.bytes_written() << " bytes written, peak " << peak << " bytes held");
    // Each 2-byte element is a 16-byte value, and the stack that holds them doubles as it grows.
    BOOST_TEST(peak < 24 * opt.max_bytes);
    expect_one(q.finish().problems(), error::size_exceeded, "");
    // NDJSON: a line that never ends is one document past the limit; the next line reads well.
    ae::ndjson_reader<ae::Event> lines(opt);
    std::size_t seen = 0;
    error first{};
    auto on_line = [&](std::size_t, schema::result<ae::Event>&& e) {
        if (seen++ == 0) {
            first = e.problems()[0].code;
        }
    };
    lines.write(R"({"context":)", on_line);
    for (pieces = 0; pieces < 200; ++pieces) {
        lines.write(spaces, on_line);
    }
    lines.write("}\n" + model_tests::read_data("login_ipv6.json") + "\n", on_line);
    lines.finish(on_line);
    BOOST_TEST(seen == 2U);
    BOOST_TEST(to_string(first) == "size_exceeded");
}

BOOST_AUTO_TEST_CASE(truncation_at_every_offset) {
    for (std::string_view name : {"login_ipv6.json", "paginated_event_list.json", "validation_error.json"}) {
        std::string const text = model_tests::read_data(name);
        std::string const trimmed = text.substr(0, text.find_last_not_of(" \n\r\t") + 1);
        BOOST_TEST_CONTEXT(name) {
            std::size_t wrong = 0;
            for (std::size_t i = 0; i < trimmed.size(); ++i) {
                std::string_view const cut = std::string_view(trimmed).substr(0, i);
                auto const a = ae::parse<ae::Event>(cut);
                auto const b = ae::parse<ae::PaginatedEventList>(cut);
                auto const c = ae::parse<ae::ValidationError>(cut);
                for (auto const* list : {&a.problems(), &b.problems(), &c.problems()}) {
                    if (list->size() != 1U || (*list)[0].code != error::invalid_json) {
                        ++wrong;
                    }
                }
            }
            BOOST_TEST(wrong == 0U);
            BOOST_TEST(ae::parse<ae::PaginatedEventList>(trimmed).has_value() == (name == "paginated_event_list.json"));
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()

} // namespace hostile_input_test
