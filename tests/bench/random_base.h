// A random base for the benchmarks of large shapes, written straight into the form the run keeps
// (bf16, or NF4 for the projections of a QLoRA table), without an fp32 copy of the whole model.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "core/model/base_weights.h"
#include "core/util/random.h"
#include "kernels/backend.h"
#include "kernels/cpu/half_precision.h"
#include "kernels/cpu/nf4.h"
#include "kernels/nf4_format.h"

namespace tiertune::bench {

// Random weights as transformers draws them (normal, 0.02; norms 1), rounded to bf16 as a bf16
// checkpoint holds them, for elements [first, first + out.size()) of tensor `tensor`: drawn in
// chunks of 64 Ki from a generator seeded by (seed, tensor, chunk), so in parallel and the same
// whatever the thread count.
inline void drawWeights(std::uint64_t seed, std::size_t tensor, std::size_t first, bool norm, std::span<float> out) {
  constexpr std::size_t chunk = std::size_t(1) << 16;
  const auto chunks = static_cast<std::ptrdiff_t>((out.size() + chunk - 1) / chunk);
#pragma omp parallel for schedule(static)
  for (std::ptrdiff_t c = 0; c < chunks; ++c) {
    const std::size_t begin = static_cast<std::size_t>(c) * chunk;
    const std::size_t end = std::min(out.size(), begin + chunk);
    SplitMix64 random(seed ^ (tensor * 0x9E3779B97F4A7C15ull) ^ ((first + begin) * 0xBF58476D1CE4E5B9ull));
    for (std::size_t i = begin; i < end; ++i) {
      if (norm) {
        out[i] = 1.0f;
        continue;
      }
      const double u1 = 1.0 - random.uniform(), u2 = random.uniform();
      const auto value = static_cast<float>(0.02 * std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * M_PI * u2));
      out[i] = kernels::cpu::bf16ToFloat(kernels::cpu::floatToBf16(value));
    }
  }
}

// The base as the run keeps it (bf16, the projections NF4 for QLoRA; or fp32, a bf16 checkpoint
// widened for full fine-tuning), written tensor by tensor and chunk by chunk through the backend,
// so no process ever holds a wider copy than one projection in fp32 (and, on the GPU, nothing but
// the backend's memory is on the device).
inline void fillRandomBase(kernels::Backend& backend, const model::ParameterTable& base, std::uint64_t seed) {
  std::vector<float> values;
  std::vector<std::uint16_t> bits;
  for (std::size_t i = 0; i < base.tensorCount(); ++i) {
    const model::ParameterEntry& entry = base.entry(i);
    const bool norm = entry.spec.name.find("norm.weight") != std::string::npos;
    if (entry.nf4) {
      values.resize(entry.count);
      drawWeights(seed, i, 0, false, values);
      std::vector<std::uint8_t> bytes(kernels::nf4Layout(entry.count).bytes);
      kernels::cpu::quantizeNf4(values, bytes);
      backend.upload(bytes, base.bytes(i));
      continue;
    }
    const bool wide = base.elementType() == model::ElementType::F32;
    constexpr std::size_t chunk = std::size_t(1) << 24;
    for (std::size_t first = 0; first < entry.count; first += chunk) {
      const std::size_t count = std::min(chunk, entry.count - first);
      values.resize(count);
      drawWeights(seed, i, first, norm, values);
      if (wide) {
        backend.upload(values, base.tensor(i).subspan(first, count));
        continue;
      }
      bits.resize(count);
      kernels::cpu::floatToBf16(values, bits);
      backend.upload(bits, base.bits(i).subspan(first, count));
    }
  }
}

}  // namespace tiertune::bench
