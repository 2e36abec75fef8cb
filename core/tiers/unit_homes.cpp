#include "core/tiers/unit_homes.h"

#include <algorithm>
#include <cstring>
#include <stdexcept>
#include <string>

#include "core/model/base_weights.h"
#include "core/model/model_units.h"
#include "core/util/error.h"

namespace tiertune::tiers {

using model::ParameterSpec;
using model::ParameterTable;

UnitHomes::UnitHomes(kernels::Backend& backend, const formats::ModelConfig& config, const model::LoraConfig* lora,
                     const StatePlacement& placement, UnitHomesOptions options, TransferLog& log)
    : backend_(backend), lora_(lora != nullptr), options_(std::move(options)), log_(log) {
  layOut(config, lora, placement);
  allocate();
}

model::TableFormat UnitHomes::format(StateKind kind) const {
  return kind == StateKind::Frozen ? options_.frozenFormat : model::TableFormat(model::ElementType::F32);
}

void UnitHomes::layOut(const formats::ModelConfig& config, const model::LoraConfig* lora,
                       const StatePlacement& placement) {
  const auto base = model::splitByUnit(model::baseParameterSpecs(config), config);
  std::vector<std::vector<ParameterSpec>> adapter(base.size());
  if (lora != nullptr) adapter = model::splitByUnit(model::loraParameterSpecs(config, *lora), config);
  if (placement.home.size() != base.size()) {
    throw std::invalid_argument("the placement has " + std::to_string(placement.home.size()) + " units, the model " +
                                std::to_string(base.size()));
  }
  units_.resize(base.size());
  headUnit_ = model::headUnit(config);
  for (std::size_t u = 0; u < units_.size(); ++u) {
    UnitState& unit = units_[u];
    const std::vector<ParameterSpec>& trained = lora_ ? adapter[u] : base[u];
    unit.specs[kindIndex(StateKind::Frozen)] = lora_ ? base[u] : std::vector<ParameterSpec>{};
    for (const StateKind kind : {StateKind::Trained, StateKind::Gradients, StateKind::FirstMoment,
                                 StateKind::SecondMoment}) {
      unit.specs[kindIndex(kind)] = trained;
    }
    for (std::size_t k = 0; k < kStateKindCount; ++k) {
      // The table's own layout order (decayed tensors first), so host copies match it.
      unit.specs[k] = ParameterTable::inLayoutOrder(unit.specs[k]);
      Home& h = unit.homes[k];
      const model::TableFormat format = this->format(static_cast<StateKind>(k));
      h.type = format.type;
      h.fourBit = format.fourBitProjections;
      h.elements = ParameterTable::elementCount(unit.specs[k]);
      h.bytes = ParameterTable::storageBytes(unit.specs[k], h.format());
      h.words = (h.bytes + 3) / 4;
      h.tier = h.words == 0 ? Tier::Device : placement.home[u][k];
    }
  }
}

void UnitHomes::allocate() {
  std::vector<std::uint64_t> extentBytes;
  std::size_t largestDiskWords = 0;
  for (UnitState& unit : units_) {
    for (std::size_t k = 0; k < kStateKindCount; ++k) {
      Home& h = unit.homes[k];
      if (h.words == 0) continue;
      switch (h.tier) {
        case Tier::Device: h.device = std::make_unique<ParameterTable>(backend_, unit.specs[k], h.format()); break;
        case Tier::Host: h.host = AlignedBuffer(h.words * sizeof(float), backend_); break;
        case Tier::Disk:
          h.extent = static_cast<ExtentId>(extentBytes.size());
          extentBytes.push_back(paddedWords(h.words) * sizeof(float));
          largestDiskWords = std::max(largestDiskWords, paddedWords(h.words));
          break;
      }
    }
  }
  if (extentBytes.empty()) return;
  if (options_.offloadFolder.empty()) throw Error("The memory plan puts state on disk, but no offload folder is set.");
  store_ = std::make_unique<SsdStore>(options_.offloadFolder, extentBytes, options_.store);
  diskStaging_ = AlignedBuffer(largestDiskWords * sizeof(float), backend_);
}

void UnitHomes::readDisk(Home& h, AlignedBuffer& staging) {
  const std::size_t bytes = paddedWords(h.words) * sizeof(float);
  if (h.zero) {
    std::memset(staging.data(), 0, bytes);
    return;
  }
  store_->wait(store_->read(h.extent, staging.span().first(bytes)));
  log_.count<std::uint64_t>(&TransferStats::diskRead, bytes);
}

Ticket UnitHomes::startDiskWrite(Home& h, AlignedBuffer& staging) {
  const std::size_t bytes = paddedWords(h.words) * sizeof(float);
  // The padding after the values goes out as zeros.
  std::memset(staging.data() + h.words * sizeof(float), 0, bytes - h.words * sizeof(float));
  log_.count<std::uint64_t>(&TransferStats::diskWritten, bytes);
  h.zero = false;
  return store_->write(h.extent, staging.span().first(bytes));
}

void UnitHomes::writeBytes(Home& h, const void* data, std::size_t bytes) {
  switch (h.tier) {
    case Tier::Device: throw std::logic_error("UnitHomes::writeBytes: a device home is written by its table");
    case Tier::Host:
      std::memcpy(h.host.data(), data, bytes);
      h.zero = false;
      break;
    case Tier::Disk:
      std::memcpy(diskStaging_.data(), data, bytes);
      std::memset(diskStaging_.data() + bytes, 0, h.words * sizeof(float) - bytes);
      store_->wait(startDiskWrite(h, diskStaging_));
      break;
  }
}

void UnitHomes::write(StateKind kind, std::size_t unit, std::span<const float> values) {
  Home& h = home(unit, kind);
  if (h.type != model::ElementType::F32 || h.fourBit) {
    throw std::logic_error(std::string("TieredState::write: ") + toString(kind) + " is kept in " +
                           model::toString(h.format()) + ", not fp32");
  }
  if (values.size() != h.elements) {
    throw std::invalid_argument(std::string("TieredState::write: ") + toString(kind) + " of unit " +
                                std::to_string(unit) + " holds " + std::to_string(h.elements) + " values, not " +
                                std::to_string(values.size()));
  }
  if (h.words == 0) return;
  if (h.tier == Tier::Device) {
    backend_.upload(values, h.device->all());
  } else {
    writeBytes(h, values.data(), values.size_bytes());
  }
}

void UnitHomes::write(StateKind kind, std::size_t unit, std::span<const std::uint16_t> bits) {
  Home& h = home(unit, kind);
  if (h.type == model::ElementType::F32 || h.fourBit || bits.size() != h.elements) {
    throw std::invalid_argument(std::string("TieredState::write: ") + toString(kind) + " of unit " +
                                std::to_string(unit) + " holds " + std::to_string(h.elements) + " " +
                                model::toString(h.type) + " values, not " + std::to_string(bits.size()) +
                                " 16-bit ones");
  }
  if (h.elements == 0) return;
  if (h.tier == Tier::Device) {
    backend_.upload(bits, h.device->allBits());
  } else {
    writeBytes(h, bits.data(), bits.size_bytes());
  }
}

void UnitHomes::write(StateKind kind, std::size_t unit, std::span<const std::uint8_t> bytes) {
  Home& h = home(unit, kind);
  if (!h.fourBit || bytes.size() != h.bytes) {
    throw std::invalid_argument(std::string("TieredState::write: ") + toString(kind) + " of unit " +
                                std::to_string(unit) + " is not a 4-bit table of " + std::to_string(bytes.size()) +
                                " bytes");
  }
  if (h.bytes == 0) return;
  if (h.tier == Tier::Device) {
    backend_.upload(bytes, h.device->allBytes());
  } else {
    writeBytes(h, bytes.data(), h.bytes);
  }
}

void UnitHomes::read(StateKind kind, std::size_t unit, std::span<float> values) {
  Home& h = home(unit, kind);
  if (h.type != model::ElementType::F32 || h.fourBit || values.size() != h.elements) {
    throw std::invalid_argument("TieredState::read: wrong size or type");
  }
  if (h.words == 0) return;
  switch (h.tier) {
    case Tier::Device: backend_.download(h.device->all(), values); break;
    case Tier::Host: std::copy_n(hostWords(h).begin(), h.words, values.begin()); break;
    case Tier::Disk:
      readDisk(h, diskStaging_);
      std::copy_n(floatsOf(diskStaging_, h.words).begin(), h.words, values.begin());
      break;
  }
}

std::uint64_t UnitHomes::hostBytes() const {
  std::uint64_t bytes = diskStaging_.size();
  for (const UnitState& unit : units_) {
    for (const Home& h : unit.homes) bytes += h.host.size();
  }
  return bytes;
}

std::uint64_t UnitHomes::diskBytes() const { return store_ ? store_->reservedBytes() : 0; }

}  // namespace tiertune::tiers
