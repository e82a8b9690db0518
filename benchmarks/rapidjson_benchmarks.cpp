// RapidJSON (Debian: rapidjson-dev, 1.1.0): its DOM parse, then the fields taken by hand into a
// peer_event; and a Writer over a DOM built beforehand.

#include "bench.hpp"
#include "peers.hpp"

#include <benchmark/benchmark.h>
#include <rapidjson/allocators.h>
#include <rapidjson/document.h>
#include <rapidjson/reader.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <cstddef>
#include <cstdlib>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace bench {

namespace {

// RapidJSON's CrtAllocator, call for call, plus a count: it allocates with malloc, which the
// operator-new counter cannot see.
class counted_allocator {
public:
    [[maybe_unused]] static constexpr bool kNeedFree = true; // the Allocator concept asks for it
    void* Malloc(std::size_t size) {
        if (size == 0) {
            return nullptr;
        }
        note_allocation();
        return std::malloc(size);
    }
    void* Realloc(void* original, std::size_t, std::size_t size) {
        if (size == 0) {
            std::free(original);
            return nullptr;
        }
        note_allocation(); // may move: counted as an allocation, as a DOM that grows would be
        return std::realloc(original, size);
    }
    static void Free(void* p) { std::free(p); }
};

using pool = rapidjson::MemoryPoolAllocator<counted_allocator>;
using document = rapidjson::GenericDocument<rapidjson::UTF8<>, pool, counted_allocator>;
using value = rapidjson::GenericValue<rapidjson::UTF8<>, pool>;
using string_buffer = rapidjson::GenericStringBuffer<rapidjson::UTF8<>, counted_allocator>;
using writer = rapidjson::Writer<string_buffer, rapidjson::UTF8<>, rapidjson::UTF8<>, counted_allocator>;

// Strings are validated as UTF-8, as Boost.JSON, nlohmann/json and simdjson do; RapidJSON
// does not by default.
constexpr unsigned parse_flags = rapidjson::kParseValidateEncodingFlag;

// user, context and brand are the DOM's own values, moved out of the document (O(1)); their
// memory stays in the document's pool, so the event keeps the document, declared first so
// that it is destroyed last.
struct rapidjson_event {
    document owner;
    peer_event<value> event;
};

// The member named `key`, or null. operator== is called by name: RapidJSON 1.1.0 predates
// C++20, whose reversed candidates make `it == end` ambiguous (clang warns).
value* find(value& o, char const* key) {
    auto const it = o.FindMember(key);
    return it.operator==(o.MemberEnd()) ? nullptr : &it->value;
}

bool take_string(value& o, char const* key, std::string& out, presence need) {
    value const* v = find(o, key);
    if (v == nullptr) {
        return need == presence::optional;
    }
    if (!v->IsString()) {
        return false;
    }
    out.assign(v->GetString(), v->GetStringLength());
    return true;
}

bool take_object(value& o, char const* key, value& out) {
    value* v = find(o, key);
    if (v == nullptr) {
        return true;
    }
    if (!v->IsObject()) {
        return false;
    }
    out.Swap(*v);
    return true;
}

bool take_nullable_string(value& o, char const* key, std::optional<std::string>& out) {
    value const* v = find(o, key);
    if (v == nullptr || v->IsNull()) {
        return true;
    }
    if (!v->IsString()) {
        return false;
    }
    out.emplace(v->GetString(), v->GetStringLength());
    return true;
}

bool extract(std::string const& text, rapidjson_event& out) {
    document& d = out.owner;
    d.Parse<parse_flags>(text.data(), text.size());
    if (d.HasParseError() || !d.IsObject()) {
        return false;
    }
    peer_event<value>& e = out.event;
    return take_string(d, "pk", e.pk, presence::required) && take_object(d, "user", e.user) &&
           take_string(d, "action", e.action, presence::required) && take_string(d, "app", e.app, presence::required) &&
           take_object(d, "context", e.context) && take_nullable_string(d, "client_ip", e.client_ip) &&
           take_string(d, "created", e.created, presence::required) &&
           take_string(d, "expires", e.expires, presence::optional) && take_object(d, "brand", e.brand);
}

void parse_extract(benchmark::State& state, payload const& p) {
    run(state, p, p.docs, [](std::string const& doc) {
        rapidjson_event e; // a document per parse, as RapidJSON is used: its pool only grows
        bool const ok = extract(doc, e);
        benchmark::DoNotOptimize(e);
        return ok;
    });
}

// The DOM is built before timing: only writing text is timed. The documents share one pool
// (a document of its own would take a 64 KiB chunk each: 640 MB for the batch).
void serialize(benchmark::State& state, payload const& p) {
    pool shared;
    std::vector<std::unique_ptr<document>> dom;
    dom.reserve(p.docs.size());
    for (std::string const& doc : p.docs) {
        dom.push_back(std::make_unique<document>(&shared));
        dom.back()->Parse<parse_flags>(doc.data(), doc.size());
        if (dom.back()->HasParseError()) {
            state.SkipWithError("RapidJSON rejected a document");
            return;
        }
    }
    string_buffer out; // the buffer and the writer reused, as RapidJSON intends (Reset)
    writer w(out);
    run(state, p, dom, [&out, &w](std::unique_ptr<document> const& d) {
        out.Clear();
        w.Reset(out);
        d->Accept(w);
        benchmark::DoNotOptimize(out.GetString());
        return out.GetSize() > 0;
    });
}

} // namespace

void add_rapidjson_parse(payload const& p) { add("rapidjson/parse+extract", p, parse_extract); }

void add_rapidjson_serialize(payload const& p) { add("rapidjson/serialize", p, serialize); }

} // namespace bench
