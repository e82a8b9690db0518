#ifndef AUTHENTIK_EVENTS_SCHEMA_DETAIL_STREAM_HANDLER_HPP
#define AUTHENTIK_EVENTS_SCHEMA_DETAIL_STREAM_HANDLER_HPP

#include <authentik/events/schema/detail/dom_parser.hpp>
#include <authentik/events/schema/detail/key_set.hpp>
#include <authentik/events/schema/detail/token.hpp>
#include <authentik/events/schema/detail/typed_ops.hpp>
#include <authentik/events/schema/drf.hpp>
#include <authentik/events/schema/json_pointer.hpp>
#include <authentik/events/schema/json_writer.hpp>
#include <authentik/events/schema/options.hpp>
#include <authentik/events/schema/problem.hpp>
#include <authentik/events/schema/read_context.hpp>

#include <boost/json/storage_ptr.hpp>
#include <boost/json/value.hpp>
#include <boost/json/value_stack.hpp>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace authentik::events::schema::detail {

// Problems of one described object, held until it ends: read_object gives them in descriptor
// order (slot = field index; unknown keys after every field), tokens arrive in document order.
// At most `cap` are kept, the first ones in that order; the rest are only counted.
class problem_buffer {
public:
    void add(std::size_t slot, problem p, std::size_t cap) {
        if (items_.size() < cap) {
            items_.push_back({slot, std::move(p)});
            return;
        }
        ++dropped_;
        // Full: the new problem replaces the last kept one of the highest slot, if it sorts before it.
        std::size_t worst = items_.size();
        for (std::size_t i = 0; i < items_.size(); ++i) {
            if (worst == items_.size() || items_[i].slot >= items_[worst].slot) {
                worst = i;
            }
        }
        if (worst < items_.size() && slot < items_[worst].slot) {
            items_.erase(items_.begin() + static_cast<std::ptrdiff_t>(worst));
            items_.push_back({slot, std::move(p)});
        }
    }
    // A repeated unknown key read again (allow_duplicate_keys): its problem takes the new value.
    void replace_or_add(std::size_t slot, problem p, std::size_t cap) {
        for (auto& i : items_) {
            if (i.slot == slot && i.p.pointer == p.pointer) {
                i.p = std::move(p);
                return;
            }
        }
        add(slot, std::move(p), cap);
    }
    void drop_slot(std::size_t slot) {
        std::erase_if(items_, [&](slotted const& i) { return i.slot == slot; });
    }
    void take(std::size_t slot, problem_list& from, std::size_t cap) {
        std::size_t const extra = from.total() - from.size();
        for (auto& p : from.release()) {
            add(slot, std::move(p), cap);
        }
        dropped_ += extra;
    }
    // Moves a finished object's problems into its parent's, all at the parent's slot.
    void take(std::size_t slot, problem_buffer& child, std::size_t cap) {
        child.sort();
        for (auto& i : child.items_) {
            add(slot, std::move(i.p), cap);
        }
        dropped_ += child.dropped_;
        child.clear();
    }
    // Stable, by slot. An insertion sort: the problems mostly arrive in order already, and it
    // costs a fraction of std::stable_sort's code in every program that parses.
    void sort() {
        for (std::size_t i = 1; i < items_.size(); ++i) {
            for (std::size_t j = i; j > 0 && items_[j - 1].slot > items_[j].slot; --j) {
                std::swap(items_[j - 1], items_[j]);
            }
        }
    }
    void move_to(problem_list& out) {
        sort();
        for (auto& i : items_) {
            out.add(std::move(i.p));
        }
        for (std::size_t i = 0; i < dropped_; ++i) {
            out.add({}); // counted: the list is full by now
        }
        clear();
    }
    [[nodiscard]] bool empty() const noexcept { return items_.empty() && dropped_ == 0; }
    void clear() noexcept {
        items_.clear();
        dropped_ = 0;
    }

private:
    struct slotted {
        std::size_t slot;
        problem p;
    };
    std::vector<slotted> items_;
    std::size_t dropped_ = 0;
};

/// Where the document's root goes: a described T, or (array readers) a vector of them.
struct root_binding {
    void* target = nullptr;
    object_ops const* object = nullptr;                                           ///< root is an object of this type
    void (*read_dom)(void* target, boost::json::value&, read_context&) = nullptr; ///< any other root
    array_ops const* elements = nullptr; ///< set: the root is an array whose elements are read one by one
};

