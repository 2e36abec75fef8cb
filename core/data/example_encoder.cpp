#include "core/data/example_encoder.h"

#include <algorithm>
#include <chrono>
#include <utility>

#include "core/formats/chat_template/errors.h"
#include "core/util/error.h"

namespace tiertune::data {

namespace {

using formats::tokenizer::EncodeOptions;

constexpr EncodeOptions kPlain{.addSpecialTokens = false};

std::size_t commonPrefix(const std::vector<std::int32_t>& a, const std::vector<std::int32_t>& b) {
  const auto [left, right] = std::mismatch(a.begin(), a.end(), b.begin(), b.end());
  return static_cast<std::size_t>(left - a.begin());
}

using Clock = std::chrono::steady_clock;
std::uint64_t nanosecondsSince(Clock::time_point start) {
  return static_cast<std::uint64_t>(std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now() - start).count());
}

RowProblem problem(RowProblemKind kind, Words detail) { return RowProblem{0, 0, kind, std::move(detail)}; }

nlohmann::ordered_json messagesJson(const Example& example, std::size_t count) {
  nlohmann::ordered_json messages = nlohmann::ordered_json::array();
  for (std::size_t i = 0; i < count; ++i) {
    messages.push_back({{"role", example.messages[i].role}, {"content", example.messages[i].content}});
  }
  return messages;
}

}  // namespace

std::size_t EncodedExample::trainedTokens() const {
  return static_cast<std::size_t>(std::count(lossMask.begin(), lossMask.end(), std::uint8_t{1}));
}

ExampleEncoder::ExampleEncoder(const formats::tokenizer::Tokenizer& tokenizer, const formats::ChatTemplate* chatTemplate,
                               formats::SpecialTokens specialTokens, EncodeSettings settings)
    : tokenizer_(tokenizer), chatTemplate_(chatTemplate), specialTokens_(std::move(specialTokens)), settings_(settings) {
  if (settings_.maxTokens == 0)
    throw Error(TIERTUNE_WORDS("Dataset files", "the longest example must be at least one token"), {});
  for (const auto& [name, text] : specialTokens_.tokens) {
    if (name == "eos_token") endOfSequence_ = tokenizer_.tokenId(text);
  }
}

std::string ExampleEncoder::renderChat(const Example& example, bool addGenerationPrompt) const {
  if (!chatTemplate_) {
    throw Error(TIERTUNE_WORDS("Dataset files",
                               "the model has no chat template, so conversations cannot be turned into its text"),
                {});
  }
  formats::ChatRequest request;
  request.messages = messagesJson(example, example.messages.size());
  request.addGenerationPrompt = addGenerationPrompt;
  return chatTemplate_->render(request, specialTokens_);
}

std::variant<EncodedExample, RowProblem> ExampleEncoder::encode(const Example& example) const {
  const bool everything = settings_.lossOn == LossOn::Everything;
  EncodedExample encoded;
  const auto start = Clock::now();
  switch (example.kind) {
    case Example::Kind::Chat:
      return encodeChat(example);
    case Example::Kind::Completion: {
      encoded.ids = tokenizer_.encode(example.prompt);
      encoded.lossMask.assign(encoded.ids.size(), everything ? 1 : 0);
      const std::vector<std::int32_t> completion = tokenizer_.encode(example.completion, kPlain);
      encoded.ids.insert(encoded.ids.end(), completion.begin(), completion.end());
      encoded.lossMask.resize(encoded.ids.size(), 1);
      break;
    }
    case Example::Kind::Text:
      encoded.ids = tokenizer_.encode(example.text);
      encoded.lossMask.assign(encoded.ids.size(), 1);
      break;
  }
  timings_.addTokenize(nanosecondsSince(start));
  if (endOfSequence_ && (encoded.ids.empty() || encoded.ids.back() != *endOfSequence_)) {
    encoded.ids.push_back(*endOfSequence_);
    encoded.lossMask.push_back(1);
  }
  return finish(std::move(encoded));
}

