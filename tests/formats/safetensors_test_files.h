// Helpers shared by the formats tests: crafting safetensors files byte by byte (to break one rule at
// a time), writing tiny models with the real writer, and catching the message of an expected error.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/formats/model_config.h"

namespace tiertune::test {

// An 8-byte little-endian length, then headerJson as given (no padding added), then dataBytes bytes
// of data (0, 1, 2, ... modulo 256).
std::string rawSafetensors(std::string_view headerJson, std::size_t dataBytes);

void writeFile(const std::filesystem::path& file, std::string_view bytes);
std::string readFile(const std::filesystem::path& file);

// Deterministic pseudo-random bytes.
std::vector<std::byte> patternBytes(std::size_t count, std::uint32_t seed);

// The message of the tiertune::Error body throws; "" when it throws nothing. Other exceptions
// propagate (and fail the test).
std::string errorOf(const std::function<void()>& body);

// Writes every tensor of config's model (expectedTensors) as BF16 filled with a pattern of finite
// numbers into
// folder/model.safetensors, and returns the file.
std::filesystem::path writeTinyModel(const formats::ModelConfig& config, const std::filesystem::path& folder);

}  // namespace tiertune::test
