// nlohmann/json (Debian: nlohmann-json3-dev): its DOM parse, then the fields taken by hand
// into a peer_event; and dump() of a DOM built beforehand.

#include "bench.hpp"
#include "peers.hpp"

#include <benchmark/benchmark.h>
#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace bench {

namespace {

// The DOM is a temporary of the extraction, so strings and objects are moved out of it, not
// copied: the cheapest a user of nlohmann/json can do.
using nlohmann_event = peer_event<nlohmann::json>;

bool take_string(nlohmann::json& o, char const* key, std::string& out, presence need) {
    auto const it = o.find(key);
    if (it == o.end()) {
        return need == presence::optional;
    }
    auto* s = it->get_ptr<std::string*>(); // null when not a string: no exception
    if (s == nullptr) {
        return false;
    }
    out = std::move(*s);
    return true;
}

bool take_object(nlohmann::json& o, char const* key, nlohmann::json& out) {
    auto const it = o.find(key);
    if (it == o.end()) {
        return true;
    }
    if (!it->is_object()) {
        return false;
    }
    out = std::move(*it);
    return true;
}

bool take_nullable_string(nlohmann::json& o, char const* key, std::optional<std::string>& out) {
    auto const it = o.find(key);
    if (it == o.end() || it->is_null()) {
        return true;
    }
    auto* s = it->get_ptr<std::string*>();
    if (s == nullptr) {
        return false;
    }
    out = std::move(*s);
    return true;
}

bool extract(nlohmann::json& j, nlohmann_event& e) {
    return j.is_object() && take_string(j, "pk", e.pk, presence::required) && take_object(j, "user", e.user) &&
           take_string(j, "action", e.action, presence::required) && take_string(j, "app", e.app, presence::required) &&
           take_object(j, "context", e.context) && take_nullable_string(j, "client_ip", e.client_ip) &&
           take_string(j, "created", e.created, presence::required) &&
           take_string(j, "expires", e.expires, presence::optional) && take_object(j, "brand", e.brand);
}

void parse_extract(benchmark::State& state, payload const& p) {
    run(state, p, p.docs, [](std::string const& doc) {
        // Without exceptions: a syntax error gives a "discarded" value.
        nlohmann::json j = nlohmann::json::parse(doc, nullptr, false);
        if (j.is_discarded()) {
            return false;
        }
        nlohmann_event e;
        bool const ok = extract(j, e);
        benchmark::DoNotOptimize(e);
        return ok;
    });
}

// The DOM is built before timing: only writing text is timed.
void serialize(benchmark::State& state, payload const& p) {
    std::vector<nlohmann::json> dom;
    dom.reserve(p.docs.size());
    for (std::string const& doc : p.docs) {
        dom.push_back(nlohmann::json::parse(doc));
    }
    run(state, p, dom, [](nlohmann::json const& j) {
        std::string out = j.dump();
        benchmark::DoNotOptimize(out.data());
        return !out.empty();
    });
}

} // namespace

void add_nlohmann_parse(payload const& p) { add("nlohmann/parse+extract", p, parse_extract); }

void add_nlohmann_serialize(payload const& p) { add("nlohmann/serialize", p, serialize); }

} // namespace bench
