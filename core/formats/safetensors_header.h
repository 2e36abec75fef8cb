// The layout of a safetensors file, and the strict parser that derives it from the file's bytes.
// A file is an 8-byte little-endian header length N, N bytes of JSON header naming each tensor's
// dtype, shape and byte range, then the data buffer the ranges point into. Files come from the
// internet, so every rule is checked and every error names the file, the tensor and what to do.
// Used by the memory-mapped reader (safetensors_reader.h), the writer and the fuzz target.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/formats/dtype.h"

namespace tiertune::formats {

// The reference implementation refuses larger headers (a defence against memory exhaustion).
inline constexpr std::uint64_t kMaxSafetensorsHeaderBytes = 100'000'000;

struct TensorInfo {
  std::string name;
  Dtype dtype = Dtype::F32;
  std::vector<std::int64_t> shape;  // row-major; empty for a scalar
  std::uint64_t begin = 0;          // byte range [begin, end) in the data buffer
  std::uint64_t end = 0;

  std::uint64_t elementCount() const;
  std::uint64_t byteCount() const { return end - begin; }
};

struct SafetensorsLayout {
  std::uint64_t headerBytes = 0;                // N: the JSON header, padding spaces included
  std::uint64_t dataStart = 0;                  // 8 + N: where the data buffer starts in the file
  std::uint64_t dataBytes = 0;                  // size of the data buffer: the rest of the file
  std::vector<TensorInfo> tensors;              // in the order of their data (by begin)
  std::map<std::string, std::string> metadata;  // the optional "__metadata__" entry
};

// Parses and validates a whole file given as bytes (usually a memory map). fileLabel names the
// file in error messages. Throws tiertune::Error when any rule of the format is broken:
//  - at least 8 bytes; N at most kMaxSafetensorsHeaderBytes and within the file;
//  - the header is UTF-8 JSON: one object, no key twice at any level;
//  - "__metadata__", when present, maps strings to strings;
//  - every other entry is a tensor {"dtype": known name, "shape": [non-negative integers],
//    "data_offsets": [begin, end]} with a non-empty name; other keys in an entry are ignored, as
//    the reference does;
//  - shape product × dtype size == end − begin (no overflow, whole bytes for sub-byte dtypes);
//  - sorted by offsets, the tensors cover the data buffer exactly: the first starts at 0, each
//    starts where the previous ends (no holes, no overlaps), the last ends at the end of the file.
SafetensorsLayout parseSafetensorsLayout(std::span<const std::byte> file, const std::string& fileLabel);

// The header JSON the reference writer produces for tensors laid out in this order, padded with
// spaces to a multiple of 8 bytes so that the data buffer starts 8-byte aligned. Keys of an entry
// come in the reference's order (dtype, shape, data_offsets); metadata first, sorted by key.
std::string serializeSafetensorsHeader(const std::vector<TensorInfo>& tensors,
                                       const std::map<std::string, std::string>& metadata);

// "[4096, 11008]" for messages.
std::string formatShape(std::span<const std::int64_t> shape);

}  // namespace tiertune::formats
