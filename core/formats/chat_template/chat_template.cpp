#include "core/formats/chat_template/chat_template.h"

#include "core/formats/chat_template/errors.h"
#include "core/formats/chat_template/parser.h"
#include "core/util/error.h"

namespace tiertune::formats {

namespace {

constexpr const char* kSpecialTokenNames[] = {"bos_token", "eos_token", "unk_token", "sep_token",
                                              "pad_token", "cls_token", "mask_token"};

}  // namespace

struct ChatTemplate::Parsed {
  std::string source;
  jinja::Program program;
};

SpecialTokens SpecialTokens::fromTokenizerConfig(const nlohmann::json& config) {
  SpecialTokens result;
  if (!config.is_object()) return result;
  for (const char* name : kSpecialTokenNames) {
    const auto found = config.find(name);
    if (found == config.end()) continue;
    std::string text;
    if (found->is_string()) {
      text = found->get<std::string>();
    } else if (found->is_object() && found->contains("content") && (*found)["content"].is_string()) {
      text = (*found)["content"].get<std::string>();
    }
    if (!text.empty()) result.tokens.emplace_back(name, std::move(text));
  }
  return result;
}

nlohmann::ordered_json makeChatContext(const ChatRequest& request, const SpecialTokens& specialTokens) {
  nlohmann::ordered_json context = nlohmann::ordered_json::object();
  context["messages"] = request.messages;
  context["add_generation_prompt"] = request.addGenerationPrompt;
  context["tools"] = request.tools;
  context["documents"] = request.documents;
  for (const auto& [name, text] : specialTokens.tokens) context[name] = text;
  if (request.extra.is_object()) {
    for (const auto& [key, value] : request.extra.items()) context[key] = value;
  }
  return context;
}

ChatTemplate ChatTemplate::parse(std::string_view source) {
  auto parsed = std::make_shared<Parsed>();
  parsed->source.assign(source);
  parsed->program = jinja::parseTemplate(parsed->source);
  return ChatTemplate(std::move(parsed));
}

const std::string& ChatTemplate::source() const { return parsed_->source; }

std::string ChatTemplate::render(const nlohmann::ordered_json& context, const RenderLimits& limits) const {
  if (!context.is_object()) throw Error("chat template context must be a JSON object");
  jinja::Dict variables;
  try {
    for (const auto& [key, value] : context.items()) variables.set(key, jinja::fromJson(value));
  } catch (const jinja::RenderFailure& failure) {
    throw Error(std::string("chat template context: ") + failure.what());
  }
  jinja::Interpreter interpreter(parsed_->source, limits);
  try {
    return interpreter.render(parsed_->program, variables);
  } catch (const jinja::RenderFailure& failure) {
    throw Error(std::string("chat template: ") + failure.what());  // not expected: failures carry positions
  }
}

std::string ChatTemplate::render(const ChatRequest& request, const SpecialTokens& specialTokens,
                                 const RenderLimits& limits) const {
  return render(makeChatContext(request, specialTokens), limits);
}

}  // namespace tiertune::formats
