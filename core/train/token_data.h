// Training samples as token ids with a loss mask, and the order a run visits them in. Until the
// dataset importer's cache exists (issue: dataset import), samples come from a token file: JSON
// lines {"input_ids": [...], "loss_mask": [...]} (loss_mask optional: every token counts), which
// `tiertune-cli tokenize` output can be turned into. The order is a seeded shuffle per epoch, a pure
// function of (seed, epoch), so a resumed run visits the same samples as an uninterrupted one.
#pragma once

#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <vector>

#include "core/model/token_batch.h"

namespace tiertune::train {

struct Sample {
  std::vector<std::int32_t> ids;
  std::vector<std::uint8_t> lossMask;  // empty: every token counts
};

// Reads a token file; errors name the file and the line. Ids must be below vocabSize.
std::vector<Sample> loadTokenFile(const std::filesystem::path& file, std::int64_t vocabSize);

// A split ("train" or "validation") of a dataset's token folder (core/data/token_shards.h). Ids
// must be below vocabSize; errors name the folder.
std::vector<Sample> loadTokenShard(const std::filesystem::path& folder, const std::string& split, std::int64_t vocabSize);

// Moves a seeded share of samples (at least one when ratio > 0 and there are two or more) into
// validation; the rest stay, in their order.
std::vector<Sample> splitValidation(std::vector<Sample>& samples, double ratio, std::uint64_t seed);

// The stream of sample indices over epochs: position k is permutation(k / count)[k % count].
class SampleOrder {
 public:
  SampleOrder(std::size_t count, std::uint64_t seed);
  std::size_t at(std::uint64_t position);

 private:
  void shuffle(std::uint64_t epoch);
  std::size_t count_;
  std::uint64_t seed_;
  std::uint64_t epoch_ = UINT64_MAX;
  std::vector<std::size_t> permutation_;
};

// Packs samples (each cut to sequenceLength tokens) into one micro-batch.
model::TokenBatch packSamples(std::span<const Sample* const> samples, std::int64_t sequenceLength);

}  // namespace tiertune::train
