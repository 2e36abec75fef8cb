#include "core/documents/qa_review.h"

#include <algorithm>
#include <map>
#include <utility>

#include <nlohmann/json.hpp>

#include "core/util/durable_file.h"
#include "core/util/error.h"
#include "core/util/json_text.h"
#include "core/util/read_file.h"

namespace tiertune::documents {

namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;

namespace {

constexpr const char* kReviewFile = "review.json";

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::string trimmed(std::string_view text) {
  while (!text.empty() && isSpace(text.front())) text.remove_prefix(1);
  while (!text.empty() && isSpace(text.back())) text.remove_suffix(1);
  return std::string(text);
}

std::string lowerAscii(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return lower;
}

// review.json's entry for one pair, or nothing when the pair is as generated and kept.
std::optional<Json> entryJson(const QaReviewPair& pair) {
  if (!pair.rejected && !pair.edit) return std::nullopt;
  Json entry{{"chunk", pair.chunk}, {"pair", pair.index}, {"rejected", pair.rejected}};
  if (pair.edit) {
    entry["question"] = pair.edit->question;
    entry["answer"] = pair.edit->answer;
  }
  return entry;
}

std::uint64_t wholeField(const Json& entry, const char* name, const std::string& where) {
  if (!entry.contains(name) || !entry.at(name).is_number_unsigned()) {
    throw Error(where + ": \"" + name + "\" is missing or not a whole number");
  }
  return entry.at(name).get<std::uint64_t>();
}

std::string textField(const Json& entry, const char* name, const std::string& where) {
  if (!entry.contains(name) || !entry.at(name).is_string()) {
    throw Error(where + ": \"" + name + "\" is missing or not text");
  }
  std::string text = trimmed(entry.at(name).get<std::string>());
  if (text.empty()) throw Error(where + ": \"" + name + "\" is empty");
  return text;
}

}  // namespace

const char* qaPairStateName(QaPairState state) {
  switch (state) {
    case QaPairState::Accepted: return "accepted";
    case QaPairState::Edited: return "edited";
    case QaPairState::Rejected: return "rejected";
  }
  return "unknown";
}

QaReview QaReview::open(const fs::path& jobFolder) {
  const QaJob job = QaJob::open(jobFolder);
  return fileErrorsInWords("Cannot read the review of the question job", [&] {
    QaReview review;
    review.file_ = jobFolder / kReviewFile;
    review.jobKey_ = job.key();
    review.chunkCount_ = job.chunks().size();
    review.jobComplete_ = job.complete();
    std::map<std::pair<std::size_t, std::size_t>, std::size_t> positionOf;  // (chunk, index) -> position
    for (const QaChunkResult& result : job.results()) {
      const QaChunk& chunk = job.chunks()[result.chunk];
      if (result.failed()) {
        review.failed_.push_back(
            QaFailedChunk{result.chunk, chunk.source, chunk.text, result.failure, result.attempts});
        continue;
      }
      for (std::size_t index = 0; index < result.pairs.size(); ++index) {
        positionOf[{result.chunk, index}] = review.pairs_.size();
        review.pairs_.push_back(
            QaReviewPair{result.chunk, index, chunk.source, result.pairs[index], std::nullopt, false});
      }
    }
    if (!fs::exists(review.file_)) return review;

    const std::string source = review.file_.string();
    Json root;
    try {
      root = parseJsonText<Json>(readWholeFile(review.file_, kDataFileLimit), source);
    } catch (const nlohmann::json::exception& error) {
      throw Error(source + " is not valid JSON: " + error.what());
    }
    if (!root.is_object() || !root.contains("job") || !root.at("job").is_string() || !root.contains("pairs") ||
        !root.at("pairs").is_array()) {
      throw Error(source + " is not the review of a question job (it needs \"job\" and \"pairs\")");
    }
    if (root.at("job").get<std::string>() != review.jobKey_) {
      throw Error(source + " is the review of another question job than the one in " + jobFolder.string());
    }
    std::size_t number = 0;
    std::vector<bool> seen(review.pairs_.size(), false);
    for (const Json& entry : root.at("pairs")) {
      const std::string where = source + " entry " + std::to_string(++number);
      if (!entry.is_object()) throw Error(where + ": is not an object");
      const std::size_t chunk = wholeField(entry, "chunk", where);
      const std::size_t index = wholeField(entry, "pair", where);
      const auto found = positionOf.find({chunk, index});
      if (found == positionOf.end()) {
        throw Error(where + ": the job has no pair " + std::to_string(index + 1) + " of chunk " +
                    std::to_string(chunk + 1));
      }
      if (seen[found->second]) throw Error(where + ": repeats an earlier entry for the same pair");
      seen[found->second] = true;
      QaReviewPair& pair = review.pairs_[found->second];
      if (!entry.contains("rejected") || !entry.at("rejected").is_boolean()) {
        throw Error(where + ": \"rejected\" is missing or not true or false");
      }
      pair.rejected = entry.at("rejected").get<bool>();
      if (entry.contains("question") || entry.contains("answer")) {
        pair.edit = QaPair{textField(entry, "question", where), textField(entry, "answer", where)};
      }
    }
    return review;
  });
}

std::vector<std::size_t> QaReview::filter(const QaPairFilter& filter) const {
  const std::string needle = lowerAscii(filter.text);
  std::vector<std::size_t> matches;
  for (std::size_t position = 0; position < pairs_.size(); ++position) {
    const QaReviewPair& pair = pairs_[position];
    if (filter.state && pair.state() != *filter.state) continue;
    if (!filter.document.empty() && pair.source.document != filter.document) continue;
    if (!needle.empty() && lowerAscii(pair.text().question).find(needle) == std::string::npos &&
        lowerAscii(pair.text().answer).find(needle) == std::string::npos) {
      continue;
    }
    matches.push_back(position);
  }
  return matches;
}

std::vector<std::string> QaReview::documents() const {
  std::vector<std::string> names;
  for (const QaReviewPair& pair : pairs_) {
    if (std::find(names.begin(), names.end(), pair.source.document) == names.end()) {
      names.push_back(pair.source.document);
    }
  }
  return names;
}

void QaReview::checkPositions(std::span<const std::size_t> positions) const {
  for (const std::size_t position : positions) {
    if (position >= pairs_.size()) {
      throw Error("there is no pair " + std::to_string(position + 1) + " to review; the job has " +
                  std::to_string(pairs_.size()));
    }
  }
}

void QaReview::reject(std::span<const std::size_t> positions) { setRejected(positions, true); }

void QaReview::accept(std::span<const std::size_t> positions) { setRejected(positions, false); }

void QaReview::setRejected(std::span<const std::size_t> positions, bool rejected) {
  checkPositions(positions);
  std::vector<std::pair<std::size_t, bool>> before;
  before.reserve(positions.size());
  for (const std::size_t position : positions) {
    before.emplace_back(position, pairs_[position].rejected);
    pairs_[position].rejected = rejected;
  }
  try {
    save();
  } catch (...) {
    // Undone in reverse, so a position given twice gets its first state back.
    for (auto undo = before.rbegin(); undo != before.rend(); ++undo) pairs_[undo->first].rejected = undo->second;
    throw;
  }
}

void QaReview::edit(std::size_t position, std::string_view question, std::string_view answer) {
  const std::size_t positions[] = {position};
  checkPositions(positions);
  QaPair edited{trimmed(question), trimmed(answer)};
  if (edited.question.empty()) throw Error("the question is empty; write a question, or reject the pair");
  if (edited.answer.empty()) throw Error("the answer is empty; write an answer, or reject the pair");
  QaReviewPair& pair = pairs_[position];
  const QaReviewPair before = pair;
  pair.edit = std::move(edited);
  pair.rejected = false;
  try {
    save();
  } catch (...) {
    pair = before;
    throw;
  }
}

void QaReview::revertEdit(std::size_t position) {
  const std::size_t positions[] = {position};
  checkPositions(positions);
  QaReviewPair& pair = pairs_[position];
  const QaReviewPair before = pair;
  pair.edit.reset();
  try {
    save();
  } catch (...) {
    pair = before;
    throw;
  }
}

std::vector<QaReviewPair> QaReview::acceptedPairs() const {
  std::vector<QaReviewPair> kept;
  for (const QaReviewPair& pair : pairs_) {
    if (!pair.rejected) kept.push_back(pair);
  }
  return kept;
}

void QaReview::save() const {
  Json entries = Json::array();
  for (const QaReviewPair& pair : pairs_) {
    if (std::optional<Json> entry = entryJson(pair)) entries.push_back(std::move(*entry));
  }
  const Json root{{"job", jobKey_}, {"pairs", std::move(entries)}};
  writeFileAtomically(file_, root.dump(1, ' ', false, Json::error_handler_t::replace) + "\n");
}

}  // namespace tiertune::documents
