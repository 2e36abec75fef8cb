// The pass protocol of the tiered state (core/tiers/pass_mover.h, core/tiers/access_state.h): the
// transition table as written, and the invariants driven through a TieredState on the CPU
// backend, each test naming the invariant it exercises. The invariants the mover checks itself
// (2, 3, 5, 6) fail a pass with "invariant N ... is broken", so every pass here that ends without an
// error has kept them; the late transfer lane of tst_transfer_lane exercises invariant 4 and the
// bit-for-bit curves of tst_tiered_training invariant 8.
#include <QtTest>

#include <algorithm>
#include <cmath>
#include <chrono>
#include <filesystem>
#include <set>
#include <stdexcept>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "core/formats/model_config.h"
#include "core/model/model_units.h"
#include "core/model/parameter_table.h"
#include "core/tiers/access_state.h"
#include "core/tiers/state_placement.h"
#include "core/tiers/tiered_state.h"
#include "kernels/backend.h"
#include "tests/support/scratch.h"

using namespace tiertune;
using tiers::AccessEvent;
using tiers::AccessState;
using tiers::StateKind;
using tiers::Tier;

namespace {

// Tied embeddings: the head holds unit 0 inside its own access, so unit 0's gradients are loaded
// twice in one training pass; with one layer the two loads are close enough for the mover to reach
// the second while the first is still held.
std::string tiedConfig(int layers) {
  return R"({"architectures":["LlamaForCausalLM"],"model_type":"llama","hidden_size":64,"num_hidden_layers":)" +
         std::to_string(layers) + R"(,
        "num_attention_heads":4,"num_key_value_heads":2,"intermediate_size":128,"vocab_size":80,
        "max_position_embeddings":64,"rms_norm_eps":1e-5,"rope_theta":10000.0,"tie_word_embeddings":true,
        "bos_token_id":1,"eos_token_id":2})";
}
const std::string kTiedConfig = tiedConfig(3);

const std::vector<AccessState> kStates = {AccessState::Announced, AccessState::Loading, AccessState::Loaded,
                                          AccessState::Held,      AccessState::WritingBack, AccessState::Done,
                                          AccessState::Lost};
const std::vector<AccessEvent> kEvents = {AccessEvent::Take,    AccessEvent::Arrive,   AccessEvent::Acquire,
                                          AccessEvent::Release, AccessEvent::SendDown, AccessEvent::Lose,
                                          AccessEvent::Stored};

// Full fine-tuning with every kind on the host: every access streams through a slot, and the
// gradients go back down after each release.
tiers::StatePlacement allOnHost(std::size_t units, std::size_t slotCount) {
  tiers::StatePlacement placement = tiers::residentPlacement(units);
  for (auto& kinds : placement.home) kinds.fill(Tier::Host);
  placement.streamingSlots = slotCount;
  return placement;
}

// Fills every trained weight with a value of its own, so that copies show up in the sums.
void writeWeights(tiers::TieredState& state) {
  for (std::size_t unit = 0; unit < state.unitCount(); ++unit) {
    const std::size_t count = model::ParameterTable::elementCount(state.specs(StateKind::Trained, unit));
    std::vector<float> values(count, 0.01f * static_cast<float>(unit + 1));
    state.write(StateKind::Trained, unit, values);
  }
}

// Runs one pass the way the decoder does: each access acquired, then released, in order. With
// ops, every access with gradients adds the unit's weights into them, as a backward adds its
// contribution: after the pass a unit's gradients hold its weight times its gradient accesses.
void runPass(tiers::TieredState& state, const std::vector<model::UnitAccess>& order, kernels::Backend* ops = nullptr) {
  state.beginPass(order);
  for (const model::UnitAccess& access : order) {
    const model::UnitTables tables = state.acquire(access.unit, access.gradients);
    QVERIFY(tables.base != nullptr);
    QCOMPARE(tables.gradients != nullptr, access.gradients);
    if (ops && access.gradients) ops->axpy(1.0f, tables.base->all(), tables.gradients->all());
    state.release(access.unit);
  }
  state.endPass();
}

