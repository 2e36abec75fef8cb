#include "core/documents/qa_job.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <map>
#include <deque>
#include <limits>
#include <span>
#include <utility>

#include <nlohmann/json.hpp>

#include "core/util/durable_file.h"
#include "core/util/error.h"
#include "core/util/folder_lock.h"
#include "core/util/json_text.h"
#include "core/util/read_file.h"
#include "core/util/sha256.h"
#include "core/util/staging_folder.h"

namespace tiertune::documents {

namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;

namespace {

constexpr const char* kJobKind = "tiertune question-answer job";
constexpr int kJobVersion = 1;
constexpr std::size_t kMaxQuestionsPerChunk = 50;
constexpr const char* kJobFile = "job.json";
constexpr const char* kChunksFile = "chunks.jsonl";
constexpr const char* kResultsFile = "results.jsonl";

// Text this program writes: a reply may hold anything the tokenizer decodes, so bytes that are not
// UTF-8 become U+FFFD rather than an exception.
std::string dumpLine(const Json& value) { return value.dump(-1, ' ', false, Json::error_handler_t::replace); }

double secondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// Reading the job's own files: every refusal names the file (and line) and the field.
class Fields {
 public:
  Fields(const Json& object, std::string where) : object_(object), where_(std::move(where)) {
    if (!object_.is_object()) throw Error(where_ + ": is not a JSON object");
  }
  const Json& at(const char* name) const {
    if (!object_.contains(name)) throw Error(where_ + ": \"" + name + "\" is missing");
    return object_.at(name);
  }
  std::string text(const char* name) const {
    const Json& value = at(name);
    if (!value.is_string()) throw Error(where_ + ": \"" + name + "\" is not text");
    return value.get<std::string>();
  }
  std::uint64_t whole(const char* name) const {
    const Json& value = at(name);
    if (!value.is_number_unsigned()) throw Error(where_ + ": \"" + name + "\" is not a whole number of 0 or more");
    return value.get<std::uint64_t>();
  }
  int page(const char* name) const {
    const std::uint64_t value = whole(name);
    if (value > 10'000'000) throw Error(where_ + ": \"" + name + "\" is not a page number");
    return static_cast<int>(value);
  }
  double number(const char* name) const {
    const Json& value = at(name);
    if (!value.is_number()) throw Error(where_ + ": \"" + name + "\" is not a number");
    return value.get<double>();
  }
  const Json& array(const char* name) const {
    const Json& value = at(name);
    if (!value.is_array()) throw Error(where_ + ": \"" + name + "\" is not a list");
    return value;
  }
  Fields object(const char* name) const { return Fields(at(name), where_ + " \"" + name + "\""); }
  const std::string& where() const { return where_; }

