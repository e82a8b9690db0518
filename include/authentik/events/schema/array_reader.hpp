#ifndef AUTHENTIK_EVENTS_SCHEMA_ARRAY_READER_HPP
#define AUTHENTIK_EVENTS_SCHEMA_ARRAY_READER_HPP

#include <authentik/events/schema/codec.hpp>
#include <authentik/events/schema/describe.hpp>
#include <authentik/events/schema/detail/dom_parser.hpp>
#include <authentik/events/schema/detail/stream_handler.hpp>
#include <authentik/events/schema/detail/typed_ops.hpp>
#include <authentik/events/schema/options.hpp>
#include <authentik/events/schema/parser.hpp>
#include <authentik/events/schema/problem.hpp>
#include <authentik/events/schema/result.hpp>

#include <boost/json/basic_parser_impl.hpp>
#include <boost/json/storage_ptr.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace authentik::events::schema {

/// Reads a JSON array of T given in pieces (`[{...},{...}]`, as a response body arrives),
/// handing each element to `on_element(index, result<T>&&)` as soon as it ends: only one
/// element is held at a time, whatever the array's length. An element's problems have their
/// full pointer (`/4817/created`); a repeated key inside it counts against it. Problems of the
/// array itself (syntax, a root that is not an array, limits) come from finish(). Exceptions
/// thrown by `on_element` propagate; the reader must then be reset().
template <described T>
class array_reader {
public:
    /// `sp` is the storage of the elements' free-form members.
    explicit array_reader(parse_options const& opt = {}, boost::json::storage_ptr sp = {})
        : opt_(opt), p_(detail::tokenizer_options(opt_), opt_, std::move(sp)) {
        reset();
    }

    array_reader(array_reader const&) = delete;
    array_reader& operator=(array_reader const&) = delete;
    ~array_reader() = default;

    /// Starts a new array.
    void reset() {
        p_.reset();
        slot_.clear();
        fed_ = 0;
        failed_ = false;
        elements_ = 0;
        p_.handler().begin(detail::root_binding{&slot_, nullptr, &read_other_root, &detail::array_ops_of<T>()});
    }

    /// Feeds the next piece; false once the array cannot be read further (finish() says why).
    template <class F>
    bool write(std::string_view chunk, F&& on_element) {
        if (failed_) {
            return false;
        }
        fed_ += chunk.size();
        if (!detail::check_fed_size(fed_, opt_, p_.handler().tokenizer_problems())) {
            failed_ = true;
            return false;
        }
        failed_ = !run(chunk, true, fed_ - chunk.size(), on_element);
        return !failed_;
    }

    /// Ends the array: the problems of the array itself, empty when it was read to its end.
    template <class F>
    [[nodiscard]] problem_list finish(F&& on_element) {
        if (!failed_) {
            failed_ = !run(std::string_view(), false, fed_, on_element);
        }
        problem_list out = failed_ ? p_.handler().take_parse_problems() : p_.handler().take_problems();
        reset();
        return out;
    }

    /// Elements handed over since the array began.
    [[nodiscard]] std::size_t elements() const noexcept { return elements_; }

private:
    static void read_other_root(void*, boost::json::value& v, read_context& cx) {
        std::vector<T> none;
        (void)read_value(v, none, field_options{}, cx); // "Expected a list of items", as parse<std::vector<T>> says
    }

    template <class F>
    struct call {
        array_reader* self;
        F* f;
    };

    template <class F>
    bool run(std::string_view text, bool more, std::size_t offset, F& on_element) {
        call<F> c{this, &on_element};
        p_.handler().on_root_element(
            [](void* ctx, std::size_t index) {
                auto* k = static_cast<call<F>*>(ctx);
                k->self->deliver(index, *k->f);
            },
            &c);
        bool const ok = detail::feed(p_, text, more, offset, p_.handler().tokenizer_problems());
        p_.handler().on_root_element(nullptr, nullptr);
        return ok;
    }

    template <class F>
    void deliver(std::size_t index, F& on_element) {
        ++elements_;
        auto& h = p_.handler();
        if (h.clean()) {
            T e = std::move(slot_.back());
            slot_.clear();
            on_element(index, result<T>(std::move(e)));
        } else {
            slot_.clear();
            on_element(index, result<T>(h.take_problems()));
        }
    }

    parse_options opt_;
    std::vector<T> slot_; // the element being read; emptied after each
    boost::json::basic_parser<detail::stream_handler> p_;
    std::size_t fed_ = 0;
    std::size_t elements_ = 0;
    bool failed_ = false;
};

} // namespace authentik::events::schema

#endif
