#include "core/tiers/ssd_store.h"

#include <fcntl.h>
#include <liburing.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <unordered_map>

#include "core/tiers/aligned_buffer.h"
#include "core/util/crc32c.h"
#include "core/util/error.h"

namespace tiertune::tiers {

namespace fs = std::filesystem;

namespace {

struct Extent {
  std::uint64_t offset = 0;
  std::uint64_t capacity = 0;
  std::uint64_t written = 0;        // bytes of the last completed write; 0: never written
  std::vector<std::uint32_t> crcs;  // of those bytes, one per request-sized chunk
  bool busy = false;          // a transfer is under way
};

struct Operation {
  ExtentId extent = 0;
  bool writing = false;
  std::span<std::byte> data;
  std::vector<std::uint32_t> crcs;  // of the data being written, per chunk
  unsigned pending = 0;             // requests not yet completed
  int error = 0;                    // first errno of a failed request
  bool checksumMismatch = false;    // a chunk read back differs from what was written
  std::uint64_t errorOffset = 0;
};

struct Request {
  Ticket ticket = 0;
  std::uint64_t fileOffset = 0;
  std::byte* buffer = nullptr;
  std::uint32_t length = 0;
  std::uint32_t done = 0;
  std::uint32_t chunk = 0;  // index of the extent's chunk, for its checksum
  int registeredIndex = -1;
};

std::string bytesText(std::uint64_t bytes) {
  char text[32];
  std::snprintf(text, sizeof text, "%.2f GiB", static_cast<double>(bytes) / (1ull << 30));
  return text;
}

}  // namespace

struct SsdStore::State {
  fs::path folder;
  fs::path file;
  int fd = -1;
  bool direct = true;
  io_uring ring{};
  bool ringReady = false;
  SsdStoreOptions options;
  std::vector<Extent> extents;
  std::uint64_t reserved = 0;
  std::unordered_map<Ticket, Operation> operations;
  Ticket nextTicket = 1;
  std::vector<Request> requests;
  std::vector<unsigned> freeRequests;
  unsigned inFlight = 0;
  std::vector<std::span<std::byte>> registered;
  SsdStoreStats stats;

  ~State() {
    drain();
    if (ringReady) io_uring_queue_exit(&ring);
    if (fd >= 0) close(fd);
  }

  std::string where(ExtentId extent, std::uint64_t offset) const {
    return "the offload store in " + folder.string() + " (extent " + std::to_string(extent) +
           ", byte offset " + std::to_string(offset) + ")";
  }

  void drain() {
    while (inFlight > 0) {
      if (!reapOnce()) break;
    }
  }

  io_uring_sqe* submissionEntry() {
    io_uring_sqe* entry = io_uring_get_sqe(&ring);
    if (!entry) {
      io_uring_submit(&ring);
      entry = io_uring_get_sqe(&ring);
    }
    if (!entry) throw Error("The offload store's io_uring queue is full; this is a bug in Tiertune.");
    return entry;
  }

  void prepare(unsigned index, bool writing) {
    Request& request = requests[index];
    io_uring_sqe* entry = submissionEntry();
    std::byte* buffer = request.buffer + request.done;
    const unsigned length = request.length - request.done;
    const auto offset = static_cast<__u64>(request.fileOffset + request.done);
    if (request.registeredIndex >= 0 && writing) {
      io_uring_prep_write_fixed(entry, fd, buffer, length, offset, request.registeredIndex);
    } else if (request.registeredIndex >= 0) {
      io_uring_prep_read_fixed(entry, fd, buffer, length, offset, request.registeredIndex);
    } else if (writing) {
      io_uring_prep_write(entry, fd, buffer, length, offset);
    } else {
      io_uring_prep_read(entry, fd, buffer, length, offset);
    }
    io_uring_sqe_set_data64(entry, index);
  }

  void fail(Operation& operation, int error, std::uint64_t offset) {
    if (operation.error == 0) {
      operation.error = error;
      operation.errorOffset = offset;
    }
  }

