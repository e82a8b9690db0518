#include <authentik/events/format/date_time.hpp>

#include <boost/test/unit_test.hpp>

#include <array>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace date_time_test {

namespace fmt = authentik::events::format;

namespace {

struct date_time_case {
    std::string_view text;
    bool valid;
    std::int64_t unix_us;      // valid only
    std::string_view why_part; // invalid only: a fragment the message must contain
};

constexpr date_time_case ok(std::string_view text, std::int64_t unix_us) { return {text, true, unix_us, {}}; }

constexpr date_time_case bad(std::string_view text, std::string_view why_part) { return {text, false, 0, why_part}; }

// Expected instants were computed independently with Python's datetime.
constexpr date_time_case date_time_cases[] = {
    // As Django REST framework writes them.
    ok("2023-02-15T15:33:42.771091Z", 1676475222771091),
    ok("2023-02-15T15:33:42Z", 1676475222000000),
    // Fraction lengths; past six digits truncate, never round.
    ok("2023-02-15T15:33:42.7Z", 1676475222700000),
    ok("2023-02-15T15:33:42.771Z", 1676475222771000),
    ok("2023-02-15T15:33:42.000000Z", 1676475222000000),
    ok("2023-02-15T15:33:42.000005Z", 1676475222000005),
    ok("2023-02-15T15:33:42.771091999Z", 1676475222771091),
    ok("2023-02-15T15:33:42.9999999Z", 1676475222999999),
    ok("2023-02-15T15:33:42.12345678901234567890Z", 1676475222123456),
    // Lowercase designators (RFC 3339 §5.6 NOTE).
    ok("2023-02-15t15:33:42z", 1676475222000000),
    ok("2023-02-15t15:33:42.771091Z", 1676475222771091),
    // Offsets are folded into UTC.
    ok("2023-02-15T15:33:42+05:30", 1676455422000000),
    ok("2023-02-15T15:33:42-08:00", 1676504022000000),
    ok("2023-02-15T15:33:42-00:00", 1676475222000000),
    ok("2023-02-15T15:33:42+00:00", 1676475222000000),
    ok("2023-02-15T15:33:42.771091+23:59", 1676388882771091),
    ok("2023-02-15T15:33:42.771091-23:59", 1676561562771091),
    ok("2023-12-31T23:30:00-00:30", 1704067200000000),
    ok("2021-07-09T10:04:23.123456+02:00", 1625817863123456),
    // RFC 3339 §5.8 examples.
    ok("1985-04-12T23:20:50.52Z", 482196050520000),
    ok("1996-12-19T16:39:57-08:00", 851042397000000),
    ok("1937-01-01T12:00:27.87+00:20", -1041337172130000),
    // Leap years.
    ok("2024-02-29T00:00:00Z", 1709164800000000),
    ok("2000-02-29T12:00:00Z", 951825600000000),
    ok("1600-02-29T06:07:08.000009Z", -11670976371999991),
    ok("1900-03-01T00:00:00Z", -2203891200000000),
    // Around the epoch and the ends of the range.
    ok("1970-01-01T00:00:00Z", 0),
    ok("1969-12-31T23:59:59.999999Z", -1),
    ok("2016-12-31T23:59:59.999999Z", 1483228799999999),
    ok("0001-01-01T00:00:00Z", -62135596800000000),
    ok("9999-12-31T23:59:59.999999Z", 253402300799999999),
    ok("0001-01-01T01:00:00+01:00", -62135596800000000),
    ok("9999-12-31T22:59:59-01:00", 253402300799000000),

    // Calendar.
    bad("2023-02-29T00:00:00Z", "day 29 is out of range for February"),
    bad("1900-02-29T00:00:00Z", "day 29 is out of range for February"),
    bad("2024-02-30T00:00:00Z", "day 30 is out of range for February"),
    bad("2024-02-31T00:00:00Z", "day 31 is out of range for February"),
    bad("2023-04-31T00:00:00Z", "day 31 is out of range for April"),
    bad("2023-06-31T00:00:00Z", "June"),
    bad("2023-09-31T00:00:00Z", "September"),
    bad("2023-11-31T00:00:00Z", "November"),
    bad("2023-13-01T00:00:00Z", "month must be 01-12"),
    bad("2023-00-01T00:00:00Z", "month must be 01-12"),
    bad("2023-01-00T00:00:00Z", "day must be 01-31"),
    bad("2023-01-32T00:00:00Z", "day must be 01-31"),
    bad("0000-01-01T00:00:00Z", "year 0000"),
    // Time of day.
    bad("2023-02-15T24:00:00Z", "hour must be 00-23"),
    bad("2023-02-15T15:60:00Z", "minute must be 00-59"),
    bad("2023-02-15T15:33:60Z", "leap second"),
    bad("1990-12-31T23:59:60Z", "leap second"),      // RFC 3339 §5.8
    bad("1990-12-31T15:59:60-08:00", "leap second"), // RFC 3339 §5.8
    bad("2023-02-15T15:33:61Z", "second must be 00-59"),
    // Offsets.
    bad("2023-02-15T15:33:42", "expected 'Z' or an offset"),
    bad("2023-02-15T15:33:42.771091", "expected 'Z' or an offset"),
    bad("2023-02-15T15:33:42+0530", "expected ':' in the offset"),
    bad("2023-02-15T15:33:42+24:00", "offset hour must be 00-23"),
    bad("2023-02-15T15:33:42+05:60", "offset minute must be 00-59"),
    bad("2023-02-15T15:33:42+5:30", "2-digit offset hour"),
    bad("2023-02-15T15:33:42+05:3", "2-digit offset minute"),
    bad("2023-02-15T15:33:42+05", "expected ':' in the offset"),
    bad("2023-02-15T15:33:42UTC", "expected 'Z' or an offset"),
    bad("2023-02-15T15:33:42 Z", "expected 'Z' or an offset"),
    // Range after the offset is applied.
    bad("0001-01-01T00:00:00+01:00", "before 0001-01-01"),
    bad("0001-01-01T00:59:59.999999+01:00", "before 0001-01-01"),
    bad("9999-12-31T23:59:59-01:00", "after 9999-12-31"),
    bad("9999-12-31T23:00:00-01:00", "after 9999-12-31"),
    // Shape.
    bad("", "4-digit year"),
    bad(" 2023-02-15T15:33:42Z", "4-digit year"),
    bad("23-02-15T15:33:42Z", "4-digit year"),
    bad("10000-01-01T00:00:00Z", "'-' after the year"),
    bad("20230215T153342Z", "'-' after the year"),
    bad("2023-2-15T15:33:42Z", "2-digit month"),
    bad("2023-02-5T15:33:42Z", "2-digit day"),
    bad("2023-02-15 15:33:42Z", "expected 'T'"),
    bad("2023-02-15_15:33:42Z", "expected 'T'"),
    bad("2023-02-15", "expected 'T'"),
    bad("2023-02-15T15Z", "':' after the hour"),
    bad("2023-02-15T15:33Z", "seconds are required"),
    bad("2023-02-15T15:33:4Z", "2-digit second"),
    bad("2023-02-15T15:33:42.Z", "digit after '.'"),
    bad("2023-02-15T15:33:42.", "digit after '.'"),
    bad("2023-02-15T15:33:42,771091Z", "expected 'Z' or an offset"),
    bad("2023-02-15T15:33:42Zabc", "unexpected characters"),
    bad("2023-02-15T15:33:42Z ", "unexpected characters"),
    bad("2023-02-15T15:33:42ZZ", "unexpected characters"),
    bad("2023-02-15T15:33:42+05:30Z", "unexpected characters"),
    bad("2023-02-15T15:33:42+05:30:00", "unexpected characters"),
};

std::string write(fmt::date_time t) {
    std::array<char, fmt::max_date_time_length + 1> buffer{};
    buffer.back() = '#';
    std::size_t const n = fmt::write_date_time(t, buffer.data());
    BOOST_TEST(buffer.back() == '#');
    BOOST_TEST((n == 20 || n == 27));
    return std::string(buffer.data(), n);
}

} // namespace

