// Two fields that share one JSON name.
// expect: two fields of one descriptor share a JSON name
#include <authentik/events/schema/describe.hpp>
#include <string>

namespace user {
struct thing {
    std::string a;
    std::string b;
};
constexpr auto describe(authentik::events::schema::type_tag<thing>) {
    using namespace authentik::events::schema;
    return object<thing>({.name = "thing"}, member("a", &thing::a, {.required = true}),
                         member("a", &thing::b, {.required = true}));
}
} // namespace user

static_assert(authentik::events::schema::has_field<user::thing>("a"));
