// `tiertune-cli template`: renders a conversation with a model's chat template, to see exactly
// the text the model will be trained on (the dataset import renders through the same core call).
#include <cstdio>
#include <nlohmann/json.hpp>

#include "app/cli/arguments.h"
#include "app/cli/commands.h"
#include "core/formats/chat_template/chat_template.h"
#include "core/formats/chat_template/errors.h"
#include "core/formats/chat_template/model_chat_template.h"
#include "core/util/read_file.h"
#include "core/util/json_text.h"

namespace tiertune::cli {

namespace {

// The conversation file: a list of messages, or an object with "messages" and optionally "tools",
// "documents", "add_generation_prompt" and any other keys the template reads (enable_thinking).
formats::ChatRequest readConversation(const std::string& file) {
  const std::string text = readWholeFile(file);
  nlohmann::ordered_json json;
  try {
    json = parseJsonText<nlohmann::ordered_json>(text, file);
  } catch (const nlohmann::json::exception& error) {
    throw Error(file + ": not valid JSON (" + error.what() + ")");
  }
  formats::ChatRequest request;
  if (json.is_array()) {
    request.messages = std::move(json);
    return request;
  }
  if (!json.is_object() || !json.contains("messages") || !json["messages"].is_array()) {
    throw Error(file + ": expected a list of messages, or an object with a \"messages\" list");
  }
  for (auto& [key, value] : json.items()) {
    if (key == "messages") {
      request.messages = value;
    } else if (key == "tools") {
      request.tools = value;
    } else if (key == "documents") {
      request.documents = value;
    } else if (key == "add_generation_prompt") {
      if (!value.is_boolean()) throw Error(file + ": \"add_generation_prompt\" must be true or false");
      request.addGenerationPrompt = value.get<bool>();
    } else {
      request.extra[key] = value;
    }
  }
  return request;
}

}  // namespace

int runTemplate(const std::vector<std::string>& args) {
  const Arguments arguments("template", args,
                            {.flags = {"add-generation-prompt"}, .valued = {"model", "messages", "template-name"}});
  const auto model = arguments.value("model");
  const auto messages = arguments.value("messages");
  if (!model || !messages) throw UsageError("template needs --model DIR and --messages FILE");

  formats::ChatRequest request = readConversation(*messages);
  if (arguments.flag("add-generation-prompt")) request.addGenerationPrompt = true;
  std::string name = arguments.value("template-name").value_or("");
  if (name.empty() && request.tools.is_array() && !request.tools.empty()) name = "tool_use";
  const formats::ModelChatTemplate found = formats::loadModelChatTemplate(*model, name);
  const std::string origin = found.file.string();

  std::string rendered;
  try {
    const auto chatTemplate = formats::ChatTemplate::parse(found.source);
    rendered = chatTemplate.render(request, found.specialTokens);
  } catch (const formats::jinja::TemplateRaisedError& error) {
    throw Error("the chat template in " + origin + " refused this conversation: " + error.what());
  } catch (const Error& error) {
    throw Error(origin + ": " + error.what());
  }
  std::fwrite(rendered.data(), 1, rendered.size(), stdout);
  return 0;
}

const Command kTemplateCommand = {
    "template", "render a conversation with a model's chat template",
    "Usage: tiertune-cli template --model DIR --messages FILE [--add-generation-prompt]\n"
    "                             [--template-name NAME]\n"
    "\n"
    "Prints the text the model sees for the conversation in FILE, rendered with the chat template\n"
    "of the model folder DIR (chat_template.jinja, chat_template.json or the \"chat_template\" of\n"
    "tokenizer_config.json) and the special tokens of its tokenizer_config.json. FILE holds a list\n"
    "of messages, or an object:\n"
    "  {\"messages\": [{\"role\": \"user\", \"content\": \"Hi\"}], \"tools\": [...], \"enable_thinking\": false}\n"
    "whose other keys become template variables. --add-generation-prompt ends the text with the\n"
    "start of the assistant's answer. --template-name picks one of several named templates\n"
    "(\"tool_use\" is the default when the conversation has tools).\n",
    runTemplate};

}  // namespace tiertune::cli
