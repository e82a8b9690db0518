// authentik-events-client: reads authentik's events API over HTTP and checks every answer with
// the library: a page, every page, one event, or a POSTed EventRequest. See docs/http.md.
//
// Exit status: 0 success, 1 the server answered an error or a body that does not validate,
// 2 usage error, 3 network failure.

#include <http_client.hpp>

#include <authentik/events.hpp>

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>
#include <boost/system/system_error.hpp>

#include <cerrno>
#include <charconv>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <exception>
#include <fstream>
#include <iostream>
#include <iterator>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

namespace {

namespace ae = authentik::events;
namespace client = authentik_events_support;

constexpr std::string_view program = "authentik-events-client";
constexpr int exit_ok = 0;
constexpr int exit_failure = 1;
constexpr int exit_usage = 2;
constexpr int exit_network = 3;

constexpr std::string_view usage = R"(usage: authentik-events-client [options] URL

Sends one request to authentik's events API (or authentik-events-server) and checks the
answer with the library:
  GET  http://HOST:PORT/api/v3/events/events/        a page: a PaginatedEventList
  GET  http://HOST:PORT/api/v3/events/events/{pk}/   one Event
  POST http://HOST:PORT/api/v3/events/events/        with --post: 201 and the stored Event
Prints each event as "pk created action app client_ip" (client_ip "null" when null, "-" when
absent), and after a page "N events on P pages, count C". An error answer is printed to stderr
as "HTTP STATUS: detail", one line per message of a 400; a body that is not valid as its type
as "URL: the body is not a valid TYPE:" and every problem, each at its JSON Pointer. The body of
any other URL is printed as received.

options:
  --token T          bearer token (default: $AUTHENTIK_TOKEN; none: no Authorization header)
  --all              follow pagination.next and fetch every page from the URL's on
  --page-size N      ask for N events a page (sets page_size in the query)
  --post FILE        POST the content of FILE ("-": stdin) as application/json
  --raw              print only "HTTP STATUS" and the body as received for each answer, the
                     body followed by a newline when it does not end in one
  --timeout SECONDS  time allowed to connect and for each answer (default 30)
  -h, --help         this text

Exit status: 0 success, 1 the server answered an error status or a body that does not
validate, 2 usage error, 3 network failure (connection refused, timeout, ...).
)";

// Thrown for a usage mistake; main() prints it with a pointer to --help and exits 2.
struct usage_error : std::runtime_error {
    using std::runtime_error::runtime_error;
};

struct settings {
    std::string url;
    std::optional<std::string> token;
    bool all = false;
    std::optional<std::uint64_t> page_size;
    std::optional<std::string> post_file;
    bool raw = false;
    std::chrono::milliseconds timeout = std::chrono::seconds(30);
};

