#ifndef AUTHENTIK_EVENTS_SCHEMA_WALK_HPP
#define AUTHENTIK_EVENTS_SCHEMA_WALK_HPP

#include <authentik/events/schema/codec.hpp>
#include <authentik/events/schema/describe.hpp>
#include <authentik/events/schema/detail/dom_parser.hpp>
#include <authentik/events/schema/json_pointer.hpp>
#include <authentik/events/schema/options.hpp>
#include <authentik/events/schema/problem.hpp>
#include <authentik/events/schema/read_context.hpp>

#include <boost/json/value.hpp>

#include <cstddef>
#include <new>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace authentik::events::schema {

/// What walking a document's array found.
template <class Page>
struct walk_result {
    /// The document without the walked array's elements; nullopt when it is not valid.
    std::optional<Page> page;
    /// Every problem, the elements' at their full pointer (`/results/4817/created`).
    problem_list problems;
    /// Elements seen, and elements handed to the callback (the valid ones).
    std::size_t elements = 0;
    std::size_t delivered = 0;

    /// The page and every element were valid.
    [[nodiscard]] bool ok() const noexcept { return page.has_value() && problems.empty(); }
};

/// Parses a `Page` whose top-level array member `key` holds `Element`s, handing each valid
/// element to `on_element(index, Element&&)` as soon as it is read: only one element's DOM
/// exists at a time. An invalid element is reported and skipped; the walk goes on. Problems in
/// `on_element` are the caller's: exceptions it throws propagate.
template <described Page, described Element, class F>
[[nodiscard]] walk_result<Page> walk_array(std::string_view text, std::string_view key, F&& on_element,
                                           parse_options const& opt = {}) {
    walk_result<Page> out{std::nullopt, problem_list(opt.max_problems), 0, 0};
    problem_list& problems = out.problems;
    try {
        std::size_t seen = 0; // problems found before the current element began
        auto deliver = [&](boost::json::value&& v, std::size_t index) {
            ++out.elements;
            std::string base;
            append_pointer_token(base, key);
            append_pointer_token(base, index);
            // Problems since the last element (a repeated key inside it) belong to it.
            bool clean = problems.total() == seen;
            read_context cx(opt, problems, std::move(base));
            Element e{};
            // As parse<Page> reads each element: null and wrong types get the same codes.
            if (read_value(v, e, field_options{}, cx) && clean) {
                ++out.delivered;
                on_element(index, std::move(e));
            }
            seen = problems.total();
        };
        boost::json::value dom;
        auto begin = [&] { seen = problems.total(); };
        if (!detail::parse_dom(text, opt, problems, dom, {key, begin, deliver})) {
            return out;
        }
        read_context cx(opt, problems);
        Page page{};
        if (read_object(dom, page, cx)) {
            out.page = std::move(page);
        }
    } catch (std::bad_alloc const&) {
        detail::add_out_of_memory(problems);
    }
    return out;
}

} // namespace authentik::events::schema

#endif
