#include "core/tiers/tiered_state.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <exception>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <thread>

#include "core/model/base_weights.h"
#include "core/tiers/aligned_buffer.h"
#include "core/util/error.h"

namespace tiertune::tiers {

using kernels::DeviceSpan;
using kernels::Fence;
using kernels::Lane;
using model::ParameterSpec;
using model::ParameterTable;
using Clock = std::chrono::steady_clock;

namespace {

std::size_t index(StateKind kind) { return static_cast<std::size_t>(kind); }

// Words (4 bytes) of a region that starts and ends on a 4 KiB boundary (what direct I/O moves).
std::size_t paddedWords(std::size_t words) { return roundUpToBlocks(words * sizeof(float)) / sizeof(float); }

// The kinds a pass streams through a device slot, in their order inside the slot.
constexpr std::array kStreamedKinds = {StateKind::Frozen, StateKind::Trained, StateKind::Gradients};
constexpr std::array kOptimizerKinds = {StateKind::Trained, StateKind::Gradients, StateKind::FirstMoment,
                                        StateKind::SecondMoment};

std::span<float> floatsOf(AlignedBuffer& buffer, std::size_t floats) {
  return {reinterpret_cast<float*>(buffer.data()), floats};
}

}  // namespace

// Where one kind of one unit's state lives. The transfers move its bytes as 4-byte words (the
// copies only move bits: a 16-bit home's pairs of elements travel as one word, its odd last
// element with two bytes of padding); the tables read it in its element type.
struct Home {
  Tier tier = Tier::Device;
  model::ElementType type = model::ElementType::F32;
  bool fourBit = false;   // a 4-bit table: its projections in NF4, laid out by bytes
  std::size_t elements = 0;
  std::size_t bytes = 0;  // ParameterTable::storageBytes
  std::size_t words = 0;  // bytes rounded up to 4
  std::unique_ptr<ParameterTable> device;  // Tier::Device: a table of the backend
  AlignedBuffer host;                      // Tier::Host
  ExtentId extent = 0;                     // Tier::Disk
  // Host and disk homes: the content is all zeros (fresh gradients and moments), so reading it
  // needs no transfer.
  bool zero = true;
};

static model::TableFormat formatOf(const Home& h) { return model::TableFormat(h.type, h.fourBit); }

struct UnitState {
  std::array<std::vector<ParameterSpec>, kStateKindCount> specs;  // in table layout order
  std::array<Home, kStateKindCount> homes;
  std::size_t streamWords = 0;  // slot words for what is not on the device
  bool outer = false;            // too large for a layer slot: uses the outer slot
};

struct Slot {
  kernels::DeviceBuffer buffer;
  bool outer = false;
  bool busy = false;
  // Signalled once the ops of the slot's last user have run: the transfer lane waits for it before
  // it overwrites the slot.
  Fence freed;
};

// One access of a pass: the unit's tables as the decoder sees them.
struct Residence {
  std::optional<std::size_t> slot;
  std::array<std::unique_ptr<ParameterTable>, 3> views;  // slot views of Frozen, Trained, Gradients
  model::UnitTables tables;
  DeviceSpan<float> gradientRegion;  // in the slot, when the gradients go back down
  Fence arrived;   // transfer lane: the slot's copies are done; the ops wait for it
  Fence computed;  // compute lane: the ops of the access are done; the copies down wait for it
  bool loaded = false;
  bool held = false;
  bool released = false;
  bool writtenBack = false;
  double acquiredAt = 0;
};

struct TieredState::Impl {
  kernels::Backend& backend;
  formats::ModelConfig config;
  bool lora = false;
  StatePlacement placement;
  TieredStateOptions options;
  std::unique_ptr<kernels::Backend> hostOps;  // the CPU kernels over host memory
  std::vector<UnitState> units;
  std::unique_ptr<SsdStore> store;
  std::vector<Slot> slots;
  AlignedBuffer moverStaging;                            // disk <-> device through the host
  Fence moverStagingRead;  // transfer lane: the last upload from moverStaging has read it
  std::array<AlignedBuffer, kOptimizerKinds.size()> optimizerStaging;  // one unit's optimizer state
  Clock::time_point created = Clock::now();

