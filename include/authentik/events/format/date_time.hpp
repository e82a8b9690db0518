#ifndef AUTHENTIK_EVENTS_FORMAT_DATE_TIME_HPP
#define AUTHENTIK_EVENTS_FORMAT_DATE_TIME_HPP

/// \file
/// RFC 3339 timestamps as authentik's API (Django REST framework) writes them, reduced to a UTC
/// instant with microsecond precision, the precision of Python's datetime.

#include <compare>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace authentik::events::format {

namespace detail {

inline constexpr std::int64_t microseconds_per_second = 1'000'000;
inline constexpr std::int64_t microseconds_per_day = 86'400 * microseconds_per_second;

/// Days since 1970-01-01 of a proleptic Gregorian date (Hinnant's days_from_civil): counting in
/// 400-year eras starting in March puts the leap day last, so no month table is needed.
[[nodiscard]] constexpr std::int64_t days_from_civil(std::int64_t year, unsigned month, unsigned day) noexcept {
    std::int64_t const y = month <= 2 ? year - 1 : year;
    std::int64_t const era = (y >= 0 ? y : y - 399) / 400;
    auto const year_of_era = static_cast<unsigned>(y - era * 400);
    unsigned const shifted_month = month > 2 ? month - 3 : month + 9;
    unsigned const day_of_year = (153 * shifted_month + 2) / 5 + day - 1;
    unsigned const day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    return era * 146'097 + static_cast<std::int64_t>(day_of_era) - 719'468;
}

struct civil_date {
    std::int64_t year;
    unsigned month;
    unsigned day;
};

/// Inverse of `days_from_civil`.
[[nodiscard]] constexpr civil_date civil_from_days(std::int64_t days) noexcept {
    std::int64_t const z = days + 719'468;
    std::int64_t const era = (z >= 0 ? z : z - 146'096) / 146'097;
    auto const day_of_era = static_cast<unsigned>(z - era * 146'097);
    unsigned const year_of_era = (day_of_era - day_of_era / 1'460 + day_of_era / 36'524 - day_of_era / 146'096) / 365;
    unsigned const day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    unsigned const shifted_month = (5 * day_of_year + 2) / 153;
    unsigned const day = day_of_year - (153 * shifted_month + 2) / 5 + 1;
    unsigned const month = shifted_month < 10 ? shifted_month + 3 : shifted_month - 9;
    std::int64_t const year = static_cast<std::int64_t>(year_of_era) + era * 400 + (month <= 2 ? 1 : 0);
    return {year, month, day};
}

[[nodiscard]] constexpr bool is_leap_year(int year) noexcept {
    return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
}

[[nodiscard]] constexpr int days_in_month(int year, int month) noexcept {
    constexpr int lengths[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && is_leap_year(year) ? 29 : lengths[month - 1];
}

} // namespace detail

/// A UTC instant with microsecond precision, between 0001-01-01T00:00:00Z and
/// 9999-12-31T23:59:59.999999Z: the range and precision of Python's datetime, so every value
/// the server can produce fits and nothing else does.
class date_time {
public:
    /// The Unix epoch, 1970-01-01T00:00:00Z.
    constexpr date_time() noexcept = default;

    /// No range check, to stay free in hot paths; the caller keeps `us` within min()..max().
    [[nodiscard]] static constexpr date_time from_unix_microseconds(std::int64_t us) noexcept {
        date_time t;
        t.us_ = us;
        return t;
    }

    /// Microseconds since 1970-01-01T00:00:00Z, negative before it.
    [[nodiscard]] constexpr std::int64_t unix_microseconds() const noexcept { return us_; }

    /// 0001-01-01T00:00:00Z.
    [[nodiscard]] static constexpr date_time min() noexcept {
        return from_unix_microseconds(detail::days_from_civil(1, 1, 1) * detail::microseconds_per_day);
    }

    /// 9999-12-31T23:59:59.999999Z.
    [[nodiscard]] static constexpr date_time max() noexcept {
        return from_unix_microseconds((detail::days_from_civil(9999, 12, 31) + 1) * detail::microseconds_per_day - 1);
    }

    /// Chronological order.
    // NOLINTNEXTLINE(modernize-use-nullptr): clang-tidy 14 sees a literal 0 in the defaulted <=>
    friend constexpr auto operator<=>(date_time, date_time) noexcept = default;
    /// Same instant.
    friend constexpr bool operator==(date_time, date_time) noexcept = default;

private:
    std::int64_t us_ = 0;
};

/// Broken-down UTC calendar fields; plain ints so that out-of-range input can be represented
/// and rejected by `from_civil` rather than silently wrapped.
struct civil_time {
    int year;        ///< 1-9999
    int month;       ///< 1-12
    int day;         ///< 1-28/29/30/31
    int hour;        ///< 0-23
    int minute;      ///< 0-59
    int second;      ///< 0-59; leap seconds do not exist for Python's datetime
    int microsecond; ///< 0-999999
};

/// Builds an instant from UTC calendar fields; nullopt if any field is out of range (including
/// Feb 29 of a non-leap year and second 60), never a normalised neighbour.
[[nodiscard]] constexpr std::optional<date_time> from_civil(civil_time const& c) noexcept {
    if (c.year < 1 || c.year > 9999 || c.month < 1 || c.month > 12 || c.day < 1 ||
        c.day > detail::days_in_month(c.year, c.month) || c.hour < 0 || c.hour > 23 || c.minute < 0 || c.minute > 59 ||
        c.second < 0 || c.second > 59 || c.microsecond < 0 || c.microsecond > 999'999) {
        return std::nullopt;
    }
    std::int64_t const days =
        detail::days_from_civil(c.year, static_cast<unsigned>(c.month), static_cast<unsigned>(c.day));
    std::int64_t const seconds = days * 86'400 + std::int64_t{c.hour} * 3'600 + std::int64_t{c.minute} * 60 + c.second;
    return date_time::from_unix_microseconds(seconds * detail::microseconds_per_second + c.microsecond);
}

/// UTC calendar fields of an instant within date_time::min()..max().
[[nodiscard]] constexpr civil_time to_civil(date_time t) noexcept {
    std::int64_t days = t.unix_microseconds() / detail::microseconds_per_day;
    std::int64_t in_day = t.unix_microseconds() % detail::microseconds_per_day;
    if (in_day < 0) { // floor, not truncation, for instants before 1970
        in_day += detail::microseconds_per_day;
        --days;
    }
    detail::civil_date const date = detail::civil_from_days(days);
    auto const seconds = static_cast<int>(in_day / detail::microseconds_per_second);
    return {static_cast<int>(date.year),
            static_cast<int>(date.month),
            static_cast<int>(date.day),
            seconds / 3'600,
            seconds / 60 % 60,
            seconds % 60,
            static_cast<int>(in_day % detail::microseconds_per_second)};
}

/// Longest text `write_date_time` produces, "YYYY-MM-DDThh:mm:ss.ffffffZ".
inline constexpr std::size_t max_date_time_length = 27;

namespace detail {

/// Bounds-checked read: '\0' past the end is never a digit or separator, so short input fails
/// at the first missing character with the message for that position.
[[nodiscard]] constexpr char char_at(std::string_view text, std::size_t pos) noexcept {
    return pos < text.size() ? text[pos] : '\0';
}

[[nodiscard]] constexpr bool read_digits(std::string_view text, std::size_t pos, std::size_t count,
                                         int& value) noexcept {
    int v = 0;
    for (std::size_t i = 0; i < count; ++i) {
        auto const d =
            static_cast<unsigned>(static_cast<unsigned char>(char_at(text, pos + i))) - static_cast<unsigned>('0');
        if (d > 9) {
            return false;
        }
        v = v * 10 + static_cast<int>(d);
    }
    value = v;
    return true;
}

/// Only called once `day` is known not to exist in `month`; names the month so the message is
/// actionable without the input at hand.
[[nodiscard]] constexpr std::string_view day_out_of_range(int month, int day) noexcept {
    if (day < 1 || day > 31) {
        return "day must be 01-31";
    }
    if (month == 2) {
        if (day == 29) {
            return "day 29 is out of range for February of a non-leap year";
        }
        return day == 30 ? "day 30 is out of range for February" : "day 31 is out of range for February";
    }
    switch (month) {
    case 4: return "day 31 is out of range for April";
    case 6: return "day 31 is out of range for June";
    case 9: return "day 31 is out of range for September";
    default: return "day 31 is out of range for November";
    }
}

} // namespace detail

/// Parses RFC 3339 §5.6 date-time: YYYY-MM-DD ("T"|"t") hh:mm:ss ["." 1*DIGIT]
/// ("Z"|"z"|("+"|"-") hh:mm), with real calendar checks, no leap second (Python's datetime
/// has none), offsets up to ±23:59 folded into UTC, and fraction digits past the sixth
/// truncated as Django does. The local year and the resulting instant must both lie in
/// 0001-9999. On failure `out` is untouched and `why` names the broken rule.
[[nodiscard]] inline bool parse_date_time(std::string_view text, date_time& out, std::string_view& why) noexcept {
    using detail::char_at;
    using detail::read_digits;
    int year = 0;
    int month = 0;
    int day = 0;
    int hour = 0;
    int minute = 0;
    int second = 0;
    if (!read_digits(text, 0, 4, year)) {
        why = "expected a 4-digit year";
        return false;
    }
    if (year == 0) {
        why = "year 0000 is out of range (0001-9999)";
        return false;
    }
    if (char_at(text, 4) != '-') {
        why = "expected '-' after the year";
        return false;
    }
    if (!read_digits(text, 5, 2, month)) {
        why = "expected a 2-digit month";
        return false;
    }
    if (month < 1 || month > 12) {
        why = "month must be 01-12";
        return false;
    }
    if (char_at(text, 7) != '-') {
        why = "expected '-' after the month";
        return false;
    }
    if (!read_digits(text, 8, 2, day)) {
        why = "expected a 2-digit day";
        return false;
    }
    if (day < 1 || day > detail::days_in_month(year, month)) {
        why = detail::day_out_of_range(month, day);
        return false;
    }
    if (char c = char_at(text, 10); c != 'T' && c != 't') {
        why = "expected 'T' between date and time";
        return false;
    }
    if (!read_digits(text, 11, 2, hour)) {
        why = "expected a 2-digit hour";
        return false;
    }
    if (hour > 23) {
        why = "hour must be 00-23";
        return false;
    }
    if (char_at(text, 13) != ':') {
        why = "expected ':' after the hour";
        return false;
    }
    if (!read_digits(text, 14, 2, minute)) {
        why = "expected a 2-digit minute";
        return false;
    }
    if (minute > 59) {
        why = "minute must be 00-59";
        return false;
    }
    if (char_at(text, 16) != ':') {
        why = "expected ':' after the minute (seconds are required)";
        return false;
    }
    if (!read_digits(text, 17, 2, second)) {
        why = "expected a 2-digit second";
        return false;
    }
    if (second == 60) {
        why = "second 60 (a leap second) is not accepted";
        return false;
    }
    if (second > 59) {
        why = "second must be 00-59";
        return false;
    }

    std::size_t pos = 19;
    std::int64_t microsecond = 0;
    if (char_at(text, pos) == '.') {
        ++pos;
        std::size_t const first = pos;
        std::int64_t scale = 100'000;
        while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
            microsecond += (text[pos] - '0') * scale; // scale reaches 0 after six digits
            scale /= 10;
            ++pos;
        }
        if (pos == first) {
            why = "expected a digit after '.'";
            return false;
        }
    }

    std::int64_t offset_minutes = 0;
    char const designator = char_at(text, pos);
    if (designator == 'Z' || designator == 'z') {
        ++pos;
    } else if (designator == '+' || designator == '-') {
        int offset_hour = 0;
        int offset_minute = 0;
        if (!read_digits(text, pos + 1, 2, offset_hour)) {
            why = "expected a 2-digit offset hour";
            return false;
        }
        if (offset_hour > 23) {
            why = "offset hour must be 00-23";
            return false;
        }
        if (char_at(text, pos + 3) != ':') {
            why = "expected ':' in the offset";
            return false;
        }
        if (!read_digits(text, pos + 4, 2, offset_minute)) {
            why = "expected a 2-digit offset minute";
            return false;
        }
        if (offset_minute > 59) {
            why = "offset minute must be 00-59";
            return false;
        }
        offset_minutes = offset_hour * 60 + offset_minute;
        if (designator == '-') {
            offset_minutes = -offset_minutes;
        }
        pos += 6;
    } else {
        why = "expected 'Z' or an offset such as '+01:00'";
        return false;
    }
    if (pos != text.size()) {
        why = "unexpected characters after the offset";
        return false;
    }

    std::int64_t const days = detail::days_from_civil(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
    std::int64_t const seconds =
        days * 86'400 + std::int64_t{hour} * 3'600 + std::int64_t{minute} * 60 + second - offset_minutes * 60;
    date_time const t = date_time::from_unix_microseconds(seconds * detail::microseconds_per_second + microsecond);
    if (t < date_time::min()) {
        why = "instant is before 0001-01-01T00:00:00Z once the offset is applied";
        return false;
    }
    if (t > date_time::max()) {
        why = "instant is after 9999-12-31T23:59:59.999999Z once the offset is applied";
        return false;
    }
    out = t;
    return true;
}

/// For callers that only validate and have no use for the message or the value.
[[nodiscard]] inline bool is_date_time(std::string_view text) noexcept {
    date_time ignored;
    std::string_view why;
    return parse_date_time(text, ignored, why);
}

namespace detail {

/// Fixed width, zero padded; `value` is known to fit.
inline void write_digits(char* out, int value, int count) noexcept {
    for (int i = count - 1; i >= 0; --i) {
        out[i] = static_cast<char>('0' + value % 10);
        value /= 10;
    }
}

} // namespace detail

/// Writes what Django REST framework writes for a UTC datetime, "2023-02-15T15:33:42.771091Z",
/// or "2023-02-15T15:33:42Z" when the microseconds are 0 (Python's isoformat drops them), so
/// re-serialised events match the server's text. No terminator. Returns 20 or 27.
inline std::size_t write_date_time(date_time t, char* out) noexcept {
    civil_time const c = to_civil(t);
    detail::write_digits(out, c.year, 4);
    out[4] = '-';
    detail::write_digits(out + 5, c.month, 2);
    out[7] = '-';
    detail::write_digits(out + 8, c.day, 2);
    out[10] = 'T';
    detail::write_digits(out + 11, c.hour, 2);
    out[13] = ':';
    detail::write_digits(out + 14, c.minute, 2);
    out[16] = ':';
    detail::write_digits(out + 17, c.second, 2);
    if (c.microsecond == 0) {
        out[19] = 'Z';
        return 20;
    }
    out[19] = '.';
    detail::write_digits(out + 20, c.microsecond, 6);
    out[26] = 'Z';
    return max_date_time_length;
}

/// Allocating convenience over `write_date_time`.
[[nodiscard]] inline std::string date_time_to_string(date_time t) {
    char buffer[max_date_time_length];
    return std::string(buffer, write_date_time(t, buffer));
}

} // namespace authentik::events::format

#endif
