// authentik_events_server_load: the load check of authentik-events-server. Starts the server,
// sends it a fixed number of requests over many keep-alive connections at once and checks every
// answer: its status, its body as the documented type (strict parse), and its exact bytes or
// values wherever the client can know them. Then reads back every event it POSTed and walks the
// whole list, so that an event lost, changed or listed twice fails the check too. Prints
// requests/s and latency percentiles, overall and per kind of request.
//
// Not a timed test: the figures are reported, never compared with a bound. The time bound
// (--seconds) is there so that a server that stalls makes the check fail instead of hanging it.
// benchmarks/load builds it in Release and runs the full check (32 connections, 50,000
// requests); CTest runs a small pass as benchmarks.server_load_smoke.
//
// Exit status: 0 every check passed; 1 a check failed (each kind of failure is printed with a
// count and its first example); 2 usage error, or the server could not be started.

#include <http_client.hpp>
#include <server_process.hpp>

#include <authentik/events.hpp>
#include <authentik/events/fixtures.hpp>

#include <boost/beast/http/verb.hpp>
#include <boost/container_hash/hash.hpp>
#include <boost/json/object.hpp>
#include <boost/system/system_error.hpp>
#include <boost/uuid/uuid.hpp>

#include <algorithm>
#include <array>
#include <atomic>
#include <charconv>
#include <chrono>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <iomanip>
#include <iostream>
#include <limits>
#include <map>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <system_error>
#include <thread>
#include <unordered_map>
#include <utility>
#include <vector>

namespace {

namespace ae = authentik::events;
namespace client = authentik_events_support;
namespace http = boost::beast::http;
using steady = std::chrono::steady_clock;

constexpr std::string_view usage = R"(usage: authentik_events_server_load [options]

Starts authentik-events-server and sends it --requests requests over --connections keep-alive
connections at once, checking every answer; then reads back every POSTed event and walks the
whole list. Reports requests/s and latency percentiles. Exit status 0 only if every check passed.

options:
  --server PATH        the server program (default: the one built with this program)
  --connections N      connections, one thread each (default 32)
  --requests N         requests in all (default 50000)
  --seconds S          time bound of the load: past it no request is sent and the check fails (default 600)
  --fixtures N         events the server is seeded with, at least 1 (default 1000)
  --seed S             seed of the server's events and of the requests (default 1)
  --help               this text
)";

constexpr std::string_view events_path = "/api/v3/events/events/";
constexpr std::string_view bearer_token = "load-check-token";
// Pages read during the load are small, as a UI asks for them; the walks use the server's
// largest pages, to see the whole list in few requests.
constexpr std::int64_t load_page_size = 20;
constexpr std::int64_t walk_page_size = 1000;

struct usage_error : std::runtime_error {
    using std::runtime_error::runtime_error;
};

struct settings {
    std::string server = AUTHENTIK_EVENTS_SERVER_PROGRAM;
    unsigned connections = 32;
    std::uint64_t requests = 50'000;
    std::chrono::seconds seconds{600};
    std::uint64_t fixtures = 1000;
    std::uint64_t seed = 1;
};

