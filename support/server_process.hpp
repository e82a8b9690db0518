#ifndef AUTHENTIK_EVENTS_SUPPORT_SERVER_PROCESS_HPP
#define AUTHENTIK_EVENTS_SUPPORT_SERVER_PROCESS_HPP

// Runs authentik-events-server as a child process on a port the system picks, and reads the
// port from its first line of output. Used by the end-to-end test and by the load check.

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

extern char** environ; // NOLINT(readability-redundant-declaration): POSIX leaves it undeclared

namespace authentik_events_support {

namespace detail {

// Starts argv[0] with these arguments and file actions; -1 if it cannot be started.
inline pid_t spawn(std::vector<std::string> argv_text, posix_spawn_file_actions_t const& actions) {
    std::vector<char*> argv;
    for (auto& a : argv_text) {
        argv.push_back(a.data());
    }
    argv.push_back(nullptr);
    pid_t pid = -1;
    return posix_spawn(&pid, argv_text.front().c_str(), &actions, nullptr, argv.data(), environ) == 0 ? pid : -1;
}

} // namespace detail

/// The server as a child process: started on a free port, stopped by a signal or killed.
class server_process {
public:
    /// Starts `program --port 0 args...` and waits (up to `wait`) for its "listening on" line.
    server_process(std::string const& program, std::vector<std::string> args,
                   std::chrono::milliseconds wait = std::chrono::seconds(60)) {
        int out[2];
        if (pipe(out) != 0) {
            throw std::runtime_error("pipe failed");
        }
        args.insert(args.begin(), {program, "--port", "0"});
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
        posix_spawn_file_actions_addclose(&actions, out[0]);
        pid_ = detail::spawn(std::move(args), actions);
        posix_spawn_file_actions_destroy(&actions);
        close(out[1]);
        if (pid_ < 0) {
            close(out[0]);
            throw std::runtime_error("cannot start " + program);
        }
        out_ = out[0];
        first_line_ = read_line(wait);
        std::string const prefix = "listening on http://127.0.0.1:";
        if (first_line_.rfind(prefix, 0) != 0) {
            kill_now();
            throw std::runtime_error("the server's first line is \"" + first_line_ + "\"");
        }
        port_ = std::stoi(first_line_.substr(prefix.size()));
    }

    server_process(server_process const&) = delete;
    server_process& operator=(server_process const&) = delete;

    ~server_process() { kill_now(); }

    [[nodiscard]] int port() const noexcept { return port_; }
    [[nodiscard]] std::string port_text() const { return std::to_string(port_); }
    [[nodiscard]] std::string const& first_line() const noexcept { return first_line_; }

    /// Sends `sig` and waits up to `wait` for the process to end: its exit status, or nullopt if
    /// it did not end (it is then killed).
    std::optional<int> stop(int sig = SIGTERM, std::chrono::milliseconds wait = std::chrono::seconds(20)) {
        if (pid_ <= 0) {
            return std::nullopt;
        }
        ::kill(pid_, sig);
        auto const deadline = std::chrono::steady_clock::now() + wait;
        while (std::chrono::steady_clock::now() < deadline) {
            int status = 0;
            pid_t const r = waitpid(pid_, &status, WNOHANG);
            if (r == pid_) {
                pid_ = -1;
                return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
        kill_now();
        return std::nullopt;
    }

    /// Whether the process is still running.
    [[nodiscard]] bool running() {
        if (pid_ <= 0) {
            return false;
        }
        int status = 0;
        if (waitpid(pid_, &status, WNOHANG) == pid_) {
            pid_ = -1;
            return false;
        }
        return true;
    }

private:
    std::string read_line(std::chrono::milliseconds wait) {
        std::string line;
        auto const deadline = std::chrono::steady_clock::now() + wait;
        while (std::chrono::steady_clock::now() < deadline) {
            pollfd p{out_, POLLIN, 0};
            if (poll(&p, 1, 100) <= 0) {
                continue;
            }
            char c = 0;
            ssize_t const n = ::read(out_, &c, 1);
            if (n <= 0) {
                break; // the process ended
            }
            if (c == '\n') {
                return line;
            }
            line.push_back(c);
        }
        return line;
    }

    void kill_now() noexcept {
        if (pid_ > 0) {
            ::kill(pid_, SIGKILL);
            int status = 0;
            waitpid(pid_, &status, 0);
            pid_ = -1;
        }
        if (out_ >= 0) {
            close(out_);
            out_ = -1;
        }
    }

    pid_t pid_ = -1;
    int out_ = -1;
    int port_ = 0;
    std::string first_line_;
};

/// What a program printed and how it ended.
struct program_output {
    int exit_code = -1;
    std::string out;
    std::string err;
};

/// Runs `program args...` to its end (killed after `wait`), with stdin from /dev/null.
inline program_output run_program(std::string const& program, std::vector<std::string> args,
                                  std::chrono::milliseconds wait = std::chrono::seconds(60)) {
    int out[2];
    int err[2];
    if (pipe(out) != 0 || pipe(err) != 0) {
        throw std::runtime_error("pipe failed");
    }
    args.insert(args.begin(), program);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
    posix_spawn_file_actions_adddup2(&actions, err[1], STDERR_FILENO);
    posix_spawn_file_actions_addclose(&actions, out[0]);
    posix_spawn_file_actions_addclose(&actions, err[0]);
    pid_t const pid = detail::spawn(std::move(args), actions);
    posix_spawn_file_actions_destroy(&actions);
    close(out[1]);
    close(err[1]);
    program_output result;
    if (pid < 0) {
        close(out[0]);
        close(err[0]);
        throw std::runtime_error("cannot start " + program);
    }
    // Both pipes are read as they fill, so a program writing much to one never blocks on it.
    pollfd fds[2] = {{out[0], POLLIN, 0}, {err[0], POLLIN, 0}};
    std::string* sinks[2] = {&result.out, &result.err};
    int open_pipes = 2;
    auto const deadline = std::chrono::steady_clock::now() + wait;
    while (open_pipes > 0 && std::chrono::steady_clock::now() < deadline) {
        if (poll(fds, 2, 100) <= 0) {
            continue;
        }
        for (int i = 0; i < 2; ++i) {
            if (fds[i].fd >= 0 && (fds[i].revents & (POLLIN | POLLHUP)) != 0) {
                char buf[4096];
                ssize_t const n = ::read(fds[i].fd, buf, sizeof buf);
                if (n <= 0) {
                    close(fds[i].fd);
                    fds[i].fd = -1;
                    --open_pipes;
                } else {
                    sinks[i]->append(buf, static_cast<std::size_t>(n));
                }
            }
        }
    }
    if (open_pipes > 0) {
        ::kill(pid, SIGKILL);
    }
    for (auto& f : fds) {
        if (f.fd >= 0) {
            close(f.fd);
        }
    }
    int status = 0;
    waitpid(pid, &status, 0);
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    return result;
}

} // namespace authentik_events_support

#endif