// A basic_parser handler that fills described objects as tokens arrive. Scalars go straight
// to the member's codec; free-form members are built with a boost::json::value_stack (as
// boost::json::parse builds its DOM) or written as raw text; a value whose shape the type does
// not expect is built as a DOM and given to the member's codec, so every problem and value is
// the one the DOM path (parse_dom + read_object) gives. Problems come in the same order too:
// parse-level ones (repeated keys, limits) first, then each object's in descriptor order.
// The larger steps are [[gnu::noinline]]: basic_parser inlines its handler's callbacks into
// each of its many specialized parse functions, and one copy of each step is enough.
// NOLINTNEXTLINE(cppcoreguidelines-virtual-class-destructor): final, never deleted through the base
class stream_handler final : private pointer_source {
public:
    static constexpr std::size_t max_object_size = static_cast<std::size_t>(-1);
    static constexpr std::size_t max_array_size = static_cast<std::size_t>(-1);
    static constexpr std::size_t max_key_size = static_cast<std::size_t>(-1);
    static constexpr std::size_t max_string_size = static_cast<std::size_t>(-1);

    stream_handler(parse_options const& opt, boost::json::storage_ptr sp)
        : opt_(opt), sp_(std::move(sp)), tokenizer_(opt.max_problems), scratch_(opt.max_problems), cx_(opt_, scratch_),
          discard_(opt_, tokenizer_), vs_(boost::json::storage_ptr(), temp_, sizeof temp_) {
        levels_.reserve(16);
    }

    /// Starts a document; its root is read into `root`.
    void begin(root_binding const& root) {
        root_ = root;
        depth_ = 0;
        tokenizer_ = problem_list(opt_.max_problems);
        scratch_ = problem_list(opt_.max_problems);
        root_problems_.clear();
        cx_.point_lazily(nullptr);
        keys_.clear();
        part_.clear();
        number_.clear();
        capture_ = {};
        discarding_ = false;
        needs_dom_ = false;
        counted_ = false;
        input_ = {};
        on_element_ = nullptr;
    }

    /// Whole-document mode (parse(text)): repeated keys inside free-form members are found by
    /// counting members after value_stack has built them, not by remembering every key; when a
    /// count differs the handler stops and needs_rereading() asks the caller to read the text
    /// again with this off, which reports them exactly. Off for chunked input, which cannot be
    /// read twice.
    void count_repeated_keys(bool on) noexcept { count_only_ = on; }
    /// The document must be read again remembering every key: it has a repeated key inside a
    /// free-form member, or it stopped on an error after a free-form member was built by
    /// counting (a repeated key there must be reported before the error, as the DOM path does).
    [[nodiscard]] bool needs_rereading() const noexcept { return needs_dom_ || counted_; }

    /// Called after each element of a root array (root_binding::elements) has been read.
    void on_root_element(void (*f)(void*, std::size_t), void* context) {
        on_element_ = f;
        element_context_ = context;
    }

    /// Problems of the parse itself (syntax, limits, repeated keys).
    [[nodiscard]] problem_list& tokenizer_problems() noexcept { return tokenizer_; }
    /// Whether the value read so far is valid: no problem of any kind.
    [[nodiscard]] bool clean() const noexcept { return tokenizer_.total() == 0 && root_problems_.empty(); }
    /// Every problem, parse-level first, as the DOM path lists them; empties the handler's lists.
    [[nodiscard]] problem_list take_problems() {
        problem_list out(opt_.max_problems);
        std::size_t const extra = tokenizer_.total() - tokenizer_.size();
        for (auto& p : tokenizer_.release()) {
            out.add(std::move(p));
        }
        for (std::size_t i = 0; i < extra; ++i) {
            out.add({});
        }
        root_problems_.move_to(out);
        return out;
    }

    /// The problems when the text is not a usable document: only the parse's own, as the DOM
    /// path gives them (a field's rules are not checked on what is not JSON).
    [[nodiscard]] problem_list take_parse_problems() {
        root_problems_.clear();
        return take_problems();
    }

