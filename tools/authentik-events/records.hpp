#ifndef AUTHENTIK_EVENTS_TOOLS_RECORDS_HPP
#define AUTHENTIK_EVENTS_TOOLS_RECORDS_HPP

// What validate and format share: the --type table, file names among the options, reading each
// input as one document or as NDJSON records in bounded memory, and a console that keeps
// stdout buffered and draws a progress bar on stderr.

#include "cli.hpp"

#include <authentik/events/model/autocomplete.hpp>
#include <authentik/events/model/event.hpp>
#include <authentik/events/model/event_request.hpp>
#include <authentik/events/model/generic_error.hpp>
#include <authentik/events/model/paginated_event_list.hpp>
#include <authentik/events/model/pagination.hpp>
#include <authentik/events/model/validation_error.hpp>
#include <authentik/events/schema/drf.hpp>
#include <authentik/events/schema/options.hpp>
#include <authentik/events/schema/parse.hpp>
#include <authentik/events/schema/problem.hpp>
#include <authentik/events/schema/serialize.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <initializer_list>
#include <iostream>
#include <ostream>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

namespace authentik_events_cli {

/// Parses text as one type; on success appends its serialize() text to `canonical` when given.
using check_function = schema::problem_list (*)(std::string_view text, schema::parse_options const& opt,
                                                std::string* canonical, schema::serialize_options const& sopt);

template <class T>
schema::problem_list check_as(std::string_view text, schema::parse_options const& opt, std::string* canonical,
                              schema::serialize_options const& sopt) {
    auto r = schema::parse<T>(text, opt);
    if (!r) {
        return r.problems();
    }
    if (canonical != nullptr) {
        schema::serialize_to(*canonical, *r, sopt);
    }
    return schema::problem_list(opt.max_problems);
}

// Validating a page needs no more than one event's DOM at a time; writing it needs the page.
inline schema::problem_list check_page(std::string_view text, schema::parse_options const& opt, std::string* canonical,
                                       schema::serialize_options const& sopt) {
    if (canonical != nullptr) {
        return check_as<ae::PaginatedEventList>(text, opt, canonical, sopt);
    }
    auto walk = ae::walk_events(
        text, [](std::size_t, ae::Event&&) {}, opt);
    return std::move(walk.problems);
}

/// A type --type names.
struct document_type {
    std::string_view option;
    std::string_view name;
    check_function check;
};

inline constexpr std::array<document_type, 8> document_types{{
    {"event", "Event", &check_as<ae::Event>},
    {"event-request", "EventRequest", &check_as<ae::EventRequest>},
    {"patched-event-request", "PatchedEventRequest", &check_as<ae::PatchedEventRequest>},
    {"validation-error", "ValidationError", &check_as<ae::ValidationError>},
    {"generic-error", "GenericError", &check_as<ae::GenericError>},
    {"pagination", "Pagination", &check_as<ae::Pagination>},
    {"paginated-event-list", "PaginatedEventList", &check_page},
    {"autocomplete", "Autocomplete", &check_as<ae::Autocomplete>},
}};

inline std::string document_type_names() {
    std::string out;
    for (auto const& t : document_types) {
        out += out.empty() ? "" : ", ";
        out += t.option;
    }
    return out;
}

/// The --type values as help lines: indented, no wider than 80 columns.
inline std::string document_type_lines(std::size_t indent) {
    std::string out;
    std::string line(indent, ' ');
    for (auto const& t : document_types) {
        std::string const item = std::string(t.option) + (&t == &document_types.back() ? "" : ",");
        if (line.size() > indent && line.size() + 1 + item.size() > 80) {
            out += line + '\n';
            line.assign(indent, ' ');
        }
        line += (line.size() > indent ? " " : "") + item;
    }
    return out + line + '\n';
}

inline document_type const& find_document_type(std::string_view command, std::string_view option) {
    for (auto const& t : document_types) {
        if (t.option == option) {
            return t;
        }
    }
    throw usage_error(command, "unknown type \"" + std::string(option) + "\" (known: " + document_type_names() + ")");
}

/// The problem parse() reports for a document over max_bytes, for one that was never held.
inline schema::problem_list too_large(std::uint64_t size, schema::parse_options const& opt) {
    schema::problem_list out(opt.max_problems);
    auto w = schema::drf::parse_error("document too large");
    out.add(schema::problem{"",
                            schema::error::size_exceeded,
                            "document of " + std::to_string(size) + " bytes is larger than the limit of " +
                                std::to_string(opt.max_bytes),
                            {},
                            w.code,
                            std::move(w.message)});
    return out;
}

/// The option arguments (for option_reader) and the inputs, in order; no input means stdin.
struct split_arguments {
    std::vector<std::string_view> options;
    std::vector<std::string_view> inputs;
};

/// Separates inputs from options. option_reader knows no positional arguments, so the options
/// that take a value are named here: their value is never an input.
inline split_arguments split_inputs(arguments args, std::initializer_list<std::string_view> with_value) {
    split_arguments out;
    for (std::size_t i = 0; i < args.size(); ++i) {
        std::string_view const a = args[i];
        if (a == "--") {
            out.inputs.insert(out.inputs.end(), args.begin() + static_cast<std::ptrdiff_t>(i) + 1, args.end());
            break;
        }
        if (a == "-" || a.empty() || a[0] != '-') {
            out.inputs.push_back(a);
            continue;
        }
        out.options.push_back(a);
        bool takes_value = false;
        for (auto v : with_value) {
            takes_value = takes_value || v == a;
        }
        if (takes_value && i + 1 < args.size()) {
            out.options.push_back(args[++i]);
        }
    }
    if (out.inputs.empty()) {
        out.inputs.emplace_back("-");
    }
    return out;
}

/// stdout gathered and written in large pieces, errors on stderr, and a progress bar on stderr
/// when it is a terminal and the input is large. The bar is cleared before anything else is
/// written, so it never lands in the middle of a line.
class console {
public:
    console(std::ostream& out, std::ostream& err, std::string_view command)
        : out_(out), err_(err), command_(command), bar_enabled_(&err == &std::cerr && ::isatty(STDERR_FILENO) == 1) {}

