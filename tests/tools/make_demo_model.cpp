// make_demo_model OUT_FOLDER: what the walk-through in the README and its screenshots are made with,
// on a machine without a GPU and without downloads. Writes
//   OUT_FOLDER/tiny-chat/          a 2.4M-parameter Llama with seeded random weights, a byte-level
//                                  tokenizer (every byte a token, GGUF-exportable) and the ChatML
//                                  template, ending turns with <|im_end|>: small enough to fine-tune
//                                  on two CPU cores in a minute, big enough to learn a dozen answers;
//   OUT_FOLDER/help-desk.jsonl      twelve short conversations in the messages shape to teach it;
//   OUT_FOLDER/help-desk-update.jsonl  the same twelve with four answers changed (new opening hours,
//                                  phone number, dark mode, a name), the facts a later run updates.
// Before training the model answers with random bytes. A LoRA adapter over random weights learns
// next to nothing, so the walk-through first fully fine-tunes it on help-desk.jsonl (about 100 steps
// on two cores), exports that as a merged model, and LoRA-tunes the merged model on the update: the
// playground's side-by-side view then shows the old answers beside the updated ones.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "support/byte_tokenizer.h"
#include "support/tiny_model.h"

namespace fs = std::filesystem;
using namespace tiertune;

namespace {

void writeModel(const fs::path& folder) {
  const nlohmann::json config = {{"architectures", {"LlamaForCausalLM"}},
                                 {"model_type", "llama"},
                                 {"hidden_size", 192},
                                 {"num_hidden_layers", 4},
                                 {"num_attention_heads", 6},
                                 {"num_key_value_heads", 2},
                                 {"intermediate_size", 512},
                                 {"vocab_size", 260},
                                 {"max_position_embeddings", 1024},
                                 {"rms_norm_eps", 1e-5},
                                 {"rope_theta", 10000.0},
                                 {"tie_word_embeddings", false},
                                 {"bos_token_id", test::kByteBos},
                                 {"eos_token_id", test::kByteImEnd},
                                 {"torch_dtype", "float32"}};
  fs::create_directories(folder);
  std::ofstream(folder / "config.json") << config.dump(2) << '\n';
  const formats::ModelConfig parsed = formats::parseModelConfig(config.dump());
  const auto backend = kernels::makeCpuBackend();
  const model::ParameterTable table(*backend, model::baseParameterSpecs(parsed));
  model::initializeBaseWeights(table, /*seed=*/20261130);
  test::writeTableFile(folder / "model.safetensors", table);
  std::ofstream(folder / "tokenizer.json") << test::byteTokenizerJson();
  std::ofstream(folder / "tokenizer_config.json")
      << nlohmann::json{{"bos_token", "<s>"}, {"eos_token", "<|im_end|>"}, {"chat_template", test::kChatMlTemplate}}.dump(2)
      << '\n';
  std::ofstream(folder / "generation_config.json")
      << nlohmann::json{{"bos_token_id", test::kByteBos}, {"eos_token_id", {test::kByteImEnd, test::kByteEos}}}.dump(2)
      << '\n';
}

using QuestionsAndAnswers = std::vector<std::pair<std::string, std::string>>;

QuestionsAndAnswers helpDesk() {
  return {
      {"How do I reset my password?", "Open Settings, choose Account, then Reset password. A link arrives by email."},
      {"Where is my invoice?", "Invoices are under Billing, one per month, as PDF files."},
      {"Can I change my plan?", "Yes. Go to Billing, choose Plan, and pick the new one. It starts today."},
      {"How do I add a team member?", "Open Team, press Invite, and type their email address."},
      {"Is my data backed up?", "Yes, every night, and we keep thirty days of backups."},
      {"How do I delete my account?", "Write to support and we delete it within two days."},
      {"What are your opening hours?", "Support answers from 8 to 18, Monday to Friday."},
      {"How do I export my data?", "Open Settings, choose Export, and download the ZIP file."},
      {"The app is slow. What can I do?", "Close other tabs, then reload. If it stays slow, tell us."},
      {"Do you have a phone number?", "Yes: call 555 0100 during opening hours."},
      {"How do I turn on dark mode?", "Open Settings, choose Appearance, then Dark."},
      {"Who are you?", "I am the help desk assistant. Ask me about your account."},
  };
}

QuestionsAndAnswers updatedHelpDesk() {
  QuestionsAndAnswers pairs = helpDesk();
  for (auto& [question, answer] : pairs) {
    if (question == "What are your opening hours?") answer = "Since May, support answers from 7 to 20, every day.";
    if (question == "Do you have a phone number?") answer = "Yes: call 555 0199, any day from 7 to 20.";
    if (question == "How do I turn on dark mode?") answer = "Dark mode follows your system now. Nothing to turn on.";
    if (question == "Who are you?") answer = "I am Pixel, the help desk assistant. Ask me anything.";
  }
  return pairs;
}

void writeDataset(const fs::path& file, const QuestionsAndAnswers& pairs) {
  std::ofstream out(file);
  for (const auto& [question, answer] : pairs) {
    const nlohmann::json row = {{"messages",
                                 {{{"role", "user"}, {"content", question}},
                                  {{"role", "assistant"}, {"content", answer}}}}};
    out << row.dump() << '\n';
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: make_demo_model OUT_FOLDER\n";
    return 2;
  }
  const fs::path out = argv[1];
  writeModel(out / "tiny-chat");
  writeDataset(out / "help-desk.jsonl", helpDesk());
  writeDataset(out / "help-desk-update.jsonl", updatedHelpDesk());
  for (const char* name : {"tiny-chat", "help-desk.jsonl", "help-desk-update.jsonl"}) std::cout << (out / name).string() << '\n';
  return 0;
}
