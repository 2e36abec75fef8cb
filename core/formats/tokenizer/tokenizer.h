// Hugging Face tokenizers (tokenizer.json) for encoding training text and decoding model output:
// the BPE model with its normalizers, pre-tokenizers, added tokens, post-processor and decoders,
// as Llama 2/3, Mistral and Qwen2/3 ship them. Behaviour follows the reference implementation
// that the conformance tests compare with (@lenml/tokenizers 3.7.2, transformers.js), which also
// reads tokenizer_config.json (clean_up_tokenization_spaces, additional_special_tokens).
// Components the reference would run differently from Hugging Face's, and unknown ones, are
// refused when loading with an error naming the file and the field.
// Used by the data pipeline, tiertune-cli tokenize and the tests.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace tiertune::formats::tokenizer {

struct EncodeOptions {
  bool addSpecialTokens = true;  // the post-processor's tokens (Llama 2's <s>)
};

struct DecodeOptions {
  bool skipSpecialTokens = false;
  // Overrides tokenizer_config.json's clean_up_tokenization_spaces (" ." -> "." and the like).
  std::optional<bool> cleanUpTokenizationSpaces;
};

class Tokenizer {
 public:
  // A tokenizer.json file, or a folder with tokenizer.json; tokenizer_config.json beside it is read
  // too when there is one. Throws tiertune::Error naming the file and the field.
  static Tokenizer load(const std::filesystem::path& fileOrFolder);
  // The same from the files' contents; configJson may be empty. label names the file in errors.
  static Tokenizer fromJson(std::string_view tokenizerJson, std::string_view configJson, const std::string& label);

  Tokenizer(Tokenizer&&) noexcept;
  Tokenizer& operator=(Tokenizer&&) noexcept;
  ~Tokenizer();

  // text: UTF-8 (an error names the first invalid byte). Thread-safe.
  std::vector<std::int32_t> encode(std::string_view text, const EncodeOptions& options = {}) const;
  // UTF-8 text; an id outside the vocabulary is an error. Thread-safe.
  std::string decode(std::span<const std::int32_t> ids, const DecodeOptions& options = {}) const;

  std::optional<std::int32_t> tokenId(std::string_view token) const;
  // One more than the highest token id.
  std::size_t vocabularySize() const;

 private:
  struct Impl;
  explicit Tokenizer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace tiertune::formats::tokenizer