    // The pointer of the place the parser is at, for problems found mid-document.
    [[nodiscard]] std::string current_pointer() const {
        if (discarding_) {
            return discard_.current_pointer();
        }
        std::string p;
        append_pointer(p, depth_);
        return p;
    }

    /// Whole-document mode: text is the whole input, alive until the parse ends, so keys that
    /// lie in it are kept as views instead of copies.
    void set_input(std::string_view text) noexcept { input_ = text; }

    static bool on_document_begin(boost::system::error_code&) { return true; }
    static bool on_document_end(boost::system::error_code&) { return true; }
    static bool on_comment_part(boost::json::string_view, boost::system::error_code&) { return true; }
    static bool on_comment(boost::json::string_view, boost::system::error_code&) { return true; }

    bool on_object_begin(boost::system::error_code& ec) { return open(false, ec); }
    bool on_array_begin(boost::system::error_code& ec) { return open(true, ec); }
    bool on_object_end(std::size_t n, boost::system::error_code& ec) {
        if (discarding_) {
            return forward(discard_.on_object_end(n, ec));
        }
        return close(ec);
    }
    bool on_array_end(std::size_t n, boost::system::error_code& ec) {
        if (discarding_) {
            return forward(discard_.on_array_end(n, ec));
        }
        return close(ec);
    }

    bool on_key_part(boost::json::string_view s, std::size_t n, boost::system::error_code& ec) {
        if (discarding_) {
            return discard_.on_key_part(s, n, ec);
        }
        if (!check_length(n, ec)) {
            return false;
        }
        part_.append(s.data(), s.size());
        return true;
    }
    bool on_key(boost::json::string_view s, std::size_t n, boost::system::error_code& ec) {
        if (discarding_) {
            return discard_.on_key(s, n, ec);
        }
        if (!check_length(n, ec)) {
            return false;
        }
        std::string_view key(s.data(), s.size());
        if (!part_.empty()) {
            part_.append(s.data(), s.size());
            key = part_;
        }
        if (capture_.active && capture_.mode == capture_mode::dom && (count_only_ || opt_.allow_duplicate_keys)) {
            // The hot path: a key inside a free-form member, no set of keys to keep.
            level& l = levels_[depth_ - 1];
            vs_.push_key(key);
            keep_key(l, key);
            l.has_key = true;
        } else {
            on_full_key(key);
        }
        part_.clear();
        return true;
    }

    bool on_string_part(boost::json::string_view s, std::size_t n, boost::system::error_code& ec) {
        if (discarding_) {
            return discard_.on_string_part(s, n, ec);
        }
        if (!check_length(n, ec)) {
            return false;
        }
        if (building_dom()) {
            vs_.push_chars(s);
        } else if (!(capture_.active && capture_.mode == capture_mode::skip) || levels_[depth_ - 1].repeated) {
            // A skipped member's strings are dropped unread, but a repeated key's value is quoted
            // in its problem: it needs every part (found by the fuzzer).
            part_.append(s.data(), s.size());
        }
        return true;
    }
    bool on_string(boost::json::string_view s, std::size_t n, boost::system::error_code& ec) {
        if (discarding_) {
            return forward(discard_.on_string(s, n, ec));
        }
        if (!check_length(n, ec)) {
            return false;
        }
        if (building_dom()) {
            vs_.push_string(s);
            return built_value();
        }
        std::string_view text(s.data(), s.size());
        if (!part_.empty()) {
            part_.append(s.data(), s.size());
            text = part_;
        }
        bool const ok = scalar(scalar_token::string(text));
        part_.clear();
        return ok;
    }
    bool on_number_part(boost::json::string_view s, boost::system::error_code& ec) {
        if (discarding_) {
            return discard_.on_number_part(s, ec);
        }
        number_.append(s.data(), s.size());
        return true;
    }
    bool on_int64(std::int64_t i, boost::json::string_view s, boost::system::error_code& ec) {
        if (discarding_) {
            return forward(discard_.on_int64(i, s, ec));
        }
        number_.clear();
        if (building_dom()) {
            vs_.push_int64(i);
            return built_value();
        }
        return scalar(scalar_token::int64(i));
    }
    bool on_uint64(std::uint64_t u, boost::json::string_view s, boost::system::error_code& ec) {
        if (discarding_) {
            return forward(discard_.on_uint64(u, s, ec));
        }
        number_.clear();
        if (building_dom()) {
            vs_.push_uint64(u);
            return built_value();
        }
        return scalar(scalar_token::uint64(u));
    }
    bool on_double(double d, boost::json::string_view s, boost::system::error_code& ec) {
        if (discarding_) {
            return forward(discard_.on_double(d, s, ec));
        }
        if (std::string why = exact_double(number_, s, d); !why.empty()) {
            return stop(error::invalid_json, std::move(why), ec);
        }
        number_.clear();
        if (building_dom()) {
            vs_.push_double(d);
            return built_value();
        }
        return scalar(scalar_token::double_(d));
    }
    bool on_bool(bool b, boost::system::error_code& ec) {
        if (discarding_) {
            return forward(discard_.on_bool(b, ec));
        }
        if (building_dom()) {
            vs_.push_bool(b);
            return built_value();
        }
        return scalar(scalar_token::boolean(b));
    }
    bool on_null(boost::system::error_code& ec) {
        if (discarding_) {
            return forward(discard_.on_null(ec));
        }
        if (building_dom()) {
            vs_.push_null();
            return built_value();
        }
        return scalar(scalar_token::null());
    }

private:
    // Whether the next value goes into a free-form member's DOM, the hot path.
    [[nodiscard]] bool building_dom() const noexcept {
        return capture_.active && capture_.mode == capture_mode::dom && !levels_[depth_ - 1].repeated;
    }
    bool built_value() noexcept {
        level& l = levels_[depth_ - 1];
        ++l.count;
        l.has_key = false;
        return true;
    }

