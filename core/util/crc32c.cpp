#include "core/util/crc32c.h"

#include <array>
#include <cstring>

namespace tiertune {

namespace {

constexpr std::uint32_t kPolynomial = 0x82F63B78u;  // CRC-32C, bit-reversed

constexpr std::array<std::uint32_t, 256> makeTable() {
  std::array<std::uint32_t, 256> table{};
  for (std::uint32_t i = 0; i < 256; ++i) {
    std::uint32_t value = i;
    for (int bit = 0; bit < 8; ++bit) value = (value >> 1) ^ ((value & 1u) ? kPolynomial : 0u);
    table[i] = value;
  }
  return table;
}

constexpr auto kTable = makeTable();

std::uint32_t crcByTable(const unsigned char* data, std::size_t size, std::uint32_t state) {
  for (std::size_t i = 0; i < size; ++i) state = kTable[(state ^ data[i]) & 0xffu] ^ (state >> 8);
  return state;
}

#if defined(__x86_64__)
__attribute__((target("sse4.2"))) std::uint32_t crcBySse42(const unsigned char* data, std::size_t size,
                                                            std::uint32_t state) {
  std::uint64_t wide = state;
  while (size >= 8) {
    std::uint64_t word;
    std::memcpy(&word, data, 8);  // unaligned-safe load
    wide = __builtin_ia32_crc32di(wide, word);
    data += 8;
    size -= 8;
  }
  auto narrow = static_cast<std::uint32_t>(wide);
  while (size-- > 0) narrow = __builtin_ia32_crc32qi(narrow, *data++);
  return narrow;
}

bool hasSse42() {
  static const bool supported = __builtin_cpu_supports("sse4.2");
  return supported;
}
#endif

}  // namespace

std::uint32_t crc32c(std::span<const std::byte> bytes, std::uint32_t crc) {
  const auto* data = reinterpret_cast<const unsigned char*>(bytes.data());
  const std::uint32_t state = ~crc;
#if defined(__x86_64__)
  if (hasSse42()) return ~crcBySse42(data, bytes.size(), state);
#endif
  return ~crcByTable(data, bytes.size(), state);
}

std::uint32_t crc32cPortable(std::span<const std::byte> bytes, std::uint32_t crc) {
  return ~crcByTable(reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(), ~crc);
}

}  // namespace tiertune
