// Parsing and serializing events: this library against Boost.JSON and, when CMake found them,
// nlohmann/json, RapidJSON and simdjson, on the same payloads in one binary, so that every
// ratio compares figures of one run. benchmarks/run prints the table.
//
// Payloads (make_payloads()):
//   small    login_ipv6.json with user, context and brand emptied (227 bytes)
//   typical  login_ipv6.json: a login with http_request, geo and asn (832 bytes)
//   large    model_updated.json with a stack trace and a longer diff added (about 8 KB)
//   batch    10,000 seeded fixtures (seed 1) as NDJSON; one parse per line, each iteration
//            all of them; bytes are the whole NDJSON's
//
// This file holds main(), the payloads and authentik-events' own benchmarks; the other
// libraries' are in <library>_benchmarks.cpp.

#include "bench.hpp"

#include <authentik/events.hpp>
#include <authentik/events/fixtures/generator.hpp>

#include <benchmark/benchmark.h>
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value_from.hpp>

#include <cstddef>
#include <cstdint>
#include <fstream>
#include <iostream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace bench {

namespace {

namespace ae = authentik::events;

// The batch: what `authentik-events fixtures --count 10000 --seed 1` prints.
constexpr std::uint64_t batch_seed = 1;
constexpr std::size_t batch_events = 10'000;

std::string read_data(std::string const& name) {
    std::ifstream in(std::string(AUTHENTIK_EVENTS_TEST_DATA) + "/" + name, std::ios::binary);
    if (!in) {
        throw std::runtime_error("cannot read tests/data/" + name);
    }
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

payload single(std::string name, std::string text) {
    std::size_t const bytes = text.size();
    return {std::move(name), {std::move(text)}, bytes};
}

payload batch() {
    ae::fixtures::generator g(batch_seed);
    payload p{"batch", {}, 0};
    p.docs.reserve(batch_events);
    for (std::size_t i = 0; i < batch_events; ++i) {
        p.docs.push_back(ae::serialize(g.event()));
        p.bytes += p.docs.back().size() + 1; // and its '\n'
    }
    return p;
}

std::vector<ae::Event> parse_all(payload const& p) {
    std::vector<ae::Event> events;
    events.reserve(p.docs.size());
    for (std::string const& doc : p.docs) {
        events.push_back(ae::parse_or_throw<ae::Event>(doc));
    }
    return events;
}

void parse_dom(benchmark::State& state, payload const& p) {
    run(state, p, p.docs, [](std::string const& doc) {
        auto r = ae::parse<ae::Event>(doc);
        benchmark::DoNotOptimize(r);
        return static_cast<bool>(r);
    });
}

// Free-form members kept as text: RawEvent, for forwarding and storing without a DOM.
void parse_raw(benchmark::State& state, payload const& p) {
    run(state, p, p.docs, [](std::string const& doc) {
        auto r = ae::parse<ae::RawEvent>(doc);
        benchmark::DoNotOptimize(r);
        return static_cast<bool>(r);
    });
}

// One parser and one recycling resource for every document: the free-form members' memory is
// rewound, not freed and taken again, between documents.
void parse_reused(benchmark::State& state, payload const& p) {
    ae::recycling_resource arena;
    ae::parser<ae::Event> parser(ae::parse_options{}, &arena);
    run(state, p, p.docs, [&](std::string const& doc) {
        arena.rewind();
        auto r = parser.parse(doc);
        benchmark::DoNotOptimize(r);
        return static_cast<bool>(r);
    });
    state.SetLabel("arena " + std::to_string(arena.capacity()) + " B"); // a label: a counter must be on every row
}

// The batch as one NDJSON text fed in 64 KiB pieces to an ndjson_reader, `repeats` times per
// iteration: what validating a file of any size costs, and (arena_bytes, allocs_per_doc) that
// the memory it holds does not grow with the file.
void ndjson_reader(benchmark::State& state, payload const& p, std::size_t repeats) {
    std::string text;
    for (auto const& d : p.docs) {
        text += d;
        text += '\n';
    }
    ae::recycling_resource arena;
    ae::ndjson_reader<ae::Event> reader(ae::parse_options{}, &arena);
    std::size_t bad = 0;
    auto on_line = [&](std::size_t, ae::result<ae::Event>&& e) {
        bad += e ? 0 : 1;
        benchmark::DoNotOptimize(e);
        arena.rewind(); // the event is not used after this line
    };
    constexpr std::size_t piece = 64 * 1024;
    std::uint64_t const before = allocations();
    for (auto _ : state) {
        for (std::size_t r = 0; r < repeats; ++r) {
            for (std::size_t i = 0; i < text.size(); i += piece) {
                reader.write(std::string_view(text).substr(i, piece), on_line);
            }
        }
        reader.finish(on_line);
    }
    if (bad != 0) {
        state.SkipWithError("a line was rejected");
    }
    auto const events = static_cast<double>(state.iterations()) * static_cast<double>(p.docs.size() * repeats);
    state.counters["allocs_per_doc"] = static_cast<double>(allocations() - before) / events;
    state.SetLabel("arena " + std::to_string(arena.capacity()) + " B"); // a label: a counter must be on every row
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                            static_cast<std::int64_t>(text.size() * repeats));
}

void serialize(benchmark::State& state, payload const& p) {
    std::vector<ae::Event> const events = parse_all(p);
    std::string out; // reused: serialize_to appends
    run(state, p, events, [&out](ae::Event const& e) {
        out.clear();
        ae::serialize_to(out, e);
        benchmark::DoNotOptimize(out.data());
        return !out.empty();
    });
}

// Library's own: the Event's tag_invoke (value_from) and Boost.JSON's serializer.
void boost_value_from_serialize(benchmark::State& state, payload const& p) {
    std::vector<ae::Event> const events = parse_all(p);
    run(state, p, events, [](ae::Event const& e) {
        std::string out = boost::json::serialize(boost::json::value_from(e));
        benchmark::DoNotOptimize(out.data());
        return !out.empty();
    });
}

} // namespace

