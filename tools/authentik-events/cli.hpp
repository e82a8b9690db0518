#ifndef AUTHENTIK_EVENTS_TOOLS_CLI_HPP
#define AUTHENTIK_EVENTS_TOOLS_CLI_HPP

// What every subcommand of the authentik-events program shares: exit codes, option parsing,
// usage errors, JSON output. Each subcommand lives in its own <name>_command.cpp and is listed
// in main.cpp's command table.

#include <authentik/events/schema/json_writer.hpp>

#include <boost/json/value.hpp>

#include <cstddef>
#include <optional>
#include <ostream>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>

namespace authentik_events_cli {

namespace ae = authentik::events;
namespace schema = authentik::events::schema;

inline constexpr std::string_view program = "authentik-events";
inline constexpr int exit_ok = 0;
inline constexpr int exit_failure = 1;
inline constexpr int exit_usage = 2;

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

inline void write_json(std::ostream& out, boost::json::value const& v, bool pretty) {
    std::string text;
    schema::json_writer w(text, pretty);
    w.value(v);
    text.push_back('\n');
    out << text;
}

/// One subcommand: its name, a one-line summary, what runs it and what prints its --help.
struct subcommand {
    std::string_view name;
    std::string_view summary;
    int (*run)(arguments, std::ostream& out, std::ostream& err);
    void (*help)(std::ostream&);
};

/// The subcommands, each defined in its own file.
extern subcommand const schema_command;
extern subcommand const validate_command;
extern subcommand const format_command;
extern subcommand const fixtures_command;

} // namespace authentik_events_cli

#endif
