#ifndef AUTHENTIK_EVENTS_SERVER_API_HPP
#define AUTHENTIK_EVENTS_SERVER_API_HPP

// What the server answers to one HTTP request: routing, the bearer token, the three endpoints
// and their errors, as authentik's API answers them. No sockets here: a request in, a response
// out, so that every answer is decided in one place.

#include "event_store.hpp"

#include <authentik/events.hpp>

#include <boost/beast/core/string.hpp>
#include <boost/beast/http/field.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/status.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/verb.hpp>
#include <boost/uuid/random_generator.hpp>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace authentik_events_server {

namespace http = boost::beast::http;

using request = http::request<http::string_body>;
using response = http::response<http::string_body>;

/// The list endpoint; an event is `events_path` + its pk + `/`.
inline constexpr std::string_view events_path = "/api/v3/events/events/";
/// The server's name in the `Server` header.
inline constexpr std::string_view server_name = "authentik-events-server";

/// What the api answers with: the token, the page sizes, the retention of a POSTed event.
struct api_options {
    /// The one bearer token accepted.
    std::string token;
    /// Results on a page when `page_size` is absent or not a positive integer (authentik's
    /// PAGE_SIZE).
    std::size_t default_page_size = 100;
    /// A larger `page_size` is cut to this.
    std::size_t max_page_size = 1000;
    /// An event POSTed without `expires` expires this long after it is created (authentik's
    /// default retention).
    std::chrono::hours retention{24 * 365};
};

namespace detail {

[[nodiscard]] inline int hex_digit(char c) noexcept {
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

// A query component with `+` and `%XX` decoded; a bad escape is kept as written, as Django does.
[[nodiscard]] inline std::string url_decode(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '+') {
            out.push_back(' ');
        } else if (s[i] == '%' && i + 2 < s.size() && hex_digit(s[i + 1]) >= 0 && hex_digit(s[i + 2]) >= 0) {
            out.push_back(static_cast<char>(hex_digit(s[i + 1]) * 16 + hex_digit(s[i + 2])));
            i += 2;
        } else {
            out.push_back(s[i]);
        }
    }
    return out;
}

// The last value of `name` in a query string (Django's QueryDict.get), decoded.
[[nodiscard]] inline std::optional<std::string> query_value(std::string_view query, std::string_view name) {
    std::optional<std::string> found;
    while (!query.empty()) {
        std::size_t const amp = query.find('&');
        std::string_view const pair = query.substr(0, amp);
        query = amp == std::string_view::npos ? std::string_view{} : query.substr(amp + 1);
        std::size_t const eq = pair.find('=');
        if (url_decode(pair.substr(0, eq)) == name) {
            found = eq == std::string_view::npos ? std::string{} : url_decode(pair.substr(eq + 1));
        }
    }
    return found;
}

// A whole number of decimal digits and nothing else, up to a bound that cannot overflow.
[[nodiscard]] inline std::optional<std::size_t> whole_number(std::string_view s) noexcept {
    if (s.empty() || s.size() > 18) {
        return std::nullopt;
    }
    std::size_t n = 0;
    for (char const c : s) {
        if (c < '0' || c > '9') {
            return std::nullopt;
        }
        n = n * 10 + static_cast<std::size_t>(c - '0');
    }
    return n;
}

// Compares every byte whatever the first difference, so that the time taken does not tell how
// much of a guessed token was right (its length it may tell).
[[nodiscard]] inline bool same_secret(std::string_view a, std::string_view b) noexcept {
    if (a.size() != b.size()) {
        return false;
    }
    unsigned diff = 0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        diff |= static_cast<unsigned>(static_cast<unsigned char>(a[i]) ^ static_cast<unsigned char>(b[i]));
    }
    return diff == 0;
}

[[nodiscard]] inline std::string_view trim(std::string_view s) noexcept {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) {
        s.remove_prefix(1);
    }
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) {
        s.remove_suffix(1);
    }
    return s;
}

} // namespace detail

/// Answers requests for one event store. Safe to call from several threads at once.
class api {
public:
    api(event_store& store, api_options options) : store_(store), opt_(std::move(options)) {}

    /// The response to `req`. Never throws: an unexpected failure is a 500 with a GenericError.
    [[nodiscard]] response handle(request const& req) const noexcept {
        try {
            response res = route(req);
            res.version(req.version());
            res.keep_alive(req.keep_alive());
            return res;
        } catch (std::exception const&) {
            return error(http::status::internal_server_error, "A server error occurred.", req.version(), false);
        }
    }

