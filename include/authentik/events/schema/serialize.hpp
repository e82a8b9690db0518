#ifndef AUTHENTIK_EVENTS_SCHEMA_SERIALIZE_HPP
#define AUTHENTIK_EVENTS_SCHEMA_SERIALIZE_HPP

#include <authentik/events/schema/codec.hpp>
#include <authentik/events/schema/describe.hpp>
#include <authentik/events/schema/json_writer.hpp>
#include <authentik/events/schema/options.hpp>

#include <string>

namespace authentik::events::schema {

/// Appends v's JSON text to out, as the server writes it (see json_writer).
template <described T>
void serialize_to(std::string& out, T const& v, serialize_options const& opt = {}) {
    json_writer w(out, opt.pretty);
    write_object(v, w);
}

/// v's JSON text: keys in descriptor order, absent fields left out, null written as null.
template <described T>
[[nodiscard]] std::string serialize(T const& v, serialize_options const& opt = {}) {
    std::string out;
    serialize_to(out, v, opt);
    return out;
}

} // namespace authentik::events::schema

#endif
