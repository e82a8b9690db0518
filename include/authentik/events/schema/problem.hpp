#ifndef AUTHENTIK_EVENTS_SCHEMA_PROBLEM_HPP
#define AUTHENTIK_EVENTS_SCHEMA_PROBLEM_HPP

#include <authentik/events/schema/error.hpp>

#include <algorithm>
#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace authentik::events::schema {

/// One thing wrong with a document.
struct problem {
    std::string pointer;       ///< RFC 6901 JSON Pointer to the offending place ("" is the document)
    error code{};              ///< stable machine-readable code
    std::string message;       ///< for people: the rule broken and the value that broke it
    std::string value;         ///< the offending JSON value, shortened; empty when there is none
    std::string_view drf_code; ///< the code Django REST framework gives the same failure ("required")
    std::string drf_message;   ///< DRF's wording of the same failure ("This field is required.")

    friend bool operator==(problem const&, problem const&) = default;
};

/// Prints "pointer: message (got value) [code]", the form used in test failures and the CLI.
inline std::ostream& operator<<(std::ostream& os, problem const& p) {
    os << (p.pointer.empty() ? std::string_view("(document)") : std::string_view(p.pointer)) << ": " << p.message;
    if (!p.value.empty()) {
        os << " (got " << p.value << ')';
    }
    return os << " [" << to_string(p.code) << ']';
}

/// Every problem found in one document, in the order found, up to a cap.
class problem_list {
public:
    /// Default cap on collected problems; past it the list is marked truncated.
    static constexpr std::size_t default_cap = 100;

    explicit problem_list(std::size_t cap = default_cap) noexcept : cap_(cap == 0 ? 1 : cap) {}

    /// Adds a problem unless the cap is reached, in which case the list only becomes truncated().
    void add(problem p) {
        if (items_.size() < cap_) {
            items_.push_back(std::move(p)); // first: a failed allocation leaves the count as it was
        } else {
            truncated_ = true;
        }
        ++total_;
    }

    /// Counts a problem the list cannot store, as past the cap: for when there is no memory to
    /// store it. The list then reads as truncated.
    void drop() noexcept {
        ++total_;
        truncated_ = true;
    }

    /// Moves the stored problems out and empties the list (its cap stays).
    [[nodiscard]] std::vector<problem> release() noexcept {
        total_ = 0;
        truncated_ = false;
        return std::exchange(items_, {});
    }

    /// True once the cap is reached: further problems are counted as dropped, not stored.
    [[nodiscard]] bool full() const noexcept { return items_.size() >= cap_; }
    /// True when problems were dropped because of the cap.
    [[nodiscard]] bool truncated() const noexcept { return truncated_; }
    [[nodiscard]] bool empty() const noexcept { return items_.empty(); }
    /// Problems found, the dropped ones included.
    [[nodiscard]] std::size_t total() const noexcept { return total_; }
    [[nodiscard]] std::size_t size() const noexcept { return items_.size(); }
    [[nodiscard]] problem const& operator[](std::size_t i) const noexcept { return items_[i]; }
    [[nodiscard]] auto begin() const noexcept { return items_.begin(); }
    [[nodiscard]] auto end() const noexcept { return items_.end(); }
    /// The underlying vector, for algorithms.
    [[nodiscard]] std::vector<problem> const& items() const noexcept { return items_; }

    /// Whether some problem has this code (and, when given, this pointer).
    [[nodiscard]] bool contains(error code, std::string_view pointer = {}) const noexcept {
        return std::ranges::any_of(
            items_, [&](auto const& p) { return p.code == code && (pointer.empty() || p.pointer == pointer); });
    }

private:
    std::vector<problem> items_;
    std::size_t cap_;
    std::size_t total_ = 0;
    bool truncated_ = false;
};

/// Prints one problem a line.
inline std::ostream& operator<<(std::ostream& os, problem_list const& list) {
    for (auto const& p : list) {
        os << p << '\n';
    }
    if (list.truncated()) {
        os << "(more problems were dropped at the cap of " << list.size() << ")\n";
    }
    return os;
}

} // namespace authentik::events::schema

#endif
