// A member type the library cannot read or write.
// expect: no codec for this member type
#include <authentik/events/schema/parse.hpp>

namespace user {
struct opaque {};
struct thing {
    opaque o;
};
constexpr auto describe(authentik::events::schema::type_tag<thing>) {
    using namespace authentik::events::schema;
    return object<thing>({.name = "thing"}, member("o", &thing::o, {.required = true}));
}
} // namespace user

int main() { return authentik::events::schema::parse<user::thing>("{}").has_value() ? 0 : 1; }
