// Keeping paths that come from the catalog or from a file inside the folder they belong to. A
// folder name stored in a catalog row or a path recorded for a checkpoint is data, and data can be
// damaged or hand-edited: an absolute value, an empty one or a ".." would otherwise make a
// deletion or a write reach the user's other files. Every such path is checked here, lexically and
// again after resolving symlinks, before anything is deleted or written there.
#pragma once

#include <filesystem>
#include <string>

namespace tiertune {

// True when path lies strictly inside folder (never folder itself), both as written (after
// lexical normalization, relative paths taken from the working folder) and after resolving the
// symlinks of both (the parts that exist).
bool isInsideFolder(const std::filesystem::path& path, const std::filesystem::path& folder);

// base / stored, when stored is a relative path with no ".." that leads strictly inside base
// (isInsideFolder). Throws tiertune::Error naming what ("the folder of dataset \"notes\"") and the
// stored value otherwise.
std::filesystem::path pathInside(const std::filesystem::path& base, const std::filesystem::path& stored,
                                 const std::string& what);

// Removes path with everything in it when it lies inside base (isInsideFolder); a symlink there
// loses only the link, never what it points to. Nothing there: nothing to do. Throws
// tiertune::Error naming both paths when path is not inside base (nothing is deleted), and for a
// failed removal.
void removeInside(const std::filesystem::path& path, const std::filesystem::path& base);

}  // namespace tiertune