    console(console const&) = delete;
    console& operator=(console const&) = delete;

    /// The subcommand's name, for messages.
    [[nodiscard]] std::string_view command() const noexcept { return command_; }

    /// Where stdout's text is appended; call written() after appending.
    [[nodiscard]] std::string& buffer() noexcept { return buf_; }

    void written() {
        if (buf_.size() >= flush_size) {
            flush();
        }
    }

    /// A line on stderr.
    void error(std::string_view line) {
        clear_bar();
        flush();
        err_ << line << '\n';
    }

    /// Starts a new input; total is its size when known, else 0.
    void begin_input(std::string_view name, std::uint64_t total) {
        name_ = name;
        total_ = total;
    }

    /// Redraws the bar, at most a few times a second, once the input is large.
    void progress(std::uint64_t bytes, std::size_t records) {
        if (!bar_enabled_) {
            return;
        }
        bool const large = total_ > large_bytes || bytes > large_bytes || records + records_before_ > large_records;
        auto const now = std::chrono::steady_clock::now();
        if (!large || now - last_draw_ < redraw_interval) {
            return;
        }
        last_draw_ = now;
        clear_bar();
        flush();
        std::string line = "\r" + std::string(command_) + ": " + std::string(name_.substr(0, 40)) + ": ";
        if (total_ > 0) {
            std::uint64_t const percent = std::min<std::uint64_t>(bytes * 100 / total_, 100);
            std::size_t const filled = static_cast<std::size_t>(percent / 5);
            line += "[" + std::string(filled, '#') + std::string(20 - filled, ' ') + "] " + std::to_string(percent) +
                    "% of " + mebibytes(total_);
        } else {
            line += mebibytes(bytes);
        }
        line += ", " + std::to_string(records) + " records\x1b[K";
        err_ << line << std::flush;
        bar_drawn_ = true;
    }

    /// Counts the records of inputs already done toward "large".
    void end_input(std::size_t records) { records_before_ += records; }

    /// Writes what is left and clears the bar.
    void finish() {
        clear_bar();
        flush();
    }

private:
    static constexpr std::size_t flush_size = std::size_t{1} << 16U;
    static constexpr std::uint64_t large_bytes = std::uint64_t{8} << 20U;
    static constexpr std::size_t large_records = 10'000;
    static constexpr auto redraw_interval = std::chrono::milliseconds(250);

    static std::string mebibytes(std::uint64_t bytes) {
        std::uint64_t const tenths = bytes * 10 / (std::uint64_t{1} << 20U);
        return std::to_string(tenths / 10) + "." + std::to_string(tenths % 10) + " MiB";
    }

    void flush() {
        if (!buf_.empty()) {
            clear_bar();
            out_.write(buf_.data(), static_cast<std::streamsize>(buf_.size()));
            buf_.clear();
        }
        if (bar_enabled_) {
            out_.flush(); // stdout may share the terminal with the bar
        }
    }

    void clear_bar() {
        if (bar_drawn_) {
            err_ << "\r\x1b[K" << std::flush;
            bar_drawn_ = false;
        }
    }

    std::ostream& out_;
    std::ostream& err_;
    std::string_view command_;
    std::string buf_;
    bool bar_enabled_;
    bool bar_drawn_ = false;
    std::string_view name_;
    std::uint64_t total_ = 0;
    std::size_t records_before_ = 0;
    std::chrono::steady_clock::time_point last_draw_{};
};

/// A file named on the command line, or stdin for "-". Read in chunks: nothing here holds more
/// than the caller asks for.
class input_file {
public:
    explicit input_file(std::string_view name) : name_(name) {
        if (name == "-") {
            file_ = stdin;
        } else {
            file_ = std::fopen(std::string(name).c_str(), "rb");
            if (file_ == nullptr) {
                fail("cannot open");
                return;
            }
            owned_ = true;
        }
        struct ::stat st {};
        if (::fstat(::fileno(file_), &st) == 0 && S_ISREG(st.st_mode)) {
            size_ = static_cast<std::uint64_t>(st.st_size);
        }
    }
    ~input_file() {
        if (owned_) {
            std::fclose(file_);
        }
    }
    input_file(input_file const&) = delete;
    input_file& operator=(input_file const&) = delete;

