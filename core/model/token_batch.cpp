#include "core/model/token_batch.h"

#include <algorithm>
#include <stdexcept>

namespace tiertune::model {

std::size_t TokenBatch::countedTargets() const {
  return static_cast<std::size_t>(
      std::count_if(targets.begin(), targets.end(), [](std::int32_t t) { return t != kIgnoreTarget; }));
}

std::size_t TokenBatch::longestSample() const {
  std::size_t longest = 0;
  for (std::size_t t = 0; t < positions.size(); ++t) {
    longest = std::max(longest, static_cast<std::size_t>(positions[t]) + 1);
  }
  return longest;
}

void TokenBatch::append(std::span<const std::int32_t> ids, std::span<const std::uint8_t> lossMask) {
  if (!lossMask.empty() && lossMask.size() != ids.size()) {
    throw std::invalid_argument("the loss mask has " + std::to_string(lossMask.size()) + " entries for " +
                                std::to_string(ids.size()) + " tokens");
  }
  const auto start = static_cast<std::int32_t>(inputIds.size());
  for (std::size_t i = 0; i < ids.size(); ++i) {
    inputIds.push_back(ids[i]);
    positions.push_back(static_cast<std::int32_t>(i));
    sampleStart.push_back(start);
    const bool last = i + 1 == ids.size();
    const bool counted = !last && (lossMask.empty() || lossMask[i + 1] != 0);
    targets.push_back(counted ? ids[i + 1] : kIgnoreTarget);
  }
}

}  // namespace tiertune::model
