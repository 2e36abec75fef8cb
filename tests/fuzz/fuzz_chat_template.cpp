// Fuzz target: chat templates, which come with downloaded models. The input is a template, and
// after a NUL byte optionally the JSON context to render it with. Parsing and rendering must give
// text or a tiertune::Error, never a crash, a hang or unbounded memory: the limits are small here
// so that every input finishes quickly.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/formats/chat_template/chat_template.h"
#include "core/util/error.h"
#include "core/util/json_text.h"
#include "fuzz/fuzz_target.h"

namespace {

const nlohmann::ordered_json& defaultContext() {
  static const nlohmann::ordered_json context = nlohmann::ordered_json::parse(R"({
    "messages": [
      {"role": "system", "content": "Be brief."},
      {"role": "user", "content": "Hi 👋 {{ x }}"},
      {"role": "assistant", "content": "<think>\nok\n</think>\n\nHello", "tool_calls": [
        {"type": "function", "function": {"name": "f", "arguments": {"a": 1, "b": [true, null, 2.5]}}}]},
      {"role": "tool", "content": "42"},
      {"role": "user", "content": ""}
    ],
    "tools": [{"type": "function", "function": {"name": "f", "parameters": {"type": "object", "properties": {"a": {"type": "integer"}}}}}],
    "add_generation_prompt": true, "bos_token": "<s>", "eos_token": "</s>", "documents": null
  })");
  return context;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const std::size_t split = input.find('\0');
  const std::string_view source = input.substr(0, split);
  nlohmann::ordered_json context = defaultContext();
  if (split != std::string_view::npos) {
    auto parsed = tiertune::parseJsonTextOrDiscarded<nlohmann::ordered_json>(input.substr(split + 1));
    if (parsed.is_object()) context = std::move(parsed);
  }
  tiertune::formats::RenderLimits limits;
  limits.maxSteps = 200'000;
  limits.maxOutputBytes = 1 << 20;
  limits.maxListItems = 1 << 14;
  limits.maxDepth = 200;
  try {
    const auto chatTemplate = tiertune::formats::ChatTemplate::parse(source);
    const std::string text = chatTemplate.render(context, limits);
    if (text.size() > limits.maxOutputBytes) __builtin_trap();
  } catch (const tiertune::Error&) {
  }
  return 0;
}
