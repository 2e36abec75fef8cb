#include "core/data/token_shards.h"

#include <fcntl.h>
#include <unistd.h>

#include <bit>
#include <cerrno>
#include <cstring>

#include "core/util/error.h"

namespace tiertune::data {

static_assert(std::endian::native == std::endian::little, "token shards are little-endian on disk");

namespace fs = std::filesystem;

// A file written through a 1 MiB buffer and fsynced when closed.
class TokenShardWriter::Output {
 public:
  explicit Output(fs::path file) : file_(std::move(file)) {
    fd_ = ::open(file_.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd_ < 0) throw Error(file_.string() + ": cannot be created (" + errnoText(errno) + ")");
    buffer_.reserve(kBufferBytes);
  }
  ~Output() {
    if (fd_ >= 0) ::close(fd_);
  }
  void write(const void* data, std::size_t bytes) {
    const auto* begin = static_cast<const char*>(data);
    if (buffer_.size() + bytes > kBufferBytes) flush();
    if (bytes >= kBufferBytes) {
      writeAll(begin, bytes);
      return;
    }
    buffer_.insert(buffer_.end(), begin, begin + bytes);
  }
  void close() {
    flush();
    if (::fsync(fd_) != 0) throw Error(file_.string() + ": cannot be saved (" + errnoText(errno) + ")");
    if (::close(fd_) != 0) {
      fd_ = -1;
      throw Error(file_.string() + ": cannot be saved (" + errnoText(errno) + ")");
    }
    fd_ = -1;
  }

 private:
  static constexpr std::size_t kBufferBytes = 1 << 20;
  void flush() {
    writeAll(buffer_.data(), buffer_.size());
    buffer_.clear();
  }
  void writeAll(const char* data, std::size_t bytes) {
    while (bytes > 0) {
      const ssize_t written = ::write(fd_, data, bytes);
      if (written < 0) {
        if (errno == EINTR) continue;
        throw Error(file_.string() + ": cannot be written (" + errnoText(errno) + ")");
      }
      data += written;
      bytes -= static_cast<std::size_t>(written);
    }
  }
  fs::path file_;
  int fd_ = -1;
  std::vector<char> buffer_;
};

TokenShardWriter::TokenShardWriter(const fs::path& folder, const std::string& name)
    : indexFile_(folder / (name + ".index")),
      ids_(std::make_unique<Output>(folder / (name + ".ids"))),
      mask_(std::make_unique<Output>(folder / (name + ".mask"))) {}

TokenShardWriter::~TokenShardWriter() = default;

void TokenShardWriter::append(std::span<const std::int32_t> ids, std::span<const std::uint8_t> mask) {
  if (finished_) throw std::logic_error("TokenShardWriter::append after finish");
  if (ids.size() != mask.size()) throw std::invalid_argument("token shard: ids and mask differ in length");
  ids_->write(ids.data(), ids.size_bytes());
  mask_->write(mask.data(), mask.size_bytes());
  offsets_.push_back(offsets_.back() + ids.size());
}

std::vector<std::uint64_t> TokenShardWriter::lengths() const {
  std::vector<std::uint64_t> result(offsets_.size() - 1);
  for (std::size_t i = 0; i + 1 < offsets_.size(); ++i) result[i] = offsets_[i + 1] - offsets_[i];
  return result;
}

void TokenShardWriter::finish() {
  if (finished_) return;
  finished_ = true;
  ids_->close();
  mask_->close();
  Output index(indexFile_);
  index.write(offsets_.data(), offsets_.size() * sizeof(std::uint64_t));
  index.close();
}

TokenShard::TokenShard(MappedFile ids, MappedFile mask, std::vector<std::uint64_t> offsets)
    : ids_(std::move(ids)), mask_(std::move(mask)), offsets_(std::move(offsets)), samples_(offsets_.size() - 1) {}
TokenShard::TokenShard(TokenShard&&) noexcept = default;
TokenShard& TokenShard::operator=(TokenShard&&) noexcept = default;
TokenShard::~TokenShard() = default;

TokenShard TokenShard::open(const fs::path& folder, const std::string& name) {
  const fs::path indexFile = folder / (name + ".index");
  MappedFile ids(folder / (name + ".ids"));
  MappedFile mask(folder / (name + ".mask"));
  const auto fail = [&](const std::string& problem) {
    throw Error(indexFile.string() + ": " + problem + "; the tokenized dataset is damaged and will be rebuilt");
  };
  std::vector<std::uint64_t> offsets;
  {
    const MappedFile index(indexFile);
    const std::size_t indexBytes = index.bytes().size();
    if (indexBytes < sizeof(std::uint64_t) || indexBytes % sizeof(std::uint64_t) != 0) fail("the index has a wrong size");
    offsets.resize(indexBytes / sizeof(std::uint64_t));
    std::memcpy(offsets.data(), index.bytes().data(), indexBytes);
    index.requireIntact();
  }
  if (offsets[0] != 0) fail("the index does not start at 0");
  for (std::size_t i = 1; i < offsets.size(); ++i) {
    if (offsets[i] < offsets[i - 1]) fail("the index goes backwards at sample " + std::to_string(i - 1));
  }
  const std::uint64_t tokens = offsets.back();
  if (ids.bytes().size() != tokens * sizeof(std::int32_t)) fail("the ids file does not hold the indexed tokens");
  if (mask.bytes().size() != tokens) fail("the mask file does not hold the indexed tokens");
  return TokenShard(std::move(ids), std::move(mask), std::move(offsets));
}

std::uint64_t TokenShard::tokens() const { return offsets_[samples_]; }

std::span<const std::int32_t> TokenShard::ids(std::size_t sample) const {
  const auto* all = reinterpret_cast<const std::int32_t*>(ids_.bytes().data());
  return {all + offsets_[sample], static_cast<std::size_t>(offsets_[sample + 1] - offsets_[sample])};
}

std::span<const std::uint8_t> TokenShard::mask(std::size_t sample) const {
  const auto* all = reinterpret_cast<const std::uint8_t*>(mask_.bytes().data());
  return {all + offsets_[sample], static_cast<std::size_t>(offsets_[sample + 1] - offsets_[sample])};
}

void TokenShard::requireIntact() const {
  ids_.requireIntact();
  mask_.requireIntact();
}

}  // namespace tiertune::data