  void finishRequest(unsigned index) {
    Request& request = requests[index];
    Operation& operation = operations.at(request.ticket);
    --operation.pending;
    request = Request{};
    freeRequests.push_back(index);
  }

  // Waits for at least one completion and handles every one that is there. False when the ring
  // itself failed (nothing more can be reaped).
  bool reapOnce() {
    int result = io_uring_submit_and_wait(&ring, 1);
    if (result < 0 && result != -EINTR && result != -EAGAIN && result != -EBUSY) return false;
    io_uring_cqe* completion = nullptr;
    while (io_uring_peek_cqe(&ring, &completion) == 0 && completion) {
      const auto index = static_cast<unsigned>(io_uring_cqe_get_data64(completion));
      const int bytes = completion->res;
      io_uring_cqe_seen(&ring, completion);
      Request& request = requests[index];
      Operation& operation = operations.at(request.ticket);
      if (bytes == -EAGAIN || bytes == -EINTR) {
        ++stats.retries;
        prepare(index, operation.writing);
        continue;
      }
      --inFlight;
      if (bytes <= 0) {
        fail(operation, bytes < 0 ? -bytes : EIO, request.fileOffset + request.done);
        finishRequest(index);
        continue;
      }
      request.done += static_cast<std::uint32_t>(bytes);
      if (request.done < request.length) {
        ++stats.shortTransfers;
        ++inFlight;
        prepare(index, operation.writing);
        continue;
      }
      (operation.writing ? stats.bytesWritten : stats.bytesRead) += request.length;
      // Verified here, chunk by chunk, while the other requests keep the disk busy.
      if (!operation.writing &&
          crc32c({request.buffer, request.length}) != extents[operation.extent].crcs[request.chunk]) {
        if (!operation.checksumMismatch && operation.error == 0) operation.errorOffset = request.fileOffset;
        operation.checksumMismatch = true;
      }
      finishRequest(index);
    }
    return true;
  }

  int registeredIndexOf(const std::byte* buffer, std::uint32_t length) const {
    for (std::size_t i = 0; i < registered.size(); ++i) {
      const std::byte* begin = registered[i].data();
      if (buffer >= begin && buffer + length <= begin + registered[i].size()) return static_cast<int>(i);
    }
    return -1;
  }

  Ticket start(ExtentId extentId, std::span<std::byte> data, bool writing) {
    if (extentId >= extents.size()) {
      throw Error("The offload store has no extent " + std::to_string(extentId) + ".");
    }
    Extent& extent = extents[extentId];
    if (reinterpret_cast<std::uintptr_t>(data.data()) % kBlockBytes != 0 || data.size() % kBlockBytes != 0 ||
        data.empty()) {
      throw Error("Transfers of the offload store need whole 4 KiB blocks at a 4 KiB boundary (extent " +
                  std::to_string(extentId) + ").");
    }
    if (data.size() > extent.capacity) {
      throw Error("Extent " + std::to_string(extentId) + " of the offload store holds " +
                  std::to_string(extent.capacity) + " bytes, not " + std::to_string(data.size()) + ".");
    }
    if (extent.busy) {
      throw Error("Extent " + std::to_string(extentId) + " of the offload store is still being transferred.");
    }
    if (!writing && extent.written != data.size()) {
      throw Error(extent.written == 0
                      ? "Extent " + std::to_string(extentId) + " of the offload store was never written."
                      : "Extent " + std::to_string(extentId) + " of the offload store holds " +
                            std::to_string(extent.written) + " bytes, not " + std::to_string(data.size()) + ".");
    }
    const Ticket ticket = nextTicket++;
    Operation& operation = operations[ticket];
    operation.extent = extentId;
    operation.writing = writing;
    operation.data = data;
    extent.busy = true;

    const std::uint32_t chunkBytes = options.maxRequestBytes;
    if (writing) operation.crcs.resize((data.size() + chunkBytes - 1) / chunkBytes);
    for (std::uint64_t done = 0; done < data.size(); done += chunkBytes) {
      const auto length = static_cast<std::uint32_t>(std::min<std::uint64_t>(chunkBytes, data.size() - done));
      const std::uint64_t fileOffset = extent.offset + done;
      const auto chunk = static_cast<std::uint32_t>(done / chunkBytes);
      // Computed just before its request goes out, so the earlier chunks are already on their way.
      if (writing) operation.crcs[chunk] = crc32c(data.subspan(done, length));
      if (options.faultInjector) {
        if (const int injected = options.faultInjector(writing, fileOffset, length); injected != 0) {
          fail(operation, injected, fileOffset);
          continue;
        }
      }
      while (freeRequests.empty()) {
        if (!reapOnce()) throw Error("The io_uring of " + where(extentId, fileOffset) + " failed.");
      }
      const unsigned index = freeRequests.back();
      freeRequests.pop_back();
      Request& request = requests[index];
      request.ticket = ticket;
      request.fileOffset = fileOffset;
      request.buffer = data.data() + done;
      request.length = length;
      request.done = 0;
      request.chunk = chunk;
      request.registeredIndex = registeredIndexOf(request.buffer, length);
      ++operation.pending;
      ++stats.requests;
      ++inFlight;
      prepare(index, writing);
    }
    io_uring_submit(&ring);
    return ticket;
  }

