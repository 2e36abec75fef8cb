// One training example as the importers understand it, whatever shape its file had: a chat
// (alpaca, ShareGPT and OpenAI-style messages all become one), a prompt with its completion, or
// plain text for continued pre-training. And the problems a row can have, each with the row and
// line it came from, so that nothing is dropped without appearing in the validation report.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "core/util/words.h"

namespace tiertune::data {

struct ChatMessage {
  std::string role;  // "system", "user", "assistant"
  std::string content;
};

struct Example {
  enum class Kind { Chat, Completion, Text };
  Kind kind = Kind::Chat;
  std::vector<ChatMessage> messages;  // Chat
  std::string prompt, completion;     // Completion
  std::string text;                   // Text
};

enum class RowProblemKind {
  InvalidJson,       // the line or element is not JSON; detail says where
  NotAnObject,       // a JSON value that is not an object
  MissingField,      // detail: the field
  WrongType,         // detail: the field and what it should be
  EmptyField,        // detail: the field
  UnknownRole,       // detail: the role
  EmptyResponse,     // no assistant turn with text, or an empty output/completion
  BadCsvRow,         // wrong number of columns, text after a closing quote
  TooLong,           // longer than the context (when the user chose to skip)
  Duplicate,         // the same example as an earlier row
  TemplateRefused,   // the chat template raised an error for this conversation; detail: its words
  AnswerNotFound,    // the rendered text does not show where the answers are, so no loss mask
  UnreadableFile,    // a document of a text folder that cannot be read as text; detail: why
  NotUtf8,           // a line that is not UTF-8 in a file that otherwise is
  RowTooLarge,       // a row longer than kMaxRowBytes, left unread
};

inline constexpr std::size_t kRowProblemKinds = static_cast<std::size_t>(RowProblemKind::RowTooLarge) + 1;

// "invalid JSON", "missing field", ...: the words the report and its CSV use.
const char* problemName(RowProblemKind kind);

struct RowProblem {
  std::size_t row = 0;   // record number in the file, from 1
  std::size_t line = 0;  // line where it starts, from 1 (0 when the format has no lines)
  RowProblemKind kind = RowProblemKind::InvalidJson;
  Words detail = "";  // a sentence a non-specialist understands (translated by the window)
};

}  // namespace tiertune::data
