#include "safetensors_test_files.h"

#include <fstream>
#include <sstream>

#include "core/formats/safetensors_writer.h"
#include "core/util/error.h"

namespace tiertune::test {

std::string rawSafetensors(std::string_view headerJson, std::size_t dataBytes) {
  std::string bytes;
  const std::uint64_t length = headerJson.size();
  for (int i = 0; i < 8; ++i) bytes.push_back(static_cast<char>((length >> (8 * i)) & 0xff));
  bytes += headerJson;
  for (std::size_t i = 0; i < dataBytes; ++i) bytes.push_back(static_cast<char>(i & 0xff));
  return bytes;
}

void writeFile(const std::filesystem::path& file, std::string_view bytes) {
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!out) throw Error("test: cannot write " + file.string());
}

std::string readFile(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::vector<std::byte> patternBytes(std::size_t count, std::uint32_t seed) {
  std::vector<std::byte> bytes(count);
  std::uint32_t state = seed * 2654435761u + 1u;
  for (std::byte& byte : bytes) {
    state = state * 1664525u + 1013904223u;  // a linear congruential generator: reproducible
    byte = static_cast<std::byte>(state >> 24);
  }
  return bytes;
}

std::string errorOf(const std::function<void()>& body) {
  try {
    body();
  } catch (const Error& error) {
    return error.what();
  }
  return {};
}

std::filesystem::path writeTinyModel(const formats::ModelConfig& config,
                                     const std::filesystem::path& folder) {
  std::vector<formats::TensorDescriptor> descriptors;
  for (const formats::ExpectedTensor& tensor : formats::expectedTensors(config)) {
    descriptors.push_back({tensor.name, formats::Dtype::BF16, tensor.shape});
  }
  const std::filesystem::path file = folder / "model.safetensors";
  formats::SafetensorsWriter writer(file, descriptors);
  std::uint32_t seed = 1;
  for (const formats::TensorDescriptor& descriptor : descriptors) {
    std::vector<std::byte> values = patternBytes(formats::tensorByteCount(descriptor), seed++);
    // Clearing the exponent's top bit keeps every value a finite number: model checks refuse NaN.
    for (std::size_t high = 1; high < values.size(); high += 2) values[high] &= std::byte{0xBF};
    writer.write(descriptor.name, values);
  }
  writer.finish();
  return file;
}

}  // namespace tiertune::test