  // The pass, shared with the mover thread under mutex.
  std::mutex mutex;
  std::condition_variable changed;
  bool passActive = false;
  bool stopping = false;
  bool moverBusy = false;
  std::vector<model::UnitAccess> order;
  std::vector<Residence> residences;
  std::size_t nextLoad = 0;
  std::size_t nextAcquire = 0;
  std::deque<std::size_t> writeBacks;
  std::exception_ptr moverError;  // what failed: a transfer, or the compute fence of a release
  // Counters and the timeline, written by both threads (after mutex when both are taken).
  mutable std::mutex statsMutex;
  TransferStats stats;
  std::vector<TimelineEvent> timeline;
  std::thread mover;

  Impl(kernels::Backend& backend_, const formats::ModelConfig& config_, const model::LoraConfig* lora_,
       StatePlacement placement_, TieredStateOptions options_)
      : backend(backend_), config(config_), lora(lora_ != nullptr), placement(std::move(placement_)),
        options(std::move(options_)), hostOps(kernels::makeCpuBackend()) {}

  double since() const { return std::chrono::duration<double>(Clock::now() - created).count(); }

  void record(TimelineEvent::Lane lane, std::string what, double start, double end) {
    if (!options.recordTimeline) return;
    std::lock_guard lock(statsMutex);
    timeline.push_back({lane, std::move(what), start, end});
  }
  template <typename T>
  void count(T TransferStats::*field, T amount) {
    std::lock_guard lock(statsMutex);
    stats.*field += amount;
  }

  Home& home(std::size_t unit, StateKind kind) { return units.at(unit).homes[index(kind)]; }

  std::span<float> hostSpan(Home& h) { return floatsOf(h.host, h.words); }

  // --- Host-side transfers (between passes, or on the mover thread during one) -------------------

  // Reads a disk home into staging (zeros when it holds nothing yet).
  void readDisk(Home& h, AlignedBuffer& staging) {
    const std::size_t bytes = paddedWords(h.words) * sizeof(float);
    if (h.zero) {
      std::memset(staging.data(), 0, bytes);
      return;
    }
    store->wait(store->read(h.extent, staging.span().first(bytes)));
    count<std::uint64_t>(&TransferStats::diskRead, bytes);
  }
  Ticket startDiskWrite(Home& h, AlignedBuffer& staging) {
    const std::size_t bytes = paddedWords(h.words) * sizeof(float);
    // The padding after the values goes out as zeros.
    std::memset(staging.data() + h.words * sizeof(float), 0, bytes - h.words * sizeof(float));
    count<std::uint64_t>(&TransferStats::diskWritten, bytes);
    h.zero = false;
    return store->write(h.extent, staging.span().first(bytes));
  }

  // Queues the copy of a home's content into device memory (a slot region) on the transfer lane.
  // A disk home goes through moverStaging, which the host refills only after the transfer lane has
  // read what it held before.
  void fillDevice(Home& h, DeviceSpan<float> region) {
    if (h.tier == Tier::Host && !h.zero) {
      backend.uploadAsync(hostSpan(h), region);
      count<std::uint64_t>(&TransferStats::hostToDevice, h.words * sizeof(float));
    } else if (h.tier == Tier::Disk && !h.zero) {
      backend.hostWaits(moverStagingRead);
      readDisk(h, moverStaging);
      backend.uploadAsync(floatsOf(moverStaging, h.words), region);
      moverStagingRead = backend.record(Lane::Transfer);
      count<std::uint64_t>(&TransferStats::hostToDevice, h.words * sizeof(float));
    } else {
      backend.zeroAsync(region);
    }
  }
  // Copies device memory (a slot region) into a host or disk home on the transfer lane, once the
  // ops that wrote it (computed) have run. A host home is read again only by later copies on the
  // same lane or after endPass has waited for the lane, so the mover goes on at once; a disk home
  // waits for the copy, then for the write.
  void storeDevice(DeviceSpan<const float> region, const Fence& computed, Home& h) {
    count<std::uint64_t>(&TransferStats::deviceToHost, h.words * sizeof(float));
    backend.laneWaits(Lane::Transfer, computed);
    if (h.tier == Tier::Host) {
      backend.downloadAsync(region, hostSpan(h));
      h.zero = false;
      return;
    }
    backend.downloadAsync(region, floatsOf(moverStaging, h.words));
    moverStagingRead = backend.record(Lane::Transfer);
    backend.hostWaits(moverStagingRead);
    store->wait(startDiskWrite(h, moverStaging));
  }

  // --- Construction ------------------------------------------------------------------------------