    // The pointer through the first `levels` open containers.
    void append_pointer(std::string& p, std::size_t levels) const {
        for (std::size_t i = 0; i < levels; ++i) {
            level const& l = levels_[i];
            if (l.is_array()) {
                append_pointer_token(p, l.count);
            } else if (l.has_key) {
                append_pointer_token(p, key_of(l));
            }
        }
    }
    void write_pointer(std::string& out) const override { append_pointer(out, depth_); }

    enum class level_kind : std::uint8_t { object, array, capture_object, capture_array };
    enum class capture_mode : std::uint8_t { dom, raw, skip };
    // What a finished capture is for.
    enum class capture_target : std::uint8_t { field, element, keep_unknown, report_unknown, root };
    // What happens to the value of a key the type does not describe.
    enum class unknown_action : std::uint8_t { skip, keep, report };

    struct level {
        level_kind kind = level_kind::object;
        void* target = nullptr;
        void const* ops = nullptr;
        std::uint64_t seen = 0; // object: the fields read
        std::size_t field = 0;  // object: the field whose value comes next (count: unknown)
        unknown_action unknown = unknown_action::skip;
        bool has_key = false;
        bool repeated = false; // the value that comes next is a repeated key's
        std::size_t count = 0; // arrays: elements read; captured objects: members kept
        // The current key when it is not a field's: a view into the input, or a copy. A
        // flag, not a view into key_copy: levels_ growing moves a short copy's bytes.
        std::string_view key_in_input;
        std::string key_copy;
        bool key_copied = false;
        [[nodiscard]] std::string_view key() const noexcept {
            return key_copied ? std::string_view(key_copy) : key_in_input;
        }
        key_set::level keys;
        problem_buffer problems; // object
        std::size_t dest = npos; // array: the object level its problems go to (npos: root)
        std::size_t dest_slot = 0;

        [[nodiscard]] bool is_array() const noexcept {
            return kind == level_kind::array || kind == level_kind::capture_array;
        }
    };
    static constexpr std::size_t npos = static_cast<std::size_t>(-1);

    struct capture_state {
        bool active = false;
        capture_mode mode = capture_mode::dom;
        capture_target target = capture_target::field;
        std::size_t depth = 0; // depth_ when the capture began
    };

    static object_ops const& ops(level const& l) noexcept { return *static_cast<object_ops const*>(l.ops); }
    static array_ops const& aops(level const& l) noexcept { return *static_cast<array_ops const*>(l.ops); }

    bool stop(error code, std::string message, boost::system::error_code& ec) {
        tokenizer_.add(stop_problem(current_pointer(), code, std::move(message)));
        ec = make_error_code(code);
        return false;
    }

