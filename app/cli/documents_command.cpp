// `tiertune-cli dataset from-documents`: a team's PDF, DOCX, ODT, HTML, Markdown and text files
// into a dataset for a model, as text chunks for continued pre-training (the same core as the
// "Make a dataset from documents" wizard); --print-text shows what was read instead.
#include <atomic>
#include <csignal>
#include <memory>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>
#include <stop_token>

#include "app/cli/arguments.h"
#include "app/cli/commands.h"
#include "app/cli/terminal_progress.h"
#include "core/catalog/catalog.h"
#include "core/documents/document_dataset.h"
#include "core/documents/document_reader.h"
#include "core/documents/qa_job.h"
#include "core/documents/qa_prompt.h"
#include "core/documents/qa_review.h"
#include "core/formats/tokenizer/tokenizer.h"
#include "core/hardware/backend_choice.h"
#include "core/settings/settings.h"
#include "core/util/read_file.h"
#include "kernels/gpu_probe.h"

namespace tiertune::cli {

namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using namespace tiertune::documents;

std::stop_source* g_stop = nullptr;
std::atomic<bool>* g_cancelQuestions = nullptr;
extern "C" void onDocumentsSignal(int) {
  if (g_stop) g_stop->request_stop();
  if (g_cancelQuestions) g_cancelQuestions->store(true);
}

std::size_t count(const Arguments& arguments, const std::string& option, std::size_t fallback) {
  const auto text = arguments.value(option);
  if (!text) return fallback;
  std::size_t used = 0;
  try {
    const unsigned long long value = std::stoull(*text, &used);
    if (used == text->size()) return value;
  } catch (const std::exception&) {
  }
  throw UsageError("--" + option + " needs a whole number, not \"" + *text + "\"");
}

double fraction(const Arguments& arguments, const std::string& option, double fallback) {
  const auto text = arguments.value(option);
  if (!text) return fallback;
  std::size_t used = 0;
  try {
    const double value = std::stod(*text, &used);
    if (used == text->size() && value >= 0 && value <= 1) return value;
  } catch (const std::exception&) {
  }
  throw UsageError("--" + option + " needs a number from 0 to 1, not \"" + *text + "\"");
}

const char* kindName(Passage::Kind kind) {
  switch (kind) {
    case Passage::Kind::Heading: return "heading";
    case Passage::Kind::Paragraph: return "paragraph";
    case Passage::Kind::Table: return "table";
  }
  return "";
}

void printText(const Document& document) {
  std::printf("==== %s (%s%s, %zu words): %s\n", document.file.filename().string().c_str(), document.format.c_str(),
              document.pages > 0 ? (", " + std::to_string(document.pages) + " pages").c_str() : "", document.words(),
              document.title.c_str());
  for (const std::string& note : document.notes) std::printf("  note: %s\n", note.c_str());
  int page = 0;
  for (const Passage& passage : document.passages) {
    if (passage.page != page) {
      page = passage.page;
      std::printf("-- page %d\n", page);
    }
    if (passage.kind == Passage::Kind::Heading) std::printf("\n# %s\n\n", passage.text.c_str());
    else std::printf("%s\n\n", passage.text.c_str());
  }
}

json documentJson(const Document& document, bool withText) {
  json out = {{"file", document.file.string()}, {"format", document.format}, {"title", document.title},
              {"pages", document.pages},        {"words", document.words()},   {"notes", document.notes}};
  if (withText) {
    json passages = json::array();
    for (const Passage& passage : document.passages) {
      passages.push_back({{"kind", kindName(passage.kind)}, {"text", passage.text}, {"page", passage.page},
                          {"section", passage.section}});
    }
    out["passages"] = passages;
  }
  return out;
}

std::string minutesText(double seconds) {
  if (seconds < 90) return std::to_string(static_cast<int>(seconds + 0.5)) + " s";
  return std::to_string(static_cast<int>(seconds / 60 + 0.5)) + " min";
}

// Questions and answers: the chunks through the generator as a resumable job in the dataset's job
// folder; every pair that parses is kept (the review table is the application's), every chunk
// without a usable reply listed. Returns false when cancelled.
bool generateQuestions(const Arguments& arguments, const catalog::Catalog& store, const std::vector<Document>& documents,
                       const fs::path& jobFolder, std::size_t chunkTokens, const ChunkSettings& chunkSettings,
                       bool jsonOutput, std::atomic<bool>& cancel) {
  QaSettings settings;
  settings.modelFolder = catalogModelFolder(store, *arguments.value("generator"));
  settings.questionsPerChunk = count(arguments, "per-chunk", 3);
  settings.maxNewTokens = count(arguments, "max-new-tokens", 0);
  if (const auto promptFile = arguments.value("prompt-file")) settings.prompt = readWholeFile(*promptFile, kConfigFileLimit);
  checkQaPrompt(settings.prompt);
  const formats::tokenizer::Tokenizer tokenizer = formats::tokenizer::Tokenizer::load(settings.modelFolder);
  ChunkSettings chunks = chunkSettings;
  chunks.tokens = chunkTokens;
  const ChunkResult chunking = chunkDocuments(documents, tokenizer, chunks);
  QaJob job = QaJob::create(jobFolder, settings, qaChunks(documents, chunking.chunks));
  if (!jsonOutput && job.finishedCount() > 0) {
    std::printf("Resuming the questions: %zu of %zu parts done before\n", job.finishedCount(), job.chunks().size());
  }
  const hardware::BackendChoice choice = hardware::chooseBackend(kernels::probeGpus(), hardware::BackendRequest::Auto, std::nullopt);
  if (!jsonOutput) std::printf("Writing questions with %s on %s\n", settings.modelFolder.filename().string().c_str(), hardware::describeChoice(choice).c_str());
  const auto backend = hardware::makeChosenBackend(choice, kernels::MemoryUse{}.limit);
  QaGenerator generator = openQaGenerator(*backend, settings.modelFolder);
  TerminalProgress bar("Questions");
  const QaRunEnd end = job.runBatched(
      *generator.runner, generator.text,
      [&](const QaProgress& p) {
        std::string phase = std::to_string(p.chunksDone) + " of " + std::to_string(p.chunksTotal) + " parts, " +
                            std::to_string(p.pairs) + " pairs, " + std::to_string(p.failures) + " without a usable reply";
        if (p.secondsLeft) phase += ", about " + minutesText(*p.secondsLeft) + " left";
        bar.update(p.chunksTotal ? static_cast<double>(p.chunksDone) / static_cast<double>(p.chunksTotal) : 1, phase);
      },
      &cancel);
  bar.finish();
  if (end == QaRunEnd::Cancelled) {
    std::fprintf(stderr, "tiertune-cli dataset from-documents: stopped; the same command resumes where it stopped\n");
    return false;
  }
  const QaReview review = QaReview::open(jobFolder);
  if (!jsonOutput) {
    std::printf("%zu pairs from %zu parts; %zu parts gave no usable reply%s\n", review.pairs().size(), job.chunks().size(),
                review.failedChunks().size(), review.failedChunks().empty() ? "" : ":");
    for (const QaFailedChunk& failed : review.failedChunks()) {
      std::printf("  %s (pages %s): %s\n", failed.source.document.c_str(),
                  qaPagesText(failed.source.firstPage, failed.source.lastPage).c_str(), failed.reason.c_str());
    }
  }
  return true;
}

}  // namespace

