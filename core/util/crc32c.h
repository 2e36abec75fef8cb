// CRC-32C (Castagnoli), the checksum of SSD extents: the SSE4.2 instruction where the CPU has it
// (well over 10 GB/s, so checking every extent costs little next to the disk), a table otherwise.
#pragma once

#include <cstdint>
#include <span>

namespace tiertune {

// Continues a CRC: pass the previous result as crc (0 to start).
std::uint32_t crc32c(std::span<const std::byte> bytes, std::uint32_t crc = 0);
// The table implementation alone, whatever the CPU: tests hold the fast path to it.
std::uint32_t crc32cPortable(std::span<const std::byte> bytes, std::uint32_t crc = 0);

}  // namespace tiertune
