// Where every unit's state lives between uses: for each unit of the model and each kind of state
// (frozen weights, trained weights, gradients, the two Adam moments) one home in the tier the
// placement chose, a table of the backend, a host buffer or an extent of the SSD store. This file
// lays the units out, allocates the homes, and moves a home's bytes between the host and the disk;
// the copies to and from the device during a pass are the mover's (core/tiers/pass_mover.h).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <span>
#include <vector>

#include "core/formats/model_config.h"
#include "core/model/lora.h"
#include "core/model/parameter_table.h"
#include "core/tiers/aligned_buffer.h"
#include "core/tiers/ssd_store.h"
#include "core/tiers/state_placement.h"
#include "core/tiers/transfer_log.h"
#include "kernels/backend.h"

namespace tiertune::tiers {

inline std::size_t kindIndex(StateKind kind) { return static_cast<std::size_t>(kind); }

// Words (4 bytes) of a region that starts and ends on a 4 KiB boundary (what direct I/O moves).
inline std::size_t paddedWords(std::size_t words) { return roundUpToBlocks(words * sizeof(float)) / sizeof(float); }

inline std::span<float> floatsOf(AlignedBuffer& buffer, std::size_t floats) {
  return {reinterpret_cast<float*>(buffer.data()), floats};
}

// One kind of one unit's state. The transfers move its bytes as 4-byte words (the copies only move
// bits: a 16-bit home's pairs of elements travel as one word, its odd last element with two bytes
// of padding); the tables read it in its element type.
struct Home {
  Tier tier = Tier::Device;
  model::ElementType type = model::ElementType::F32;
  bool fourBit = false;   // a 4-bit table: its projections in NF4, laid out by bytes
  std::size_t elements = 0;
  std::size_t bytes = 0;  // ParameterTable::storageBytes
  std::size_t words = 0;  // bytes rounded up to 4
  std::unique_ptr<model::ParameterTable> device;  // Tier::Device: a table of the backend
  AlignedBuffer host;                             // Tier::Host
  ExtentId extent = 0;                            // Tier::Disk
  // Host and disk homes: the content is all zeros (fresh gradients and moments), so reading it
  // needs no transfer.
  bool zero = true;

  model::TableFormat format() const { return model::TableFormat(type, fourBit); }
};

struct UnitState {
  std::array<std::vector<model::ParameterSpec>, kStateKindCount> specs;  // in table layout order
  std::array<Home, kStateKindCount> homes;
};

struct UnitHomesOptions {
  std::filesystem::path offloadFolder;  // where the SSD store lives; needed when anything is on disk
  model::TableFormat frozenFormat = model::ElementType::F32;  // everything trained is fp32
  SsdStoreOptions store;
};

class UnitHomes {
 public:
  // lora: the adapter's configuration, or null (full fine-tuning: the base is trained). Throws
  // tiertune::Error naming what does not fit (the SSD store reserves its extents here).
  UnitHomes(kernels::Backend& backend, const formats::ModelConfig& config, const model::LoraConfig* lora,
            const StatePlacement& placement, UnitHomesOptions options, TransferLog& log);
  UnitHomes(const UnitHomes&) = delete;
  UnitHomes& operator=(const UnitHomes&) = delete;

  std::size_t size() const { return units_.size(); }
  bool lora() const { return lora_; }
  std::size_t headUnit() const { return headUnit_; }  // the last unit: the final norm and the head
  UnitState& unit(std::size_t unit) { return units_.at(unit); }
  const UnitState& unit(std::size_t unit) const { return units_.at(unit); }
  Home& home(std::size_t unit, StateKind kind) { return units_.at(unit).homes[kindIndex(kind)]; }
  const std::vector<model::ParameterSpec>& specs(StateKind kind, std::size_t unit) const {
    return units_.at(unit).specs[kindIndex(kind)];
  }
  model::TableFormat format(StateKind kind) const;

  std::span<float> hostWords(Home& h) { return floatsOf(h.host, h.words); }
  // A host buffer as large as the largest disk home: the mover's during a pass, the host's between
  // passes (empty when nothing is on disk).
  AlignedBuffer& diskStaging() { return diskStaging_; }

  // Reads a disk home into staging (zeros when it holds nothing yet), and waits for it.
  void readDisk(Home& h, AlignedBuffer& staging);
  // Starts writing staging's first h.words words (padded with zeros to whole blocks) to a disk
  // home; the caller waits for the ticket before it touches staging again.
  Ticket startDiskWrite(Home& h, AlignedBuffer& staging);
  SsdStore& store() { return *store_; }

  // Between passes: a home's content from host memory, as fp32 values, 16-bit patterns or a 4-bit
  // table's bytes (whichever the home keeps); and an fp32 home's values back.
  void write(StateKind kind, std::size_t unit, std::span<const float> values);
  void write(StateKind kind, std::size_t unit, std::span<const std::uint16_t> bits);
  void write(StateKind kind, std::size_t unit, std::span<const std::uint8_t> bytes);
  void read(StateKind kind, std::size_t unit, std::span<float> values);

  std::uint64_t hostBytes() const;  // host homes and the disk staging
  std::uint64_t diskBytes() const;  // reserved in the SSD store

 private:
  void layOut(const formats::ModelConfig& config, const model::LoraConfig* lora, const StatePlacement& placement);
  void allocate();
  // Copies bytes into a home, by tier; what a disk home gets is padded with zeros.
  void writeBytes(Home& h, const void* data, std::size_t bytes);

  kernels::Backend& backend_;
  const bool lora_;
  std::size_t headUnit_ = 0;
  UnitHomesOptions options_;
  TransferLog& log_;
  std::vector<UnitState> units_;
  std::unique_ptr<SsdStore> store_;
  AlignedBuffer diskStaging_;
};

}  // namespace tiertune::tiers