std::variant<EncodedExample, RowProblem> ExampleEncoder::encodeChat(const Example& example) const {
  if (!chatTemplate_) {
    throw Error(TIERTUNE_WORDS("Dataset files",
                               "the model has no chat template, so conversations cannot be turned into its text"),
                {});
  }
  // The template's own text carries the special tokens (bos), so none are added when encoding,
  // as apply_chat_template does.
  const auto render = [&](std::size_t count, bool generationPrompt) {
    const auto start = Clock::now();
    formats::ChatRequest request;
    request.messages = messagesJson(example, count);
    request.addGenerationPrompt = generationPrompt;
    std::string text = chatTemplate_->render(request, specialTokens_);
    timings_.addRender(nanosecondsSince(start));
    return text;
  };
  const auto tokenize = [&](const std::string& text) {
    const auto start = Clock::now();
    std::vector<std::int32_t> ids = tokenizer_.encode(text, kPlain);
    timings_.addTokenize(nanosecondsSince(start));
    return ids;
  };
  EncodedExample encoded;
  std::string whole;
  try {
    whole = render(example.messages.size(), false);
    encoded.ids = tokenize(whole);
    if (settings_.lossOn == LossOn::Everything) {
      encoded.lossMask.assign(encoded.ids.size(), 1);
      return finish(std::move(encoded));
    }
    encoded.lossMask.assign(encoded.ids.size(), 0);
    std::size_t lastAnswer = example.messages.size();
    for (std::size_t i = 0; i < example.messages.size(); ++i) {
      if (example.messages[i].role == "assistant") lastAnswer = i;
    }
    std::size_t located = 0;
    for (std::size_t i = 0; i < example.messages.size(); ++i) {
      if (example.messages[i].role != "assistant") continue;
      if (settings_.lossOn == LossOn::LastResponse && i != lastAnswer) continue;
      const std::string before = render(i, true);
      const std::string through = render(i + 1, false);
      if (!whole.starts_with(before) || !whole.starts_with(through) || through.size() <= before.size()) {
        ++encoded.untrainedAnswers;
        continue;
      }
      const std::size_t start = commonPrefix(tokenize(before), encoded.ids);
      const std::size_t end = commonPrefix(tokenize(through), encoded.ids);
      if (end <= start) {
        ++encoded.untrainedAnswers;
        continue;
      }
      std::fill(encoded.lossMask.begin() + static_cast<std::ptrdiff_t>(start),
                encoded.lossMask.begin() + static_cast<std::ptrdiff_t>(end), std::uint8_t{1});
      ++located;
    }
    if (located == 0) {
      return problem(RowProblemKind::AnswerNotFound,
                     Words(TIERTUNE_WORDS("Dataset rows",
                                          "the chat template writes this conversation so that the assistant's "
                                          "answers cannot be told apart from the rest; choose \"train on every "
                                          "token\" to use it anyway"),
                           {}));
    }
  } catch (const formats::jinja::TemplateRaisedError& error) {
    return problem(RowProblemKind::TemplateRefused,
                   Words(TIERTUNE_WORDS("Dataset rows", "the chat template refused it: %1"), {wordsOf(error)}));
  } catch (const Error& error) {
    return problem(RowProblemKind::TemplateRefused,
                   Words(TIERTUNE_WORDS("Dataset rows", "the chat template failed on it: %1"), {wordsOf(error)}));
  }
  return finish(std::move(encoded));
}

std::variant<EncodedExample, RowProblem> ExampleEncoder::finish(EncodedExample encoded) const {
  const std::size_t limit = settings_.maxTokens;
  if (encoded.ids.size() > limit) {
    if (settings_.tooLong == TooLongPolicy::Skip) {
      return problem(RowProblemKind::TooLong, Words(TIERTUNE_WORDS("Dataset rows", "%1 tokens; the limit is %2"),
                                                    {std::to_string(encoded.ids.size()), std::to_string(limit)}));
    }
    encoded.ids.resize(limit);
    encoded.lossMask.resize(limit);
    encoded.truncated = true;
  }
  if (encoded.trainedTokens() == 0) {
    if (encoded.truncated) {
      return problem(RowProblemKind::TooLong,
                     Words(TIERTUNE_WORDS("Dataset rows",
                                          "after cutting it to %1 tokens nothing of the answer is left to learn from"),
                           {std::to_string(limit)}));
    }
    return problem(RowProblemKind::EmptyResponse,
                   Words(TIERTUNE_WORDS("Dataset rows", "it has no tokens to learn from"), {}));
  }
  return encoded;
}

}  // namespace tiertune::data
