// authentik-events-server over loopback: each test starts the real program on a port the system
// picks, talks HTTP to it and checks every status and body against the documented types.

#include "e2e.hpp"

#include <authentik/events/fixtures.hpp>

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <set>
#include <string>
#include <thread>
#include <vector>

namespace server_test {

namespace {

using namespace authentik_events_tests;
using std::chrono::seconds;

std::string event_path(std::string_view pk) { return std::string(list_path) + std::string(pk) + "/"; }

std::string event_path(ae::Event const& e) { return event_path(ae::format::uuid_to_string(e.pk)); }

ae::PaginatedEventList get_page(running_server& s, std::string const& query) {
    client::reply r = s.connection.get(std::string(list_path) + query, token);
    BOOST_TEST_REQUIRE(r.status == 200U, query << ": " << r.body);
    return parsed<ae::PaginatedEventList>(r.body);
}

// Every event of the list in the given order, walked by following pagination.next.
std::vector<ae::Event> walk(running_server& s, std::string const& query) {
    std::vector<ae::Event> all;
    std::int64_t page = 1;
    for (int guard = 0; page != 0 && guard < 10'000; ++guard) {
        ae::PaginatedEventList p = get_page(s, "?page=" + std::to_string(page) + query);
        BOOST_TEST_REQUIRE(p.pagination.current.as_int64() == page);
        std::move(p.results.begin(), p.results.end(), std::back_inserter(all));
        BOOST_TEST_REQUIRE((p.pagination.next.as_int64() == 0 || p.pagination.next.as_int64() == page + 1));
        page = p.pagination.next.as_int64();
    }
    return all;
}

std::string const not_provided = R"({"detail":"Authentication credentials were not provided."})";
std::string const token_invalid = R"({"detail":"Token invalid/expired"})";
std::string const no_such_event = R"({"detail":"No Event matches the given query."})";

} // namespace

BOOST_AUTO_TEST_SUITE(server)

BOOST_AUTO_TEST_CASE(listens_on_loopback_and_prints_its_port) {
    running_server s;
    BOOST_TEST(s.process.first_line() == "listening on http://127.0.0.1:" + s.process.port_text());
    BOOST_TEST(s.process.port() > 0);
    client::reply const r = s.connection.get(list_path, token);
    BOOST_TEST(r.status == 200U);
    BOOST_TEST(r.message[http::field::content_type] == "application/json");
}

BOOST_AUTO_TEST_CASE(no_token_or_a_wrong_one_is_403) {
    running_server s;
    std::string const some_event = event_path("0f0e2ec4-1111-4e0f-9c1c-000000000000");
    for (std::string const& target : {std::string(list_path), some_event}) {
        client::reply const none = s.connection.get(target, "");
        BOOST_TEST(none.status == 403U);
        BOOST_TEST(none.body == not_provided);
        BOOST_TEST(parsed<ae::GenericError>(none.body).detail == "Authentication credentials were not provided.");
        client::reply const wrong = s.connection.get(target, "e2e-tokeN");
        BOOST_TEST(wrong.status == 403U);
        BOOST_TEST(wrong.body == token_invalid);
        client::reply const prefix = s.connection.get(target, "e2e-toke");
        BOOST_TEST(prefix.body == token_invalid);
    }
    // Authentication comes before the body is read: a bad body without a token is still a 403.
    client::reply const post = s.connection.post(list_path, "", "{]");
    BOOST_TEST(post.status == 403U);
    BOOST_TEST(post.body == not_provided);
    // Another scheme is refused as such; the scheme's case does not matter.
    http::request<http::string_body> basic{http::verb::get, list_path, 11};
    basic.set(http::field::authorization, "Basic ZTJlOmUyZQ==");
    client::reply const b = s.connection.exchange(basic);
    BOOST_TEST(b.status == 403U);
    BOOST_TEST(parsed<ae::GenericError>(b.body).detail == "Unsupported authentication type");
    basic.set(http::field::authorization, "bEaReR e2e-token");
    BOOST_TEST(s.connection.exchange(basic).status == 200U);
    basic.set(http::field::authorization, "Bearer");
    BOOST_TEST(s.connection.exchange(basic).body == not_provided);
}

BOOST_AUTO_TEST_CASE(a_page_is_a_valid_paginated_event_list_newest_first) {
    running_server s;
    ae::PaginatedEventList const p = get_page(s, "");
    BOOST_TEST(p.pagination.count.as_int64() == 57);
    BOOST_TEST(p.results.size() == 57U); // authentik's page size is 100
    BOOST_TEST(p.pagination.current.as_int64() == 1);
    BOOST_TEST(p.pagination.total_pages.as_int64() == 1);
    BOOST_TEST(p.pagination.next.as_int64() == 0);
    BOOST_TEST(p.pagination.previous.as_int64() == 0);
    BOOST_TEST(p.pagination.start_index.as_int64() == 1);
    BOOST_TEST(p.pagination.end_index.as_int64() == 57);
    BOOST_TEST(std::is_sorted(p.results.begin(), p.results.end(),
                              [](ae::Event const& a, ae::Event const& b) { return a.created > b.created; }));
    std::set<boost::uuids::uuid> pks;
    for (ae::Event const& e : p.results) {
        pks.insert(e.pk);
    }
    BOOST_TEST(pks.size() == 57U);
    // The store holds the fixtures of the seed, each as the generator made it.
    ae::fixtures::generator g(7);
    for (int i = 0; i < 57; ++i) {
        ae::Event const made = g.event();
        auto const found =
            std::find_if(p.results.begin(), p.results.end(), [&](ae::Event const& e) { return e.pk == made.pk; });
        BOOST_TEST_REQUIRE((found != p.results.end()));
        BOOST_TEST((*found == made));
    }
    BOOST_TEST((get_page(s, "?ordering=-created").results == p.results));
    // An ordering the server does not offer is dropped, as DRF's OrderingFilter does.
    BOOST_TEST((get_page(s, "?ordering=app").results == p.results));
}

BOOST_AUTO_TEST_CASE(following_next_walks_every_page) {
    running_server s;
    std::vector<ae::Event> const all = get_page(s, "").results;
    BOOST_TEST((walk(s, "&page_size=10") == all));
    BOOST_TEST((walk(s, "&page_size=1") == all));
    BOOST_TEST((walk(s, "&page_size=57") == all));
    ae::PaginatedEventList const p3 = get_page(s, "?page=3&page_size=10");
    BOOST_TEST(p3.pagination.previous.as_int64() == 2);
    BOOST_TEST(p3.pagination.next.as_int64() == 4);
    BOOST_TEST(p3.pagination.total_pages.as_int64() == 6);
    BOOST_TEST(p3.pagination.start_index.as_int64() == 21);
    BOOST_TEST(p3.pagination.end_index.as_int64() == 30);
    ae::PaginatedEventList const last = get_page(s, "?page=last&page_size=10");
    BOOST_TEST(last.pagination.current.as_int64() == 6);
    BOOST_TEST(last.results.size() == 7U);
    BOOST_TEST(last.pagination.start_index.as_int64() == 51);
    BOOST_TEST(last.pagination.end_index.as_int64() == 57);
    // Oldest first is the same list reversed.
    std::vector<ae::Event> reversed(all.rbegin(), all.rend());
    BOOST_TEST((walk(s, "&page_size=9&ordering=created") == reversed));
    // A page_size that is not a positive number gives the default page, as DRF does.
    BOOST_TEST(get_page(s, "?page_size=0").results.size() == 57U);
    BOOST_TEST(get_page(s, "?page_size=ten").results.size() == 57U);
    BOOST_TEST(get_page(s, "?page_size=%32").results.size() == 2U); // %32 is "2"
    for (std::string const q : {"?page=7&page_size=10", "?page=0", "?page=-1", "?page=abc", "?page=1.0"}) {
        client::reply const r = s.connection.get(std::string(list_path) + q, token);
        BOOST_TEST(r.status == 404U, q);
        BOOST_TEST(r.body == R"({"detail":"Invalid page."})", q);
    }
}

BOOST_AUTO_TEST_CASE(each_event_is_served_as_listed) {
    running_server s;
    for (ae::Event const& e : get_page(s, "").results) {
        client::reply const r = s.connection.get(event_path(e), token);
        BOOST_TEST_REQUIRE(r.status == 200U);
        BOOST_TEST((parsed<ae::Event>(r.body) == e));
        BOOST_TEST(r.body == ae::serialize(e)); // the bytes of the list's element
    }
    ae::Event const first = get_page(s, "").results.front();
    std::string upper = ae::format::uuid_to_string(first.pk);
    std::transform(upper.begin(), upper.end(), upper.begin(),
                   [](char c) { return static_cast<char>(std::toupper(c)); });
    BOOST_TEST(s.connection.get(event_path(upper), token).status == 200U);
    for (std::string const pk : {"0f0e2ec4-1111-4e0f-9c1c-000000000000", "not-a-uuid", "1"}) {
        client::reply const r = s.connection.get(event_path(pk), token);
        BOOST_TEST(r.status == 404U, pk);
        BOOST_TEST(r.body == no_such_event, pk);
        BOOST_TEST(parsed<ae::GenericError>(r.body).detail == "No Event matches the given query.");
    }
    std::string const no_slash = event_path(first).substr(0, event_path(first).size() - 1);
    for (std::string const& target :
         {no_slash, std::string("/api/v3/events/"), std::string("/"), event_path(first) + "x/"}) {
        client::reply const r = s.connection.get(target, token);
        BOOST_TEST(r.status == 404U, target);
        BOOST_TEST(r.body == R"({"detail":"Not found."})", target);
    }
}

BOOST_AUTO_TEST_CASE(a_posted_event_is_stored_and_read_back_unchanged) {
    running_server s;
    ae::fixtures::generator g(99);
    std::vector<std::string> bodies;
    for (int i = 0; i < 25; ++i) {
        ae::EventRequest const req = g.make<ae::EventRequest>();
        auto const before = std::chrono::system_clock::now();
        client::reply const r = s.connection.post(list_path, token, ae::serialize(req));
        auto const after = std::chrono::system_clock::now();
        BOOST_TEST_REQUIRE(r.status == 201U, r.body);
        ae::Event const e = parsed<ae::Event>(r.body);
        // What the request gave is kept; what it left out is filled as the server's model does.
        BOOST_TEST(e.action.text() == req.action.text());
        BOOST_TEST(e.app == req.app);
        BOOST_TEST((e.user == req.user.value_or(boost::json::object{})));
        BOOST_TEST((e.context == req.context.value_or(boost::json::object{})));
        BOOST_TEST((e.brand == req.brand.value_or(boost::json::object{})));
        if (req.client_ip.has_value()) {
            BOOST_TEST(*e.client_ip == *req.client_ip);
        } else {
            BOOST_TEST(e.client_ip.is_null());
        }
        auto const us = [](auto t) {
            return std::chrono::duration_cast<std::chrono::microseconds>(t.time_since_epoch()).count();
        };
        BOOST_TEST(e.created.unix_microseconds() >= us(before) - 1);
        BOOST_TEST(e.created.unix_microseconds() <= us(after) + 1);
        std::int64_t const year_us = std::int64_t{365} * 24 * 3600 * 1'000'000;
        BOOST_TEST((*e.expires == req.expires.value_or(ae::format::date_time::from_unix_microseconds(
                                      e.created.unix_microseconds() + year_us))));
        client::reply const back = s.connection.get(event_path(e), token);
        BOOST_TEST(back.status == 200U);
        BOOST_TEST(back.body == r.body); // byte for byte
        bodies.push_back(r.body);
    }
    // Read-only fields in a request are ignored, as DRF does.
    client::reply const ro = s.connection.post(
        list_path, token, R"({"pk":"11111111-2222-4333-8444-555555555555","created":"x","action":"login","app":"a"})");
    BOOST_TEST(ro.status == 201U);
    BOOST_TEST(ae::format::uuid_to_string(parsed<ae::Event>(ro.body).pk) != "11111111-2222-4333-8444-555555555555");
    std::vector<ae::Event> const all = walk(s, "&page_size=20");
    BOOST_TEST(all.size() == 57U + 26U);
    for (std::string const& b : bodies) {
        ae::Event const e = parsed<ae::Event>(b);
        BOOST_TEST(std::count(all.begin(), all.end(), e) == 1);
    }
}

BOOST_AUTO_TEST_CASE(bad_bodies_get_the_exact_drf_400) {
    running_server s;
    struct case_ {
        std::string body;
        std::string answer;
    };
    std::vector<case_> const cases{
        {"{}", R"({"action":["This field is required."],"app":["This field is required."]})"},
        {"", R"({"action":["This field is required."],"app":["This field is required."]})"},
        {R"({"action":"custom_login","app":""})",
         R"({"action":["\"custom_login\" is not a valid choice."],"app":["This field may not be blank."]})"},
        {R"({"action":"login","app":null})", R"({"app":["This field may not be null."]})"},
        {R"({"action":"login","app":"x","client_ip":""})", R"({"client_ip":["This field may not be blank."]})"},
        {R"({"action":"login","app":"x","client_ip":"300.1.1.1","expires":"2024-02-30T00:00:00Z","context":[]})",
         R"({"context":["Expected a dictionary of items but got type \"list\"."],)"
         R"("client_ip":["Enter a valid IPv4 or IPv6 address."],)"
         R"("expires":["Datetime has wrong format. Use one of these formats instead: )"
         R"(YYYY-MM-DDThh:mm[:ss[.uuuuuu]][+HH:MM|-HH:MM|Z]."]})"},
        {"[]", R"({"non_field_errors":["Invalid data. Expected a dictionary, but got list."]})"},
        {R"({"action":)", R"({"non_field_errors":["JSON parse error - incomplete JSON"]})"},
        {R"({"action":"login","app":"x","app":"y"})", R"({"app":["Duplicate key."]})"},
    };
    for (case_ const& c : cases) {
        client::reply const r = s.connection.post(list_path, token, c.body);
        BOOST_TEST(r.status == 400U, c.body);
        BOOST_TEST(r.body == c.answer, c.body);
        ae::ValidationError const v = parsed<ae::ValidationError>(r.body);
        BOOST_TEST((!v.fields.empty() || v.non_field_errors.has_value()));
    }
    client::reply const text = s.connection.send(http::verb::post, list_path, token, "{}", "text/plain");
    BOOST_TEST(text.status == 415U);
    BOOST_TEST(text.body == R"({"detail":"Unsupported media type \"text/plain\" in request."})");
    BOOST_TEST(s.connection
                   .send(http::verb::post, list_path, token, R"({"action":"login","app":"x"})",
                         "application/json; charset=utf-8")
                   .status == 201U);
    BOOST_TEST(get_page(s, "").pagination.count.as_int64() == 58); // only the good one was stored
}

