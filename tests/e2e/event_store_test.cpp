// The server's store on its own: what a POST relies on when a random pk is drawn twice.

#include <authentik/events/fixtures.hpp>

#include <server/event_store.hpp>

#include <boost/test/unit_test.hpp>

namespace event_store_test {

namespace ae = authentik::events;
namespace server = authentik_events_server;

BOOST_AUTO_TEST_SUITE(event_store)

BOOST_AUTO_TEST_CASE(a_taken_pk_keeps_the_first_event_and_leaves_the_second_to_the_caller) {
    ae::fixtures::generator g(11);
    ae::Event const first = g.event();
    ae::Event second = g.event();
    second.pk = first.pk;
    ae::Event const second_copy = second;

    server::event_store store;
    auto const [kept, added] = store.insert(ae::Event(first));
    BOOST_TEST(added);
    BOOST_TEST(kept->body == ae::serialize(first));

    auto const [found, again] = store.insert(std::move(second));
    BOOST_TEST(!again);
    BOOST_TEST((found == kept));         // what is stored under the pk
    BOOST_TEST((second == second_copy)); // not moved from: the caller can draw another pk
    BOOST_TEST(store.size() == 1U);

    second.pk = g.event().pk;
    auto const [stored, added_now] = store.insert(std::move(second));
    BOOST_TEST(added_now);
    BOOST_TEST(stored->event.app == second_copy.app);
    BOOST_TEST(stored->body == ae::serialize(stored->event));
    BOOST_TEST(store.size() == 2U);
}

BOOST_AUTO_TEST_SUITE_END()

} // namespace event_store_test
