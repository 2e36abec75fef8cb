// The tokenized form of a dataset split, as training reads it: three flat files side by side,
// memory-mapped when read so that a dataset far larger than RAM costs only what is touched.
//   NAME.ids    int32 little-endian token ids, all samples one after another
//   NAME.mask   one byte per token: 1 where the loss counts
//   NAME.index  uint64 little-endian offsets: sample i is [index[i], index[i + 1]) of the above
// Written by the dataset import (streaming, one sample at a time) and read by the trainer.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/util/mapped_file.h"

namespace tiertune::data {

class TokenShardWriter {
 public:
  // Creates folder/NAME.{ids,mask,index}; throws tiertune::Error naming the file.
  TokenShardWriter(const std::filesystem::path& folder, const std::string& name);
  ~TokenShardWriter();
  TokenShardWriter(const TokenShardWriter&) = delete;
  TokenShardWriter& operator=(const TokenShardWriter&) = delete;

  // mask.size() must equal ids.size().
  void append(std::span<const std::int32_t> ids, std::span<const std::uint8_t> mask);
  // Writes the index, flushes and fsyncs the three files. Nothing may be appended after.
  void finish();

  std::size_t samples() const { return offsets_.size() - 1; }
  // The length of every sample appended so far.
  std::vector<std::uint64_t> lengths() const;
  std::uint64_t tokens() const { return offsets_.back(); }

 private:
  class Output;
  std::filesystem::path indexFile_;
  std::unique_ptr<Output> ids_, mask_;
  std::vector<std::uint64_t> offsets_{0};
  bool finished_ = false;
};

class TokenShard {
 public:
  // Maps folder/NAME.*; checks that the files agree (sizes, offsets increasing and inside).
  // Throws tiertune::Error naming the file and what is wrong.
  static TokenShard open(const std::filesystem::path& folder, const std::string& name);
  TokenShard(TokenShard&&) noexcept;
  TokenShard& operator=(TokenShard&&) noexcept;
  ~TokenShard();

  std::size_t size() const { return samples_; }
  std::uint64_t tokens() const;
  std::span<const std::int32_t> ids(std::size_t sample) const;
  std::span<const std::uint8_t> mask(std::size_t sample) const;
  // Throws tiertune::Error naming the file when one shrank while it was read (mapped_file.h); call
  // it after copying the samples out.
  void requireIntact() const;

 private:
  TokenShard(MappedFile ids, MappedFile mask, std::vector<std::uint64_t> offsets);
  MappedFile ids_, mask_;
  // The index, read once at open: offsets checked there stay as checked whatever happens to the file.
  std::vector<std::uint64_t> offsets_;  // samples + 1 entries
  std::size_t samples_ = 0;
};

}  // namespace tiertune::data
