#ifndef AUTHENTIK_EVENTS_BENCHMARKS_PEERS_HPP
#define AUTHENTIK_EVENTS_BENCHMARKS_PEERS_HPP

// What the other JSON libraries extract an event into: a plain struct mirroring Event, filled
// by hand from each library's own parse (boost_json_benchmarks.cpp, nlohmann_benchmarks.cpp,
// rapidjson_benchmarks.cpp, simdjson_benchmarks.cpp).
//
// So that the comparison is honest, every extraction checks what a careful hand-written one
// would: the document is an object; pk, action, app and created are present and strings;
// user, context and brand, when present, are objects; client_ip is a string or null; expires,
// when present, a string. A missing or wrong-typed field rejects the document.
//
// What the peers do NOT do and authentik-events does (so they do less work):
// - check formats: pk as a UUID, created/expires as RFC 3339 date-times, client_ip as an
//   IPv4/IPv6 address (the peers keep the text);
// - check the action against the known actions (kept as text);
// - convert pk and the dates to binary values;
// - tell an absent client_ip from null (both become nullopt), report repeated keys, or collect
//   every problem (they stop at the first);
// - keep unknown keys (ignored, as authentik-events' default does).

#include <optional>
#include <string>

namespace bench {

/// An Event as the peers see it. `Object` is the peer's own representation of a free-form
/// object (user, context, brand): a DOM value of that library, or raw JSON text for simdjson
/// on-demand, which has no DOM; an absent one is the default value (null, or empty text).
template <class Object>
struct peer_event {
    std::string pk;
    std::string action;
    std::string app;
    std::string created;
    std::string expires; ///< empty when absent (servers always write it)
    std::optional<std::string> client_ip;
    Object user{};
    Object context{};
    Object brand{};
};

/// Whether extraction may leave a field out.
enum class presence : bool { optional, required };

} // namespace bench

#endif
