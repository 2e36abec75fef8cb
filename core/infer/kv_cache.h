// The keys and values of the sequence being generated, per layer, in backend memory: what lets a
// decode step compute one new token instead of the whole sequence again. Used by ModelRunner.
// Grows by doubling as the sequence lengthens, up to the model's context length, and refuses to go
// past it with a message a user can act on.
#pragma once

#include <cstddef>
#include <vector>

#include "core/formats/model_config.h"
#include "core/model/decoder.h"
#include "kernels/backend.h"

namespace tiertune::infer {

class KvCache {
 public:
  // Room for initialTokens at first (at most the context length).
  KvCache(kernels::Backend& backend, const formats::ModelConfig& config, std::size_t initialTokens = 256);

  // Tokens whose keys and values the cache holds.
  std::size_t length() const { return length_; }
  std::size_t capacity() const { return capacity_; }
  // The model's context length: the most the cache will ever hold.
  std::size_t limit() const { return limit_; }

  // Makes room for tokens in all (growing and keeping what is held). Throws tiertune::Error when
  // tokens is past the model's context length.
  void reserve(std::size_t tokens);
  // One entry per layer, each [capacity, kvHeads, headDim]; valid until the next reserve.
  const std::vector<model::LayerKeyValues>& layers() const { return layers_; }
  // The decoder wrote count more tokens' rows.
  void advance(std::size_t count);
  // Forgets the held tokens (a new conversation), keeping the memory.
  void clear() { length_ = 0; }

 private:
  void allocate(std::size_t capacity);

  kernels::Backend& backend_;
  std::size_t layerCount_ = 0;
  std::size_t rowWidth_ = 0;  // kvHeads * headDim
  std::size_t limit_ = 0;
  std::size_t capacity_ = 0;
  std::size_t length_ = 0;
  kernels::DeviceBuffer buffer_;  // [layers, 2 (keys, values), capacity, rowWidth]
  std::vector<model::LayerKeyValues> layers_;
};

}  // namespace tiertune::infer
