#ifndef AUTHENTIK_EVENTS_SCHEMA_NUMBER_HPP
#define AUTHENTIK_EVENTS_SCHEMA_NUMBER_HPP

#include <cstdint>
#include <type_traits>
#include <variant>

namespace authentik::events::schema {

/// A JSON number (`type: number`) that remembers whether it was written as an integer, so that
/// `0` stays `0` and `2.5` stays `2.5` through a round trip; a double alone would write `0.0`.
class number {
public:
    /// The integer 0.
    constexpr number() noexcept = default;
    constexpr number(std::int64_t i) noexcept : v_(i) {}
    constexpr number(std::uint64_t u) noexcept : v_(u) {}
    constexpr number(double d) noexcept : v_(d) {}
    /// From any other integer type (int, long), as an integer.
    template <class I>
        requires(std::is_integral_v<I> && !std::is_same_v<I, bool> && !std::is_same_v<I, std::int64_t> &&
                 !std::is_same_v<I, std::uint64_t>)
    constexpr number(I i) noexcept
        : v_(std::is_signed_v<I> ? std::variant<std::int64_t, std::uint64_t, double>(static_cast<std::int64_t>(i))
                                 : std::variant<std::int64_t, std::uint64_t, double>(static_cast<std::uint64_t>(i))) {}

    [[nodiscard]] constexpr bool is_int64() const noexcept { return v_.index() == 0; }
    [[nodiscard]] constexpr bool is_uint64() const noexcept { return v_.index() == 1; }
    [[nodiscard]] constexpr bool is_double() const noexcept { return v_.index() == 2; }
    /// True when written without a fraction or exponent.
    [[nodiscard]] constexpr bool is_integer() const noexcept { return !is_double(); }

    [[nodiscard]] constexpr std::int64_t as_int64() const noexcept {
        return is_int64()    ? *std::get_if<0>(&v_)
               : is_uint64() ? static_cast<std::int64_t>(*std::get_if<1>(&v_))
                             : static_cast<std::int64_t>(*std::get_if<2>(&v_));
    }
    [[nodiscard]] constexpr std::uint64_t as_uint64() const noexcept {
        return is_uint64()  ? *std::get_if<1>(&v_)
               : is_int64() ? static_cast<std::uint64_t>(*std::get_if<0>(&v_))
                            : static_cast<std::uint64_t>(*std::get_if<2>(&v_));
    }
    [[nodiscard]] constexpr double as_double() const noexcept {
        return is_double()  ? *std::get_if<2>(&v_)
               : is_int64() ? static_cast<double>(*std::get_if<0>(&v_))
                            : static_cast<double>(*std::get_if<1>(&v_));
    }

    /// Integers equal integers of the same value whatever their storage; doubles equal doubles.
    /// `1` and `1.0` differ, as their text does.
    friend constexpr bool operator==(number const& a, number const& b) noexcept {
        if (a.is_double() || b.is_double()) {
            return a.is_double() && b.is_double() && a.as_double() == b.as_double();
        }
        if (a.is_int64() && b.is_int64()) {
            return a.as_int64() == b.as_int64();
        }
        if (a.is_uint64() && b.is_uint64()) {
            return a.as_uint64() == b.as_uint64();
        }
        number const& s = a.is_int64() ? a : b; // one signed, one unsigned
        number const& u = a.is_int64() ? b : a;
        return s.as_int64() >= 0 && static_cast<std::uint64_t>(s.as_int64()) == u.as_uint64();
    }

private:
    std::variant<std::int64_t, std::uint64_t, double> v_{std::int64_t{0}};
};

} // namespace authentik::events::schema

#endif
