// authentik-events-server: authentik's events API over HTTP, from an in-memory store seeded with
// fixtures. See docs/http.md.

#include "http_server.hpp"

#include <authentik/events/fixtures.hpp>

#include <boost/asio/ip/address.hpp>
#include <boost/asio/signal_set.hpp>

#include <charconv>
#include <csignal>
#include <cstdint>
#include <exception>
#include <iostream>
#include <limits>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace {

namespace server = authentik_events_server;

constexpr std::string_view usage = R"(usage: authentik-events-server --token TOKEN [options]

Serves authentik's events API on loopback from an in-memory store:
  GET  /api/v3/events/events/               a page (page, page_size, ordering=-created|created)
  GET  /api/v3/events/events/{event_uuid}/  one event
  POST /api/v3/events/events/               an EventRequest in, 201 with the stored Event out
Every request needs "Authorization: Bearer TOKEN". Prints "listening on http://ADDRESS:PORT"
as its first line, and stops on SIGINT or SIGTERM once the answers being written are sent.

options:
  --token TOKEN        the bearer token accepted (required)
  --port P             port to listen on; 0 picks a free one (default 9000)
  --address A          address to bind (default 127.0.0.1, loopback only)
  --fixtures N         events generated into the store at start (default 100)
  --seed S             seed of those events (default 1)
  --body-limit BYTES   a larger request body gets 413 (default 2621440)
  --timeout SECONDS    time a connection has to send a request (default 30)
  --threads N          threads serving requests (default: one per core)
  --help               this text
)";

struct usage_error : std::runtime_error {
    using std::runtime_error::runtime_error;
};

std::uint64_t whole_number(std::string_view name, std::string_view text, std::uint64_t max) {
    std::uint64_t n = 0;
    auto const [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
    if (ec != std::errc{} || end != text.data() + text.size() || text.empty() || n > max) {
        throw usage_error("option " + std::string(name) + " wants a whole number up to " + std::to_string(max) +
                          ", not \"" + std::string(text) + "\"");
    }
    return n;
}

struct settings {
    server::api_options api;
    server::http_options http;
    std::string address = "127.0.0.1";
    unsigned short port = 9000;
    std::size_t fixtures = 100;
    std::uint64_t seed = 1;
    unsigned threads = 0;
};

std::optional<settings> read_settings(std::vector<std::string_view> const& args) {
    settings s;
    bool token = false;
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
        if (name == "--token") {
            s.api.token = std::string(value());
            token = true;
        } else if (name == "--port") {
            s.port = static_cast<unsigned short>(whole_number(name, value(), 65535));
        } else if (name == "--address") {
            s.address = std::string(value());
        } else if (name == "--fixtures") {
            s.fixtures = whole_number(name, value(), 10'000'000);
        } else if (name == "--seed") {
            s.seed = whole_number(name, value(), std::numeric_limits<std::uint64_t>::max());
        } else if (name == "--body-limit") {
            s.http.body_limit = whole_number(name, value(), std::uint64_t{1} << 32U);
        } else if (name == "--timeout") {
            s.http.timeout = std::chrono::seconds(whole_number(name, value(), 86'400));
        } else if (name == "--threads") {
            s.threads = static_cast<unsigned>(whole_number(name, value(), 256));
        } else {
            throw usage_error("unknown option \"" + std::string(name) + "\"");
        }
    }
    if (!token || s.api.token.empty()) {
        throw usage_error("--token TOKEN is required: every request must carry it");
    }
    if (s.api.token.find_first_of(" \t\r\n") != std::string::npos) {
        throw usage_error("the token cannot hold spaces");
    }
    if (s.http.timeout.count() == 0) {
        throw usage_error("--timeout must be at least 1 second");
    }
    return s;
}

int serve(settings const& s) {
    server::event_store store;
    authentik::events::fixtures::generator fixtures(s.seed);
    for (std::size_t i = 0; i < s.fixtures; ++i) {
        (void)store.insert(fixtures.event()); // a repeated pk (never seen) would just be skipped
    }
    server::api const api(store, s.api);

    server::asio::io_context io;
    server::tcp::endpoint const where(server::asio::ip::make_address(s.address), s.port);
    server::http_server http(io, where, api, s.http);
    http.start();

    server::asio::signal_set signals(io, SIGINT, SIGTERM);
    signals.async_wait([&](boost::system::error_code ec, int) {
        if (!ec) {
            http.stop();
        }
    });

    std::string const host = where.address().is_v6() ? "[" + s.address + "]" : s.address;
    std::cout << "listening on http://" << host << ':' << http.port() << std::endl; // flushed: a parent waits for it
    std::cerr << "serving " << store.size() << " events (seed " << s.seed << ")\n";

    unsigned const n = s.threads != 0 ? s.threads : std::max(1U, std::thread::hardware_concurrency());
    std::vector<std::thread> workers;
    workers.reserve(n - 1);
    for (unsigned i = 1; i < n; ++i) {
        workers.emplace_back([&io] { io.run(); });
    }
    io.run(); // returns when the acceptor and every connection are closed
    for (auto& t : workers) {
        t.join();
    }
    std::cerr << "stopped after " << http.requests() << " requests; " << store.size() << " events stored\n";
    return 0;
}

} // namespace

int main(int argc, char** argv) {
    std::vector<std::string_view> const args(argv + 1, argv + argc);
    try {
        auto const s = read_settings(args);
        return s ? serve(*s) : 0;
    } catch (usage_error const& e) {
        std::cerr << "authentik-events-server: " << e.what() << " (see --help)\n";
        return 2;
    } catch (std::exception const& e) {
        std::cerr << "authentik-events-server: " << e.what() << '\n';
        return 1;
    }
}
