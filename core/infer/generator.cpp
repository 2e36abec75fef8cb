#include "core/infer/generator.h"

#include <algorithm>
#include <chrono>
#include <limits>
#include <memory>
#include <optional>
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

namespace {

void checkRequest(std::span<const std::int32_t> prompt, const GenerationSettings& settings, std::size_t context) {
  if (prompt.empty()) throw Error("the prompt is empty: there is nothing to continue");
  if (settings.maxNewTokens == 0) throw Error("the number of new tokens to generate must be at least 1");
  if (prompt.size() >= context) {
    throw Error("the prompt has " + std::to_string(prompt.size()) + " tokens, which leaves no room in the model's " +
                "context of " + std::to_string(context) + " tokens");
  }
}

// One sequence's side of generation, the same whether it runs alone or in a batch: the token
// chosen from each pass's logits, the text handed out, and when and why it ends.
class Decoding {
 public:
  Decoding(const formats::tokenizer::Tokenizer& tokenizer, std::span<const std::int32_t> prompt,
           const GenerationSettings& settings, const TextSink* onText)
      : settings_(settings), sampler_(settings.sampling), stream_(tokenizer, settings.stopStrings), onText_(onText),
        decodable_(tokenizer.vocabularySize()), context_(prompt.begin(), prompt.end()) {
    result_.promptTokens = prompt.size();
  }

  // Chooses the next token from the logits of the sequence's last token. Returns true when the
  // sequence goes on (feed token() to the model), false when it ended (result() says why).
  // modelLength: the tokens the model holds for it; cancelled: a cancel request came.
  bool step(std::vector<float> logits, std::size_t modelLength, std::size_t contextLength, bool cancelled) {
    logits = decodableOnly(std::move(logits), decodable_);
    token_ = sampler_.next(logits, context_);
    if (std::find(settings_.eosIds.begin(), settings_.eosIds.end(), token_) != settings_.eosIds.end()) {
      return end(StopReason::EndOfText);
    }
    result_.tokens.push_back(token_);
    context_.push_back(token_);
    emit(stream_.push(token_));
    if (stream_.stopped()) return end(StopReason::StopString);
    if (result_.tokens.size() >= settings_.maxNewTokens) return end(StopReason::MaxTokens);
    if (modelLength >= contextLength) return end(StopReason::ContextFull);
    if (cancelled) return end(StopReason::Cancelled);
    ++result_.decodeSteps;
    return true;
  }
  std::int32_t token() const { return token_; }
  bool end(StopReason reason) {
    result_.reason = reason;
    return false;
  }
  GenerationResult& result() { return result_; }
  // The text held back for a stop string that did not come.
  GenerationResult finish() {
    emit(stream_.finish());
    return std::move(result_);
  }

 private:
  void emit(const std::string& piece) {
    if (piece.empty()) return;
    result_.text += piece;
    if (onText_ != nullptr && *onText_) (*onText_)(piece);
  }

  const GenerationSettings& settings_;
  Sampler sampler_;
  TextStream stream_;
  const TextSink* onText_;
  std::size_t decodable_;
  std::vector<std::int32_t> context_;
  std::int32_t token_ = 0;
  GenerationResult result_;
};

bool isSet(const std::atomic<bool>* flag) { return flag != nullptr && flag->load(std::memory_order_relaxed); }

}  // namespace

GenerationResult generate(SequenceModel& model, const formats::tokenizer::Tokenizer& tokenizer,
                          std::span<const std::int32_t> prompt, const GenerationSettings& settings,
                          const TextSink& onText, const std::atomic<bool>* cancel) {
  checkRequest(prompt, settings, model.contextLength());
  Decoding decoding(tokenizer, prompt, settings, &onText);
  if (isSet(cancel)) {
    decoding.end(StopReason::Cancelled);
    return decoding.finish();
  }
  auto start = std::chrono::steady_clock::now();
  std::vector<float> logits = model.prefill(prompt);
  decoding.result().prefillSeconds = secondsSince(start);
  start = std::chrono::steady_clock::now();
  while (decoding.step(std::move(logits), model.length(), model.contextLength(), isSet(cancel))) {
    logits = model.decode(decoding.token());
  }
  decoding.result().decodeSeconds = secondsSince(start);
  return decoding.finish();
}

void generateBatch(SequenceBatch& model, const formats::tokenizer::Tokenizer& tokenizer,
                   const std::function<std::optional<BatchRequest>()>& next,
                   const std::function<void(std::uint64_t tag, GenerationResult result)>& done,
                   const std::atomic<bool>* cancel) {
  struct Running {
    BatchRequest request;
    std::unique_ptr<Decoding> decoding;
    std::chrono::steady_clock::time_point decodeStart;
  };
  const std::size_t capacity = model.capacity();
  if (capacity == 0) throw Error("the model holds no sequences to generate with");
  std::vector<std::optional<Running>> running(capacity);
  bool more = true;
  const auto finish = [&](std::size_t slot) {
    Running& run = *running[slot];
    run.decoding->result().decodeSeconds = secondsSince(run.decodeStart);
    GenerationResult result = run.decoding->finish();
    const std::uint64_t tag = run.request.tag;
    running[slot].reset();
    done(tag, std::move(result));
    more = true;  // done may have added work (a retry): ask again
  };
  for (;;) {
    // Every free slot takes the next request: its prompt alone, one pass.
    for (std::size_t slot = 0; slot < capacity && more && !isSet(cancel); ++slot) {
      while (!running[slot] && more && !isSet(cancel)) {
        std::optional<BatchRequest> request = next();
        if (!request) {
          more = false;
          break;
        }
        checkRequest(request->prompt, request->settings, model.contextLength());
        running[slot] = Running{std::move(*request), nullptr, {}};
        Running& run = *running[slot];
        run.decoding = std::make_unique<Decoding>(tokenizer, run.request.prompt, run.request.settings, nullptr);
        const auto start = std::chrono::steady_clock::now();
        std::vector<float> logits = model.prefill(slot, run.request.prompt);
        run.decoding->result().prefillSeconds = secondsSince(start);
        run.decodeStart = std::chrono::steady_clock::now();
        if (!run.decoding->step(std::move(logits), model.length(slot), model.contextLength(), isSet(cancel))) {
          finish(slot);
        }
      }
    }
    std::vector<std::size_t> active;
    std::vector<std::int32_t> tokens;
    for (std::size_t slot = 0; slot < capacity; ++slot) {
      if (!running[slot]) continue;
      if (isSet(cancel)) {
        running[slot]->decoding->end(StopReason::Cancelled);
        finish(slot);
        continue;
      }
      active.push_back(slot);
      tokens.push_back(running[slot]->decoding->token());
    }
    if (active.empty()) return;  // nothing left, or cancelled
    std::vector<std::vector<float>> logits = model.decode(active, tokens);
    for (std::size_t i = 0; i < active.size(); ++i) {
      const std::size_t slot = active[i];
      if (!running[slot]->decoding->step(std::move(logits[i]), model.length(slot), model.contextLength(), isSet(cancel))) {
        finish(slot);
      }
    }
  }
}

}  // namespace tiertune::infer
