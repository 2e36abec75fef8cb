#include "core/tiers/tiered_state.h"

namespace tiertune::tiers {

namespace {

UnitHomesOptions homesOptions(const TieredStateOptions& options) {
  return UnitHomesOptions{options.offloadFolder, options.frozenFormat, options.store};
}

}  // namespace

TieredState::TieredState(kernels::Backend& backend, const formats::ModelConfig& config, const model::LoraConfig* lora,
                         StatePlacement placement, TieredStateOptions options)
    : log_(options.recordTimeline),
      homes_(backend, config, lora, placement, homesOptions(options), log_),
      optimizer_(backend, homes_, log_),
      mover_(backend, homes_, placement.streamingSlots, log_) {}

TieredState::~TieredState() = default;

std::size_t TieredState::unitCount() const { return homes_.size(); }

const std::vector<model::ParameterSpec>& TieredState::specs(StateKind kind, std::size_t unit) const {
  return homes_.specs(kind, unit);
}

std::vector<model::ParameterSpec> TieredState::trainedSpecs() const {
  std::vector<model::ParameterSpec> all;
  for (std::size_t u = 0; u < homes_.size(); ++u) {
    const auto& specs = homes_.specs(StateKind::Trained, u);
    all.insert(all.end(), specs.begin(), specs.end());
  }
  return all;
}

model::TableFormat TieredState::format(StateKind kind) const { return homes_.format(kind); }

void TieredState::write(StateKind kind, std::size_t unit, std::span<const float> values) {
  homes_.write(kind, unit, values);
}
void TieredState::write(StateKind kind, std::size_t unit, std::span<const std::uint16_t> bits) {
  homes_.write(kind, unit, bits);
}
void TieredState::write(StateKind kind, std::size_t unit, std::span<const std::uint8_t> bytes) {
  homes_.write(kind, unit, bytes);
}
void TieredState::read(StateKind kind, std::size_t unit, std::span<float> values) { homes_.read(kind, unit, values); }

void TieredState::beginPass(std::vector<model::UnitAccess> order) { mover_.begin(std::move(order)); }
void TieredState::endPass() { mover_.end(); }
void TieredState::abandonPass() noexcept { mover_.abandon(); }

model::UnitTables TieredState::acquire(std::size_t unit, bool gradients) { return mover_.acquire(unit, gradients); }
void TieredState::release(std::size_t unit) noexcept { mover_.release(unit); }

void TieredState::zeroGradients() { optimizer_.zeroGradients(); }
double TieredState::gradientSquaredNorm() { return optimizer_.gradientSquaredNorm(); }
void TieredState::optimizerStep(double clipScale, const kernels::AdamWHyper& hyper, std::int64_t step) {
  optimizer_.step(clipScale, hyper, step);
}

TransferStats TieredState::stats() const { return log_.stats(); }
std::vector<TimelineEvent> TieredState::timeline() const { return log_.timeline(); }
std::uint64_t TieredState::hostBytes() const { return homes_.hostBytes() + optimizer_.hostBytes(); }
std::uint64_t TieredState::diskBytes() const { return homes_.diskBytes(); }

}  // namespace tiertune::tiers