 private:
  const Json& object_;
  std::string where_;
};

Json settingsJson(const QaSettings& settings) {
  return Json{{"model", settings.modelFolder.string()},
              {"prompt", settings.prompt},
              {"questionsPerChunk", settings.questionsPerChunk},
              {"maxNewTokens", settings.maxNewTokens},
              {"sampling",
               {{"temperature", settings.sampling.temperature},
                {"topK", settings.sampling.topK},
                {"topP", settings.sampling.topP},
                {"repetitionPenalty", settings.sampling.repetitionPenalty},
                {"seed", settings.sampling.seed}}}};
}

QaSettings settingsFrom(const Fields& fields) {
  QaSettings settings;
  settings.modelFolder = fields.text("model");
  settings.prompt = fields.text("prompt");
  settings.questionsPerChunk = fields.whole("questionsPerChunk");
  settings.maxNewTokens = fields.whole("maxNewTokens");
  const Fields sampling = fields.object("sampling");
  settings.sampling.temperature = sampling.number("temperature");
  settings.sampling.topK = sampling.whole("topK");
  settings.sampling.topP = sampling.number("topP");
  settings.sampling.repetitionPenalty = sampling.number("repetitionPenalty");
  settings.sampling.seed = sampling.whole("seed");
  return settings;
}

// Refuses what generation could not run with, naming the setting.
void checkSettings(const QaSettings& settings) {
  if (settings.modelFolder.empty()) throw Error("no generator model folder was given");
  checkQaPrompt(settings.prompt);
  if (settings.questionsPerChunk < 1 || settings.questionsPerChunk > kMaxQuestionsPerChunk) {
    throw Error("the questions per chunk must be 1 to " + std::to_string(kMaxQuestionsPerChunk) + ", not " +
                std::to_string(settings.questionsPerChunk));
  }
  if (settings.maxNewTokens == 0) throw Error("the new tokens per reply must be at least 1");
  infer::validateSamplingSettings(settings.sampling);
}

Json chunkJson(const QaChunk& chunk) {
  return Json{{"document", chunk.source.document}, {"title", chunk.source.title},
              {"section", chunk.source.section},   {"firstPage", chunk.source.firstPage},
              {"lastPage", chunk.source.lastPage}, {"text", chunk.text}};
}

QaChunk chunkFrom(const Fields& fields) {
  QaChunk chunk;
  chunk.source.document = fields.text("document");
  chunk.source.title = fields.text("title");
  chunk.source.section = fields.text("section");
  chunk.source.firstPage = fields.page("firstPage");
  chunk.source.lastPage = fields.page("lastPage");
  chunk.text = fields.text("text");
  if (chunk.text.empty()) throw Error(fields.where() + ": \"text\" is empty");
  return chunk;
}

std::string chunksText(const std::vector<QaChunk>& chunks) {
  std::string text;
  for (const QaChunk& chunk : chunks) text += dumpLine(chunkJson(chunk)) + "\n";
  return text;
}

std::string jobKey(const Json& settings, const std::string& chunks) {
  return sha256Hex(dumpLine(settings) + "\n" + chunks);
}

std::optional<infer::StopReason> stopReasonNamed(const std::string& name) {
  for (const infer::StopReason reason : {infer::StopReason::EndOfText, infer::StopReason::StopString,
                                         infer::StopReason::MaxTokens, infer::StopReason::ContextFull,
                                         infer::StopReason::Cancelled}) {
    if (name == infer::stopReasonName(reason)) return reason;
  }
  return std::nullopt;
}

Json resultJson(const QaChunkResult& result) {
  Json pairs = Json::array();
  for (const QaPair& pair : result.pairs) pairs.push_back(Json{{"question", pair.question}, {"answer", pair.answer}});
  Json attempts = Json::array();
  for (const QaAttempt& attempt : result.attempts) {
    attempts.push_back(Json{{"reply", attempt.reply},
                            {"problem", attempt.problem},
                            {"stopped", infer::stopReasonName(attempt.stopped)},
                            {"promptTokens", attempt.promptTokens},
                            {"replyTokens", attempt.replyTokens},
                            {"seconds", attempt.seconds}});
  }
  return Json{{"chunk", result.chunk}, {"pairs", pairs}, {"failure", result.failure}, {"attempts", attempts}};
}

QaChunkResult resultFrom(const Fields& fields, const QaSettings& settings, std::size_t chunkCount) {
  QaChunkResult result;
  result.chunk = fields.whole("chunk");
  if (result.chunk >= chunkCount) {
    throw Error(fields.where() + ": chunk " + std::to_string(result.chunk) + " is not one of the job's " +
                std::to_string(chunkCount) + " chunks");
  }
  for (const Json& pair : fields.array("pairs")) {
    const Fields pairFields(pair, fields.where() + " pair " + std::to_string(result.pairs.size() + 1));
    result.pairs.push_back(QaPair{pairFields.text("question"), pairFields.text("answer")});
  }
  result.failure = fields.text("failure");
  for (const Json& attempt : fields.array("attempts")) {
    const Fields attemptFields(attempt, fields.where() + " attempt " + std::to_string(result.attempts.size() + 1));
    QaAttempt read;
    read.reply = attemptFields.text("reply");
    read.problem = attemptFields.text("problem");
    const std::optional<infer::StopReason> stopped = stopReasonNamed(attemptFields.text("stopped"));
    if (!stopped) throw Error(attemptFields.where() + ": \"stopped\" is not a reason generation stops for");
    read.stopped = *stopped;
    read.promptTokens = attemptFields.whole("promptTokens");
    read.replyTokens = attemptFields.whole("replyTokens");
    read.seconds = attemptFields.number("seconds");
    result.attempts.push_back(std::move(read));
  }
  if (result.failed() ? !result.pairs.empty() : result.pairs.size() != settings.questionsPerChunk) {
    throw Error(fields.where() + ": has " + std::to_string(result.pairs.size()) + " pairs for a chunk that " +
                (result.failed() ? "failed" : "asked for " + std::to_string(settings.questionsPerChunk)));
  }
  if (result.attempts.size() > 2) throw Error(fields.where() + ": has more than two attempts");
  return result;
}

// A file descriptor closed when it goes out of scope.
class OpenFile {
 public:
  explicit OpenFile(int fd) : fd_(fd) {}
  ~OpenFile() {
    if (fd_ >= 0) ::close(fd_);
  }
  OpenFile(const OpenFile&) = delete;
  OpenFile& operator=(const OpenFile&) = delete;
  int get() const { return fd_; }

