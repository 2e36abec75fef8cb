#include "core/infer/generator.h"

#include <algorithm>
#include <chrono>
#include <limits>
#include <string>

#include "core/infer/text_stream.h"
#include "core/util/error.h"

namespace tiertune::infer {

const char* stopReasonName(StopReason reason) {
  switch (reason) {
    case StopReason::EndOfText: return "end of text";
    case StopReason::StopString: return "stop string";
    case StopReason::MaxTokens: return "token limit";
    case StopReason::ContextFull: return "context full";
    case StopReason::Cancelled: return "cancelled";
  }
  return "unknown";
}

namespace {

double secondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// Ids the tokenizer has no text for are never chosen: a model's vocabulary padded past its
// tokenizer's (Qwen2.5's config has 151936 ids, its tokenizer 151665; the tiny test models 300
// and 260) would otherwise let a sampled padding id end the generation with a decoding error.
// Where the two sizes agree, nothing changes.
std::vector<float> decodableOnly(std::vector<float> logits, std::size_t decodable) {
  for (std::size_t id = decodable; id < logits.size(); ++id) logits[id] = -std::numeric_limits<float>::infinity();
  return logits;
}

}  // namespace

GenerationResult generate(SequenceModel& model, const formats::tokenizer::Tokenizer& tokenizer,
                          std::span<const std::int32_t> prompt, const GenerationSettings& settings,
                          const TextSink& onText, const std::atomic<bool>* cancel) {
  if (prompt.empty()) throw Error("the prompt is empty: there is nothing to continue");
  if (settings.maxNewTokens == 0) throw Error("the number of new tokens to generate must be at least 1");
  if (prompt.size() >= model.contextLength()) {
    throw Error("the prompt has " + std::to_string(prompt.size()) + " tokens, which leaves no room in the model's " +
                "context of " + std::to_string(model.contextLength()) + " tokens");
  }
  Sampler sampler(settings.sampling);
  TextStream stream(tokenizer, settings.stopStrings);
  GenerationResult result;
  result.promptTokens = prompt.size();
  std::vector<std::int32_t> context(prompt.begin(), prompt.end());
  auto emit = [&](const std::string& piece) {
    if (piece.empty()) return;
    result.text += piece;
    if (onText) onText(piece);
  };
  auto cancelled = [&] { return cancel != nullptr && cancel->load(std::memory_order_relaxed); };

  if (cancelled()) {
    result.reason = StopReason::Cancelled;
    return result;
  }
  auto start = std::chrono::steady_clock::now();
  const std::size_t decodable = tokenizer.vocabularySize();
  std::vector<float> logits = decodableOnly(model.prefill(prompt), decodable);
  result.prefillSeconds = secondsSince(start);
  start = std::chrono::steady_clock::now();
  for (;;) {
    const std::int32_t token = sampler.next(logits, context);
    if (std::find(settings.eosIds.begin(), settings.eosIds.end(), token) != settings.eosIds.end()) {
      result.reason = StopReason::EndOfText;
      break;
    }
    result.tokens.push_back(token);
    context.push_back(token);
    emit(stream.push(token));
    if (stream.stopped()) {
      result.reason = StopReason::StopString;
      break;
    }
    if (result.tokens.size() >= settings.maxNewTokens) {
      result.reason = StopReason::MaxTokens;
      break;
    }
    if (model.length() >= model.contextLength()) {
      result.reason = StopReason::ContextFull;
      break;
    }
    if (cancelled()) {
      result.reason = StopReason::Cancelled;
      break;
    }
    logits = decodableOnly(model.decode(token), decodable);
    ++result.decodeSteps;
  }
  result.decodeSeconds = secondsSince(start);
  emit(stream.finish());
  return result;
}

}  // namespace tiertune::infer
