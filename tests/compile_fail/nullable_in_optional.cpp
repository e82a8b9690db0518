// A nullable field stored in std::optional, which cannot tell null from absent.
// expect: a nullable field must be stored in schema::nullable<T>
#include <authentik/events/schema/describe.hpp>
#include <optional>
#include <string>

namespace user {
struct thing {
    std::optional<std::string> ip;
};
constexpr auto describe(authentik::events::schema::type_tag<thing>) {
    using namespace authentik::events::schema;
    return object<thing>({.name = "thing"}, member("ip", &thing::ip, {.nullable = true}));
}
} // namespace user

static_assert(authentik::events::schema::has_field<user::thing>("ip"));
