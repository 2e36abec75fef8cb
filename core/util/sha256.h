// SHA-256 of files and bytes as lowercase hex: the catalog records hashes of model configs,
// dataset sources, checkpoints and exports to notice when a file changed under it.
// OpenSSL's implementation: maintained, and fast (SHA extensions) on the multi-GB files we hash.
#pragma once

#include <filesystem>
#include <span>
#include <string>
#include <string_view>

namespace tiertune {

std::string sha256Hex(std::span<const std::byte> bytes);
std::string sha256Hex(std::string_view text);
// Streams the file; throws tiertune::Error naming it when it cannot be read.
std::string sha256HexOfFile(const std::filesystem::path& file);
// The git blob id of a file (SHA-1 of "blob <size>\0" and the bytes): how the Hugging Face Hub names
// the files it keeps in git. Throws as sha256HexOfFile.
std::string gitBlobIdOfFile(const std::filesystem::path& file);

}  // namespace tiertune
