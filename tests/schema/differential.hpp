#ifndef AUTHENTIK_EVENTS_TESTS_SCHEMA_DIFFERENTIAL_HPP
#define AUTHENTIK_EVENTS_TESTS_SCHEMA_DIFFERENTIAL_HPP

// The streaming parser against the DOM path it replaced: on any input, the same value or the
// same problems (pointer, code, message, quoted value, DRF wording), in the same order, with
// the same count and truncation. Used by the schema, model and fixtures tests.

#include <authentik/events/schema/parse.hpp>
#include <authentik/events/schema/parser.hpp>

#include <algorithm>
#include <cstddef>
#include <sstream>
#include <string>
#include <string_view>

namespace differential {

namespace schema = authentik::events::schema;

// A syntax error's message without its byte position: given in pieces, Boost.JSON names the
// byte after a piece boundary that split a UTF-8 sequence, not the sequence's first byte. The
// one other difference pieces make is allowed in compare().
inline schema::problem_list without_byte_positions(schema::problem_list const& list) {
    schema::problem_list out(list.items().size() + 1);
    for (auto p : list) {
        if (auto at = p.message.find("at byte "); at != std::string::npos) {
            auto end = p.message.find(':', at);
            p.message.replace(at, end - at, "at byte N");
        }
        out.add(std::move(p));
    }
    return out;
}

/// "" when equal, else what differs, for the failure message. `positions`: compare the byte
/// positions of syntax errors too.
template <class T>
std::string compare(schema::result<T> const& got, schema::result<T> const& want, bool positions = true) {
    std::ostringstream os;
    if (got.has_value() != want.has_value()) {
        os << "streaming " << (got.has_value() ? "accepted" : "rejected") << ", the DOM path "
           << (want.has_value() ? "accepted" : "rejected") << '\n';
        if (!got.has_value()) {
            os << "streaming:\n" << got.problems();
        }
        if (!want.has_value()) {
            os << "DOM path:\n" << want.problems();
        }
        return os.str();
    }
    if (got.has_value()) {
        if (!(*got == *want)) {
            os << "the values differ\n";
        }
        return os.str();
    }
    auto const a = positions ? got.problems() : without_byte_positions(got.problems());
    auto const b = positions ? want.problems() : without_byte_positions(want.problems());
    if (!positions && !a.empty() && a.size() == b.size() && a.total() == b.total() &&
        std::equal(a.begin(), a.end() - 1, b.begin())) {
        auto const& x = a[a.size() - 1]; // the problem that stopped the parse
        auto const& y = b[b.size() - 1];
        auto const too_long = [](schema::problem const& p) {
            return p.code == schema::error::size_exceeded && p.message.rfind("string longer than", 0) == 0;
        };
        auto const broken = [](schema::problem const& p) { return p.code == schema::error::invalid_json; };
        if (x.pointer == y.pointer && ((too_long(x) && broken(y)) || (broken(x) && too_long(y)))) {
            return {}; // a string both too long and broken: which shows depends on the cut (docs/parsing.md)
        }
        auto const says = [&broken](schema::problem const& p, std::string_view what) {
            return broken(p) && p.message.find(what) != std::string::npos;
        };
        if (x.pointer == y.pointer && says(x, "expected hex digit") && says(y, "unpaired UTF-16 surrogate")) {
            return {}; // Boost.JSON 1.81 in pieces: a high surrogate then a \u that is not a low one (docs/parsing.md)
        }
    }
    if (a.items() != b.items() || got.problems().total() != want.problems().total() ||
        got.problems().truncated() != want.problems().truncated()) {
        os << "the problems differ (" << a.total() << " against " << b.total() << ")\nstreaming:\n"
           << a << "DOM path:\n"
           << b;
        for (std::size_t i = 0; i < std::min(a.size(), b.size()); ++i) {
            if (!(a[i] == b[i])) {
                os << "first difference at " << i << ": [" << a[i].pointer << "|" << a[i].message << "|" << a[i].value
                   << "|" << a[i].drf_message << "] against [" << b[i].pointer << "|" << b[i].message << "|"
                   << b[i].value << "|" << b[i].drf_message << "]\n";
                break;
            }
        }
    }
    return os.str();
}

/// Feeds text to a parser in pieces of `chunk` bytes.
template <class T>
schema::result<T> parse_in_chunks(schema::parser<T>& p, std::string_view text, std::size_t chunk) {
    for (std::size_t i = 0; i < text.size(); i += chunk) {
        if (!p.write(text.substr(i, chunk))) {
            break;
        }
    }
    return p.finish();
}

/// Every way of reading text against the DOM path: parse(), a reused parser, and pieces of
/// each size in `chunks` (syntax errors' byte positions aside). Returns "" or the first
/// difference, labelled.
template <class T>
std::string check(std::string_view text, schema::parse_options const& opt,
                  std::initializer_list<std::size_t> chunks = {1, 7}) {
    auto const want = schema::detail::parse_via_dom<T>(text, opt);
    if (auto d = compare(schema::parse<T>(text, opt), want); !d.empty()) {
        return "parse(): " + d;
    }
    schema::parser<T> p(opt);
    (void)p.parse(R"({"unrelated":[1,2,{"x":null}]})"); // a used parser reads like a new one
    if (auto d = compare(p.parse(text), want); !d.empty()) {
        return "reused parser: " + d;
    }
    for (std::size_t c : chunks) {
        if (auto d = compare(parse_in_chunks(p, text, c), want, false); !d.empty()) {
            return "pieces of " + std::to_string(c) + ": " + d;
        }
    }
    return {};
}

} // namespace differential

#endif
