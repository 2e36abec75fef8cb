#include "core/util/error.h"

#include <cstring>

namespace tiertune {

std::string errnoText(int errorNumber) {
  char buffer[256];
  // GNU strerror_r returns a pointer that may or may not be buffer.
  const char* text = strerror_r(errorNumber, buffer, sizeof buffer);
  return text ? std::string(text) : "error " + std::to_string(errorNumber);
}

}  // namespace tiertune
