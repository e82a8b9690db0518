// authentik-events fixtures: seeded test data for the API types, valid (as a server writes it)
// or invalid (one broken rule per payload, with the problems a validator must report).

#include "cli.hpp"
#include "labelled_fixture.hpp"

#include <authentik/events/fixtures/generator.hpp>
#include <authentik/events/fixtures/mutations.hpp>
#include <authentik/events/model/autocomplete.hpp>
#include <authentik/events/model/event.hpp>
#include <authentik/events/model/event_action.hpp>
#include <authentik/events/model/event_request.hpp>
#include <authentik/events/model/generic_error.hpp>
#include <authentik/events/model/paginated_event_list.hpp>
#include <authentik/events/model/pagination.hpp>
#include <authentik/events/model/validation_error.hpp>
#include <authentik/events/schema/error.hpp>
#include <authentik/events/schema/json_writer.hpp>
#include <authentik/events/schema/serialize.hpp>

#include <array>
#include <charconv>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

namespace authentik_events_cli {

namespace {

namespace fx = authentik::events::fixtures;

struct fixture_type {
    std::string_view option; // as --type takes it
    bool has_action;         // --action applies
    bool enum_only;          // its action must be an enum value
    void (*valid)(fx::generator&, std::string&, bool pretty);
    std::vector<fx::invalid_fixture> (*invalid)(fx::generator&);
};

template <class T>
void append_valid(fx::generator& g, std::string& out, bool pretty) {
    schema::serialize_to(out, g.make<T>(), {.pretty = pretty});
    out.push_back('\n');
}

template <class T>
std::vector<fx::invalid_fixture> make_invalid(fx::generator& g) {
    return fx::invalid_fixtures<T>(g);
}

constexpr std::array<fixture_type, 8> fixture_types{{
    {"event", true, false, &append_valid<ae::Event>, &make_invalid<ae::Event>},
    {"event-request", true, true, &append_valid<ae::EventRequest>, &make_invalid<ae::EventRequest>},
    {"patched-event-request", true, true, &append_valid<ae::PatchedEventRequest>,
     &make_invalid<ae::PatchedEventRequest>},
    {"validation-error", false, false, &append_valid<ae::ValidationError>, &make_invalid<ae::ValidationError>},
    {"generic-error", false, false, &append_valid<ae::GenericError>, &make_invalid<ae::GenericError>},
    {"pagination", false, false, &append_valid<ae::Pagination>, &make_invalid<ae::Pagination>},
    {"paginated-event-list", true, false, &append_valid<ae::PaginatedEventList>, &make_invalid<ae::PaginatedEventList>},
    {"autocomplete", false, false, &append_valid<ae::Autocomplete>, &make_invalid<ae::Autocomplete>},
}};

std::string known_fixture_types() {
    std::string out;
    for (auto const& t : fixture_types) {
        out += out.empty() ? "" : ", ";
        out += t.option;
    }
    return out;
}

void fixtures_help(std::ostream& out) {
    out << "usage: " << program
        << " fixtures [--type T] [--count N] [--seed S] [--action NAME] [--invalid] [--pretty]\n"
        << "\n"
        << "Prints seeded test data as NDJSON, one document a line: the same seed and options give\n"
        << "the same bytes on every machine. Valid fixtures look like what an authentik server\n"
        << "writes for each action (see docs/fixtures.md).\n"
        << "\n"
        << "  --type T       event (default), event-request, patched-event-request,\n"
        << "                 validation-error, generic-error, pagination, paginated-event-list,\n"
        << "                 autocomplete\n"
        << "  --count N      how many fixtures (default 1); with --invalid, how many sets, each\n"
        << "                 made from a fresh valid fixture with every rule broken once\n"
        << "  --seed S       the seed, 0 to 18446744073709551615 (default 1)\n"
        << "  --action NAME  every event has this action: an EventActions value, or custom_<name>\n"
        << "                 (event, paginated-event-list); request types take enum values only\n"
        << "  --invalid      invalid fixtures instead, one a line:\n"
        << "                 {\"payload\":\"<raw text>\",\"expect\":[{\"pointer\":\"/app\",\"code\":\"missing_field\"}],\n"
        << "                  \"strict\":false,\"rule\":\"required:/app\"}\n"
        << "                 with \"payload_base64\" instead of \"payload\" when the bytes are not\n"
        << "                 UTF-8; \"strict\": the problems are reported only under strict options\n"
        << "  --pretty       indent by two spaces: documents then follow each other over several\n"
        << "                 lines, so the output is no longer NDJSON\n"
        << "  -h, --help     print this help\n"
        << "\n"
        << "Exit status: 0 success, 2 usage error (bad number, unknown type or action) or\n"
        << "output that cannot be written.\n";
}

// Whole decimal number, nothing around it, no sign.
std::uint64_t parse_number(std::string_view command, std::string_view option, std::string_view text) {
    std::uint64_t v = 0;
    auto const [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (text.empty() || ec != std::errc{} || end != text.data() + text.size()) {
        throw usage_error(command, "option " + std::string(option) + " takes a whole number from 0 to " +
                                       std::to_string(UINT64_MAX) + ", not \"" + std::string(text) + "\"");
    }
    return v;
}

int run_fixtures(arguments args, std::ostream& out, std::ostream&) {
    constexpr std::string_view command = "fixtures";
    fixture_type const* type = &fixture_types[0];
    std::uint64_t count = 1;
    std::uint64_t seed = 1;
    std::optional<ae::event_action> action;
    bool invalid = false;
    bool pretty = false;

    option_reader opts(command, args);
    while (!opts.done()) {
        std::string_view const name = opts.next();
        if (name == "-h" || name == "--help") {
            opts.flag();
            fixtures_help(out);
            return exit_ok;
        } else if (name == "--type") {
            std::string_view const v = opts.value();
            type = nullptr;
            for (auto const& t : fixture_types) {
                if (t.option == v) {
                    type = &t;
                }
            }
            if (type == nullptr) {
                throw usage_error(command,
                                  "unknown type \"" + std::string(v) + "\" (known: " + known_fixture_types() + ")");
            }
        } else if (name == "--count") {
            count = parse_number(command, name, opts.value());
        } else if (name == "--seed") {
            seed = parse_number(command, name, opts.value());
        } else if (name == "--action") {
            std::string_view const v = opts.value();
            action = ae::event_action::from_text(v);
            if (action->is_unknown()) {
                throw usage_error(command, "unknown action \"" + std::string(v) +
                                               "\" (an EventActions value such as login, or custom_<name>)");
            }
        } else if (name == "--invalid") {
            opts.flag();
            invalid = true;
        } else if (name == "--pretty") {
            opts.flag();
            pretty = true;
        } else {
            throw usage_error(command, "unknown option \"" + std::string(name) + "\"");
        }
    }
    if (action && !type->has_action) {
        throw usage_error(command, "--action does not apply to --type " + std::string(type->option));
    }
    if (action && type->enum_only && !action->is_enum_value()) {
        throw usage_error(command, "--type " + std::string(type->option) +
                                       " takes only enum values as --action, not \"" + std::string(action->text()) +
                                       "\" (the bare custom_ is one)");
    }

    fx::generator g(seed, {.action = action});
    std::string text;
    for (std::uint64_t i = 0; i < count; ++i) {
        if (invalid) {
            for (auto const& f : type->invalid(g)) {
                append_labelled(text, f, pretty);
            }
        } else {
            type->valid(g, text, pretty);
        }
        if (text.size() >= (std::size_t{1} << 16U)) { // a bounded buffer, whatever the count
            out << text;
            text.clear();
            if (!out) {
                return exit_usage; // main() says why: the output cannot be written
            }
        }
    }
    out << text;
    return exit_ok;
}

} // namespace

subcommand const fixtures_command{"fixtures", "print seeded valid or invalid test data for the API types",
                                  &run_fixtures, &fixtures_help};

} // namespace authentik_events_cli
