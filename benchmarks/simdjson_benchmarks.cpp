// simdjson (Debian: libsimdjson-dev, 3.0.1): on-demand parsing straight into a peer_event,
// and, since on-demand has no writer, the DOM API's to_string over documents parsed
// beforehand.
//
// Where simdjson's work differs from the others':
// - the input must be followed by SIMDJSON_PADDING readable bytes: each document is copied
//   into a simdjson::padded_string before timing, as simdjson's documentation advises;
// - one ondemand::parser serves every parse: its buffers are allocated once and reused, which
//   is how simdjson is meant to be used (the others build a fresh parser each time);
// - on-demand checks what it reads: the skipped values of unknown keys, and user, context and
//   brand (taken whole with raw_json()), are only checked for balanced brackets and valid
//   UTF-8, not parsed; and 3.0.1 does not report trailing content after the root object;
// - stage 1 (finding the structure) runs the best implementation for this CPU, chosen at run
//   time; the on-demand navigation is inlined here, compiled for the "builtin" implementation,
//   which at plain -O2 (no -march) is `fallback`. main() records both in the benchmark context.

#include "bench.hpp"
#include "peers.hpp"

#include <benchmark/benchmark.h>
#include <simdjson.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace bench {

namespace {

// user, context and brand as their raw JSON text, copied out of the input (raw_json()); not
// materialized: on-demand has no value to keep once the parser moves on.
using simdjson_event = peer_event<std::string>;

bool take_string(simdjson::ondemand::value& v, std::string& out) {
    std::string_view s;
    if (v.get_string().get(s) != simdjson::SUCCESS) {
        return false;
    }
    out.assign(s);
    return true;
}

bool take_object(simdjson::ondemand::value& v, std::string& out) {
    simdjson::ondemand::object o;
    std::string_view raw;
    if (v.get_object().get(o) != simdjson::SUCCESS || o.raw_json().get(raw) != simdjson::SUCCESS) {
        return false;
    }
    out.assign(raw);
    return true;
}

bool take_nullable_string(simdjson::ondemand::value& v, std::optional<std::string>& out) {
    bool null = false;
    if (v.is_null().get(null) != simdjson::SUCCESS) {
        return false;
    }
    if (null) {
        return true;
    }
    std::string_view s;
    if (v.get_string().get(s) != simdjson::SUCCESS) {
        return false;
    }
    out.emplace(s);
    return true;
}

// The required fields, one bit each.
enum required_field : std::uint8_t { pk_seen = 1, action_seen = 2, app_seen = 4, created_seen = 8 };
constexpr std::uint8_t all_required = pk_seen | action_seen | app_seen | created_seen;

// One pass over the fields in whatever order they come: on-demand reads forward only, and
// looking each key up (find_field_unordered) would rescan the object.
bool extract(simdjson::ondemand::parser& parser, simdjson::padded_string const& text, simdjson_event& e) {
    simdjson::ondemand::document doc;
    simdjson::ondemand::object root;
    if (parser.iterate(text).get(doc) != simdjson::SUCCESS || doc.get_object().get(root) != simdjson::SUCCESS) {
        return false;
    }
    std::uint8_t seen = 0;
    for (auto result : root) {
        simdjson::ondemand::field field;
        std::string_view key;
        if (std::move(result).get(field) != simdjson::SUCCESS || field.unescaped_key().get(key) != simdjson::SUCCESS) {
            return false;
        }
        simdjson::ondemand::value& v = field.value();
        bool ok = true;
        if (key == "pk") {
            ok = take_string(v, e.pk);
            seen |= pk_seen;
        } else if (key == "user") {
            ok = take_object(v, e.user);
        } else if (key == "action") {
            ok = take_string(v, e.action);
            seen |= action_seen;
        } else if (key == "app") {
            ok = take_string(v, e.app);
            seen |= app_seen;
        } else if (key == "context") {
            ok = take_object(v, e.context);
        } else if (key == "client_ip") {
            ok = take_nullable_string(v, e.client_ip);
        } else if (key == "created") {
            ok = take_string(v, e.created);
            seen |= created_seen;
        } else if (key == "expires") {
            ok = take_string(v, e.expires);
        } else if (key == "brand") {
            ok = take_object(v, e.brand);
        } // any other key: skipped when the loop moves on
        if (!ok) {
            return false;
        }
    }
    return seen == all_required;
}

std::vector<simdjson::padded_string> padded(payload const& p) {
    std::vector<simdjson::padded_string> out;
    out.reserve(p.docs.size());
    for (std::string const& doc : p.docs) {
        out.emplace_back(doc);
    }
    return out;
}

void ondemand_extract(benchmark::State& state, payload const& p) {
    std::vector<simdjson::padded_string> const docs = padded(p);
    simdjson::ondemand::parser parser;
    run(state, p, docs, [&parser](simdjson::padded_string const& doc) {
        simdjson_event e;
        bool const ok = extract(parser, doc, e);
        benchmark::DoNotOptimize(e);
        return ok;
    });
}

// The DOM is built before timing (one dom::document each): only writing text is timed.
void dom_serialize(benchmark::State& state, payload const& p) {
    std::vector<simdjson::padded_string> const docs = padded(p);
    simdjson::dom::parser parser;
    std::vector<simdjson::dom::document> dom(docs.size());
    for (std::size_t i = 0; i < docs.size(); ++i) {
        if (parser.parse_into_document(dom[i], docs[i]).error() != simdjson::SUCCESS) {
            state.SkipWithError("simdjson rejected a document");
            return;
        }
    }
    run(state, p, dom, [](simdjson::dom::document const& d) {
        std::string out = simdjson::to_string(d.root());
        benchmark::DoNotOptimize(out.data());
        return !out.empty();
    });
}

} // namespace

void add_simdjson_context() {
    benchmark::AddCustomContext("simdjson", std::string("stage 1: ") + simdjson::get_active_implementation()->name() +
                                                ", on-demand: " + simdjson::builtin_implementation()->name());
}

void add_simdjson_parse(payload const& p) { add("simdjson/ondemand+extract", p, ondemand_extract); }

void add_simdjson_serialize(payload const& p) { add("simdjson/dom-serialize", p, dom_serialize); }

} // namespace bench