std::size_t gradientAccesses(const std::vector<model::UnitAccess>& order, std::size_t unit) {
  return static_cast<std::size_t>(std::count(order.begin(), order.end(), model::UnitAccess{unit, true}));
}

}  // namespace

class PassProtocolTest : public QObject {
  Q_OBJECT

 private slots:
  void theTableHasExactlyTheWrittenTransitions() {
    const std::set<std::pair<AccessState, AccessEvent>> written = {
        {AccessState::Announced, AccessEvent::Take},   {AccessState::Loading, AccessEvent::Arrive},
        {AccessState::Loaded, AccessEvent::Acquire},   {AccessState::Held, AccessEvent::Release},
        {AccessState::Held, AccessEvent::SendDown},    {AccessState::Held, AccessEvent::Lose},
        {AccessState::WritingBack, AccessEvent::Stored}};
    QCOMPARE(static_cast<int>(kStates.size()), tiers::kAccessStateCount);
    QCOMPARE(static_cast<int>(kEvents.size()), tiers::kAccessEventCount);
    for (const AccessState state : kStates) {
      for (const AccessEvent event : kEvents) {
        const bool expected = written.contains({state, event});
        QCOMPARE(tiers::canAdvance(state, event), expected);
        if (expected) continue;
        try {
          tiers::advance(state, event);
          QFAIL("a transition outside the table was taken");
        } catch (const std::logic_error& error) {
          const std::string text = error.what();
          QVERIFY2(text.find(tiers::toString(state)) != std::string::npos &&
                       text.find(tiers::toString(event)) != std::string::npos,
                   error.what());
        }
      }
    }
    QCOMPARE(tiers::advance(AccessState::Held, AccessEvent::SendDown), AccessState::WritingBack);
    QCOMPARE(tiers::advance(AccessState::WritingBack, AccessEvent::Stored), AccessState::Done);
  }

  // Invariant 3's states: from Take until Done, and Lost until the pass is abandoned.
  void theSlotIsOwnedFromTakeUntilDone() {
    for (const AccessState state : kStates) {
      const bool owns = state != AccessState::Announced && state != AccessState::Done;
      QCOMPARE(tiers::ownsSlot(state), owns);
    }
  }

  void invariant1_theDecoderFollowsTheAnnouncedOrder() {
    const formats::ModelConfig config = formats::parseModelConfig(kTiedConfig);
    auto backend = kernels::makeCpuBackend();
    tiers::TieredState state(*backend, config, nullptr, allOnHost(model::unitCount(config), 3));
    writeWeights(state);
    const auto order = model::decoderAccessOrder(config, true, true);
    QVERIFY_THROWS_EXCEPTION(std::logic_error, state.acquire(order[0].unit, order[0].gradients));  // no pass

    state.beginPass(order);
    QVERIFY_THROWS_EXCEPTION(std::logic_error, state.beginPass(order));  // one pass at a time
    QVERIFY_THROWS_EXCEPTION(std::logic_error, state.acquire(order[1].unit, order[1].gradients));
    state.acquire(order[0].unit, order[0].gradients);
    state.release(order[0].unit);
    // Ending before every access was used is refused, and the pass is abandoned: a new one runs.
    QVERIFY_THROWS_EXCEPTION(std::logic_error, state.endPass());
    runPass(state, order);
  }

  // With two slots the window is one access ahead: with the decoder not yet asking, the mover takes
  // access 0 (into a slot) and access 1 (a unit on the device) and not access 2, though a slot is
  // free for it.
  void invariant2_theMoverLoadsNoFurtherAheadThanTheWindow() {
    const formats::ModelConfig config = formats::parseModelConfig(kTiedConfig);
    auto backend = kernels::makeCpuBackend();
    tiers::StatePlacement placement = allOnHost(model::unitCount(config), 2);
    placement.home[1].fill(Tier::Device);  // needs no slot: only the window holds the mover back
    tiers::TieredState state(*backend, config, nullptr, placement);
    writeWeights(state);
    const auto order = model::decoderAccessOrder(config, false, false);
    QCOMPARE(order[0].unit, std::size_t(0));
    QCOMPARE(order[1].unit, std::size_t(1));
    QCOMPARE(order[2].unit, std::size_t(2));
    const std::uint64_t first =
        model::ParameterTable::storageBytes(state.specs(StateKind::Trained, 0), state.format(StateKind::Trained));
    state.beginPass(order);
    QTRY_COMPARE_WITH_TIMEOUT(state.stats().hostToDevice, first, 20000);
    // Time for a mover that ignored the window to take access 2 into the free slot (it never may).
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    QCOMPARE(state.stats().hostToDevice, first);
    for (const model::UnitAccess& access : order) {
      state.acquire(access.unit, access.gradients);
      state.release(access.unit);
    }
    state.endPass();
  }

