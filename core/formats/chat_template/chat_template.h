// Chat templates: the Jinja programs that models ship (tokenizer_config.json "chat_template",
// chat_template.jinja) to turn a conversation into the exact text the model was trained on. Parsed
// once, rendered per conversation, with the semantics of the reference renderer @huggingface/jinja
// (which transformers.js uses). Used by dataset import and the CLI `template` command.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/formats/chat_template/interpreter.h"

namespace tiertune::formats {

using jinja::RenderLimits;

// The special tokens a template may print, as tokenizer_config.json names them: bos_token,
// eos_token, unk_token, sep_token, pad_token, cls_token, mask_token.
struct SpecialTokens {
  std::vector<std::pair<std::string, std::string>> tokens;  // name → text, only those set

  // Reads the token entries of a tokenizer_config.json: strings, or objects with a "content"
  // (AddedToken); null and empty entries are left out.
  static SpecialTokens fromTokenizerConfig(const nlohmann::json& config);
};

// One conversation to render.
struct ChatRequest {
  nlohmann::ordered_json messages = nlohmann::ordered_json::array();
  bool addGenerationPrompt = false;
  nlohmann::ordered_json tools = nullptr;      // a list of tool schemas, or null
  nlohmann::ordered_json documents = nullptr;  // for RAG templates, or null
  nlohmann::ordered_json extra = nlohmann::ordered_json::object();  // enable_thinking, date_string, ...
};

// The variables a template sees, as transformers(.js) apply_chat_template passes them: messages,
// add_generation_prompt, tools, documents, the special tokens, then the extra keys (which win).
nlohmann::ordered_json makeChatContext(const ChatRequest& request, const SpecialTokens& specialTokens);

class ChatTemplate {
 public:
  // Throws tiertune::Error "chat template L:C: message" for a syntax error.
  static ChatTemplate parse(std::string_view source);

  // Renders with the context's keys as variables. Throws tiertune::Error "chat template L:C:
  // message" when rendering fails (an unsupported operation, a limit reached), and
  // jinja::TemplateRaisedError with the template's own message for raise_exception(...).
  std::string render(const nlohmann::ordered_json& context, const RenderLimits& limits = {}) const;
  std::string render(const ChatRequest& request, const SpecialTokens& specialTokens,
                     const RenderLimits& limits = {}) const;

  const std::string& source() const;

 private:
  struct Parsed;
  explicit ChatTemplate(std::shared_ptr<const Parsed> parsed) : parsed_(std::move(parsed)) {}
  std::shared_ptr<const Parsed> parsed_;
};

}  // namespace tiertune::formats