std::uint64_t positive_whole_number(std::string_view name, std::string_view text) {
    std::uint64_t n = 0;
    auto const [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
    if (ec != std::errc{} || end != text.data() + text.size() || text.empty() || n == 0 || n > 1'000'000'000) {
        throw usage_error("option " + std::string(name) + " wants a whole number from 1 to 1000000000, not \"" +
                          std::string(text) + "\"");
    }
    return n;
}

std::chrono::milliseconds seconds_option(std::string_view name, std::string_view text) {
    double s = 0;
    auto const [end, ec] = std::from_chars(text.data(), text.data() + text.size(), s);
    // Written so that NaN fails too.
    if (ec != std::errc{} || end != text.data() + text.size() || text.empty() || !(s > 0 && s <= 86'400)) {
        throw usage_error("option " + std::string(name) + " wants a number of seconds above 0 and up to 86400, not \"" +
                          std::string(text) + "\"");
    }
    auto const ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::duration<double>(s));
    return ms.count() > 0 ? ms : std::chrono::milliseconds(1);
}

std::optional<settings> read_settings(std::vector<std::string_view> const& args) {
    settings s;
    std::optional<std::string_view> url;
    for (std::size_t i = 0; i < args.size(); ++i) {
        std::string_view name = args[i];
        if (!name.starts_with('-') || name == "-") {
            if (url) {
                throw usage_error("one URL only, not also \"" + std::string(name) + "\"");
            }
            url = name;
            continue;
        }
        std::optional<std::string_view> inline_value;
        if (auto const eq = name.find('='); eq != std::string_view::npos && name.starts_with("--")) {
            inline_value = name.substr(eq + 1);
            name = name.substr(0, eq);
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
        auto flag = [&] {
            if (inline_value) {
                throw usage_error("option " + std::string(name) + " takes no value");
            }
        };
        if (name == "-h" || name == "--help") {
            flag();
            std::cout << usage;
            return std::nullopt;
        }
        if (name == "--token") {
            s.token = std::string(value());
        } else if (name == "--all") {
            flag();
            s.all = true;
        } else if (name == "--page-size") {
            s.page_size = positive_whole_number(name, value());
        } else if (name == "--post") {
            s.post_file = std::string(value());
        } else if (name == "--raw") {
            flag();
            s.raw = true;
        } else if (name == "--timeout") {
            s.timeout = seconds_option(name, value());
        } else {
            throw usage_error("unknown option \"" + std::string(name) + "\"");
        }
    }
    if (!url) {
        throw usage_error("a URL is required");
    }
    s.url = std::string(*url);
    if (s.post_file && (s.all || s.page_size)) {
        throw usage_error("--all and --page-size read pages; they do not apply with --post");
    }
    return s;
}

// What the path of a URL says its answer is.
enum class resource { list, event, other };

resource resource_of(std::string_view target) {
    constexpr std::string_view list_suffix = "/events/events/";
    std::string_view path = target.substr(0, target.find('?'));
    if (path.ends_with(list_suffix)) {
        return resource::list;
    }
    if (!path.ends_with('/')) {
        return resource::other;
    }
    path.remove_suffix(1);
    std::size_t const slash = path.rfind('/');
    if (slash == std::string_view::npos || slash + 1 == path.size()) {
        return resource::other;
    }
    return path.substr(0, slash + 1).ends_with(list_suffix) ? resource::event : resource::other;
}

// The target with every `name=...` dropped from its query and `name=value` added at its end.
// Every one goes, not just the first: Django reads the last of several.
std::string with_query_value(std::string_view target, std::string_view name, std::string_view value) {
    std::size_t const q = target.find('?');
    std::string out(target.substr(0, q));
    std::string_view query = q == std::string_view::npos ? std::string_view{} : target.substr(q + 1);
    char separator = '?';
    while (!query.empty()) {
        std::size_t const amp = query.find('&');
        std::string_view const pair = query.substr(0, amp);
        query = amp == std::string_view::npos ? std::string_view{} : query.substr(amp + 1);
        if (pair.empty() || pair.substr(0, pair.find('=')) == name) {
            continue;
        }
        out += separator;
        out += pair;
        separator = '&';
    }
    out += separator;
    out += name;
    out += '=';
    out += value;
    return out;
}

std::string number_text(ae::schema::number const& n) {
    if (n.is_int64()) {
        return std::to_string(n.as_int64());
    }
    if (n.is_uint64()) {
        return std::to_string(n.as_uint64());
    }
    std::ostringstream os;
    os << n.as_double();
    return os.str();
}

std::string client_ip_text(ae::nullable<std::string> const& ip) {
    if (ip.has_value()) {
        return *ip;
    }
    return ip.is_null() ? "null" : "-";
}

void print_event(std::ostream& out, ae::Event const& e) {
    out << ae::format::uuid_to_string(e.pk) << ' ' << ae::format::date_time_to_string(e.created) << ' '
        << e.action.text() << ' ' << e.app << ' ' << client_ip_text(e.client_ip) << '\n';
}

void print_raw(std::ostream& out, client::reply const& r) {
    out << "HTTP " << r.status << '\n' << r.body;
    if (!r.body.empty() && r.body.back() != '\n') {
        out << '\n';
    }
}

// A 400's messages, one line per message; nested errors (a field of a field) are named by
// their path, `user.email`.
void print_messages(std::ostream& err, unsigned status, std::string const& field, boost::json::value const& v,
                    std::size_t& lines) {
    if (v.is_string()) {
        err << "HTTP " << status << ": " << field << ": " << std::string_view(v.get_string()) << '\n';
        ++lines;
    } else if (v.is_array()) {
        for (auto const& m : v.get_array()) {
            print_messages(err, status, field, m, lines);
        }
    } else if (v.is_object()) {
        for (auto const& [key, nested] : v.get_object()) {
            print_messages(err, status, field + "." + std::string(key), nested, lines);
        }
    } else {
        err << "HTTP " << status << ": " << field << ": " << boost::json::serialize(v) << '\n';
        ++lines;
    }
}

// An error status: the server's own words when the body is one of the API's error types, else
// the body as it came.
void report_error_status(std::ostream& err, client::reply const& r) {
    // A GenericError and nothing more is one whatever the status: the server answers some 400s
    // (a request it cannot read) with one, and as a ValidationError it would read `detail: ...`.
    ae::result<ae::GenericError> const generic = ae::parse<ae::GenericError>(r.body);
    if (generic && (r.status != 400 || generic->unknown_fields.empty())) {
        err << "HTTP " << r.status << ": " << generic->detail << '\n';
        return;
    }
    if (r.status == 400) {
        if (ae::result<ae::ValidationError> const v = ae::parse<ae::ValidationError>(r.body)) {
            std::size_t lines = 0;
            for (auto const& m : v->non_field_errors.value_or(std::vector<std::string>{})) {
                print_messages(err, r.status, "non_field_errors", boost::json::value(m), lines);
            }
            for (auto const& [key, messages] : v->fields) {
                print_messages(err, r.status, std::string(key), messages, lines);
            }
            if (lines > 0) {
                return;
            }
        }
    }
    err << "HTTP " << r.status << ": " << r.body << '\n';
}

void report_invalid(std::ostream& err, std::string_view url, std::string_view type, ae::problem_list const& problems) {
    err << url << ": the body is not a valid " << type << ":\n" << problems;
}

// A network failure, with the URL of the request it ended.
struct network_failure : std::runtime_error {
    network_failure(std::string url_, std::string const& what) : std::runtime_error(what), url(std::move(url_)) {}
    std::string url;
};

// Where a URL's requests go, and how to name them again in messages.
class endpoint {
public:
    endpoint(std::string_view url, client::location const& where, settings const& s, std::string token)
        : base_(url.substr(0, url.find_first_of("/?#", std::string_view("http://").size()))),
          connection_(where.host, where.port, s.timeout), token_(std::move(token)), raw_(s.raw) {}

    [[nodiscard]] std::string url(std::string_view target) const { return base_ + std::string(target); }

    // Both throw network_failure when the request or its answer does not get through.
    client::reply get(std::string const& target) {
        return exchange(target, [&] { return connection_.get(target, token_); });
    }
    client::reply post(std::string const& target, std::string body) {
        return exchange(target, [&] { return connection_.post(target, token_, std::move(body)); });
    }

private:
    template <class Request>
    client::reply exchange(std::string const& target, Request request) {
        try {
            client::reply r = request();
            if (raw_) {
                print_raw(std::cout, r);
            }
            return r;
        } catch (boost::system::system_error const& e) {
            // The code's own message: what() may add the code's category and source location.
            throw network_failure(url(target), e.code().message());
        }
    }

    std::string base_;
    client::connection connection_;
    std::string token_;
    bool raw_;
};

[[nodiscard]] bool success(client::reply const& r) noexcept { return r.status >= 200 && r.status < 300; }

// The body of a successful answer as a T; nullopt once an error status (unless --raw, which
// has shown it already) or every problem of a body that is not a valid T is reported.
template <class T>
std::optional<T> read_answer(client::reply const& r, std::string_view url, std::string_view type, bool raw) {
    if (!success(r)) {
        if (!raw) {
            report_error_status(std::cerr, r);
        }
        return std::nullopt;
    }
    ae::result<T> parsed = ae::parse<T>(r.body);
    if (!parsed) {
        report_invalid(std::cerr, url, type, parsed.problems());
        return std::nullopt;
    }
    return std::move(*parsed);
}

// One answer that should be an Event: printed, or its error or problems reported.
int show_event(client::reply const& r, std::string_view url, bool raw) {
    std::optional<ae::Event> const e = read_answer<ae::Event>(r, url, "Event", raw);
    if (!e) {
        return exit_failure;
    }
    if (!raw) {
        print_event(std::cout, *e);
    }
    return exit_ok;
}

// A page, or with --all every page from it on. The summary line is written only once the walk
// is complete, so that its presence means every page was read.
int show_list(endpoint& server, std::string target, settings const& s) {
    std::size_t events = 0;
    std::size_t pages = 0;
    std::string count;
    for (;;) {
        std::string const url = server.url(target);
        std::optional<ae::PaginatedEventList> const page =
            read_answer<ae::PaginatedEventList>(server.get(target), url, "PaginatedEventList", s.raw);
        if (!page) {
            return exit_failure;
        }
        ++pages;
        events += page->results.size();
        count = number_text(page->pagination.count);
        if (!s.raw) {
            for (ae::Event const& e : page->results) {
                print_event(std::cout, e);
            }
        }
        ae::schema::number const& next = page->pagination.next;
        ae::schema::number const& current = page->pagination.current;
        if (!s.all || next == ae::schema::number(0)) {
            break;
        }
        // A server that points back (or at the same page) would have us fetch pages forever.
        if (!next.is_integer() || !current.is_integer() || next.as_int64() <= current.as_int64()) {
            std::cerr << url << ": pagination.next is " << number_text(next) << ", not a page after "
                      << "pagination.current " << number_text(current) << "; stopping\n";
            return exit_failure;
        }
        target = with_query_value(target, "page", number_text(next));
    }
    if (!s.raw) {
        std::cout << events << (events == 1 ? " event on " : " events on ") << pages
                  << (pages == 1 ? " page" : " pages") << ", count " << count << '\n';
    }
    return exit_ok;
}

std::string read_all(std::istream& in) {
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

std::string read_body(std::string const& file) {
    std::string const name = file == "-" ? std::string("stdin") : "\"" + file + "\"";
    errno = 0;
    try {
        if (file == "-") {
            std::string body = read_all(std::cin);
            if (!std::cin.bad()) {
                return body;
            }
        } else if (std::ifstream in(file, std::ios::binary); in.is_open()) {
            std::string body = read_all(in);
            if (!in.bad()) {
                return body;
            }
        }
    } catch (std::exception const&) {
        // libstdc++ throws from a read that fails (a directory's) whatever the stream's
        // exceptions(); errno still says why.
    }
    int const why = errno;
    throw usage_error("cannot read the body from " + name +
                      (why != 0 ? ": " + std::generic_category().message(why) : std::string()));
}

int run(settings const& s) {
    std::optional<client::location> const where = client::parse_url(s.url);
    if (!where) {
        throw usage_error("\"" + s.url + "\" is not an http://HOST[:PORT]/PATH URL");
    }
    // A token is sent as a header line: a line break in it would start headers of its own.
    if (s.token && s.token->find_first_of("\r\n") != std::string::npos) {
        throw usage_error("the token cannot hold line breaks");
    }
    std::string target = where->target;
    resource const kind = resource_of(target);
    if ((s.all || s.page_size) && kind != resource::list) {
        throw usage_error("--all and --page-size need a list URL, one whose path ends in /events/events/");
    }
    if (s.page_size) {
        target = with_query_value(target, "page_size", std::to_string(*s.page_size));
    }
    // Read before connecting: a missing file is a usage error, whatever the server.
    std::optional<std::string> const body = s.post_file ? std::optional(read_body(*s.post_file)) : std::nullopt;

    std::string token;
    if (s.token) {
        token = *s.token;
    } else if (char const* env = std::getenv("AUTHENTIK_TOKEN")) { // NOLINT(concurrency-mt-unsafe): one thread
        token = env;
    }
    endpoint server(s.url, *where, s, std::move(token));
    std::string const url = server.url(target);
    try {
        if (body) {
            return show_event(server.post(target, *body), url, s.raw);
        }
        if (kind == resource::list) {
            return show_list(server, target, s);
        }
        client::reply const r = server.get(target);
        if (kind == resource::event) {
            return show_event(r, url, s.raw);
        }
        if (!success(r)) {
            if (!s.raw) {
                report_error_status(std::cerr, r);
            }
            return exit_failure;
        }
        if (!s.raw) {
            std::cout << r.body << (r.body.empty() || r.body.ends_with('\n') ? "" : "\n");
        }
        return exit_ok;
    } catch (network_failure const& e) {
        std::cerr << program << ": " << e.url << ": " << e.what() << '\n';
        return exit_network;
    }
}

} // namespace

int main(int argc, char** argv) {
    std::vector<std::string_view> const args(argv + 1, argv + argc);
    try {
        auto const s = read_settings(args);
        int const status = s ? run(*s) : exit_ok;
        std::cout.flush();
        if (!std::cout) {
            std::cerr << program << ": cannot write the output\n";
            return exit_usage;
        }
        return status;
    } catch (usage_error const& e) {
        std::cerr << program << ": " << e.what() << "\n"
                  << "Try '" << program << " --help'.\n";
        return exit_usage;
    } catch (std::exception const& e) {
        std::cerr << program << ": " << e.what() << '\n';
        return exit_usage;
    }
}
