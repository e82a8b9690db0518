// Replaces every global operator new and delete of the benchmark program with versions that
// count, so that each benchmark can report allocs_per_doc. Shared libraries (libboost_json.so,
// libsimdjson.so, libstdc++) call these too: the program's definitions take precedence.
// Allocations made with malloc directly are not seen; RapidJSON's are counted through
// note_allocation() by the allocator rapidjson_benchmarks.cpp gives it.

#include "bench.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <new>

namespace {

// Per thread, so that counting needs no atomic (benchmarks run on the main thread; a helper
// thread of the framework, if any, does not disturb the figures). Constant-initialized, so
// the compiler accesses it directly.
thread_local std::uint64_t allocation_count = 0;

void* allocate(std::size_t size) noexcept {
    ++allocation_count;
    return std::malloc(size == 0 ? 1 : size);
}

void* allocate(std::size_t size, std::align_val_t align) noexcept {
    ++allocation_count;
    auto const a = static_cast<std::size_t>(align);
    std::size_t const n = size == 0 ? 1 : size;
    return std::aligned_alloc(a, (n + a - 1) / a * a); // a multiple of the alignment, as it requires
}

template <class... Align>
void* allocate_or_throw(std::size_t size, Align... align) {
    void* p = allocate(size, align...);
    if (p == nullptr) {
        throw std::bad_alloc();
    }
    return p;
}

} // namespace

namespace bench {

std::uint64_t allocations() noexcept { return allocation_count; }

void note_allocation() noexcept { ++allocation_count; }

} // namespace bench

void* operator new(std::size_t size) { return allocate_or_throw(size); }
void* operator new[](std::size_t size) { return allocate_or_throw(size); }
void* operator new(std::size_t size, std::nothrow_t const&) noexcept { return allocate(size); }
void* operator new[](std::size_t size, std::nothrow_t const&) noexcept { return allocate(size); }
void* operator new(std::size_t size, std::align_val_t align) { return allocate_or_throw(size, align); }
void* operator new[](std::size_t size, std::align_val_t align) { return allocate_or_throw(size, align); }
void* operator new(std::size_t size, std::align_val_t align, std::nothrow_t const&) noexcept {
    return allocate(size, align);
}
void* operator new[](std::size_t size, std::align_val_t align, std::nothrow_t const&) noexcept {
    return allocate(size, align);
}

void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }
void operator delete(void* p, std::nothrow_t const&) noexcept { std::free(p); }
void operator delete[](void* p, std::nothrow_t const&) noexcept { std::free(p); }
void operator delete(void* p, std::align_val_t) noexcept { std::free(p); }
void operator delete[](void* p, std::align_val_t) noexcept { std::free(p); }
void operator delete(void* p, std::size_t, std::align_val_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t, std::align_val_t) noexcept { std::free(p); }
void operator delete(void* p, std::align_val_t, std::nothrow_t const&) noexcept { std::free(p); }
void operator delete[](void* p, std::align_val_t, std::nothrow_t const&) noexcept { std::free(p); }
