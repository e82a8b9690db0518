#ifndef AUTHENTIK_EVENTS_BENCHMARKS_BENCH_HPP
#define AUTHENTIK_EVENTS_BENCHMARKS_BENCH_HPP

// What every benchmark source shares: the payloads, the allocation counter and the one loop
// that times a library over a payload. Each library's benchmarks live in their own source
// file; parse_benchmark.cpp's main() registers them payload by payload.

#include <benchmark/benchmark.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace bench {

/// One payload: a single document (small, typical, large) or an NDJSON batch of them.
struct payload {
    std::string name;
    std::vector<std::string> docs; ///< the documents, one parse (or write) each
    std::size_t bytes = 0;         ///< the bytes one iteration processes: the document, or the whole NDJSON
};

/// small, typical and large from tests/data, and batch: seeded fixtures as NDJSON.
[[nodiscard]] std::vector<payload> make_payloads();

/// Calls of any global operator new on this thread so far (allocations.cpp replaces them all).
[[nodiscard]] std::uint64_t allocations() noexcept;

/// Counts one allocation made outside operator new (RapidJSON's malloc-based allocator).
void note_allocation() noexcept;

/// Times `one` over every element of `docs` per iteration; `one` returns false when a library
/// rejects a document, which fails the benchmark rather than timing an early exit. Reports the
/// payload's bytes per iteration and allocs_per_doc (allocations / documents processed).
template <class Docs, class One>
void run(benchmark::State& state, payload const& p, Docs const& docs, One one) {
    std::uint64_t const before = allocations();
    for (auto _ : state) {
        for (auto const& doc : docs) {
            if (!one(doc)) {
                state.SkipWithError("a document was rejected");
                return;
            }
        }
    }
    std::uint64_t const allocated = allocations() - before;
    auto const processed = static_cast<double>(state.iterations()) * static_cast<double>(docs.size());
    state.counters["allocs_per_doc"] = static_cast<double>(allocated) / processed;
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(p.bytes));
}

/// Registers `<name>/<payload>` (benchmarks/run splits the name at its last '/').
template <class Fn>
void add(std::string_view name, payload const& p, Fn fn) {
    std::string const full = std::string(name) + "/" + p.name;
    benchmark::RegisterBenchmark(full.c_str(), [&p, fn](benchmark::State& state) { fn(state, p); });
}

// Each library's benchmarks, registered for one payload; parse first, then serialize, so that
// benchmarks/run prints them in that order.
void add_authentik_events_parse(payload const& p);
void add_authentik_events_serialize(payload const& p);
void add_boost_json_parse(payload const& p);
void add_boost_json_serialize(payload const& p);
void add_nlohmann_parse(payload const& p);
void add_nlohmann_serialize(payload const& p);
void add_rapidjson_parse(payload const& p);
void add_rapidjson_serialize(payload const& p);
void add_simdjson_parse(payload const& p);
void add_simdjson_serialize(payload const& p);
void add_simdjson_context(); ///< which of simdjson's implementations run, in the benchmark context

} // namespace bench

#endif