 private:
  int fd_;
};


}  // namespace

Chunk chunkOf(const QaChunk& chunk) {
  Chunk shape;
  shape.firstPage = chunk.source.firstPage;
  shape.lastPage = chunk.source.lastPage;
  shape.section = chunk.source.section;
  shape.text = chunk.text;
  return shape;
}

std::vector<QaChunk> qaChunks(const std::vector<Document>& documents, const std::vector<Chunk>& chunks) {
  std::vector<QaChunk> out;
  out.reserve(chunks.size());
  for (std::size_t i = 0; i < chunks.size(); ++i) {
    const Chunk& chunk = chunks[i];
    if (chunk.document >= documents.size()) {
      throw Error("chunk " + std::to_string(i + 1) + " comes from document " + std::to_string(chunk.document + 1) +
                  ", but there are " + std::to_string(documents.size()) + " documents");
    }
    const Document& document = documents[chunk.document];
    out.push_back(QaChunk{QaSource{document.file.filename().string(), document.title, chunk.section, chunk.firstPage,
                                   chunk.lastPage},
                          chunk.text});
  }
  return out;
}

QaJob QaJob::create(const fs::path& folder, QaSettings settings, std::vector<QaChunk> chunks) {
  return fileErrorsInWords("Cannot create the question job", [&] {
    if (settings.maxNewTokens == 0) settings.maxNewTokens = kQaTokensPerQuestion * settings.questionsPerChunk;
    checkSettings(settings);
    if (chunks.empty()) throw Error("there are no chunks to write questions about");
    for (std::size_t i = 0; i < chunks.size(); ++i) {
      if (chunks[i].text.empty()) throw Error("chunk " + std::to_string(i + 1) + " has no text");
    }
    settings.modelFolder = fs::absolute(settings.modelFolder).lexically_normal();
    const std::string chunkLines = chunksText(chunks);
    const std::string key = jobKey(settingsJson(settings), chunkLines);

    if (fs::exists(folder)) {
      if (!fs::exists(folder / kJobFile)) {
        throw Error(folder.string() + " already exists and holds no question job; choose another name");
      }
      QaJob existing = open(folder);
      if (existing.key() != key) {
        throw Error(folder.string() + " holds another question job (other documents or settings); choose another "
                    "name, or delete that job first");
      }
      return existing;
    }
    StagingFolder staging(folder);
    writeFileAtomically(staging.path() / kChunksFile, chunkLines);
    const Json job{{"kind", kJobKind},
                   {"version", kJobVersion},
                   {"key", key},
                   {"chunks", chunks.size()},
                   {"settings", settingsJson(settings)}};
    writeFileAtomically(staging.path() / kJobFile, job.dump(2, ' ', false, Json::error_handler_t::replace) + "\n");
    staging.publish(StagingFolder::AtTarget::Refuse);
    return open(folder);
  });
}

QaJob QaJob::open(const fs::path& folder) {
  return fileErrorsInWords("Cannot read the question job", [&] {
    QaJob job;
    job.folder_ = folder;
    const fs::path jobFile = folder / kJobFile;
    if (!fs::exists(jobFile)) throw Error(folder.string() + " holds no question job: it has no " + kJobFile);
    Json root;
    try {
      root = parseJsonText<Json>(readWholeFile(jobFile), jobFile.string());
    } catch (const nlohmann::json::exception& error) {
      throw Error(jobFile.string() + " is not valid JSON: " + error.what());
    }
    const Fields fields(root, jobFile.string());
    if (!root.contains("kind") || root.at("kind") != kJobKind) {
      throw Error(jobFile.string() + " is not the file of a question job");
    }
    if (fields.whole("version") != kJobVersion) {
      throw Error(jobFile.string() + ": version " + std::to_string(fields.whole("version")) +
                  " is not one this program reads (" + std::to_string(kJobVersion) + ")");
    }
    job.key_ = fields.text("key");
    job.settings_ = settingsFrom(fields.object("settings"));
    try {
      checkSettings(job.settings_);
    } catch (const Error& error) {
      throw Error(jobFile.string() + ": " + error.what());
    }

    const fs::path chunksFile = folder / kChunksFile;
    const std::string chunkLines = readWholeFile(chunksFile, kDataFileLimit);
    if (jobKey(fields.at("settings"), chunkLines) != job.key_) {
      throw Error(chunksFile.string() + " or the settings in " + jobFile.string() +
                  " were changed after the job was made; make a new job");
    }
    std::size_t line = 0;
    for (std::size_t start = 0; start < chunkLines.size();) {
      const std::size_t end = chunkLines.find('\n', start);
      const std::string where = chunksFile.string() + " line " + std::to_string(++line);
      const std::string_view text = std::string_view(chunkLines).substr(start, end - start);
      try {
        job.chunks_.push_back(chunkFrom(Fields(parseJsonText<Json>(text, where), where)));
      } catch (const nlohmann::json::exception& error) {
        throw Error(where + ": is not valid JSON: " + error.what());
      }
      start = end == std::string::npos ? chunkLines.size() : end + 1;
    }
    if (job.chunks_.size() != fields.whole("chunks") || job.chunks_.empty()) {
      throw Error(chunksFile.string() + " has " + std::to_string(job.chunks_.size()) + " chunks, not the " +
                  std::to_string(fields.whole("chunks")) + " of " + jobFile.string());
    }
    job.readResults();
    return job;
  });
}

void QaJob::readResults() {
  results_.assign(chunks_.size(), std::nullopt);
  finished_ = 0;
  validResultBytes_ = 0;
  const fs::path file = folder_ / kResultsFile;
  if (!fs::exists(file)) return;
  const std::string text = readWholeFile(file, kDataFileLimit);
  std::size_t line = 0;
  for (std::size_t start = 0; start < text.size();) {
    const std::size_t end = text.find('\n', start);
    // Only a line with its newline was written whole (invariant 3).
    if (end == std::string::npos) break;
    const std::string where = file.string() + " line " + std::to_string(++line);
    const bool last = end + 1 == text.size();
    try {
      const std::string_view lineText = std::string_view(text).substr(start, end - start);
      QaChunkResult result = resultFrom(Fields(parseJsonText<Json>(lineText, where), where), settings_, chunks_.size());
      if (results_[result.chunk]) {
        throw Error(where + ": repeats chunk " + std::to_string(result.chunk + 1) + ", finished on an earlier line");
      }
      const std::size_t chunk = result.chunk;
      results_[chunk] = std::move(result);
      ++finished_;
    } catch (const Error&) {
      if (last) break;  // a torn last line: its chunk is generated again
      throw;
    } catch (const nlohmann::json::exception& error) {
      if (last) break;
      throw Error(where + ": is not valid JSON (" + error.what() + "); remove that line to generate its chunk again");
    }
    validResultBytes_ = end + 1;
    start = end + 1;
  }
}

std::vector<QaChunkResult> QaJob::results() const {
  std::vector<QaChunkResult> out;
  out.reserve(finished_);
  for (const std::optional<QaChunkResult>& result : results_) {
    if (result) out.push_back(*result);
  }
  return out;
}

const QaChunkResult* QaJob::result(std::size_t chunk) const {
  return chunk < results_.size() && results_[chunk] ? &*results_[chunk] : nullptr;
}

std::size_t QaJob::pairCount() const {
  std::size_t count = 0;
  for (const std::optional<QaChunkResult>& result : results_) count += result ? result->pairs.size() : 0;
  return count;
}

std::size_t QaJob::failureCount() const {
  std::size_t count = 0;
  for (const std::optional<QaChunkResult>& result : results_) count += result && result->failed() ? 1 : 0;
  return count;
}

void QaJob::append(int fd, const QaChunkResult& result) {
  const fs::path file = folder_ / kResultsFile;
  const std::string line = dumpLine(resultJson(result)) + "\n";
  std::string_view rest = line;
  while (!rest.empty()) {
    const ssize_t written = ::write(fd, rest.data(), rest.size());
    if (written < 0 && errno == EINTR) continue;
    if (written < 0) throw Error(file.string() + ": cannot write: " + errnoText(errno));
    rest.remove_prefix(static_cast<std::size_t>(written));
  }
  if (::fsync(fd) != 0) throw Error(file.string() + ": cannot flush to disk: " + errnoText(errno));
  validResultBytes_ += line.size();
  results_[result.chunk] = result;
  ++finished_;
}

QaRunEnd QaJob::run(infer::SequenceModel& model, const infer::ModelText& text, const QaProgressSink& onProgress,
                    const std::atomic<bool>* cancel) {
  infer::OneAtATime one(model);
  return runBatched(one, text, onProgress, cancel);
}

QaRunEnd QaJob::runBatched(infer::SequenceBatch& model, const infer::ModelText& text, const QaProgressSink& onProgress,
                    const std::atomic<bool>* cancel) {
  return fileErrorsInWords("Cannot generate the question job", [&] {
    if (!fs::is_directory(folder_)) throw Error("the question job's folder " + folder_.string() + " is gone");
    const std::optional<FolderLock> lock = FolderLock::tryExclusive(folder_);
    if (!lock) {
      throw Error("the question job in " + folder_.string() +
                  " is being generated by another program (the app or tiertune-cli); let it finish or stop it first");
    }
    readResults();  // again, under the lock: what another process may have added since open()
    const fs::path file = folder_ / kResultsFile;
    const bool existed = fs::exists(file);
    const OpenFile results(::open(file.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644));
    if (results.get() < 0) throw Error(file.string() + ": cannot be opened for writing: " + errnoText(errno));
    if (!existed) syncFolder(folder_);
    struct stat status {};
    if (::fstat(results.get(), &status) != 0) throw Error(file.string() + ": cannot be read: " + errnoText(errno));
    if (static_cast<std::uintmax_t>(status.st_size) > validResultBytes_) {
      // Invariant 3: the torn last line goes before a new one follows it.
      if (::ftruncate(results.get(), static_cast<off_t>(validResultBytes_)) != 0 || ::fsync(results.get()) != 0) {
        throw Error(file.string() + ": cannot cut off its unfinished last line: " + errnoText(errno));
      }
    }

    const auto sessionStart = std::chrono::steady_clock::now();
    double chunkSeconds = 0;  // of this session, when its last chunk finished (replies run side by side)
    std::size_t sessionChunks = 0;
    auto report = [&](std::optional<std::size_t> current, int attempt) {
      if (!onProgress) return;
      QaProgress progress;
      progress.chunksDone = finished_;
      progress.chunksTotal = chunks_.size();
      progress.pairs = pairCount();
      progress.failures = failureCount();
      progress.secondsElapsed = secondsSince(sessionStart);
      if (sessionChunks > 0) {
        progress.secondsLeft = chunkSeconds / static_cast<double>(sessionChunks) *
                               static_cast<double>(chunks_.size() - finished_);
      }
      progress.currentChunk = current;
      progress.attempt = attempt;
      onProgress(progress);
    };

    // Every unfinished chunk in order, a retry going before the chunks not yet started; up to
    // model.capacity() replies generated at once (generateBatch), each chunk's line appended as it ends.
    struct Pending {
      std::size_t chunk = 0;
      int attempt = 1;
      std::string message;      // the prompt as rendered for the chunk
      std::string userMessage;  // what this attempt sends: the message, or it with the correction
      std::size_t promptTokens = 0;
      QaChunkResult result;
    };
    const std::size_t count = settings_.questionsPerChunk;
    const bool chat = text.chatTemplate.has_value();
    std::deque<Pending> queue;
    for (std::size_t chunk = 0; chunk < chunks_.size(); ++chunk) {
      if (results_[chunk]) continue;
      Pending pending;
      pending.chunk = chunk;
      pending.message = renderQaPrompt(settings_.prompt, chunkOf(chunks_[chunk]), chunks_[chunk].source.title, count);
      pending.userMessage = pending.message;
      pending.result.chunk = chunk;
      queue.push_back(std::move(pending));
    }
    const auto record = [&](const QaChunkResult& result) {
      append(results.get(), result);
      ++sessionChunks;
      chunkSeconds = secondsSince(sessionStart);
      report(result.chunk, 0);
    };
    std::map<std::uint64_t, Pending> running;
    std::uint64_t nextTag = 0;
    bool interrupted = false;
    const auto next = [&]() -> std::optional<infer::BatchRequest> {
      while (!queue.empty()) {
        Pending pending = std::move(queue.front());
        queue.pop_front();
        report(pending.chunk, pending.attempt);
        const std::string prompt =
            chat ? infer::renderChatPrompt(text, Json::array({Json{{"role", "user"}, {"content", pending.userMessage}}}))
                 : pending.userMessage;
        std::vector<std::int32_t> tokens = infer::encodePrompt(text, prompt, chat);
        if (tokens.size() + settings_.maxNewTokens > model.contextLength()) {
          const std::string noRoom = "the prompt has " + std::to_string(tokens.size()) + " tokens, and with up to " +
                                     std::to_string(settings_.maxNewTokens) + " new ones it does not fit the model's " +
                                     "context of " + std::to_string(model.contextLength()) + " tokens";
          pending.result.failure =
              pending.attempt == 1 ? noRoom : pending.result.failure + "; the retry was not made: " + noRoom;
          record(pending.result);
          continue;
        }
        infer::BatchRequest request;
        request.tag = nextTag++;
        request.settings.sampling = settings_.sampling;
        // Each chunk and attempt its own draw, the same in a resumed job as in one run start to end.
        request.settings.sampling.seed =
            settings_.sampling.seed + 2 * pending.chunk + static_cast<std::uint64_t>(pending.attempt - 1);
        request.settings.maxNewTokens = settings_.maxNewTokens;
        request.settings.eosIds = text.eosIds;
        pending.promptTokens = tokens.size();
        request.prompt = std::move(tokens);
        running.emplace(request.tag, std::move(pending));
        return request;
      }
      return std::nullopt;
    };
    const auto done = [&](std::uint64_t tag, infer::GenerationResult generated) {
      auto found = running.find(tag);
      Pending pending = std::move(found->second);
      running.erase(found);
      if (generated.reason == infer::StopReason::Cancelled) {
        interrupted = true;  // generated again next time
        return;
      }
      QaAttempt made;
      made.reply = generated.text;
      made.stopped = generated.reason;
      made.promptTokens = pending.promptTokens;
      made.replyTokens = generated.tokens.size();
      made.seconds = generated.prefillSeconds + generated.decodeSeconds;
      QaReply parsed = parseQaReply(generated.text, count);
      if (parsed.accepted()) {
        pending.result.attempts.push_back(std::move(made));
        pending.result.pairs = std::move(parsed.pairs);
        pending.result.failure.clear();
        record(pending.result);
        return;
      }
      made.problem = parsed.problem->reason;
      if (generated.reason == infer::StopReason::MaxTokens) {
        made.problem += " (the reply reached the limit of " + std::to_string(settings_.maxNewTokens) + " new tokens)";
      }
      pending.result.failure = made.problem;
      pending.result.attempts.push_back(std::move(made));
      if (pending.attempt == 2) {
        record(pending.result);
        return;
      }
      // One retry, with the reason, before the chunks not yet started.
      pending.attempt = 2;
      pending.userMessage = qaRetryMessage(pending.message, parsed.problem->reason, count);
      queue.push_front(std::move(pending));
    };
    infer::generateBatch(model, text.tokenizer, next, done, cancel);
    if (interrupted || !queue.empty()) {
      report(std::nullopt, 0);
      return QaRunEnd::Cancelled;
    }
    report(std::nullopt, 0);
    return QaRunEnd::Complete;
  });
}

QaGenerator openQaGenerator(kernels::Backend& backend, const fs::path& modelFolder, std::size_t sequences) {
  std::unique_ptr<infer::ModelRunner> runner = infer::ModelRunner::load(backend, modelFolder, sequences);
  infer::ModelText text = infer::loadModelText(modelFolder, runner->config());
  return QaGenerator{std::move(runner), std::move(text)};
}

}  // namespace tiertune::documents
