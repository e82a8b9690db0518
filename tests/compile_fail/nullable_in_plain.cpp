// A nullable field stored in a plain member, which cannot hold null at all.
// expect: a nullable field must be stored in schema::nullable<T>
#include <authentik/events/schema/describe.hpp>
#include <string>

namespace user {
struct thing {
    std::string ip;
};
constexpr auto describe(authentik::events::schema::type_tag<thing>) {
    using namespace authentik::events::schema;
    return object<thing>({.name = "thing"}, member("ip", &thing::ip, {.required = true, .nullable = true}));
}
} // namespace user

static_assert(authentik::events::schema::has_field<user::thing>("ip"));
