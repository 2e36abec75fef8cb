#include "core/documents/document_dataset.h"

#include "core/documents/qa_job.h"
#include "core/documents/qa_prompt.h"
#include "core/documents/qa_review.h"
#include "core/formats/tokenizer/tokenizer.h"
#include "core/train/run_launch.h"
#include "core/util/durable_file.h"
#include "core/util/error.h"
#include "core/util/sha256.h"

namespace fs = std::filesystem;
using json = nlohmann::ordered_json;

namespace tiertune::documents {

fs::path documentJobFolder(const fs::path& dataFolder, const std::string& datasetName) {
  return dataFolder / "document-jobs" / train::folderSafeName(datasetName);
}

void requireFreeDatasetName(const catalog::Catalog& catalog, const std::string& name) {
  for (const catalog::DatasetRecord& dataset : catalog.datasets()) {
    if (dataset.name == name) {
      throw Error("A dataset named \"" + name + "\" exists already; choose another name or delete it first.");
    }
  }
}

json documentsProvenance(const std::vector<Document>& documents) {
  json list = json::array();
  for (const Document& document : documents) {
    list.push_back({{"file", document.file.filename().string()},
                    {"path", fs::absolute(document.file).string()},
                    {"sha256", sha256HexOfFile(document.file)},
                    {"format", document.format},
                    {"title", document.title},
                    {"pages", document.pages},
                    {"words", document.words()}});
  }
  return list;
}

namespace {

std::string pagesText(int firstPage, int lastPage) {
  if (firstPage == 0) return {};
  if (firstPage == lastPage) return std::to_string(firstPage);
  return std::to_string(firstPage) + "-" + std::to_string(lastPage);
}


}  // namespace

DocumentImportResult importDocumentText(catalog::Catalog& catalog, const fs::path& dataFolder,
                                        const std::vector<Document>& documents, const TextDatasetRequest& request,
                                        const std::function<void(const data::ImportProgress&)>& progress,
                                        std::stop_token stop) {
  return fileErrorsInWords("Could not make the dataset from documents", [&] {
    if (documents.empty()) throw Error("There are no documents to make a dataset of.");
    requireFreeDatasetName(catalog, request.name);
    const formats::tokenizer::Tokenizer tokenizer = formats::tokenizer::Tokenizer::load(request.modelFolder);
    const ChunkResult chunking = chunkDocuments(documents, tokenizer, request.chunks);
    if (chunking.chunks.empty()) throw Error("The documents gave no text to train on.");

    DocumentImportResult result;
    result.chunks = chunking.chunks.size();
    result.nearDuplicates = chunking.nearDuplicates;
    const fs::path job = documentJobFolder(dataFolder, request.name);
    fs::create_directories(job);
    result.examplesFile = job / "text.jsonl";
    std::string lines;
    for (const Chunk& chunk : chunking.chunks) {
      const Document& document = documents[chunk.document];
      lines += json{{"text", chunk.text},
                    {"source", document.file.filename().string()},
                    {"title", document.title},
                    {"pages", pagesText(chunk.firstPage, chunk.lastPage)},
                    {"section", chunk.section}}
                   .dump(-1, ' ', false, json::error_handler_t::replace);
      lines += '\n';
    }
    writeFileAtomically(result.examplesFile, lines);

    data::ImportRequest import;
    import.file = result.examplesFile;
    import.name = request.name;
    import.shape = data::RecordShape::Text;
    import.validationShare = request.validationShare;
    import.seed = request.seed;
    import.modelFolder = request.modelFolder;
    import.threads = request.threads;
    import.dryRun = request.dryRun;
    // The chunks fit by construction; room for the tokens the tokenizer adds around a text.
    import.encode.maxTokens = request.chunks.tokens + 8;
    import.provenance = {{"kind", "documents as text"},
                         {"documents", documentsProvenance(documents)},
                         {"chunk_tokens", request.chunks.tokens},
                         {"chunk_overlap", request.chunks.overlap},
                         {"near_duplicate_similarity", request.chunks.nearDuplicate},
                         {"chunks", result.chunks},
                         {"near_duplicates_removed", result.nearDuplicates},
                         {"examples_file", fs::absolute(result.examplesFile).string()}};
    result.import = data::importDataset(catalog, dataFolder, import, progress, stop);
    return result;
  });
}

DocumentImportResult importQaPairs(catalog::Catalog& catalog, const fs::path& dataFolder, const fs::path& jobFolder,
                                   const QaDatasetRequest& request,
                                   const std::function<void(const data::ImportProgress&)>& progress,
                                   std::stop_token stop) {
  return fileErrorsInWords("Could not make the dataset of questions and answers", [&] {
    const QaJob job = QaJob::open(jobFolder);
    const QaReview review = QaReview::open(jobFolder);
    const std::vector<QaReviewPair> accepted = review.acceptedPairs();
    if (accepted.empty()) {
      throw Error("No question-answer pair is kept: accept or edit some in the review before the import.");
    }
    requireFreeDatasetName(catalog, request.name);

    DocumentImportResult result;
    result.chunks = accepted.size();
    result.examplesFile = jobFolder / "qa.jsonl";
    std::string lines;
    for (const QaReviewPair& pair : accepted) {
      const QaPair& text = pair.text();
      lines += json{{"messages", json::array({{{"role", "user"}, {"content", text.question}},
                                              {{"role", "assistant"}, {"content", text.answer}}})},
                    {"source", pair.source.document},
                    {"title", pair.source.title},
                    {"pages", pagesText(pair.source.firstPage, pair.source.lastPage)},
                    {"section", pair.source.section}}
                   .dump(-1, ' ', false, json::error_handler_t::replace);
      lines += '\n';
    }
    writeFileAtomically(result.examplesFile, lines);

    std::size_t edited = 0, rejected = 0;
    for (const QaReviewPair& pair : review.pairs()) {
      edited += pair.state() == QaPairState::Edited;
      rejected += pair.state() == QaPairState::Rejected;
    }
    json documents = json::array();
    if (!request.documents.empty()) {
      documents = documentsProvenance(request.documents);
    } else {
      for (const std::string& name : review.documents()) documents.push_back({{"file", name}});
    }
    data::ImportRequest import;
    import.file = result.examplesFile;
    import.name = request.name;
    import.shape = data::RecordShape::Messages;
    import.validationShare = request.validationShare;
    import.seed = request.seed;
    import.modelFolder = request.modelFolder;
    import.threads = request.threads;
    import.dryRun = request.dryRun;
    import.encode.maxTokens = request.maxTokens;
    import.encode.lossOn = data::LossOn::Responses;
    import.provenance = {{"kind", "documents as questions and answers"},
                         {"documents", documents},
                         {"generator", fs::absolute(job.settings().modelFolder).string()},
                         {"prompt", job.settings().prompt},
                         {"questions_per_chunk", job.settings().questionsPerChunk},
                         {"chunks", job.chunks().size()},
                         {"chunks_without_usable_reply", review.failedChunks().size()},
                         {"pairs_generated", review.pairs().size()},
                         {"pairs_kept", accepted.size()},
                         {"pairs_edited", edited},
                         {"pairs_rejected", rejected},
                         {"job_folder", fs::absolute(jobFolder).string()},
                         {"examples_file", fs::absolute(result.examplesFile).string()}};
    result.import = data::importDataset(catalog, dataFolder, import, progress, stop);
    return result;
  });
}

}  // namespace tiertune::documents
