// Fuzz target: the safetensors header parser, which reads files from the internet. Any input must
// give a layout or a tiertune::Error — never a crash, a hang or an out-of-bounds read.
#include <cstddef>
#include <cstdint>
#include <span>

#include "core/formats/safetensors_header.h"
#include "core/util/error.h"
#include "fuzz/fuzz_target.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    const auto layout = tiertune::formats::parseSafetensorsLayout(
        std::as_bytes(std::span(data, size)), "fuzz.safetensors");
    // A layout that parses must describe bytes inside the input.
    for (const auto& tensor : layout.tensors) {
      if (8 + layout.headerBytes + tensor.end > size) __builtin_trap();
    }
  } catch (const tiertune::Error&) {
  }
  return 0;
}
