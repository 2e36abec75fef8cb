// One example into what training reads: token ids and a loss mask. Chats are rendered with the
// model's chat template exactly as the model will see them in use, and the mask marks the
// assistant's answers (by default), so the model learns to answer rather than to write questions.
// Completions are prompt then completion; plain text trains on every token. The end-of-sequence
// token closes completions and texts so the model learns to stop.
//
// Where the answers are: the conversation is rendered whole, and again up to each answer (with the
// generation prompt) and through it; the answer's tokens are those between the two prefixes'
// token counts (the longest common prefix of their ids with the whole text's ids, so a token that
// straddles the boundary does not shift the mask). A template that renders earlier turns
// differently once later ones follow (Qwen3 drops old reasoning) is handled answer by answer: an
// answer that cannot be located is not trained on, and if none can, the row is reported.
// Used by the dataset import and its preview.
#pragma once

#include <atomic>
#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/data/example.h"
#include "core/formats/chat_template/chat_template.h"
#include "core/formats/tokenizer/tokenizer.h"

namespace tiertune::data {

enum class LossOn {
  Responses,     // every assistant answer (chats), the completion, all of a text
  LastResponse,  // only the final assistant answer of a chat
  Everything,    // every token, prompts included
};

enum class TooLongPolicy { Truncate, Skip };

struct EncodeSettings {
  LossOn lossOn = LossOn::Responses;
  std::size_t maxTokens = 2048;  // the context length training uses
  TooLongPolicy tooLong = TooLongPolicy::Truncate;
};

struct EncodedExample {
  std::vector<std::int32_t> ids;
  std::vector<std::uint8_t> lossMask;  // 1: the model learns to predict this token
  bool truncated = false;
  std::size_t untrainedAnswers = 0;    // answers whose place the template hid (see above)
  std::size_t trainedTokens() const;
};

// Thread time spent in the chat template and the tokenizer, summed over all encode() calls.
class EncoderTimings {
 public:
  double renderSeconds() const { return static_cast<double>(renderNs_.load()) * 1e-9; }
  double tokenizeSeconds() const { return static_cast<double>(tokenizeNs_.load()) * 1e-9; }
  void addRender(std::uint64_t ns) const { renderNs_ += ns; }
  void addTokenize(std::uint64_t ns) const { tokenizeNs_ += ns; }

 private:
  mutable std::atomic<std::uint64_t> renderNs_{0}, tokenizeNs_{0};
};

class ExampleEncoder {
 public:
  // chatTemplate may be null for a model without one; chats are then an error (the import checks
  // this before it starts). The references must outlive the encoder.
  ExampleEncoder(const formats::tokenizer::Tokenizer& tokenizer, const formats::ChatTemplate* chatTemplate,
                 formats::SpecialTokens specialTokens, EncodeSettings settings);

  // The encoded example, or the reason the row cannot be used (row and line left 0 for the
  // caller to fill). Thread-safe.
  std::variant<EncodedExample, RowProblem> encode(const Example& example) const;

  // The text the model sees for a chat (for the wizard's preview).
  std::string renderChat(const Example& example, bool addGenerationPrompt) const;

  const EncodeSettings& settings() const { return settings_; }
  const EncoderTimings& timings() const { return timings_; }
  // The id of the special tokens' eos_token, when the tokenizer has it.
  std::optional<std::int32_t> endOfSequence() const { return endOfSequence_; }

 private:
  std::variant<EncodedExample, RowProblem> encodeChat(const Example& example) const;
  std::variant<EncodedExample, RowProblem> finish(EncodedExample encoded) const;

  const formats::tokenizer::Tokenizer& tokenizer_;
  const formats::ChatTemplate* chatTemplate_;
  formats::SpecialTokens specialTokens_;
  EncodeSettings settings_;
  std::optional<std::int32_t> endOfSequence_;
  EncoderTimings timings_;
};

}  // namespace tiertune::data