    bool check_length(std::size_t n, boost::system::error_code& ec) {
        if (n <= opt_.max_string_length) [[likely]] {
            return true;
        }
        return too_long(ec);
    }
    [[gnu::noinline]] bool too_long(boost::system::error_code& ec) {
        return stop(error::size_exceeded, too_long_message(opt_), ec);
    }

    level& push(level_kind kind) {
        if (depth_ == levels_.size()) {
            levels_.emplace_back();
        }
        level& l = levels_[depth_++];
        l.kind = kind;
        l.target = nullptr;
        l.ops = nullptr;
        l.seen = 0;
        l.field = 0;
        l.unknown = unknown_action::skip;
        l.has_key = false;
        l.repeated = false;
        l.count = 0;
        l.key_in_input = {};
        l.key_copied = false;
        l.keys = keys_.open();
        if (!l.problems.empty()) {
            l.problems.clear();
        }
        l.dest = npos;
        l.dest_slot = 0;
        return l;
    }

    // Problems of the reader at the top go to the nearest described object, at its current field.
    problem_buffer& destination(std::size_t& slot) {
        if (depth_ == 0) {
            slot = 0;
            return root_problems_;
        }
        level& l = levels_[depth_ - 1];
        if (l.kind == level_kind::object) {
            slot = l.field;
            return l.problems;
        }
        slot = l.dest_slot;
        return l.dest == npos ? root_problems_ : levels_[l.dest].problems;
    }
    void collect() {
        if (scratch_.total() != 0) {
            std::size_t slot = 0;
            destination(slot).take(slot, scratch_, opt_.max_problems);
        }
    }

    [[nodiscard]] static std::string_view key_of(level const& l) noexcept {
        return l.kind == level_kind::object && l.field < ops(l).count ? ops(l).names[l.field] : l.key();
    }
    // Keeps an unknown or captured key for pointers and messages: a view when it lies in the
    // whole-document input, else a copy (chunks and basic_parser's unescaping buffer go away).
    [[nodiscard]] bool in_input(std::string_view key) const noexcept {
        // std::less_equal<> orders any two pointers, even into different buffers.
        char const* const k = key.data();
        return !input_.empty() && std::less_equal<>{}(input_.data(), k) &&
               std::less_equal<>{}(k + key.size(), input_.data() + input_.size());
    }
    void keep_key(level& l, std::string_view key) {
        if (in_input(key)) {
            l.key_in_input = key;
            l.key_copied = false;
        } else {
            l.key_copy.assign(key.data(), key.size());
            l.key_copied = true;
        }
    }

    // A value of the level at the top has been read.
    void value_done() {
        if (depth_ == 0) {
            return;
        }
        level& l = levels_[depth_ - 1];
        if (l.is_array()) {
            ++l.count;
            if (depth_ == 1 && on_element_ != nullptr) {
                on_element_(element_context_, l.count - 1);
            }
        } else {
            if (l.kind == level_kind::capture_object) {
                ++l.count;
            }
            l.has_key = false;
        }
    }

    // Out of line: basic_parser inlines its callbacks into each of its many parse functions.
    [[gnu::noinline]] void on_full_key(std::string_view key) {
        level& l = levels_[depth_ - 1];
        l.has_key = true;
        if (l.kind == level_kind::capture_object) {
            // With repeated keys allowed, the DOM keeps the last value in the first one's place:
            // so does value_stack, and raw capture is not used then.
            if (!opt_.allow_duplicate_keys && !(count_only_ && capture_.mode == capture_mode::dom) &&
                !keys_.insert(l.keys, key, in_input(key))) {
                l.repeated = true;
            } else if (capture_.mode == capture_mode::dom) {
                vs_.push_key(key);
            } else if (capture_.mode == capture_mode::raw) {
                raw_writer_->key(key);
            }
            keep_key(l, key);
            return;
        }
        // A described object.
        object_ops const& o = ops(l);
        std::size_t const f = o.find(key);
        l.field = f;
        if (f < o.count) {
            std::uint64_t const bit = std::uint64_t{1} << f;
            if ((l.seen & bit) != 0) {
                if (!opt_.allow_duplicate_keys) {
                    l.repeated = true;
                    return;
                }
                // The last one wins, as if the first had never been there.
                o.reset(l.target, f);
                l.problems.drop_slot(f);
            }
            l.seen |= bit;
            return;
        }
        keep_key(l, key);
        if (!keys_.insert(l.keys, key, in_input(key)) && !opt_.allow_duplicate_keys) {
            l.repeated = true;
            return;
        }
        auto const policy = opt_.unknown_keys;
        if (o.additional || (policy == unknown_key_policy::preserve && o.sink(l.target) != nullptr)) {
            l.unknown = unknown_action::keep;
        } else if (policy == unknown_key_policy::ignore) {
            l.unknown = unknown_action::skip;
        } else {
            l.unknown = unknown_action::report;
        }
    }

