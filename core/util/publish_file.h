// Replacing a small file that other processes read (settings, the disk speed record) so that a
// reader sees the old bytes or the new ones, never a mix, and two writers never write into one
// temporary file: the bytes go to a temporary file of a name no other writer uses, in the same
// folder, are flushed to the disk, renamed over the file, and the folder is flushed so that the
// rename survives a power cut.
#pragma once

#include <filesystem>
#include <string_view>

namespace tiertune {

// Throws tiertune::Error naming the file (and what it is, e.g. "the settings file") on failure;
// the file is then left as it was and no temporary file remains.
void publishFile(const std::filesystem::path& file, std::string_view bytes, std::string_view what);

}  // namespace tiertune
