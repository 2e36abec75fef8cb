// The review of a question job's pairs before they become a dataset: every pair with where it came
// from (document, pages, section), rejected or edited by the user, filtered for the review table,
// and the chunks that failed with their reasons and raw replies, so that nothing is lost unseen.
// The decisions live in the job's folder as review.json, written atomically at every change, so a
// review closed half-way opens as it was left. Used by the documents wizard's review page and the
// CLI; the import (document_dataset) takes acceptedPairs().
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/documents/qa_job.h"
#include "core/documents/qa_reply.h"

namespace tiertune::documents {

enum class QaPairState {
  Accepted,  // kept as the model wrote it (every pair starts so)
  Edited,    // kept with the user's text
  Rejected,  // left out of the dataset
};

// "accepted", "edited", "rejected": the words review.json uses.
const char* qaPairStateName(QaPairState state);

struct QaReviewPair {
  std::size_t chunk = 0;  // index into the job's chunks
  std::size_t index = 0;  // its place in the chunk's reply, from 0
  QaSource source;
  QaPair generated;             // as the model wrote it
  std::optional<QaPair> edit;   // the user's text, kept while the pair is rejected too
  bool rejected = false;

  QaPairState state() const {
    return rejected ? QaPairState::Rejected : edit ? QaPairState::Edited : QaPairState::Accepted;
  }
  // What goes into the dataset when kept: the user's text when edited, else the model's.
  const QaPair& text() const { return edit ? *edit : generated; }
};

// A chunk whose replies were refused, for the list beside the review table.
struct QaFailedChunk {
  std::size_t chunk = 0;
  QaSource source;
  std::string text;                 // the chunk's text
  std::string reason;               // why it failed (QaChunkResult::failure)
  std::vector<QaAttempt> attempts;  // each reply with its own problem
};

// What the review table shows; each part left empty matches everything.
struct QaPairFilter {
  std::optional<QaPairState> state;
  std::string text;      // in the question or the answer (the text() kept), ASCII letters without case
  std::string document;  // the document's file name, exactly
};

class QaReview {
 public:
  // The pairs of the job in jobFolder as they stand (a job still generating shows its finished
  // chunks) with the decisions in review.json. Throws tiertune::Error naming the file and entry for
  // a review.json of another job or one naming a pair the job does not have.
  static QaReview open(const std::filesystem::path& jobFolder);

  // In chunk order, then in the order of each reply.
  const std::vector<QaReviewPair>& pairs() const { return pairs_; }
  const std::vector<QaFailedChunk>& failedChunks() const { return failed_; }
  std::size_t chunkCount() const { return chunkCount_; }  // of the job, finished or not
  bool jobComplete() const { return jobComplete_; }

  // Positions in pairs() that filter matches, in order.
  std::vector<std::size_t> filter(const QaPairFilter& filter) const;
  // The documents that pairs came from, each once, in the order of their first pair (for a filter).
  std::vector<std::string> documents() const;

  // Each of these changes the pairs at positions in pairs() and writes review.json before it
  // returns. Throws tiertune::Error for a position out of range (nothing changed) and naming the
  // file when it cannot be written (the change is undone).
  void reject(std::span<const std::size_t> positions);
  // Takes rejected pairs back: an edited one comes back with its edit.
  void accept(std::span<const std::size_t> positions);
  // The user's text for one pair, which is then kept (un-rejected). Throws tiertune::Error, nothing
  // changed, for a question or an answer that is empty after trimming.
  void edit(std::size_t position, std::string_view question, std::string_view answer);
  // Back to the model's text.
  void revertEdit(std::size_t position);

  // What the import takes: the pairs kept (accepted or edited), in order, with their sources.
  std::vector<QaReviewPair> acceptedPairs() const;

 private:
  QaReview() = default;
  void checkPositions(std::span<const std::size_t> positions) const;
  void setRejected(std::span<const std::size_t> positions, bool rejected);
  void save() const;

  std::filesystem::path file_;
  std::string jobKey_;
  std::vector<QaReviewPair> pairs_;
  std::vector<QaFailedChunk> failed_;
  std::size_t chunkCount_ = 0;
  bool jobComplete_ = false;
};

}  // namespace tiertune::documents
