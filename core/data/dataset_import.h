// Importing a dataset file: read it as a stream, map every record to an example, keep the first
// of exact duplicates, split train/validation with a seed, encode with the chosen model's
// tokenizer and chat template, and write the result where training reads it. Every row that is not
// used appears in the validation report. Shared by the import wizard and `tiertune-cli dataset`.
//
// On disk, under DATA_FOLDER/datasets/FOLDER (FOLDER recorded in the catalog row's statistics):
//   examples.jsonl       the kept examples in one canonical shape with their split, so that the
//                        tokenized form can be rebuilt for another model without the source file
//   report.csv           the validation report
//   tokens-KEY/          per tokenizer (KEY: its file's SHA-256): train.* and validation.* token
//                        shards (token_shards.h) and manifest.json
// Atomic: everything is written into a staging folder beside it, fsynced, renamed into place, and
// only then is the catalog row added; a failed or cancelled import removes its staging folder and
// leaves the catalog as it was.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <stop_token>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/catalog/catalog.h"
#include "core/data/example_encoder.h"
#include "core/data/record_reader.h"
#include "core/data/record_shape.h"
#include "core/data/validation_report.h"

namespace tiertune::data {

struct ImportRequest {
  std::filesystem::path file;  // a dataset file; or a .txt/.md file or a folder of them (text_documents.h)
  std::optional<std::filesystem::path> validationFile;  // instead of a share of file
  std::string name;                                     // unique in the catalog
  std::optional<RecordShape> shape;                     // detected from the first records when empty
  FieldMapping mapping;
  double validationShare = 0.05;  // of the rows, when there is no validation file
  std::uint64_t seed = 1234;      // the split
  bool removeDuplicates = true;
  EncodeSettings encode;
  std::filesystem::path modelFolder;  // its tokenizer and chat template
  unsigned threads = 0;               // for mapping and encoding; 0: every core
  bool dryRun = false;                // the whole check and the statistics, but no dataset
  std::size_t chunkOverlap = 128;     // text documents: tokens shared by consecutive samples
  // Where the examples came from when file was made from something else (the documents a dataset
  // was made of: core/documents/document_dataset.h); kept in the statistics as "provenance".
  nlohmann::ordered_json provenance;
};

// Where the time went (tests/bench/bench_dataset_import reports it).
struct ImportTimings {
  double readSeconds = 0;    // reading and parsing the files (wall)
  double encodeSeconds = 0;  // mapping, templating and tokenizing, in parallel (wall)
  double writeSeconds = 0;   // report, deduplication, split and the files (wall)
  double renderCpuSeconds = 0;    // of encodeSeconds' thread time: the chat template
  double tokenizeCpuSeconds = 0;  // and the tokenizer
};

struct SplitStatistics {
  std::size_t rows = 0;
  std::uint64_t tokens = 0;
  std::uint64_t trainedTokens = 0;
  std::size_t truncated = 0;
  std::size_t untrainedAnswers = 0;
  std::size_t longest = 0;
  std::vector<std::size_t> histogram;  // rows per length bin (ImportResult::histogramBinTokens wide)
};

struct ImportProgress {
  std::uintmax_t bytesRead = 0;  // over all input files
  std::uintmax_t totalBytes = 0;
  std::size_t rows = 0;
};

struct ImportResult {
  std::optional<catalog::Id> dataset;  // empty when cancelled or when no row was usable
  bool cancelled = false;
  std::string failure;                 // why there is no dataset, in words (empty when there is)
  RecordShape shape = RecordShape::Text;
  double shapeConfidence = 1;
  ValidationReport report;
  SplitStatistics train, validation;
  std::size_t histogramBinTokens = 1;  // bin i holds rows of i * width + 1 ... (i + 1) * width tokens
  std::filesystem::path folder;        // the dataset's folder, when imported
  ImportTimings timings;
};

inline constexpr std::size_t kHistogramBins = 16;

// Throws tiertune::Error naming the file for what breaks a whole file (unreadable, not UTF-8, a
// model folder without a tokenizer, a name already taken). progress is called now and then from
// the calling thread; a stop request ends the import at the next row, without a trace.
ImportResult importDataset(catalog::Catalog& catalog, const std::filesystem::path& dataFolder,
                           const ImportRequest& request,
                           const std::function<void(const ImportProgress&)>& progress = {},
                           std::stop_token stop = {});

// The first rows of a file as the model will see them: for the import wizard's preview.
struct PreviewRow {
  std::size_t row = 0;
  std::optional<RowProblem> problem;                   // or:
  std::vector<std::pair<std::string, bool>> segments;  // decoded text, trained or not
  std::size_t tokens = 0, trainedTokens = 0;
};
// The shape and mapping as importDataset would use them (detected when request.shape is empty).
// Throws tiertune::Error as importDataset does.
std::vector<PreviewRow> previewImport(const ImportRequest& request, std::size_t rows, RecordShape* shapeUsed = nullptr,
                                      double* confidence = nullptr);

// The token folder of a dataset for a model's tokenizer: the existing one, or one built from the
// dataset's examples.jsonl with the settings it was imported with (another model, or a folder
// that went missing), atomically. Throws tiertune::Error naming what is missing.
std::filesystem::path ensureTokenFolder(const std::filesystem::path& dataFolder, const catalog::DatasetRecord& dataset,
                                        const std::filesystem::path& modelFolder, std::stop_token stop = {});

// The model folder a dataset was imported (tokenized) for, from its statistics; empty when the row
// does not say (it is then prepared for whichever model a run chooses).
std::filesystem::path datasetModelFolder(const catalog::DatasetRecord& dataset);

// The folder of a dataset row (from its statistics), or empty for a row that names none. Throws
// tiertune::Error naming the dataset when the stored name leads outside DATA_FOLDER/datasets (an
// absolute path, "..", an empty name, a symlink out): a damaged row never reaches other files.
std::filesystem::path datasetFolder(const std::filesystem::path& dataFolder, const catalog::DatasetRecord& dataset);

// Removes a dataset's catalog row, then its folder (the row first: a folder without a row is only
// wasted space). A folder that cannot be removed, or a row whose folder would lead outside
// DATA_FOLDER/datasets, leaves the files alone; the returned sentence says what stayed and why
// (empty when everything went). Throws tiertune::Error when there is no such row.
std::string removeDatasetWithFiles(catalog::Catalog& catalog, const std::filesystem::path& dataFolder, catalog::Id id);

}  // namespace tiertune::data