    // The value of a repeated key: built only to be quoted, then dropped; the first is kept.
    [[gnu::noinline]] void begin_discard() {
        levels_[depth_ - 1].repeated = false;
        discard_.restart(current_pointer(), depth_);
        discarding_ = true;
    }
    bool forward(bool ok) {
        if (ok && discarding_ && discard_.complete()) {
            discarding_ = false;
            level& l = levels_[depth_ - 1];
            std::string_view const key = key_of(l);
            auto w = drf::duplicate_key();
            tokenizer_.add(problem{discard_.current_pointer(), error::duplicate_key,
                                   "duplicate key \"" + std::string(key) + "\"; the first value is kept",
                                   quote_value(discard_.root()), w.code, std::move(w.message)});
            l.has_key = false;
        }
        return ok;
    }

    [[gnu::noinline]] void report_unknown(level& l, std::string quoted) {
        auto w = drf::unknown_field();
        std::string const key(l.key());
        std::string message = opt_.unknown_keys == unknown_key_policy::reject
                                  ? "unknown field \"" + key + "\""
                                  : "unknown field \"" + key + "\" and the type has no place to preserve it";
        cx_.point_lazily(this);
        l.problems.replace_or_add(ops(l).count,
                                  problem{cx_.pointer(), error::unknown_field, std::move(message), std::move(quoted),
                                          w.code, std::move(w.message)},
                                  opt_.max_problems);
    }

    [[gnu::noinline]] bool scalar(scalar_token const& t) {
        if (depth_ != 0 && levels_[depth_ - 1].repeated) {
            begin_discard();
            return forward(put_discard(t));
        }
        if (capture_.active) { // raw or skipped: a DOM's scalars take building_dom()'s path
            if (capture_.mode == capture_mode::raw) {
                raw_element();
                t.write(*raw_writer_);
            }
            value_done();
            return true;
        }
        cx_.point_lazily(this);
        if (depth_ == 0) { // the whole document is a scalar: read as the DOM path reads it
            boost::json::value v = t.to_value();
            root_.read_dom(root_.target, v, cx_);
            collect();
            return true;
        }
        level& l = levels_[depth_ - 1];
        if (l.kind == level_kind::array) {
            aops(l).read_scalar(l.target, t, cx_);
            collect();
            value_done();
            return true;
        }
        object_ops const& o = ops(l);
        if (l.field < o.count) {
            o.read_scalar(l.target, l.field, t, cx_);
            collect();
        } else if (l.unknown == unknown_action::keep) {
            o.sink(l.target)->insert_or_assign(boost::json::string_view(l.key()), t.to_value());
        } else if (l.unknown == unknown_action::report) {
            report_unknown(l, quote_value(t));
        }
        value_done();
        return true;
    }
    // An array element's separator (an object member's comes with its key).
    void raw_element() {
        if (levels_[depth_ - 1].kind == level_kind::capture_array) {
            raw_writer_->element();
        }
    }

    [[gnu::noinline]] bool put_discard(scalar_token const& t) {
        boost::system::error_code ec;
        switch (t.kind()) {
        case boost::json::kind::bool_: return discard_.on_bool(t.get_bool(), ec);
        case boost::json::kind::int64: return discard_.on_int64(t.get_int64(), {}, ec);
        case boost::json::kind::uint64: return discard_.on_uint64(t.get_uint64(), {}, ec);
        // Already exact: with no text to re-read, the dom_handler keeps it.
        case boost::json::kind::double_: return discard_.on_double(t.get_double(), {}, ec);
        case boost::json::kind::string: {
            auto const s = t.get_string();
            return discard_.on_string(boost::json::string_view(s.data(), s.size()), s.size(), ec);
        }
        default: return discard_.on_null(ec);
        }
    }

