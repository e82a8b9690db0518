#define BOOST_TEST_MODULE hostile
#include <boost/test/unit_test.hpp>

#include "hostile/allocation.hpp"

#include <atomic>
#include <cstdlib>
#include <malloc.h>
#include <new>

// The replaced operator new. The sizes come from malloc_usable_size, so that operator delete
// needs no header of its own; the counters are atomics because Boost.Test and the library may
// allocate from more than one thread.
namespace {

std::atomic<std::size_t> held{0};
std::atomic<std::size_t> peak{0};
std::atomic<std::size_t> seen{0};
std::atomic<std::size_t> fail_at{0};
std::atomic<bool> failing{false};
std::atomic<bool> fail_once{false};

bool should_fail() noexcept {
    if (!failing.load(std::memory_order_relaxed)) {
        return false;
    }
    std::size_t const n = seen.fetch_add(1, std::memory_order_relaxed);
    return fail_once.load(std::memory_order_relaxed) ? n == fail_at.load() : n >= fail_at.load();
}

void note_allocation(void* p) noexcept {
    std::size_t const now = held.fetch_add(malloc_usable_size(p), std::memory_order_relaxed) + malloc_usable_size(p);
    std::size_t old = peak.load(std::memory_order_relaxed);
    while (now > old && !peak.compare_exchange_weak(old, now, std::memory_order_relaxed)) {
    }
}

void* allocate(std::size_t size, std::size_t alignment) {
    if (should_fail()) {
        throw std::bad_alloc();
    }
    void* p = alignment <= alignof(std::max_align_t)
                  ? std::malloc(size == 0 ? 1 : size)
                  : std::aligned_alloc(alignment, (size + alignment - 1) / alignment * alignment);
    if (p == nullptr) {
        throw std::bad_alloc();
    }
    note_allocation(p);
    return p;
}

void release(void* p) noexcept {
    if (p != nullptr) {
        held.fetch_sub(malloc_usable_size(p), std::memory_order_relaxed);
        std::free(p);
    }
}

} // namespace

std::size_t hostile::bytes_held() noexcept { return held.load(); }
std::size_t hostile::peak_bytes() noexcept { return peak.load(); }
void hostile::reset_peak() noexcept { peak.store(held.load()); }
void hostile::fail_from(std::size_t n, bool once) noexcept {
    seen.store(0);
    fail_at.store(n);
    fail_once.store(once);
    failing.store(true);
}
void hostile::stop_failing() noexcept { failing.store(false); }
std::size_t hostile::allocations_seen() noexcept { return seen.load(); }

void* operator new(std::size_t size) { return allocate(size, 0); }
void* operator new[](std::size_t size) { return allocate(size, 0); }
void* operator new(std::size_t size, std::align_val_t a) { return allocate(size, static_cast<std::size_t>(a)); }
void* operator new[](std::size_t size, std::align_val_t a) { return allocate(size, static_cast<std::size_t>(a)); }
void* operator new(std::size_t size, std::nothrow_t const&) noexcept {
    try {
        return allocate(size, 0);
    } catch (std::bad_alloc const&) {
        return nullptr;
    }
}
void* operator new[](std::size_t size, std::nothrow_t const&) noexcept {
    try {
        return allocate(size, 0);
    } catch (std::bad_alloc const&) {
        return nullptr;
    }
}
void operator delete(void* p) noexcept { release(p); }
void operator delete[](void* p) noexcept { release(p); }
void operator delete(void* p, std::size_t) noexcept { release(p); }
void operator delete[](void* p, std::size_t) noexcept { release(p); }
void operator delete(void* p, std::align_val_t) noexcept { release(p); }
void operator delete[](void* p, std::align_val_t) noexcept { release(p); }
void operator delete(void* p, std::size_t, std::align_val_t) noexcept { release(p); }
void operator delete[](void* p, std::size_t, std::align_val_t) noexcept { release(p); }
