// authentik-events-client against the real server, and against a fake one that answers bodies
// the real server never sends.

#include "e2e.hpp"

#include <authentik/events/fixtures.hpp>

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read_until.hpp>
#include <boost/asio/streambuf.hpp>
#include <boost/asio/write.hpp>
#include <boost/json/serialize.hpp>
#include <boost/test/unit_test.hpp>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace client_test {

namespace {

using namespace authentik_events_tests;

std::string const client_program = AUTHENTIK_EVENTS_CLIENT_PROGRAM;

std::vector<std::string> lines(std::string const& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string l; std::getline(in, l);) {
        out.push_back(l);
    }
    return out;
}

std::string event_line(ae::Event const& e) {
    std::string ip = e.client_ip.has_value() ? *e.client_ip : e.client_ip.is_null() ? "null" : "-";
    return ae::format::uuid_to_string(e.pk) + " " + ae::format::date_time_to_string(e.created) + " " +
           std::string(e.action.text()) + " " + e.app + " " + ip;
}

std::string write_file(std::string const& name, std::string const& text) {
    std::string const path = std::string(AUTHENTIK_EVENTS_E2E_WORK) + "/" + name;
    std::ofstream(path, std::ios::binary) << text;
    return path;
}

// Answers every connection with the same 200 and body, `connections` times.
class fake_server {
public:
    fake_server(std::string body, int connections) : body_(std::move(body)) {
        acceptor_.open(boost::asio::ip::tcp::v4());
        acceptor_.bind({boost::asio::ip::make_address("127.0.0.1"), 0});
        acceptor_.listen();
        thread_ = std::thread([this, connections] {
            for (int i = 0; i < connections; ++i) {
                boost::system::error_code ec;
                boost::asio::ip::tcp::socket s(io_);
                acceptor_.accept(s, ec);
                if (ec) {
                    return;
                }
                boost::asio::streambuf request;
                boost::asio::read_until(s, request, "\r\n\r\n", ec);
                std::string const answer = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " +
                                           std::to_string(body_.size()) + "\r\nConnection: close\r\n\r\n" + body_;
                boost::asio::write(s, boost::asio::buffer(answer), ec);
                s.shutdown(boost::asio::ip::tcp::socket::shutdown_both, ec);
            }
        });
    }
    fake_server(fake_server const&) = delete;
    fake_server& operator=(fake_server const&) = delete;
    ~fake_server() { thread_.join(); }

    [[nodiscard]] std::string url(std::string_view path) const {
        return "http://127.0.0.1:" + std::to_string(acceptor_.local_endpoint().port()) + std::string(path);
    }

private:
    std::string body_;
    boost::asio::io_context io_;
    boost::asio::ip::tcp::acceptor acceptor_{io_};
    std::thread thread_;
};

} // namespace

BOOST_AUTO_TEST_SUITE(client)

BOOST_AUTO_TEST_CASE(walks_every_page_by_following_next) {
    running_server s;
    std::vector<ae::Event> const all = parsed<ae::PaginatedEventList>(s.connection.get(list_path, token).body).results;
    program_output const r =
        run_program(client_program, {"--token", std::string(token), "--all", "--page-size", "10", s.url()});
    BOOST_TEST(r.exit_code == 0, r.err);
    std::vector<std::string> const out = lines(r.out);
    BOOST_TEST_REQUIRE(out.size() == all.size() + 1);
    for (std::size_t i = 0; i < all.size(); ++i) {
        BOOST_TEST(out[i] == event_line(all[i]));
    }
    BOOST_TEST(out.back() == "57 events on 6 pages, count 57");
    // One page only, without --all.
    program_output const one = run_program(client_program, {"--token", std::string(token), s.url() + "?page_size=5"});
    BOOST_TEST(one.exit_code == 0);
    BOOST_TEST(lines(one.out).size() == 6U);
    BOOST_TEST(lines(one.out).back() == "5 events on 1 page, count 57");
    program_output const single =
        run_program(client_program, {"--token", std::string(token), s.url() + "?page_size=1&page=2"});
    BOOST_TEST(single.exit_code == 0);
    BOOST_TEST(lines(single.out).size() == 2U);
    BOOST_TEST(lines(single.out).back() == "1 event on 1 page, count 57");
}

