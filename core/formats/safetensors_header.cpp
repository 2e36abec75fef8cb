#include "core/formats/safetensors_header.h"

#include <algorithm>
#include <bit>
#include <limits>
#include <nlohmann/json.hpp>
#include <tuple>

#include "core/util/error.h"
#include "core/util/json_text.h"

namespace tiertune::formats {
namespace {

static_assert(std::endian::native == std::endian::little,
              "safetensors data is little-endian; this code reads it in place");

using nlohmann::json;

constexpr std::size_t kMaxHeaderJsonDepth = 16;  // a real header nests 3 deep; deeper is an attack

[[noreturn]] void fail(const std::string& fileLabel, const std::string& what) {
  throw Error(fileLabel + ": " + what);
}

std::string damagedAdvice() {
  return "the file is damaged or was not written by a safetensors writer; download or export it again.";
}

// Offset of the first byte that breaks UTF-8 (overlong forms, surrogates and code points above
// U+10FFFF included), or npos when the text is valid.
std::size_t firstInvalidUtf8(std::string_view text) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  std::size_t i = 0;
  while (i < text.size()) {
    const unsigned lead = bytes[i];
    std::size_t length = 0;
    std::uint32_t codePoint = 0;
    std::uint32_t smallest = 0;
    if (lead < 0x80) {
      ++i;
      continue;
    } else if ((lead & 0xe0) == 0xc0) {
      length = 2, codePoint = lead & 0x1f, smallest = 0x80;
    } else if ((lead & 0xf0) == 0xe0) {
      length = 3, codePoint = lead & 0x0f, smallest = 0x800;
    } else if ((lead & 0xf8) == 0xf0) {
      length = 4, codePoint = lead & 0x07, smallest = 0x10000;
    } else {
      return i;
    }
    if (i + length > text.size()) return i;
    for (std::size_t k = 1; k < length; ++k) {
      if ((bytes[i + k] & 0xc0) != 0x80) return i;
      codePoint = (codePoint << 6) | (bytes[i + k] & 0x3f);
    }
    if (codePoint < smallest || codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff)) {
      return i;
    }
    i += length;
  }
  return std::string_view::npos;
}

struct HeaderShapeError {
  std::string what;
};

// Parses the header JSON, refusing duplicate keys at any level (nlohmann would keep one of them
// silently) and absurd nesting, in time linear in the header's size (1.6 M entries fit in 100 MB).
json parseHeaderJson(std::string_view text, const std::string& fileLabel) {
  auto refuseDuplicate = [](std::size_t depth, const std::string& key) {
    throw HeaderShapeError{
        depth <= 1 ? (key == "__metadata__" ? "the header has two \"__metadata__\" entries; " + damagedAdvice()
                                            : "tensor " + key + " is listed twice in the header; " + damagedAdvice())
                   : "the header repeats the key \"" + key + "\" inside one entry; " + damagedAdvice()};
  };
  try {
    return parseJsonText(text, fileLabel, kMaxHeaderJsonDepth, refuseDuplicate);
  } catch (const HeaderShapeError& error) {
    fail(fileLabel, error.what);
  } catch (const JsonTooDeep&) {
    fail(fileLabel, "the header nests deeper than " + std::to_string(kMaxHeaderJsonDepth) +
                        " levels, which no safetensors header does; " + damagedAdvice());
  } catch (const json::exception& error) {  // parse_error, or out_of_range: a number too large
    std::string detail = error.what();
    if (auto bracket = detail.find("] "); bracket != std::string::npos) detail.erase(0, bracket + 2);
    fail(fileLabel, "the header is not valid JSON (" + detail + "); " + damagedAdvice());
  }
}

std::string typeName(const json& value) {
  if (value.is_number_unsigned()) return "a whole number";
  if (value.is_number_integer()) return "a negative number";
  if (value.is_number_float()) return "a fractional number";
  if (value.is_string()) return "a text";
  if (value.is_array()) return "a list";
  if (value.is_object()) return "an object";
  if (value.is_boolean()) return "true/false";
  return "null";
}

