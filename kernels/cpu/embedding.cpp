#include "kernels/cpu/embedding.h"

#include <algorithm>
#include <stdexcept>
#include <string>

#include "kernels/cpu/half_precision.h"

namespace tiertune::kernels::cpu {

namespace {

void checkIds(std::span<const std::int32_t> ids, std::size_t vocab) {
  for (const std::int32_t id : ids) {
    if (id < 0 || static_cast<std::size_t>(id) >= vocab) {
      throw std::invalid_argument("token id " + std::to_string(id) + " is outside the vocabulary of " +
                                  std::to_string(vocab));
    }
  }
}

}  // namespace

template <typename T>
void embeddingForward(std::span<const T> table, std::span<const std::int32_t> ids, std::size_t dim, std::span<T> out) {
  checkIds(ids, table.size() / dim);
#pragma omp parallel for schedule(static)
  for (std::size_t t = 0; t < ids.size(); ++t) {
    const T* row = table.data() + static_cast<std::size_t>(ids[t]) * dim;
    std::copy(row, row + dim, out.data() + t * dim);
  }
}

void embeddingForwardHalf(std::span<const std::uint16_t> table, HalfFormat format, std::span<const std::int32_t> ids,
                          std::size_t dim, std::span<float> out) {
  checkIds(ids, table.size() / dim);
#pragma omp parallel for schedule(static)
  for (std::size_t t = 0; t < ids.size(); ++t) {
    const std::span<const std::uint16_t> row = table.subspan(static_cast<std::size_t>(ids[t]) * dim, dim);
    const std::span<float> to = out.subspan(t * dim, dim);
    if (format == HalfFormat::Bf16) {
      bf16ToFloat(row, to);
    } else {
      f16ToFloat(row, to);
    }
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