std::uint64_t whole_number(std::string_view name, std::string_view text, std::uint64_t min, std::uint64_t max) {
    std::uint64_t n = 0;
    auto const [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
    if (ec != std::errc{} || end != text.data() + text.size() || text.empty() || n < min || n > max) {
        throw usage_error("option " + std::string(name) + " wants a whole number from " + std::to_string(min) + " to " +
                          std::to_string(max) + ", not \"" + std::string(text) + "\"");
    }
    return n;
}

std::optional<settings> read_settings(std::vector<std::string_view> const& args) {
    settings s;
    for (std::size_t i = 0; i < args.size(); ++i) {
        std::string_view name = args[i];
        std::optional<std::string_view> inline_value;
        if (auto const eq = name.find('='); eq != std::string_view::npos && name.starts_with("--")) {
            inline_value = name.substr(eq + 1);
            name = name.substr(0, eq);
        }
        if (name == "--help" || name == "-h") {
            std::cout << usage;
            return std::nullopt;
        }
        auto value = [&]() -> std::string_view {
            if (inline_value) {
                return *inline_value;
            }
            if (i + 1 >= args.size()) {
                throw usage_error("option " + std::string(name) + " needs a value");
            }
            return args[++i];
        };
        if (name == "--server") {
            s.server = std::string(value());
        } else if (name == "--connections") {
            s.connections = static_cast<unsigned>(whole_number(name, value(), 1, 1024));
        } else if (name == "--requests") {
            s.requests = whole_number(name, value(), 1, 100'000'000);
        } else if (name == "--seconds") {
            s.seconds = std::chrono::seconds(whole_number(name, value(), 1, 86'400));
        } else if (name == "--fixtures") {
            // At least one: the GETs of one event need seeded events to ask for.
            s.fixtures = whole_number(name, value(), 1, 10'000'000);
        } else if (name == "--seed") {
            // Below the maximum, so that seed + connection number does not wrap.
            s.seed = whole_number(name, value(), 0, std::numeric_limits<std::uint64_t>::max() / 2);
        } else {
            throw usage_error("unknown option \"" + std::string(name) + "\"");
        }
    }
    return s;
}

// What the load sends, and in what proportion: per 10 request numbers, 2 valid POSTs, 3 GETs of
// one event, 2 pages, 1 invalid POST, 1 GET without a token and 1 GET of an event that does
// not exist. Interleaved, so that every stretch of the run has each kind.
enum class kind : std::uint8_t { post_event, get_event, get_page, post_invalid, no_token, unknown_event };
constexpr std::size_t kind_count = 6;
constexpr std::array<std::string_view, kind_count> kind_names{"POST event",   "GET event",    "GET page",
                                                              "POST invalid", "GET no token", "GET unknown"};
constexpr std::array<kind, 10> mix{kind::post_event,   kind::get_event,    kind::get_page, kind::get_event,
                                   kind::post_invalid, kind::post_event,   kind::get_page, kind::get_event,
                                   kind::no_token,     kind::unknown_event};

[[nodiscard]] constexpr std::size_t index_of(kind k) noexcept { return static_cast<std::size_t>(k); }
[[nodiscard]] constexpr std::string_view name_of(kind k) noexcept { return kind_names[index_of(k)]; }

// Each kind of failure once: how often it happened, and its first example.
struct failure {
    std::uint64_t count = 0;
    unsigned status = 0;  // 0: no answer
    std::string body;     // the start of the example's body, or the network error's text
    std::string evidence; // what the check saw, when the body alone does not say
};

class failure_log {
public:
    void add(std::string const& what, unsigned status, std::string_view body, std::string evidence = {}) {
        failure& f = by_what_[what];
        if (f.count++ == 0) {
            f.status = status;
            f.body = std::string(body.substr(0, body_prefix));
            f.evidence = std::move(evidence);
        }
    }

    void merge(failure_log const& other) {
        for (auto const& [what, theirs] : other.by_what_) {
            failure& mine = by_what_[what];
            if (mine.count == 0) {
                mine = theirs;
            } else {
                mine.count += theirs.count;
            }
        }
    }

    [[nodiscard]] bool empty() const noexcept { return by_what_.empty(); }

    [[nodiscard]] std::uint64_t total() const noexcept {
        std::uint64_t n = 0;
        for (auto const& entry : by_what_) {
            n += entry.second.count;
        }
        return n;
    }

    [[nodiscard]] std::size_t kinds() const noexcept { return by_what_.size(); }

    void print(std::ostream& out) const {
        for (auto const& [what, f] : by_what_) {
            out << "  " << what << ": " << f.count << (f.count == 1 ? " time" : " times");
            if (f.status != 0 || !f.body.empty()) { // a failure about one answer: its first example
                out << "; first: " << (f.status == 0 ? std::string("no answer") : "status " + std::to_string(f.status));
                if (!f.body.empty()) {
                    out << ", body " << std::quoted(f.body) << (f.body.size() == body_prefix ? "..." : "");
                }
            }
            if (!f.evidence.empty()) {
                out << "; " << f.evidence;
            }
            out << '\n';
        }
    }

private:
    static constexpr std::size_t body_prefix = 200;
    std::map<std::string, failure> by_what_; // sorted, so that the report's order is fixed
};

// An event a worker POSTed, and the server's 201 answer for it, byte for byte.
struct posted_event {
    boost::uuids::uuid pk{};
    std::string body;
};

// What one worker did: written by its thread alone, read once the threads are joined.
struct worker_result {
    std::array<std::vector<std::int64_t>, kind_count> nanoseconds; // each answer's latency, by kind
    std::vector<posted_event> posted;
    failure_log failures;
    failure_log read_back_failures;
    std::uint64_t issued = 0;    // requests sent, answered or not
    std::uint64_t valid = 0;     // answers that passed every check
    std::uint64_t read_back = 0; // posted events read back unchanged after the load
};

// What the workers share: set before they start, except the atomics.
struct load_state {
    settings opt;
    std::string port;
    std::vector<ae::Event> seeded; // the list as read before the load, newest first
    std::string invalid_body;
    std::string invalid_answer; // the 400 body the server must give for invalid_body
    std::string unknown_answer; // the 404 body of an event that does not exist
    steady::time_point deadline{};
    std::atomic<std::uint64_t> next{0};    // the next request number
    std::atomic<std::uint64_t> created{0}; // 201 answers so far: events the list must hold
    std::atomic<bool> out_of_time{false};
};

[[nodiscard]] std::chrono::milliseconds request_timeout(settings const& opt) {
    return std::min<std::chrono::milliseconds>(std::chrono::seconds(30), opt.seconds);
}

[[nodiscard]] std::string event_target(boost::uuids::uuid const& pk) {
    return std::string(events_path) + ae::format::uuid_to_string(pk) + "/";
}

// A well-formed pk, so that the server looks it up rather than rejecting its text, which no
// event has: a random (version 4) pk has 122 random bits, and to be one of these it would need
// 74 of them to be zero.
[[nodiscard]] std::string unknown_target(std::uint64_t n) {
    std::array<char, 16> hex{};
    char* const end = std::to_chars(hex.data(), hex.data() + hex.size(), n & 0xFFFF'FFFF'FFFFU, 16).ptr;
    std::string const digits(hex.data(), end);
    return std::string(events_path) + "00000000-0000-4000-8000-" + std::string(12 - digits.size(), '0') + digits + "/";
}

[[nodiscard]] std::string page_target(std::int64_t page, std::int64_t size, bool oldest_first) {
    return std::string(events_path) + "?page=" + std::to_string(page) + "&page_size=" + std::to_string(size) +
           (oldest_first ? "&ordering=created" : "");
}

// What the server stores for a request (authentik's model defaults): its fields as sent, `{}`
// for an object left out, null for a client_ip left out, and `expires` as sent when sent.
[[nodiscard]] bool same_as_request(ae::Event const& e, ae::EventRequest const& r) {
    boost::json::object const none;
    auto same_object = [&none](std::optional<boost::json::object> const& got,
                               std::optional<boost::json::object> const& sent) {
        return got.has_value() && *got == (sent ? *sent : none);
    };
    bool const same_ip =
        r.client_ip.has_value() ? e.client_ip.has_value() && *e.client_ip == *r.client_ip : e.client_ip.is_null();
    return e.action == r.action && e.app == r.app && same_object(e.user, r.user) && same_object(e.context, r.context) &&
           same_object(e.brand, r.brand) && same_ip && e.expires.has_value() &&
           (!r.expires || *e.expires == *r.expires);
}

// The checks of one answer. Each failed check is recorded under `what` (the request's kind),
// with the answer as its example; ok() tells whether all passed.
class checker {
public:
    checker(failure_log& log, std::string_view what, client::reply const& r) : log_(log), what_(what), r_(r) {}

    bool status(unsigned expected) {
        return expect(r_.status == expected, "status is not " + std::to_string(expected));
    }

    // The body parsed strictly (no unknown key, no unknown action) as T, whose name is `type`.
    template <class T>
    std::optional<T> parsed(std::string_view type) {
        ae::result<T> res = ae::parse<T>(r_.body, ae::parse_options::strict());
        if (!res) {
            std::ostringstream first;
            first << "first problem: " << res.problems()[0];
            fail("body is not a valid " + std::string(type), first.str());
            return std::nullopt;
        }
        return std::move(*res);
    }

    bool expect(bool ok, std::string const& why, std::string evidence = {}) {
        if (!ok) {
            fail(why, std::move(evidence));
        }
        return ok;
    }

    [[nodiscard]] bool ok() const noexcept { return !failed_; }

private:
    void fail(std::string const& why, std::string evidence) {
        failed_ = true;
        log_.add(std::string(what_) + ": " + why, r_.status, r_.body, std::move(evidence));
    }

    failure_log& log_;
    std::string_view what_;
    client::reply const& r_;
    bool failed_ = false;
};

// A page of the load: where it stands in a list of at least `at_least` events, and in order.
void check_page(checker& c, ae::PaginatedEventList const& list, std::int64_t page, std::int64_t at_least,
                bool oldest_first) {
    ae::Pagination const& p = list.pagination;
    std::int64_t const count = p.count.as_int64();
    std::int64_t const pages = count == 0 ? 1 : (count + load_page_size - 1) / load_page_size;
    std::int64_t const first = (page - 1) * load_page_size;
    std::int64_t const size = std::clamp<std::int64_t>(count - first, 0, load_page_size);
    auto const results = static_cast<std::int64_t>(list.results.size());
    std::ostringstream seen;
    seen << "asked page " << page << " of at least " << at_least << " events; got current " << p.current.as_int64()
         << ", count " << count << ", total_pages " << p.total_pages.as_int64() << ", start_index "
         << p.start_index.as_int64() << ", end_index " << p.end_index.as_int64() << ", next " << p.next.as_int64()
         << ", previous " << p.previous.as_int64() << ", " << results << " results";
    c.expect(count >= at_least && p.current.as_int64() == page && p.total_pages.as_int64() == pages &&
                 results == size && p.start_index.as_int64() == first + 1 &&
                 p.end_index.as_int64() == first + results && p.next.as_int64() == (page < pages ? page + 1 : 0) &&
                 p.previous.as_int64() == page - 1,
             "pagination does not add up", seen.str());
    bool in_order = true;
    for (std::size_t i = 1; i < list.results.size(); ++i) {
        auto const& before = list.results[i - 1].created;
        auto const& after = list.results[i].created;
        in_order = in_order && (oldest_first ? !(after < before) : !(before < after));
    }
    c.expect(in_order, oldest_first ? "page is not oldest first" : "page is not newest first");
}

// One connection's share of the load: takes request numbers until they run out (or time
// does), sends each request and checks its answer.
class worker {
public:
    worker(load_state& st, unsigned id, worker_result& out)
        : st_(st), out_(out), conn_("127.0.0.1", st.port, request_timeout(st.opt)), requests_(st.opt.seed + id),
          // Not the generator's seed: the same seed would repeat the generator's own stream.
          rng_((st.opt.seed + id) ^ 0x9E37'79B9'7F4A'7C15U) {}

    void run() {
        for (auto& v : out_.nanoseconds) {
            v.reserve(st_.opt.requests / st_.opt.connections / 2 + 16);
        }
        for (;;) {
            if (steady::now() >= st_.deadline) {
                st_.out_of_time.store(true);
                return;
            }
            std::uint64_t const n = st_.next.fetch_add(1, std::memory_order_relaxed);
            if (n >= st_.opt.requests) {
                return;
            }
            switch (mix[n % mix.size()]) {
            case kind::post_event: post_event(); break;
            case kind::get_event: get_event(); break;
            case kind::get_page: get_page(); break;
            case kind::post_invalid: post_invalid(); break;
            case kind::no_token: no_token(); break;
            case kind::unknown_event: unknown_event(n); break;
            }
        }
    }

private:
    // Sends one request and times it; nullopt after a network failure, which is recorded.
    std::optional<client::reply> send(kind k, http::verb method, std::string_view target, std::string_view token,
                                      std::string body = {}) {
        ++out_.issued;
        auto const start = steady::now();
        try {
            client::reply r = conn_.send(method, target, token, std::move(body));
            out_.nanoseconds[index_of(k)].push_back(
                std::chrono::duration_cast<std::chrono::nanoseconds>(steady::now() - start).count());
            return r;
        } catch (boost::system::system_error const& e) {
            out_.failures.add(std::string(name_of(k)) + ": network error: " + e.code().message(), 0, e.what());
            conn_.close(); // the next request starts on a new connection
            return std::nullopt;
        }
    }

    void count(checker const& c) { out_.valid += c.ok() ? 1U : 0U; }

    void post_event() {
        auto const req = requests_.make<ae::EventRequest>();
        auto const r = send(kind::post_event, http::verb::post, events_path, bearer_token, ae::serialize(req));
        if (!r) {
            return;
        }
        if (r->status == 201) {
            st_.created.fetch_add(1); // stored, whatever else is wrong with the answer
        }
        checker c(out_.failures, name_of(kind::post_event), *r);
        if (c.status(201)) {
            if (auto const e = c.parsed<ae::Event>("Event")) {
                c.expect(same_as_request(*e, req), "the event is not the one POSTed");
                out_.posted.push_back({e->pk, r->body});
            }
        }
        count(c);
    }

    void get_event() {
        // Half of them, once there are some, of an event this worker POSTed: those it knows
        // byte for byte.
        std::optional<std::size_t> own;
        if (!out_.posted.empty() && rng_.below(2) == 0) {
            own = rng_.index(out_.posted.size());
        }
        std::size_t const seeded = rng_.index(st_.seeded.size());
        boost::uuids::uuid const pk = own ? out_.posted[*own].pk : st_.seeded[seeded].pk;
        auto const r = send(kind::get_event, http::verb::get, event_target(pk), bearer_token);
        if (!r) {
            return;
        }
        checker c(out_.failures, name_of(kind::get_event), *r);
        if (c.status(200)) {
            if (auto const e = c.parsed<ae::Event>("Event")) {
                if (own) {
                    c.expect(r->body == out_.posted[*own].body, "body differs from the 201 answer");
                } else {
                    c.expect(*e == st_.seeded[seeded], "event differs from the seeded one as listed");
                }
            }
        }
        count(c);
    }

    void get_page() {
        // Every page up to this one exists: the list only grows, and holds every event
        // answered 201 so far.
        auto const at_least = static_cast<std::int64_t>(st_.opt.fixtures + st_.created.load());
        auto const pages = static_cast<std::uint64_t>((at_least + load_page_size - 1) / load_page_size);
        auto const page = static_cast<std::int64_t>(1 + rng_.below(pages));
        bool const oldest_first = rng_.below(4) == 0;
        auto const r =
            send(kind::get_page, http::verb::get, page_target(page, load_page_size, oldest_first), bearer_token);
        if (!r) {
            return;
        }
        checker c(out_.failures, name_of(kind::get_page), *r);
        if (c.status(200)) {
            if (auto const list = c.parsed<ae::PaginatedEventList>("PaginatedEventList")) {
                check_page(c, *list, page, at_least, oldest_first);
            }
        }
        count(c);
    }

    void post_invalid() {
        auto const r = send(kind::post_invalid, http::verb::post, events_path, bearer_token, st_.invalid_body);
        if (!r) {
            return;
        }
        checker c(out_.failures, name_of(kind::post_invalid), *r);
        if (c.status(400) && c.parsed<ae::ValidationError>("ValidationError")) {
            c.expect(r->body == st_.invalid_answer, "body differs from to_validation_error() of the problems",
                     "expected " + st_.invalid_answer);
        }
        count(c);
    }

    void no_token() {
        auto const r = send(kind::no_token, http::verb::get, events_path, "");
        if (!r) {
            return;
        }
        checker c(out_.failures, name_of(kind::no_token), *r);
        if (c.status(403)) {
            if (auto const e = c.parsed<ae::GenericError>("GenericError")) {
                c.expect(e->detail == "Authentication credentials were not provided.", "wrong detail");
            }
        }
        count(c);
    }

    void unknown_event(std::uint64_t n) {
        auto const r = send(kind::unknown_event, http::verb::get, unknown_target(n), bearer_token);
        if (!r) {
            return;
        }
        checker c(out_.failures, name_of(kind::unknown_event), *r);
        if (c.status(404) && c.parsed<ae::GenericError>("GenericError")) {
            c.expect(r->body == st_.unknown_answer, "body differs", "expected " + st_.unknown_answer);
        }
        count(c);
    }

    load_state& st_;
    worker_result& out_;
    client::connection conn_;
    ae::fixtures::generator requests_;
    ae::fixtures::prng rng_;
};

// After the load: each of this worker's events, read back, must be its 201 answer unchanged.
void read_back(load_state const& st, worker_result& out) {
    client::connection conn("127.0.0.1", st.port, request_timeout(st.opt));
    for (posted_event const& p : out.posted) {
        try {
            client::reply const r = conn.get(event_target(p.pk), bearer_token);
            checker c(out.read_back_failures, "read back", r);
            if (c.status(200)) {
                c.expect(r.body == p.body, "body differs from the 201 answer", "201 answer: " + p.body.substr(0, 200));
            }
            out.read_back += c.ok() ? 1U : 0U;
        } catch (boost::system::system_error const& e) {
            out.read_back_failures.add("read back: network error: " + e.code().message(), 0, e.what());
            conn.close();
        }
    }
}

// The whole list, newest first, page by page as pagination.next leads; nullopt when a page
// could not be read (the failure is recorded under `phase`).
std::optional<std::vector<ae::Event>> walk_list(client::connection& conn, failure_log& failures,
                                                std::string const& phase, std::int64_t& count) {
    std::vector<ae::Event> events;
    count = -1;
    for (std::int64_t page = 1;; ++page) {
        client::reply r;
        try {
            r = conn.get(page_target(page, walk_page_size, false), bearer_token);
        } catch (boost::system::system_error const& e) {
            failures.add(phase + ": network error: " + e.code().message(), 0, e.what());
            return std::nullopt;
        }
        checker c(failures, phase, r);
        if (!c.status(200)) {
            return std::nullopt;
        }
        auto list = c.parsed<ae::PaginatedEventList>("PaginatedEventList");
        if (!list) {
            return std::nullopt;
        }
        // Nothing else runs during a walk: every page must tell the same count.
        std::int64_t const this_count = list->pagination.count.as_int64();
        if (count < 0) {
            count = this_count;
        }
        std::int64_t const next = list->pagination.next.as_int64();
        c.expect(this_count == count, "pagination.count changed between pages");
        c.expect(next == 0 || next == page + 1, "pagination.next is not the next page");
        c.expect(next != 0 || page * walk_page_size >= count, "pagination.next is 0 before the last page");
        // And the walk ends: a next page past the count would be one too many.
        c.expect(next == 0 || page * walk_page_size < count, "pagination.next points past the last page");
        if (!c.ok()) {
            return std::nullopt;
        }
        for (ae::Event& e : list->results) {
            events.push_back(std::move(e));
        }
        if (next == 0) {
            return events;
        }
    }
}

// Nearest-rank percentile of sorted latencies, in milliseconds.
[[nodiscard]] double percentile_ms(std::vector<std::int64_t> const& sorted, double q) {
    if (sorted.empty()) {
        return 0;
    }
    auto const rank = static_cast<std::size_t>(std::ceil(q * static_cast<double>(sorted.size())));
    std::size_t const i = std::clamp<std::size_t>(rank, 1, sorted.size()) - 1;
    return static_cast<double>(sorted[i]) / 1e6;
}

// Runs f(i) for i in [0, n) on n threads at once and waits for them all.
template <class F>
void on_threads(unsigned n, F const& f) {
    std::vector<std::thread> threads;
    threads.reserve(n);
    for (unsigned i = 0; i < n; ++i) {
        threads.emplace_back([&f, i] { f(i); });
    }
    for (auto& t : threads) {
        t.join();
    }
}

// After the load, the whole list: every seeded and every POSTed event, each once, and nothing
// else. Returns the list's count, or -1 if it could not be read.
std::int64_t check_final_list(load_state const& st, std::vector<worker_result> const& results, failure_log& failures) {
    std::unordered_map<boost::uuids::uuid, int, boost::hash<boost::uuids::uuid>> posted;
    for (worker_result const& w : results) {
        for (posted_event const& p : w.posted) {
            posted.emplace(p.pk, 0);
        }
    }
    std::int64_t count = -1;
    client::connection conn("127.0.0.1", st.port, request_timeout(st.opt));
    auto const events = walk_list(conn, failures, "final list", count);
    if (!events) {
        return -1;
    }
    std::unordered_map<boost::uuids::uuid, int, boost::hash<boost::uuids::uuid>> listed;
    for (ae::Event const& e : *events) {
        if (++listed[e.pk] == 2) {
            failures.add("final list: an event is listed twice", 0, "", ae::format::uuid_to_string(e.pk));
        }
        if (auto it = posted.find(e.pk); it != posted.end()) {
            ++it->second;
        }
    }
    if (events->size() != static_cast<std::size_t>(count)) {
        failures.add("final list: pagination.count differs from the events listed", 0, "",
                     std::to_string(count) + " counted, " + std::to_string(events->size()) + " listed");
    }
    for (auto const& [pk, times] : posted) {
        if (times == 0) {
            failures.add("final list: a POSTed event is missing", 0, "", ae::format::uuid_to_string(pk));
        }
    }
    std::uint64_t const created = st.created.load();
    if (count != static_cast<std::int64_t>(st.opt.fixtures + created)) {
        failures.add("final list: count is not fixtures + events answered 201", 0, "",
                     std::to_string(count) + " != " + std::to_string(st.opt.fixtures) + " + " +
                         std::to_string(created));
    }
    return count;
}

// The latency table: overall, then per kind of request.
void print_latencies(std::vector<worker_result> const& results) {
    std::array<std::vector<std::int64_t>, kind_count> by_kind;
    std::vector<std::int64_t> all;
    for (worker_result const& w : results) {
        for (std::size_t k = 0; k < kind_count; ++k) {
            by_kind[k].insert(by_kind[k].end(), w.nanoseconds[k].begin(), w.nanoseconds[k].end());
            all.insert(all.end(), w.nanoseconds[k].begin(), w.nanoseconds[k].end());
        }
    }
    std::sort(all.begin(), all.end());
    std::cout << std::fixed << std::setprecision(2) << "latency ms: p50 " << percentile_ms(all, 0.50) << "  p90 "
              << percentile_ms(all, 0.90) << "  p99 " << percentile_ms(all, 0.99) << "  max " << percentile_ms(all, 1.0)
              << '\n';
    std::cout << std::left << std::setw(14) << "kind" << std::right << std::setw(8) << "count" << std::setw(10)
              << "p50 ms" << std::setw(10) << "p99 ms" << std::setw(10) << "max ms" << '\n';
    for (std::size_t k = 0; k < kind_count; ++k) {
        std::sort(by_kind[k].begin(), by_kind[k].end());
        std::cout << std::left << std::setw(14) << kind_names[k] << std::right << std::setw(8) << by_kind[k].size()
                  << std::setw(10) << percentile_ms(by_kind[k], 0.50) << std::setw(10)
                  << percentile_ms(by_kind[k], 0.99) << std::setw(10) << percentile_ms(by_kind[k], 1.0) << '\n';
    }
}

int run(settings const& opt) {
    authentik_events_support::server_process server(opt.server,
                                                    {"--token", std::string(bearer_token), "--fixtures",
                                                     std::to_string(opt.fixtures), "--seed", std::to_string(opt.seed)});
    failure_log failures;
    load_state st;
    st.opt = opt;
    st.port = server.port_text();

    // The seeded events, to ask for by pk and to compare with.
    std::int64_t seeded_count = 0;
    {
        client::connection conn("127.0.0.1", st.port, request_timeout(opt));
        if (auto events = walk_list(conn, failures, "seeded list", seeded_count)) {
            st.seeded = std::move(*events);
        }
    }
    if (!st.seeded.empty() && (seeded_count != static_cast<std::int64_t>(opt.fixtures) ||
                               st.seeded.size() != static_cast<std::size_t>(seeded_count))) {
        failures.add("seeded list: not --fixtures events", 0, "",
                     "pagination.count " + std::to_string(seeded_count) + ", " + std::to_string(st.seeded.size()) +
                         " events listed, " + std::to_string(opt.fixtures) + " expected");
    }
    if (st.seeded.empty()) {
        std::cout << "the seeded events could not be read; no load was sent\n";
        failures.print(std::cout);
        (void)server.stop();
        return 1;
    }

    st.invalid_body = R"({"action":"not_an_action","app":""})";
    st.invalid_answer = ae::serialize(ae::to_validation_error(ae::parse<ae::EventRequest>(st.invalid_body).problems()));
    ae::GenericError not_found;
    not_found.detail = "No Event matches the given query.";
    st.unknown_answer = ae::serialize(not_found);

    // The load.
    std::vector<worker_result> results(opt.connections);
    auto const start = steady::now();
    st.deadline = start + opt.seconds;
    on_threads(opt.connections, [&st, &results](unsigned i) {
        try {
            worker(st, i, results[i]).run();
        } catch (std::exception const& e) {
            results[i].failures.add("worker: stopped by an exception", 0, e.what());
        }
    });
    double const elapsed = std::chrono::duration<double>(steady::now() - start).count();

    std::uint64_t issued = 0;
    std::uint64_t valid = 0;
    std::uint64_t posted = 0;
    for (worker_result const& w : results) {
        issued += w.issued;
        valid += w.valid;
        posted += w.posted.size();
        failures.merge(w.failures);
    }
    if (st.out_of_time.load()) {
        failures.add("load: the time bound passed", 0, "",
                     "--seconds " + std::to_string(opt.seconds.count()) + ": only " + std::to_string(issued) + " of " +
                         std::to_string(opt.requests) + " requests were sent");
    }
    std::uint64_t const created = st.created.load();

    // Nothing lost: every POSTed event reads back as it was answered, and the list holds it once.
    on_threads(opt.connections, [&st, &results](unsigned i) {
        try {
            read_back(st, results[i]);
        } catch (std::exception const& e) {
            results[i].read_back_failures.add("read back: stopped by an exception", 0, e.what());
        }
    });
    std::uint64_t read_back_unchanged = 0;
    for (worker_result const& w : results) {
        read_back_unchanged += w.read_back;
        failures.merge(w.read_back_failures);
    }
    std::int64_t const final_count = check_final_list(st, results, failures);
    bool const count_right = final_count == static_cast<std::int64_t>(opt.fixtures + created);

    // The server stops cleanly on SIGTERM.
    if (auto const status = server.stop(); !status) {
        failures.add("server: still running 20 s after SIGTERM (killed)", 0, "");
    } else if (*status != 0) {
        failures.add("server: exit status " + std::to_string(*status) + " after SIGTERM", 0, "");
    }

    // The report.
    std::cout << std::fixed << std::setprecision(2) << "connections " << opt.connections << ", requests " << issued
              << " in " << elapsed << " s: " << std::setprecision(0) << static_cast<double>(issued) / elapsed
              << " requests/s\n";
    print_latencies(results);
    std::cout << "verified: " << valid;
    if (valid != opt.requests) {
        std::cout << " of " << opt.requests;
    }
    std::cout << " responses valid, " << read_back_unchanged;
    if (read_back_unchanged != created) {
        std::cout << " of " << created;
    }
    std::cout << " POSTed events read back unchanged, list count ";
    if (final_count < 0) {
        std::cout << "unknown (the list could not be read)\n";
    } else {
        std::cout << final_count << (count_right ? " = " : " != ") << opt.fixtures << " + " << created << '\n';
    }
    if (!failures.empty() || valid != opt.requests || read_back_unchanged != created || posted != created) {
        std::cout << "FAILED: " << failures.total() << " failures of " << failures.kinds() << " kinds\n";
        failures.print(std::cout);
        return 1;
    }
    return 0;
}

} // namespace

int main(int argc, char** argv) {
    std::vector<std::string_view> const args(argv + 1, argv + argc);
    try {
        auto const s = read_settings(args);
        return s ? run(*s) : 0;
    } catch (usage_error const& e) {
        std::cerr << "authentik_events_server_load: " << e.what() << " (see --help)\n";
        return 2;
    } catch (std::exception const& e) {
        std::cerr << "authentik_events_server_load: " << e.what() << '\n';
        return 2;
    }
}
