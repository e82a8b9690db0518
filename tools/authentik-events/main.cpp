// authentik-events: the library on the command line. main() only dispatches; each subcommand
// lives in its own <name>_command.cpp (see cli.hpp) and is one line in the table below.
//
// Exit status: 0 success, 1 an input is invalid, 2 usage or I/O error (message on stderr).

#include "cli.hpp"

#include <array>
#include <exception>
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

namespace authentik_events_cli {
namespace {

// In the order --help lists them.
std::array<subcommand const*, 4> const commands{&schema_command, &validate_command, &format_command, &fixtures_command};

void program_help(std::ostream& out) {
    out << "usage: " << program << " <command> [options]\n"
        << "\n"
        << "Commands:\n";
    for (auto const* c : commands) {
        out << "  " << c->name << std::string(c->name.size() < 10 ? 10 - c->name.size() : 1, ' ') << c->summary << '\n';
    }
    out << "\n"
        << "Run '" << program << " <command> --help' for a command's options.\n";
}

subcommand const* find_command(std::string_view name) {
    for (auto const* c : commands) {
        if (c->name == name) {
            return c;
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
} // namespace authentik_events_cli

int main(int argc, char** argv) {
    using namespace authentik_events_cli;
    std::vector<std::string_view> args;
    for (int i = 1; i < argc; ++i) {
        args.emplace_back(argv[i]);
    }
    try {
        int const status = run(args, std::cout, std::cerr);
        std::cout.flush();
        if (!std::cout) {
            std::cerr << program << ": cannot write the output\n";
            return exit_usage; // an I/O error, whatever the verdict was
        }
        return status;
    } catch (usage_error const& e) {
        std::string const prefix =
            e.command().empty() ? std::string(program) : std::string(program) + " " + std::string(e.command());
        std::cerr << prefix << ": " << e.what() << "\n"
                  << "Try '" << prefix << " --help'.\n";
        return exit_usage;
    } catch (std::exception const& e) {
        // Not a verdict on the input: 1 means only "an input is invalid".
        std::cerr << program << ": " << e.what() << '\n';
        return exit_usage;
    }
}
