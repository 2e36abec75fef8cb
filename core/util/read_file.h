// Whole small files (JSON configs, templates, manifests) into memory, with an error that names
// the file. Large files (weights, datasets) are memory-mapped or streamed instead.
#pragma once

#include <filesystem>
#include <string>

namespace tiertune {

// Throws tiertune::Error "FILE: cannot be read (REASON)" when the file cannot be opened or read.
std::string readWholeFile(const std::filesystem::path& file);

}  // namespace tiertune
