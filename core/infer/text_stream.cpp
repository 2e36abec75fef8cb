#include "core/infer/text_stream.h"

#include <algorithm>
#include <string_view>
#include <utility>

namespace tiertune::infer {

namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD: bytes of a character still incomplete

// Where text stops being final: before a trailing run of U+FFFD, and before a trailing part that a
// stop string starts with.
std::size_t finalEnd(const std::string& text, const std::vector<std::string>& stopStrings) {
  std::size_t end = text.size();
  while (end >= kReplacement.size() && std::string_view(text).substr(end - kReplacement.size(), kReplacement.size()) == kReplacement) {
    end -= kReplacement.size();
  }
  std::size_t held = end;
  for (const std::string& stop : stopStrings) {
    // The longest proper prefix of stop that text[..end) ends with.
    for (std::size_t length = std::min(stop.size() - 1, end); length > 0; --length) {
      if (std::string_view(text).substr(end - length, length) == std::string_view(stop).substr(0, length)) {
        held = std::min(held, end - length);
        break;
      }
    }
  }
  return held;
}

// The reply's text as shown: special tokens (an end-of-turn marker that is not an EOS) left out.
std::string decodeReply(const formats::tokenizer::Tokenizer& tokenizer, const std::vector<std::int32_t>& tokens) {
  formats::tokenizer::DecodeOptions options;
  options.skipSpecialTokens = true;
  return tokenizer.decode(tokens, options);
}

}  // namespace

TextStream::TextStream(const formats::tokenizer::Tokenizer& tokenizer, std::vector<std::string> stopStrings)
    : tokenizer_(tokenizer), stopStrings_(std::move(stopStrings)) {
  std::erase_if(stopStrings_, [](const std::string& stop) { return stop.empty(); });
}

std::string TextStream::emitUpTo(const std::string& decoded, std::size_t end) {
  // Decoding a longer sequence leaves the earlier text as it was for the tokenizers we support; a
  // decoder that rewrote it would only delay the new text, never repeat it.
  if (end <= shown_.size() || decoded.compare(0, shown_.size(), shown_) != 0) return {};
  std::string piece = decoded.substr(shown_.size(), end - shown_.size());
  shown_ += piece;
  return piece;
}

std::string TextStream::push(std::int32_t token) {
  if (stopped_) return {};
  tokens_.push_back(token);
  // Decoding the whole reply each time (not token by token) keeps what the decoder does across
  // tokens (SentencePiece's leading space, byte fallback) exactly as one decode would.
  const std::string decoded = decodeReply(tokenizer_, tokens_);
  std::size_t stopAt = std::string::npos;
  for (const std::string& stop : stopStrings_) stopAt = std::min(stopAt, decoded.find(stop));
  if (stopAt != std::string::npos) {
    stopped_ = true;
    return emitUpTo(decoded, stopAt);
  }
  return emitUpTo(decoded, finalEnd(decoded, stopStrings_));
}

std::string TextStream::finish() {
  if (stopped_ || tokens_.empty()) return {};
  const std::string decoded = decodeReply(tokenizer_, tokens_);
  return emitUpTo(decoded, decoded.size());
}

}  // namespace tiertune::infer
