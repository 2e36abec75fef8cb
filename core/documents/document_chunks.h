// Documents into chunks of a token length for continued pre-training and for question generation:
// whole passages packed up to the length (a longer passage cut at sentence ends, then at tokens),
// consecutive chunks sharing about `overlap` tokens of passages, near-duplicate chunks (MinHash
// over word shingles) dropped after the first. Every chunk knows its document and pages.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "core/documents/document.h"
#include "core/formats/tokenizer/tokenizer.h"

namespace tiertune::documents {

struct Chunk {
  std::size_t document = 0;         // index into the documents it was cut from
  int firstPage = 0, lastPage = 0;  // 0 where the format has no pages
  std::string section;              // the section it starts in
  std::string text;
  std::size_t tokens = 0;
};

struct ChunkSettings {
  std::size_t tokens = 1024;   // at most, per chunk
  std::size_t overlap = 128;   // about, between consecutive chunks of a document
  double nearDuplicate = 0.8;  // estimated word-shingle similarity at which a chunk is dropped
};

struct ChunkResult {
  std::vector<Chunk> chunks;
  std::size_t nearDuplicates = 0;  // dropped
};

ChunkResult chunkDocuments(const std::vector<Document>& documents, const formats::tokenizer::Tokenizer& tokenizer,
                           const ChunkSettings& settings);

}  // namespace tiertune::documents
