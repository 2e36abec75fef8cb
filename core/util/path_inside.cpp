#include "core/util/path_inside.h"

#include "core/util/error.h"

namespace tiertune {

namespace fs = std::filesystem;

namespace {

bool strictlyBelow(const fs::path& path, const fs::path& folder) {
  const fs::path relative = path.lexically_relative(folder);
  return !relative.empty() && *relative.begin() != ".." && relative != ".";
}

}  // namespace

bool isInsideFolder(const fs::path& path, const fs::path& folder) {
  std::error_code error;
  const fs::path absolutePath = fs::absolute(path, error).lexically_normal();
  if (error) return false;
  const fs::path absoluteFolder = fs::absolute(folder, error).lexically_normal();
  if (error || !strictlyBelow(absolutePath, absoluteFolder)) return false;
  const fs::path resolvedPath = fs::weakly_canonical(absolutePath, error);
  if (error) return false;
  const fs::path resolvedFolder = fs::weakly_canonical(absoluteFolder, error);
  return !error && strictlyBelow(resolvedPath, resolvedFolder);
}

fs::path pathInside(const fs::path& base, const fs::path& stored, const std::string& what) {
  bool climbs = false;
  for (const fs::path& part : stored) climbs = climbs || part == "..";
  const fs::path joined = base / stored;
  if (stored.empty() || stored.is_absolute() || stored.has_root_path() || climbs || !isInsideFolder(joined, base)) {
    throw Error(what + " is recorded as \"" + stored.string() + "\", which leads outside " + base.string() +
                "; the record is damaged, so nothing there is read, written or deleted.");
  }
  return joined;
}

void removeInside(const fs::path& path, const fs::path& base) {
  std::error_code error;
  const fs::file_status status = fs::symlink_status(path, error);
  if (!fs::exists(status)) return;
  bool inside = isInsideFolder(path, base);
  if (fs::is_symlink(status)) {
    // A link goes as a link: where it lies must be inside base, not what it points to.
    const fs::path location = fs::absolute(path, error).lexically_normal();
    const fs::path resolvedBase = fs::weakly_canonical(fs::absolute(base, error).lexically_normal(), error);
    inside = !error && strictlyBelow(location, fs::absolute(base).lexically_normal()) &&
             strictlyBelow(fs::weakly_canonical(location.parent_path(), error) / location.filename(), resolvedBase) &&
             !error;
  }
  if (!inside) throw Error("Refusing to delete " + path.string() + ": it is not inside " + base.string() + ".");
  if (fs::is_symlink(status)) {
    fs::remove(path, error);
  } else {
    fs::remove_all(path, error);
  }
  if (error) throw Error("Cannot delete " + path.string() + ": " + error.message() + ".");
}

}  // namespace tiertune