BOOST_AUTO_TEST_CASE(other_methods_are_405) {
    running_server s;
    client::reply const del = s.connection.send(http::verb::delete_, list_path, token);
    BOOST_TEST(del.status == 405U);
    BOOST_TEST(del.body == R"({"detail":"Method \"DELETE\" not allowed."})");
    BOOST_TEST(del.message[http::field::allow] == "GET, POST");
    ae::Event const e = get_page(s, "").results.front();
    client::reply const put = s.connection.send(http::verb::put, event_path(e), token, "{}");
    BOOST_TEST(put.status == 405U);
    BOOST_TEST(parsed<ae::GenericError>(put.body).detail == "Method \"PUT\" not allowed.");
    BOOST_TEST(put.message[http::field::allow] == "GET");
}

BOOST_AUTO_TEST_CASE(a_body_past_the_limit_is_413) {
    running_server s({"--body-limit", "4096"});
    std::string const big(5000, ' ');
    client::reply const r = s.connection.post(list_path, token, "{}" + big);
    BOOST_TEST(r.status == 413U);
    BOOST_TEST(r.body == R"({"detail":"Request body is larger than 4096 bytes."})");
    BOOST_TEST(!r.message.keep_alive());
    // Chunked, so that the size is known only while reading.
    std::string chunked = "POST /api/v3/events/events/ HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer e2e-token\r\n"
                          "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n";
    for (int i = 0; i < 10; ++i) {
        chunked += "400\r\n" + std::string(1024, ' ') + "\r\n";
    }
    chunked += "0\r\n\r\n";
    raw_answer const a = raw_exchange(s.process.port(), chunked);
    BOOST_TEST(raw_status(a.bytes) == 413U);
    BOOST_TEST(a.closed);
    // Exactly at the limit is fine.
    std::string exact = R"({"action":"login","app":"x"})";
    exact.resize(4096, ' ');
    BOOST_TEST(s.connection.post(list_path, token, exact).status == 201U);
    // Declared larger than the limit: refused before the body is sent.
    raw_answer const declared =
        raw_exchange(s.process.port(), "POST /api/v3/events/events/ HTTP/1.1\r\nHost: x\r\n"
                                       "Authorization: Bearer e2e-token\r\nContent-Length: 999999999\r\n\r\n{");
    BOOST_TEST(raw_status(declared.bytes) == 413U);
    BOOST_TEST(parsed<ae::GenericError>(raw_body(declared.bytes)).detail == "Request body is larger than 4096 bytes.");
}

