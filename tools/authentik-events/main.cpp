// authentik-events: the library on the command line. main() only dispatches; each subcommand
// is one function taking its arguments and the two streams, so that later ones (validate,
// fixtures, format) slot into the command table without touching the others.
//
// Exit status: 0 success, 1 failure while running, 2 usage error (message on stderr).

#include <authentik/events/model/event_actions.hpp>
#include <authentik/events/model/openapi.hpp>
#include <authentik/events/schema/export.hpp>
#include <authentik/events/schema/json_writer.hpp>

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <array>
#include <cstddef>
#include <exception>
#include <iostream>
#include <optional>
#include <ostream>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace {

namespace ae = authentik::events;
namespace schema = authentik::events::schema;

constexpr std::string_view program = "authentik-events";
constexpr int exit_ok = 0;
constexpr int exit_failure = 1;
constexpr int exit_usage = 2;

using arguments = std::span<std::string_view const>;

// Thrown for a usage mistake; main() prints it with a pointer to --help and exits 2.
class usage_error : public std::runtime_error {
public:
    usage_error(std::string_view command, std::string const& what) : std::runtime_error(what), command_(command) {}
    [[nodiscard]] std::string_view command() const noexcept { return command_; }

private:
    std::string_view command_;
};

// Reads `--name value`, `--name=value` and bare flags, in any order.
class option_reader {
public:
    option_reader(std::string_view command, arguments args) : command_(command), args_(args) {}

    [[nodiscard]] bool done() const noexcept { return i_ >= args_.size(); }

    // The next option's name ("--type"); a positional argument is a usage error.
    [[nodiscard]] std::string_view next() {
        std::string_view a = args_[i_++];
        inline_value_.reset();
        if (a.size() < 2 || a[0] != '-') {
            throw usage_error(command_, "unexpected argument \"" + std::string(a) + "\"");
        }
        if (auto eq = a.find('='); eq != std::string_view::npos && a.substr(0, 2) == "--") {
            inline_value_ = a.substr(eq + 1);
            a = a.substr(0, eq);
        }
        name_ = a;
        return a;
    }

    [[nodiscard]] std::string_view value() {
        if (inline_value_) {
            return *std::exchange(inline_value_, std::nullopt);
        }
        if (done()) {
            throw usage_error(command_, "option " + std::string(name_) + " needs a value");
        }
        return args_[i_++];
    }

    // A flag must not be given a value with "=".
    void flag() const {
        if (inline_value_) {
            throw usage_error(command_, "option " + std::string(name_) + " takes no value");
        }
    }

private:
    std::string_view command_;
    arguments args_;
    std::size_t i_ = 0;
    std::string_view name_;
    std::optional<std::string_view> inline_value_;
};

void write_json(std::ostream& out, boost::json::value const& v, bool pretty) {
    std::string text;
    schema::json_writer w(text, pretty);
    w.value(v);
    text.push_back('\n');
    out << text;
}

// ---- schema ---------------------------------------------------------------------------------

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

// ---- dispatch -------------------------------------------------------------------------------

struct subcommand {
    std::string_view name;
    std::string_view summary;
    int (*run)(arguments, std::ostream& out, std::ostream& err);
    void (*help)(std::ostream&);
};

constexpr std::array<subcommand, 1> commands{{
    {"schema", "print the OpenAPI or JSON Schema of the API types", &run_schema, &schema_help},
}};

void program_help(std::ostream& out) {
    out << "usage: " << program << " <command> [options]\n"
        << "\n"
        << "Commands:\n";
    for (auto const& c : commands) {
        out << "  " << c.name << std::string(c.name.size() < 10 ? 10 - c.name.size() : 1, ' ') << c.summary << '\n';
    }
    out << "\n"
        << "Run '" << program << " <command> --help' for a command's options.\n";
}

subcommand const* find_command(std::string_view name) {
    for (auto const& c : commands) {
        if (c.name == name) {
            return &c;
        }
    }
    return nullptr;
}

int run(arguments args, std::ostream& out, std::ostream& err) {
    if (args.empty()) {
        program_help(err);
        return exit_usage;
    }
    std::string_view const first = args.front();
    if (first == "-h" || first == "--help") {
        program_help(out);
        return exit_ok;
    }
    if (first == "help") {
        if (args.size() == 1) {
            program_help(out);
            return exit_ok;
        }
        if (auto const* c = find_command(args[1])) {
            c->help(out);
            return exit_ok;
        }
        throw usage_error({}, "unknown command \"" + std::string(args[1]) + "\"");
    }
    auto const* c = find_command(first);
    if (c == nullptr) {
        throw usage_error({}, first.substr(0, 1) == "-" ? "unknown option \"" + std::string(first) + "\""
                                                        : "unknown command \"" + std::string(first) + "\"");
    }
    return c->run(args.subspan(1), out, err);
}

} // namespace

int main(int argc, char** argv) {
    std::vector<std::string_view> args;
    for (int i = 1; i < argc; ++i) {
        args.emplace_back(argv[i]);
    }
    try {
        int const status = run(args, std::cout, std::cerr);
        std::cout.flush();
        if (!std::cout) {
            std::cerr << program << ": cannot write the output\n";
            return exit_failure;
        }
        return status;
    } catch (usage_error const& e) {
        std::string const prefix = e.command().empty() ? std::string(program) : std::string(program) + " " + std::string(e.command());
        std::cerr << prefix << ": " << e.what() << "\n"
                  << "Try '" << prefix << " --help'.\n";
        return exit_usage;
    } catch (std::exception const& e) {
        std::cerr << program << ": " << e.what() << '\n';
        return exit_failure;
    }
}
