#include <authentik/events/model/event_action.hpp>

#include <boost/test/unit_test.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace ae = authentik::events;
using ae::EventActions;
using ae::event_action;
using kind = ae::event_action::kind;

BOOST_AUTO_TEST_SUITE(event_action_)

BOOST_AUTO_TEST_CASE(default_is_login) {
    event_action const a;
    BOOST_TEST((a.classification() == kind::known));
    BOOST_TEST((a.value() == EventActions::login));
    BOOST_TEST(a.text() == "login");
}

BOOST_AUTO_TEST_CASE(known_action) {
    auto const a = event_action::from_text("model_updated");
    BOOST_TEST((a.classification() == kind::known));
    BOOST_TEST(a.is_enum_value());
    BOOST_TEST(!a.is_custom());
    BOOST_TEST(!a.is_unknown());
    BOOST_TEST((a.value() == EventActions::model_updated));
    BOOST_TEST(a.custom_suffix().empty());
    BOOST_TEST(a.text() == "model_updated");
    BOOST_TEST((a == event_action(EventActions::model_updated)));
}

BOOST_AUTO_TEST_CASE(every_enumerator_reads_back_as_itself) {
    for (std::size_t i = 0; i < ae::event_action_count; ++i) {
        auto const e = static_cast<EventActions>(i);
        auto const a = event_action::from_text(ae::to_string(e));
        BOOST_TEST_CONTEXT("action " << ae::to_string(e)) {
            BOOST_TEST(a.is_enum_value());
            BOOST_TEST((a.value() == e));
            BOOST_TEST((a == event_action(e)));
            BOOST_TEST(a.text() == ae::to_string(e));
        }
    }
}

BOOST_AUTO_TEST_CASE(newer_actions_are_known) {
    for (std::string_view name : {"configuration_warning", "export_ready", "review_initiated", "review_overdue",
                                  "review_attested", "review_completed", "user_offboarded",
                                  "access_request_created", "access_request_approved", "access_request_denied",
                                  "access_request_revoked"}) {
        auto const a = event_action::from_text(name);
        BOOST_TEST(a.is_enum_value(), name);
        BOOST_TEST(a.text() == name);
    }
}

BOOST_AUTO_TEST_CASE(bare_custom_prefix_is_the_enum_value) {
    auto const a = event_action::from_text("custom_");
    BOOST_TEST((a.classification() == kind::known));
    BOOST_TEST(a.is_enum_value());
    BOOST_TEST(!a.is_custom());
    BOOST_TEST(!a.is_unknown());
    BOOST_TEST((a.value() == EventActions::custom_));
    BOOST_TEST(a.custom_suffix().empty());
    BOOST_TEST(a.text() == "custom_");
    BOOST_TEST((a == event_action(EventActions::custom_)));
    // custom("") is the same bare value.
    BOOST_TEST((event_action::custom("") == a));
}

BOOST_AUTO_TEST_CASE(custom_action_keeps_its_suffix) {
    auto const a = event_action::from_text("custom_login");
    BOOST_TEST((a.classification() == kind::custom));
    BOOST_TEST(a.is_custom());
    BOOST_TEST(!a.is_enum_value());
    BOOST_TEST(!a.is_unknown());
    BOOST_TEST((a.value() == EventActions::custom_));
    BOOST_TEST(a.custom_suffix() == "login");
    BOOST_TEST(a.text() == "custom_login");
    // Built from the suffix it is the same action.
    BOOST_TEST((event_action::custom("login") == a));
    // It is neither the bare custom_ nor login.
    BOOST_TEST(!(a == event_action(EventActions::custom_)));
    BOOST_TEST(!(a == event_action(EventActions::login)));
}

BOOST_AUTO_TEST_CASE(custom_suffix_may_look_like_anything) {
    // A suffix that is itself "custom_", and non-ASCII suffixes, are kept verbatim.
    auto const a = event_action::from_text("custom_custom_");
    BOOST_TEST(a.is_custom());
    BOOST_TEST(a.custom_suffix() == "custom_");
    BOOST_TEST(a.text() == "custom_custom_");

    std::string const text = "custom_anmeldung_\xC3\xBC\xF0\x9F\x94\x91";
    auto const b = event_action::from_text(text);
    BOOST_TEST(b.is_custom());
    BOOST_TEST(b.custom_suffix() == text.substr(7));
    BOOST_TEST(b.text() == text);
}

BOOST_AUTO_TEST_CASE(unknown_action_is_kept_verbatim) {
    auto const a = event_action::from_text("access_request_escalated");
    BOOST_TEST((a.classification() == kind::unknown));
    BOOST_TEST(a.is_unknown());
    BOOST_TEST(!a.is_enum_value());
    BOOST_TEST(!a.is_custom());
    BOOST_TEST(!a.value().has_value());
    BOOST_TEST(a.custom_suffix().empty());
    BOOST_TEST(a.text() == "access_request_escalated");
    // Not equal to the default (login), whose enumerator it shares internally.
    BOOST_TEST(!(a == event_action()));
    BOOST_TEST(!(a == event_action(EventActions::login)));
}

BOOST_AUTO_TEST_CASE(text_that_is_almost_a_name_is_unknown) {
    for (std::string_view t : {"LOGIN", "login ", "Login", "", "custom", "CUSTOM_login", " custom_login"}) {
        auto const a = event_action::from_text(t);
        BOOST_TEST_CONTEXT("text \"" << t << "\"") {
            BOOST_TEST(a.is_unknown());
            BOOST_TEST(a.text() == t);
        }
    }
}

BOOST_AUTO_TEST_CASE(text_round_trips_exactly) {
    for (std::string_view t : {"login", "custom_", "custom_login", "custom_password_reset_requested",
                               "access_request_escalated", "user_offboarded", "Login", "", "login ",
                               "custom_\xE2\x80\x94"}) {
        auto const a = event_action::from_text(t);
        BOOST_TEST_CONTEXT("text \"" << t << "\"") {
            BOOST_TEST(a.text() == t);
            auto const again = event_action::from_text(a.text());
            BOOST_TEST((again == a));
            BOOST_TEST(again.text() == t);
        }
    }
}

BOOST_AUTO_TEST_CASE(equality) {
    BOOST_TEST((event_action::from_text("login") == event_action(EventActions::login)));
    BOOST_TEST(!(event_action::from_text("login") == event_action(EventActions::logout)));
    BOOST_TEST((event_action::from_text("custom_a") == event_action::from_text("custom_a")));
    BOOST_TEST(!(event_action::from_text("custom_a") == event_action::from_text("custom_b")));
    BOOST_TEST((event_action::from_text("x_new") == event_action::from_text("x_new")));
    BOOST_TEST(!(event_action::from_text("x_new") == event_action::from_text("y_new")));
    // Same text, different kinds never compare equal.
    BOOST_TEST(!(event_action::from_text("custom_x") == event_action::from_text("x")));
    // Copies compare equal.
    auto const original = event_action::from_text("custom_copy");
    event_action copy = original;
    BOOST_TEST((copy == original));
    copy = event_action(EventActions::logout);
    BOOST_TEST(!(copy == original));
    BOOST_TEST(copy.text() == "logout");
    BOOST_TEST(copy.custom_suffix().empty());
}

BOOST_AUTO_TEST_SUITE_END()
