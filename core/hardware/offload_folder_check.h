// Whether a folder can be the offload folder (the SSD tier): it exists or can be made, it is a
// folder on a real file system with room (not /proc or /sys, whose "free space" is 0 of 0), and a
// file can be written there. Settings refuses a folder that fails, and says why in words (the GUI
// words the problem; core only names it), instead of planning runs against a disk of 0 bytes.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

namespace tiertune::hardware {

enum class OffloadFolderProblem {
  None,
  CannotCreate,      // the folder is missing and cannot be made (detail: the system's reason)
  NotAFolder,        // the path names a file or something else
  NotOnADisk,        // a virtual file system (proc, sysfs, ...) that holds no data
  NotWritable,       // a file cannot be created and written there (detail: the system's reason)
  Full,              // no free space at all
};

struct OffloadFolderCheck {
  OffloadFolderProblem problem = OffloadFolderProblem::None;
  std::string detail;            // the system's words for CannotCreate and NotWritable
  std::uint64_t freeBytes = 0;   // when the folder is usable
  bool directIo = true;          // false: the file system refuses O_DIRECT (tmpfs); usable, cached
};

// Creates the folder when missing, then writes and removes one 4 KiB file in it.
OffloadFolderCheck checkOffloadFolder(const std::filesystem::path& folder);

}  // namespace tiertune::hardware
