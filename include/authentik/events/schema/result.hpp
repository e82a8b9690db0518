#ifndef AUTHENTIK_EVENTS_SCHEMA_RESULT_HPP
#define AUTHENTIK_EVENTS_SCHEMA_RESULT_HPP

#include <authentik/events/schema/problem.hpp>

#include <boost/system/system_error.hpp>

#include <sstream>
#include <string>
#include <utility>
#include <variant>

namespace authentik::events::schema {

/// Thrown by the throwing conveniences; carries every problem, and the first one's code.
class validation_failure : public boost::system::system_error {
public:
    explicit validation_failure(problem_list problems)
        : boost::system::system_error(problems.empty() ? make_error_code(error::invalid_json)
                                                       : make_error_code(problems[0].code),
                                      describe(problems)),
          problems_(std::move(problems)) {}

    /// Every problem found.
    [[nodiscard]] problem_list const& problems() const noexcept { return problems_; }

private:
    static std::string describe(problem_list const& problems) {
        std::ostringstream os;
        os << problems.size() << (problems.size() == 1 ? " problem" : " problems");
        for (auto const& p : problems) {
            os << "; " << p;
        }
        return os.str();
    }

    problem_list problems_;
};

/// A value of T, or every problem that kept the input from being one.
template <class T>
class result {
public:
    /// Success.
    result(T value) : v_(std::in_place_index<0>, std::move(value)) {}
    /// Failure; the list should not be empty.
    result(problem_list problems) : v_(std::in_place_index<1>, std::move(problems)) {}

    [[nodiscard]] bool has_value() const noexcept { return v_.index() == 0; }
    explicit operator bool() const noexcept { return has_value(); }

    /// The value; throws validation_failure when there is none.
    [[nodiscard]] T& value() & {
        throw_if_failed();
        return std::get<0>(v_);
    }
    [[nodiscard]] T const& value() const& {
        throw_if_failed();
        return std::get<0>(v_);
    }
    [[nodiscard]] T&& value() && {
        throw_if_failed();
        return std::get<0>(std::move(v_));
    }
    /// The value, unchecked.
    [[nodiscard]] T& operator*() noexcept { return *std::get_if<0>(&v_); }
    [[nodiscard]] T const& operator*() const noexcept { return *std::get_if<0>(&v_); }
    [[nodiscard]] T* operator->() noexcept { return std::get_if<0>(&v_); }
    [[nodiscard]] T const* operator->() const noexcept { return std::get_if<0>(&v_); }

    /// The problems; empty on success.
    [[nodiscard]] problem_list const& problems() const noexcept {
        static problem_list const none;
        auto const* p = std::get_if<1>(&v_);
        return p != nullptr ? *p : none;
    }

private:
    void throw_if_failed() const {
        if (auto const* p = std::get_if<1>(&v_)) {
            throw validation_failure(*p);
        }
    }

    std::variant<T, problem_list> v_;
};

} // namespace authentik::events::schema

#endif
