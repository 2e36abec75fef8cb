#include "core/export/lora_merge.h"

#include <algorithm>
#include <cstddef>
#include <thread>

#include "core/util/parallel_for.h"

namespace tiertune::exports {

void mergeLora(std::span<float> weight, std::span<const float> a, std::span<const float> b, std::int64_t outputs,
               std::int64_t inputs, std::int64_t rank, float scaling) {
  const auto in = static_cast<std::size_t>(inputs);
  const auto r = static_cast<std::size_t>(rank);
  // Row o of W gains sum_k (scaling · B[o, k]) · A[k, :]: whole rows of A, so the inner loop runs
  // over contiguous memory and vectorizes.
  auto mergeRow = [&](std::size_t o) {
    float* row = weight.data() + o * in;
    for (std::size_t k = 0; k < r; ++k) {
      const float factor = scaling * b[o * r + k];
      const float* aRow = a.data() + k * in;
      for (std::size_t i = 0; i < in; ++i) row[i] += factor * aRow[i];
    }
  };
  // Rows are independent: one per item, on every core (rank multiply-adds per weight element).
  parallelFor(static_cast<std::size_t>(outputs), std::max(1u, std::thread::hardware_concurrency()), mergeRow);
}

}  // namespace tiertune::exports
