#include "core/tiers/access_state.h"

#include <array>
#include <optional>
#include <stdexcept>
#include <string>

namespace tiertune::tiers {

namespace {

using S = AccessState;
using E = AccessEvent;

struct Transition {
  S from;
  E event;
  S to;
};

// The table of the header, row by row.
constexpr std::array kTransitions = {
    Transition{S::Announced, E::Take, S::Loading},  Transition{S::Loading, E::Arrive, S::Loaded},
    Transition{S::Loaded, E::Acquire, S::Held},     Transition{S::Held, E::Release, S::Done},
    Transition{S::Held, E::SendDown, S::WritingBack}, Transition{S::Held, E::Lose, S::Lost},
    Transition{S::WritingBack, E::Stored, S::Done},
};

constexpr std::optional<S> next(S from, E event) {
  for (const Transition& t : kTransitions) {
    if (t.from == from && t.event == event) return t.to;
  }
  return std::nullopt;
}

}  // namespace

AccessState advance(AccessState from, AccessEvent event) {
  if (const auto to = next(from, event)) return *to;
  throw std::logic_error(std::string("an access of the tiered state in state ") + toString(from) +
                         " cannot take the event " + toString(event));
}

bool canAdvance(AccessState from, AccessEvent event) { return next(from, event).has_value(); }

bool ownsSlot(AccessState state) {
  switch (state) {
    case S::Loading:
    case S::Loaded:
    case S::Held:
    case S::WritingBack:
    case S::Lost: return true;
    case S::Announced:
    case S::Done: return false;
  }
  return false;
}

const char* toString(AccessState state) {
  switch (state) {
    case S::Announced: return "Announced";
    case S::Loading: return "Loading";
    case S::Loaded: return "Loaded";
    case S::Held: return "Held";
    case S::WritingBack: return "WritingBack";
    case S::Done: return "Done";
    case S::Lost: return "Lost";
  }
  return "?";
}

const char* toString(AccessEvent event) {
  switch (event) {
    case E::Take: return "Take";
    case E::Arrive: return "Arrive";
    case E::Acquire: return "Acquire";
    case E::Release: return "Release";
    case E::SendDown: return "SendDown";
    case E::Lose: return "Lose";
    case E::Stored: return "Stored";
  }
  return "?";
}

}  // namespace tiertune::tiers
