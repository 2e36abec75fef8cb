// Question-answer generation over a set of chunks as a job that survives the app being closed: a
// generator model reads each chunk with the prompt (qa_prompt), writes N questions with answers,
// and the strict parser (qa_reply) keeps the reply whole or refuses it; a refused reply is retried
// once, then the chunk is recorded as failed with both raw replies, never dropped or half kept.
// Used by the documents wizard (on a worker thread) and `tiertune-cli dataset from-documents`;
// the review of the pairs before the import is qa_review.
//
// The job's folder (the caller's, e.g. DATA_FOLDER/document-jobs/NAME):
//   job.json       the settings and the job's key: SHA-256 of the settings and of chunks.jsonl
//   chunks.jsonl   the chunks with where they came from (document, title, pages, section, text)
//   results.jsonl  one line per finished chunk: its pairs, or why it failed, with every attempt's
//                  raw reply
//   review.json    the review's decisions (qa_review)
//
// Crash behaviour (tests/documents/tst_qa_generation checks (2) to (4); (1) is StagingFolder's):
//  (1) The folder appears with job.json and chunks.jsonl complete or not at all (a staging folder
//      renamed into place).
//  (2) A results line is appended and fsynced once its chunk is finished, before the next chunk
//      starts; a chunk without a line is generated again from its first attempt.
//  (3) A last line cut short (the program killed while writing it) or not readable is ignored
//      when the job is read and cut off the file before the next line is appended; a damaged line
//      before the last one is an error naming the file and the line.
//  (4) One process generates a job at a time (an exclusive lock on the folder while run() runs).
// Retry: the same prompt with a paragraph that names what was wrong with the first reply and asks
// again for only the JSON array (qaRetryMessage), with the sampling seed moved on by one. With
// greedy decoding (the default) a plain second draw would repeat the first reply token for token,
// and a higher temperature makes strict JSON less likely, not more; the correction changes the
// prompt and tells an instruct model what to do differently. The first reply is not sent back as
// a turn of the conversation: it may be a whole token limit of noise, which would take up the
// context (perhaps more than is left) and give the model its own mistake to continue.
#pragma once

#include <atomic>
#include <cstddef>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/documents/document.h"
#include "core/documents/document_chunks.h"
#include "core/documents/qa_prompt.h"
#include "core/documents/qa_reply.h"
#include "core/infer/generator.h"
#include "core/infer/model_runner.h"
#include "core/infer/model_text.h"
#include "core/infer/sampler.h"
#include "core/infer/sequence_model.h"
#include "kernels/backend.h"

namespace tiertune::documents {

// Where a chunk came from, for the review table and the dataset's provenance.
struct QaSource {
  std::string document;  // the document's file name ("handbook.pdf")
  std::string title;     // the document's title
  std::string section;   // the section the chunk starts in; empty before the first heading
  int firstPage = 0, lastPage = 0;  // 0 where the format has no pages
  bool operator==(const QaSource&) const = default;
};

struct QaChunk {
  QaSource source;
  std::string text;
  bool operator==(const QaChunk&) const = default;
};

// The chunks with their documents' names and titles, in order. Throws tiertune::Error for a chunk
// whose document index is not one of documents.
std::vector<QaChunk> qaChunks(const std::vector<Document>& documents, const std::vector<Chunk>& chunks);
// The chunk a QaChunk was made from, as renderQaPrompt takes it.
Chunk chunkOf(const QaChunk& chunk);

// New tokens allowed per question when QaSettings::maxNewTokens is 0: a question and its answer of
// a few sentences each, with the JSON around them.
inline constexpr std::size_t kQaTokensPerQuestion = 128;
// Chunks whose replies are generated at once by default (openQaGenerator).
inline constexpr std::size_t kQaBatchSlots = 8;

struct QaSettings {
  std::filesystem::path modelFolder;       // the generator, a model folder from the catalog
  std::string prompt{defaultQaPrompt()};   // checked by checkQaPrompt
  std::size_t questionsPerChunk = 3;       // 1 to 50
  infer::SamplingSettings sampling{.temperature = 0};  // greedy unless the user asks for sampling
  std::size_t maxNewTokens = 0;            // per reply; 0: kQaTokensPerQuestion per question
};

// One reply of the model to one prompt.
struct QaAttempt {
  std::string reply;                                     // as generated, whole
  std::string problem;                                   // why the parser refused it; empty: accepted
  infer::StopReason stopped = infer::StopReason::EndOfText;
  std::size_t promptTokens = 0, replyTokens = 0;
  double seconds = 0;
  bool operator==(const QaAttempt&) const = default;
};

// A finished chunk: its pairs, or why it failed. Never both.
struct QaChunkResult {
  std::size_t chunk = 0;               // index into the job's chunks
  std::vector<QaPair> pairs;           // questionsPerChunk of them, or none when failed
  std::vector<QaAttempt> attempts;     // 1 or 2; none when the prompt did not fit the model
  std::string failure;                 // the last attempt's problem, or why none was made; empty: kept
  bool failed() const { return !failure.empty(); }
};

struct QaProgress {
  std::size_t chunksDone = 0, chunksTotal = 0;  // finished in this session and before it
  std::size_t pairs = 0, failures = 0;          // kept pairs and failed chunks so far
  double secondsElapsed = 0;                    // in this session
  std::optional<double> secondsLeft;            // this session's mean per chunk × chunks left; none before the first
  std::optional<std::size_t> currentChunk;      // the chunk being generated or just finished; none at the end
  int attempt = 0;                              // 1, or 2 for the retry; 0: currentChunk just finished
};
using QaProgressSink = std::function<void(const QaProgress&)>;

enum class QaRunEnd { Complete, Cancelled };

class QaJob {
 public:
  // The job of settings over chunks in folder: a new one when folder does not exist, else the one
  // already there when it is the same job (same settings and chunks: the key matches), to go on
  // with. Throws tiertune::Error naming the folder when it holds another job or something else,
  // and naming the setting for a prompt checkQaPrompt refuses, a question count outside 1..50,
  // sampling validateSamplingSettings refuses, or no chunks.
  static QaJob create(const std::filesystem::path& folder, QaSettings settings, std::vector<QaChunk> chunks);
  // The job in folder as its files say (the app reopened). Throws tiertune::Error naming the file,
  // line and field for a folder that is not a job or files that do not agree with job.json's key.
  static QaJob open(const std::filesystem::path& folder);