int runFromDocuments(const std::vector<std::string>& args) {
  const Arguments arguments("dataset from-documents", args,
                            {.flags = {"json", "print-text", "dry-run", "qa"},
                             .valued = {"model", "name", "chunk-tokens", "chunk-overlap", "near-duplicate",
                                        "validation-share", "seed", "generator", "per-chunk", "prompt-file",
                                        "max-new-tokens"},
                             .maxPositionals = 100000});
  if (arguments.positionals().empty()) throw UsageError("dataset from-documents needs one or more files or folders");
  const bool printOnly = arguments.flag("print-text");
  if (!printOnly && !arguments.value("model")) throw UsageError("dataset from-documents needs --model MODEL (or --print-text)");
  const bool jsonOutput = arguments.flag("json");
  const bool questions = arguments.flag("qa");
  if (questions && !arguments.value("generator")) throw UsageError("--qa needs --generator MODEL: the model that writes the questions");
  if (!questions && (arguments.value("generator") || arguments.value("per-chunk") || arguments.value("prompt-file"))) {
    throw UsageError("--generator, --per-chunk and --prompt-file go with --qa");
  }

  std::vector<fs::path> sources(arguments.positionals().begin(), arguments.positionals().end());
  const DocumentSelection selection = selectDocuments(sources);
  std::stop_source stop;
  g_stop = &stop;
  std::signal(SIGINT, onDocumentsSignal);
  std::signal(SIGTERM, onDocumentsSignal);
  TerminalProgress reading("Reading");
  const DocumentSet set = readDocuments(
      selection, {},
      [&](const ReadProgress& p) {
        reading.update(p.total ? static_cast<double>(p.done) / static_cast<double>(p.total) : 1,
                       std::to_string(p.done) + " of " + std::to_string(p.total) + " documents");
      },
      stop.get_token());
  reading.finish();
  if (set.cancelled) {
    g_stop = nullptr;
    std::fprintf(stderr, "tiertune-cli dataset from-documents: cancelled; nothing was imported\n");
    return 1;
  }

  if (printOnly) {
    g_stop = nullptr;
    if (jsonOutput) {
      json out = {{"documents", json::array()}, {"failures", json::array()}};
      for (const Document& document : set.documents) out["documents"].push_back(documentJson(document, true));
      for (const DocumentFailure& failure : set.failures) out["failures"].push_back({{"file", failure.file.string()}, {"reason", failure.reason}});
      std::cout << out.dump(2) << "\n";
    } else {
      for (const Document& document : set.documents) printText(document);
      for (const DocumentFailure& failure : set.failures) std::fprintf(stderr, "not read: %s\n", failure.reason.c_str());
    }
    return set.failures.empty() ? 0 : 1;
  }

  const settings::Settings userSettings = settings::loadSettings();
  catalog::Catalog store = catalog::Catalog::open(userSettings.catalogFile());
  TextDatasetRequest request;
  request.modelFolder = catalogModelFolder(store, *arguments.value("model"));
  request.name = arguments.value("name").value_or(sources.front().filename().empty()
                                                      ? sources.front().parent_path().filename().string()
                                                      : sources.front().stem().string());
  request.chunks.tokens = count(arguments, "chunk-tokens", questions ? 512 : 1024);
  request.chunks.overlap = count(arguments, "chunk-overlap", 128);
  request.chunks.nearDuplicate = fraction(arguments, "near-duplicate", 0.8);
  request.validationShare = fraction(arguments, "validation-share", 0.05);
  request.seed = count(arguments, "seed", 1234);
  request.dryRun = arguments.flag("dry-run");

  if (!jsonOutput) {
    std::printf("Read %zu of %zu documents", set.documents.size(), set.documents.size() + set.failures.size());
    if (selection.otherFiles > 0) std::printf(" (%zu other files in the folders skipped)", selection.otherFiles);
    std::printf(":\n");
    for (const Document& document : set.documents) {
      std::printf("  %-32s %-8s %5d pages %8zu words\n", document.file.filename().string().c_str(),
                  document.format.c_str(), document.pages, document.words());
      for (const std::string& note : document.notes) std::printf("      %s\n", note.c_str());
    }
    for (const DocumentFailure& failure : set.failures) std::printf("  not read: %s\n", failure.reason.c_str());
  }
  if (set.documents.empty()) {
    g_stop = nullptr;
    std::fprintf(stderr, "tiertune-cli dataset from-documents: no document could be read\n");
    return 1;
  }

  const auto importProgress = [bar = std::make_shared<TerminalProgress>("Importing")](const data::ImportProgress& p) {
    bar->update(p.totalBytes ? static_cast<double>(p.bytesRead) / static_cast<double>(p.totalBytes) : 0,
                std::to_string(p.rows) + " examples");
  };
  DocumentImportResult result;
  if (questions) {
    requireFreeDatasetName(store, request.name);  // before anything is generated
    const fs::path jobFolder = documentJobFolder(userSettings.dataFolder, request.name);
    std::atomic<bool> cancel{false};
    g_cancelQuestions = &cancel;
    const bool finished = generateQuestions(arguments, store, set.documents, jobFolder, request.chunks.tokens, request.chunks,
                                            jsonOutput, cancel);
    g_cancelQuestions = nullptr;
    if (!finished) {
      g_stop = nullptr;
      return 1;
    }
    QaDatasetRequest qa;
    qa.name = request.name;
    qa.modelFolder = request.modelFolder;
    qa.documents = set.documents;
    qa.validationShare = request.validationShare;
    qa.seed = request.seed;
    qa.dryRun = request.dryRun;
    result = importQaPairs(store, userSettings.dataFolder, jobFolder, qa, importProgress, stop.get_token());
  } else {
    result = importDocumentText(store, userSettings.dataFolder, set.documents, request, importProgress, stop.get_token());
  }
  g_stop = nullptr;
  const data::ImportResult& import = result.import;
  if (jsonOutput) {
    json out = {{"dataset", import.dataset ? json(*import.dataset) : json(nullptr)},
                {"failure", import.failure},
                {"documents", json::array()},
                {"failures", json::array()},
                {"chunks", result.chunks},
                {"near_duplicates_removed", result.nearDuplicates},
                {"train_rows", import.train.rows},
                {"validation_rows", import.validation.rows},
                {"examples_file", result.examplesFile.string()}};
    for (const Document& document : set.documents) out["documents"].push_back(documentJson(document, false));
    for (const DocumentFailure& failure : set.failures) out["failures"].push_back({{"file", failure.file.string()}, {"reason", failure.reason}});
    std::cout << out.dump(2) << "\n";
  } else {
    if (questions) {
      std::printf("%zu question-answer pairs, written with their sources to %s\n", result.chunks,
                  result.examplesFile.string().c_str());
    } else {
      std::printf("%zu chunks of up to %zu tokens (%zu near-duplicates removed), written with their sources to %s\n",
                  result.chunks, request.chunks.tokens, result.nearDuplicates, result.examplesFile.string().c_str());
    }
    if (import.dataset) {
      std::printf("Imported as dataset %lld \"%s\": %zu train and %zu validation examples, %llu tokens\n",
                  static_cast<long long>(*import.dataset), request.name.c_str(), import.train.rows, import.validation.rows,
                  static_cast<unsigned long long>(import.train.tokens + import.validation.tokens));
    } else if (request.dryRun && import.failure.empty()) {
      std::printf("Dry run: %zu train and %zu validation examples would be imported\n", import.train.rows,
                  import.validation.rows);
    }
  }
  if (!import.dataset && !(request.dryRun && import.failure.empty())) {
    if (!jsonOutput) std::fprintf(stderr, "tiertune-cli dataset from-documents: %s\n", import.failure.c_str());
    return 1;
  }
  return 0;
}

}  // namespace tiertune::cli
