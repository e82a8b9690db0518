// authentik-events format: writes valid payloads again in the server's canonical form.

#include "cli.hpp"
#include "records.hpp"

#include <cstddef>
#include <ostream>
#include <sstream>
#include <string>
#include <string_view>

namespace authentik_events_cli {

namespace {

void format_help(std::ostream& out) {
    out << "usage: " << program << " format [--type T] [--strict] [--lines] [--pretty] [FILE...]\n"
        << "\n"
        << "Writes each payload of FILE (\"-\" or none: stdin) as the server writes it: keys in\n"
        << "schema order, absent fields left out, UUIDs lowercase, date-times in UTC as DRF\n"
        << "writes them, numbers as Python writes them. One document a line (with --pretty,\n"
        << "indented). An invalid payload is not written: its problems go to stderr.\n"
        << "\n"
        << "  --type T      the payload's type (default event):\n"
        << document_type_lines(16)
        << "  --strict      reject unknown keys and unknown actions; by default unknown keys\n"
        << "                are dropped and unknown actions kept\n"
        << "  --lines       NDJSON: each non-blank line is a document\n"
        << "  --pretty      indent by two spaces\n"
        << "  -h, --help    print this help\n"
        << "\n"
        << "Exit status: 0 every payload written, 1 a payload invalid, 2 usage or I/O error.\n";
}

int run_format(arguments args, std::ostream& out, std::ostream& err) {
    constexpr std::string_view command = "format";
    split_arguments const split = split_inputs(args, {"--type"});
    document_type const* type = &document_types[0];
    schema::parse_options opt;
    schema::serialize_options sopt;
    bool lines = false;

    option_reader opts(command, split.options);
    while (!opts.done()) {
        std::string_view const name = opts.next();
        if (name == "-h" || name == "--help") {
            opts.flag();
            format_help(out);
            return exit_ok;
        } else if (name == "--type") {
            type = &find_document_type(command, opts.value());
        } else if (name == "--strict") {
            opts.flag();
            opt = schema::parse_options::strict();
        } else if (name == "--lines") {
            opts.flag();
            lines = true;
        } else if (name == "--pretty") {
            opts.flag();
            sopt.pretty = true;
        } else {
            throw usage_error(command, "unknown option \"" + std::string(name) + "\"");
        }
    }

    console con(out, err, command);
    std::size_t invalid = 0;
    std::size_t unreadable = 0;
    for (std::string_view const file : split.inputs) {
        bool const readable = read_input(file, lines, opt.max_bytes, con, [&](record const& r) {
            std::string& buf = con.buffer();
            std::size_t const mark = buf.size();
            schema::problem_list const problems =
                r.oversize > 0 ? too_large(r.oversize, opt) : type->check(r.text, opt, &buf, sopt);
            if (problems.empty()) {
                buf += '\n';
                con.written();
                return;
            }
            buf.resize(mark);
            ++invalid;
            std::ostringstream os;
            os << file << ':' << r.number << ": not a valid " << type->name << ", not written";
            for (auto const& p : problems) {
                os << '\n' << file << ':' << r.number << ": " << p;
            }
            if (problems.truncated()) {
                os << '\n'
                   << file << ':' << r.number << ": (" << problems.total() - problems.size()
                   << " more problems dropped at the cap of " << problems.size() << ")";
            }
            con.error(os.str());
        });
        unreadable += readable ? 0 : 1;
    }
    con.finish();
    if (unreadable > 0) {
        return exit_usage;
    }
    return invalid > 0 ? exit_failure : exit_ok;
}

} // namespace

subcommand const format_command{"format", "write payloads again in the server's canonical form", &run_format,
                                &format_help};

} // namespace authentik_events_cli
