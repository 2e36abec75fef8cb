#include "core/tiers/aligned_buffer.h"

#include <cstdint>
#include <stdexcept>
#include <string>

namespace tiertune::tiers {

AlignedBuffer::AlignedBuffer(std::size_t bytes) : memory_(kernels::allocatePageableStaging(roundUpToBlocks(bytes))) {}

AlignedBuffer::AlignedBuffer(std::size_t bytes, kernels::Backend& backend)
    : memory_(backend.allocateHostStaging(roundUpToBlocks(bytes))) {
  const auto address = reinterpret_cast<std::uintptr_t>(memory_.data());
  if (address % kBlockBytes != 0 || memory_.bytes() != roundUpToBlocks(bytes)) {
    throw std::logic_error("the " + backend.name() + " backend handed out host staging that is not " +
                           std::to_string(roundUpToBlocks(bytes)) + " bytes of whole 4 KiB blocks");
  }
}

}  // namespace tiertune::tiers
