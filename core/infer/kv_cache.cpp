#include "core/infer/kv_cache.h"

#include <algorithm>
#include <stdexcept>
#include <string>

#include "core/util/error.h"

namespace tiertune::infer {

KvCache::KvCache(kernels::Backend& backend, const formats::ModelConfig& config, std::size_t initialTokens)
    : backend_(backend),
      layerCount_(static_cast<std::size_t>(config.layerCount)),
      rowWidth_(static_cast<std::size_t>(config.keyValueHeads * config.headDim)),
      limit_(static_cast<std::size_t>(config.maxPositionEmbeddings)) {
  allocate(std::clamp<std::size_t>(initialTokens, 1, std::max<std::size_t>(limit_, 1)));
}

void KvCache::reserve(std::size_t tokens) {
  if (tokens > limit_) {
    throw Error("the conversation needs " + std::to_string(tokens) + " tokens, more than the model's context of " +
                std::to_string(limit_) + " tokens; start a new conversation or ask for fewer new tokens");
  }
  if (tokens <= capacity_) return;
  // Doubling keeps the copies of a long generation to a constant factor of its length.
  allocate(std::min(limit_, std::max(tokens, 2 * capacity_)));
}

void KvCache::advance(std::size_t count) {
  if (length_ + count > capacity_) throw std::logic_error("the key/value cache advanced past its capacity");
  length_ += count;
}

void KvCache::allocate(std::size_t capacity) {
  kernels::DeviceBuffer buffer = backend_.allocate(layerCount_ * 2 * capacity * rowWidth_ * sizeof(float));
  const kernels::DeviceSpan<float> all = buffer.as<float>();
  std::vector<model::LayerKeyValues> layers;
  for (std::size_t layer = 0; layer < layerCount_; ++layer) {
    const std::size_t at = layer * 2 * capacity * rowWidth_;
    layers.push_back({all.subspan(at, capacity * rowWidth_), all.subspan(at + capacity * rowWidth_, capacity * rowWidth_)});
  }
  const std::size_t held = length_ * rowWidth_;
  if (held > 0) {
    for (std::size_t layer = 0; layer < layerCount_; ++layer) {
      backend_.copy(layers_[layer].keys.subspan(0, held), layers[layer].keys.subspan(0, held));
      backend_.copy(layers_[layer].values.subspan(0, held), layers[layer].values.subspan(0, held));
    }
    backend_.synchronize();  // the old buffer goes away below
  }
  buffer_ = std::move(buffer);
  layers_ = std::move(layers);
  capacity_ = capacity;
}

}  // namespace tiertune::infer
