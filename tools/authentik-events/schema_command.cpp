// authentik-events schema: the OpenAPI or JSON Schema of the API types, for a release.

#include "cli.hpp"

#include <authentik/events/model/event_actions.hpp>
#include <authentik/events/model/openapi.hpp>
#include <authentik/events/schema/export.hpp>

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <array>
#include <string>
#include <string_view>

namespace authentik_events_cli {

namespace {

struct type_name {
    std::string_view option; // as --type takes it
    std::string_view schema; // the component's name
};

constexpr std::array<type_name, 9> schema_types{{
    {"event", "Event"},
    {"event-request", "EventRequest"},
    {"patched-event-request", "PatchedEventRequest"},
    {"validation-error", "ValidationError"},
    {"generic-error", "GenericError"},
    {"pagination", "Pagination"},
    {"paginated-event-list", "PaginatedEventList"},
    {"autocomplete", "Autocomplete"},
    {"event-actions", "EventActions"},
}};

struct dialect_name {
    std::string_view option;
    schema::schema_dialect dialect;
};

constexpr std::array<dialect_name, 3> dialects{{
    {"openapi", schema::schema_dialect::openapi_3_0},
    {"2020-12", schema::schema_dialect::draft_2020_12},
    {"draft7", schema::schema_dialect::draft_7},
}};

template <class Range, class Name>
std::string joined(Range const& r, Name name) {
    std::string out;
    for (auto const& e : r) {
        out += out.empty() ? "" : ", ";
        out += name(e);
    }
    return out;
}

std::string known_types() {
    return joined(schema_types, [](type_name const& t) { return t.option; });
}
std::string known_versions() {
    return joined(ae::releases, [](ae::release const& r) { return r.name; });
}
std::string known_dialects() {
    return joined(dialects, [](dialect_name const& d) { return d.option; });
}

// Breaks a ", "-separated list into indented lines no wider than width.
std::string wrapped(std::string const& list, std::size_t indent, std::size_t width) {
    std::string out;
    std::string line(indent, ' ');
    std::size_t start = 0;
    while (start < list.size()) {
        std::size_t end = list.find(", ", start);
        std::string const item = list.substr(start, end == std::string::npos ? std::string::npos : end + 1 - start);
        if (line.size() > indent && line.size() + 1 + item.size() > width) {
            out += line + "\n";
            line.assign(indent, ' ');
        }
        line += (line.size() > indent ? " " : "") + item;
        start = end == std::string::npos ? list.size() : end + 2;
    }
    return out + line + "\n";
}

void schema_help(std::ostream& out) {
    out << "usage: " << program << " schema [--type T | --all] [--version V] [--dialect D] [--pretty]\n"
        << "\n"
        << "Prints the schema of the authentik event API types as JSON, built from the library's\n"
        << "descriptors, as the named authentik release has it.\n"
        << "\n"
        << "  --type T      one type (openapi: its component; JSON Schema: a document with a $ref\n"
        << "                to it and what it uses):\n"
        << wrapped(known_types(), 16, 90)
        << "  --all         every type (the default): the OpenAPI components map, or a JSON Schema\n"
        << "                document with every definition and no root\n"
        << "  --version V   the release: " << known_versions() << " (default " << ae::latest_release << ")\n"
        << "  --dialect D   " << known_dialects() << " (default openapi)\n"
        << "  --pretty      indent by two spaces\n"
        << "  -h, --help    print this help\n";
}

int run_schema(arguments args, std::ostream& out, std::ostream&) {
    constexpr std::string_view command = "schema";
    std::optional<std::string_view> type;
    bool all = false;
    std::string_view version = ae::latest_release;
    schema::schema_dialect dialect = schema::schema_dialect::openapi_3_0;
    bool pretty = false;

    option_reader opts(command, args);
    while (!opts.done()) {
        std::string_view const name = opts.next();
        if (name == "-h" || name == "--help") {
            opts.flag();
            schema_help(out);
            return exit_ok;
        } else if (name == "--type") {
            std::string_view const v = opts.value();
            type.reset();
            for (auto const& t : schema_types) {
                if (t.option == v) {
                    type = t.schema;
                }
            }
            if (!type) {
                throw usage_error(command, "unknown type \"" + std::string(v) + "\" (known: " + known_types() + ")");
            }
        } else if (name == "--all") {
            opts.flag();
            all = true;
        } else if (name == "--version") {
            version = opts.value();
            if (!ae::find_release(version)) {
                throw usage_error(command,
                                  "unknown version \"" + std::string(version) + "\" (known: " + known_versions() + ")");
            }
        } else if (name == "--dialect") {
            std::string_view const v = opts.value();
            bool found = false;
            for (auto const& d : dialects) {
                if (d.option == v) {
                    dialect = d.dialect;
                    found = true;
                }
            }
            if (!found) {
                throw usage_error(command,
                                  "unknown dialect \"" + std::string(v) + "\" (known: " + known_dialects() + ")");
            }
        } else if (name == "--pretty") {
            opts.flag();
            pretty = true;
        } else {
            throw usage_error(command, "unknown option \"" + std::string(name) + "\"");
        }
    }
    if (type && all) {
        throw usage_error(command, "--type and --all exclude each other");
    }

    bool const openapi = dialect == schema::schema_dialect::openapi_3_0;
    boost::json::object doc;
    if (type) {
        doc = openapi ? ae::openapi_component(*type, version) : ae::json_schema(*type, version, dialect);
    } else {
        doc = openapi ? ae::openapi_components(version) : ae::json_schema_bundle(version, dialect);
    }
    write_json(out, doc, pretty);
    return exit_ok;
}

} // namespace

subcommand const schema_command{"schema", "print the OpenAPI or JSON Schema of the API types", &run_schema,
                                &schema_help};

} // namespace authentik_events_cli
