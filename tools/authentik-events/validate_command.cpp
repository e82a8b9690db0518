// authentik-events validate: checks payloads, whole files or NDJSON lines, and reports every
// problem for people (text), for programs (json) or as the server's 400 body (drf).

#include "cli.hpp"
#include "labelled_fixture.hpp"
#include "records.hpp"

#include <authentik/events/model/validation_error.hpp>
#include <authentik/events/schema/json_writer.hpp>
#include <authentik/events/schema/serialize.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <ostream>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace authentik_events_cli {

namespace {

enum class output_format { text, json, drf };

void validate_help(std::ostream& out) {
    out << "usage: " << program << " validate [--type T] [--strict] [--lines] [--expect] [--format F] [FILE...]\n"
        << "\n"
        << "Checks that each FILE (\"-\" or none: stdin) holds a valid payload of the type, and\n"
        << "reports every problem, each at its JSON Pointer.\n"
        << "\n"
        << "  --type T      the payload's type (default event):\n"
        << document_type_lines(16)
        << "  --strict      reject unknown keys and unknown actions (parse_options::strict());\n"
        << "                by default both are accepted, as from a real server\n"
        << "  --lines       NDJSON: each non-blank line is a record, numbered by its line;\n"
        << "                read line by line, so a file of any size fits in memory\n"
        << "  --expect      each record is a labelled invalid fixture (fixtures --invalid): its\n"
        << "                payload is checked (strictly when its \"strict\" says so) and its\n"
        << "                problems compared with its \"expect\" (pointer and code, in any\n"
        << "                order); a record passes when they are the same\n"
        << "  --format F    text (default): \"file:record: pointer: message\" per problem and\n"
        << "                a summary; json: one object per record with its errors; drf: for\n"
        << "                each invalid record, the 400 body the server answers (not with\n"
        << "                --expect)\n"
        << "  -h, --help    print this help\n"
        << "\n"
        << "Exit status: 0 every record valid (with --expect: every record as labelled),\n"
        << "1 a record invalid (not as labelled), 2 usage or I/O error.\n";
}

struct totals {
    std::size_t records = 0;
    std::size_t as_expected = 0; // --expect
    std::size_t valid = 0;
    std::size_t invalid = 0;
    std::size_t problems = 0;
    std::size_t unreadable = 0;
};

void write_text(std::string& out, std::string_view file, std::size_t record, schema::problem_list const& problems) {
    std::ostringstream os;
    for (auto const& p : problems) {
        os << file << ':' << record << ": " << p << '\n';
    }
    if (problems.truncated()) {
        os << file << ':' << record << ": (" << problems.total() - problems.size()
           << " more problems dropped at the cap of " << problems.size() << ")\n";
    }
    out += os.str();
}

// What --expect found for one record: its rule and whether its problems were the labelled ones.
struct expectation {
    std::string_view rule;
    bool met;
};

void write_json_record(std::string& out, std::string_view file, std::size_t record,
                       schema::problem_list const& problems, expectation const* expected = nullptr) {
    schema::json_writer w(out);
    w.begin_object();
    w.key("file");
    w.string(file);
    w.key("record");
    w.integer(static_cast<std::uint64_t>(record));
    if (expected != nullptr) {
        w.key("rule");
        w.string(expected->rule);
        w.key("as_expected");
        w.boolean(expected->met);
    }
    w.key("valid");
    w.boolean(problems.empty());
    w.key("errors");
    w.begin_array();
    for (auto const& p : problems) {
        w.element();
        w.begin_object();
        w.key("pointer");
        w.string(p.pointer);
        w.key("code");
        w.string(schema::to_string(p.code));
        w.key("message");
        w.string(p.message);
        w.end_object();
    }
    w.end_array();
    if (problems.truncated()) {
        w.key("dropped");
        w.integer(static_cast<std::uint64_t>(problems.total() - problems.size()));
    }
    w.end_object();
    out += '\n';
}

using pointer_and_code = std::pair<std::string, std::string>;

// The (pointer, code) pairs of a problem list, sorted: a label does not fix their order.
std::vector<pointer_and_code> sorted_pairs(schema::problem_list const& problems) {
    std::vector<pointer_and_code> out;
    for (auto const& p : problems) {
        out.emplace_back(p.pointer, std::string(schema::to_string(p.code)));
    }
    std::sort(out.begin(), out.end());
    return out;
}

std::string pairs_text(std::vector<pointer_and_code> const& pairs) {
    std::string out = "[";
    for (auto const& [pointer, code] : pairs) {
        out += (out.size() > 1 ? ", " : "") + (pointer.empty() ? std::string("(document)") : pointer) + " " + code;
    }
    return out + "]";
}

std::string plural(std::size_t n, std::string_view one, std::string_view many) {
    return std::to_string(n) + " " + std::string(n == 1 ? one : many);
}

int run_validate(arguments args, std::ostream& out, std::ostream& err) {
    constexpr std::string_view command = "validate";
    split_arguments const split = split_inputs(args, {"--type", "--format"});
    document_type const* type = &document_types[0];
    schema::parse_options opt;
    bool lines = false;
    bool expect = false;
    output_format format = output_format::text;

    option_reader opts(command, split.options);
    while (!opts.done()) {
        std::string_view const name = opts.next();
        if (name == "-h" || name == "--help") {
            opts.flag();
            validate_help(out);
            return exit_ok;
        } else if (name == "--type") {
            type = &find_document_type(command, opts.value());
        } else if (name == "--strict") {
            opts.flag();
            opt = schema::parse_options::strict();
        } else if (name == "--lines") {
            opts.flag();
            lines = true;
        } else if (name == "--expect") {
            opts.flag();
            expect = true;
        } else if (name == "--format") {
            std::string_view const v = opts.value();
            if (v == "text") {
                format = output_format::text;
            } else if (v == "json") {
                format = output_format::json;
            } else if (v == "drf") {
                format = output_format::drf;
            } else {
                throw usage_error(command, "unknown format \"" + std::string(v) + "\" (known: text, json, drf)");
            }
        } else {
            throw usage_error(command, "unknown option \"" + std::string(name) + "\"");
        }
    }
    if (expect && format == output_format::drf) {
        throw usage_error(command, "--format drf does not apply with --expect");
    }

    console con(out, err, command);
    totals t;
    // --expect: the record is a labelled fixture; its payload's problems must be its labels.
    auto check_labelled = [&](record const& r, std::string_view file) {
        ++t.records;
        std::string why = r.oversize > 0 ? "larger than the limit of " + std::to_string(opt.max_bytes) + " bytes" : "";
        std::optional<labelled_fixture> f;
        if (why.empty()) {
            f = read_labelled(r.text, why);
        }
        std::string& buf = con.buffer();
        if (!f) {
            ++t.invalid;
            buf += std::string(file) + ':' + std::to_string(r.number) + ": not a labelled fixture: " + why + '\n';
            con.written();
            return;
        }
        schema::problem_list const problems =
            type->check(f->payload, f->strict ? schema::parse_options::strict() : opt, nullptr, {});
        std::sort(f->expect.begin(), f->expect.end());
        auto const got = sorted_pairs(problems);
        bool const met = got == f->expect;
        ++(problems.empty() ? t.valid : t.invalid);
        t.as_expected += met ? 1 : 0;
        t.problems += problems.total();
        if (format == output_format::json) {
            expectation const e{f->rule, met};
            write_json_record(buf, file, r.number, problems, &e);
        } else if (!met) {
            buf += std::string(file) + ':' + std::to_string(r.number) + ": " + f->rule + ": expected " +
                   pairs_text(f->expect) + ", got " + pairs_text(got) + '\n';
            write_text(buf, file, r.number, problems);
        }
        con.written();
    };
    for (std::string_view const file : split.inputs) {
        bool const readable = read_input(file, lines, opt.max_bytes, con, [&](record const& r) {
            if (expect) {
                check_labelled(r, file);
                return;
            }
            schema::problem_list const problems =
                r.oversize > 0 ? too_large(r.oversize, opt) : type->check(r.text, opt, nullptr, {});
            ++t.records;
            ++(problems.empty() ? t.valid : t.invalid);
            t.problems += problems.total();
            std::string& buf = con.buffer();
            switch (format) {
            case output_format::text: write_text(buf, file, r.number, problems); break;
            case output_format::json: write_json_record(buf, file, r.number, problems); break;
            case output_format::drf:
                if (!problems.empty()) {
                    schema::serialize_to(buf, ae::to_validation_error(problems));
                    buf += '\n';
                }
                break;
            }
            con.written();
        });
        t.unreadable += readable ? 0 : 1;
    }
    if (format == output_format::text) {
        std::string& buf = con.buffer();
        buf += plural(t.records, "record", "records") + ": ";
        if (expect) {
            buf +=
                std::to_string(t.as_expected) + " as labelled, " + std::to_string(t.records - t.as_expected) + " not; ";
        }
        buf += std::to_string(t.valid) + " valid, " + std::to_string(t.invalid) + " invalid, " +
               plural(t.problems, "problem", "problems");
        if (t.unreadable > 0) {
            buf += ", " + plural(t.unreadable, "input", "inputs") + " unreadable";
        }
        buf += '\n';
    }
    con.finish();
    if (t.unreadable > 0) {
        return exit_usage;
    }
    if (expect) {
        return t.as_expected == t.records ? exit_ok : exit_failure;
    }
    return t.invalid > 0 ? exit_failure : exit_ok;
}

} // namespace

subcommand const validate_command{"validate", "check payloads and report every problem", &run_validate, &validate_help};

} // namespace authentik_events_cli
