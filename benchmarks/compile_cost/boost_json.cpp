// Compile cost, Boost.JSON's side: the same round trip as authentik_events.cpp, written as a
// Boost.JSON user would: an equivalent struct, a hand-written tag_invoke each way, then
// parse + value_to and value_from + serialize. It does less than authentik_events.cpp (no
// UUID, date-time or IP checks, no binary pk or dates, stops at the first problem): the
// figure is a floor for "the same work", not its equal.

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>
#include <boost/json/value_from.hpp>
#include <boost/json/value_to.hpp>

#include <exception>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace {

struct event {
    std::string pk;
    std::optional<boost::json::object> user;
    std::string action;
    std::string app;
    std::optional<boost::json::object> context;
    std::optional<std::string> client_ip; // written as null when empty
    std::string created;
    std::optional<std::string> expires;
    std::optional<boost::json::object> brand;
};

template <class T>
void optional_member(boost::json::object const& o, std::string_view key, std::optional<T>& out) {
    if (boost::json::value const* v = o.if_contains(key); v != nullptr && !v->is_null()) {
        out = boost::json::value_to<T>(*v);
    }
}

event tag_invoke(boost::json::value_to_tag<event>, boost::json::value const& jv) {
    boost::json::object const& o = jv.as_object(); // throws when not an object
    event e;
    e.pk = boost::json::value_to<std::string>(o.at("pk"));
    optional_member(o, "user", e.user);
    e.action = boost::json::value_to<std::string>(o.at("action"));
    e.app = boost::json::value_to<std::string>(o.at("app"));
    optional_member(o, "context", e.context);
    optional_member(o, "client_ip", e.client_ip);
    e.created = boost::json::value_to<std::string>(o.at("created"));
    optional_member(o, "expires", e.expires);
    optional_member(o, "brand", e.brand);
    return e;
}

void tag_invoke(boost::json::value_from_tag, boost::json::value& jv, event const& e) {
    boost::json::object o;
    o["pk"] = e.pk;
    if (e.user) {
        o["user"] = *e.user;
    }
    o["action"] = e.action;
    o["app"] = e.app;
    if (e.context) {
        o["context"] = *e.context;
    }
    o["client_ip"] = boost::json::value_from(e.client_ip);
    o["created"] = e.created;
    if (e.expires) {
        o["expires"] = *e.expires;
    }
    if (e.brand) {
        o["brand"] = *e.brand;
    }
    jv = std::move(o);
}

} // namespace

std::string round_trip(std::string_view text) {
    boost::system::error_code ec;
    boost::json::value const v = boost::json::parse(text, ec);
    if (ec) {
        return {};
    }
    try {
        event const e = boost::json::value_to<event>(v);
        return boost::json::serialize(boost::json::value_from(e));
    } catch (std::exception const&) { // value_to reports a bad document by throwing
        return {};
    }
}