  void layOutUnits(const model::LoraConfig* loraConfig) {
    const auto base = model::splitByUnit(model::baseParameterSpecs(config), config);
    std::vector<std::vector<ParameterSpec>> adapter(base.size());
    if (loraConfig != nullptr) adapter = model::splitByUnit(model::loraParameterSpecs(config, *loraConfig), config);
    if (placement.home.size() != base.size()) {
      throw std::invalid_argument("the placement has " + std::to_string(placement.home.size()) +
                                  " units, the model " + std::to_string(base.size()));
    }
    units.resize(base.size());
    for (std::size_t u = 0; u < units.size(); ++u) {
      UnitState& unit = units[u];
      const std::vector<ParameterSpec>& trained = lora ? adapter[u] : base[u];
      unit.specs[index(StateKind::Frozen)] = lora ? base[u] : std::vector<ParameterSpec>{};
      for (const StateKind kind : kOptimizerKinds) unit.specs[index(kind)] = trained;
      for (std::size_t k = 0; k < kStateKindCount; ++k) {
        // The table's own layout order (decayed tensors first), so host copies match it.
        unit.specs[k] = ParameterTable::inLayoutOrder(unit.specs[k]);
        Home& h = unit.homes[k];
        const bool frozen = k == index(StateKind::Frozen);
        h.type = frozen ? options.frozenFormat.type : model::ElementType::F32;
        h.fourBit = frozen && options.frozenFormat.fourBitProjections;
        h.elements = ParameterTable::elementCount(unit.specs[k]);
        h.bytes = ParameterTable::storageBytes(unit.specs[k], formatOf(h));
        h.words = (h.bytes + 3) / 4;
        h.tier = h.words == 0 ? Tier::Device : placement.home[u][k];
      }
    }
  }

  void allocateHomes() {
    std::vector<std::uint64_t> extentBytes;
    for (UnitState& unit : units) {
      for (std::size_t k = 0; k < kStateKindCount; ++k) {
        Home& h = unit.homes[k];
        if (h.words == 0) continue;
        switch (h.tier) {
          case Tier::Device:
            h.device = std::make_unique<ParameterTable>(backend, unit.specs[k], formatOf(h));
            break;
          case Tier::Host: h.host = AlignedBuffer(h.words * sizeof(float), backend); break;
          case Tier::Disk:
            h.extent = static_cast<ExtentId>(extentBytes.size());
            extentBytes.push_back(paddedWords(h.words) * sizeof(float));
            break;
        }
      }
    }
    if (!extentBytes.empty()) {
      if (options.offloadFolder.empty()) throw Error("The memory plan puts state on disk, but no offload folder is set.");
      store = std::make_unique<SsdStore>(options.offloadFolder, extentBytes, options.store);
    }
  }

  void allocateSlots() {
    std::size_t layerFloats = 0, outerFloats = 0, largestDiskFloats = 0;
    const std::size_t head = model::headUnit(config);
    for (std::size_t u = 0; u < units.size(); ++u) {
      UnitState& unit = units[u];
      for (const StateKind kind : kStreamedKinds) {
        const Home& h = unit.homes[index(kind)];
        if (h.words > 0 && h.tier != Tier::Device) unit.streamWords += paddedWords(h.words);
      }
      for (const Home& h : unit.homes) {
        if (h.tier == Tier::Disk) largestDiskFloats = std::max(largestDiskFloats, paddedWords(h.words));
      }
      std::size_t& largest = (u == 0 || u == head) ? outerFloats : layerFloats;
      largest = std::max(largest, unit.streamWords);
    }
    const bool separateOuter = outerFloats > layerFloats;
    for (std::size_t u = 0; u < units.size(); ++u) units[u].outer = separateOuter && units[u].streamWords > layerFloats;
    if (layerFloats > 0 || outerFloats > 0) {
      const std::size_t count = std::max<std::size_t>(2, placement.streamingSlots);
      for (std::size_t i = 0; i < count; ++i) {
        slots.push_back(Slot{backend.allocate(std::max(layerFloats, separateOuter ? 0 : outerFloats) * sizeof(float)),
                             false, false, Fence()});
      }
      if (separateOuter) slots.push_back(Slot{backend.allocate(outerFloats * sizeof(float)), true, false, Fence()});
    }
    if (largestDiskFloats > 0) moverStaging = AlignedBuffer(largestDiskFloats * sizeof(float), backend);
    // The optimizer's host copies of one unit, for units whose moments are not on the device.
    std::array<std::size_t, kOptimizerKinds.size()> optimizerFloats{};
    for (const UnitState& unit : units) {
      if (optimizerRunsOnDevice(unit)) continue;
      for (std::size_t i = 0; i < kOptimizerKinds.size(); ++i) {
        const Home& h = unit.homes[index(kOptimizerKinds[i])];
        if (h.tier != Tier::Host) optimizerFloats[i] = std::max(optimizerFloats[i], paddedWords(h.words));
      }
    }
    for (std::size_t i = 0; i < kOptimizerKinds.size(); ++i) {
      if (optimizerFloats[i] > 0) optimizerStaging[i] = AlignedBuffer(optimizerFloats[i] * sizeof(float), backend);
    }
  }

