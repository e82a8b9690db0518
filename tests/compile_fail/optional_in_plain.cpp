// An optional field in a plain member: absence could not be represented.
// expect: an optional field is stored in a plain member
#include <authentik/events/schema/describe.hpp>
#include <string>

namespace user {
struct thing {
    std::string app;
};
constexpr auto describe(authentik::events::schema::type_tag<thing>) {
    using namespace authentik::events::schema;
    return object<thing>({.name = "thing"}, member("app", &thing::app));
}
} // namespace user

static_assert(authentik::events::schema::has_field<user::thing>("app"));
