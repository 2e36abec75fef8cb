// Documents into a dataset in the catalog, through the existing dataset import (its validation,
// split, tokenization and atomic publish): the chunks as text for continued pre-training, or
// reviewed question-answer pairs as conversations. What the examples were made from (each
// document's name, SHA-256, format, pages and words; the chunk settings; the generator) is kept in
// the dataset's statistics as "provenance", and the examples file with every chunk's or pair's
// source stays in the job's folder, DATA_FOLDER/document-jobs/NAME.
#pragma once

#include <filesystem>
#include <functional>
#include <stop_token>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/catalog/catalog.h"
#include "core/data/dataset_import.h"
#include "core/documents/document.h"
#include "core/documents/document_chunks.h"

namespace tiertune::documents {

// DATA_FOLDER/document-jobs/<the dataset's name made safe for a folder>.
std::filesystem::path documentJobFolder(const std::filesystem::path& dataFolder, const std::string& datasetName);

// Throws tiertune::Error when the catalog has a dataset of that name: checked before a job's
// files are written (they belong to the dataset of that name) and before questions are generated.
void requireFreeDatasetName(const catalog::Catalog& catalog, const std::string& name);

// [{"file", "path", "sha256", "format", "title", "pages", "words"}] for each document.
nlohmann::ordered_json documentsProvenance(const std::vector<Document>& documents);

struct TextDatasetRequest {
  std::string name;                   // unique in the catalog
  std::filesystem::path modelFolder;  // the model it is for: its tokenizer cuts and encodes
  ChunkSettings chunks;
  double validationShare = 0.05;
  std::uint64_t seed = 1234;
  unsigned threads = 0;
  bool dryRun = false;  // every check and the statistics, no dataset
};

struct DocumentImportResult {
  data::ImportResult import;
  std::size_t chunks = 0;          // written to the examples file
  std::size_t nearDuplicates = 0;  // dropped by the chunker
  std::filesystem::path examplesFile;
};

// Continued pre-training: the documents cut into chunks with the model's tokenizer, written as
// {"text", "source", "title", "pages", "section"} lines to JOB/text.jsonl, imported as text.
// Throws tiertune::Error as data::importDataset does, and when no document gives a chunk.
DocumentImportResult importDocumentText(catalog::Catalog& catalog, const std::filesystem::path& dataFolder,
                                        const std::vector<Document>& documents, const TextDatasetRequest& request,
                                        const std::function<void(const data::ImportProgress&)>& progress = {},
                                        std::stop_token stop = {});

struct QaDatasetRequest {
  std::string name;                   // unique in the catalog
  std::filesystem::path modelFolder;  // the model it is for: its tokenizer and chat template encode
  std::vector<Document> documents;    // the documents the job was made from, for the provenance
                                      // (their hashes); empty: the job's document names only
  std::size_t maxTokens = 2048;       // of one conversation
  double validationShare = 0.05;
  std::uint64_t seed = 1234;
  unsigned threads = 0;
  bool dryRun = false;
};

// Question-answer pairs: the accepted (and edited) pairs of the question job in jobFolder
// (qa_review.h), written as {"messages": [user, assistant], "source", "title", "pages", "section"}
// lines to JOB/qa.jsonl and imported as conversations, the loss on the answers. Throws
// tiertune::Error when no pair is accepted, the name is taken, or as data::importDataset does.
DocumentImportResult importQaPairs(catalog::Catalog& catalog, const std::filesystem::path& dataFolder,
                                   const std::filesystem::path& jobFolder, const QaDatasetRequest& request,
                                   const std::function<void(const data::ImportProgress&)>& progress = {},
                                   std::stop_token stop = {});

}  // namespace tiertune::documents