BOOST_AUTO_TEST_CASE(fetches_one_event_and_posts_one) {
    running_server s;
    ae::Event const e = parsed<ae::PaginatedEventList>(s.connection.get(list_path, token).body).results.at(3);
    std::string const pk = ae::format::uuid_to_string(e.pk);
    program_output const one = run_program(client_program, {"--token", std::string(token), s.url() + pk + "/"});
    BOOST_TEST(one.exit_code == 0, one.err);
    BOOST_TEST(one.out == event_line(e) + "\n");

    std::string const good = write_file("good_request.json", R"({"action":"login","app":"x","client_ip":"::1"})");
    program_output const posted = run_program(client_program, {"--token", std::string(token), "--post", good, s.url()});
    BOOST_TEST(posted.exit_code == 0, posted.err);
    BOOST_TEST(posted.out.find(" login x ::1\n") != std::string::npos);
    BOOST_TEST(parsed<ae::PaginatedEventList>(s.connection.get(list_path, token).body).pagination.count.as_int64() ==
               58);

    std::string const bad = write_file("bad_request.json", R"({"action":"nope","app":""})");
    program_output const refused = run_program(client_program, {"--token", std::string(token), "--post", bad, s.url()});
    BOOST_TEST(refused.exit_code == 1);
    BOOST_TEST(refused.err == "HTTP 400: action: \"nope\" is not a valid choice.\n"
                              "HTTP 400: app: This field may not be blank.\n");
}

BOOST_AUTO_TEST_CASE(error_answers_and_failures_have_their_exit_status) {
    running_server s;
    program_output const wrong = run_program(client_program, {"--token", "nope", s.url()});
    BOOST_TEST(wrong.exit_code == 1);
    BOOST_TEST(wrong.err == "HTTP 403: Token invalid/expired\n");
    BOOST_TEST(wrong.out.empty());
    program_output const missing =
        run_program(client_program, {"--token", std::string(token), s.url() + "0f0e2ec4-1111-4e0f-9c1c-000000000000/"});
    BOOST_TEST(missing.exit_code == 1);
    BOOST_TEST(missing.err == "HTTP 404: No Event matches the given query.\n");
    program_output const raw = run_program(client_program, {"--raw", "--token", "nope", s.url()});
    BOOST_TEST(raw.exit_code == 1);
    BOOST_TEST(raw.out == "HTTP 403\n{\"detail\":\"Token invalid/expired\"}\n");

    std::string const port = s.process.port_text();
    BOOST_TEST((s.process.stop() == 0));
    program_output const refused = run_program(client_program, {"http://127.0.0.1:" + port + "/api/v3/events/events/"});
    BOOST_TEST(refused.exit_code == 3);
    BOOST_TEST(refused.err.find("Connection refused") != std::string::npos);
    for (std::string const url : {"https://127.0.0.1/", "127.0.0.1:80/x", "http://127.0.0.1:99999/"}) {
        BOOST_TEST(run_program(client_program, {url}).exit_code == 2, url);
    }
}

BOOST_AUTO_TEST_CASE(prints_every_problem_of_a_body_that_does_not_validate) {
    // A page as the server writes it, with two events broken.
    ae::fixtures::generator g(5);
    boost::json::object page = g.make_json<ae::PaginatedEventList>();
    auto& results = page["results"].as_array();
    BOOST_TEST_REQUIRE(results.size() >= 2U);
    results[0].as_object()["pk"] = "not-a-uuid";
    results[1].as_object()["created"] = "2024-02-30T00:00:00Z";
    results[1].as_object().erase("app");
    fake_server fake(boost::json::serialize(page), 1);
    program_output const r = run_program(client_program, {fake.url("/api/v3/events/events/")});
    BOOST_TEST(r.exit_code == 1);
    BOOST_TEST(r.err.find("the body is not a valid PaginatedEventList") != std::string::npos, r.err);
    BOOST_TEST(r.err.find("/results/0/pk") != std::string::npos, r.err);
    BOOST_TEST(r.err.find("/results/1/created") != std::string::npos, r.err);
    BOOST_TEST(r.err.find("/results/1/app") != std::string::npos, r.err);

    // An event with an action newer than the library is kept, not refused.
    boost::json::object event = g.make_json<ae::Event>();
    event["action"] = "future_action";
    fake_server newer(boost::json::serialize(event), 1);
    program_output const kept = run_program(client_program, {newer.url("/api/v3/events/events/x/")});
    BOOST_TEST(kept.exit_code == 0, kept.err);
    BOOST_TEST(kept.out.find(" future_action ") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()

} // namespace client_test
