#include "core/data/dataset_import.h"

#include <fcntl.h>
#include <sys/file.h>
#include <signal.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <thread>

#include "core/data/text_documents.h"
#include "core/data/token_shards.h"
#include "core/formats/chat_template/model_chat_template.h"
#include "core/formats/tokenizer/tokenizer.h"
#include "core/util/durable_file.h"
#include "core/util/error.h"
#include "core/util/fault_point.h"
#include "core/util/parallel_for.h"
#include "core/util/path_inside.h"
#include "core/util/random.h"
#include "core/util/read_file.h"
#include "core/util/sha256.h"
#include "core/util/json_text.h"
#include "core/util/staging_folder.h"

namespace tiertune::data {

namespace fs = std::filesystem;
using nlohmann::json;
using nlohmann::ordered_json;

namespace {

constexpr std::size_t kShapeSample = 200;
constexpr std::size_t kChunkRows = 2048;

using Clock = std::chrono::steady_clock;
double seconds(Clock::time_point from, Clock::time_point to) { return std::chrono::duration<double>(to - from).count(); }

// A row on its way through the import: read, then mapped and encoded (in parallel), then written.
struct Pending {
  RawRecord record;
  MappedRecord mapped;
  std::optional<std::variant<EncodedExample, RowProblem>> encoded;
};

const char* lossOnName(LossOn lossOn) {
  switch (lossOn) {
    case LossOn::Responses: return "responses";
    case LossOn::LastResponse: return "last-response";
    case LossOn::Everything: return "everything";
  }
  return "responses";
}

ordered_json exampleJson(const Example& example, const char* split) {
  ordered_json line = {{"split", split}};
  switch (example.kind) {
    case Example::Kind::Chat: {
      ordered_json messages = ordered_json::array();
      for (const ChatMessage& message : example.messages) {
        messages.push_back({{"role", message.role}, {"content", message.content}});
      }
      line["messages"] = std::move(messages);
      break;
    }
    case Example::Kind::Completion:
      line["prompt"] = example.prompt;
      line["completion"] = example.completion;
      break;
    case Example::Kind::Text:
      line["text"] = example.text;
      break;
  }
  return line;
}

json statisticsJson(const SplitStatistics& s) {
  return {{"rows", s.rows},           {"tokens", s.tokens},   {"trained_tokens", s.trainedTokens},
          {"truncated", s.truncated}, {"longest", s.longest}, {"untrained_answers", s.untrainedAnswers},
          {"histogram", s.histogram}};
}

// The first records of a file, for recognizing the shape.
std::vector<ordered_json> sampleRecords(const fs::path& file, const FileFormat& format) {
  std::vector<ordered_json> sample;
  readRecords(file, format, [&](RawRecord&& record, const ReadProgress&) {
    if (record.value) sample.push_back(std::move(*record.value));
    return sample.size() < kShapeSample;
  });
  return sample;
}

// Text windows go to a shard whole, every token learned.
TokenWindows::Emit appendLearned(TokenShardWriter& shard) {
  return [&shard](std::span<const std::int32_t> ids) { shard.append(ids, std::vector<std::uint8_t>(ids.size(), 1)); };
}

// Staging folders are named .staging-PID-KEY. One whose process is gone is what a killed import
// left behind: removed before the next import starts, so a kill leaves no lasting trace.
void removeAbandonedStaging(const fs::path& datasets) {
  std::error_code error;
  for (const auto& entry : fs::directory_iterator(datasets, error)) {
    const std::string name = entry.path().filename().string();
    if (!name.starts_with(".staging-")) continue;
    const std::size_t dash = name.find('-', 9);
    if (dash == std::string::npos) continue;
    const pid_t pid = static_cast<pid_t>(std::strtol(name.c_str() + 9, nullptr, 10));
    if (pid > 0 && (::kill(pid, 0) == 0 || errno == EPERM)) continue;  // still importing
    std::error_code ignored;
    fs::remove_all(entry.path(), ignored);
  }
}

// A dataset folder on its way in carries the file .import-owner, flocked by its import from the
// staging folder's creation until the catalog row is committed (then the file goes).
constexpr const char* kImportOwnerFile = ".import-owner";

class ImportOwnership {
 public:
  explicit ImportOwnership(const fs::path& stagingFolder) : file_(stagingFolder / kImportOwnerFile) {
    fd_ = ::open(file_.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, 0644);
    if (fd_ < 0 || ::flock(fd_, LOCK_EX) != 0) throw Error(file_.string() + ": cannot be created (" + errnoText(errno) + ")");
  }
  ~ImportOwnership() { ::close(fd_); }
  ImportOwnership(const ImportOwnership&) = delete;
  ImportOwnership& operator=(const ImportOwnership&) = delete;
  // The row is committed: the folder is the catalog's now. Called with the folder's final path.
  void release(const fs::path& folder) {
    std::error_code ignored;
    fs::remove(folder / kImportOwnerFile, ignored);
  }

