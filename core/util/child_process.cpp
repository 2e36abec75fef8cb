#include "core/util/child_process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdlib>

#include "core/util/error.h"

extern char** environ;

namespace tiertune {
namespace {

// A pipe whose ends close themselves; both ends close-on-exec (the child gets dup2'd copies).
struct Pipe {
  int read = -1, write = -1;
  Pipe() {
    int ends[2];
    if (::pipe2(ends, O_CLOEXEC) != 0) throw Error("Could not create a pipe: " + errnoText(errno));
    read = ends[0];
    write = ends[1];
  }
  ~Pipe() {
    closeRead();
    closeWrite();
  }
  Pipe(const Pipe&) = delete;
  Pipe& operator=(const Pipe&) = delete;
  void closeRead() {
    if (read >= 0) ::close(read);
    read = -1;
  }
  void closeWrite() {
    if (write >= 0) ::close(write);
    write = -1;
  }
};

struct SpawnActions {
  posix_spawn_file_actions_t actions;
  SpawnActions() { posix_spawn_file_actions_init(&actions); }
  ~SpawnActions() { posix_spawn_file_actions_destroy(&actions); }
};

struct SpawnAttributes {
  posix_spawnattr_t attributes;
  SpawnAttributes() { posix_spawnattr_init(&attributes); }
  ~SpawnAttributes() { posix_spawnattr_destroy(&attributes); }
};

int waitForExit(pid_t pid) {
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  return status;
}

// Waits for the program until the deadline (it closed its output but may still run); false when
// it is still running then.
bool waitUntil(pid_t pid, std::chrono::steady_clock::time_point deadline, int& status) {
  while (true) {
    const pid_t done = ::waitpid(pid, &status, WNOHANG);
    if (done == pid) return true;
    if (done < 0 && errno != EINTR) return true;
    if (std::chrono::steady_clock::now() >= deadline) return false;
    ::usleep(5000);
  }
}

}  // namespace

std::string findProgram(std::string_view program) {
  if (program.find('/') != std::string_view::npos) return std::string(program);
  const char* path = std::getenv("PATH");
  std::string_view rest = path != nullptr ? path : "/usr/bin:/bin";
  while (true) {
    const std::size_t colon = rest.find(':');
    std::string candidate(rest.substr(0, colon));
    if (candidate.empty()) candidate = ".";
    candidate += '/';
    candidate += program;
    struct stat info {};
    if (::stat(candidate.c_str(), &info) == 0 && S_ISREG(info.st_mode) && ::access(candidate.c_str(), X_OK) == 0) {
      return candidate;
    }
    if (colon == std::string_view::npos) return {};
    rest.remove_prefix(colon + 1);
  }
}

ChildResult runChild(const std::vector<std::string>& arguments, const std::function<bool(std::string_view)>& onOutput,
                     const ChildLimits& limits) {
  if (arguments.empty()) throw Error("runChild: no program given");
  const std::string program = findProgram(arguments[0]);
  if (program.empty()) throw Error("The program " + arguments[0] + " is not installed (it was not found on PATH).");

  Pipe output, errors;
  SpawnActions spawnActions;
  posix_spawn_file_actions_t* actions = &spawnActions.actions;
  posix_spawn_file_actions_addopen(actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(actions, output.write, STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(actions, errors.write, STDERR_FILENO);
  // Its own process group, so that a timeout kills whatever it started too.
  SpawnAttributes spawnAttributes;
  posix_spawnattr_setflags(&spawnAttributes.attributes, POSIX_SPAWN_SETPGROUP);
  posix_spawnattr_setpgroup(&spawnAttributes.attributes, 0);

  std::vector<char*> argv;
  for (const std::string& argument : arguments) argv.push_back(const_cast<char*>(argument.c_str()));
  argv.push_back(nullptr);
  pid_t pid = 0;
  const int spawned = ::posix_spawn(&pid, program.c_str(), actions, &spawnAttributes.attributes, argv.data(), environ);
  if (spawned != 0) throw Error("Could not start " + arguments[0] + ": " + errnoText(spawned));
  output.closeWrite();
  errors.closeWrite();

  ChildResult result;
  const auto deadline = std::chrono::steady_clock::now() + limits.timeout;
  std::array<char, 64 * 1024> buffer;
  bool outputOpen = true, errorsOpen = true, killed = false;
  while (outputOpen || errorsOpen) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) {
      result.end = ChildResult::End::TimedOut;
      killed = true;
      break;
    }
    std::array<pollfd, 2> watched{{{outputOpen ? output.read : -1, POLLIN, 0}, {errorsOpen ? errors.read : -1, POLLIN, 0}}};
    const int ready = ::poll(watched.data(), watched.size(), static_cast<int>(std::min<long long>(left.count(), 1000)));
    if (ready < 0) {
      if (errno == EINTR) continue;
      result.end = ChildResult::End::Stopped;
      killed = true;
      break;
    }
    if (outputOpen && (watched[0].revents & (POLLIN | POLLHUP | POLLERR)) != 0) {
      const ssize_t got = ::read(output.read, buffer.data(), buffer.size());
      if (got > 0) {
        if (!onOutput(std::string_view(buffer.data(), static_cast<std::size_t>(got)))) {
          result.end = ChildResult::End::Stopped;
          killed = true;
          break;
        }
      } else if (got == 0 || errno != EINTR) {
        outputOpen = false;
      }
    }
    if (errorsOpen && (watched[1].revents & (POLLIN | POLLHUP | POLLERR)) != 0) {
      const ssize_t got = ::read(errors.read, buffer.data(), buffer.size());
      if (got > 0) {
        const std::size_t room = limits.maxErrorBytes - std::min(limits.maxErrorBytes, result.errors.size());
        result.errors.append(buffer.data(), std::min(room, static_cast<std::size_t>(got)));
      } else if (got == 0 || errno != EINTR) {
        errorsOpen = false;
      }
    }
  }
  int status = 0;
  if (!killed && !waitUntil(pid, deadline, status)) {
    result.end = ChildResult::End::TimedOut;
    killed = true;
  }
  if (killed) {
    ::kill(-pid, SIGKILL);
    status = waitForExit(pid);
  }
  if (!killed) {
    if (WIFEXITED(status)) {
      result.end = ChildResult::End::Exited;
      result.exitCode = WEXITSTATUS(status);
    } else {
      result.end = ChildResult::End::Signalled;
      result.signal = WIFSIGNALED(status) ? WTERMSIG(status) : 0;
    }
  }
  return result;
}

}  // namespace tiertune
