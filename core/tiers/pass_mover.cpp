#include "core/tiers/pass_mover.h"

#include <algorithm>
#include <stdexcept>
#include <string>

namespace tiertune::tiers {

using kernels::DeviceSpan;
using kernels::Fence;
using kernels::Lane;
using model::ParameterTable;

namespace {

// The kinds a pass streams through a device slot, in their order inside the slot.
constexpr std::array kStreamedKinds = {StateKind::Frozen, StateKind::Trained, StateKind::Gradients};

[[noreturn]] void broken(int invariant, const std::string& what) {
  throw std::logic_error("invariant " + std::to_string(invariant) + " of the tiered state's pass is broken: " + what);
}

}  // namespace

PassMover::PassMover(kernels::Backend& backend, UnitHomes& homes, std::size_t streamingSlots, TransferLog& log)
    : backend_(backend), homes_(homes), log_(log) {
  allocateSlots(streamingSlots);
  mover_ = std::thread([this] { moverLoop(); });
}

PassMover::~PassMover() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  changed_.notify_all();
  mover_.join();
}

// Layer slots fit the largest layer's streamed state; the embedding and the head, when larger
// than every layer, get one slot of their own rather than making every slot their size.
void PassMover::allocateSlots(std::size_t count) {
  needs_.resize(homes_.size());
  std::size_t layerWords = 0, outerWords = 0;
  for (std::size_t u = 0; u < homes_.size(); ++u) {
    for (const StateKind kind : kStreamedKinds) {
      const Home& h = homes_.home(u, kind);
      if (h.words > 0 && h.tier != Tier::Device) needs_[u].words += paddedWords(h.words);
    }
    std::size_t& largest = (u == 0 || u == homes_.headUnit()) ? outerWords : layerWords;
    largest = std::max(largest, needs_[u].words);
  }
  const bool separateOuter = outerWords > layerWords;
  for (SlotNeed& need : needs_) need.outer = separateOuter && need.words > layerWords;
  if (layerWords == 0 && outerWords == 0) return;
  const std::size_t layerSlotWords = std::max(layerWords, separateOuter ? 0 : outerWords);
  for (std::size_t i = 0; i < std::max<std::size_t>(2, count); ++i) {
    slots_.push_back(Slot{backend_.allocate(layerSlotWords * sizeof(float)), false, false, Fence()});
  }
  if (separateOuter) slots_.push_back(Slot{backend_.allocate(outerWords * sizeof(float)), true, false, Fence()});
}

// --- The state machine and its invariants (under mutex_) --------------------------------------------

void PassMover::advanceAccess(std::size_t access, AccessEvent event) {
  Access& a = accesses_[access];
  if (event == AccessEvent::Take) checkTake(access);
  a.state = advance(a.state, event);
  if (a.state == AccessState::Done) giveBackSlot(a);
  checkSlots();
}

void PassMover::giveBackSlot(Access& a) {
  if (!a.slot) return;
  slots_[*a.slot].freed = a.computed;
  slots_[*a.slot].busy = false;
}

void PassMover::checkSlots() const {
  std::vector<int> owners(slots_.size(), 0);
  for (const Access& a : accesses_) {
    if (a.slot && ownsSlot(a.state)) ++owners[*a.slot];
  }
  for (std::size_t s = 0; s < slots_.size(); ++s) {
    if (owners[s] > 1) broken(3, "slot " + std::to_string(s) + " is owned by " + std::to_string(owners[s]) + " accesses");
    if (slots_[s].busy != (owners[s] == 1)) {
      broken(3, "slot " + std::to_string(s) + (slots_[s].busy ? " is busy with no owner" : " has an owner but is free"));
    }
  }
}

void PassMover::checkTake(std::size_t access) const {
  if (access > nextAcquire_ + window()) {
    broken(2, "access " + std::to_string(access) + " taken with " + std::to_string(nextAcquire_) +
                  " acquired and a window of " + std::to_string(window()));
  }
  const model::UnitAccess what = accesses_[access].what;
  if (!what.gradients) return;
  for (std::size_t i = 0; i < access; ++i) {
    const Access& earlier = accesses_[i];
    if (earlier.what == what && earlier.state != AccessState::Done) {
      broken(5, "the gradients of unit " + std::to_string(what.unit) + " are loaded by access " +
                    std::to_string(access) + " while access " + std::to_string(i) + " is " + toString(earlier.state));
    }
  }
}