    [[gnu::noinline]] bool open(bool array, boost::system::error_code& ec) {
        if (discarding_) {
            return array ? discard_.on_array_begin(ec) : discard_.on_object_begin(ec);
        }
        if (depth_ >= opt_.max_depth) {
            return stop(error::depth_exceeded, too_deep_message(opt_), ec);
        }
        if (depth_ != 0 && levels_[depth_ - 1].repeated) {
            begin_discard();
            return array ? discard_.on_array_begin(ec) : discard_.on_object_begin(ec);
        }
        if (capture_.active) {
            if (capture_.mode == capture_mode::raw) {
                raw_element();
                if (array) {
                    raw_writer_->begin_array();
                } else {
                    raw_writer_->begin_object();
                }
            }
            push(array ? level_kind::capture_array : level_kind::capture_object);
            return true;
        }
        if (depth_ == 0) {
            if (!array && root_.object != nullptr) {
                level& l = push(level_kind::object);
                l.target = root_.target;
                l.ops = root_.object;
            } else if (array && root_.elements != nullptr) {
                level& l = push(level_kind::array);
                l.target = root_.target;
                l.ops = root_.elements;
            } else {
                start_capture(capture_mode::dom, capture_target::root, array);
            }
            return true;
        }
        level& l = levels_[depth_ - 1];
        if (l.kind == level_kind::array) {
            opened const o = aops(l).open(l.target, array);
            if (o.how == open_as::object) {
                level& c = push(level_kind::object);
                c.target = o.target;
                c.ops = o.ops;
            } else {
                start_capture(capture_mode::dom, capture_target::element, array);
            }
            return true;
        }
        object_ops const& o = ops(l);
        if (l.field < o.count) {
            opened const c = o.open(l.target, l.field, array, !opt_.allow_duplicate_keys);
            switch (c.how) {
            case open_as::object: {
                level& child = push(level_kind::object);
                child.target = c.target;
                child.ops = c.ops;
                break;
            }
            case open_as::array: {
                std::size_t const parent = depth_ - 1;
                std::size_t const slot = l.field;
                level& child = push(level_kind::array);
                child.target = c.target;
                child.ops = c.ops;
                child.dest = parent;
                child.dest_slot = slot;
                break;
            }
            case open_as::raw: start_capture(capture_mode::raw, capture_target::field, array); break;
            case open_as::dom: start_capture(capture_mode::dom, capture_target::field, array); break;
            }
            return true;
        }
        switch (l.unknown) {
        case unknown_action::keep: start_capture(capture_mode::dom, capture_target::keep_unknown, array); break;
        case unknown_action::report: start_capture(capture_mode::dom, capture_target::report_unknown, array); break;
        case unknown_action::skip: start_capture(capture_mode::skip, capture_target::field, array); break;
        }
        return true;
    }

    void start_capture(capture_mode mode, capture_target target, bool array) {
        capture_ = capture_state{true, mode, target, depth_};
        capture_members_ = 0;
        counted_ = counted_ || (mode == capture_mode::dom && count_only_ && !opt_.allow_duplicate_keys);
        if (mode == capture_mode::dom) {
            vs_.reset(sp_);
        } else if (mode == capture_mode::raw) {
            raw_text_.clear();
            raw_writer_.emplace(raw_text_);
            if (array) {
                raw_writer_->begin_array();
            } else {
                raw_writer_->begin_object();
            }
        }
        push(array ? level_kind::capture_array : level_kind::capture_object);
    }

