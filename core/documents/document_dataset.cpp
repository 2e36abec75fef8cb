#include "core/documents/document_dataset.h"

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

std::string pagesText(const Chunk& chunk) {
  if (chunk.firstPage == 0) return {};
  if (chunk.firstPage == chunk.lastPage) return std::to_string(chunk.firstPage);
  return std::to_string(chunk.firstPage) + "-" + std::to_string(chunk.lastPage);
}

}  // namespace

DocumentImportResult importDocumentText(catalog::Catalog& catalog, const fs::path& dataFolder,
                                        const std::vector<Document>& documents, const TextDatasetRequest& request,
                                        const std::function<void(const data::ImportProgress&)>& progress,
                                        std::stop_token stop) {
  return fileErrorsInWords("Could not make the dataset from documents", [&] {
    if (documents.empty()) throw Error("There are no documents to make a dataset of.");
    // Before the job's files are written: they belong to the dataset of that name.
    for (const catalog::DatasetRecord& dataset : catalog.datasets()) {
      if (dataset.name == request.name) {
        throw Error("A dataset named \"" + request.name + "\" exists already; choose another name or delete it first.");
      }
    }
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
                    {"pages", pagesText(chunk)},
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

}  // namespace tiertune::documents
