#ifndef AUTHENTIK_EVENTS_SCHEMA_NULLABLE_HPP
#define AUTHENTIK_EVENTS_SCHEMA_NULLABLE_HPP

#include <cstddef>
#include <cstdint>
#include <optional>
#include <type_traits>
#include <utility>

namespace authentik::events::schema {

/// The state a nullable<T> is in.
enum class presence : std::uint8_t { absent, null, value };

/// An optional field that may also be null: absent, null, or a value. std::optional cannot
/// tell the first two apart, and a round trip must not turn one into the other.
template <class T>
class nullable {
public:
    using value_type = T;

    /// Absent.
    constexpr nullable() noexcept = default;
    /// Absent.
    constexpr nullable(std::nullopt_t) noexcept {}
    /// Null.
    constexpr nullable(std::nullptr_t) noexcept : null_(true) {}
    /// A value.
    template <class U = T>
        requires(std::is_constructible_v<T, U&&> && !std::is_same_v<std::remove_cvref_t<U>, nullable> &&
                 !std::is_same_v<std::remove_cvref_t<U>, std::nullptr_t> &&
                 !std::is_same_v<std::remove_cvref_t<U>, std::nullopt_t>)
    // NOLINTNEXTLINE(bugprone-forwarding-reference-overload): the requires-clause excludes nullable
    constexpr nullable(U&& v) : value_(std::forward<U>(v)) {}

    [[nodiscard]] constexpr presence state() const noexcept {
        return value_ ? presence::value : (null_ ? presence::null : presence::absent);
    }
    [[nodiscard]] constexpr bool is_absent() const noexcept { return !value_ && !null_; }
    [[nodiscard]] constexpr bool is_null() const noexcept { return null_; }
    [[nodiscard]] constexpr bool has_value() const noexcept { return value_.has_value(); }
    constexpr explicit operator bool() const noexcept { return has_value(); }

    /// The value; throws std::bad_optional_access when absent or null.
    [[nodiscard]] constexpr T& value() & { return value_.value(); }
    [[nodiscard]] constexpr T const& value() const& { return value_.value(); }
    constexpr T& operator*() & noexcept { return *value_; }
    constexpr T const& operator*() const& noexcept { return *value_; }
    constexpr T* operator->() noexcept { return &*value_; }
    constexpr T const* operator->() const noexcept { return &*value_; }

    /// Makes it absent.
    constexpr void reset() noexcept {
        value_.reset();
        null_ = false;
    }
    /// Makes it null.
    constexpr void set_null() noexcept {
        value_.reset();
        null_ = true;
    }
    /// Makes it hold a value built from args.
    template <class... Args>
    constexpr T& emplace(Args&&... args) {
        null_ = false;
        return value_.emplace(std::forward<Args>(args)...);
    }

    friend constexpr bool operator==(nullable const&, nullable const&) = default;

private:
    std::optional<T> value_;
    bool null_ = false;
};

} // namespace authentik::events::schema

#endif
