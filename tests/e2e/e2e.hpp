#ifndef AUTHENTIK_EVENTS_TESTS_E2E_E2E_HPP
#define AUTHENTIK_EVENTS_TESTS_E2E_E2E_HPP

// What the end-to-end tests share: a server started per test, a client connection to it, and
// raw sockets for what a well-behaved client never sends.

#include <authentik/events.hpp>

#include <http_client.hpp>
#include <server_process.hpp>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/write.hpp>
#include <boost/test/unit_test.hpp>

#include <sys/socket.h>
#include <sys/time.h>

#include <chrono>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace authentik_events_tests {

namespace ae = authentik::events;
namespace client = authentik_events_support;
using authentik_events_support::program_output;
using authentik_events_support::run_program;
using authentik_events_support::server_process;
namespace http = client::http;

inline constexpr std::string_view token = "e2e-token";
inline constexpr std::string_view list_path = "/api/v3/events/events/";

/// A server of `fixtures` seeded events, and a connection to it.
struct running_server {
    explicit running_server(std::vector<std::string> extra = {}, int fixtures = 57)
        : process(AUTHENTIK_EVENTS_SERVER_PROGRAM, arguments(std::move(extra), fixtures)),
          connection("127.0.0.1", process.port_text()) {}

    static std::vector<std::string> arguments(std::vector<std::string> extra, int fixtures) {
        std::vector<std::string> args{
            "--token", std::string(token), "--fixtures", std::to_string(fixtures), "--seed", "7", "--timeout",
            "2",       "--threads",        "2"};
        args.insert(args.end(), extra.begin(), extra.end());
        return args;
    }

    [[nodiscard]] std::string url(std::string_view target = list_path) const {
        return "http://127.0.0.1:" + process.port_text() + std::string(target);
    }

    server_process process;
    client::connection connection;
};

/// The body parsed as T under the strict options (every key known, every action known), or a
/// test failure listing every problem.
template <class T>
T parsed(std::string const& body) {
    ae::result<T> r = ae::parse<T>(body, ae::schema::parse_options::strict());
    if (!r) {
        std::ostringstream problems;
        problems << r.problems();
        BOOST_FAIL("the body does not validate: " << problems.str() << "\n" << body);
    }
    return std::move(*r);
}

/// Bytes sent as they are on a new connection, and all that comes back until the server closes
/// it or `wait` passes (`closed` tells which).
struct raw_answer {
    std::string bytes;
    bool closed = false;
};

inline raw_answer raw_exchange(int port, std::string_view bytes,
                               std::chrono::milliseconds wait = std::chrono::seconds(10), bool shut_write = false) {
    namespace asio = boost::asio;
    asio::io_context io;
    asio::ip::tcp::socket socket(io);
    socket.connect({asio::ip::make_address("127.0.0.1"), static_cast<unsigned short>(port)});
    // A blocking read that gives up after a while: the test fails instead of hanging.
    timeval tv{};
    tv.tv_sec = 0;
    tv.tv_usec = 200'000;
    setsockopt(socket.native_handle(), SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    boost::system::error_code ec;
    asio::write(socket, asio::buffer(bytes.data(), bytes.size()), ec);
    if (shut_write) {
        socket.shutdown(asio::ip::tcp::socket::shutdown_send, ec);
    }
    raw_answer out;
    auto const deadline = std::chrono::steady_clock::now() + wait;
    char buf[4096];
    while (std::chrono::steady_clock::now() < deadline) {
        std::size_t const n = socket.read_some(asio::buffer(buf), ec);
        out.bytes.append(buf, n);
        if (ec == asio::error::eof || ec == asio::error::connection_reset) {
            out.closed = true;
            break;
        }
        if (ec && ec != asio::error::would_block && ec != asio::error::try_again) {
            out.closed = true; // any other failure also ends the connection
            break;
        }
    }
    return out;
}

/// The status of the first answer in raw bytes (`HTTP/1.1 400 ...`), 0 if there is none.
inline unsigned raw_status(std::string_view bytes) {
    if (bytes.size() < 12 || !bytes.starts_with("HTTP/1.")) {
        return 0;
    }
    return static_cast<unsigned>(std::stoi(std::string(bytes.substr(9, 3))));
}

/// The body of the first answer in raw bytes.
inline std::string raw_body(std::string_view bytes) {
    std::size_t const end = bytes.find("\r\n\r\n");
    return end == std::string_view::npos ? std::string{} : std::string(bytes.substr(end + 4));
}

} // namespace authentik_events_tests

#endif
