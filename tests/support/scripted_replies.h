// A SequenceModel that "generates" the reply a script chooses for each prompt, one byte token per
// pass and then the byte tokenizer's end of sequence: the question-answer job and its review are
// driven with replies the tests write down (tst_qa_generation, tst_document_dataset, the
// documents wizard's test). It records every prompt it saw, as text.
#pragma once

#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <vector>

#include "core/infer/sequence_model.h"
#include "support/byte_tokenizer.h"

namespace tiertune::test {

inline constexpr std::size_t kByteVocabulary = 260;  // the byte tokenizer's ids

// A model that answers each prompt with a text the test chooses (script: the prompt as text ->
// the reply), one byte token per greedy step and then the end-of-sequence token. It counts its
// prefills (one per attempt) and keeps the prompts it saw.
class ScriptedReplies final : public infer::SequenceModel {
 public:
  using Script = std::function<std::string(const std::string& prompt)>;
  explicit ScriptedReplies(Script script, std::size_t context = 100000)
      : script_(std::move(script)), context_(context) {}

  std::vector<float> prefill(std::span<const std::int32_t> prompt) override {
    std::string text;
    for (const std::int32_t id : prompt) {
      if (id < 256) text += static_cast<char>(id);
      if (id == kByteImStart) text += "<|im_start|>";
      if (id == kByteImEnd) text += "<|im_end|>";
    }
    prompts.push_back(text);
    reply_ = script_(text);
    produced_ = 0;
    length_ = 0;
    return append(prompt);
  }
  std::vector<float> append(std::span<const std::int32_t> tokens) override {
    length_ += tokens.size();
    if (onPass) onPass(produced_);
    std::vector<float> logits(kByteVocabulary, 0.0f);
    const std::int32_t next =
        produced_ < reply_.size() ? static_cast<unsigned char>(reply_[produced_]) : kByteEos;
    ++produced_;
    logits[static_cast<std::size_t>(next)] = 10.0f;
    return logits;
  }
  std::size_t length() const override { return length_; }
  std::size_t contextLength() const override { return context_; }

  std::vector<std::string> prompts;
  std::function<void(std::size_t produced)> onPass;  // before each pass's logits, with the tokens produced so far

 private:
  Script script_;
  std::size_t context_;
  std::string reply_;
  std::size_t produced_ = 0, length_ = 0;
};

}  // namespace tiertune::test
