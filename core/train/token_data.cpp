#include "core/train/token_data.h"

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <numeric>
#include <string>

#include "core/data/token_shards.h"
#include "core/util/error.h"
#include "core/util/random.h"
#include "core/util/json_text.h"
#include "core/util/read_file.h"

namespace tiertune::train {

namespace {

void shuffleIndices(std::vector<std::size_t>& indices, std::uint64_t seed) {
  SplitMix64 random(seed);
  for (std::size_t i = indices.size(); i > 1; --i) std::swap(indices[i - 1], indices[random.below(i)]);
}

}  // namespace

std::vector<Sample> loadTokenFile(const std::filesystem::path& file, std::int64_t vocabSize) {
  checkRegularFile(file, kDataFileLimit);
  std::ifstream in(file);
  if (!in) throw Error("Cannot read the token file " + file.string() + ".");
  std::vector<Sample> samples;
  std::string line;
  std::size_t lineNumber = 0;
  while (std::getline(in, line)) {
    ++lineNumber;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    const std::string where = file.string() + " line " + std::to_string(lineNumber);
    nlohmann::json object;
    try {
      object = parseJsonText(line, file.string(), kMaxJsonDepth, {}, lineNumber);
    } catch (const nlohmann::json::parse_error& error) {
      throw Error(where + ": not valid JSON (at character " + std::to_string(error.byte) + ").");
    } catch (const nlohmann::json::exception& error) {
      throw Error(where + ": not usable JSON (" + error.what() + ").");
    }
    const auto ids = object.is_object() ? object.find("input_ids") : object.end();
    if (!object.is_object() || ids == object.end() || !ids->is_array()) {
      throw Error(where + ": expected {\"input_ids\": [...], \"loss_mask\": [...]}.");
    }
    Sample sample;
    for (const auto& id : *ids) {
      if (!id.is_number_integer() || id.get<std::int64_t>() < 0 || id.get<std::int64_t>() >= vocabSize) {
        throw Error(where + ": \"input_ids\" must hold token ids from 0 to " + std::to_string(vocabSize - 1) +
                    " (the model's vocabulary).");
      }
      sample.ids.push_back(static_cast<std::int32_t>(id.get<std::int64_t>()));
    }
    if (const auto mask = object.find("loss_mask"); mask != object.end()) {
      if (!mask->is_array() || mask->size() != sample.ids.size()) {
        throw Error(where + ": \"loss_mask\" must have one 0 or 1 per token of \"input_ids\".");
      }
      for (const auto& flag : *mask) {
        if (!flag.is_number_integer() || (flag.get<int>() != 0 && flag.get<int>() != 1)) {
          throw Error(where + ": \"loss_mask\" must hold only 0 and 1.");
        }
        sample.lossMask.push_back(static_cast<std::uint8_t>(flag.get<int>()));
      }
    }
    if (sample.ids.size() < 2) throw Error(where + ": a sample needs at least 2 tokens to learn from.");
    samples.push_back(std::move(sample));
  }
  if (samples.empty()) throw Error(file.string() + " holds no samples.");
  return samples;
}

std::vector<Sample> loadTokenShard(const std::filesystem::path& folder, const std::string& split, std::int64_t vocabSize) {
  const data::TokenShard shard = data::TokenShard::open(folder, split);
  std::vector<Sample> samples(shard.size());
  for (std::size_t i = 0; i < shard.size(); ++i) {
    const auto ids = shard.ids(i);
    for (const std::int32_t id : ids) {
      if (id < 0 || id >= vocabSize) {
        throw Error((folder / (split + ".ids")).string() + ": sample " + std::to_string(i + 1) + " has token id " +
                    std::to_string(id) + ", outside the model's vocabulary of " + std::to_string(vocabSize) +
                    "; the dataset was tokenized for another model");
      }
    }
    samples[i].ids.assign(ids.begin(), ids.end());
    const auto mask = shard.mask(i);
    samples[i].lossMask.assign(mask.begin(), mask.end());
  }
  shard.requireIntact();
  return samples;
}

std::vector<Sample> splitValidation(std::vector<Sample>& samples, double ratio, std::uint64_t seed) {
  if (ratio <= 0 || samples.size() < 2) return {};
  auto count = static_cast<std::size_t>(std::llround(ratio * static_cast<double>(samples.size())));
  count = std::clamp<std::size_t>(count, 1, samples.size() - 1);
  std::vector<std::size_t> indices(samples.size());
  std::iota(indices.begin(), indices.end(), 0);
  shuffleIndices(indices, seed ^ 0x76616c6964ull);  // "valid": a stream apart from the epoch shuffles
  std::vector<bool> isValidation(samples.size(), false);
  for (std::size_t i = 0; i < count; ++i) isValidation[indices[i]] = true;
  std::vector<Sample> train, validation;
  for (std::size_t i = 0; i < samples.size(); ++i) {
    (isValidation[i] ? validation : train).push_back(std::move(samples[i]));
  }
  samples = std::move(train);
  return validation;
}

SampleOrder::SampleOrder(std::size_t count, std::uint64_t seed) : count_(count), seed_(seed) {
  if (count == 0) throw Error("there are no training samples");
}

void SampleOrder::shuffle(std::uint64_t epoch) {
  permutation_.resize(count_);
  std::iota(permutation_.begin(), permutation_.end(), 0);
  shuffleIndices(permutation_, SplitMix64(seed_ + epoch).next());
  epoch_ = epoch;
}

std::size_t SampleOrder::at(std::uint64_t position) {
  const std::uint64_t epoch = position / count_;
  if (epoch != epoch_) shuffle(epoch);
  return permutation_[position % count_];
}

model::TokenBatch packSamples(std::span<const Sample* const> samples, std::int64_t sequenceLength) {
  model::TokenBatch batch;
  for (const Sample* sample : samples) {
    const std::size_t length = std::min(sample->ids.size(), static_cast<std::size_t>(sequenceLength));
    const std::span<const std::int32_t> ids(sample->ids.data(), length);
    const std::span<const std::uint8_t> mask =
        sample->lossMask.empty() ? std::span<const std::uint8_t>() : std::span<const std::uint8_t>(sample->lossMask.data(), length);
    batch.append(ids, mask);
  }
  return batch;
}

}  // namespace tiertune::train
