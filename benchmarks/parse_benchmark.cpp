// Parsing and serializing events: this library against Boost.JSON on the same payloads, in one
// binary, so that every ratio compares figures of one run. benchmarks/run prints the table.
//
// Payloads (built from tests/data, see payloads()):
//   small    login_ipv6.json with user, context and brand emptied (about 350 bytes)
//   typical  login_ipv6.json: a login with http_request, geo and asn (about 830 bytes)
//   large    model_updated.json with a stack trace and a longer diff added (about 8 KB)

#include <authentik/events.hpp>

#include <benchmark/benchmark.h>
#include <boost/json/basic_parser_impl.hpp>
#include <boost/json/parse.hpp>
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

namespace {

namespace ae = authentik::events;

std::string read_data(std::string const& name) {
    std::ifstream in(std::string(AUTHENTIK_EVENTS_TEST_DATA) + "/" + name, std::ios::binary);
    if (!in) {
        throw std::runtime_error("cannot read tests/data/" + name);
    }
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

struct payload {
    std::string name;
    std::string text;
};

std::vector<payload> payloads() {
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
        large.context->at("diff").as_object().insert_or_assign("meta_launch_url_" + std::to_string(round), std::move(change));
    }
    return {{"small", ae::serialize(small)}, {"typical", login}, {"large", ae::serialize(large)}};
}

// The tokenizer alone: every event accepted, nothing built.
struct empty_handler {
    static constexpr std::size_t max_object_size = std::size_t(-1);
    static constexpr std::size_t max_array_size = std::size_t(-1);
    static constexpr std::size_t max_key_size = std::size_t(-1);
    static constexpr std::size_t max_string_size = std::size_t(-1);
    bool on_document_begin(boost::system::error_code&) { return true; }
    bool on_document_end(boost::system::error_code&) { return true; }
    bool on_object_begin(boost::system::error_code&) { return true; }
    bool on_object_end(std::size_t, boost::system::error_code&) { return true; }
    bool on_array_begin(boost::system::error_code&) { return true; }
    bool on_array_end(std::size_t, boost::system::error_code&) { return true; }
    bool on_key_part(boost::json::string_view, std::size_t, boost::system::error_code&) { return true; }
    bool on_key(boost::json::string_view, std::size_t, boost::system::error_code&) { return true; }
    bool on_string_part(boost::json::string_view, std::size_t, boost::system::error_code&) { return true; }
    bool on_string(boost::json::string_view, std::size_t, boost::system::error_code&) { return true; }
    bool on_number_part(boost::json::string_view, boost::system::error_code&) { return true; }
    bool on_int64(std::int64_t, boost::json::string_view, boost::system::error_code&) { return true; }
    bool on_uint64(std::uint64_t, boost::json::string_view, boost::system::error_code&) { return true; }
    bool on_double(double, boost::json::string_view, boost::system::error_code&) { return true; }
    bool on_bool(bool, boost::system::error_code&) { return true; }
    bool on_null(boost::system::error_code&) { return true; }
    bool on_comment_part(boost::json::string_view, boost::system::error_code&) { return true; }
    bool on_comment(boost::json::string_view, boost::system::error_code&) { return true; }
};

void count_bytes(benchmark::State& state, std::string const& text) {
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(text.size()));
}

void parse_dom(benchmark::State& state, std::string const& text) {
    for (auto _ : state) {
        auto r = ae::parse<ae::Event>(text);
        if (!r) {
            state.SkipWithError("payload is not a valid Event");
            break;
        }
        benchmark::DoNotOptimize(r);
    }
    count_bytes(state, text);
}

void boost_parse(benchmark::State& state, std::string const& text) {
    for (auto _ : state) {
        boost::json::value v = boost::json::parse(text);
        benchmark::DoNotOptimize(v);
    }
    count_bytes(state, text);
}

void boost_basic_parser_empty(benchmark::State& state, std::string const& text) {
    for (auto _ : state) {
        boost::json::basic_parser<empty_handler> p(boost::json::parse_options{});
        boost::system::error_code ec;
        p.write_some(false, text.data(), text.size(), ec);
        benchmark::DoNotOptimize(ec);
    }
    count_bytes(state, text);
}

void serialize(benchmark::State& state, std::string const& text) {
    ae::Event const e = ae::parse_or_throw<ae::Event>(text);
    std::string out;
    for (auto _ : state) {
        out.clear();
        ae::serialize_to(out, e);
        benchmark::DoNotOptimize(out.data());
    }
    count_bytes(state, text);
}

void boost_value_from_serialize(benchmark::State& state, std::string const& text) {
    ae::Event const e = ae::parse_or_throw<ae::Event>(text);
    for (auto _ : state) {
        std::string out = boost::json::serialize(boost::json::value_from(e));
        benchmark::DoNotOptimize(out.data());
    }
    count_bytes(state, text);
}

} // namespace

int main(int argc, char** argv) {
    benchmark::Initialize(&argc, argv);
    std::vector<payload> const all = payloads();
    for (auto const& p : all) {
        std::cerr << "payload " << p.name << ": " << p.text.size() << " bytes\n";
        auto add = [&](char const* name, void (*fn)(benchmark::State&, std::string const&)) {
            benchmark::RegisterBenchmark((std::string(name) + "/" + p.name).c_str(), fn, p.text);
        };
        add("authentik-events/parse-dom", parse_dom);
        add("boost.json/parse", boost_parse);
        add("boost.json/basic_parser-empty", boost_basic_parser_empty);
        add("authentik-events/serialize", serialize);
        add("boost.json/value_from+serialize", boost_value_from_serialize);
    }
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
}