BOOST_AUTO_TEST_CASE(malformed_http_never_crashes_or_hangs_the_server) {
    running_server s;
    std::vector<std::string> const garbage{
        "GARBAGE\r\n\r\n",
        "GET / HTTP/9.9\r\n\r\n",
        "GET /api/v3/events/events/ HTTP/1.1\r\nno colon here\r\n\r\n",
        "GET /api/v3/events/events/ HTTP/1.1\r\nContent-Length: -1\r\n\r\n",
        "GET /api/v3/events/events/ HTTP/1.1\r\nContent-Length: abc\r\n\r\n",
        "POST /api/v3/events/events/ HTTP/1.1\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{}",
        "POST /api/v3/events/events/ HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
        std::string("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03", 11), // a TLS hello
        std::string(3000, '\0') + "\r\n\r\n",
    };
    for (std::string const& g : garbage) {
        raw_answer const a = raw_exchange(s.process.port(), g);
        BOOST_TEST(raw_status(a.bytes) == 400U, "for " << g.substr(0, 40));
        BOOST_TEST(a.closed);
        if (raw_status(a.bytes) == 400U) {
            BOOST_TEST(parsed<ae::GenericError>(raw_body(a.bytes)).detail.starts_with("Malformed HTTP request: "));
        }
    }
    // Headers past the limit.
    raw_answer const huge =
        raw_exchange(s.process.port(), "GET / HTTP/1.1\r\nX-Pad: " + std::string(20'000, 'a') + "\r\n\r\n");
    BOOST_TEST(raw_status(huge.bytes) == 431U);
    // Random bytes, and a request cut short at every length: each ends the connection, answered or not.
    ae::fixtures::prng rng(3);
    for (int i = 0; i < 20; ++i) {
        std::string junk(200, '\0');
        for (char& c : junk) {
            c = static_cast<char>(rng.below(256));
        }
        raw_answer const a = raw_exchange(s.process.port(), junk, seconds(10), true);
        BOOST_TEST(a.closed);
    }
    std::string const whole = "POST /api/v3/events/events/ HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer e2e-token\r\n"
                              "Content-Length: 28\r\n\r\n{\"action\":\"login\",\"app\":\"x\"}";
    for (std::size_t cut = 1; cut < whole.size(); cut += 7) {
        raw_answer const a = raw_exchange(s.process.port(), whole.substr(0, cut), seconds(10), true);
        BOOST_TEST(a.closed);
        BOOST_TEST((raw_status(a.bytes) == 0U || raw_status(a.bytes) == 400U));
    }
    BOOST_TEST(s.process.running());
    BOOST_TEST(get_page(s, "").pagination.count.as_int64() == 57); // no cut request was stored
}

BOOST_AUTO_TEST_CASE(a_silent_connection_is_closed_after_the_timeout) {
    running_server s; // --timeout 2
    auto const start = std::chrono::steady_clock::now();
    raw_answer const half = raw_exchange(s.process.port(), "GET /api/v3/events/ev", seconds(15));
    auto const took = std::chrono::steady_clock::now() - start;
    BOOST_TEST(half.closed);
    BOOST_TEST(half.bytes.empty());
    BOOST_TEST((took >= std::chrono::milliseconds(1500) && took < seconds(10)));
    raw_answer const idle = raw_exchange(s.process.port(), "", seconds(15));
    BOOST_TEST(idle.closed);
}

BOOST_AUTO_TEST_CASE(requests_on_one_connection_are_answered_in_order) {
    running_server s;
    std::string const get =
        "GET /api/v3/events/events/?page_size=1 HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer e2e-token\r\n\r\n";
    std::string const bye =
        "GET /api/v3/events/events/?page_size=2 HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer e2e-token\r\n"
        "Connection: close\r\n\r\n";
    raw_answer const a = raw_exchange(s.process.port(), get + get + bye);
    BOOST_TEST(a.closed);
    std::size_t answers = 0;
    for (std::size_t at = a.bytes.find("HTTP/1.1 200 OK"); at != std::string::npos;
         at = a.bytes.find("HTTP/1.1 200 OK", at + 1)) {
        ++answers;
    }
    BOOST_TEST(answers == 3U);
}

BOOST_AUTO_TEST_CASE(concurrent_posts_are_all_kept) {
    running_server s;
    constexpr int threads = 8;
    constexpr int each = 25;
    std::vector<std::vector<std::string>> bodies(threads);
    std::atomic<int> failures{0};
    std::vector<std::thread> pool;
    for (int t = 0; t < threads; ++t) {
        pool.emplace_back([&, t] {
            client::connection c("127.0.0.1", s.process.port_text());
            ae::fixtures::generator g(static_cast<std::uint64_t>(100 + t));
            for (int i = 0; i < each; ++i) {
                client::reply const r = c.post(list_path, token, ae::serialize(g.make<ae::EventRequest>()));
                if (r.status != 201U || !ae::parse<ae::Event>(r.body, ae::schema::parse_options::strict())) {
                    ++failures;
                } else {
                    bodies[static_cast<std::size_t>(t)].push_back(r.body);
                }
            }
        });
    }
    for (auto& t : pool) {
        t.join();
    }
    BOOST_TEST(failures.load() == 0);
    for (auto const& list : bodies) {
        for (std::string const& b : list) {
            client::reply const r = s.connection.get(event_path(parsed<ae::Event>(b)), token);
            BOOST_TEST(r.body == b);
        }
    }
    BOOST_TEST(get_page(s, "").pagination.count.as_int64() == 57 + threads * each);
}

BOOST_AUTO_TEST_CASE(sigterm_and_sigint_stop_it_cleanly) {
    for (int sig : {SIGTERM, SIGINT}) {
        running_server s({"--timeout", "60"});                         // the later option wins
        BOOST_TEST(s.connection.get(list_path, token).status == 200U); // a kept-alive connection stays open
        auto const start = std::chrono::steady_clock::now();
        std::optional<int> const code = s.process.stop(sig, seconds(30));
        BOOST_TEST((code == 0), "signal " << sig);
        // The idle connection is closed at once, not when its 60 s run out.
        BOOST_TEST((std::chrono::steady_clock::now() - start < seconds(15)));
    }
}

BOOST_AUTO_TEST_CASE(usage_errors_exit_2) {
    for (std::vector<std::string> const& args : {std::vector<std::string>{},
                                                 {"--token"},
                                                 {"--token", "t", "--port", "70000"},
                                                 {"--token", "t", "--colour"},
                                                 {"--token", "two words"}}) {
        program_output const r = run_program(AUTHENTIK_EVENTS_SERVER_PROGRAM, args);
        BOOST_TEST(r.exit_code == 2);
        BOOST_TEST(r.err.find("see --help") != std::string::npos);
        BOOST_TEST(r.out.empty());
    }
    program_output const help = run_program(AUTHENTIK_EVENTS_SERVER_PROGRAM, {"--help"});
    BOOST_TEST(help.exit_code == 0);
    BOOST_TEST(help.out.find("--body-limit") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()

} // namespace server_test