    /// A GenericError response: `{"detail": ...}`, as DRF writes its errors.
    [[nodiscard]] static response error(http::status status, std::string_view detail, unsigned version = 11,
                                        bool keep_alive = true) noexcept {
        try {
            ae::GenericError body;
            body.detail = std::string(detail);
            response res = json(status, ae::serialize(body));
            res.version(version);
            res.keep_alive(keep_alive);
            return res;
        } catch (...) {
            response res;
            res.result(http::status::internal_server_error);
            return res;
        }
    }

private:
    [[nodiscard]] static response json(http::status status, std::string body) {
        response res{status, 11};
        res.set(http::field::server, server_name);
        res.set(http::field::content_type, "application/json");
        res.body() = std::move(body);
        res.prepare_payload();
        return res;
    }

    [[nodiscard]] response route(request const& req) const {
        std::string_view const target = req.target();
        std::size_t const q = target.find('?');
        std::string_view const path = target.substr(0, q);
        std::string_view const query = q == std::string_view::npos ? std::string_view{} : target.substr(q + 1);

        // Django resolves the URL first, so an unknown path is a 404 whatever the token.
        bool const is_list = path == events_path;
        std::string_view id;
        if (!is_list) {
            if (!path.starts_with(events_path) || !path.ends_with('/')) {
                return error(http::status::not_found, "Not found.");
            }
            id = path.substr(events_path.size(), path.size() - events_path.size() - 1);
            if (id.empty() || id.find('/') != std::string_view::npos) {
                return error(http::status::not_found, "Not found.");
            }
        }
        if (auto denied = authenticate(req)) {
            return std::move(*denied);
        }
        if (is_list && req.method() == http::verb::get) {
            return list(query);
        }
        if (is_list && req.method() == http::verb::post) {
            return create(req);
        }
        if (!is_list && req.method() == http::verb::get) {
            return retrieve(id);
        }
        response res =
            error(http::status::method_not_allowed, "Method \"" + std::string(req.method_string()) + "\" not allowed.");
        res.set(http::field::allow, is_list ? "GET, POST" : "GET");
        return res;
    }

    // authentik's token check: no credentials, another scheme, or a token it does not know.
    [[nodiscard]] std::optional<response> authenticate(request const& req) const {
        auto const it = req.find(http::field::authorization);
        std::string_view const header =
            it == req.end() ? std::string_view{} : detail::trim(std::string_view(it->value()));
        std::size_t const space = header.find(' ');
        if (space == std::string_view::npos) {
            return error(http::status::forbidden, "Authentication credentials were not provided.");
        }
        if (!boost::beast::iequals(header.substr(0, space), "bearer")) {
            return error(http::status::forbidden, "Unsupported authentication type");
        }
        if (!detail::same_secret(detail::trim(header.substr(space + 1)), opt_.token)) {
            return error(http::status::forbidden, "Token invalid/expired");
        }
        return std::nullopt;
    }

