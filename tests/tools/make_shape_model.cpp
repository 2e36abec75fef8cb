// Writes a model folder of a real model's shape with seeded random bf16 weights, and a token file,
// for benchmarks through the real worker (bench_run_time.sh, tests/device/gpu_streamed.sh):
//   make_shape_model FOLDER 56m|1b|8b SAMPLES MEAN_TOKENS
// FOLDER/model: config.json, model.safetensors (bf16, as checkpoints ship), a tokenizer of the
// vocabulary's size; FOLDER/train.jsonl: SAMPLES samples of 6 to 2 x MEAN_TOKENS - 6 tokens.
// "56m" is the CPU benchmarks' Llama (tests/bench/cpu_bench_model.h); "1b" Llama-3.2-1B's shape;
// "8b" Llama-3.1-8B's (16 GB), drawn in parallel and written tensor by tensor in chunks
// (tests/bench/random_base.h's weights), never whole in memory.
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <string>

#include "core/formats/safetensors_writer.h"
#include "tests/bench/cpu_bench_model.h"
#include "tests/bench/llama_shapes.h"
#include "tests/bench/random_base.h"
#include "tests/support/tiny_model.h"

namespace {

// The 8B folder: every base tensor drawn as bench::drawWeights draws it (normal 0.02, norms 1,
// rounded to bf16), 16 Mi values at a time, straight into the safetensors writer.
void writeStreamedModelFolder(const std::filesystem::path& folder, const std::string& configJson,
                              std::uint64_t seed) {
  using namespace tiertune;
  std::filesystem::create_directories(folder);
  std::ofstream(folder / "config.json") << configJson;
  const formats::ModelConfig config = formats::parseModelConfig(configJson);
  test::writeTinyTokenizer(folder, config.vocabSize);
  const std::vector<model::ParameterSpec> specs = model::baseParameterSpecs(config);
  std::vector<formats::TensorDescriptor> descriptors;
  for (const model::ParameterSpec& spec : specs) descriptors.push_back({spec.name, formats::Dtype::BF16, spec.shape});
  formats::SafetensorsWriter writer(folder / "model.safetensors", descriptors);
  constexpr std::size_t chunk = std::size_t(16) << 20;
  std::vector<float> values(chunk);
  std::vector<std::uint16_t> bits(chunk);
  for (std::size_t t = 0; t < specs.size(); ++t) {
    std::size_t count = 1;
    for (const std::int64_t dimension : specs[t].shape) count *= static_cast<std::size_t>(dimension);
    const bool norm = specs[t].name.find("norm.weight") != std::string::npos;
    for (std::size_t first = 0; first < count; first += chunk) {
      const std::size_t n = std::min(chunk, count - first);
      bench::drawWeights(seed, t, first, norm, std::span<float>(values.data(), n));
      kernels::cpu::floatToBf16(std::span<const float>(values.data(), n), std::span<std::uint16_t>(bits.data(), n));
      writer.write(specs[t].name, std::as_bytes(std::span<const std::uint16_t>(bits.data(), n)));
    }
  }
  writer.finish();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 5) {
    std::fprintf(stderr, "usage: %s FOLDER 56m|1b|8b SAMPLES MEAN_TOKENS\n", argv[0]);
    return 2;
  }
  const std::string shape = argv[2];
  const char* config = shape == "56m" ? tiertune::bench::kCpuBenchConfig
                       : shape == "1b" ? tiertune::bench::llamaConfigOf("1b")
                       : shape == "8b" ? tiertune::bench::llamaConfigOf("8b")
                                       : nullptr;
  if (config == nullptr) {
    std::fprintf(stderr, "unknown shape %s (56m, 1b or 8b)\n", shape.c_str());
    return 2;
  }
  try {
    const std::filesystem::path folder = argv[1];
    std::filesystem::create_directories(folder);
    if (shape == "8b") {
      writeStreamedModelFolder(folder / "model", config, 5);
    } else {
      tiertune::test::writeRandomModelFolder(folder / "model", config, 5, tiertune::formats::Dtype::BF16);
    }
    const int mean = std::max(7, std::atoi(argv[4]));
    const int vocab = static_cast<int>(tiertune::formats::parseModelConfig(config).vocabSize);
    tiertune::test::writeTokenFile(folder / "train.jsonl", std::atoi(argv[3]), vocab, 9, 2 * (mean - 6));
  } catch (const std::exception& error) {
    std::fprintf(stderr, "%s\n", error.what());
    return 1;
  }
  return 0;
}
