// The life of one access of a pass of the tiered state (core/tiers/pass_mover.h), as one explicit
// state with a transition table: every change goes through advance(), which refuses a transition
// the table does not have, so a bookkeeping error stops the pass with words instead of moving the
// wrong bytes.
//
// An access is one entry of the pass's announced order: a unit, with or without its gradients.
//
//   state        who moves it on          event        next state
//   -----------  -----------------------  -----------  -----------------------------------------
//   Announced    mover: takes a slot      Take         Loading
//   Loading      mover: copies queued     Arrive       Loaded
//   Loaded       decoder: acquire()       Acquire      Held
//   Held         decoder: release()       Release      Done         (no gradients leave the slot)
//   Held         decoder: release()       SendDown     WritingBack  (gradients go back to their home)
//   Held         decoder: release() fails Lose         Lost         (no compute fence: the pass fails)
//   WritingBack  mover: copy down queued  Stored       Done
//
// Done and Lost are final. A pass that fails is abandoned as a whole: its accesses are dropped in
// whatever state they are in, after both lanes have drained (PassMover::abandon).
//
// The states that own a device slot (when the unit streams through one) are Loading, Loaded,
// Held, WritingBack and Lost: a slot is given back when its access reaches Done, and by abandon.
#pragma once

#include <cstdint>

namespace tiertune::tiers {

enum class AccessState : std::uint8_t { Announced, Loading, Loaded, Held, WritingBack, Done, Lost };
enum class AccessEvent : std::uint8_t { Take, Arrive, Acquire, Release, SendDown, Lose, Stored };

inline constexpr int kAccessStateCount = 7;
inline constexpr int kAccessEventCount = 7;

// The state after event in state from. Throws std::logic_error naming both when the table has no
// such transition.
AccessState advance(AccessState from, AccessEvent event);
// Whether the transition exists (the table, for tests and checks that must not throw).
bool canAdvance(AccessState from, AccessEvent event);

// Whether an access in this state owns its slot (if it has one).
bool ownsSlot(AccessState state);

const char* toString(AccessState state);
const char* toString(AccessEvent event);

}  // namespace tiertune::tiers