  // Training passes with tied embeddings (unit 0's gradients loaded twice in a pass) over two to
  // four slots, everything streamed: invariants 2, 3, 5 and 6 hold at every transition (a broken
  // one fails the pass), and the gradients that went back down hold every contribution: each unit's
  // weight times its gradient accesses over the passes, the same to the bit whatever the slots.
  void invariants2356_holdThroughTrainingPasses_data() {
    QTest::addColumn<int>("layers");
    QTest::newRow("three layers") << 3;
    QTest::newRow("one layer") << 1;
  }
  void invariants2356_holdThroughTrainingPasses() {
    QFETCH(int, layers);
    const formats::ModelConfig config = formats::parseModelConfig(tiedConfig(layers));
    const auto order = model::decoderAccessOrder(config, true, true);
    QCOMPARE(gradientAccesses(order, 0), std::size_t(2));  // the tied head's, and the embedding's
    constexpr int kPasses = 3;
    std::vector<std::vector<float>> sums;
    for (const std::size_t slotCount : {2, 3, 4}) {
      auto backend = kernels::makeCpuBackend();
      tiers::TieredState state(*backend, config, nullptr, allOnHost(model::unitCount(config), slotCount));
      writeWeights(state);
      state.zeroGradients();
      for (int pass = 0; pass < kPasses; ++pass) runPass(state, order, backend.get());
      std::vector<float> all;
      for (std::size_t unit = 0; unit < state.unitCount(); ++unit) {
        std::vector<float> gradients(model::ParameterTable::elementCount(state.specs(StateKind::Gradients, unit)));
        state.read(StateKind::Gradients, unit, gradients);
        const double expected = 0.01 * static_cast<double>(unit + 1) * kPasses * gradientAccesses(order, unit);
        for (const float g : gradients) QVERIFY2(std::abs(g - expected) <= 1e-6 * expected, qPrintable(QString::number(g)));
        all.insert(all.end(), gradients.begin(), gradients.end());
      }
      sums.push_back(std::move(all));
    }
    QVERIFY(sums[1] == sums[0]);
    QVERIFY(sums[2] == sums[0]);
  }

  // A pass abandoned in its middle (the decoder failed holding a unit) leaves the mover idle and
  // every slot free: the homes read as before, and the next pass runs with all its slots.
  void invariant7_anAbandonedPassLeavesTheStateUsable() {
    const formats::ModelConfig config = formats::parseModelConfig(kTiedConfig);
    auto backend = kernels::makeCpuBackend();
    tiers::TieredState state(*backend, config, nullptr, allOnHost(model::unitCount(config), 2));
    writeWeights(state);
    state.zeroGradients();
    const auto order = model::decoderAccessOrder(config, true, true);
    for (std::size_t stopAt = 0; stopAt < order.size(); stopAt += 3) {
      state.beginPass(order);
      for (std::size_t i = 0; i < stopAt; ++i) {
        state.acquire(order[i].unit, order[i].gradients);
        state.release(order[i].unit);
      }
      state.acquire(order[stopAt].unit, order[stopAt].gradients);  // held when the decoder fails
      state.abandonPass();
      std::vector<float> weights(model::ParameterTable::elementCount(state.specs(StateKind::Trained, 1)));
      state.read(StateKind::Trained, 1, weights);
      QCOMPARE(weights.front(), 0.02f);
      runPass(state, order);
    }
  }
};

QTEST_GUILESS_MAIN(PassProtocolTest)
#include "tst_pass_protocol.moc"
