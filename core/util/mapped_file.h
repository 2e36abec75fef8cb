// A whole file mapped read-only into memory (MAP_PRIVATE, PROT_READ): the pages are shared with
// the page cache and loaded as they are touched. Empty files map to an empty span. Safetensors
// weights, checkpoints and token shards are read through it.
//
// A mapped file that shrinks while it is read (another program truncates or rewrites it, or the
// disk fails to read a page) would end the process with SIGBUS at the first touch of a page that
// is gone: no message, and a run left "running" with a dead worker. Instead:
//   (1) every MappedFile registers its address range with one process-wide SIGBUS handler;
//   (2) a fault inside a registered range is answered by mapping anonymous zero pages (MAP_FIXED)
//       from the faulting page to the end of the range and marking the range damaged; the faulting
//       load is restarted, reads zeros, and the thread carries on;
//   (3) readers call requireIntact() after they have read what they need (a tensor, a shard), which
//       throws tiertune::Error naming the file once any fault happened in it, so nothing read from
//       a damaged mapping is ever used;
//   (4) a fault outside every registered range goes to the handler installed before ours (or the
//       default action, which ends the process as it always did).
// Not sigsetjmp/siglongjmp: jumping out of a handler across C++ frames skips destructors and can
// leave locks held. Not "fstat before each read": the file can shrink during the read itself.
// mmap is not on POSIX's list of async-signal-safe functions, but on Linux it is a single system
// call that takes no user-space lock, which is all the handler relies on.
#pragma once

#include <cstddef>
#include <filesystem>
#include <span>

namespace tiertune {

struct GuardedRange;  // an entry of the SIGBUS handler's table (mapped_file.cpp)

class MappedFile {
 public:
  // Throws tiertune::Error naming the file and the system's reason.
  explicit MappedFile(const std::filesystem::path& file);
  MappedFile(MappedFile&& other) noexcept;
  MappedFile& operator=(MappedFile&& other) noexcept;
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  ~MappedFile();

  const std::filesystem::path& path() const { return path_; }
  std::span<const std::byte> bytes() const { return {static_cast<const std::byte*>(data_), size_}; }

  // False once a page of the mapping could not be read (the file shrank or the disk failed); the
  // bytes() of the lost pages then read as zeros.
  bool intact() const;
  // Throws tiertune::Error naming the file unless intact(). Call it after reading, before using
  // what was read.
  void requireIntact() const;

 private:
  void release() noexcept;

  std::filesystem::path path_;
  void* data_ = nullptr;
  std::size_t size_ = 0;
  GuardedRange* guard_ = nullptr;  // nullptr for an empty file
};

}  // namespace tiertune
