// The strict reading of a generator model's reply to the question-answer prompt (qa_prompt): the
// reply is used whole or not at all, and a refused reply gets a reason in words that says where it
// went wrong ("item 2 has no \"answer\"", "3 pairs instead of 5"), which the job records, shows in
// the review and sends back to the model with its one retry. Used by qa_job; pure, no files.
//
// Accepted, exactly: optional whitespace; optionally one Markdown code fence (```json or ``` on its
// own line, ``` on the last line) around the JSON; a JSON array of exactly `count` objects, each with
// exactly the string keys "question" and "answer", both non-empty after trimming and at most
// kQaTextMaxChars characters, the question ending with a question mark (?, or the full-width, Arabic
// or Greek one), and no question asked twice (compared without case and runs of spaces).
// Anything else is refused: prose before or after the array, an array cut off, another key, a
// number or a list where text belongs, too many or too few pairs.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tiertune::documents {

// At most, per question and per answer, in Unicode characters.
inline constexpr std::size_t kQaTextMaxChars = 2000;
// At most, per reply (which maxNewTokens bounds long before this).
inline constexpr std::size_t kQaReplyMaxBytes = std::size_t{1} << 20;

struct QaPair {
  std::string question;  // trimmed
  std::string answer;    // trimmed
  bool operator==(const QaPair&) const = default;
};

enum class QaReplyProblemKind {
  Empty,             // nothing but whitespace
  TooLarge,          // over kQaReplyMaxBytes
  FenceNotClosed,    // ``` opens a code fence that never closes
  FenceNotJson,      // the fence names another language (```python)
  NotAnArray,        // the reply (or its fence) does not begin with '[': prose before it, or an object
  Unfinished,        // the array is not closed: the reply was cut off
  TextAfter,         // something follows the array (or the closing fence)
  NotJson,           // the array is not valid JSON
  TooDeep,           // nested lists or objects deeper than any answer needs
  ItemNotObject,     // an item is not an object
  ItemExtraKey,      // an item has a key other than "question" and "answer"
  ItemRepeatedKey,   // an item has the same key twice
  ItemMissingKey,    // an item lacks "question" or "answer"
  ItemNotText,       // "question" or "answer" is not a string
  ItemEmptyText,     // ... is empty after trimming
  ItemTextTooLong,   // ... has more than kQaTextMaxChars characters
  ItemNoQuestionMark,
  ItemRepeatedQuestion,
  WrongCount,        // another number of pairs than asked for
};

struct QaReplyProblem {
  QaReplyProblemKind kind = QaReplyProblemKind::NotJson;
  std::size_t item = 0;  // the item it is in, from 1; 0 for the reply as a whole
  std::string reason;    // in words, lower case, no final period: "item 2 has no \"answer\""
};

// Either count pairs and no problem, or no pairs and the problem: never part of a reply.
struct QaReply {
  std::vector<QaPair> pairs;
  std::optional<QaReplyProblem> problem;
  bool accepted() const { return !problem.has_value(); }
};

// count: the pairs the prompt asked for (at least 1).
QaReply parseQaReply(std::string_view reply, std::size_t count);

}  // namespace tiertune::documents
