#ifndef AUTHENTIK_EVENTS_SCHEMA_RECYCLING_RESOURCE_HPP
#define AUTHENTIK_EVENTS_SCHEMA_RECYCLING_RESOURCE_HPP

#include <boost/json/memory_resource.hpp>

#include <cstddef>
#include <cstdint>
#include <new>
#include <vector>

namespace authentik::events::schema {

/// A memory resource for reading one document after another: it hands out memory from blocks
/// it keeps, frees nothing until it is destroyed, and rewind() makes all of it free again. A
/// loop that rewinds before each document allocates from the system only until the blocks fit
/// the largest one. Everything built in it (the free-form members of parsed values) must be
/// gone or no longer used when it is rewound: a copy of such a boost::json::object shares its
/// storage, so keep one with `boost::json::object(o, {})`. Not thread-safe.
class recycling_resource final : public boost::json::memory_resource {
public:
    /// `first_block`: bytes of the first block, allocated on first use.
    explicit recycling_resource(std::size_t first_block = std::size_t{16} * 1024) noexcept
        : first_block_(first_block) {}
    recycling_resource(recycling_resource const&) = delete;
    recycling_resource& operator=(recycling_resource const&) = delete;
    ~recycling_resource() override {
        for (auto const& b : blocks_) {
            ::operator delete(b.data);
        }
    }

    /// Makes every block free again; what was built in them must not be used after this.
    void rewind() noexcept {
        current_ = 0;
        pos_ = blocks_.empty() ? nullptr : blocks_[0].data;
        end_ = blocks_.empty() ? nullptr : blocks_[0].data + blocks_[0].size;
    }

    /// Bytes held in blocks.
    [[nodiscard]] std::size_t capacity() const noexcept {
        std::size_t n = 0;
        for (auto const& b : blocks_) {
            n += b.size;
        }
        return n;
    }

private:
    struct block {
        unsigned char* data;
        std::size_t size;
    };

    static unsigned char* align_up(unsigned char* p, std::size_t align) noexcept { // align: a power of two
        // NOLINTNEXTLINE(cppcoreguidelines-pro-type-reinterpret-cast): alignment needs the address
        auto const v = reinterpret_cast<std::uintptr_t>(p);
        return p + ((~v + 1U) & (align - 1U));
    }

    void* do_allocate(std::size_t n, std::size_t align) override {
        for (;;) {
            if (pos_ != nullptr) {
                unsigned char* p = align_up(pos_, align);
                if (p <= end_ && static_cast<std::size_t>(end_ - p) >= n) {
                    pos_ = p + n;
                    return p;
                }
            }
            // The next kept block, if it is large enough; else a new one, twice the last.
            if (current_ + 1 < blocks_.size() && blocks_[current_ + 1].size >= n + align) {
                ++current_;
            } else {
                std::size_t size = blocks_.empty() ? first_block_ : blocks_.back().size * 2;
                if (size < n + align) {
                    size = n + align;
                }
                blocks_.reserve(blocks_.size() + 1);
                auto* data = static_cast<unsigned char*>(::operator new(size));
                current_ = blocks_.empty() ? 0 : current_ + 1;
                blocks_.insert(blocks_.begin() + static_cast<std::ptrdiff_t>(current_), block{data, size});
            }
            pos_ = blocks_[current_].data;
            end_ = pos_ + blocks_[current_].size;
        }
    }
    void do_deallocate(void*, std::size_t, std::size_t) override {}
    [[nodiscard]] bool do_is_equal(boost::json::memory_resource const& other) const noexcept override {
        return this == &other;
    }

    std::size_t first_block_;
    std::vector<block> blocks_;
    std::size_t current_ = 0;
    unsigned char* pos_ = nullptr;
    unsigned char* end_ = nullptr;
};

} // namespace authentik::events::schema

namespace boost::json {
/// Deallocation does nothing: objects built in it skip their frees.
template <>
struct is_deallocate_trivial<authentik::events::schema::recycling_resource> {
    static constexpr bool value = true;
};
} // namespace boost::json

#endif