void PassMover::checkEnded() const {
  if (!writeBacks_.empty()) broken(6, "a pass ended with write-backs queued");
  for (std::size_t i = 0; i < accesses_.size(); ++i) {
    if (accesses_[i].state != AccessState::Done) {
      broken(6, "a pass ended with access " + std::to_string(i) + " " + toString(accesses_[i].state));
    }
  }
  for (std::size_t s = 0; s < slots_.size(); ++s) {
    if (slots_[s].busy) broken(6, "a pass ended with slot " + std::to_string(s) + " busy");
  }
}

bool PassMover::slotFree(bool outer) const {
  return std::any_of(slots_.begin(), slots_.end(), [&](const Slot& s) { return !s.busy && s.outer == outer; });
}

std::size_t PassMover::window() const { return slots_.size() > 1 ? slots_.size() - 1 : 1; }

// Whether the next access can be taken now: within the window (invariant 2), a slot free if it
// needs one (3), and for gradients every earlier access of the same unit's gradients Done (5).
bool PassMover::canLoad() const {
  if (!passActive_ || moverError_ || nextLoad_ >= accesses_.size()) return false;
  if (nextLoad_ > nextAcquire_ + window()) return false;
  const model::UnitAccess what = accesses_[nextLoad_].what;
  if (what.gradients) {
    for (std::size_t i = 0; i < nextLoad_; ++i) {
      if (accesses_[i].what == what && accesses_[i].state != AccessState::Done) return false;
    }
  }
  const SlotNeed& need = needs_[what.unit];
  return need.words == 0 || slotFree(need.outer);
}

// --- The mover thread ---------------------------------------------------------------------------

template <typename Move>
void PassMover::moving(std::string what, Move move) {
  const double start = log_.since();
  move();
  const double end = log_.since();
  log_.record(TimelineEvent::Lane::Mover, std::move(what), start, end);
  log_.count(&TransferStats::moverBusySeconds, end - start);
}

void PassMover::moverLoop() {
  std::unique_lock lock(mutex_);
  while (true) {
    changed_.wait(lock, [&] { return stopping_ || !writeBacks_.empty() || canLoad(); });
    if (stopping_) return;
    moverBusy_ = true;
    try {
      if (!writeBacks_.empty()) {
        const std::size_t access = writeBacks_.front();
        writeBacks_.pop_front();
        lock.unlock();
        moving("store gradients " + std::to_string(accesses_[access].what.unit), [&] { writeBack(access); });
        lock.lock();
        advanceAccess(access, AccessEvent::Stored);
      } else {
        const std::size_t access = nextLoad_++;
        Access& a = accesses_[access];
        const SlotNeed& need = needs_[a.what.unit];
        if (need.words > 0) {
          for (std::size_t s = 0; s < slots_.size(); ++s) {
            if (!slots_[s].busy && slots_[s].outer == need.outer) {
              slots_[s].busy = true;
              a.slot = s;
              break;
            }
          }
        }
        advanceAccess(access, AccessEvent::Take);
        lock.unlock();
        moving("load unit " + std::to_string(a.what.unit), [&] { load(access); });
        lock.lock();
        advanceAccess(access, AccessEvent::Arrive);
      }
    } catch (...) {
      if (!lock.owns_lock()) lock.lock();
      moverError_ = std::current_exception();
    }
    moverBusy_ = false;
    changed_.notify_all();
  }
}