    // GET /api/v3/events/events/: one page, as DRF's PageNumberPagination and Django's
    // Paginator count it.
    [[nodiscard]] response list(std::string_view query) const {
        std::size_t page_size = opt_.default_page_size;
        if (auto const v = detail::query_value(query, "page_size")) {
            if (auto const n = detail::whole_number(*v); n && *n > 0) {
                page_size = std::min(*n, opt_.max_page_size);
            }
        }
        // DRF's OrderingFilter drops a field it does not allow; with none left, the default holds.
        list_order order = list_order::newest_first;
        if (auto const v = detail::query_value(query, "ordering")) {
            std::string_view rest = *v;
            while (!rest.empty()) {
                std::size_t const comma = rest.find(',');
                std::string_view const field = detail::trim(rest.substr(0, comma));
                rest = comma == std::string_view::npos ? std::string_view{} : rest.substr(comma + 1);
                if (field == "created" || field == "-created") {
                    order = field == "created" ? list_order::oldest_first : list_order::newest_first;
                    break;
                }
            }
        }
        // Django's Paginator: an empty list still has its one (empty) page.
        auto const pages_of = [page_size](std::size_t count) {
            return count == 0 ? 1 : (count + page_size - 1) / page_size;
        };
        std::size_t const pages = pages_of(store_.size());
        std::size_t page = 1;
        if (auto const v = detail::query_value(query, "page"); v && !v->empty()) {
            if (*v == "last") {
                page = pages;
            } else if (auto const n = detail::whole_number(*v); n && *n >= 1 && *n <= pages) {
                page = *n;
            } else {
                return error(http::status::not_found, "Invalid page.");
            }
        }
        list_slice slice = store_.slice(order, (page - 1) * page_size, page_size);
        // An event stored between size() and slice() may add a page; the slice's count rules.
        std::size_t const total_pages = pages_of(slice.count);
        ae::PaginatedEventList out;
        out.results.reserve(slice.events.size());
        for (event_ptr const& e : slice.events) {
            out.results.push_back(e->event);
        }
        auto const n = static_cast<std::int64_t>(page);
        out.pagination.current = n;
        out.pagination.next = page < total_pages ? n + 1 : 0;
        out.pagination.previous = page > 1 ? n - 1 : 0;
        out.pagination.count = static_cast<std::int64_t>(slice.count);
        out.pagination.total_pages = static_cast<std::int64_t>(total_pages);
        out.pagination.start_index = slice.count == 0 ? 0 : static_cast<std::int64_t>((page - 1) * page_size + 1);
        out.pagination.end_index = static_cast<std::int64_t>((page - 1) * page_size + slice.events.size());
        return json(http::status::ok, ae::serialize(out));
    }

    // GET /api/v3/events/events/{event_uuid}/: a pk that is not a UUID finds nothing, as in
    // DRF's get_object_or_404.
    [[nodiscard]] response retrieve(std::string_view id) const {
        boost::uuids::uuid pk{};
        std::string_view why;
        event_ptr found;
        if (ae::format::parse_uuid(id, pk, why)) {
            found = store_.find(pk);
        }
        if (!found) {
            return error(http::status::not_found, "No Event matches the given query.");
        }
        return json(http::status::ok, found->body);
    }

    // POST /api/v3/events/events/: an EventRequest in, the stored Event out.
    [[nodiscard]] response create(request const& req) const {
        auto const it = req.find(http::field::content_type);
        std::string_view const type = it == req.end() ? std::string_view{} : std::string_view(it->value());
        std::string_view const media = detail::trim(type.substr(0, type.find(';')));
        if (!media.empty() && !boost::beast::iequals(media, "application/json")) {
            return error(http::status::unsupported_media_type,
                         "Unsupported media type \"" + std::string(type) + "\" in request.");
        }
        // DRF reads an empty body as no fields at all: the missing ones are then reported.
        ae::result<ae::EventRequest> body = ae::parse<ae::EventRequest>(req.body().empty() ? "{}" : req.body());
        if (!body) {
            return json(http::status::bad_request, ae::serialize(ae::to_validation_error(body.problems())));
        }
        ae::Event e = make_event(std::move(*body));
        for (;;) {
            auto [stored, added] = store_.insert(std::move(e)); // moved from only when added
            if (added) {
                return json(http::status::created, stored->body);
            }
            e.pk = new_pk(); // a random UUID drawn twice: draw another
        }
    }

    // The event the server stores for a request: what the model's defaults fill in.
    [[nodiscard]] ae::Event make_event(ae::EventRequest&& r) const {
        using namespace std::chrono;
        ae::Event e;
        e.pk = new_pk();
        e.created = ae::format::date_time::from_unix_microseconds(
            duration_cast<microseconds>(system_clock::now().time_since_epoch()).count());
        e.user = r.user ? std::move(*r.user) : boost::json::object{};
        e.action = std::move(r.action);
        e.app = std::move(r.app);
        e.context = r.context ? std::move(*r.context) : boost::json::object{};
        e.client_ip = r.client_ip.has_value() ? ae::schema::nullable<std::string>(std::move(*r.client_ip))
                                              : ae::schema::nullable<std::string>(nullptr);
        e.expires = r.expires
                        ? *r.expires
                        : ae::format::date_time::from_unix_microseconds(
                              e.created.unix_microseconds() + duration_cast<microseconds>(opt_.retention).count());
        e.brand = r.brand ? std::move(*r.brand) : boost::json::object{};
        return e;
    }

    [[nodiscard]] static boost::uuids::uuid new_pk() {
        thread_local boost::uuids::random_generator generate;
        return generate();
    }

    event_store& store_;
    api_options opt_;
};

} // namespace authentik_events_server

#endif
