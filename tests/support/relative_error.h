// The error measure the numerical tests state their bounds in: max |ours - theirs| / max |theirs|,
// so that a bound reads as "agrees to N digits of the tensor's scale". NaN never passes.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <span>

namespace tiertune::test {

// Infinity for a size mismatch or a NaN on either side.
template <typename Ours, typename Theirs>
double relativeError(std::span<const Ours> ours, std::span<const Theirs> theirs) {
  if (ours.size() != theirs.size()) return std::numeric_limits<double>::infinity();
  double worst = 0;
  double largest = 1e-30;
  for (std::size_t i = 0; i < theirs.size(); ++i) {
    const auto value = static_cast<double>(theirs[i]);
    largest = std::max(largest, std::abs(value));
    const double difference = std::abs(static_cast<double>(ours[i]) - value);
    // Written so that a NaN difference (which compares false) counts as the worst possible.
    if (!(difference <= worst)) worst = std::isnan(difference) ? std::numeric_limits<double>::infinity() : difference;
  }
  return std::isnan(largest) ? std::numeric_limits<double>::infinity() : worst / largest;
}

}  // namespace tiertune::test
