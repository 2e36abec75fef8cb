// What batched generation needs of a model: several sequences held at once in numbered slots, a
// prompt taken into one slot at a time, then one pass that appends a token to each of several
// slots together (their projections run as one product: what makes many replies cheaper than
// one after another, on the GPU above all). ModelRunner is the real one; OneAtATime turns any
// SequenceModel (a test's scripted one) into a batch of one slot.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <stdexcept>
#include <vector>

#include "core/infer/sequence_model.h"

namespace tiertune::infer {

class SequenceBatch {
 public:
  virtual ~SequenceBatch() = default;
  virtual std::size_t capacity() const = 0;
  virtual std::size_t contextLength() const = 0;
  // Tokens of the sequence in slot.
  virtual std::size_t length(std::size_t slot) const = 0;
  // Starts slot's sequence anew with prompt (at least one token): the logits [vocab] of its last token.
  virtual std::vector<float> prefill(std::size_t slot, std::span<const std::int32_t> prompt) = 0;
  // Appends tokens[i] to the sequence of slots[i], for every i, in one pass (each slot at most
  // once): each one's logits [vocab], in the same order.
  virtual std::vector<std::vector<float>> decode(std::span<const std::size_t> which,
                                                 std::span<const std::int32_t> tokens) = 0;
};

class OneAtATime final : public SequenceBatch {
 public:
  explicit OneAtATime(SequenceModel& model) : model_(model) {}
  std::size_t capacity() const override { return 1; }
  std::size_t contextLength() const override { return model_.contextLength(); }
  std::size_t length(std::size_t) const override { return model_.length(); }
  std::vector<float> prefill(std::size_t, std::span<const std::int32_t> prompt) override { return model_.prefill(prompt); }
  std::vector<std::vector<float>> decode(std::span<const std::size_t> which, std::span<const std::int32_t> tokens) override {
    if (which.size() != 1 || tokens.size() != 1) throw std::invalid_argument("a batch of one decodes one token");
    std::vector<std::vector<float>> out;
    out.push_back(model_.decode(tokens[0]));
    return out;
  }

 private:
  SequenceModel& model_;
};

}  // namespace tiertune::infer
