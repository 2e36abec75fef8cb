#include "core/util/read_file.h"

#include <cerrno>
#include <fstream>
#include <sstream>

#include "core/util/error.h"

namespace tiertune {

std::string readWholeFile(const std::filesystem::path& file) {
  errno = 0;
  std::ifstream in(file, std::ios::binary);
  if (!in) throw Error(file.string() + ": cannot be read (" + errnoText(errno ? errno : ENOENT) + ")");
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) throw Error(file.string() + ": cannot be read (" + errnoText(errno ? errno : EIO) + ")");
  return std::move(text).str();
}

}  // namespace tiertune
