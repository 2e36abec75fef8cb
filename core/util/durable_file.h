// The one way files reach the disk so that a crash or a power cut never leaves half of one: write
// under a temporary name beside the target, flush the file, rename it over the target, flush the
// folder (a rename is durable only once its folder is). Folders are published the same way by
// StagingFolder (staging_folder.h). Every writer of a file a later run reads uses these: settings,
// measurement caches, checkpoints, dataset manifests, exports, the safetensors and GGUF writers.
#pragma once

#include <cstdint>
#include <filesystem>
#include <span>
#include <string_view>

namespace tiertune {

// Writes contents to target in one call: temporary file, fsync, rename, fsync of the folder.
// Throws tiertune::Error naming target; the temporary file never stays behind.
void writeFileAtomically(const std::filesystem::path& target, std::string_view contents);

// The same in two halves, for files written in pieces: createTemporaryBeside opens a fresh
// temporary file beside target for writing (its descriptor in fd); commitTemporary flushes it,
// closes fd whatever happens, renames it over target and flushes the folder.
std::filesystem::path createTemporaryBeside(const std::filesystem::path& target, int& fd);
void commitTemporary(int fd, const std::filesystem::path& temporary, const std::filesystem::path& target);

// pwrite of all the bytes at offset, retried after interruptions; errors name file.
void writeAllAt(int fd, std::uint64_t offset, std::span<const std::byte> bytes, const std::filesystem::path& file);

// Reserves the whole file now, so that a disk too small fails before any data is written.
void reserveFileBytes(int fd, std::uint64_t bytes, const std::filesystem::path& file);

// fsync of a file written through a stream that has been closed.
void syncFile(const std::filesystem::path& file);

// fsync of a folder: makes the creation, removal or renaming of its entries durable.
void syncFolder(const std::filesystem::path& folder);

}  // namespace tiertune