  static bool optimizerRunsOnDevice(const UnitState& unit) {
    return std::all_of(kOptimizerKinds.begin(), kOptimizerKinds.end(),
                       [&](StateKind kind) { return unit.homes[index(kind)].tier == Tier::Device; });
  }

  // --- The mover ---------------------------------------------------------------------------------

  // Under mutex: the access's slot may be overwritten once its ops have run.
  void freeSlot(Residence& r) {
    if (!r.slot) return;
    slots[*r.slot].freed = r.computed;
    slots[*r.slot].busy = false;
  }

  bool slotFree(bool outer) const {
    return std::any_of(slots.begin(), slots.end(), [&](const Slot& s) { return !s.busy && s.outer == outer; });
  }

  // Whether the next access can be loaded now: within the prefetch window, a slot free if it needs
  // one, and (for gradients) every earlier access of the same unit's gradients back home.
  bool canLoad() const {
    if (!passActive || moverError || nextLoad >= order.size()) return false;
    const std::size_t window = std::max<std::size_t>(1, slots.size() > 1 ? slots.size() - 1 : 1);
    if (nextLoad > nextAcquire + window) return false;
    const model::UnitAccess access = order[nextLoad];
    if (access.gradients) {
      for (std::size_t i = 0; i < nextLoad; ++i) {
        if (order[i].unit == access.unit && order[i].gradients && !residences[i].writtenBack) return false;
      }
    }
    const UnitState& unit = units[access.unit];
    return unit.streamWords == 0 || slotFree(unit.outer);
  }

  // Runs one transfer of the mover thread, on its lane of the timeline.
  template <typename Move>
  void moving(std::string what, Move move) {
    const double start = since();
    move();
    const double end = since();
    record(TimelineEvent::Lane::Mover, std::move(what), start, end);
    count(&TransferStats::moverBusySeconds, end - start);
  }

  void moverLoop() {
    std::unique_lock lock(mutex);
    while (true) {
      changed.wait(lock, [&] { return stopping || !writeBacks.empty() || canLoad(); });
      if (stopping) return;
      moverBusy = true;
      try {
        if (!writeBacks.empty()) {
          const std::size_t access = writeBacks.front();
          writeBacks.pop_front();
          lock.unlock();
          moving("store gradients " + std::to_string(order[access].unit), [&] { writeBack(access); });
          lock.lock();
          Residence& r = residences[access];
          r.writtenBack = true;
          freeSlot(r);
        } else {
          const std::size_t access = nextLoad++;
          Residence& r = residences[access];
          const UnitState& unit = units[order[access].unit];
          if (unit.streamWords > 0) {
            for (std::size_t s = 0; s < slots.size(); ++s) {
              if (!slots[s].busy && slots[s].outer == unit.outer) {
                slots[s].busy = true;
                r.slot = s;
                break;
              }
            }
          }
          lock.unlock();
          moving("load unit " + std::to_string(order[access].unit), [&] { load(access); });
          lock.lock();
          r.loaded = true;
        }
      } catch (...) {
        if (!lock.owns_lock()) lock.lock();
        moverError = std::current_exception();
      }
      moverBusy = false;
      changed.notify_all();
    }
  }

