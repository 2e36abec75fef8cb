#include "core/tiers/unit_optimizer.h"

#include <algorithm>
#include <vector>

namespace tiertune::tiers {

using kernels::DeviceSpan;
using model::ParameterTable;

namespace {

using Tables = std::array<std::unique_ptr<ParameterTable>, 4>;

void update(kernels::Backend& ops, Tables& t, double clipScale, const kernels::AdamWHyper& hyper, std::int64_t step) {
  kernels::AdamWHyper undecayed = hyper;
  undecayed.weightDecay = 0;
  if (clipScale < 1.0) ops.scale(t[1]->all(), static_cast<float>(clipScale));
  ops.adamw(t[0]->decayed(), t[1]->decayed(), t[2]->decayed(), t[3]->decayed(), hyper, step);
  ops.adamw(t[0]->undecayed(), t[1]->undecayed(), t[2]->undecayed(), t[3]->undecayed(), undecayed, step);
}

}  // namespace

UnitOptimizer::UnitOptimizer(kernels::Backend& backend, UnitHomes& homes, TransferLog& log)
    : backend_(backend), homes_(homes), log_(log), hostOps_(kernels::makeCpuBackend()) {
  // Staging for the units whose update runs on the host: as large as their largest state of each
  // kind that is not already in host memory.
  std::array<std::size_t, kKinds.size()> words{};
  for (std::size_t u = 0; u < homes_.size(); ++u) {
    const UnitState& unit = homes_.unit(u);
    if (runsOnDevice(unit)) continue;
    for (std::size_t i = 0; i < kKinds.size(); ++i) {
      const Home& h = unit.homes[kindIndex(kKinds[i])];
      if (h.tier != Tier::Host) words[i] = std::max(words[i], paddedWords(h.words));
    }
  }
  for (std::size_t i = 0; i < kKinds.size(); ++i) {
    if (words[i] > 0) staging_[i] = AlignedBuffer(words[i] * sizeof(float), backend_);
  }
}

bool UnitOptimizer::runsOnDevice(const UnitState& unit) const {
  return std::all_of(kKinds.begin(), kKinds.end(),
                     [&](StateKind kind) { return unit.homes[kindIndex(kind)].tier == Tier::Device; });
}

void UnitOptimizer::zeroGradients() {
  for (std::size_t u = 0; u < homes_.size(); ++u) {
    Home& h = homes_.home(u, StateKind::Gradients);
    if (h.words == 0) continue;
    if (h.tier == Tier::Device) {
      h.device->zero();
    } else {
      if (h.tier == Tier::Host) std::fill_n(homes_.hostWords(h).begin(), h.words, 0.0f);
      h.zero = true;
    }
  }
}

double UnitOptimizer::gradientSquaredNorm() {
  double total = 0;
  for (std::size_t u = 0; u < homes_.size(); ++u) {
    Home& h = homes_.home(u, StateKind::Gradients);
    if (h.words == 0) continue;
    switch (h.tier) {
      case Tier::Device: total += backend_.sumOfSquares(h.device->all()); break;
      case Tier::Host: total += hostOps_->sumOfSquares(DeviceSpan<const float>(homes_.hostWords(h).data(), h.words)); break;
      case Tier::Disk: {
        AlignedBuffer& staging = staging_[1];
        homes_.readDisk(h, staging);
        total += hostOps_->sumOfSquares(DeviceSpan<const float>(floatsOf(staging, h.words).data(), h.words));
        break;
      }
    }
  }
  return total;
}

void UnitOptimizer::step(double clipScale, const kernels::AdamWHyper& hyper, std::int64_t step) {
  for (std::size_t u = 0; u < homes_.size(); ++u) {
    UnitState& unit = homes_.unit(u);
    const auto& specs = unit.specs[kindIndex(StateKind::Trained)];
    if (specs.empty()) continue;
    if (!runsOnDevice(unit)) {
      stepOnHost(unit, clipScale, hyper, step);
      continue;
    }
    Tables tables;
    for (std::size_t i = 0; i < kKinds.size(); ++i) {
      tables[i] = std::make_unique<ParameterTable>(backend_, specs, unit.homes[kindIndex(kKinds[i])].device->all());
    }
    update(backend_, tables, clipScale, hyper, step);
  }
}

void UnitOptimizer::stepOnHost(UnitState& unit, double clipScale, const kernels::AdamWHyper& hyper, std::int64_t step) {
  const auto& specs = unit.specs[kindIndex(StateKind::Trained)];
  std::vector<Ticket> reads;
  std::array<std::span<float>, kKinds.size()> host;
  Tables tables;
  for (std::size_t i = 0; i < kKinds.size(); ++i) {
    Home& h = unit.homes[kindIndex(kKinds[i])];
    AlignedBuffer& staging = staging_[i];
    host[i] = h.tier == Tier::Host ? homes_.hostWords(h) : floatsOf(staging, h.words);
    if (h.tier == Tier::Device) {
      backend_.download(h.device->all(), host[i]);
    } else if (h.tier == Tier::Disk && h.zero) {
      std::fill(host[i].begin(), host[i].end(), 0.0f);
    } else if (h.tier == Tier::Disk) {
      reads.push_back(homes_.store().read(h.extent, staging.span().first(paddedWords(h.words) * sizeof(float))));
      log_.count<std::uint64_t>(&TransferStats::diskRead, paddedWords(h.words) * sizeof(float));
    }
    tables[i] = std::make_unique<ParameterTable>(*hostOps_, specs, DeviceSpan<float>(host[i].data(), h.words));
  }
  for (const Ticket ticket : reads) homes_.store().wait(ticket);
  update(*hostOps_, tables, clipScale, hyper, step);
  std::vector<Ticket> writes;
  for (std::size_t i = 0; i < kKinds.size(); ++i) {
    if (kKinds[i] == StateKind::Gradients) continue;  // spent: zeroed before the next step
    Home& h = unit.homes[kindIndex(kKinds[i])];
    if (h.tier == Tier::Device) backend_.upload(host[i], h.device->all());
    if (h.tier == Tier::Host) h.zero = false;
    if (h.tier == Tier::Disk) writes.push_back(homes_.startDiskWrite(h, staging_[i]));
  }
  for (const Ticket ticket : writes) homes_.store().wait(ticket);
}

std::uint64_t UnitOptimizer::hostBytes() const {
  std::uint64_t bytes = 0;
  for (const AlignedBuffer& staging : staging_) bytes += staging.size();
  return bytes;
}

}  // namespace tiertune::tiers
