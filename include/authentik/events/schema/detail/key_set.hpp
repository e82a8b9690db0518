#ifndef AUTHENTIK_EVENTS_SCHEMA_DETAIL_KEY_SET_HPP
#define AUTHENTIK_EVENTS_SCHEMA_DETAIL_KEY_SET_HPP

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace authentik::events::schema::detail {

// The keys seen in each open object, to report a repeated one as the DOM parser does. Objects
// nest, so the keys form a stack: an object's keys are the entries from its open() on. Small
// objects are scanned (comparing lengths first, so most keys cost one compare); one past
// linear_limit keys is indexed by hash, so that a million keys cost a million lookups, not a
// million squared. The buffers are kept between documents.
class key_set {
public:
    static constexpr std::size_t linear_limit = 16;

    /// One open object's part of the set.
    struct level {
        std::size_t from = 0;
        bool indexed = false;
    };

    [[nodiscard]] level open() const noexcept { return level{entries_.size(), false}; }

    /// Adds key to the object; false when the object already has it. A key that `stays` (it
    /// lies in input that outlives the object) is kept as a view, any other is copied.
    bool insert(level& l, std::string_view key, bool stays) {
        if (l.indexed) {
            std::uint64_t const h = hash(key);
            auto const range = index_.equal_range(h);
            for (auto it = range.first; it != range.second; ++it) {
                if (it->second >= l.from && text(entries_[it->second]) == key) {
                    return false;
                }
            }
            add(key, stays);
            index_.emplace(h, entries_.size() - 1);
            return true;
        }
        for (std::size_t i = l.from; i < entries_.size(); ++i) {
            if (entries_[i].size == key.size() && text(entries_[i]) == key) {
                return false;
            }
        }
        add(key, stays);
        if (entries_.size() - l.from > linear_limit) {
            for (std::size_t i = l.from; i < entries_.size(); ++i) {
                index_.emplace(hash(text(entries_[i])), i);
            }
            l.indexed = true;
        }
        return true;
    }

    /// Forgets the object's keys when it closes.
    void close(level const& l) {
        if (l.from >= entries_.size()) {
            return;
        }
        if (l.indexed) {
            for (std::size_t i = l.from; i < entries_.size(); ++i) {
                auto const range = index_.equal_range(hash(text(entries_[i])));
                for (auto it = range.first; it != range.second; ++it) {
                    if (it->second == i) {
                        index_.erase(it);
                        break;
                    }
                }
            }
        }
        for (std::size_t i = l.from; i < entries_.size(); ++i) {
            if (entries_[i].data == nullptr) { // the first copied key of the object
                bytes_.resize(entries_[i].offset);
                break;
            }
        }
        entries_.resize(l.from);
    }

    void clear() noexcept {
        entries_.clear();
        bytes_.clear();
        index_.clear();
    }

private:
    struct entry {
        char const* data; // the key in the input, or nullptr: a copy at bytes_[offset]
        std::size_t offset;
        std::size_t size;
    };

    void add(std::string_view key, bool stays) {
        if (stays) {
            entries_.push_back(entry{key.data(), 0, key.size()});
        } else {
            entries_.push_back(entry{nullptr, bytes_.size(), key.size()});
            bytes_.append(key.data(), key.size());
        }
    }
    [[nodiscard]] std::string_view text(entry const& e) const noexcept {
        return {e.data != nullptr ? e.data : bytes_.data() + e.offset, e.size};
    }
    static std::uint64_t hash(std::string_view s) noexcept { // FNV-1a; only for large objects
        std::uint64_t h = 14695981039346656037ULL;
        for (char c : s) {
            h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
        }
        return h;
    }

    std::vector<entry> entries_;
    std::string bytes_;
    std::unordered_multimap<std::uint64_t, std::size_t> index_;
};

} // namespace authentik::events::schema::detail

#endif