  // Makes an access's tables: device homes as they are, the rest copied into the slot on the
  // transfer lane once the slot's last user has finished with it; r.arrived marks the copies' end.
  void load(std::size_t access) {
    const model::UnitAccess what = order[access];
    UnitState& unit = units[what.unit];
    Residence& r = residences[access];
    if (r.slot) backend.laneWaits(Lane::Transfer, slots[*r.slot].freed);
    std::size_t offset = 0;
    std::array<const ParameterTable*, 3> tables{};
    for (std::size_t i = 0; i < kStreamedKinds.size(); ++i) {
      const StateKind kind = kStreamedKinds[i];
      Home& h = unit.homes[index(kind)];
      if (h.words == 0 || (kind == StateKind::Gradients && !what.gradients)) continue;
      if (h.tier == Tier::Device) {
        tables[i] = h.device.get();
        continue;
      }
      const kernels::DeviceBuffer& buffer = slots.at(*r.slot).buffer;
      const DeviceSpan<float> region = buffer.as<float>().subspan(offset, h.words);
      fillDevice(h, region);
      if (h.fourBit) {
        r.views[i] = std::make_unique<ParameterTable>(backend, unit.specs[index(kind)],
                                                      buffer.as<std::uint8_t>().subspan(4 * offset, h.bytes),
                                                      formatOf(h));
      } else if (h.type == model::ElementType::F32) {
        r.views[i] = std::make_unique<ParameterTable>(backend, unit.specs[index(kind)], region);
      } else {
        r.views[i] = std::make_unique<ParameterTable>(
            backend, unit.specs[index(kind)], buffer.as<std::uint16_t>().subspan(2 * offset, h.elements), h.type);
      }
      offset += paddedWords(h.words);
      tables[i] = r.views[i].get();
      if (kind == StateKind::Gradients) r.gradientRegion = region;
    }
    const ParameterTable* frozen = tables[0];
    const ParameterTable* trained = tables[1];
    r.tables = lora ? model::UnitTables{frozen, trained, tables[2]} : model::UnitTables{trained, nullptr, tables[2]};
    if (r.slot) r.arrived = backend.record(Lane::Transfer);
  }