std::vector<payload> make_payloads() {
    std::string const login = read_data("login_ipv6.json");
    ae::Event small = ae::parse_or_throw<ae::Event>(login);
    small.user = boost::json::object{};
    small.context = boost::json::object{};
    small.brand = boost::json::object{};

    ae::Event large = ae::parse_or_throw<ae::Event>(read_data("model_updated.json"));
    ae::Event const failing = ae::parse_or_throw<ae::Event>(read_data("policy_exception.json"));
    boost::json::array stack;
    for (int round = 0; ae::serialize(large).size() < 8000; ++round) {
        for (auto const& frame : failing.context->at("exception").as_array()) {
            stack.push_back(frame);
        }
        large.context->insert_or_assign("exception", stack);
        boost::json::object change;
        change["previous_value"] = "https://old.example.com/" + std::to_string(round);
        change["new_value"] = "https://new.example.com/" + std::to_string(round);
        // Looked up each round: inserting into the context may move its members.
        large.context->at("diff").as_object().insert_or_assign("meta_launch_url_" + std::to_string(round),
                                                               std::move(change));
    }
    std::vector<payload> all;
    all.push_back(single("small", ae::serialize(small)));
    all.push_back(single("typical", login));
    all.push_back(single("large", ae::serialize(large)));
    all.push_back(batch());
    return all;
}

void add_authentik_events_parse(payload const& p) {
    add("authentik-events/parse-dom", p, parse_dom);
    add("authentik-events/parse-raw", p, parse_raw);
    add("authentik-events/parse-reused", p, parse_reused);
    if (p.name == "batch") {
        // The same reader over the batch once and ten times: its memory must not grow.
        add("authentik-events/ndjson-reader", p, [](benchmark::State& s, payload const& q) { ndjson_reader(s, q, 1); });
        add("authentik-events/ndjson-reader-x10", p,
            [](benchmark::State& s, payload const& q) { ndjson_reader(s, q, 10); });
    }
}

void add_authentik_events_serialize(payload const& p) {
    add("authentik-events/serialize", p, serialize);
    add("boost.json/value_from+serialize", p, boost_value_from_serialize);
}

} // namespace bench

int main(int argc, char** argv) {
    benchmark::Initialize(&argc, argv);
    std::vector<bench::payload> const all = bench::make_payloads(); // outlives every benchmark
#ifdef AUTHENTIK_EVENTS_BENCH_SIMDJSON
    bench::add_simdjson_context();
#endif
    for (bench::payload const& p : all) {
        std::cerr << "payload " << p.name << ": " << p.docs.size()
                  << (p.docs.size() == 1 ? " document, " : " documents, ") << p.bytes << " bytes\n";
        bench::add_authentik_events_parse(p);
        bench::add_boost_json_parse(p);
#ifdef AUTHENTIK_EVENTS_BENCH_NLOHMANN
        bench::add_nlohmann_parse(p);
#endif
#ifdef AUTHENTIK_EVENTS_BENCH_RAPIDJSON
        bench::add_rapidjson_parse(p);
#endif
#ifdef AUTHENTIK_EVENTS_BENCH_SIMDJSON
        bench::add_simdjson_parse(p);
#endif
        bench::add_authentik_events_serialize(p);
        bench::add_boost_json_serialize(p);
#ifdef AUTHENTIK_EVENTS_BENCH_NLOHMANN
        bench::add_nlohmann_serialize(p);
#endif
#ifdef AUTHENTIK_EVENTS_BENCH_RAPIDJSON
        bench::add_rapidjson_serialize(p);
#endif
#ifdef AUTHENTIK_EVENTS_BENCH_SIMDJSON
        bench::add_simdjson_serialize(p);
#endif
    }
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
}
