// Boost.JSON on its own: the DOM parse (every ratio's reference), the DOM plus value_to into a
// peer_event through a hand-written tag_invoke, the tokenizer with a handler that does nothing,
// and the serializer writing a DOM built beforehand.

#include "bench.hpp"
#include "peers.hpp"

#include <benchmark/benchmark.h>
#include <boost/json/basic_parser_impl.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>
#include <boost/json/value_to.hpp>

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace bench {

using boost_event = peer_event<boost::json::value>; // user, context, brand: copies of the DOM's objects

namespace {

// value_to has no error channel but exceptions; a bad document throws, and the benchmark
// counts the throw as a rejection.
[[noreturn]] void reject(std::string_view key) {
    throw std::invalid_argument("missing or wrong-typed field \"" + std::string(key) + "\"");
}

void take_string(boost::json::object const& o, std::string_view key, std::string& out, presence need) {
    boost::json::value const* v = o.if_contains(key);
    if (v == nullptr) {
        if (need == presence::required) {
            reject(key);
        }
        return;
    }
    if (!v->is_string()) {
        reject(key);
    }
    out.assign(v->get_string());
}

void take_object(boost::json::object const& o, std::string_view key, boost::json::value& out) {
    if (boost::json::value const* v = o.if_contains(key)) {
        if (!v->is_object()) {
            reject(key);
        }
        out = *v; // value_to reads a const DOM: it can only copy
    }
}

} // namespace

// Found by argument-dependent lookup from boost::json::value_to<boost_event>: it must be in
// peer_event's namespace, not in the unnamed one.
boost_event tag_invoke(boost::json::value_to_tag<boost_event>, boost::json::value const& jv) {
    boost::json::object const* o = jv.if_object();
    if (o == nullptr) {
        reject("");
    }
    boost_event e;
    take_string(*o, "pk", e.pk, presence::required);
    take_object(*o, "user", e.user);
    take_string(*o, "action", e.action, presence::required);
    take_string(*o, "app", e.app, presence::required);
    take_object(*o, "context", e.context);
    if (boost::json::value const* ip = o->if_contains("client_ip"); ip != nullptr && !ip->is_null()) {
        if (!ip->is_string()) {
            reject("client_ip");
        }
        e.client_ip.emplace(ip->get_string());
    }
    take_string(*o, "created", e.created, presence::required);
    take_string(*o, "expires", e.expires, presence::optional);
    take_object(*o, "brand", e.brand);
    return e;
}

namespace {

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

void parse(benchmark::State& state, payload const& p) {
    run(state, p, p.docs, [](std::string const& doc) {
        boost::system::error_code ec;
        boost::json::value v = boost::json::parse(doc, ec);
        benchmark::DoNotOptimize(v);
        return !ec;
    });
}

void parse_value_to(benchmark::State& state, payload const& p) {
    run(state, p, p.docs, [](std::string const& doc) {
        boost::system::error_code ec;
        boost::json::value const v = boost::json::parse(doc, ec);
        if (ec) {
            return false;
        }
        try {
            boost_event e = boost::json::value_to<boost_event>(v);
            benchmark::DoNotOptimize(e);
            return true;
        } catch (std::invalid_argument const&) {
            return false;
        }
    });
}

void basic_parser_empty(benchmark::State& state, payload const& p) {
    run(state, p, p.docs, [](std::string const& doc) {
        boost::json::basic_parser<empty_handler> parser(boost::json::parse_options{});
        boost::system::error_code ec;
        parser.write_some(false, doc.data(), doc.size(), ec);
        benchmark::DoNotOptimize(ec);
        return !ec;
    });
}

// The DOM is built before timing: only writing text is timed.
void serialize(benchmark::State& state, payload const& p) {
    std::vector<boost::json::value> dom;
    dom.reserve(p.docs.size());
    for (std::string const& doc : p.docs) {
        dom.push_back(boost::json::parse(doc));
    }
    run(state, p, dom, [](boost::json::value const& v) {
        std::string out = boost::json::serialize(v);
        benchmark::DoNotOptimize(out.data());
        return !out.empty();
    });
}

} // namespace

void add_boost_json_parse(payload const& p) {
    add("boost.json/parse", p, parse);
    add("boost.json/parse+value_to", p, parse_value_to);
    add("boost.json/basic_parser-empty", p, basic_parser_empty);
}

void add_boost_json_serialize(payload const& p) { add("boost.json/serialize", p, serialize); }

} // namespace bench