// Makes an access's tables: device homes as they are, the rest copied into the slot on the
// transfer lane once the slot's last user has finished with it; a.arrived marks the copies' end.
void PassMover::load(std::size_t access) {
  Access& a = accesses_[access];
  const std::size_t u = a.what.unit;
  if (a.slot) backend_.laneWaits(Lane::Transfer, slots_[*a.slot].freed);
  std::size_t offset = 0;
  std::array<const ParameterTable*, 3> tables{};
  for (std::size_t i = 0; i < kStreamedKinds.size(); ++i) {
    const StateKind kind = kStreamedKinds[i];
    Home& h = homes_.home(u, kind);
    if (h.words == 0 || (kind == StateKind::Gradients && !a.what.gradients)) continue;
    if (h.tier == Tier::Device) {
      tables[i] = h.device.get();
      continue;
    }
    const kernels::DeviceBuffer& buffer = slots_.at(*a.slot).buffer;
    const DeviceSpan<float> region = buffer.as<float>().subspan(offset, h.words);
    fillDevice(h, region);
    const auto& specs = homes_.specs(kind, u);
    if (h.fourBit) {
      a.views[i] = std::make_unique<ParameterTable>(backend_, specs, buffer.as<std::uint8_t>().subspan(4 * offset, h.bytes),
                                                    h.format());
    } else if (h.type == model::ElementType::F32) {
      a.views[i] = std::make_unique<ParameterTable>(backend_, specs, region);
    } else {
      a.views[i] = std::make_unique<ParameterTable>(backend_, specs,
                                                    buffer.as<std::uint16_t>().subspan(2 * offset, h.elements), h.type);
    }
    offset += paddedWords(h.words);
    tables[i] = a.views[i].get();
    if (kind == StateKind::Gradients) a.gradientRegion = region;
  }
  const ParameterTable* frozen = tables[0];
  const ParameterTable* trained = tables[1];
  a.tables = homes_.lora() ? model::UnitTables{frozen, trained, tables[2]} : model::UnitTables{trained, nullptr, tables[2]};
  if (a.slot) a.arrived = backend_.record(Lane::Transfer);
}

void PassMover::writeBack(std::size_t access) {
  Access& a = accesses_[access];
  storeDevice(a.gradientRegion, a.computed, homes_.home(a.what.unit, StateKind::Gradients));
}

// Queues the copy of a home's content into device memory (a slot region) on the transfer lane.
// A disk home goes through the disk staging, which the host refills only after the transfer lane
// has read what it held before.
void PassMover::fillDevice(Home& h, DeviceSpan<float> region) {
  AlignedBuffer& staging = homes_.diskStaging();
  if (h.tier == Tier::Host && !h.zero) {
    backend_.uploadAsync(homes_.hostWords(h), region);
    log_.count<std::uint64_t>(&TransferStats::hostToDevice, h.words * sizeof(float));
  } else if (h.tier == Tier::Disk && !h.zero) {
    backend_.hostWaits(stagingRead_);
    homes_.readDisk(h, staging);
    backend_.uploadAsync(floatsOf(staging, h.words), region);
    stagingRead_ = backend_.record(Lane::Transfer);
    log_.count<std::uint64_t>(&TransferStats::hostToDevice, h.words * sizeof(float));
  } else {
    backend_.zeroAsync(region);
  }
}

// Copies device memory (a slot region) into a host or disk home on the transfer lane, once the ops
// that wrote it (computed) have run. A host home is read again only by later copies on the same
// lane or after end() has waited for the lane, so the mover goes on at once; a disk home waits for
// the copy, then for the write.
void PassMover::storeDevice(DeviceSpan<const float> region, const Fence& computed, Home& h) {
  log_.count<std::uint64_t>(&TransferStats::deviceToHost, h.words * sizeof(float));
  backend_.laneWaits(Lane::Transfer, computed);
  if (h.tier == Tier::Host) {
    backend_.downloadAsync(region, homes_.hostWords(h));
    h.zero = false;
    return;
  }
  AlignedBuffer& staging = homes_.diskStaging();
  backend_.downloadAsync(region, floatsOf(staging, h.words));
  stagingRead_ = backend_.record(Lane::Transfer);
  backend_.hostWaits(stagingRead_);
  homes_.store().wait(homes_.startDiskWrite(h, staging));
}

// --- The decoder's side ----------------------------------------------------------------------------

void PassMover::begin(std::vector<model::UnitAccess> order) {
  {
    std::lock_guard lock(mutex_);
    if (passActive_) throw std::logic_error("a pass of the tiered state began before the last one ended");
    accesses_.clear();
    accesses_.resize(order.size());
    for (std::size_t i = 0; i < order.size(); ++i) accesses_[i].what = order[i];
    nextLoad_ = 0;
    nextAcquire_ = 0;
    writeBacks_.clear();
    moverError_ = nullptr;
    for (Slot& slot : slots_) slot.busy = false;
    passActive_ = true;
  }
  changed_.notify_all();
}

