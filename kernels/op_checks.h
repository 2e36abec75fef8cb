// The argument checks of the backend's public ops (kernels/backend.h): sizes against the shape,
// made once there before any backend runs the op. The CPU kernels would read and write past a
// span that is too short without a word, a GPU would fault or corrupt other buffers. Inline, so
// that the CUDA module and the programs each have them without linking each other.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>

namespace tiertune::kernels::checks {

inline void sameSize(std::size_t a, std::size_t b, const char* op) {
  if (a != b) {
    throw std::invalid_argument(std::string(op) + ": sizes differ (" + std::to_string(a) + " and " + std::to_string(b) +
                                ")");
  }
}

inline void atLeast(std::size_t size, std::size_t needed, const char* op, const char* what) {
  if (size < needed) {
    throw std::invalid_argument(std::string(op) + ": " + what + " has " + std::to_string(size) +
                                " elements, fewer than the " + std::to_string(needed) + " the shape needs");
  }
}

inline void groups(std::size_t heads, std::size_t kvHeads, const char* op) {
  if (kvHeads == 0 || heads % kvHeads != 0) {
    throw std::invalid_argument(std::string(op) + ": " + std::to_string(heads) +
                                " query heads do not split into groups over " + std::to_string(kvHeads) +
                                " key/value heads");
  }
}

inline void refuse(bool condition, const char* op, const char* why) {
  if (condition) throw std::invalid_argument(std::string(op) + ": " + why);
}

}  // namespace tiertune::kernels::checks
