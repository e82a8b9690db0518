#ifndef AUTHENTIK_EVENTS_TESTS_HOSTILE_ALLOCATION_HPP
#define AUTHENTIK_EVENTS_TESTS_HOSTILE_ALLOCATION_HPP

// This binary replaces the global operator new (main.cpp): it counts the bytes the program
// holds, so a test can check that hostile input keeps memory bounded, and it can make
// allocations fail, so a test can check that no exception crosses a non-throwing API.

#include <cstddef>

namespace hostile {

/// Bytes held through operator new now, and the most held since the last reset_peak().
std::size_t bytes_held() noexcept;
std::size_t peak_bytes() noexcept;
void reset_peak() noexcept;

/// From the `n`-th allocation on (0: the next one), every allocation throws std::bad_alloc,
/// or only that one when `once`; until stop_failing().
void fail_from(std::size_t n, bool once) noexcept;
void stop_failing() noexcept;
/// Allocations made since fail_from() (failed ones included).
std::size_t allocations_seen() noexcept;

/// The peak bytes held while `f` runs, above what was held when it began.
template <class F>
std::size_t peak_during(F&& f) {
    std::size_t const before = bytes_held();
    reset_peak();
    f();
    return peak_bytes() - before;
}

} // namespace hostile

#endif