  void wait(Ticket ticket) {
    auto found = operations.find(ticket);
    if (found == operations.end()) throw Error("Unknown offload store ticket " + std::to_string(ticket) + ".");
    while (found->second.pending > 0) {
      if (!reapOnce()) throw Error("The io_uring of the offload store in " + folder.string() + " failed.");
      found = operations.find(ticket);
    }
    const Operation operation = found->second;
    operations.erase(found);
    Extent& extent = extents[operation.extent];
    extent.busy = false;
    if (operation.error != 0) {
      if (operation.writing) extent.written = 0;  // partly written: its old content is gone too
      const std::string words = operation.error == ENOSPC ? "the disk is full" : errnoText(operation.error);
      throw Error(std::string(operation.writing ? "Writing to " : "Reading from ") +
                  where(operation.extent, operation.errorOffset) + " failed: " + words + ".");
    }
    if (operation.writing) {
      extent.written = operation.data.size();
      extent.crcs = operation.crcs;
      return;
    }
    if (operation.checksumMismatch) {
      throw Error("The data read back from " + where(operation.extent, operation.errorOffset) +
                  " differs from what was written (checksum mismatch). The SSD may be failing; "
                  "the run stops rather than train on damaged values.");
    }
  }
};

SsdStore::SsdStore(const fs::path& folder, std::span<const std::uint64_t> extentBytes, SsdStoreOptions options)
    : state_(std::make_unique<State>()) {
  State& s = *state_;
  s.folder = folder;
  if (options.queueDepth == 0 || options.queueDepth > 4096) {
    throw Error("The offload store needs a queue depth from 1 to 4096.");
  }
  if (options.maxRequestBytes == 0 || options.maxRequestBytes % kBlockBytes != 0) {
    throw Error("The offload store's request size must be a multiple of 4 KiB.");
  }
  s.options = std::move(options);
  std::error_code error;
  if (!fs::is_directory(folder, error)) {
    throw Error("The offload folder " + folder.string() + " does not exist or is not a folder.");
  }
  for (const std::uint64_t bytes : extentBytes) {
    Extent extent;
    extent.offset = s.reserved;
    extent.capacity = roundUpToBlocks(bytes);
    s.reserved += extent.capacity;
    s.extents.push_back(extent);
  }
  struct statvfs space {};
  if (statvfs(folder.c_str(), &space) == 0) {
    const std::uint64_t freeBytes = static_cast<std::uint64_t>(space.f_bavail) * space.f_frsize;
    if (s.reserved > freeBytes) {
      throw Error("The offload folder " + folder.string() + " needs " + bytesText(s.reserved) +
                  " for this run's disk tier but has " + bytesText(freeBytes) +
                  " free. Free some space, choose another offload folder in Settings, or plan "
                  "with less on disk (LoRA, a smaller batch or sequence).");
    }
  }

  std::string pattern = (folder / ".tiertune-store-XXXXXX").string();
  const int bufferedFd = mkostemp(pattern.data(), O_CLOEXEC);
  if (bufferedFd < 0) {
    const int code = errno;
    throw Error("Cannot create the offload store in " + folder.string() + ": " + errnoText(code) + ".");
  }
  s.file = pattern;
  s.fd = open(pattern.c_str(), O_RDWR | O_DIRECT | O_CLOEXEC);
  if (s.fd >= 0) {
    close(bufferedFd);
  } else {
    s.direct = false;  // tmpfs and some FUSE file systems refuse O_DIRECT
    s.fd = bufferedFd;
  }
  // Gone from the folder at once: a killed run leaves no scratch file behind.
  unlink(pattern.c_str());

  if (s.reserved > 0) {
    const int reserved = posix_fallocate(s.fd, 0, static_cast<off_t>(s.reserved));
    if (reserved == ENOSPC) {
      throw Error("The offload folder " + folder.string() + " has no room for the " + bytesText(s.reserved) +
                  " of this run's disk tier: the disk is full.");
    }
    if (reserved != 0 && reserved != EOPNOTSUPP && reserved != EINVAL) {
      throw Error("Cannot reserve " + bytesText(s.reserved) + " in " + folder.string() + ": " +
                  errnoText(reserved) + ".");
    }
  }
  const int ring = io_uring_queue_init(s.options.queueDepth, &s.ring, 0);
  if (ring < 0) {
    throw Error("The offload store in " + folder.string() + " cannot use io_uring (" + errnoText(-ring) +
                "). Linux 5.6 or newer is needed, and containers may block it.");
  }
  s.ringReady = true;
  s.requests.resize(s.options.queueDepth);
  for (unsigned i = s.options.queueDepth; i-- > 0;) s.freeRequests.push_back(i);
}

SsdStore::~SsdStore() = default;

const fs::path& SsdStore::file() const { return state_->file; }
bool SsdStore::directIo() const { return state_->direct; }
std::size_t SsdStore::extentCount() const { return state_->extents.size(); }
std::uint64_t SsdStore::extentCapacity(ExtentId extent) const { return state_->extents.at(extent).capacity; }
std::uint64_t SsdStore::reservedBytes() const { return state_->reserved; }
const SsdStoreStats& SsdStore::stats() const { return state_->stats; }

void SsdStore::registerBuffers(std::span<const std::span<std::byte>> buffers) {
  State& s = *state_;
  if (!s.registered.empty()) throw Error("The offload store's buffers are already registered.");
  std::vector<iovec> vectors;
  for (const auto& buffer : buffers) vectors.push_back({buffer.data(), buffer.size()});
  const int result = io_uring_register_buffers(&s.ring, vectors.data(), static_cast<unsigned>(vectors.size()));
  if (result < 0) {
    // Over the locked-memory limit (ulimit -l) for example: plain requests still work.
    return;
  }
  s.registered.assign(buffers.begin(), buffers.end());
}

Ticket SsdStore::write(ExtentId extent, std::span<const std::byte> data) {
  // The buffer is only read; the shared bookkeeping keeps one span type.
  return state_->start(extent, {const_cast<std::byte*>(data.data()), data.size()}, true);
}

Ticket SsdStore::read(ExtentId extent, std::span<std::byte> data) { return state_->start(extent, data, false); }

void SsdStore::wait(Ticket ticket) { state_->wait(ticket); }

void SsdStore::waitAll() {
  std::vector<Ticket> tickets;
  for (const auto& [ticket, operation] : state_->operations) tickets.push_back(ticket);
  std::string firstError;
  for (const Ticket ticket : tickets) {
    try {
      state_->wait(ticket);
    } catch (const Error& error) {
      if (firstError.empty()) firstError = error.what();
    }
  }
  if (!firstError.empty()) throw Error(firstError);
}

}  // namespace tiertune::tiers
