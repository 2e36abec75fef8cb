// What the Generator needs of a model: run a prompt, then append tokens, each time getting the
// logits of the sequence's last token. ModelRunner is the real one (a decoder with a KV cache);
// tests give scripted ones, so that stopping and streaming are checked on outputs they choose.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace tiertune::infer {

class SequenceModel {
 public:
  virtual ~SequenceModel() = default;
  // Starts a new sequence with prompt (at least one token): logits [vocab] of its last token.
  virtual std::vector<float> prefill(std::span<const std::int32_t> prompt) = 0;
  // Appends tokens to the sequence (the next turn of a conversation, or one decoded token).
  virtual std::vector<float> append(std::span<const std::int32_t> tokens) = 0;
  // Tokens of the current sequence, and the most it may hold (the model's context length).
  virtual std::size_t length() const = 0;
  virtual std::size_t contextLength() const = 0;

  std::vector<float> decode(std::int32_t token) { return append(std::span<const std::int32_t>(&token, 1)); }
};

}  // namespace tiertune::infer