std::map<std::string, std::string> readMetadata(const json& entry, const std::string& fileLabel) {
  std::map<std::string, std::string> metadata;
  if (entry.is_null()) return metadata;  // the reference accepts an explicit null
  if (!entry.is_object()) {
    fail(fileLabel, "the header's \"__metadata__\" entry must be an object of texts, not " + typeName(entry) +
                        "; " + damagedAdvice());
  }
  for (const auto& [key, value] : entry.items()) {
    if (!value.is_string()) {
      fail(fileLabel, "the header's \"__metadata__\" entry \"" + key + "\" must be a text, not " +
                          typeName(value) + "; " + damagedAdvice());
    }
    metadata.emplace(key, value.get<std::string>());
  }
  return metadata;
}

TensorInfo readTensorEntry(const std::string& name, const json& entry, const std::string& fileLabel) {
  const std::string where = "tensor " + name;
  if (name.empty()) fail(fileLabel, "the header lists a tensor with an empty name; " + damagedAdvice());
  if (!entry.is_object()) {
    fail(fileLabel,
         where + ": its header entry must be an object, not " + typeName(entry) + "; " + damagedAdvice());
  }
  auto field = [&](const char* key) -> const json& {
    auto found = entry.find(key);
    if (found == entry.end()) {
      fail(fileLabel, where + ": its header entry has no \"" + key + "\"; " + damagedAdvice());
    }
    return *found;
  };

  TensorInfo info;
  info.name = name;

  const json& dtype = field("dtype");
  if (!dtype.is_string()) {
    fail(fileLabel, where + ": \"dtype\" must be a text such as \"BF16\", not " + typeName(dtype) + "; " +
                        damagedAdvice());
  }
  const auto parsedDtype = parseDtype(dtype.get_ref<const std::string&>());
  if (!parsedDtype) {
    fail(fileLabel,
         where + " has the unknown dtype \"" + dtype.get<std::string>() +
             "\"; the safetensors format defines " + knownDtypeNames() +
             ". The file was written by a newer or non-standard tool; convert it to BF16 with the tool "
             "that made it.");
  }
  info.dtype = *parsedDtype;

  const json& shape = field("shape");
  if (!shape.is_array()) {
    fail(fileLabel, where + ": \"shape\" must be a list of whole numbers, not " + typeName(shape) + "; " +
                        damagedAdvice());
  }
  for (const json& dimension : shape) {
    if (!dimension.is_number_unsigned() ||
        dimension.get<std::uint64_t>() >
            static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
      fail(fileLabel, where + ": \"shape\" must hold non-negative whole numbers, but it holds " +
                          typeName(dimension) + " (" + dimension.dump() + "); " + damagedAdvice());
    }
    info.shape.push_back(static_cast<std::int64_t>(dimension.get<std::uint64_t>()));
  }

  const json& offsets = field("data_offsets");
  if (!offsets.is_array() || offsets.size() != 2 || !offsets[0].is_number_unsigned() ||
      !offsets[1].is_number_unsigned()) {
    fail(fileLabel, where + ": \"data_offsets\" must be two non-negative whole numbers [begin, end], not " +
                        offsets.dump() + "; " + damagedAdvice());
  }
  info.begin = offsets[0].get<std::uint64_t>();
  info.end = offsets[1].get<std::uint64_t>();
  if (info.end < info.begin) {
    fail(fileLabel, where + ": its data ends (byte " + std::to_string(info.end) +
                        ") before it begins (byte " + std::to_string(info.begin) + "); " + damagedAdvice());
  }

  // shape product × element size must be exactly the byte range, computed without overflow.
  std::uint64_t elements = 1;
  for (std::int64_t dimension : info.shape) {
    if (__builtin_mul_overflow(elements, static_cast<std::uint64_t>(dimension), &elements)) {
      fail(fileLabel, where + ": its shape " + formatShape(info.shape) +
                          " has more elements than any computer can hold; " + damagedAdvice());
    }
  }
  std::uint64_t bits = 0;
  if (__builtin_mul_overflow(elements, std::uint64_t{dtypeBits(info.dtype)}, &bits)) {
    fail(fileLabel, where + ": its shape " + formatShape(info.shape) + " of " +
                        std::string(dtypeName(info.dtype)) + " is larger than any computer can hold; " +
                        damagedAdvice());
  }
  if (bits % 8 != 0) {
    fail(fileLabel, where + ": " + std::to_string(elements) + " elements of " +
                        std::string(dtypeName(info.dtype)) + " (" + std::to_string(dtypeBits(info.dtype)) +
                        " bits each) do not fill whole bytes, which the format does not allow; " +
                        damagedAdvice());
  }
  if (bits / 8 != info.byteCount()) {
    fail(fileLabel, where + " has shape " + formatShape(info.shape) + " and dtype " +
                        std::string(dtypeName(info.dtype)) + ", which make " + std::to_string(bits / 8) +
                        " bytes, but its data_offsets [" + std::to_string(info.begin) + ", " +
                        std::to_string(info.end) + "] span " + std::to_string(info.byteCount()) +
                        " bytes: the header contradicts itself; " + damagedAdvice());
  }
  return info;
}

