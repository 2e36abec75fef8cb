// The Ollama Modelfile written beside a GGUF export: FROM the file, a TEMPLATE in Ollama's Go
// template syntax for the chat format the model's Jinja chat template follows, and a
// `PARAMETER stop` line for each token that ends a turn (without them Ollama lets a fine-tuned
// model run on past its answer, the most common complaint). The family is recognized from the
// template's text: ChatML (Qwen), Llama 3 headers, Llama 2 [INST] with <<SYS>>, Mistral [INST].
// Used by gguf_export.cpp.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace tiertune::exports {

enum class ChatFamily { ChatMl, Llama3, Llama2, MistralInstruct };

// nullopt for a template of none of the families.
std::optional<ChatFamily> recognizeChatFamily(const std::string& chatTemplate);

struct OllamaModelfile {
  std::string templateText;        // empty for a model without a chat template (raw prompts)
  std::vector<std::string> stops;  // in the order written
  std::string text;                // the whole Modelfile
};

// chatTemplate: the model's Jinja template, or nullopt for a base model, which gets no TEMPLATE
// (Ollama passes the prompt through) and stops at its EOS token. eosText: the EOS token, added to
// the stops when the family's own tokens do not include it. For the Mistral [INST] family the
// spaces and the system prompt's place are read from a rendering of the template (with bosText
// and eosText as its special tokens); one that cannot be rendered gets "[INST] text [/INST]answer</s>".
// Throws tiertune::Error for a template of an unknown family, naming the families known.
OllamaModelfile makeOllamaModelfile(const std::string& ggufFileName, const std::optional<std::string>& chatTemplate,
                                    const std::optional<std::string>& eosText,
                                    const std::optional<std::string>& bosText = std::nullopt);

}  // namespace tiertune::exports
