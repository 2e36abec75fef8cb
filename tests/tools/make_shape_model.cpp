// Writes a model folder of a real model's shape with seeded random bf16 weights, and a token file,
// for benchmarks through the real worker (bench_run_time.sh):
//   make_shape_model FOLDER 56m|1b SAMPLES MEAN_TOKENS
// FOLDER/model: config.json, model.safetensors (bf16, as checkpoints ship), a tokenizer of the
// vocabulary's size; FOLDER/train.jsonl: SAMPLES samples of 6 to 2 x MEAN_TOKENS - 6 tokens.
// "56m" is the CPU benchmarks' Llama (tests/bench/cpu_bench_model.h); "1b" Llama-3.2-1B's shape.
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <string>

#include "tests/bench/cpu_bench_model.h"
#include "tests/support/tiny_model.h"

namespace {

const char* const kLlama1B =
    R"({"architectures":["LlamaForCausalLM"],"model_type":"llama","hidden_size":2048,"num_hidden_layers":16,
        "num_attention_heads":32,"num_key_value_heads":8,"intermediate_size":8192,"vocab_size":128256,
        "max_position_embeddings":131072,"rms_norm_eps":1e-5,"rope_theta":500000.0,"tie_word_embeddings":true,
        "head_dim":64,"bos_token_id":1,"eos_token_id":2})";

}  // namespace

int main(int argc, char** argv) {
  if (argc != 5) {
    std::fprintf(stderr, "usage: %s FOLDER 56m|1b SAMPLES MEAN_TOKENS\n", argv[0]);
    return 2;
  }
  const std::string shape = argv[2];
  const char* config = shape == "56m" ? tiertune::bench::kCpuBenchConfig : shape == "1b" ? kLlama1B : nullptr;
  if (config == nullptr) {
    std::fprintf(stderr, "unknown shape %s (56m or 1b)\n", shape.c_str());
    return 2;
  }
  try {
    const std::filesystem::path folder = argv[1];
    std::filesystem::create_directories(folder);
    tiertune::test::writeRandomModelFolder(folder / "model", config, 5, tiertune::formats::Dtype::BF16);
    const int mean = std::max(7, std::atoi(argv[4]));
    const int vocab = static_cast<int>(tiertune::formats::parseModelConfig(config).vocabSize);
    tiertune::test::writeTokenFile(folder / "train.jsonl", std::atoi(argv[3]), vocab, 9, 2 * (mean - 6));
  } catch (const std::exception& error) {
    std::fprintf(stderr, "%s\n", error.what());
    return 1;
  }
  return 0;
}
