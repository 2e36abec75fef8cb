// The entry point every fuzz target defines, as libFuzzer calls it (and the smoke run does).
#pragma once

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);
