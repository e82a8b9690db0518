// A program that uses the installed (or vendored) library: it parses a real server payload, writes
// it back and checks that the bytes and the value survive the round trip. Exit status 0 when they do.
#include <authentik/events.hpp>

#include <iostream>
#include <string>

namespace ae = authentik::events;

int main() {
    // tests/data/custom_action.json: a custom action, non-ASCII text, Python's number forms.
    std::string const text =
        R"({"pk":"b8e0c6a2-1f3d-4c5b-9a7e-0d2f4b6c8e1a","user":{"pk":7,"email":"jürgen@example.com",)"
        R"("username":"jürgen","on_behalf_of":{"pk":1,"email":"root@localhost","username":"akadmin"}},)"
        R"("action":"custom_password_reset_requested","app":"Password reset notifier","context":)"
        R"({"message":"Zurücksetzen angefordert für „jürgen“ — 🔑","ratio":-0.1,"threshold":1e-05,)"
        R"("big":1e+16,"whole":1.0,"token":"********************","http_request":{"path":"/if/flow/recovery/",)"
        R"("method":"POST","args":{}}},"client_ip":"2001:db8::ff00:42:8329","created":"2024-09-13T14:05:42Z",)"
        R"("expires":"2025-09-13T14:05:42Z","brand":{}})";

    ae::result<ae::Event> const event = ae::parse<ae::Event>(text);
    if (!event) {
        std::cerr << "parse failed:\n" << event.problems();
        return 1;
    }
    std::string const written = ae::serialize(*event);
    if (written != text) {
        std::cerr << "serialize changed the bytes:\n" << text << '\n' << written << '\n';
        return 1;
    }
    ae::result<ae::Event> const again = ae::parse<ae::Event>(written);
    if (!again || *again != *event) {
        std::cerr << "the re-parsed event differs\n";
        return 1;
    }
    std::cout << event->action.text() << " by " << event->app << ": round trip ok\n";
    return 0;
}