// Sorted by offset, the tensors must tile the data buffer: no hole, no overlap, nothing after.
void checkTensorsTileTheData(const std::vector<TensorInfo>& tensors, std::uint64_t dataBytes,
                             const std::string& fileLabel) {
  std::uint64_t covered = 0;
  const TensorInfo* previous = nullptr;
  for (const TensorInfo& tensor : tensors) {
    if (tensor.begin < covered) {
      fail(fileLabel, "tensor " + tensor.name + " (data bytes " + std::to_string(tensor.begin) + " to " +
                          std::to_string(tensor.end) + ") overlaps tensor " + previous->name + " (bytes " +
                          std::to_string(previous->begin) + " to " + std::to_string(previous->end) + "); " +
                          damagedAdvice());
    }
    if (tensor.begin > covered) {
      fail(fileLabel,
           previous == nullptr
               ? "tensor " + tensor.name + " starts at byte " + std::to_string(tensor.begin) +
                     " of the data, but the first tensor must start at byte 0: the data has a hole of " +
                     std::to_string(tensor.begin) + " bytes; " + damagedAdvice()
               : "tensor " + tensor.name + " starts at byte " + std::to_string(tensor.begin) +
                     " of the data, but the tensor before it, " + previous->name + ", ends at byte " +
                     std::to_string(covered) + ": the data has a hole of " +
                     std::to_string(tensor.begin - covered) + " bytes; " + damagedAdvice());
    }
    if (tensor.end > dataBytes) {
      fail(fileLabel,
           "tensor " + tensor.name + " ends at byte " + std::to_string(tensor.end) +
               " of the data, but the file's data is only " + std::to_string(dataBytes) +
               " bytes: the file is truncated (an interrupted download or copy); download it again.");
    }
    covered = tensor.end;
    previous = &tensor;
  }
  if (covered != dataBytes) {
    fail(fileLabel, "the file has " + std::to_string(dataBytes - covered) +
                        " bytes after the end of the last tensor" +
                        (previous ? " (" + previous->name + ")" : std::string(" (it lists no tensor)")) +
                        " that no tensor uses; " + damagedAdvice());
  }
}

void appendJsonString(std::string& out, const std::string& text) {
  if (firstInvalidUtf8(text) != std::string_view::npos) {
    throw Error("the text \"" + text +
                "\" (a tensor name or metadata) is not valid UTF-8, which the format requires.");
  }
  out += json(text).dump();
}

}  // namespace

std::uint64_t TensorInfo::elementCount() const {
  std::uint64_t elements = 1;
  for (std::int64_t dimension : shape) elements *= static_cast<std::uint64_t>(dimension);
  return elements;
}

