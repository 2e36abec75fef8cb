// Fuzz target: tokenizer.json files, which come with downloaded models, and the text they encode.
// The input is a tokenizer.json, and after a NUL byte the text to encode. Loading must give a
// tokenizer or a tiertune::Error; encoding any text, and decoding the ids it gave, must give ids,
// text or a tiertune::Error, never a crash or a hang.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/formats/tokenizer/tokenizer.h"
#include "core/util/error.h"
#include "fuzz/fuzz_target.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using tiertune::formats::tokenizer::Tokenizer;
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const std::size_t split = input.find('\0');
  const std::string_view json = input.substr(0, split);
  const std::string_view text = split == std::string_view::npos ? std::string_view("Hello, wörld 123 <s>  ") : input.substr(split + 1);
  try {
    const Tokenizer tokenizer = Tokenizer::fromJson(json, "", "fuzz/tokenizer.json");
    std::vector<std::int32_t> ids;
    try {
      ids = tokenizer.encode(text);
    } catch (const tiertune::Error&) {
      ids = {0, 1, 2};  // invalid UTF-8 or an unknown piece without an unknown token
    }
    for (const std::int32_t id : ids) {
      if (id < 0 || static_cast<std::size_t>(id) >= tokenizer.vocabularySize()) __builtin_trap();
    }
    try {
      (void)tokenizer.decode(ids);
      (void)tokenizer.decode(ids, {.skipSpecialTokens = true, .cleanUpTokenizationSpaces = false});
    } catch (const tiertune::Error&) {
    }
  } catch (const tiertune::Error&) {
  }
  return 0;
}