    /// Why the file could not be read, naming it; empty while all is well.
    [[nodiscard]] std::string const& error() const noexcept { return error_; }
    /// Its size when it is a regular file, else 0.
    [[nodiscard]] std::uint64_t size() const noexcept { return size_; }

    /// Up to n bytes; 0 at the end or on an error.
    std::size_t read(char* to, std::size_t n) {
        if (file_ == nullptr || !error_.empty()) {
            return 0;
        }
        std::size_t const got = std::fread(to, 1, n, file_);
        if (got == 0 && std::ferror(file_) != 0) {
            fail("cannot read");
        }
        return got;
    }

private:
    void fail(char const* what) {
        int const e = errno;
        error_ = std::string(what) + " \"" + std::string(name_ == "-" ? "(stdin)" : name_) +
                 "\": " + std::generic_category().message(e);
    }

    std::string_view name_;
    std::FILE* file_ = nullptr;
    bool owned_ = false;
    std::uint64_t size_ = 0;
    std::string error_;
};

/// What a reader hands over: record number, text, and the record's size when it was over the
/// limit and therefore not kept (text is then empty), else 0.
struct record {
    std::size_t number;
    std::string_view text;
    std::uint64_t oversize;
};

inline constexpr std::size_t read_chunk = std::size_t{1} << 20U;

/// The whole input as record 1. Past max_bytes it is counted, not kept.
template <class F>
void read_document(input_file& in, std::size_t max_bytes, console& con, F&& on_record) {
    if (in.size() > max_bytes) {
        on_record(record{1, {}, in.size()}); // a regular file's size is known: no need to read it
        return;
    }
    std::string text;
    text.reserve(static_cast<std::size_t>(in.size()));
    std::vector<char> chunk(read_chunk);
    std::uint64_t size = 0;
    while (std::size_t const n = in.read(chunk.data(), chunk.size())) {
        size += n;
        if (size <= max_bytes) {
            text.append(chunk.data(), n);
        }
        con.progress(size, 0);
    }
    if (in.error().empty()) {
        on_record(
            record{1, size > max_bytes ? std::string_view{} : std::string_view(text), size > max_bytes ? size : 0});
    }
}

[[nodiscard]] inline bool blank(std::string_view line) noexcept {
    return line.find_first_not_of(" \t\r") == std::string_view::npos;
}

/// NDJSON: each line a record numbered from 1, blank lines skipped. Memory is one read chunk
/// plus the longest line, and a line over max_bytes is counted, not kept.
template <class F>
std::size_t read_lines(input_file& in, std::size_t max_bytes, console& con, F&& on_record) {
    std::vector<char> chunk(read_chunk);
    std::string line;            // a line that spans reads
    std::uint64_t line_size = 0; // its length, counted past max_bytes too
    std::size_t number = 0;
    std::size_t records = 0;
    std::uint64_t bytes = 0;
    auto emit = [&](std::string_view text, std::uint64_t size) {
        ++number;
        if (size > max_bytes) {
            ++records;
            on_record(record{number, {}, size});
        } else if (!blank(text)) {
            ++records;
            on_record(record{number, text, 0});
        }
    };
    while (std::size_t const n = in.read(chunk.data(), chunk.size())) {
        bytes += n;
        std::string_view rest(chunk.data(), n);
        while (!rest.empty()) {
            std::size_t const nl = rest.find('\n');
            std::string_view const piece = rest.substr(0, nl);
            rest = nl == std::string_view::npos ? std::string_view{} : rest.substr(nl + 1);
            if (nl != std::string_view::npos && line_size == 0) {
                emit(piece, piece.size()); // the whole line is in the chunk: no copy
                continue;
            }
            line_size += piece.size();
            if (line_size <= max_bytes) {
                line.append(piece);
            }
            if (nl != std::string_view::npos) {
                emit(line, line_size);
                line.clear();
                line_size = 0;
            }
        }
        con.progress(bytes, records);
    }
    if (line_size > 0 && in.error().empty()) {
        emit(line, line_size); // the last line has no newline
    }
    return records;
}

/// Reads one input with the reader the options ask for; false (with the message on stderr)
/// when it cannot be read.
template <class F>
bool read_input(std::string_view name, bool lines, std::size_t max_bytes, console& con, F&& on_record) {
    input_file in(name);
    con.begin_input(name, in.size());
    std::size_t records = 1;
    if (in.error().empty()) {
        if (lines) {
            records = read_lines(in, max_bytes, con, on_record);
        } else {
            read_document(in, max_bytes, con, on_record);
        }
    }
    con.end_input(records);
    if (!in.error().empty()) {
        con.error(std::string(program) + " " + std::string(con.command()) + ": " + in.error());
        return false;
    }
    return true;
}

} // namespace authentik_events_cli

#endif