  const std::filesystem::path& folder() const { return folder_; }
  const QaSettings& settings() const { return settings_; }
  const std::vector<QaChunk>& chunks() const { return chunks_; }
  const std::string& key() const { return key_; }
  // Finished chunks in chunk order.
  std::vector<QaChunkResult> results() const;
  const QaChunkResult* result(std::size_t chunk) const;
  std::size_t finishedCount() const { return finished_; }
  bool complete() const { return finished_ == chunks_.size(); }
  std::size_t pairCount() const;
  std::size_t failureCount() const;

  // Generates every unfinished chunk, in order, with model and text (the generator's tokenizer,
  // end-of-text ids and chat template; the prompt goes through the chat template when there is
  // one, else as plain text; token ids past the tokenizer's vocabulary, which a padded model
  // vocabulary has, are never chosen). cancel, read between chunks and before every model pass, stops after
  // the current pass; the chunk it interrupted is generated again next time. onProgress is called
  // as each chunk (and retry) starts and as each chunk ends, on the calling thread. Throws
  // tiertune::Error when another process is generating this job, for a results file that cannot
  // be read or written, and what generate() and the model throw; the chunks finished so far stay.
  QaRunEnd run(infer::SequenceModel& model, const infer::ModelText& text, const QaProgressSink& onProgress = {},
               const std::atomic<bool>* cancel = nullptr);
  // The same, batched: up to model.capacity() chunks' replies generated at once (ModelRunner::load
  // with slots), each chunk's result appended as it ends (not always in chunk order; a retry goes
  // before the chunks not yet started). A chunk's pairs are the same as one at a time, up to the
  // model's fp32 summation order.
  QaRunEnd runBatched(infer::SequenceBatch& model, const infer::ModelText& text, const QaProgressSink& onProgress = {},
                      const std::atomic<bool>* cancel = nullptr);

 private:
  QaJob() = default;
  void readResults();
  void append(int fd, const QaChunkResult& result);

  std::filesystem::path folder_;
  QaSettings settings_;
  std::vector<QaChunk> chunks_;
  std::string key_;
  std::vector<std::optional<QaChunkResult>> results_;  // by chunk
  std::size_t finished_ = 0;                            // chunks with a result
  std::uintmax_t validResultBytes_ = 0;                 // results.jsonl up to its last whole line
};

// The generator of a job, opened from a model folder: its runner on backend (the caller picks the
// backend: the GPU when there is one) with `slots` sequences for batched generation, and its text
// (tokenizer, end ids, chat template). Throws
// tiertune::Error naming the file for a folder that cannot be loaded.
struct QaGenerator {
  std::unique_ptr<infer::ModelRunner> runner;
  infer::ModelText text;
};
QaGenerator openQaGenerator(kernels::Backend& backend, const std::filesystem::path& modelFolder,
                            std::size_t sequences = kQaBatchSlots);

}  // namespace tiertune::documents