    [[gnu::noinline]] bool close(boost::system::error_code& ec) {
        level& l = levels_[depth_ - 1];
        switch (l.kind) {
        case level_kind::capture_object:
        case level_kind::capture_array: {
            bool const array = l.kind == level_kind::capture_array;
            if (capture_.mode == capture_mode::dom) {
                if (array) {
                    vs_.push_array(l.count);
                } else {
                    vs_.push_object(l.count);
                    capture_members_ += l.count;
                }
            } else if (capture_.mode == capture_mode::raw) {
                if (array) {
                    raw_writer_->end_array();
                } else {
                    raw_writer_->end_object();
                }
            }
            keys_.close(l.keys);
            --depth_;
            if (depth_ == capture_.depth) {
                return finish_capture(ec);
            }
            value_done();
            return true;
        }
        case level_kind::object: {
            object_ops const& o = ops(l);
            for (std::size_t i = 0; i < o.count; ++i) {
                if (o.required[i] && (l.seen & (std::uint64_t{1} << i)) == 0) {
                    std::string p;
                    append_pointer(p, depth_ - 1);
                    append_pointer_token(p, o.names[i]);
                    auto w = drf::required();
                    l.problems.add(i,
                                   problem{std::move(p),
                                           error::missing_field,
                                           "required field \"" + std::string(o.names[i]) + "\" is missing",
                                           {},
                                           w.code,
                                           std::move(w.message)},
                                   opt_.max_problems);
                }
            }
            keys_.close(l.keys);
            --depth_;
            if (!l.problems.empty()) {
                std::size_t slot = 0;
                destination(slot).take(slot, l.problems, opt_.max_problems);
            }
            value_done();
            return true;
        }
        case level_kind::array:
            --depth_;
            value_done();
            return true;
        }
        return true;
    }

    [[gnu::noinline]] bool finish_capture(boost::system::error_code& ec) {
        capture_state const c = capture_;
        capture_.active = false;
        if (c.mode == capture_mode::skip) {
            value_done();
            return true;
        }
        if (c.mode == capture_mode::raw) {
            raw_writer_.reset();
            level& l = levels_[depth_ - 1];
            // A copy of exactly its size: raw_text_ keeps its capacity for the next document.
            ops(l).read_raw(l.target, l.field, std::string(raw_text_));
            value_done();
            return true;
        }
        boost::json::value v = vs_.release();
        if (count_only_ && !opt_.allow_duplicate_keys) {
            std::size_t const pushed = std::exchange(capture_members_, 0);
            if (count_members(v) != pushed) { // value_stack merged a repeated key
                needs_dom_ = true;
                ec = make_error_code(error::duplicate_key);
                return false;
            }
        }
        cx_.point_lazily(this);
        if (c.target == capture_target::root) {
            root_.read_dom(root_.target, v, cx_);
            collect();
            return true;
        }
        level& l = levels_[depth_ - 1];
        switch (c.target) {
        case capture_target::field: ops(l).read_dom(l.target, l.field, v, cx_); break;
        case capture_target::element: aops(l).read_dom(l.target, v, cx_); break;
        case capture_target::keep_unknown:
            ops(l).sink(l.target)->insert_or_assign(boost::json::string_view(l.key()), std::move(v));
            break;
        case capture_target::report_unknown: report_unknown(l, quote_value(v)); break;
        case capture_target::root: break;
        }
        collect();
        value_done();
        return true;
    }

    // Members of every object in v, nested ones included.
    std::size_t count_members(boost::json::value const& v) {
        std::size_t n = 0;
        walk_.clear();
        walk_.push_back(&v);
        while (!walk_.empty()) {
            boost::json::value const* x = walk_.back();
            walk_.pop_back();
            if (auto const* o = x->if_object()) {
                n += o->size();
                for (auto const& kv : *o) {
                    if (kv.value().is_structured()) {
                        walk_.push_back(&kv.value());
                    }
                }
            } else if (auto const* a = x->if_array()) {
                for (auto const& e : *a) {
                    if (e.is_structured()) {
                        walk_.push_back(&e);
                    }
                }
            }
        }
        return n;
    }

    parse_options const& opt_;
    boost::json::storage_ptr sp_;
    root_binding root_;
    problem_list tokenizer_;
    problem_list scratch_;
    problem_buffer root_problems_;
    read_context cx_;
    std::vector<level> levels_;
    std::size_t depth_ = 0;
    key_set keys_;
    std::string part_;
    std::string number_;
    capture_state capture_;
    bool discarding_ = false;
    bool count_only_ = false;
    bool needs_dom_ = false;
    bool counted_ = false;
    std::size_t capture_members_ = 0;
    std::vector<boost::json::value const*> walk_;
    std::string_view input_;
    dom_handler discard_;
    alignas(boost::json::value) unsigned char temp_[4096]{};
    boost::json::value_stack vs_;
    std::string raw_text_;
    std::optional<json_writer> raw_writer_;
    void (*on_element_)(void*, std::size_t) = nullptr;
    void* element_context_ = nullptr;
};

} // namespace authentik::events::schema::detail

#endif