BOOST_AUTO_TEST_SUITE(date_time)

BOOST_AUTO_TEST_CASE(parse_table) {
    BOOST_TEST(std::size(date_time_cases) >= 40U);
    auto const sentinel = fmt::date_time::from_unix_microseconds(123456789);
    for (auto const& c : date_time_cases) {
        BOOST_TEST_CONTEXT("input: \"" << c.text << "\"") {
            fmt::date_time t = sentinel;
            std::string_view why;
            bool const parsed = fmt::parse_date_time(c.text, t, why);
            BOOST_TEST(parsed == c.valid);
            BOOST_TEST(fmt::is_date_time(c.text) == c.valid);
            if (c.valid) {
                BOOST_TEST(t.unix_microseconds() == c.unix_us);
            } else {
                BOOST_TEST(!why.empty());
                BOOST_TEST(why.find(c.why_part) != std::string_view::npos, "why = \"" << why << "\"");
                BOOST_TEST(t.unix_microseconds() == sentinel.unix_microseconds());
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(range_constants) {
    BOOST_TEST(fmt::date_time{}.unix_microseconds() == 0);
    BOOST_TEST(fmt::date_time::min().unix_microseconds() == -62135596800000000);
    BOOST_TEST(fmt::date_time::max().unix_microseconds() == 253402300799999999);
    static_assert(fmt::date_time::min() < fmt::date_time{});
    static_assert(fmt::date_time{} < fmt::date_time::max());
    static_assert(fmt::date_time::from_unix_microseconds(0) == fmt::date_time{});
    static_assert(fmt::from_civil({1970, 1, 1, 0, 0, 0, 0}) == fmt::date_time{});
    static_assert(fmt::to_civil(fmt::date_time::max()).microsecond == 999999);
}

BOOST_AUTO_TEST_CASE(writer) {
    using fmt::date_time;
    BOOST_TEST(write(date_time{}) == "1970-01-01T00:00:00Z");
    BOOST_TEST(write(date_time::from_unix_microseconds(1676475222771091)) == "2023-02-15T15:33:42.771091Z");
    BOOST_TEST(write(date_time::from_unix_microseconds(1676475222000000)) == "2023-02-15T15:33:42Z");
    BOOST_TEST(write(date_time::from_unix_microseconds(1676475222000005)) == "2023-02-15T15:33:42.000005Z");
    BOOST_TEST(write(date_time::from_unix_microseconds(1676475222500000)) == "2023-02-15T15:33:42.500000Z");
    BOOST_TEST(write(date_time::from_unix_microseconds(-1)) == "1969-12-31T23:59:59.999999Z");
    BOOST_TEST(write(date_time::from_unix_microseconds(-1000000)) == "1969-12-31T23:59:59Z");
    BOOST_TEST(write(date_time::min()) == "0001-01-01T00:00:00Z");
    BOOST_TEST(write(date_time::max()) == "9999-12-31T23:59:59.999999Z");
    BOOST_TEST(fmt::date_time_to_string(date_time::from_unix_microseconds(951825600000000)) == "2000-02-29T12:00:00Z");
    BOOST_TEST(fmt::date_time_to_string(date_time::from_unix_microseconds(-11670976371999991)) ==
               "1600-02-29T06:07:08.000009Z");
}

BOOST_AUTO_TEST_CASE(offsets_are_written_as_utc) {
    fmt::date_time t;
    std::string_view why;
    BOOST_TEST_REQUIRE(fmt::parse_date_time("2023-02-15T21:03:42.771091+05:30", t, why));
    BOOST_TEST(fmt::date_time_to_string(t) == "2023-02-15T15:33:42.771091Z");
    BOOST_TEST_REQUIRE(fmt::parse_date_time("2023-02-15t07:33:42-08:00", t, why));
    BOOST_TEST(fmt::date_time_to_string(t) == "2023-02-15T15:33:42Z");
    BOOST_TEST_REQUIRE(fmt::parse_date_time("2023-02-15T15:33:42.9999999Z", t, why));
    BOOST_TEST(fmt::date_time_to_string(t) == "2023-02-15T15:33:42.999999Z");
}

BOOST_AUTO_TEST_CASE(round_trip_across_the_range) {
    auto const lo = static_cast<std::uint64_t>(fmt::date_time::min().unix_microseconds());
    auto const span = static_cast<std::uint64_t>(fmt::date_time::max().unix_microseconds()) - lo + 1;
    std::uint64_t state = 0x9E3779B97F4A7C15ULL;
    auto next = [&state] { // xorshift64: deterministic, spread over the whole span
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        return state;
    };
    std::array<std::int64_t, 10> const fixed = {fmt::date_time::min().unix_microseconds(),
                                                fmt::date_time::min().unix_microseconds() + 1,
                                                fmt::date_time::max().unix_microseconds(),
                                                fmt::date_time::max().unix_microseconds() - 999999,
                                                -1,
                                                0,
                                                1,
                                                -86400000000,
                                                951782400000000,
                                                -2208988800000000};
    int checked = 0;
    for (int n = 0; n < 5000 + static_cast<int>(fixed.size()); ++n) {
        std::int64_t us = 0;
        if (n < static_cast<int>(fixed.size())) {
            us = fixed[static_cast<std::size_t>(n)];
        } else {
            us = static_cast<std::int64_t>(lo + next() % span);
            if (n % 3 == 0) { // exercise the short form too
                us -= ((us % 1000000) + 1000000) % 1000000;
            }
        }
        auto const t = fmt::date_time::from_unix_microseconds(us);
        std::string const text = fmt::date_time_to_string(t);
        BOOST_TEST_CONTEXT("unix_us = " << us << ", text = " << text) {
            fmt::date_time back;
            std::string_view why;
            BOOST_TEST_REQUIRE(fmt::parse_date_time(text, back, why), why);
            BOOST_TEST(back.unix_microseconds() == us);
            BOOST_TEST(text.size() == (us % 1000000 == 0 ? 20U : 27U));

            fmt::civil_time const c = fmt::to_civil(t);
            std::optional<fmt::date_time> const rebuilt = fmt::from_civil(c);
            BOOST_TEST_REQUIRE(rebuilt.has_value());
            BOOST_TEST(rebuilt->unix_microseconds() == us);
            ++checked;
        }
    }
    BOOST_TEST(checked == 5010);
}

BOOST_AUTO_TEST_CASE(every_day_agrees_with_std_chrono) {
    // Walks the whole range day by day: consecutive dates must map to consecutive day numbers,
    // match the standard library's calendar, and map back to themselves.
    std::int64_t expected_day = fmt::date_time::min().unix_microseconds() / 86400000000;
    int mismatches = 0;
    for (int year = 1; year <= 9999; ++year) {
        for (int month = 1; month <= 12; ++month) {
            for (int day = 1; day <= 31; ++day) {
                auto const t = fmt::from_civil({year, month, day, 12, 34, 56, 789});
                std::chrono::year_month_day const ymd{std::chrono::year{year},
                                                      std::chrono::month{static_cast<unsigned>(month)},
                                                      std::chrono::day{static_cast<unsigned>(day)}};
                if (t.has_value() != ymd.ok()) {
                    ++mismatches;
                    continue;
                }
                if (!t) {
                    continue;
                }
                std::int64_t const days = (t->unix_microseconds() - 45296000789) / 86400000000;
                std::int64_t const chrono_days = std::chrono::sys_days{ymd}.time_since_epoch().count();
                fmt::civil_time const c = fmt::to_civil(*t);
                if (days != expected_day || days != chrono_days || c.year != year || c.month != month || c.day != day ||
                    c.hour != 12 || c.minute != 34 || c.second != 56 || c.microsecond != 789) {
                    ++mismatches;
                }
                ++expected_day;
            }
        }
    }
    BOOST_TEST(mismatches == 0);
    BOOST_TEST(expected_day - 1 == fmt::date_time::max().unix_microseconds() / 86400000000);
}

BOOST_AUTO_TEST_CASE(from_civil_rejects_out_of_range_fields) {
    struct civil_case {
        fmt::civil_time fields;
        bool valid;
    };
    constexpr civil_case cases[] = {
        {{2024, 2, 29, 0, 0, 0, 0}, true},          {{2023, 2, 29, 0, 0, 0, 0}, false},
        {{1900, 2, 29, 0, 0, 0, 0}, false},         {{2000, 2, 29, 0, 0, 0, 0}, true},
        {{2023, 4, 31, 0, 0, 0, 0}, false},         {{2023, 12, 31, 23, 59, 59, 999999}, true},
        {{2023, 12, 31, 23, 59, 60, 0}, false},     {{2023, 12, 31, 24, 0, 0, 0}, false},
        {{2023, 12, 31, 23, 60, 0, 0}, false},      {{2023, 12, 31, 0, 0, 0, 1000000}, false},
        {{2023, 12, 31, 0, 0, 0, -1}, false},       {{2023, 12, 31, 0, -1, 0, 0}, false},
        {{2023, 12, 31, -1, 0, 0, 0}, false},       {{2023, 12, 31, 0, 0, -1, 0}, false},
        {{2023, 0, 1, 0, 0, 0, 0}, false},          {{2023, 13, 1, 0, 0, 0, 0}, false},
        {{2023, 1, 0, 0, 0, 0, 0}, false},          {{0, 1, 1, 0, 0, 0, 0}, false},
        {{10000, 1, 1, 0, 0, 0, 0}, false},         {{1, 1, 1, 0, 0, 0, 0}, true},
        {{9999, 12, 31, 23, 59, 59, 999999}, true},
    };
    for (auto const& c : cases) {
        auto const& f = c.fields;
        BOOST_TEST_CONTEXT(f.year << '-' << f.month << '-' << f.day << ' ' << f.hour << ':' << f.minute << ':'
                                  << f.second << '.' << f.microsecond) {
            auto const t = fmt::from_civil(f);
            BOOST_TEST(t.has_value() == c.valid);
            if (t) {
                fmt::civil_time const back = fmt::to_civil(*t);
                BOOST_TEST((back.year == f.year && back.month == f.month && back.day == f.day && back.hour == f.hour &&
                            back.minute == f.minute && back.second == f.second && back.microsecond == f.microsecond));
            }
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()

} // namespace date_time_test
