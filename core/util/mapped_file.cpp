#include "core/util/mapped_file.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <cerrno>
#include <cstdint>
#include <mutex>
#include <utility>

#include "core/util/error.h"

namespace tiertune {

namespace {
constexpr int kFree = 0;     // the entry guards nothing and may be claimed
constexpr int kClaimed = 1;  // a mapping is filling the entry in
constexpr int kGuarded = 2;  // the handler answers faults in [begin, end)
}  // namespace

// One mapped range the SIGBUS handler knows. Entries are never freed, since the handler may read
// one at any instant; an entry given back is claimed again by a later mapping.
struct GuardedRange {
  std::atomic<int> state{kFree};
  std::atomic<std::uintptr_t> begin{0}, end{0};  // whole pages
  std::atomic<bool> faulted{false};
};

namespace {

struct RangeBlock {
  std::array<GuardedRange, 256> ranges;
  std::atomic<RangeBlock*> next{nullptr};  // later blocks live until the process ends, on purpose
};

RangeBlock firstBlock;
struct sigaction previousAction {};
std::uintptr_t pageBytes = 4096;  // set from sysconf before the handler is installed

// Runs on the faulting thread, with SIGBUS blocked. Only atomics, mmap, sigaction and raise.
void onBusError(int signal, siginfo_t* info, void* context) {
  const int savedErrno = errno;
  if (info != nullptr && info->si_code > 0) {  // raised by the hardware, not sent with kill()
    const auto address = reinterpret_cast<std::uintptr_t>(info->si_addr);
    for (RangeBlock* block = &firstBlock; block; block = block->next.load(std::memory_order_acquire)) {
      for (GuardedRange& range : block->ranges) {
        if (range.state.load(std::memory_order_acquire) != kGuarded) continue;
        const std::uintptr_t begin = range.begin.load(std::memory_order_relaxed);
        const std::uintptr_t end = range.end.load(std::memory_order_relaxed);
        if (address < begin || address >= end) continue;
        const std::uintptr_t first = address & ~(pageBytes - 1);
        void* zeros = ::mmap(reinterpret_cast<void*>(first), end - first, PROT_READ,
                             MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
        if (zeros != MAP_FAILED) {
          range.faulted.store(true, std::memory_order_release);
          errno = savedErrno;
          return;  // the load runs again and reads zeros
        }
      }
    }
  }
  // Not a fault in a mapping of ours: what would have happened without this handler.
  if ((previousAction.sa_flags & SA_SIGINFO) != 0 && previousAction.sa_sigaction != nullptr) {
    errno = savedErrno;
    previousAction.sa_sigaction(signal, info, context);
    return;
  }
  if (previousAction.sa_handler != SIG_DFL && previousAction.sa_handler != SIG_IGN) {
    errno = savedErrno;
    previousAction.sa_handler(signal);
    return;
  }
  struct sigaction defaultAction {};
  defaultAction.sa_handler = SIG_DFL;
  sigemptyset(&defaultAction.sa_mask);
  ::sigaction(signal, &defaultAction, nullptr);
  ::raise(signal);  // delivered when the handler returns (and a hardware fault recurs anyway)
  errno = savedErrno;
}

void installBusErrorHandler() {
  static std::once_flag once;
  std::call_once(once, [] {
    pageBytes = static_cast<std::uintptr_t>(::sysconf(_SC_PAGESIZE));
    struct sigaction action {};
    action.sa_sigaction = onBusError;
    action.sa_flags = SA_SIGINFO;
    sigemptyset(&action.sa_mask);
    ::sigaction(SIGBUS, &action, &previousAction);
  });
}

GuardedRange* guardRange(const void* data, std::size_t size) {
  installBusErrorHandler();
  const auto begin = reinterpret_cast<std::uintptr_t>(data);
  const std::uintptr_t end = begin + ((size + pageBytes - 1) & ~(pageBytes - 1));
  for (RangeBlock* block = &firstBlock;;) {
    for (GuardedRange& range : block->ranges) {
      int expected = kFree;
      if (!range.state.compare_exchange_strong(expected, kClaimed, std::memory_order_acq_rel)) continue;
      range.begin.store(begin, std::memory_order_relaxed);
      range.end.store(end, std::memory_order_relaxed);
      range.faulted.store(false, std::memory_order_relaxed);
      range.state.store(kGuarded, std::memory_order_release);
      return &range;
    }
    RangeBlock* next = block->next.load(std::memory_order_acquire);
    if (next == nullptr) {
      auto* fresh = new RangeBlock;
      if (block->next.compare_exchange_strong(next, fresh, std::memory_order_acq_rel)) {
        next = fresh;
      } else {
        delete fresh;  // another thread added one first; next holds it
      }
    }
    block = next;
  }
}

}  // namespace

MappedFile::MappedFile(const std::filesystem::path& file) : path_(file) {
  const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw Error(file.string() + ": cannot open the file: " + errnoText(errno) + ".");
  struct stat status {};
  if (::fstat(fd, &status) != 0) {
    const int code = errno;
    ::close(fd);
    throw Error(file.string() + ": cannot read the file's size: " + errnoText(code) + ".");
  }
  if (!S_ISREG(status.st_mode)) {
    ::close(fd);
    throw Error(file.string() + ": this is not a regular file.");
  }
  size_ = static_cast<std::size_t>(status.st_size);
  if (size_ > 0) {
    data_ = ::mmap(nullptr, size_, PROT_READ, MAP_PRIVATE, fd, 0);
    if (data_ == MAP_FAILED) {
      const int code = errno;
      data_ = nullptr;
      ::close(fd);
      throw Error(file.string() + ": cannot map the file into memory: " + errnoText(code) + ".");
    }
    guard_ = guardRange(data_, size_);
  }
  ::close(fd);  // the mapping keeps the file
}

MappedFile::MappedFile(MappedFile&& other) noexcept
    : path_(std::move(other.path_)),
      data_(std::exchange(other.data_, nullptr)),
      size_(std::exchange(other.size_, 0)),
      guard_(std::exchange(other.guard_, nullptr)) {}

MappedFile& MappedFile::operator=(MappedFile&& other) noexcept {
  if (this != &other) {
    release();
    path_ = std::move(other.path_);
    data_ = std::exchange(other.data_, nullptr);
    size_ = std::exchange(other.size_, 0);
    guard_ = std::exchange(other.guard_, nullptr);
  }
  return *this;
}

MappedFile::~MappedFile() { release(); }

void MappedFile::release() noexcept {
  if (guard_) guard_->state.store(kFree, std::memory_order_release);  // before the pages go away
  if (data_) ::munmap(data_, size_);
  guard_ = nullptr;
  data_ = nullptr;
  size_ = 0;
}

bool MappedFile::intact() const { return guard_ == nullptr || !guard_->faulted.load(std::memory_order_acquire); }

void MappedFile::requireIntact() const {
  if (intact()) return;
  throw Error(path_.string() +
              ": the file became shorter, or part of it could not be read from the disk, while Tiertune was "
              "reading it, so what was read is not its content. Another program may have truncated or "
              "replaced it: make sure nothing writes to it (or copy it again), then start again.");
}

}  // namespace tiertune
