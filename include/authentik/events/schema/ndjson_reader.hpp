#ifndef AUTHENTIK_EVENTS_SCHEMA_NDJSON_READER_HPP
#define AUTHENTIK_EVENTS_SCHEMA_NDJSON_READER_HPP

#include <authentik/events/schema/describe.hpp>
#include <authentik/events/schema/options.hpp>
#include <authentik/events/schema/parser.hpp>
#include <authentik/events/schema/result.hpp>

#include <boost/json/storage_ptr.hpp>

#include <cstddef>
#include <cstring>
#include <string_view>
#include <utility>

namespace authentik::events::schema {

/// Reads newline-delimited JSON (one T a line) given in pieces of any size, handing each line's
/// result to `on_line(line_number, result<T>&&)` (numbers from 1) as soon as its newline
/// arrives. Lines go straight to a reused parser<T>, never into a buffer, so memory stays flat
/// whatever the file's size or a line's length; parse_options::max_bytes limits each line.
/// Blank lines (only spaces, tabs, CR) are skipped. Exceptions from `on_line` propagate.
template <described T>
class ndjson_reader {
public:
    /// `sp` is the storage of the values' free-form members.
    explicit ndjson_reader(parse_options const& opt = {}, boost::json::storage_ptr sp = {}) : p_(opt, std::move(sp)) {}

    /// Feeds the next piece of the stream.
    template <class F>
    void write(std::string_view chunk, F&& on_line) {
        while (!chunk.empty()) {
            void const* nl = std::memchr(chunk.data(), '\n', chunk.size());
            std::size_t const n =
                nl == nullptr ? chunk.size() : static_cast<std::size_t>(static_cast<char const*>(nl) - chunk.data());
            std::string_view const piece = chunk.substr(0, n);
            if (!content_) {
                content_ = piece.find_first_not_of(" \t\r") != std::string_view::npos;
            }
            if (content_) {
                (void)p_.write(piece);
            }
            if (nl == nullptr) {
                return;
            }
            end_line(on_line);
            chunk.remove_prefix(n + 1);
        }
    }

    /// Ends the stream: a last line without a newline is read too.
    template <class F>
    void finish(F&& on_line) {
        if (content_) {
            end_line(on_line);
        }
        line_ = 1;
    }

    /// The number of the line being read (1 before anything is written).
    [[nodiscard]] std::size_t line() const noexcept { return line_; }

private:
    template <class F>
    void end_line(F& on_line) {
        std::size_t const number = line_++;
        if (!content_) {
            return;
        }
        content_ = false;
        on_line(number, p_.finish());
    }

    parser<T> p_;
    std::size_t line_ = 1;
    bool content_ = false;
};

} // namespace authentik::events::schema

#endif
