#include "kernels/cpu/embedding.h"

#include <algorithm>
#include <stdexcept>
#include <string>

namespace tiertune::kernels::cpu {

template <typename T>
void embeddingForward(std::span<const T> table, std::span<const std::int32_t> ids, std::size_t dim, std::span<T> out) {
  const std::size_t vocab = table.size() / dim;
  for (const std::int32_t id : ids) {
    if (id < 0 || static_cast<std::size_t>(id) >= vocab) {
      throw std::invalid_argument("token id " + std::to_string(id) + " is outside the vocabulary of " +
                                  std::to_string(vocab));
    }
  }
#pragma omp parallel for schedule(static)
  for (std::size_t t = 0; t < ids.size(); ++t) {
    const T* row = table.data() + static_cast<std::size_t>(ids[t]) * dim;
    std::copy(row, row + dim, out.data() + t * dim);
  }
}

template <typename T>
void embeddingBackward(std::span<const T> dout, std::span<const std::int32_t> ids, std::size_t dim, std::span<T> dtable) {
  constexpr std::size_t kColumns = 64;  // a cache line or so of each row per task
#pragma omp parallel for schedule(static)
  for (std::size_t begin = 0; begin < dim; begin += kColumns) {
    const std::size_t end = std::min(dim, begin + kColumns);
    for (std::size_t t = 0; t < ids.size(); ++t) {
      T* row = dtable.data() + static_cast<std::size_t>(ids[t]) * dim;
      const T* grad = dout.data() + t * dim;
      for (std::size_t i = begin; i < end; ++i) row[i] += grad[i];
    }
  }
}

template void embeddingForward<float>(std::span<const float>, std::span<const std::int32_t>, std::size_t, std::span<float>);
template void embeddingForward<double>(std::span<const double>, std::span<const std::int32_t>, std::size_t,
                                       std::span<double>);
template void embeddingBackward<float>(std::span<const float>, std::span<const std::int32_t>, std::size_t,
                                       std::span<float>);
template void embeddingBackward<double>(std::span<const double>, std::span<const std::int32_t>, std::size_t,
                                        std::span<double>);

}  // namespace tiertune::kernels::cpu