 private:
  fs::path file_;
  int fd_ = -1;
};

// True while a live import holds the folder's .import-owner (its lock dies with its process).
bool importInProgress(const fs::path& folder) {
  const int fd = ::open((folder / kImportOwnerFile).c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  const bool held = ::flock(fd, LOCK_SH | LOCK_NB) != 0 && errno == EWOULDBLOCK;
  ::close(fd);
  return held;
}

// A d-* folder that no catalog row names is what an import killed between renaming its folder into
// place and adding its row left behind: removed before the next import starts. Why this never
// removes the folder of an import that is still going on, in another process too:
//  1. An import takes the lock on .import-owner in its staging folder before the rename and keeps
//     it until its row is committed; a folder of a live import is skipped (step 1 below).
//  2. Only the folders whose lock was free when looked at are candidates, and the catalog's rows
//     are read after that look. A free lock means its import has died (nothing to protect) or has
//     committed its row before letting go, and then the rows read afterwards name the folder.
// (The lock is a flock on a local file system; a data folder shared by several machines over a
// network file system is not supported.)
void removeOrphanDatasetFolders(const fs::path& datasets, const catalog::Catalog& catalog) {
  std::vector<fs::path> candidates;
  std::error_code error;
  for (const auto& entry : fs::directory_iterator(datasets, error)) {
    const std::string name = entry.path().filename().string();
    if (!name.starts_with("d-") || entry.is_symlink() || !entry.is_directory()) continue;
    if (!importInProgress(entry.path())) candidates.push_back(entry.path());  // step 1
  }
  if (candidates.empty()) return;
  std::set<std::string> named;  // step 2: read after the locks were looked at
  for (const catalog::DatasetRecord& dataset : catalog.datasets()) {
    const json stats = parseJsonTextOrDiscarded(dataset.statsJson);
    if (stats.is_object() && stats.contains("folder") && stats["folder"].is_string()) named.insert(stats["folder"].get<std::string>());
  }
  for (const fs::path& folder : candidates) {
    if (named.count(folder.filename().string()) != 0) continue;
    try {
      removeInside(folder, datasets);
    } catch (const Error&) {
      // Left for the next import; this one does not depend on it.
    }
  }
}

// What a source file is at one moment: a file written to during the import would give rows of
// two versions, so it is compared at both ends.
struct SourceState {
  std::uintmax_t size = 0;
  fs::file_time_type modified;
  std::string sha256;
  bool operator==(const SourceState&) const = default;
};

SourceState sourceState(const fs::path& file) {
  try {
    return {fs::file_size(file), fs::last_write_time(file), sha256HexOfFile(file)};
  } catch (const fs::filesystem_error& error) {
    throw Error(TIERTUNE_WORDS("Dataset files", "%1: cannot be read (%2)"), {file.string(), error.code().message()});
  }
}

void requireUnchanged(const std::vector<fs::path>& files, const std::vector<SourceState>& before) {
  for (std::size_t i = 0; i < files.size(); ++i) {
    std::optional<SourceState> after;
    try {
      after = sourceState(files[i]);
    } catch (const Error&) {
      // Gone or unreadable now: changed as well.
    }
    if (after && *after == before[i]) continue;
    throw Error(TIERTUNE_WORDS("Dataset files",
                               "%1 changed while it was being imported (its size, modification time or "
                               "content is not what it was when the import began), so its rows would "
                               "mix two versions; nothing was imported. Import it again once nothing "
                               "writes to it any more."),
                {files[i].string()});
  }
}

// 1, 2 or 5 times a power of ten: the smallest such width that fits longest into kHistogramBins.
std::size_t histogramBinWidth(std::size_t longest) {
  for (std::size_t scale = 1;; scale *= 10) {
    for (const std::size_t step : {1, 2, 5}) {
      if (step * scale * kHistogramBins >= longest) return step * scale;
    }
  }
}

std::vector<std::size_t> histogramOf(const std::vector<std::uint64_t>& lengths, std::size_t binWidth) {
  std::vector<std::size_t> bins(kHistogramBins, 0);
  for (const std::uint64_t length : lengths) {
    ++bins[std::min<std::size_t>(kHistogramBins - 1, (static_cast<std::size_t>(length) - 1) / binWidth)];
  }
  return bins;
}

// The model's side of the import: its tokenizer, chat template (when it has a usable one) and
// special tokens.
struct ModelText {
  formats::tokenizer::Tokenizer tokenizer;
  std::optional<formats::ChatTemplate> chatTemplate;
  formats::SpecialTokens specialTokens;
  std::string tokenizerSha256;

  static ModelText load(const fs::path& folder) {
    ModelText model{formats::tokenizer::Tokenizer::load(folder), std::nullopt, {},
                    sha256HexOfFile(folder / "tokenizer.json")};
    if (const fs::path config = folder / "tokenizer_config.json"; fs::exists(config)) {
      json parsed;
      try {
        parsed = parseJsonText(readWholeFile(config, kConfigFileLimit), config.string());
      } catch (const json::exception&) {
        // not JSON: the special tokens stay unknown, as before
      }
      if (parsed.is_object()) model.specialTokens = formats::SpecialTokens::fromTokenizerConfig(parsed);
    }
    try {
      model.chatTemplate = formats::ChatTemplate::parse(formats::loadModelChatTemplate(folder).source);
    } catch (const Error&) {
      // No template (a base model), or one that does not parse: chats are refused by resolveShape.
    }
    return model;
  }
};

// The shape the request names, or the one that reads most of the first records; chats need the
// model's chat template.
RecordShape resolveShape(const ImportRequest& request, const FileFormat& format, const ModelText& model,
                         double& confidence) {
  RecordShape shape = RecordShape::Text;
  confidence = 1;
  if (request.shape) {
    shape = *request.shape;
  } else {
    const auto guess = detectShape(sampleRecords(request.file, format), request.mapping);
    if (!guess) {
      throw Error(TIERTUNE_WORDS("Dataset files",
                                 "%1: none of the first records reads as instructions, conversations, "
                                 "prompts with completions or text; choose the format and fields by "
                                 "hand"),
                  {request.file.string()});
    }
    shape = guess->shape;
    confidence = guess->confidence;
  }
  const bool chats = shape == RecordShape::Alpaca || shape == RecordShape::ShareGpt || shape == RecordShape::Messages;
  if (chats && !model.chatTemplate) {
    throw Error(TIERTUNE_WORDS("Dataset files",
                               "the model in %1 has no usable chat template, so conversations cannot be "
                               "written the way it expects; choose a chat (instruct) model"),
                {request.modelFolder.string()});
  }
  return shape;
}

}  // namespace

static std::vector<PreviewRow> previewRows(const ImportRequest& request, std::size_t rows, RecordShape* shapeUsed,
                                          double* confidence) {
  const ModelText model = ModelText::load(request.modelFolder);
  const ExampleEncoder encoder(model.tokenizer, model.chatTemplate ? &*model.chatTemplate : nullptr,
                               model.specialTokens, request.encode);
  std::vector<PreviewRow> preview;
  if (isTextDocumentSource(request.file)) {
    // The first samples of the first document, all of them learned.
    if (shapeUsed) *shapeUsed = RecordShape::Text;
    if (confidence) *confidence = 1;
    TokenWindows windows(request.encode.maxTokens, std::min(request.chunkOverlap, request.encode.maxTokens / 2));
    const TokenWindows::Emit emit = [&](std::span<const std::int32_t> ids) {
      if (preview.size() >= rows) return;
      PreviewRow& row = preview.emplace_back();
      row.row = preview.size();
      row.tokens = row.trainedTokens = ids.size();
      row.segments.emplace_back(model.tokenizer.decode(ids, {.skipSpecialTokens = false, .cleanUpTokenizationSpaces = false}), true);
    };
    bool first = true;
    readTextBlocks(textDocuments(request.file).front(), [&](std::string_view block, std::uintmax_t) {
      windows.add(model.tokenizer.encode(block, {.addSpecialTokens = first}), emit);
      first = false;
      return preview.size() < rows;
    });
    windows.finishDocument(emit);
    return preview;
  }
  const FileFormat format = detectFileFormat(request.file);
  double shapeConfidence = 1;
  const RecordShape shape = resolveShape(request, format, model, shapeConfidence);
  if (shapeUsed) *shapeUsed = shape;
  if (confidence) *confidence = shapeConfidence;
  readRecords(request.file, format, [&](RawRecord&& record, const ReadProgress&) {
    PreviewRow& row = preview.emplace_back();
    row.row = record.row;
    if (record.problem) {
      row.problem = std::move(record.problem);
      return preview.size() < rows;
    }
    MappedRecord mapped = mapRecord(*record.value, shape, request.mapping);
    if (mapped.problem) {
      row.problem = std::move(mapped.problem);
      return preview.size() < rows;
    }
    auto encoded = encoder.encode(*mapped.example);
    if (auto* problem = std::get_if<RowProblem>(&encoded)) {
      row.problem = std::move(*problem);
      return preview.size() < rows;
    }
    const EncodedExample& example = std::get<EncodedExample>(encoded);
    row.tokens = example.ids.size();
    row.trainedTokens = example.trainedTokens();
    for (std::size_t start = 0; start < example.ids.size();) {
      std::size_t end = start;
      while (end < example.ids.size() && example.lossMask[end] == example.lossMask[start]) ++end;
      const std::span<const std::int32_t> run(example.ids.data() + start, end - start);
      row.segments.emplace_back(model.tokenizer.decode(run, {.skipSpecialTokens = false, .cleanUpTokenizationSpaces = false}),
                                example.lossMask[start] != 0);
      start = end;
    }
    return preview.size() < rows;
  });
  for (PreviewRow& row : preview) {
    if (row.problem) {
      row.problem->row = row.row;
    }
  }
  return preview;
}

fs::path datasetModelFolder(const catalog::DatasetRecord& dataset) {
  const json stats = parseJsonTextOrDiscarded(dataset.statsJson);
  if (!stats.is_object() || !stats.contains("model_folder") || !stats["model_folder"].is_string()) return {};
  return stats["model_folder"].get<std::string>();
}

fs::path datasetFolder(const fs::path& dataFolder, const catalog::DatasetRecord& dataset) {
  const json stats = parseJsonTextOrDiscarded(dataset.statsJson);
  if (!stats.is_object() || !stats.contains("folder") || !stats["folder"].is_string()) return {};
  return pathInside(dataFolder / "datasets", stats["folder"].get<std::string>(),
                    "The folder of dataset \"" + dataset.name + "\"");
}

static std::string removeRowAndFolder(catalog::Catalog& catalog, const fs::path& dataFolder, catalog::Id id) {
  const std::optional<catalog::DatasetRecord> dataset = catalog.dataset(id);
  if (!dataset) throw Error("There is no dataset " + std::to_string(id) + " in the catalog.");
  fs::path folder;
  std::string problem;
  try {
    folder = datasetFolder(dataFolder, *dataset);
  } catch (const Error& error) {
    problem = error.what();
  }
  catalog.removeDataset(id);
  if (!folder.empty()) {
    try {
      removeInside(folder, dataFolder / "datasets");
    } catch (const Error& error) {
      problem = std::string(error.what()) + " Delete the folder by hand.";
    }
  }
  return problem;
}

static fs::path tokenFolderFor(const fs::path& dataFolder, const catalog::DatasetRecord& dataset,
                               const fs::path& modelFolder, std::stop_token stop) {
  const fs::path folder = datasetFolder(dataFolder, dataset);
  if (folder.empty() || !fs::exists(folder / "examples.jsonl")) {
    throw Error(TIERTUNE_WORDS("Dataset files", "the files of dataset \"%1\" are missing (%2); import it again"),
                {dataset.name, folder.string()});
  }
  const ModelText model = ModelText::load(modelFolder);
  const fs::path target = folder / ("tokens-" + model.tokenizerSha256.substr(0, 16));
  if (fs::exists(target / "manifest.json")) return target;

  // The settings the dataset was imported with.
  const json stats = parseJsonText(dataset.statsJson, "the statistics of dataset \"" + dataset.name + "\"");
  EncodeSettings settings;
  const json encode = stats.value("encode", json::object());
  settings.maxTokens = encode.value("max_tokens", std::size_t{2048});
  settings.tooLong = encode.value("too_long", std::string("truncate")) == "skip" ? TooLongPolicy::Skip : TooLongPolicy::Truncate;
  const std::string lossOn = encode.value("loss_on", std::string("responses"));
  settings.lossOn = lossOn == "everything"      ? LossOn::Everything
                    : lossOn == "last-response" ? LossOn::LastResponse
                                                : LossOn::Responses;
  const std::size_t overlap = std::min(stats.value("chunk_overlap", std::size_t{128}), settings.maxTokens / 2);
  const ExampleEncoder encoder(model.tokenizer, model.chatTemplate ? &*model.chatTemplate : nullptr,
                               model.specialTokens, settings);
  const std::optional<std::int32_t> endOfSequence = encoder.endOfSequence();

  StagingFolder staging(folder / (".staging-" + std::to_string(::getpid()) + "-tokens"), target);
  TokenShardWriter train(staging.path(), "train"), validation(staging.path(), "validation");
  // Text documents come as blocks with their document number; the windows run over a document.
  TokenWindows windows(settings.maxTokens, overlap);
  std::size_t document = 0;
  bool documentIsValidation = false, firstBlock = true;
  const auto closeDocument = [&] {
    if (document == 0) return;
    TokenShardWriter& shard = documentIsValidation ? validation : train;
    const TokenWindows::Emit emit = appendLearned(shard);
    if (endOfSequence) windows.add(std::span<const std::int32_t>(&*endOfSequence, 1), emit);
    windows.finishDocument(emit);
  };
  std::ifstream examples(folder / "examples.jsonl");
  std::size_t lineNumber = 0;
  for (std::string line; std::getline(examples, line);) {
    ++lineNumber;
    if (stop.stop_requested())
      throw Error(TIERTUNE_WORDS("Dataset files", "building the tokens of \"%1\" was cancelled"), {dataset.name});
    const ordered_json value = parseJsonTextOrDiscarded<ordered_json>(line);
    if (!value.is_object()) throw Error((folder / "examples.jsonl").string() + " line " + std::to_string(lineNumber) + " is damaged");
    const bool toValidation = value.value("split", std::string("train")) == "validation";
    TokenShardWriter& shard = toValidation ? validation : train;
    if (value.contains("document")) {
      const std::size_t number = value["document"].get<std::size_t>();
      if (number != document) {
        closeDocument();
        document = number;
        documentIsValidation = toValidation;
        firstBlock = true;
      }
      windows.add(model.tokenizer.encode(value["text"].get<std::string>(), {.addSpecialTokens = firstBlock}),
                  appendLearned(shard));
      firstBlock = false;
      continue;
    }
    MappedRecord mapped = mapRecord(value, value.contains("messages")  ? RecordShape::Messages
                                           : value.contains("prompt") ? RecordShape::PromptCompletion
                                                                      : RecordShape::Text,
                                    FieldMapping{});
    if (!mapped.example) continue;
    const auto encoded = encoder.encode(*mapped.example);
    // A row the new tokenizer or template cannot use is left out here as in an import; the
    // dataset's report lists what the first import left out.
    if (const auto* example = std::get_if<EncodedExample>(&encoded)) shard.append(example->ids, example->lossMask);
  }
  closeDocument();
  if (train.samples() == 0) {
    throw Error(TIERTUNE_WORDS("Dataset files", "none of the examples of \"%1\" can be used with %2"),
                {dataset.name, modelFolder.string()});
  }
  train.finish();
  validation.finish();
  const json manifest = {{"tokenizer_sha256", model.tokenizerSha256},
                         {"model_folder", fs::absolute(modelFolder).string()},
                         {"encode", encode},
                         {"rebuilt_from", "examples.jsonl"},
                         {"train", {{"samples", train.samples()}, {"tokens", train.tokens()}}},
                         {"validation", {{"samples", validation.samples()}, {"tokens", validation.tokens()}}}};
  writeFileAtomically(staging.path() / "manifest.json", manifest.dump(1));
  staging.publish(StagingFolder::AtTarget::Replace);  // a folder without a manifest is an interrupted build
  return target;
}

static ImportResult importIntoCatalog(catalog::Catalog& catalog, const fs::path& dataFolder,
                                      const ImportRequest& request,
                                      const std::function<void(const ImportProgress&)>& progress,
                                      std::stop_token stop) {
  if (request.name.empty()) throw Error(TIERTUNE_WORDS("Dataset files", "the dataset needs a name"), {});
  for (const catalog::DatasetRecord& existing : request.dryRun ? std::vector<catalog::DatasetRecord>{} : catalog.datasets()) {
    if (existing.name == request.name) {
      throw Error(TIERTUNE_WORDS("Dataset files",
                                 "a dataset named \"%1\" exists already; choose another name or delete it "
                                 "first"),
                  {request.name});
    }
  }
  if (!(request.validationShare >= 0 && request.validationShare < 1)) {
    throw Error(TIERTUNE_WORDS("Dataset files", "the validation share must be at least 0 and below 1"), {});
  }

  const ModelText model = ModelText::load(request.modelFolder);
  const ExampleEncoder encoder(model.tokenizer, model.chatTemplate ? &*model.chatTemplate : nullptr,
                               model.specialTokens, request.encode);
  const std::string& tokenizerSha256 = model.tokenizerSha256;

  ImportResult result;
  std::vector<fs::path> files{request.file};
  if (request.validationFile) files.push_back(*request.validationFile);
  std::vector<FileFormat> formats;
  std::uintmax_t totalBytes = 0;
  const bool textSource = isTextDocumentSource(request.file);
  if (textSource) {
    // Continued pre-training: documents cut into overlapping windows of tokens.
    if (request.validationFile)
      throw Error(TIERTUNE_WORDS("Dataset files", "text documents are split by a share, not by a validation file"), {});
    files = textDocuments(request.file);
    for (const fs::path& file : files) totalBytes += fs::file_size(file);
    result.shape = RecordShape::Text;
  } else {
    for (const fs::path& file : files) {
      formats.push_back(detectFileFormat(file));
      totalBytes += fs::file_size(file);
    }
    result.shape = resolveShape(request, formats[0], model, result.shapeConfidence);
  }

  std::vector<SourceState> sources;
  for (const fs::path& file : files) sources.push_back(sourceState(file));

  const fs::path datasets = dataFolder / "datasets";
  fs::create_directories(datasets);
  const std::string folderName =
      "d-" + sha256Hex(request.name + "\n" + std::to_string(::getpid()) + "\n" +
                       std::to_string(std::chrono::system_clock::now().time_since_epoch().count()))
                 .substr(0, 16);
  removeAbandonedStaging(datasets);
  if (!request.dryRun) removeOrphanDatasetFolders(datasets, catalog);
  const fs::path target = datasets / folderName;
  StagingFolder staging(datasets / (".staging-" + std::to_string(::getpid()) + "-" + folderName), target);
  ImportOwnership ownership(staging.path());
  const std::string tokensName = "tokens-" + tokenizerSha256.substr(0, 16);
  const fs::path tokens = staging.path() / tokensName;
  fs::create_directories(tokens);
  TokenShardWriter trainShard(tokens, "train");
  TokenShardWriter validationShard(tokens, "validation");
  std::ofstream examples(staging.path() / "examples.jsonl", std::ios::binary);
  if (!examples) throw Error((staging.path() / "examples.jsonl").string() + ": cannot be created");

  DuplicateFilter duplicates;
  ImportProgress status;
  status.totalBytes = totalBytes;
  std::uintmax_t bytesBefore = 0;

  const unsigned threads = request.threads > 0 ? request.threads : std::max(1u, std::thread::hardware_concurrency());
  std::vector<Pending> chunk;
  chunk.reserve(kChunkRows);
  const auto importStart = Clock::now();
  const std::optional<std::int32_t> endOfSequence = encoder.endOfSequence();
  for (std::size_t f = 0; textSource && f < files.size(); ++f) {
    const std::size_t row = f + 1;
    SplitMix64 draw(request.seed ^ (static_cast<std::uint64_t>(row) * 0x9e3779b97f4a7c15ull));
    const bool toValidation = request.validationShare > 0 && draw.uniform() < request.validationShare;
    SplitStatistics& stats = toValidation ? result.validation : result.train;
    TokenShardWriter& shard = toValidation ? validationShard : trainShard;
    const auto encodeStart = Clock::now();
    const TokenWindows::Emit emit = [&](std::span<const std::int32_t> ids) {
      const std::vector<std::uint8_t> mask(ids.size(), 1);
      shard.append(ids, mask);
      ++stats.rows;
      stats.tokens += ids.size();
      stats.trainedTokens += ids.size();
      stats.longest = std::max(stats.longest, ids.size());
    };
    TokenWindows windows(request.encode.maxTokens, std::min(request.chunkOverlap, request.encode.maxTokens / 2));
    bool first = true, stopped = false;
    try {
      stopped = !readTextBlocks(files[f], [&](std::string_view block, std::uintmax_t read) {
        if (stop.stop_requested()) return false;
        const std::vector<std::int32_t> ids = model.tokenizer.encode(block, {.addSpecialTokens = first});
        first = false;
        windows.add(ids, emit);
        ordered_json line = {{"split", toValidation ? "validation" : "train"}, {"document", row},
                             {"text", std::string(block)}};
        examples << line.dump(-1, ' ', false, ordered_json::error_handler_t::replace) << '\n';
        status.bytesRead = bytesBefore + read;
        if (progress) progress(status);
        return true;
      });
      if (first && !stopped) {
        result.report.add({row, 0, RowProblemKind::EmptyField,
                           Words(TIERTUNE_WORDS("Dataset rows", "%1 is empty"), {files[f].string()})});
      } else {
        if (endOfSequence) windows.add(std::span<const std::int32_t>(&*endOfSequence, 1), emit);
        windows.finishDocument(emit);
      }
    } catch (const Error& error) {
      result.report.add({row, 0, RowProblemKind::UnreadableFile, wordsOf(error)});
    }
    result.timings.encodeSeconds += seconds(encodeStart, Clock::now());
    if (stopped || stop.stop_requested()) {
      result.cancelled = true;
      result.failure = "the import was cancelled; nothing was added";
      return result;
    }
    ++status.rows;
    bytesBefore += fs::file_size(files[f]);
  }
  for (std::size_t f = 0; !textSource && f < files.size(); ++f) {
    const bool validationFile = f == 1;
    // Rows are read in chunks; mapping and encoding run in parallel over a chunk, and the chunk is
    // then consumed in file order, so the result is the same as one row after the other.
    const auto consumeChunk = [&] {
      const auto encodeStart = Clock::now();
      parallelFor(chunk.size(), threads, [&](std::size_t i) {
        Pending& pending = chunk[i];
        if (pending.record.problem) return;
        pending.mapped = mapRecord(*pending.record.value, result.shape, request.mapping);
        if (pending.mapped.example) pending.encoded = encoder.encode(*pending.mapped.example);
      });
      const auto writeStart = Clock::now();
      result.timings.encodeSeconds += seconds(encodeStart, writeStart);
      for (Pending& pending : chunk) {
        const RawRecord& record = pending.record;
        const auto report = [&](RowProblem problem) {
          problem.row = record.row;
          problem.line = record.line;
          if (validationFile) {
            problem.detail = Words(TIERTUNE_WORDS("Dataset rows", "(validation file) %1"), {std::move(problem.detail)});
          }
          result.report.add(std::move(problem));
        };
        if (record.problem) {
          report(*record.problem);
          continue;
        }
        if (pending.mapped.problem) {
          report(*pending.mapped.problem);
          continue;
        }
        std::size_t firstRow = 0;
        if (request.removeDuplicates && !duplicates.firstTime(*pending.mapped.example, record.row, firstRow)) {
          report({0, 0, RowProblemKind::Duplicate,
                  Words(TIERTUNE_WORDS("Dataset rows", "the same as row %1"), {std::to_string(firstRow)})});
          continue;
        }
        if (auto* problem = std::get_if<RowProblem>(&*pending.encoded)) {
          report(*problem);
          continue;
        }
        const EncodedExample& example = std::get<EncodedExample>(*pending.encoded);
        bool toValidation = validationFile;
        if (!request.validationFile && request.validationShare > 0) {
          SplitMix64 draw(request.seed ^ (static_cast<std::uint64_t>(record.row) * 0x9e3779b97f4a7c15ull));
          toValidation = draw.uniform() < request.validationShare;
        }
        SplitStatistics& stats = toValidation ? result.validation : result.train;
        (toValidation ? validationShard : trainShard).append(example.ids, example.lossMask);
        examples << exampleJson(*pending.mapped.example, toValidation ? "validation" : "train")
                        .dump(-1, ' ', false, ordered_json::error_handler_t::replace)
                 << '\n';
        ++stats.rows;
        stats.tokens += example.ids.size();
        stats.trainedTokens += example.trainedTokens();
        stats.truncated += example.truncated ? 1 : 0;
        stats.untrainedAnswers += example.untrainedAnswers;
        stats.longest = std::max(stats.longest, example.ids.size());
      }
      result.timings.writeSeconds += seconds(writeStart, Clock::now());
      chunk.clear();
    };
    const bool completed = readRecords(files[f], formats[f], [&](RawRecord&& record, const ReadProgress& read) {
      if (stop.stop_requested()) return false;
      status.bytesRead = bytesBefore + read.bytesRead;
      ++status.rows;
      chunk.push_back(Pending{std::move(record), {}, {}});
      if (chunk.size() == kChunkRows) {
        consumeChunk();
        if (progress) progress(status);
      }
      return true;
    });
    if (completed && !stop.stop_requested()) consumeChunk();
    if (!completed || stop.stop_requested()) {
      result.cancelled = true;
      result.failure = "the import was cancelled; nothing was added";
      return result;
    }
    bytesBefore += fs::file_size(files[f]);
  }
  status.bytesRead = totalBytes;
  if (progress) progress(status);
  requireUnchanged(files, sources);
  result.timings.readSeconds =
      seconds(importStart, Clock::now()) - result.timings.encodeSeconds - result.timings.writeSeconds;
  result.timings.renderCpuSeconds = encoder.timings().renderSeconds();
  result.timings.tokenizeCpuSeconds = encoder.timings().tokenizeSeconds();

  if (result.train.rows == 0) {
    result.failure = result.report.total() == 0 ? "the file has no rows"
                                                 : "no row could be used; the report lists why for each of them";
    return result;
  }
  // Lengths by bins of a round width that spreads the longest row over the bins.
  result.histogramBinTokens = histogramBinWidth(std::max(result.train.longest, result.validation.longest));
  result.train.histogram = histogramOf(trainShard.lengths(), result.histogramBinTokens);
  result.validation.histogram = histogramOf(validationShard.lengths(), result.histogramBinTokens);
  if (request.dryRun) return result;  // the staging folder goes with it

  // Everything to disk, then the folder into place, then the catalog row.
  trainShard.finish();
  validationShard.finish();
  examples.close();
  if (!examples) throw Error((staging.path() / "examples.jsonl").string() + ": cannot be written");
  syncFile(staging.path() / "examples.jsonl");
  result.report.saveCsv(staging.path() / "report.csv");
  json encodeJson = {{"loss_on", lossOnName(request.encode.lossOn)},
                     {"max_tokens", request.encode.maxTokens},
                     {"too_long", request.encode.tooLong == TooLongPolicy::Skip ? "skip" : "truncate"}};
  const json manifest = {{"tokenizer_sha256", tokenizerSha256},
                         {"model_folder", fs::absolute(request.modelFolder).string()},
                         {"encode", encodeJson},
                         {"train", {{"samples", trainShard.samples()}, {"tokens", trainShard.tokens()}}},
                         {"validation", {{"samples", validationShard.samples()}, {"tokens", validationShard.tokens()}}}};
  writeFileAtomically(tokens / "manifest.json", manifest.dump(1));
  syncFolder(tokens);

  json problems = json::object();
  for (std::size_t kind = 0; kind < kRowProblemKinds; ++kind) {
    const auto problemKind = static_cast<RowProblemKind>(kind);
    if (result.report.count(problemKind) > 0) problems[problemName(problemKind)] = result.report.count(problemKind);
  }
  json stats = {{"folder", folderName},
                {"shape", shapeName(result.shape)},
                {"shape_confidence", result.shapeConfidence},
                {"container", textSource ? "text documents" : containerName(formats[0].container)},
                {"model_folder", fs::absolute(request.modelFolder).string()},
                {"tokens_folder", tokensName},
                {"encode", encodeJson},
                {"seed", request.seed},
                {"chunk_overlap", request.chunkOverlap},
                {"validation_share", request.validationFile ? 0.0 : request.validationShare},
                {"validation_file", request.validationFile ? fs::absolute(*request.validationFile).string() : ""},
                {"removed_duplicates", result.report.count(RowProblemKind::Duplicate)},
                {"histogram_bin_tokens", result.histogramBinTokens},
                {"train", statisticsJson(result.train)},
                {"validation", statisticsJson(result.validation)},
                {"problems", problems}};
  if (!request.provenance.is_null()) stats["provenance"] = request.provenance;

  faultPoint("dataset-before-rename");
  staging.publish(StagingFolder::AtTarget::Refuse);
  faultPoint("dataset-folder-renamed");
  catalog::NewDataset row;
  row.name = request.name;
  row.sourcePath = fs::absolute(request.file).string();
  if (fs::is_directory(request.file)) {
    std::string listing;  // a folder of documents: the hash of its files' names and hashes
    for (std::size_t i = 0; i < files.size(); ++i) {
      listing += files[i].lexically_relative(request.file).string() + " " + sources[i].sha256 + "\n";
    }
    row.sourceSha256 = sha256Hex(listing);
  } else {
    row.sourceSha256 = sources.front().sha256;  // the same at both ends (requireUnchanged)
  }
  row.format = shapeName(result.shape);
  row.trainRows = static_cast<std::int64_t>(result.train.rows);
  row.validationRows = static_cast<std::int64_t>(result.validation.rows);
  row.tokenCount = static_cast<std::int64_t>(result.train.tokens + result.validation.tokens);
  row.statsJson = stats.dump();
  try {
    result.dataset = catalog.addDataset(row);
  } catch (...) {
    std::error_code ignored;
    fs::remove_all(target, ignored);
    throw;
  }
  ownership.release(target);
  result.folder = target;
  return result;
}

// The public functions: a file-system error at any depth reaches the caller as tiertune::Error in
// words (core/util/error.h), never as a std::filesystem::filesystem_error a GUI thread would not
// expect.

ImportResult importDataset(catalog::Catalog& catalog, const fs::path& dataFolder, const ImportRequest& request,
                           const std::function<void(const ImportProgress&)>& progress, std::stop_token stop) {
  return fileErrorsInWords("The dataset could not be imported",
                           [&] { return importIntoCatalog(catalog, dataFolder, request, progress, stop); });
}

std::vector<PreviewRow> previewImport(const ImportRequest& request, std::size_t rows, RecordShape* shapeUsed,
                                      double* confidence) {
  return fileErrorsInWords("The preview could not be made",
                           [&] { return previewRows(request, rows, shapeUsed, confidence); });
}

fs::path ensureTokenFolder(const fs::path& dataFolder, const catalog::DatasetRecord& dataset, const fs::path& modelFolder,
                           std::stop_token stop) {
  return fileErrorsInWords("The dataset's tokens for this model could not be prepared",
                           [&] { return tokenFolderFor(dataFolder, dataset, modelFolder, stop); });
}

std::string removeDatasetWithFiles(catalog::Catalog& catalog, const fs::path& dataFolder, catalog::Id id) {
  return fileErrorsInWords("The dataset could not be removed",
                           [&] { return removeRowAndFolder(catalog, dataFolder, id); });
}

}  // namespace tiertune::data
