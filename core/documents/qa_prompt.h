// The instruction a generator model reads to write questions and answers about one chunk of a
// document: a default in English that the user may edit, its placeholders filled in from the chunk,
// and the short correction sent with a retry after a reply the strict parser (qa_reply) refused.
// Used by the question-answer job (qa_job) and by the front ends that let the user edit the prompt.
//
// A placeholder is a name in braces: {count} (questions to write), {title} (the document's title),
// {section} (the heading the chunk starts under), {pages} ("4" or "4-6") and {text} (the chunk).
// Only a brace followed by a letter or '_' and a name up to '}' is a placeholder, so a JSON example
// such as [{"question": "...?"}] in the prompt stays as it is written.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "core/documents/document_chunks.h"

namespace tiertune::documents {

// The default prompt: asks for exactly {count} question-answer pairs answerable from the passage
// alone, as a JSON array of {"question": ..., "answer": ...} objects and nothing else.
std::string_view defaultQaPrompt();

// Throws tiertune::Error, naming the placeholder, for a prompt without {text} (the model would
// never see the chunk) or with a placeholder other than the five above (a typo would otherwise
// reach the model as it is).
void checkQaPrompt(std::string_view prompt);

// What a placeholder becomes for a value that is absent: an empty section or a chunk without pages.
inline constexpr std::string_view kQaPromptNone = "(none)";

// "4", "4-6", or kQaPromptNone when the format has no pages (firstPage 0).
std::string qaPagesText(int firstPage, int lastPage);

// The user message for one chunk: prompt (checked as checkQaPrompt does) with every placeholder
// replaced in one pass, so a chunk whose text contains "{count}" is passed on as written.
std::string renderQaPrompt(std::string_view prompt, const Chunk& chunk, std::string_view documentTitle,
                           std::size_t count);

// The user message of a retry: message, then a paragraph that says what was wrong with the first
// reply (problem: qa_reply's reason) and asks again for only the JSON array of count objects.
std::string qaRetryMessage(std::string_view message, std::string_view problem, std::size_t count);

}  // namespace tiertune::documents