void PassMover::end() {
  std::unique_lock lock(mutex_);
  if (nextAcquire_ != accesses_.size() && !moverError_) {
    lock.unlock();
    abandon();
    throw std::logic_error("a pass of the tiered state ended before the decoder used every announced unit");
  }
  changed_.wait(lock, [&] {
    if (moverError_ && !moverBusy_) return true;
    return !moverBusy_ && writeBacks_.empty() &&
           std::all_of(accesses_.begin(), accesses_.end(), [](const Access& a) { return a.state == AccessState::Done; });
  });
  passActive_ = false;
  if (moverError_) std::rethrow_exception(moverError_);
  checkEnded();
  lock.unlock();
  // Copies down into host homes may still be on the transfer lane; between passes the host reads
  // and writes those homes itself.
  backend_.hostWaits(backend_.record(Lane::Transfer));
}

void PassMover::abandon() noexcept {
  std::unique_lock lock(mutex_);
  passActive_ = false;
  writeBacks_.clear();
  changed_.wait(lock, [&] { return !moverBusy_; });
  // Accesses the decoder held when it failed have no compute fence: wait for both lanes, so that
  // the slots can be reused and the homes read. A failure here is sticky on CUDA and the next call
  // reports it.
  try {
    backend_.synchronize();
  } catch (...) {
  }
  for (Slot& slot : slots_) {
    slot.busy = false;
    slot.freed = Fence();
  }
  // The accesses are dropped in whatever state they were: nothing of the pass is used again.
  accesses_.clear();
  nextLoad_ = 0;
  nextAcquire_ = 0;
}

model::UnitTables PassMover::acquire(std::size_t unit, bool gradients) {
  const double start = log_.since();
  std::unique_lock lock(mutex_);
  if (!passActive_) throw std::logic_error("a unit was acquired outside a pass of the tiered state");
  if (nextAcquire_ >= accesses_.size() || accesses_[nextAcquire_].what != model::UnitAccess{unit, gradients}) {
    throw std::logic_error("the decoder acquired unit " + std::to_string(unit) +
                           " out of the announced order of the tiered state");
  }
  const std::size_t access = nextAcquire_++;
  changed_.notify_all();  // the window moved
  changed_.wait(lock, [&] { return accesses_[access].state == AccessState::Loaded || moverError_; });
  if (moverError_) std::rethrow_exception(moverError_);
  advanceAccess(access, AccessEvent::Acquire);
  Access& a = accesses_[access];
  a.acquiredAt = log_.since();
  log_.count(&TransferStats::computeWaitSeconds, a.acquiredAt - start);
  if (a.acquiredAt - start > 1e-4) {
    log_.record(TimelineEvent::Lane::Compute, "wait for unit " + std::to_string(unit), start, a.acquiredAt);
  }
  const model::UnitTables tables = a.tables;
  const Fence arrived = a.arrived;
  lock.unlock();
  // The ops queued from now on run after the slot's copies; the host does not wait for them.
  backend_.laneWaits(Lane::Compute, arrived);
  return tables;
}

void PassMover::release(std::size_t unit) noexcept {
  {
    std::lock_guard lock(mutex_);
    // The most recent held access of the unit (a tied head holds unit 0 inside the head's).
    for (std::size_t i = nextAcquire_; i-- > 0;) {
      Access& a = accesses_[i];
      if (a.what.unit != unit || a.state != AccessState::Held) continue;
      log_.record(TimelineEvent::Lane::Compute, "compute unit " + std::to_string(unit), a.acquiredAt, log_.since());
      try {
        if (a.slot) {
          // Every op of the access is queued by now: this fence is where they end.
          try {
            a.computed = backend_.record(Lane::Compute);
          } catch (...) {
            if (!moverError_) moverError_ = std::current_exception();
            advanceAccess(i, AccessEvent::Lose);  // the pass is lost; the slot stays taken until abandon
            break;
          }
        }
        if (!a.gradientRegion.empty() && passActive_) {
          advanceAccess(i, AccessEvent::SendDown);
          writeBacks_.push_back(i);
        } else {
          advanceAccess(i, AccessEvent::Release);
        }
      } catch (...) {
        if (!moverError_) moverError_ = std::current_exception();  // a broken invariant fails the pass
      }
      break;
    }
  }
  changed_.notify_all();
}

}  // namespace tiertune::tiers
