// A required field declared std::optional in C++.
// expect: a required field is stored in std::optional
#include <authentik/events/schema/describe.hpp>
#include <optional>
#include <string>

namespace user {
struct thing {
    std::optional<std::string> app;
};
constexpr auto describe(authentik::events::schema::type_tag<thing>) {
    using namespace authentik::events::schema;
    return object<thing>({.name = "thing"}, member("app", &thing::app, {.required = true}));
}
} // namespace user

static_assert(authentik::events::schema::has_field<user::thing>("app"));
