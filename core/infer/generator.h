// Text generation: a prompt's tokens through a SequenceModel (ModelRunner: prefill), then one token per step
// (decode) chosen by the Sampler, until an end-of-text token, a stop string, the token limit, the
// model's context or a cancel request from another thread. Text is handed out piece by piece as
// it becomes final (TextStream), so a GUI shows it while it is generated; call generate() on a
// worker thread and set the cancel flag from the GUI thread to stop it.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/formats/tokenizer/tokenizer.h"
#include "core/infer/sequence_batch.h"
#include "core/infer/sequence_model.h"
#include "core/infer/sampler.h"

namespace tiertune::infer {

struct GenerationSettings {
  SamplingSettings sampling;
  std::size_t maxNewTokens = 256;
  std::vector<std::string> stopStrings;  // matched on the decoded text, never shown
  std::vector<std::int32_t> eosIds;      // ModelText::eosIds, usually
};

enum class StopReason { EndOfText, StopString, MaxTokens, ContextFull, Cancelled };
// "end of text", "stop string", ... for messages and summaries.
const char* stopReasonName(StopReason reason);

struct GenerationResult {
  std::string text;                  // what the pieces added up to
  std::vector<std::int32_t> tokens;  // generated, without the end-of-text token
  StopReason reason = StopReason::MaxTokens;
  std::size_t promptTokens = 0;
  double prefillSeconds = 0;
  double decodeSeconds = 0;  // the steps after the first token (each one model pass)
  std::size_t decodeSteps = 0;
  double prefillTokensPerSecond() const { return prefillSeconds > 0 ? promptTokens / prefillSeconds : 0; }
  double decodeTokensPerSecond() const { return decodeSeconds > 0 ? decodeSteps / decodeSeconds : 0; }
};

// Receives each final piece of text (never part of a UTF-8 character or of a stop string).
using TextSink = std::function<void(std::string_view piece)>;

// Generates after prompt (at least one token). Only ids the tokenizer can decode are chosen (a
// model's vocabulary may be padded past its tokenizer's). cancel, when given, is read before every model pass;
// setting it stops generation after the current pass with StopReason::Cancelled. Throws
// tiertune::Error for a prompt longer than the model's context, or what the backend throws.
GenerationResult generate(SequenceModel& model, const formats::tokenizer::Tokenizer& tokenizer,
                          std::span<const std::int32_t> prompt, const GenerationSettings& settings,
                          const TextSink& onText = {}, const std::atomic<bool>* cancel = nullptr);

// One reply to generate in a batch; tag names it in the result.
struct BatchRequest {
  std::uint64_t tag = 0;
  std::vector<std::int32_t> prompt;
  GenerationSettings settings;
};

// Batched generation: as many requests at once as model.capacity(), each slot taking the next
// request from `next` as it frees up (its prompt in a pass of its own), then one pass for all
// running sequences per token. done(tag, result) as each ends, on the calling thread, in the
// order they end; each result is what generate() gives for its request alone, up to the model's
// fp32 summation order (the same token choices, the same stop rules; its decodeSeconds the wall
// time from its first token to its end). next may add work as results come (a retry).
// cancel, read before every pass, ends every running sequence with StopReason::Cancelled (done is
// still called for each) and takes no more requests. Throws as generate() does.
void generateBatch(SequenceBatch& model, const formats::tokenizer::Tokenizer& tokenizer,
                   const std::function<std::optional<BatchRequest>()>& next,
                   const std::function<void(std::uint64_t tag, GenerationResult result)>& done,
                   const std::atomic<bool>* cancel = nullptr);

}  // namespace tiertune::infer
