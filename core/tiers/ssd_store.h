// The disk tier: training state that fits neither GPU nor RAM lives in extents of one scratch file
// in the offload folder, moved with io_uring and O_DIRECT (no page cache in between, so host
// memory stays for the host tier). Extents are 4 KiB aligned and reserved when the store is made,
// so a disk too small for the plan is reported before a run starts, not in its middle. Every
// request-sized chunk of an extent carries a CRC-32C, computed as it goes out and checked as it
// comes back (overlapping the other requests' I/O): a failing SSD shows up as an error, never as silently
// different weights.
//
// Reads and writes are asynchronous: write()/read() start them and return a ticket, wait() ends
// them. Large transfers are split into requests that overlap on the device. A store serves one
// thread (the executor's I/O thread); its file is removed when it goes.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <vector>

namespace tiertune::tiers {

using ExtentId = std::uint32_t;
using Ticket = std::uint64_t;

struct SsdStoreOptions {
  unsigned queueDepth = 16;                // requests in flight
  std::uint32_t maxRequestBytes = 1u << 20;  // larger transfers are split; a multiple of 4 KiB
  // Test hook, asked before each request is submitted: a non-zero errno fails that request as if
  // the kernel had (EIO, ENOSPC, ...). Empty in production.
  std::function<int(bool writing, std::uint64_t fileOffset, std::uint32_t bytes)> faultInjector;
};

struct SsdStoreStats {
  std::uint64_t bytesWritten = 0;
  std::uint64_t bytesRead = 0;
  std::uint64_t requests = 0;
  std::uint64_t shortTransfers = 0;  // continued requests
  std::uint64_t retries = 0;         // EAGAIN / EINTR resubmissions
};

class SsdStore {
 public:
  // Creates the scratch file in folder and reserves one extent per entry of extentBytes (each
  // rounded up to 4 KiB). Throws tiertune::Error naming the folder with the bytes needed and free
  // when they do not fit, or when io_uring or the folder is unusable.
  SsdStore(const std::filesystem::path& folder, std::span<const std::uint64_t> extentBytes,
           SsdStoreOptions options = {});
  ~SsdStore();  // waits for what is in flight, then removes the file
  SsdStore(const SsdStore&) = delete;
  SsdStore& operator=(const SsdStore&) = delete;

  const std::filesystem::path& file() const;
  bool directIo() const;  // false where the file system refuses O_DIRECT (then the page cache is used)
  std::size_t extentCount() const;
  std::uint64_t extentCapacity(ExtentId extent) const;
  std::uint64_t reservedBytes() const;
  const SsdStoreStats& stats() const;

  // Registers host buffers with the kernel once; requests inside them skip per-request page
  // pinning. Call before the first transfer; each buffer block-aligned.
  void registerBuffers(std::span<const std::span<std::byte>> buffers);

  // data must start on a 4 KiB boundary and be whole blocks, at most the extent's capacity (see
  // AlignedBuffer). The memory must stay untouched until wait(ticket) returns.
  Ticket write(ExtentId extent, std::span<const std::byte> data);
  // Reads the extent's last written content back; data must be exactly that size.
  Ticket read(ExtentId extent, std::span<std::byte> data);
  // Ends a transfer. Throws tiertune::Error naming the file, the extent and its offset: an I/O
  // error, a full disk, or (reads) a checksum that does not match what was written.
  void wait(Ticket ticket);
  void waitAll();

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace tiertune::tiers
