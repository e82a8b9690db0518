#ifndef AUTHENTIK_EVENTS_SERVER_HTTP_SERVER_HPP
#define AUTHENTIK_EVENTS_SERVER_HTTP_SERVER_HPP

// The HTTP side of the server, on Boost.Beast: accepts connections, reads each request within
// the body limit and the timeout, hands it to the api and writes the answer back. A request
// Beast cannot read is answered (400, or 413 past the body limit) and its connection closed;
// a connection that stops sending is closed when its timeout passes.

#include "api.hpp"

#include <boost/asio/dispatch.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core/error.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/write.hpp>

#include <array>
#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace authentik_events_server {

namespace asio = boost::asio;
namespace beast = boost::beast;
using tcp = asio::ip::tcp;

/// The limits Beast reads each request under.
struct http_options {
    /// A request body past this many bytes gets 413 (Django's DATA_UPLOAD_MAX_MEMORY_SIZE).
    std::size_t body_limit = 2'621'440;
    /// A request line and headers past this many bytes get 400.
    std::uint32_t header_limit = 16 * 1024;
    /// How long a connection may take to send one whole request, or stay idle between two.
    std::chrono::milliseconds timeout{30'000};
};

class http_server;

namespace detail {

// One connection: read a request, answer it, and again while both sides keep it alive. All of
// its handlers run on its own strand.
class session : public std::enable_shared_from_this<session> {
public:
    session(tcp::socket&& socket, http_server& server);

    void start() {
        asio::dispatch(stream_.get_executor(), [self = shared_from_this()] { self->read(); });
    }

    // Stops after the answer being written, if any: an idle connection is closed at once.
    void stop() {
        asio::dispatch(stream_.get_executor(), [self = shared_from_this()] {
            self->stopping_ = true;
            if (!self->busy_) {
                self->close();
            }
        });
    }

private:
    void read();
    void on_read(beast::error_code ec);
    void write(response res, bool close_after);
    void on_write(beast::error_code ec, bool close_after);
    void linger();
    void drain();
    void close() {
        beast::error_code ignored;
        stream_.socket().shutdown(tcp::socket::shutdown_both, ignored);
        stream_.close();
    }

    beast::tcp_stream stream_;
    http_server& server_;
    beast::flat_buffer buffer_;
    std::optional<http::request_parser<http::string_body>> parser_;
    response res_;
    std::array<char, 4096> drain_{};
    bool busy_ = false;
    bool stopping_ = false;
};

} // namespace detail

/// Accepts on one endpoint and serves every connection with an api.
class http_server {
public:
    http_server(asio::io_context& io, tcp::endpoint const& where, api const& handler, http_options options)
        : io_(io), acceptor_(asio::make_strand(io)), api_(handler), opt_(options) {
        acceptor_.open(where.protocol());
        acceptor_.set_option(asio::socket_base::reuse_address(true));
        acceptor_.bind(where);
        acceptor_.listen(asio::socket_base::max_listen_connections);
    }

    /// The port bound: the one asked for, or the one the system picked for port 0.
    [[nodiscard]] unsigned short port() const { return acceptor_.local_endpoint().port(); }

    /// Begins accepting.
    void start() { accept(); }

    /// Stops accepting, and closes every connection once the answer it is writing is sent.
    /// Safe to call from any thread, more than once.
    void stop() {
        asio::dispatch(acceptor_.get_executor(), [this] {
            beast::error_code ignored;
            acceptor_.close(ignored);
            retry_.cancel();
        });
        std::vector<std::shared_ptr<detail::session>> live;
        {
            std::lock_guard const lock(sessions_mutex_);
            stopping_ = true;
            for (auto const& w : sessions_) {
                if (auto s = w.lock()) {
                    live.push_back(std::move(s));
                }
            }
        }
        for (auto const& s : live) {
            s->stop();
        }
    }

    /// Requests answered so far, malformed ones included.
    [[nodiscard]] std::uint64_t requests() const noexcept { return requests_.load(); }