  void writeBack(std::size_t access) {
    Residence& r = residences[access];
    storeDevice(r.gradientRegion, r.computed, home(order[access].unit, StateKind::Gradients));
  }
};

TieredState::TieredState(kernels::Backend& backend, const formats::ModelConfig& config, const model::LoraConfig* lora,
                         StatePlacement placement, TieredStateOptions options)
    : impl_(std::make_unique<Impl>(backend, config, lora, std::move(placement), std::move(options))) {
  impl_->layOutUnits(lora);
  impl_->allocateHomes();
  impl_->allocateSlots();
  impl_->mover = std::thread([this] { impl_->moverLoop(); });
}

TieredState::~TieredState() {
  {
    std::lock_guard lock(impl_->mutex);
    impl_->stopping = true;
  }
  impl_->changed.notify_all();
  impl_->mover.join();
}

std::size_t TieredState::unitCount() const { return impl_->units.size(); }

const std::vector<ParameterSpec>& TieredState::specs(StateKind kind, std::size_t unit) const {
  return impl_->units.at(unit).specs[index(kind)];
}

std::vector<ParameterSpec> TieredState::trainedSpecs() const {
  std::vector<ParameterSpec> all;
  for (const UnitState& unit : impl_->units) {
    const auto& specs = unit.specs[index(StateKind::Trained)];
    all.insert(all.end(), specs.begin(), specs.end());
  }
  return all;
}

model::TableFormat TieredState::format(StateKind kind) const {
  return kind == StateKind::Frozen ? impl_->options.frozenFormat : model::TableFormat(model::ElementType::F32);
}

void TieredState::write(StateKind kind, std::size_t unit, std::span<const float> values) {
  Impl& s = *impl_;
  Home& h = s.home(unit, kind);
  if (h.type != model::ElementType::F32 || h.fourBit) {
    throw std::logic_error(std::string("TieredState::write: ") + toString(kind) + " is kept in " +
                           model::toString(formatOf(h)) + ", not fp32");
  }
  if (values.size() != h.elements) {
    throw std::invalid_argument(std::string("TieredState::write: ") + toString(kind) + " of unit " +
                                std::to_string(unit) + " holds " + std::to_string(h.elements) + " values, not " +
                                std::to_string(values.size()));
  }
  if (h.words == 0) return;
  switch (h.tier) {
    case Tier::Device: s.backend.upload(values, h.device->all()); break;
    case Tier::Host:
      std::copy(values.begin(), values.end(), s.hostSpan(h).begin());
      h.zero = false;
      break;
    case Tier::Disk:
      std::copy(values.begin(), values.end(), floatsOf(s.moverStaging, h.words).begin());
      s.store->wait(s.startDiskWrite(h, s.moverStaging));
      break;
  }
}

void TieredState::write(StateKind kind, std::size_t unit, std::span<const std::uint16_t> bits) {
  Impl& s = *impl_;
  Home& h = s.home(unit, kind);
  if (h.type == model::ElementType::F32 || h.fourBit || bits.size() != h.elements) {
    throw std::invalid_argument(std::string("TieredState::write: ") + toString(kind) + " of unit " +
                                std::to_string(unit) + " holds " + std::to_string(h.elements) + " " +
                                model::toString(h.type) + " values, not " + std::to_string(bits.size()) +
                                " 16-bit ones");
  }
  if (h.elements == 0) return;
  switch (h.tier) {
    case Tier::Device: s.backend.upload(bits, h.device->allBits()); break;
    case Tier::Host:
      std::memcpy(h.host.data(), bits.data(), bits.size_bytes());
      h.zero = false;
      break;
    case Tier::Disk:
      std::memcpy(s.moverStaging.data(), bits.data(), bits.size_bytes());
      std::memset(s.moverStaging.data() + bits.size_bytes(), 0, h.words * sizeof(float) - bits.size_bytes());
      s.store->wait(s.startDiskWrite(h, s.moverStaging));
      break;
  }
}

void TieredState::write(StateKind kind, std::size_t unit, std::span<const std::uint8_t> bytes) {
  Impl& s = *impl_;
  Home& h = s.home(unit, kind);
  if (!h.fourBit || bytes.size() != h.bytes) {
    throw std::invalid_argument(std::string("TieredState::write: ") + toString(kind) + " of unit " +
                                std::to_string(unit) + " is not a 4-bit table of " + std::to_string(bytes.size()) +
                                " bytes");
  }
  if (h.bytes == 0) return;
  switch (h.tier) {
    case Tier::Device: s.backend.upload(bytes, h.device->allBytes()); break;
    case Tier::Host:
      std::memcpy(h.host.data(), bytes.data(), h.bytes);
      h.zero = false;
      break;
    case Tier::Disk:
      std::memcpy(s.moverStaging.data(), bytes.data(), h.bytes);
      std::memset(s.moverStaging.data() + h.bytes, 0, h.words * sizeof(float) - h.bytes);
      s.store->wait(s.startDiskWrite(h, s.moverStaging));
      break;
  }
}

void TieredState::read(StateKind kind, std::size_t unit, std::span<float> values) {
  Impl& s = *impl_;
  Home& h = s.home(unit, kind);
  if (h.type != model::ElementType::F32 || h.fourBit || values.size() != h.elements) {
    throw std::invalid_argument("TieredState::read: wrong size or type");
  }
  if (h.words == 0) return;
  switch (h.tier) {
    case Tier::Device: s.backend.download(h.device->all(), values); break;
    case Tier::Host: std::copy_n(s.hostSpan(h).begin(), h.words, values.begin()); break;
    case Tier::Disk:
      s.readDisk(h, s.moverStaging);
      std::copy_n(floatsOf(s.moverStaging, h.words).begin(), h.words, values.begin());
      break;
  }
}

void TieredState::beginPass(std::vector<model::UnitAccess> order) {
  Impl& s = *impl_;
  {
    std::lock_guard lock(s.mutex);
    if (s.passActive) throw std::logic_error("a pass of the tiered state began before the last one ended");
    s.order = std::move(order);
    s.residences.clear();
    s.residences.resize(s.order.size());
    s.nextLoad = 0;
    s.nextAcquire = 0;
    s.writeBacks.clear();
    s.moverError = nullptr;
    for (Slot& slot : s.slots) slot.busy = false;
    s.passActive = true;
  }
  s.changed.notify_all();
}

void TieredState::endPass() {
  Impl& s = *impl_;
  std::unique_lock lock(s.mutex);
  if (s.nextAcquire != s.order.size() && !s.moverError) {
    lock.unlock();
    abandonPass();
    throw std::logic_error("a pass of the tiered state ended before the decoder used every announced unit");
  }
  s.changed.wait(lock, [&] {
    if (s.moverError && !s.moverBusy) return true;
    return !s.moverBusy && s.writeBacks.empty() && s.nextAcquire == s.order.size() &&
           std::all_of(s.residences.begin(), s.residences.end(), [](const Residence& r) { return r.released; });
  });
  s.passActive = false;
  if (s.moverError) std::rethrow_exception(s.moverError);
  lock.unlock();
  // Copies down into host homes may still be on the transfer lane; between passes the host reads
  // and writes those homes itself.
  s.backend.hostWaits(s.backend.record(Lane::Transfer));
}

void TieredState::abandonPass() noexcept {
  Impl& s = *impl_;
  std::unique_lock lock(s.mutex);
  s.passActive = false;
  s.writeBacks.clear();
  s.changed.wait(lock, [&] { return !s.moverBusy; });
  // Units the decoder held when it failed have no compute fence: wait for both lanes, so that the
  // slots can be reused and the homes read. A failure here is sticky on CUDA and the next call
  // reports it.
  try {
    s.backend.synchronize();
  } catch (...) {
  }
  for (Slot& slot : s.slots) {
    slot.busy = false;
    slot.freed = Fence();
  }
}

model::UnitTables TieredState::acquire(std::size_t unit, bool gradients) {
  Impl& s = *impl_;
  const double start = s.since();
  std::unique_lock lock(s.mutex);
  if (!s.passActive) throw std::logic_error("a unit was acquired outside a pass of the tiered state");
  if (s.nextAcquire >= s.order.size() || s.order[s.nextAcquire] != model::UnitAccess{unit, gradients}) {
    throw std::logic_error("the decoder acquired unit " + std::to_string(unit) +
                           " out of the announced order of the tiered state");
  }
  const std::size_t access = s.nextAcquire++;
  s.changed.notify_all();  // the prefetch window moved
  s.changed.wait(lock, [&] { return s.residences[access].loaded || s.moverError; });
  if (s.moverError) std::rethrow_exception(s.moverError);
  Residence& r = s.residences[access];
  r.held = true;
  r.acquiredAt = s.since();
  s.count(&TransferStats::computeWaitSeconds, r.acquiredAt - start);
  if (r.acquiredAt - start > 1e-4) {
    s.record(TimelineEvent::Lane::Compute, "wait for unit " + std::to_string(unit), start, r.acquiredAt);
  }
  const model::UnitTables tables = r.tables;
  const Fence arrived = r.arrived;
  lock.unlock();
  // The ops queued from now on run after the slot's copies; the host does not wait for them.
  s.backend.laneWaits(Lane::Compute, arrived);
  return tables;
}

void TieredState::release(std::size_t unit) noexcept {
  Impl& s = *impl_;
  {
    std::lock_guard lock(s.mutex);
    // The most recent held access of the unit (a tied head holds unit 0 inside the head's).
    for (std::size_t i = s.nextAcquire; i-- > 0;) {
      Residence& r = s.residences[i];
      if (s.order[i].unit != unit || !r.held || r.released) continue;
      r.released = true;
      s.record(TimelineEvent::Lane::Compute, "compute unit " + std::to_string(unit), r.acquiredAt, s.since());
      if (r.slot) {
        // Every op of the unit is queued by now: this fence is where they end.
        try {
          r.computed = s.backend.record(Lane::Compute);
        } catch (...) {
          if (!s.moverError) s.moverError = std::current_exception();
          r.writtenBack = true;  // the pass is lost; the slot stays taken until abandonPass
          break;
        }
      }
      if (!r.gradientRegion.empty() && s.passActive) {
        s.writeBacks.push_back(i);
      } else {
        r.writtenBack = true;
        s.freeSlot(r);
      }
      break;
    }
  }
  s.changed.notify_all();
}

void TieredState::zeroGradients() {
  Impl& s = *impl_;
  for (UnitState& unit : s.units) {
    Home& h = unit.homes[index(StateKind::Gradients)];
    if (h.words == 0) continue;
    if (h.tier == Tier::Device) {
      h.device->zero();
    } else {
      if (h.tier == Tier::Host) std::fill_n(s.hostSpan(h).begin(), h.words, 0.0f);
      h.zero = true;
    }
  }
}

double TieredState::gradientSquaredNorm() {
  Impl& s = *impl_;
  double total = 0;
  for (UnitState& unit : s.units) {
    Home& h = unit.homes[index(StateKind::Gradients)];
    if (h.words == 0) continue;
    switch (h.tier) {
      case Tier::Device: total += s.backend.sumOfSquares(h.device->all()); break;
      case Tier::Host: total += s.hostOps->sumOfSquares(DeviceSpan<const float>(s.hostSpan(h).data(), h.words)); break;
      case Tier::Disk: {
        AlignedBuffer& staging = s.optimizerStaging[1];
        s.readDisk(h, staging);
        total += s.hostOps->sumOfSquares(DeviceSpan<const float>(floatsOf(staging, h.words).data(), h.words));
        break;
      }
    }
  }
  return total;
}

void TieredState::optimizerStep(double clipScale, const kernels::AdamWHyper& hyper, std::int64_t step) {
  Impl& s = *impl_;
  kernels::AdamWHyper undecayed = hyper;
  undecayed.weightDecay = 0;
  auto update = [&](kernels::Backend& ops, std::array<std::unique_ptr<ParameterTable>, 4>& t) {
    if (clipScale < 1.0) ops.scale(t[1]->all(), static_cast<float>(clipScale));
    ops.adamw(t[0]->decayed(), t[1]->decayed(), t[2]->decayed(), t[3]->decayed(), hyper, step);
    ops.adamw(t[0]->undecayed(), t[1]->undecayed(), t[2]->undecayed(), t[3]->undecayed(), undecayed, step);
  };
  for (UnitState& unit : s.units) {
    const auto& specs = unit.specs[index(StateKind::Trained)];
    if (specs.empty()) continue;
    std::array<std::unique_ptr<ParameterTable>, 4> tables;
    if (Impl::optimizerRunsOnDevice(unit)) {
      for (std::size_t i = 0; i < kOptimizerKinds.size(); ++i) {
        tables[i] = std::make_unique<ParameterTable>(s.backend, specs, unit.homes[index(kOptimizerKinds[i])].device->all());
      }
      update(s.backend, tables);
      continue;
    }
    // On the host: what lives elsewhere comes through staging, and goes back after the step.
    std::vector<Ticket> reads;
    std::array<std::span<float>, 4> host;
    for (std::size_t i = 0; i < kOptimizerKinds.size(); ++i) {
      Home& h = unit.homes[index(kOptimizerKinds[i])];
      AlignedBuffer& staging = s.optimizerStaging[i];
      host[i] = h.tier == Tier::Host ? s.hostSpan(h) : floatsOf(staging, h.words);
      if (h.tier == Tier::Device) {
        s.backend.download(h.device->all(), host[i]);
      } else if (h.tier == Tier::Disk && h.zero) {
        std::fill(host[i].begin(), host[i].end(), 0.0f);
      } else if (h.tier == Tier::Disk) {
        reads.push_back(s.store->read(h.extent, staging.span().first(paddedWords(h.words) * sizeof(float))));
        s.count<std::uint64_t>(&TransferStats::diskRead, paddedWords(h.words) * sizeof(float));
      }
      tables[i] = std::make_unique<ParameterTable>(*s.hostOps, specs, DeviceSpan<float>(host[i].data(), h.words));
    }
    for (const Ticket ticket : reads) s.store->wait(ticket);
    update(*s.hostOps, tables);
    std::vector<Ticket> writes;
    for (std::size_t i = 0; i < kOptimizerKinds.size(); ++i) {
      if (kOptimizerKinds[i] == StateKind::Gradients) continue;  // spent: zeroed before the next step
      Home& h = unit.homes[index(kOptimizerKinds[i])];
      if (h.tier == Tier::Device) s.backend.upload(host[i], h.device->all());
      if (h.tier == Tier::Host) h.zero = false;
      if (h.tier == Tier::Disk) writes.push_back(s.startDiskWrite(h, s.optimizerStaging[i]));
    }
    for (const Ticket ticket : writes) s.store->wait(ticket);
  }
}

TransferStats TieredState::stats() const {
  std::lock_guard lock(impl_->statsMutex);
  return impl_->stats;
}

std::vector<TimelineEvent> TieredState::timeline() const {
  std::lock_guard lock(impl_->statsMutex);
  return impl_->timeline;
}

std::uint64_t TieredState::hostBytes() const {
  std::uint64_t bytes = impl_->moverStaging.size();
  for (const AlignedBuffer& staging : impl_->optimizerStaging) bytes += staging.size();
  for (const UnitState& unit : impl_->units) {
    for (const Home& h : unit.homes) bytes += h.host.size();
  }
  return bytes;
}

std::uint64_t TieredState::diskBytes() const { return impl_->store ? impl_->store->reservedBytes() : 0; }

}  // namespace tiertune::tiers
