// The pass protocol of the tiered state: one pass of the decoder (a micro-batch's forward and
// backward, or an evaluation) is announced with its access order (model::decoderAccessOrder). A
// mover thread walks that order ahead of the decoder: while access i computes, access i+1's
// weights (and, in the backward, its gradient sums) move up into a device slot: SSD -> host
// staging through io_uring, host -> device on the backend's transfer lane (a copy stream on CUDA,
// from page-locked host memory). When the decoder releases an access whose gradients live below the
// device, they move down on the transfer lane while the next access computes. Each access goes
// through the states of core/tiers/access_state.h.
//
// Invariants. The mover checks 2, 3 and 5 at every transition and 6 and 7 where a pass ends, under
// its mutex, and fails the pass with a std::logic_error naming the invariant when one is broken;
// the tests name the invariant each of them exercises.
//
//  1. Order: the decoder acquires the accesses exactly in the announced order, each once; an
//     acquire out of order, outside a pass, or a pass ended before every access was acquired is
//     refused.
//  2. Window: the mover takes access i only while i <= acquired + window, where acquired counts
//     the accesses the decoder has asked for and window = max(1, slots - 1): loading ahead never
//     starves the access the decoder waits for of a slot.
//  3. Slots: a device slot is owned by at most one access, and it is marked busy exactly while an
//     access in a slot-owning state (Loading, Loaded, Held, WritingBack, Lost) owns it.
//  4. Fences: the copies into a slot wait (on the transfer lane) for the compute fence recorded
//     when the slot's previous user was released; the ops of an access wait (on the compute lane)
//     for the transfer fence after its copies; the host refills the disk staging only after the
//     transfer lane has read what it held. (Not checkable on the host: the late transfer lane of
//     tst_transfer_lane catches a missing wait.)
//  5. Gradient order: an access with gradients is taken only when every earlier access of the same
//     unit with gradients is Done, so the sums it loads hold every earlier contribution (a tied
//     head adds to the embedding's gradients inside the same pass).
//  6. End: end() returns only with every access Done, no write-back queued, every slot free and
//     the transfer lane drained, so that between passes the host alone reads and writes the homes.
//  7. Abandon: after abandon() the mover is idle, no write-back is queued, both lanes are drained
//     and every slot is free; the homes keep what the copies that ran wrote (the failed step is
//     not trusted: a run goes back to its last checkpoint), and a new pass may begin.
//  8. Values: only copies are added. The decoder runs the same ops on the same values in the same
//     order, so on the CPU backend a run gives bit for bit the same losses whatever the placement.
#pragma once

#include <array>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "core/model/model_units.h"
#include "core/model/parameter_table.h"
#include "core/tiers/access_state.h"
#include "core/tiers/transfer_log.h"
#include "core/tiers/unit_homes.h"
#include "kernels/backend.h"

namespace tiertune::tiers {

class PassMover {
 public:
  // Allocates streamingSlots device slots (at least two) large enough for the units that are not
  // wholly on the device, and starts the mover thread.
  PassMover(kernels::Backend& backend, UnitHomes& homes, std::size_t streamingSlots, TransferLog& log);
  ~PassMover();  // stops the mover thread
  PassMover(const PassMover&) = delete;
  PassMover& operator=(const PassMover&) = delete;

  void begin(std::vector<model::UnitAccess> order);
  void end();
  void abandon() noexcept;
  model::UnitTables acquire(std::size_t unit, bool gradients);
  void release(std::size_t unit) noexcept;

  std::size_t slotCount() const { return slots_.size(); }

 private:
  struct Slot {
    kernels::DeviceBuffer buffer;
    bool outer = false;
    bool busy = false;
    // Signalled once the ops of the slot's last user have run: the transfer lane waits for it
    // before it overwrites the slot.
    kernels::Fence freed;
  };
  // What a unit needs of a slot: the words of its streamed state, and whether it is one of the
  // outer units (embedding, head) too large for a layer slot.
  struct SlotNeed {
    std::size_t words = 0;
    bool outer = false;
  };
  // One access of a pass: the unit's tables as the decoder sees them.
  struct Access {
    model::UnitAccess what;
    AccessState state = AccessState::Announced;
    std::optional<std::size_t> slot;
    std::array<std::unique_ptr<model::ParameterTable>, 3> views;  // slot views of Frozen, Trained, Gradients
    model::UnitTables tables;
    kernels::DeviceSpan<float> gradientRegion;  // in the slot, when the gradients go back down
    kernels::Fence arrived;   // transfer lane: the slot's copies are done; the ops wait for it
    kernels::Fence computed;  // compute lane: the ops of the access are done; the copies down wait for it
    double acquiredAt = 0;
  };

  void allocateSlots(std::size_t count);

  // Under mutex_: moves an access on through the table, then checks the invariants it touches.
  void advanceAccess(std::size_t access, AccessEvent event);
  void checkSlots() const;                        // invariant 3
  void checkTake(std::size_t access) const;       // invariants 2 and 5
  void checkEnded() const;                        // invariant 6
  void giveBackSlot(Access& a);
  bool slotFree(bool outer) const;
  std::size_t window() const;
  bool canLoad() const;

  void moverLoop();
  template <typename Move>
  void moving(std::string what, Move move);
  void load(std::size_t access);
  void writeBack(std::size_t access);
  void fillDevice(Home& h, kernels::DeviceSpan<float> region);
  void storeDevice(kernels::DeviceSpan<const float> region, const kernels::Fence& computed, Home& h);

  kernels::Backend& backend_;
  UnitHomes& homes_;
  TransferLog& log_;
  std::vector<SlotNeed> needs_;  // per unit
  std::vector<Slot> slots_;
  kernels::Fence stagingRead_;  // transfer lane: the last upload from the disk staging has read it

  // The pass, shared with the mover thread under mutex_.
  std::mutex mutex_;
  std::condition_variable changed_;
  bool passActive_ = false;
  bool stopping_ = false;
  bool moverBusy_ = false;
  std::vector<Access> accesses_;
  std::size_t nextLoad_ = 0;     // the next access the mover takes
  std::size_t nextAcquire_ = 0;  // the accesses the decoder has asked for
  std::deque<std::size_t> writeBacks_;
  std::exception_ptr moverError_;  // what failed: a transfer, a broken invariant, a compute fence
  std::thread mover_;
};

}  // namespace tiertune::tiers
