#ifndef AUTHENTIK_EVENTS_TESTS_FUZZ_CHECK_HPP
#define AUTHENTIK_EVENTS_TESTS_FUZZ_CHECK_HPP

// What every fuzz target checks: a property that fails prints what broke and the input's size,
// then aborts, which libFuzzer turns into a saved crash input and the replay into a failure.

#include <authentik/events/schema/parse.hpp>
#include <authentik/events/schema/serialize.hpp>

#include "fuzz/targets.hpp"
#include "schema/differential.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <string>
#include <string_view>

namespace fuzz {

namespace schema = authentik::events::schema;

[[noreturn]] inline void fail(std::string_view what, std::string_view detail = {}) {
    std::fprintf(stderr, "property failed on %s: %.*s\n%.*s\n", current_input, static_cast<int>(what.size()),
                 what.data(), static_cast<int>(detail.size()), detail.data());
    std::abort();
}

inline void require(bool ok, std::string_view what, std::string_view detail = {}) {
    if (!ok) {
        fail(what, detail);
    }
}

/// The option sets every parse target reads each input under: a server's responses, one's own
/// server's output, and tight limits the fuzzer can reach with small inputs.
inline schema::parse_options const& option_set(std::size_t i) {
    static schema::parse_options const sets[] = {
        schema::parse_options{},
        [] {
            auto o = schema::parse_options::strict();
            o.allow_duplicate_keys = true;
            return o;
        }(),
        [] {
            schema::parse_options o;
            o.unknown_keys = schema::unknown_key_policy::preserve;
            o.max_depth = 6;
            o.max_string_length = 40;
            o.max_problems = 3;
            // max_bytes stays: input in pieces meets it only when it is passed, so its problem
            // differs from a whole document's by design (tests/hostile covers it).
            return o;
        }(),
    };
    return sets[i % 3];
}

/// Every problem names its rule and, for a place inside the document, a pointer that starts at
/// the root.
inline void check_problems(schema::problem_list const& problems) {
    require(!problems.empty(), "a rejected document has at least one problem");
    for (auto const& p : problems) {
        require(!p.message.empty(), "every problem has a message", p.pointer);
        require(p.pointer.empty() || p.pointer.front() == '/', "a pointer is empty or starts with /", p.pointer);
        require(!p.drf_message.empty(), "every problem has DRF's wording", p.message);
    }
}

/// When T reads the text, writing the value and reading that back gives the same value, and
/// writing it again the same bytes. The second read lifts the byte limit: a number can come
/// out longer than it went in (`1e300` is written `1e+300`, as Python writes it).
template <class T>
void check_round_trip(schema::result<T> const& r, schema::parse_options opt) {
    if (!r) {
        check_problems(r.problems());
        return;
    }
    std::string const once = schema::serialize(*r);
    opt.max_bytes = std::max(opt.max_bytes, once.size());
    auto const again = schema::parse<T>(once, opt);
    if (!again) {
        std::ostringstream os;
        os << once << '\n' << again.problems();
        fail("what serialize writes parses back", os.str());
    }
    require(*again == *r, "parse(serialize(x)) == x", once);
    require(schema::serialize(*again) == once, "serialize is idempotent", once);
}

/// Under each option set: the streaming parser, a reused one and input in pieces give what the
/// DOM path gives, and what is accepted survives the round trip.
template <class T>
void parse_target(std::string_view text) {
    for (std::size_t i = 0; i < 3; ++i) {
        auto const& opt = option_set(i);
        // Pieces of 1 byte are the hardest case for the handler; the second size varies with
        // the input so that every boundary gets crossed somewhere in the corpus.
        std::size_t const piece = 2 + text.size() % 61;
        if (auto d = differential::check<T>(text, opt, {1, piece}); !d.empty()) {
            fail("every way of reading agrees with the DOM path", d);
        }
        check_round_trip(schema::parse<T>(text, opt), opt);
    }
}

} // namespace fuzz

#endif
