#include "core/documents/qa_prompt.h"

#include <array>
#include <optional>

#include "core/util/error.h"

namespace tiertune::documents {

namespace {

constexpr std::string_view kDefaultPrompt =
    "Read the passage below from a document of our team. Write {count} questions that a colleague could ask "
    "about it, each with its answer.\n"
    "- Every question must be answerable from the passage alone, and every answer must say only what the "
    "passage says.\n"
    "- Each question must make sense on its own, without the passage at hand, and end with a question mark.\n"
    "- Write the questions and answers in the language of the passage.\n"
    "\n"
    "Reply with only a JSON array of exactly {count} objects, each with exactly the keys \"question\" and "
    "\"answer\", and nothing before or after it:\n"
    "[{\"question\": \"...?\", \"answer\": \"...\"}]\n"
    "\n"
    "Document: {title}\n"
    "Section: {section}\n"
    "Pages: {pages}\n"
    "\n"
    "Passage:\n"
    "{text}";

constexpr std::array<std::string_view, 5> kPlaceholders = {"count", "title", "section", "pages", "text"};

bool startsName(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool inName(char c) { return startsName(c) || (c >= '0' && c <= '9'); }

// The placeholder's name when prompt[at] opens one ("{name}"), with its length including braces.
std::optional<std::string_view> placeholderAt(std::string_view prompt, std::size_t at, std::size_t& length) {
  if (prompt[at] != '{' || at + 1 >= prompt.size() || !startsName(prompt[at + 1])) return std::nullopt;
  std::size_t end = at + 1;
  while (end < prompt.size() && inName(prompt[end])) ++end;
  if (end >= prompt.size() || prompt[end] != '}') return std::nullopt;
  length = end + 1 - at;
  return prompt.substr(at + 1, end - at - 1);
}

bool known(std::string_view name) {
  for (const std::string_view placeholder : kPlaceholders) {
    if (name == placeholder) return true;
  }
  return false;
}

}  // namespace

std::string_view defaultQaPrompt() { return kDefaultPrompt; }

void checkQaPrompt(std::string_view prompt) {
  bool hasText = false;
  for (std::size_t at = 0; at < prompt.size(); ++at) {
    std::size_t length = 0;
    const std::optional<std::string_view> name = placeholderAt(prompt, at, length);
    if (!name) continue;
    if (!known(*name)) {
      throw Error("the prompt has the placeholder {" + std::string(*name) +
                  "}, which is not one of {count}, {title}, {section}, {pages} and {text}");
    }
    hasText = hasText || *name == "text";
    at += length - 1;
  }
  if (!hasText) throw Error("the prompt has no {text} placeholder, so the model would never see the passage");
}

std::string qaPagesText(int firstPage, int lastPage) {
  if (firstPage <= 0) return std::string(kQaPromptNone);
  if (lastPage <= firstPage) return std::to_string(firstPage);
  return std::to_string(firstPage) + "-" + std::to_string(lastPage);
}

std::string renderQaPrompt(std::string_view prompt, const Chunk& chunk, std::string_view documentTitle,
                           std::size_t count) {
  checkQaPrompt(prompt);
  auto orNone = [](std::string_view value) { return value.empty() ? kQaPromptNone : value; };
  std::string message;
  message.reserve(prompt.size() + chunk.text.size());
  for (std::size_t at = 0; at < prompt.size(); ++at) {
    std::size_t length = 0;
    const std::optional<std::string_view> name = placeholderAt(prompt, at, length);
    if (!name) {
      message += prompt[at];
      continue;
    }
    if (*name == "count") message += std::to_string(count);
    if (*name == "title") message += orNone(documentTitle);
    if (*name == "section") message += orNone(chunk.section);
    if (*name == "pages") message += qaPagesText(chunk.firstPage, chunk.lastPage);
    if (*name == "text") message += chunk.text;
    at += length - 1;
  }
  return message;
}

std::string qaRetryMessage(std::string_view message, std::string_view problem, std::size_t count) {
  std::string retry(message);
  retry += "\n\nYour previous reply could not be used: ";
  retry += problem;
  retry += ". Reply with only the JSON array of " + std::to_string(count) +
           " objects with the keys \"question\" and \"answer\", and nothing before or after it.";
  return retry;
}

}  // namespace tiertune::documents
