#include "core/export/ollama_modelfile.h"

#include <algorithm>

#include "core/util/error.h"

namespace tiertune::exporting {
namespace {

// Ollama hands templates that use .Messages every message of the conversation (system ones too)
// and the system prompt again as .System; the ranges below skip system messages and print .System
// where the family puts it. The generation prompt follows a last user message.
constexpr const char* kChatMlTemplate = R"({{- if .System }}<|im_start|>system
{{ .System }}<|im_end|>
{{ end }}
{{- range $i, $_ := .Messages }}
{{- $last := eq (len (slice $.Messages $i)) 1 }}
{{- if eq .Role "user" }}<|im_start|>user
{{ .Content }}<|im_end|>
{{ if $last }}<|im_start|>assistant
{{ end }}
{{- else if eq .Role "assistant" }}<|im_start|>assistant
{{ .Content }}{{ if not $last }}<|im_end|>
{{ end }}
{{- end }}
{{- end }})";

constexpr const char* kLlama3Template = R"({{- if .System }}<|start_header_id|>system<|end_header_id|>

{{ .System }}<|eot_id|>
{{- end }}
{{- range $i, $_ := .Messages }}
{{- $last := eq (len (slice $.Messages $i)) 1 }}
{{- if eq .Role "user" }}<|start_header_id|>user<|end_header_id|>

{{ .Content }}<|eot_id|>{{ if $last }}<|start_header_id|>assistant<|end_header_id|>

{{ end }}
{{- else if eq .Role "assistant" }}<|start_header_id|>assistant<|end_header_id|>

{{ .Content }}{{ if not $last }}<|eot_id|>{{ end }}
{{- end }}
{{- end }})";

// The system prompt goes into the first user turn, as Llama 2's template does.
constexpr const char* kLlama2Template = R"({{- $system := .System }}
{{- range .Messages }}
{{- if eq .Role "user" }}[INST] {{ if $system }}<<SYS>>
{{ $system }}
<</SYS>>

{{ $system = "" }}{{ end }}{{ .Content }} [/INST]
{{- else if eq .Role "assistant" }} {{ .Content }} </s><s>
{{- end }}
{{- end }})";

// Mistral's templates put the system prompt before the last user message. v0.1/v0.2 write
// "[INST] text [/INST]answer</s>", v0.3 "[INST] text[/INST] answer</s>": CLOSE and ANSWER are
// filled in from the model's template.
constexpr const char* kMistralTemplate = R"({{- range $i, $_ := .Messages }}
{{- $last := eq (len (slice $.Messages $i)) 1 }}
{{- if eq .Role "user" }}[INST] {{ if and $last $.System }}{{ $.System }}

{{ end }}{{ .Content }}CLOSE
{{- else if eq .Role "assistant" }}ANSWER{{ .Content }}</s>
{{- end }}
{{- end }})";

std::string replaceOnce(std::string text, const std::string& placeholder, const std::string& value) {
  text.replace(text.find(placeholder), placeholder.size(), value);
  return text;
}

std::string quoted(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

}  // namespace

std::optional<ChatFamily> recognizeChatFamily(const std::string& chatTemplate) {
  const auto has = [&](const char* marker) { return chatTemplate.find(marker) != std::string::npos; };
  if (has("<|im_start|>")) return ChatFamily::ChatMl;
  if (has("<|start_header_id|>")) return ChatFamily::Llama3;
  if (has("[INST]") && has("<<SYS>>")) return ChatFamily::Llama2;
  if (has("[INST]")) return ChatFamily::MistralInstruct;
  return std::nullopt;
}

OllamaModelfile makeOllamaModelfile(const std::string& ggufFileName, const std::optional<std::string>& chatTemplate,
                                    const std::optional<std::string>& eosText) {
  OllamaModelfile modelfile;
  if (chatTemplate) {
    const std::optional<ChatFamily> family = recognizeChatFamily(*chatTemplate);
    if (!family) {
      throw Error("Ollama Modelfile: the model's chat template is none of the formats Tiertune can write for Ollama "
                  "(ChatML/Qwen, Llama 3, Llama 2 or Mistral [INST]). Export the GGUF without the Modelfile and "
                  "write its TEMPLATE by hand.");
    }
    switch (*family) {
      case ChatFamily::ChatMl:
        modelfile.templateText = kChatMlTemplate;
        modelfile.stops = {"<|im_start|>", "<|im_end|>"};
        break;
      case ChatFamily::Llama3:
        modelfile.templateText = kLlama3Template;
        modelfile.stops = {"<|start_header_id|>", "<|end_header_id|>", "<|eot_id|>"};
        // Llama 3.1's tool calls end their turn with <|eom_id|> instead.
        if (chatTemplate->find("<|eom_id|>") != std::string::npos) modelfile.stops.push_back("<|eom_id|>");
        break;
      case ChatFamily::Llama2:
        modelfile.templateText = kLlama2Template;
        modelfile.stops = {"[INST]", "[/INST]", "<<SYS>>", "<</SYS>>"};
        break;
      case ChatFamily::MistralInstruct: {
        const bool spaceBeforeClose = chatTemplate->find(" [/INST]") != std::string::npos;
        modelfile.templateText = replaceOnce(replaceOnce(kMistralTemplate, "CLOSE", spaceBeforeClose ? " [/INST]" : "[/INST]"),
                                             "ANSWER", spaceBeforeClose ? "" : " ");
        modelfile.stops = {"[INST]", "[/INST]"};
        break;
      }
    }
  }
  if (eosText && std::find(modelfile.stops.begin(), modelfile.stops.end(), *eosText) == modelfile.stops.end()) {
    modelfile.stops.push_back(*eosText);
  }

  modelfile.text = "# Ollama Modelfile written by Tiertune. In this folder: ollama create NAME -f Modelfile\n";
  modelfile.text += "FROM ./" + ggufFileName + "\n";
  if (!modelfile.templateText.empty()) modelfile.text += "TEMPLATE \"\"\"" + modelfile.templateText + "\"\"\"\n";
  for (const std::string& stop : modelfile.stops) modelfile.text += "PARAMETER stop " + quoted(stop) + "\n";
  return modelfile;
}

}  // namespace tiertune::exporting
