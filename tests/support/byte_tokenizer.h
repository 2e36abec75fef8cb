// A byte-level tokenizer.json without merges for tests: every byte is its own token and its id is
// the byte, plus <|im_start|> 256, <|im_end|> 257, <s> 258, </s> 259. Expected ids can be written
// down from the text alone.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "core/util/utf8.h"

namespace tiertune::test {

inline constexpr int kByteImStart = 256, kByteImEnd = 257, kByteBos = 258, kByteEos = 259;

inline std::string byteTokenizerJson() {
  nlohmann::json vocab = nlohmann::json::object();
  int extra = 256;
  for (int b = 0; b < 256; ++b) {  // GPT-2's byte-to-character table
    const bool printable = (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF);
    std::string character;
    appendUtf8(character, printable ? static_cast<char32_t>(b) : static_cast<char32_t>(extra++));
    vocab[character] = b;
  }
  const nlohmann::json file = {
      {"added_tokens", {{{"id", kByteImStart}, {"content", "<|im_start|>"}, {"special", true}},
                        {{"id", kByteImEnd}, {"content", "<|im_end|>"}, {"special", true}},
                        {{"id", kByteBos}, {"content", "<s>"}, {"special", true}},
                        {{"id", kByteEos}, {"content", "</s>"}, {"special", true}}}},
      {"pre_tokenizer", {{"type", "ByteLevel"}, {"add_prefix_space", false}, {"use_regex", false}}},
      {"decoder", {{"type", "ByteLevel"}}},
      {"model", {{"type", "BPE"}, {"vocab", vocab}, {"merges", nlohmann::json::array()}}}};
  return file.dump();
}

// ChatML, as Qwen and many others write conversations.
inline const char* const kChatMlTemplate =
    "{% for m in messages %}<|im_start|>{{ m.role }}\n{{ m.content }}<|im_end|>\n{% endfor %}"
    "{% if add_generation_prompt %}<|im_start|>assistant\n{% endif %}";

}  // namespace tiertune::test