std::string formatShape(std::span<const std::int64_t> shape) {
  std::string text = "[";
  for (std::size_t i = 0; i < shape.size(); ++i) {
    if (i) text += ", ";
    text += std::to_string(shape[i]);
  }
  return text + "]";
}

SafetensorsLayout parseSafetensorsLayout(std::span<const std::byte> file, const std::string& fileLabel) {
  if (file.size() < 8) {
    fail(fileLabel, "the file is only " + std::to_string(file.size()) +
                        " bytes long, too short for a safetensors file (which starts with an 8-byte header "
                        "length); it is truncated or not a safetensors file. Download it again.");
  }
  SafetensorsLayout layout;
  for (int i = 7; i >= 0; --i) {
    layout.headerBytes =
        (layout.headerBytes << 8) | std::to_integer<std::uint64_t>(file[static_cast<std::size_t>(i)]);
  }
  if (layout.headerBytes > kMaxSafetensorsHeaderBytes) {
    fail(fileLabel, "the header claims to be " + std::to_string(layout.headerBytes) +
                        " bytes long, more than the format's limit of 100 MB; the file is damaged or not a "
                        "safetensors file.");
  }
  if (layout.headerBytes > file.size() - 8) {
    fail(fileLabel,
         "the header claims to be " + std::to_string(layout.headerBytes) +
             " bytes long, but the file has only " + std::to_string(file.size() - 8) +
             " bytes after the length: the file is truncated or not a safetensors file; download it "
             "again.");
  }
  layout.dataStart = 8 + layout.headerBytes;
  layout.dataBytes = file.size() - layout.dataStart;

  const std::string_view headerText(reinterpret_cast<const char*>(file.data() + 8), layout.headerBytes);
  if (const std::size_t bad = firstInvalidUtf8(headerText); bad != std::string_view::npos) {
    fail(fileLabel, "the header is not valid UTF-8 text (byte " + std::to_string(8 + bad) +
                        " of the file); the file is damaged or not a safetensors file.");
  }
  const json header = parseHeaderJson(headerText, fileLabel);
  if (!header.is_object()) {
    fail(fileLabel, "the header must be a JSON object, not " + typeName(header) + "; " + damagedAdvice());
  }

  for (const auto& [name, entry] : header.items()) {
    if (name == "__metadata__") {
      layout.metadata = readMetadata(entry, fileLabel);
    } else {
      layout.tensors.push_back(readTensorEntry(name, entry, fileLabel));
    }
  }
  std::sort(layout.tensors.begin(), layout.tensors.end(), [](const TensorInfo& a, const TensorInfo& b) {
    return std::tie(a.begin, a.end, a.name) < std::tie(b.begin, b.end, b.name);
  });
  checkTensorsTileTheData(layout.tensors, layout.dataBytes, fileLabel);
  return layout;
}

std::string serializeSafetensorsHeader(const std::vector<TensorInfo>& tensors,
                                       const std::map<std::string, std::string>& metadata) {
  std::string header = "{";
  bool first = true;
  auto separate = [&] {
    if (!first) header += ',';
    first = false;
  };
  if (!metadata.empty()) {
    separate();
    header += "\"__metadata__\":{";
    bool firstEntry = true;
    for (const auto& [key, value] : metadata) {
      if (!firstEntry) header += ',';
      firstEntry = false;
      appendJsonString(header, key);
      header += ':';
      appendJsonString(header, value);
    }
    header += '}';
  }
  for (const TensorInfo& tensor : tensors) {
    separate();
    appendJsonString(header, tensor.name);
    header += ":{\"dtype\":\"";
    header += dtypeName(tensor.dtype);
    header += "\",\"shape\":[";
    for (std::size_t i = 0; i < tensor.shape.size(); ++i) {
      if (i) header += ',';
      header += std::to_string(tensor.shape[i]);
    }
    header += "],\"data_offsets\":[" + std::to_string(tensor.begin) + ',' + std::to_string(tensor.end) + "]}";
  }
  header += '}';
  header.append((8 - header.size() % 8) % 8, ' ');
  return header;
}

}  // namespace tiertune::formats
