#include "core/formats/safetensors_writer.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <random>
#include <set>

#include "core/util/durable_file.h"
#include "core/util/error.h"

namespace tiertune::formats {

std::uint64_t tensorByteCount(const TensorDescriptor& tensor) {
  std::uint64_t elements = 1;
  for (std::int64_t dimension : tensor.shape) {
    if (dimension < 0) {
      throw Error("tensor " + tensor.name + ": its shape " + formatShape(tensor.shape) +
                  " has a negative dimension.");
    }
    if (__builtin_mul_overflow(elements, static_cast<std::uint64_t>(dimension), &elements)) {
      throw Error("tensor " + tensor.name + ": its shape " + formatShape(tensor.shape) + " is too large.");
    }
  }
  std::uint64_t bits = 0;
  if (__builtin_mul_overflow(elements, std::uint64_t{dtypeBits(tensor.dtype)}, &bits)) {
    throw Error("tensor " + tensor.name + ": its shape " + formatShape(tensor.shape) + " is too large.");
  }
  if (bits % 8 != 0) {
    throw Error("tensor " + tensor.name + ": " + std::to_string(elements) + " elements of " +
                std::string(dtypeName(tensor.dtype)) + " do not fill whole bytes.");
  }
  return bits / 8;
}

std::vector<TensorInfo> planSafetensorsLayout(const std::vector<TensorDescriptor>& tensors) {
  std::vector<const TensorDescriptor*> order;
  for (const TensorDescriptor& tensor : tensors) order.push_back(&tensor);
  std::sort(order.begin(), order.end(), [](const TensorDescriptor* a, const TensorDescriptor* b) {
    if (a->dtype != b->dtype) return a->dtype > b->dtype;
    return a->name < b->name;
  });
  std::vector<TensorInfo> layout;
  std::uint64_t offset = 0;
  for (const TensorDescriptor* tensor : order) {
    TensorInfo info{tensor->name, tensor->dtype, tensor->shape, offset, 0};
    offset += tensorByteCount(*tensor);
    info.end = offset;
    layout.push_back(std::move(info));
  }
  return layout;
}

SafetensorsWriter::SafetensorsWriter(std::filesystem::path target,
                                     const std::vector<TensorDescriptor>& tensors,
                                     std::map<std::string, std::string> metadata)
    : target_(std::move(target)) {
  std::set<std::string_view> names;
  for (const TensorDescriptor& tensor : tensors) {
    if (tensor.name.empty()) fail("a tensor has an empty name.");
    if (tensor.name == "__metadata__") fail("\"__metadata__\" is reserved and cannot name a tensor.");
    if (!names.insert(tensor.name).second) fail("tensor " + tensor.name + " is declared twice.");
    try {
      (void)tensorByteCount(tensor);
    } catch (const Error& error) {
      fail(error.what());
    }
  }
  std::vector<TensorInfo> layout = planSafetensorsLayout(tensors);
  std::string header;
  try {
    header = serializeSafetensorsHeader(layout, metadata);
  } catch (const Error& error) {
    fail(error.what());
  }
  dataStart_ = 8 + header.size();
  dataBytes_ = layout.empty() ? 0 : layout.back().end;
  for (TensorInfo& info : layout) {
    bySlot_.emplace(info.name, slots_.size());
    slots_.push_back(Slot{std::move(info), 0});
  }

  temporary_ = createTemporaryBeside(target_, fd_);
  try {
    reserveFileBytes(fd_, dataStart_ + dataBytes_, target_);
    std::byte length[8];
    for (int i = 0; i < 8; ++i) length[i] = static_cast<std::byte>((header.size() >> (8 * i)) & 0xff);
    writeAt(0, length);
    writeAt(8, std::as_bytes(std::span(header.data(), header.size())));
  } catch (...) {
    ::close(fd_);
    ::unlink(temporary_.c_str());
    throw;
  }
}

SafetensorsWriter::~SafetensorsWriter() {
  if (!finished_ && fd_ >= 0) {
    ::close(fd_);
    ::unlink(temporary_.c_str());
  }
}

void SafetensorsWriter::fail(const std::string& what) const { throw Error(target_.string() + ": " + what); }

void SafetensorsWriter::writeAt(std::uint64_t offset, std::span<const std::byte> bytes) {
  writeAllAt(fd_, offset, bytes, target_);
}

void SafetensorsWriter::write(std::string_view name, std::span<const std::byte> bytes) {
  if (finished_) fail("cannot write tensor " + std::string(name) + ": the file is already finished.");
  auto found = bySlot_.find(name);
  if (found == bySlot_.end())
    fail("tensor " + std::string(name) + " was not declared when the file was started.");
  Slot& slot = slots_[found->second];
  if (bytes.size() > slot.info.byteCount() - slot.written) {
    fail("tensor " + slot.info.name + " (shape " + formatShape(slot.info.shape) + ", " +
         std::string(dtypeName(slot.info.dtype)) + ") holds " + std::to_string(slot.info.byteCount()) +
         " bytes; " + std::to_string(slot.written) + " are written and " + std::to_string(bytes.size()) +
         " more would not fit.");
  }
  writeAt(dataStart_ + slot.info.begin + slot.written, bytes);
  slot.written += bytes.size();
}

void SafetensorsWriter::finish() {
  if (finished_) return;
  for (const Slot& slot : slots_) {
    if (slot.written != slot.info.byteCount()) {
      fail("tensor " + slot.info.name + " got " + std::to_string(slot.written) + " of its " +
           std::to_string(slot.info.byteCount()) + " bytes; the file is not finished.");
    }
  }
  finished_ = true;
  try {
    commitTemporary(fd_, temporary_, target_);
  } catch (...) {
    ::unlink(temporary_.c_str());
    throw;
  }
}

void writeSafetensors(const std::filesystem::path& target,
                      const std::vector<std::pair<TensorDescriptor, std::span<const std::byte>>>& tensors,
                      std::map<std::string, std::string> metadata) {
  std::vector<TensorDescriptor> descriptors;
  for (const auto& [descriptor, bytes] : tensors) descriptors.push_back(descriptor);
  SafetensorsWriter writer(target, descriptors, std::move(metadata));
  for (const auto& [descriptor, bytes] : tensors) writer.write(descriptor.name, bytes);
  writer.finish();
}

}  // namespace tiertune::formats