    [[nodiscard]] api const& handler() const noexcept { return api_; }
    [[nodiscard]] http_options const& options() const noexcept { return opt_; }
    void count_request() noexcept { requests_.fetch_add(1, std::memory_order_relaxed); }

private:
    void accept() {
        acceptor_.async_accept(asio::make_strand(io_), [this](beast::error_code ec, tcp::socket socket) {
            if (ec == asio::error::operation_aborted || !acceptor_.is_open()) {
                return; // stopped
            }
            if (!ec) {
                auto s = std::make_shared<detail::session>(std::move(socket), *this);
                bool admitted = false;
                {
                    std::lock_guard const lock(sessions_mutex_);
                    if (!stopping_) {
                        // Forget the sessions that have ended, so the list stays as long as the live ones.
                        std::erase_if(sessions_, [](auto const& w) { return w.expired(); });
                        sessions_.push_back(s);
                        admitted = true;
                    }
                }
                if (admitted) {
                    s->start();
                }
            }
            if (ec) {
                // An accept that failed (too many open files, say) does not stop the server, but
                // trying again at once would only spin: wait a little first.
                retry_.expires_after(std::chrono::milliseconds(50));
                retry_.async_wait([this](beast::error_code wait_ec) {
                    if (!wait_ec && acceptor_.is_open()) {
                        accept();
                    }
                });
                return;
            }
            accept();
        });
    }

    asio::io_context& io_;
    tcp::acceptor acceptor_;
    asio::steady_timer retry_{acceptor_.get_executor()};
    api const& api_;
    http_options opt_;
    std::atomic<std::uint64_t> requests_{0};
    std::mutex sessions_mutex_;
    std::vector<std::weak_ptr<detail::session>> sessions_;
    bool stopping_ = false;
};

namespace detail {

inline session::session(tcp::socket&& socket, http_server& server) : stream_(std::move(socket)), server_(server) {}

inline void session::read() {
    if (stopping_) {
        return close();
    }
    parser_.emplace();
    parser_->body_limit(server_.options().body_limit);
    parser_->header_limit(server_.options().header_limit);
    stream_.expires_after(server_.options().timeout);
    http::async_read(stream_, buffer_, *parser_,
                     [self = shared_from_this()](beast::error_code ec, std::size_t) { self->on_read(ec); });
}

inline void session::on_read(beast::error_code ec) {
    if (ec == http::error::end_of_stream || ec == beast::error::timeout || ec == asio::error::operation_aborted) {
        return close(); // the client left, went quiet, or the server is stopping
    }
    if (ec == http::error::body_limit) {
        server_.count_request();
        return write(
            api::error(http::status::payload_too_large,
                       "Request body is larger than " + std::to_string(server_.options().body_limit) + " bytes.", 11,
                       false),
            true);
    }
    if (ec == http::error::header_limit) {
        server_.count_request();
        return write(
            api::error(http::status::request_header_fields_too_large,
                       "Request headers are larger than " + std::to_string(server_.options().header_limit) + " bytes.",
                       11, false),
            true);
    }
    if (ec) {
        if (ec.category() != http::make_error_code(http::error::bad_target).category()) {
            return close(); // a socket error: nobody to answer
        }
        server_.count_request();
        return write(api::error(http::status::bad_request, "Malformed HTTP request: " + ec.message() + ".", 11, false),
                     true);
    }
    server_.count_request();
    request const& req = parser_->get();
    response res = server_.handler().handle(req);
    bool const close_after = !res.keep_alive() || stopping_;
    if (close_after) {
        res.keep_alive(false);
    }
    write(std::move(res), close_after);
}

inline void session::write(response res, bool close_after) {
    busy_ = true;
    res_ = std::move(res);
    stream_.expires_after(server_.options().timeout);
    http::async_write(stream_, res_, [self = shared_from_this(), close_after](beast::error_code ec, std::size_t) {
        self->on_write(ec, close_after);
    });
}

inline void session::on_write(beast::error_code ec, bool close_after) {
    busy_ = false;
    res_ = {};
    if (ec) {
        return close();
    }
    if (close_after || stopping_) {
        return linger();
    }
    read();
}

// Closing a socket with unread bytes makes the kernel reset the connection, and a reset can
// destroy the answer before the client reads it: after a 413 the client is often still
// sending. So the sending side is shut first and what still arrives is read and dropped until
// the client closes or a second passes.
inline void session::linger() {
    beast::error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
    stream_.expires_after(std::chrono::seconds(1)); // one deadline for all the reads below
    drain();
}

inline void session::drain() {
    stream_.async_read_some(asio::buffer(drain_), [self = shared_from_this()](beast::error_code ec, std::size_t) {
        if (ec) {
            return self->close();
        }
        self->drain();
    });
}

} // namespace detail

} // namespace authentik_events_server

#endif
