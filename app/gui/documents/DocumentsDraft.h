// What the "Make a dataset from documents" wizard's pages fill in together: the sources, the model
// and the name from the sources page; the documents the read page read (and the sources they were
// read from, so that going back and on again reads only when the sources changed); the kind of
// dataset and its settings from the kind page; the question job's folder (the job and its review
// live there); and the import's result for the summary. Owned by DocumentsWizard; each page keeps
// its own part current while the person edits.
#pragma once

#include <QString>
#include <cstddef>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/gui/documents/QaModel.h"
#include "core/data/dataset_import.h"
#include "core/documents/document_chunks.h"
#include "core/documents/document_reader.h"
#include "core/documents/qa_job.h"

namespace tiertune::gui {

struct DocumentsDraft {
  enum class Kind {
    Text,       // the chunks as text, for continued pre-training
    Questions,  // questions and answers a generator model writes about each chunk
  };

  // The sources page: files and folders as chosen, in order.
  std::vector<std::filesystem::path> sources;
  // The model the dataset is for (its tokenizer cuts the chunks and encodes), with its name and
  // context in tokens (0 when unknown).
  std::filesystem::path modelFolder;
  QString modelName;
  qlonglong modelContext = 0;
  std::string name;  // the dataset's

  // The read page: what was read from readSources (empty until a read has finished).
  std::vector<std::filesystem::path> readSources;
  std::optional<documents::DocumentSet> read;
  std::size_t otherFiles = 0;  // in the folders, not documents: skipped

  // The kind page.
  Kind kind = Kind::Text;
  documents::ChunkSettings textChunks{.tokens = 1024, .overlap = 128};
  documents::ChunkSettings questionChunks{.tokens = 512, .overlap = 0};
  // Questions: the model that writes them, its context in tokens (0 when unknown), and the job's
  // settings (the generator's folder, the prompt, questions per part).
  QString generatorName;
  qlonglong generatorContext = 0;
  documents::QaSettings qa;
  // How the generator is opened, on the generate page's worker thread.
  QaModelFactory openGenerator;

  // The question job's folder, DATA_FOLDER/document-jobs/NAME, once the generate page made the job.
  std::filesystem::path jobFolder;

  // The import page's result, for the summary.
  std::optional<data::ImportResult> imported;
  std::size_t chunks = 0;          // examples written (chunks or pairs)
  std::size_t nearDuplicates = 0;  // chunks the chunker dropped as near-duplicates
  std::filesystem::path examplesFile;

  // A read, a generation or an import runs: the wizard goes on from no page until it is done.
  bool working = false;

  // The documents read; empty before a read.
  const std::vector<documents::Document>& documents() const {
    static const std::vector<documents::Document> none;
    return read ? read->documents : none;
  }
};

}  // namespace tiertune::gui
