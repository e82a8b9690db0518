#ifndef AUTHENTIK_EVENTS_SERVER_EVENT_STORE_HPP
#define AUTHENTIK_EVENTS_SERVER_EVENT_STORE_HPP

// The server's in-memory table of events: found by pk, listed by `created`. Safe to use from
// every thread of the server at once.

#include <authentik/events.hpp>

#include <boost/container_hash/hash.hpp>
#include <boost/uuid/uuid.hpp>

#include <algorithm>
#include <cstddef>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace authentik_events_server {

namespace ae = authentik::events;

/// One stored event and the body the server answers for it, written once when it is stored:
/// every GET of it then sends the same bytes.
struct stored_event {
    ae::Event event;
    std::string body;
};

using event_ptr = std::shared_ptr<stored_event const>;

/// The order of a list, as `?ordering=` names it.
enum class list_order { newest_first, oldest_first };

/// Events of one page and the size of the whole list, taken under one lock so they agree.
struct list_slice {
    std::vector<event_ptr> events;
    std::size_t count = 0;
};

/// The events, by pk and by `created`, behind one reader-writer lock.
class event_store {
public:
    /// Stores `e`, unless an event with its pk is stored already: then `e` is left as it was, for
    /// the caller to give another pk, and the stored one is returned with false.
    std::pair<event_ptr, bool> insert(ae::Event&& e) {
        // Written before the lock, so that other threads do not wait for it. The event itself is
        // moved in only once its pk is known to be free.
        auto stored = std::make_shared<stored_event>();
        stored->body = ae::serialize(e);
        std::unique_lock const lock(mutex_);
        if (auto const it = by_pk_.find(e.pk); it != by_pk_.end()) {
            return {it->second, false};
        }
        stored->event = std::move(e);
        by_pk_.emplace(stored->event.pk, stored);
        // Ties on `created` are broken by pk, so that a list's order never changes between pages.
        auto const pos = std::upper_bound(by_created_.begin(), by_created_.end(), stored, created_before);
        by_created_.insert(pos, stored);
        return {std::move(stored), true};
    }

    /// The event with this pk, or null.
    [[nodiscard]] event_ptr find(boost::uuids::uuid const& pk) const {
        std::shared_lock const lock(mutex_);
        auto const it = by_pk_.find(pk);
        return it == by_pk_.end() ? nullptr : it->second;
    }

    /// At most `n` events from position `first` of the list in `order`.
    [[nodiscard]] list_slice slice(list_order order, std::size_t first, std::size_t n) const {
        std::shared_lock const lock(mutex_);
        list_slice out;
        out.count = by_created_.size();
        if (first >= out.count) {
            return out;
        }
        std::size_t const last = first + std::min(n, out.count - first);
        out.events.reserve(last - first);
        for (std::size_t i = first; i < last; ++i) {
            out.events.push_back(by_created_[order == list_order::oldest_first ? i : out.count - 1 - i]);
        }
        return out;
    }

    /// How many events are stored.
    [[nodiscard]] std::size_t size() const {
        std::shared_lock const lock(mutex_);
        return by_created_.size();
    }

private:
    static bool created_before(event_ptr const& a, event_ptr const& b) noexcept {
        if (a->event.created != b->event.created) {
            return a->event.created < b->event.created;
        }
        return a->event.pk < b->event.pk;
    }

    mutable std::shared_mutex mutex_;
    std::vector<event_ptr> by_created_; // oldest first
    std::unordered_map<boost::uuids::uuid, event_ptr, boost::hash<boost::uuids::uuid>> by_pk_;
};

} // namespace authentik_events_server

#endif
