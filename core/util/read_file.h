// Whole small files (JSON configs, templates, manifests) into memory, with an error that names
// the file. Large files (weights, datasets) are memory-mapped or streamed instead.
//
// Only regular files are read, and only up to a limit that depends on the kind of file: a path
// may name /dev/zero (endless), a FIFO (blocks until a writer comes) or a huge file by mistake or
// by malice, and none of them may hang the program or exhaust memory. The file is opened with
// O_NONBLOCK and checked with fstat before any byte is read, so opening a FIFO never blocks.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

namespace tiertune {

struct FileSizeLimit {
  std::uintmax_t maxBytes;
  const char* kind;  // "a configuration file", for the message
};

// config.json, generation_config.json, tokenizer_config.json, run.json, settings.json, a
// conversation for `template --messages`, checkpoint manifests: real ones are kilobytes.
inline constexpr FileSizeLimit kConfigFileLimit{16u << 20, "a configuration file"};
// tokenizer.json with its vocabulary and merges (the largest real ones are about 35 MB).
inline constexpr FileSizeLimit kTokenizerFileLimit{256u << 20, "a tokenizer file"};
// model.safetensors.index.json (a tensor name and file per line; large models list thousands).
inline constexpr FileSizeLimit kWeightsIndexLimit{64u << 20, "a weights index"};
// A chat template (.jinja).
inline constexpr FileSizeLimit kTemplateFileLimit{4u << 20, "a chat template"};

// Throws tiertune::Error "FILE: cannot be read (REASON)" when the file cannot be opened or read,
// "FILE: is not a regular file …" for a directory, device, FIFO or socket, and "FILE: is larger
// than … " past the limit.
std::string readWholeFile(const std::filesystem::path& file, FileSizeLimit limit = kConfigFileLimit);

// Data read as a stream (a dataset, a token file): any size, but a regular file.
inline constexpr FileSizeLimit kDataFileLimit{~std::uintmax_t{0}, "a data file"};

// The same checks for a file that is then streamed by other means: throws as readWholeFile does
// when it is not a regular file or exceeds the limit (opening it without blocking to see).
void checkRegularFile(const std::filesystem::path& file, FileSizeLimit limit);

// The same checks, and the file stays open: returns its descriptor, opened read-only (close-on-exec,
// blocking reads), for a library that reads from a descriptor (libzip's zip_fdopen), so that the
// file checked is the file read. The caller closes it.
int openRegularFile(const std::filesystem::path& file, FileSizeLimit limit);

}  // namespace tiertune
