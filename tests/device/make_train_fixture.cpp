// Writes what a short training run through the real worker needs, for the device machine (which
// has no Qt and no network): a small Llama model folder with seeded random bf16 weights, a token file
// whose tokens follow a learnable rule, and one run.json per method and side: lora-a.json and
// full-a.json train on BACKEND_A, lora-b.json and full-b.json on BACKEND_B ("cuda", "cpu", "auto").
// Usage: make_train_fixture FOLDER STEPS BACKEND_A BACKEND_B
#include <cstdio>
#include <exception>
#include <filesystem>
#include <fstream>
#include <string>

#include "tests/support/tiny_model.h"

namespace {

// Large enough that the GPU's kernels run at real tile sizes, small enough that the CPU trains 200
// steps of it in seconds beside it.
const char* const kDeviceRunModel =
    R"({"architectures":["LlamaForCausalLM"],"model_type":"llama","hidden_size":256,"num_hidden_layers":4,
        "num_attention_heads":4,"num_key_value_heads":2,"intermediate_size":688,"vocab_size":512,
        "max_position_embeddings":256,"rms_norm_eps":1e-5,"rope_theta":10000.0,"tie_word_embeddings":false,
        "bos_token_id":1,"eos_token_id":2})";

void writeRun(const std::filesystem::path& folder, const std::string& method, const std::string& side,
              const std::string& backend, const std::string& steps) {
  const std::string name = method + "-" + side;
  std::ofstream(folder / (name + ".json"))
      << R"({"model":"model","train_data":"train.jsonl","output":"runs/)" << name << R"(","method":")" << method
      << R"(","backend":")" << backend << R"(","lora_rank":8,"micro_batch":4,"gradient_accumulation":1,)"
      << R"("sequence_length":64,"max_steps":)" << steps
      << R"(,"learning_rate":)" << (method == "lora" ? "0.001" : "0.0002")
      << R"(,"warmup_steps":10,"eval_samples":0,"checkpoint_every":100,"seed":7})";
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 5) {
    std::fprintf(stderr, "usage: %s FOLDER STEPS BACKEND_A BACKEND_B\n", argv[0]);
    return 2;
  }
  try {
    const std::filesystem::path folder = argv[1];
    std::filesystem::create_directories(folder);
    // bf16, as checkpoints ship: the LoRA runs keep the frozen base in bf16 on either backend.
    tiertune::test::writeRandomModelFolder(folder / "model", kDeviceRunModel, 11, tiertune::formats::Dtype::BF16);
    tiertune::test::writeTokenFile(folder / "train.jsonl", 2000, 512, 5, 50);
    for (const char* method : {"lora", "full"}) {
      writeRun(folder, method, "a", argv[3], argv[2]);
      writeRun(folder, method, "b", argv[4], argv[2]);
    }
  } catch (const std::exception& error) {
    std::fprintf(stderr, "make_train_fixture: %s\n", error.what());
    return 1;
  }
  return 0;
}
