#ifndef AUTHENTIK_EVENTS_SUPPORT_HTTP_CLIENT_HPP
#define AUTHENTIK_EVENTS_SUPPORT_HTTP_CLIENT_HPP

// A blocking HTTP/1.1 connection on Boost.Beast, kept alive between requests and opened again
// when the server has closed it. Used by authentik-events-client, the end-to-end test and the
// load check.

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/error.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/field.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/verb.hpp>
#include <boost/beast/http/write.hpp>
#include <boost/system/system_error.hpp>

#include <chrono>
#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>

namespace authentik_events_support {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

/// Where a URL points: `http://host[:port]/target`.
struct location {
    std::string host;
    std::string port = "80";
    std::string target = "/";
};

/// Splits an `http://` URL; nullopt for anything else (https is not spoken here). The fragment,
/// which is never sent, is dropped.
[[nodiscard]] inline std::optional<location> parse_url(std::string_view url) {
    constexpr std::string_view scheme = "http://";
    if (!url.starts_with(scheme)) {
        return std::nullopt;
    }
    url.remove_prefix(scheme.size());
    url = url.substr(0, url.find('#'));
    location out;
    // The authority ends at the path or, with none, at the query: `http://host?a=1` is `/?a=1`.
    std::size_t const end = url.find_first_of("/?");
    std::string_view authority = url.substr(0, end);
    if (end != std::string_view::npos) {
        out.target = (url[end] == '?' ? "/" : "") + std::string(url.substr(end));
    }
    std::size_t colon = authority.rfind(':');
    if (colon != std::string_view::npos && authority.find(']', colon) == std::string_view::npos) {
        out.port = std::string(authority.substr(colon + 1));
        authority = authority.substr(0, colon);
    }
    if (authority.size() >= 2 && authority.front() == '[' && authority.back() == ']') {
        authority = authority.substr(1, authority.size() - 2); // [::1]
    }
    // A URL's port is digits (RFC 3986); the resolver would also take a service name ("http").
    if (authority.empty() || out.port.empty() || out.port.size() > 5 ||
        out.port.find_first_not_of("0123456789") != std::string::npos || std::stoul(out.port) > 65535) {
        return std::nullopt;
    }
    out.host = std::string(authority);
    return out;
}

/// One answer: its status and body, and the message as read for the rest.
struct reply {
    unsigned status = 0;
    std::string body;
    http::response<http::string_body> message;
};

/// A connection to one server. Not for use by several threads at once.
class connection {
public:
    connection(std::string host, std::string port, std::chrono::milliseconds timeout = std::chrono::seconds(30))
        : host_(std::move(host)), port_(std::move(port)), timeout_(timeout), stream_(io_) {
        // RFC 9112: Host names the port unless it is the scheme's default, and an IPv6 address
        // in brackets, as in the URL.
        host_field_ = host_.find(':') != std::string::npos ? "[" + host_ + "]" : host_;
        if (port_ != "80") {
            host_field_ += ":" + port_;
        }
    }

    /// Sends one request and reads its answer. A connection the server closed since the last
    /// request is opened again, once. Throws boost::system::system_error on a network failure.
    reply send(http::verb method, std::string_view target, std::string_view token, std::string body = {},
               std::string_view content_type = "application/json") {
        http::request<http::string_body> req{method, target, 11};
        req.set(http::field::host, host_field_);
        req.set(http::field::user_agent, "authentik-events-client");
        if (!token.empty()) {
            req.set(http::field::authorization, "Bearer " + std::string(token));
        }
        if (method == http::verb::post || !body.empty()) {
            req.set(http::field::content_type, content_type);
            req.body() = std::move(body);
        }
        req.prepare_payload();
        return exchange(req);
    }

    reply get(std::string_view target, std::string_view token) { return send(http::verb::get, target, token); }

    reply post(std::string_view target, std::string_view token, std::string body) {
        return send(http::verb::post, target, token, std::move(body));
    }

    /// Sends a request as given, fields and all, and reads its answer.
    reply exchange(http::request<http::string_body> const& req) {
        bool const fresh = !open_;
        if (!open_) {
            open();
        }
        try {
            return round_trip(req);
        } catch (boost::system::system_error const& e) {
            // A kept-alive connection may have been closed by the server (timeout, stop) just
            // before the request: try once on a new one. A new connection failing is final, and
            // so is our own timeout: the server is slow, not gone, and trying again would double
            // the time allowed and could send a POST twice.
            if (fresh || e.code() == beast::error::timeout) {
                throw;
            }
            close();
            open();
            return round_trip(req);
        }
    }

    /// Ends the connection; the next request opens a new one.
    void close() noexcept {
        beast::error_code ignored;
        stream_.socket().shutdown(tcp::socket::shutdown_both, ignored);
        stream_.close();
        open_ = false;
        buffer_.clear();
    }

    ~connection() { close(); }
    connection(connection const&) = delete;
    connection& operator=(connection const&) = delete;

private:
    // Beast's timeouts apply to asynchronous operations only, so each step is one run of the
    // connection's own io_context.
    template <class Start>
    void run(Start start) {
        beast::error_code result;
        start(result);
        io_.restart();
        io_.run();
        if (result) {
            throw boost::system::system_error(result);
        }
    }

    void open() {
        tcp::resolver resolver(io_);
        auto const endpoints = resolver.resolve(host_, port_);
        stream_.expires_after(timeout_);
        run([&](beast::error_code& result) {
            stream_.async_connect(endpoints, [&](beast::error_code ec, auto const&) { result = ec; });
        });
        open_ = true;
    }

    reply round_trip(http::request<http::string_body> const& req) {
        stream_.expires_after(timeout_);
        http::response_parser<http::string_body> parser;
        parser.body_limit(std::size_t{1} << 30U); // a page of thousands of events is large
        run([&](beast::error_code& result) {
            http::async_write(stream_, req, [&](beast::error_code ec, std::size_t) {
                if (ec) {
                    result = ec;
                    return;
                }
                http::async_read(stream_, buffer_, parser, [&](beast::error_code ec2, std::size_t) { result = ec2; });
            });
        });
        reply out;
        out.message = parser.release();
        out.status = out.message.result_int();
        out.body = out.message.body();
        if (!out.message.keep_alive()) {
            close();
        }
        return out;
    }

    std::string host_;
    std::string port_;
    std::string host_field_;
    std::chrono::milliseconds timeout_;
    asio::io_context io_;
    beast::tcp_stream stream_;
    beast::flat_buffer buffer_;
    bool open_ = false;
};

} // namespace authentik_events_support

#endif
