#include "core/export/ollama_modelfile.h"

#include <algorithm>

#include "core/formats/chat_template/chat_template.h"
#include "core/util/error.h"

namespace tiertune::exports {
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

// Mistral's templates differ between versions in spaces and in where the system prompt goes
// (v0.1: "[INST] text [/INST]answer</s> ", Mixtral: " [INST] text [/INST] answer</s>", v0.3:
// "[INST] text[/INST] answer</s>", system before the first or the last user message). The pieces
// are read from a rendering of the model's own template (probeInstPieces) and written as Go string
// literals, so that no "{{-" of the template trims their spaces.
constexpr const char* kInstTemplate = R"({{- $system := .System }}
{{- range $i, $_ := .Messages }}
{{- $last := eq (len (slice $.Messages $i)) 1 }}
{{- if eq .Role "user" }}{{ USER_OPEN }}{{ if and $system SYSTEM_TURN }}{{ $system }}{{ SYSTEM_SEPARATOR }}{{ $system = "" }}{{ end }}{{ .Content }}{{ USER_CLOSE }}
{{- else if eq .Role "assistant" }}{{ ANSWER_OPEN }}{{ .Content }}{{ ANSWER_CLOSE }}
{{- end }}
{{- end }})";

struct InstPieces {
  std::string userOpen = "[INST] ", userClose = " [/INST]", answerOpen, answerClose = "</s>", systemSeparator = "\n\n";
  bool systemInFirstTurn = false;
};

// The pieces around the messages of two probe conversations rendered by the model's template, or
// nullopt when it cannot be rendered or does not have the [INST] shape.
std::optional<InstPieces> probeInstPieces(const std::string& source, const std::string& bos, const std::string& eos) {
  try {
    const formats::ChatTemplate chat = formats::ChatTemplate::parse(source);
    formats::SpecialTokens tokens;
    tokens.tokens = {{"bos_token", bos}, {"eos_token", eos}};
    const auto render = [&](const std::vector<std::pair<const char*, const char*>>& messages) {
      formats::ChatRequest request;
      for (const auto& [role, content] : messages) request.messages.push_back({{"role", role}, {"content", content}});
      std::string text = chat.render(request, tokens);
      if (!bos.empty() && text.starts_with(bos)) text.erase(0, bos.size());  // llama.cpp adds BOS itself
      return text;
    };
    const std::string turns = render({{"user", "U1"}, {"assistant", "A1"}, {"user", "U2"}});
    const std::size_t u1 = turns.find("U1"), a1 = turns.find("A1"), u2 = turns.find("U2");
    if (u1 == std::string::npos || a1 == std::string::npos || u2 == std::string::npos || !(u1 < a1 && a1 < u2)) {
      return std::nullopt;
    }
    InstPieces pieces;
    pieces.userOpen = turns.substr(0, u1);
    const std::string between = turns.substr(u1 + 2, a1 - u1 - 2);
    const std::size_t close = between.find("[/INST]");
    if (close == std::string::npos) return std::nullopt;
    pieces.userClose = between.substr(0, close + 7);
    pieces.answerOpen = between.substr(close + 7);
    const std::string afterAnswer = turns.substr(a1 + 2, u2 - a1 - 2);
    if (!afterAnswer.ends_with(pieces.userOpen) || turns.substr(u2 + 2) != pieces.userClose) return std::nullopt;
    pieces.answerClose = afterAnswer.substr(0, afterAnswer.size() - pieces.userOpen.size());

    const std::string withSystem = render({{"system", "S1"}, {"user", "U1"}, {"assistant", "A1"}, {"user", "U2"}});
    const std::size_t s1 = withSystem.find("S1");
    if (s1 == std::string::npos) return std::nullopt;
    pieces.systemInFirstTurn = s1 < withSystem.find("U1");
    const std::size_t next = withSystem.find(pieces.systemInFirstTurn ? "U1" : "U2");
    pieces.systemSeparator = withSystem.substr(s1 + 2, next - s1 - 2);
    // The system prompt must sit right after the turn's opening, as the Ollama template puts it.
    if (withSystem.substr(0, s1) != (pieces.systemInFirstTurn ? pieces.userOpen : turns.substr(0, u2))) return std::nullopt;
    return pieces;
  } catch (const std::exception&) {
    return std::nullopt;  // a template that fails on these conversations: the fixed shape is used
  }
}

// A Go template string literal: printed as is, never trimmed.
std::string goString(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out + "\"";
}

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
                                    const std::optional<std::string>& eosText, const std::optional<std::string>& bosText) {
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
        const InstPieces pieces = probeInstPieces(*chatTemplate, bosText.value_or(""), eosText.value_or("</s>"))
                                      .value_or(InstPieces{});
        std::string text = kInstTemplate;
        text = replaceOnce(text, "USER_OPEN", goString(pieces.userOpen));
        text = replaceOnce(text, "SYSTEM_TURN", pieces.systemInFirstTurn ? "true" : "$last");
        text = replaceOnce(text, "SYSTEM_SEPARATOR", goString(pieces.systemSeparator));
        text = replaceOnce(text, "USER_CLOSE", goString(pieces.userClose));
        text = replaceOnce(text, "ANSWER_OPEN", goString(pieces.answerOpen));
        modelfile.templateText = replaceOnce(text, "ANSWER_CLOSE", goString(pieces.answerClose));
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

}  // namespace tiertune::exports
