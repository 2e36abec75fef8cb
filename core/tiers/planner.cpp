#include "core/tiers/planner.h"

#include <algorithm>
#include <array>
#include <string_view>

#include "kernels/nf4_format.h"

namespace tiertune::tiers {

namespace {

constexpr std::array kLoraTargets = {"q_proj.weight", "k_proj.weight", "v_proj.weight", "o_proj.weight",
                                     "gate_proj.weight", "up_proj.weight", "down_proj.weight"};

bool endsWith(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

std::uint64_t elements(const formats::ExpectedTensor& tensor) {
  std::uint64_t count = 1;
  for (const auto dimension : tensor.shape) count *= static_cast<std::uint64_t>(dimension);
  return count;
}

// -1 for the embeddings, layers for the final norm and head, else the decoder layer's index.
int layerOf(const std::string& name, int layers) {
  constexpr std::string_view prefix = "model.layers.";
  if (name.rfind(prefix, 0) == 0) return std::stoi(name.substr(prefix.size()));
  return name.rfind("model.embed_tokens", 0) == 0 ? -1 : layers;
}

struct LayerParameters {
  std::uint64_t all = 0;        // every parameter of the layer
  std::uint64_t trainable = 0;  // what the optimizer updates
  std::uint64_t matmul = 0;     // parameters multiplied with every token (FLOPs)
  std::uint64_t projections = 0;       // of all: the projection matrices' parameters
  std::uint64_t projectionNf4Bytes = 0;  // their bytes in NF4
};

// Index 0 is the embeddings (layer -1), 1..layers the decoder layers, layers+1 the head.
std::vector<LayerParameters> layerParameters(const TrainingSetup& setup) {
  const int layers = static_cast<int>(setup.model.layerCount);
  std::vector<LayerParameters> result(static_cast<std::size_t>(layers) + 2);
  const auto tensors = formats::expectedTensors(setup.model);
  for (const auto& tensor : tensors) {
    const int layer = layerOf(tensor.name, layers);
    LayerParameters& parameters = result[static_cast<std::size_t>(layer + 1)];
    const std::uint64_t count = elements(tensor);
    parameters.all += count;
    if (formats::isLayerProjection(tensor)) {
      parameters.projections += count;
      parameters.projectionNf4Bytes += kernels::nf4Layout(count).bytes;
    }
    const bool isMatrix = tensor.shape.size() == 2;
    if (isMatrix && tensor.name.rfind("model.embed_tokens", 0) != 0) parameters.matmul += count;
    if (setup.method == Method::Full) {
      parameters.trainable += count;
    } else if (isMatrix && std::any_of(kLoraTargets.begin(), kLoraTargets.end(),
                                       [&](const char* target) { return endsWith(tensor.name, target); })) {
      // A: rank x in, B: out x rank.
      parameters.trainable += static_cast<std::uint64_t>(setup.loraRank) *
                              static_cast<std::uint64_t>(tensor.shape[0] + tensor.shape[1]);
    }
  }
  if (setup.model.tieWordEmbeddings) result.back().matmul += result.front().all;  // the head reuses them
  return result;
}

std::uint64_t groupBytes(StateGroup group, const LayerParameters& parameters, const TrainingSetup& setup) {
  switch (group) {
    case StateGroup::FrozenWeights: {
      if (setup.method != Method::Lora) return 0;
      const auto bytes = static_cast<std::uint64_t>(setup.frozenWeightBytes);
      if (!setup.fourBitBase) return bytes * parameters.all;
      return bytes * (parameters.all - parameters.projections) + parameters.projectionNf4Bytes;
    }
    case StateGroup::WorkingWeights: return setup.fp32Weights ? 0 : 2 * parameters.trainable;
    case StateGroup::MasterWeights:
    case StateGroup::Gradients:
    case StateGroup::AdamFirstMoment:
    case StateGroup::AdamSecondMoment: return 4 * parameters.trainable;
    case StateGroup::ActivationCheckpoints:
    case StateGroup::WorkingBuffers: return 0;
  }
  return 0;
}

// Rows of logits computed at once: the loss runs over chunks of the sequence, so the logits
// (vocabulary-wide, fp32, with their gradient) never exist for every token at once.
constexpr std::uint64_t kLossChunkTokens = 1024;

// One layer's activations while it runs forward then backward (counted in fp32, which bounds bf16
// from above), plus one loss chunk's logits. The GPU backend uses fused attention (no
// sequence x sequence scores); the CPU backend materializes the scores of one micro-batch.
std::uint64_t workingBufferBytes(const TrainingSetup& setup, bool fusedAttention) {
  const auto& m = setup.model;
  const auto tokens = static_cast<std::uint64_t>(setup.microBatch) * static_cast<std::uint64_t>(setup.sequenceLength);
  const auto kvWidth = static_cast<std::uint64_t>(m.keyValueHeads * m.headDim);
  const std::uint64_t perToken = 6 * static_cast<std::uint64_t>(m.hiddenSize) +
                                 3 * static_cast<std::uint64_t>(m.intermediateSize) + 2 * kvWidth;
  const std::uint64_t scores = static_cast<std::uint64_t>(setup.microBatch) *
                               static_cast<std::uint64_t>(m.attentionHeads) *
                               static_cast<std::uint64_t>(setup.sequenceLength) *
                               static_cast<std::uint64_t>(setup.sequenceLength);
  const std::uint64_t logits = std::min(tokens, kLossChunkTokens) * static_cast<std::uint64_t>(m.vocabSize);
  return 4 * (tokens * perToken + (fusedAttention ? 0 : 2 * scores) + 2 * logits);
}

std::uint64_t checkpointBytes(const TrainingSetup& setup) {
  return 2ull * static_cast<std::uint64_t>(setup.microBatch) * static_cast<std::uint64_t>(setup.sequenceLength) *
         static_cast<std::uint64_t>(setup.model.hiddenSize);
}

// The order groups claim the fastest tier: what every micro-batch touches first, what only the
// optimizer touches (once per step, and it can run where the states live) last. With fp32
// weights the master copy is what every micro-batch reads, so it comes with the weights.
std::vector<StateGroup> placementOrder(const TrainingSetup& setup) {
  std::vector<StateGroup> order{StateGroup::WorkingWeights};
  if (setup.fp32Weights) order.push_back(StateGroup::MasterWeights);
  order.push_back(StateGroup::FrozenWeights);
  order.push_back(StateGroup::Gradients);
  if (!setup.fp32Weights) order.push_back(StateGroup::MasterWeights);
  order.push_back(StateGroup::AdamFirstMoment);
  order.push_back(StateGroup::AdamSecondMoment);
  return order;
}

}  // namespace

const char* toString(Tier tier) {
  switch (tier) {
    case Tier::Device: return "device";
    case Tier::Host: return "host";
    case Tier::Disk: return "disk";
  }
  return "device";
}

const char* toString(StateGroup group) {
  switch (group) {
    case StateGroup::FrozenWeights: return "frozen weights";
    case StateGroup::WorkingWeights: return "working weights";
    case StateGroup::MasterWeights: return "master weights";
    case StateGroup::Gradients: return "gradients";
    case StateGroup::AdamFirstMoment: return "Adam first moment";
    case StateGroup::AdamSecondMoment: return "Adam second moment";
    case StateGroup::ActivationCheckpoints: return "activation checkpoints";
    case StateGroup::WorkingBuffers: return "working buffers";
  }
  return "";
}

const char* toString(Bottleneck bottleneck) {
  switch (bottleneck) {
    case Bottleneck::Compute: return "compute";
    case Bottleneck::HostDeviceLink: return "host-device link";
    case Bottleneck::Disk: return "SSD";
  }
  return "";
}

std::uint64_t trainingStateBytes(const TrainingSetup& setup, bool fusedAttention) {
  std::uint64_t total = workingBufferBytes(setup, fusedAttention) +
                        checkpointBytes(setup) * static_cast<std::uint64_t>(setup.model.layerCount);
  for (const auto& parameters : layerParameters(setup)) {
    for (const StateGroup group : placementOrder(setup)) total += groupBytes(group, parameters, setup);
  }
  return total;
}

Plan planTraining(const TrainingSetup& setup, const MachineBudget& machine) {
  Plan plan;
  plan.onGpu = machine.hasGpu;
  plan.offeredBytes[0] = machine.deviceBytes;
  plan.offeredBytes[1] = machine.hostBytes;
  plan.offeredBytes[2] = machine.diskBytes;
  const int layers = static_cast<int>(setup.model.layerCount);
  const auto parameters = layerParameters(setup);
  for (const auto& layer : parameters) plan.trainableParameters += layer.trainable;

  // Every group of every layer with its size, before placement. The working buffers and the
  // activation checkpoints stay on the device: every layer's compute reads them.
  std::vector<Placement> items;
  const std::uint64_t working = workingBufferBytes(setup, machine.hasGpu);
  items.push_back({StateGroup::WorkingBuffers, layers, working, Tier::Device});
  for (int layer = 0; layer < layers; ++layer) {
    items.push_back({StateGroup::ActivationCheckpoints, layer, checkpointBytes(setup), Tier::Device});
  }
  const std::size_t onDeviceAlways = items.size();
  const std::uint64_t deviceFixed = working + checkpointBytes(setup) * static_cast<std::uint64_t>(layers);
  for (const StateGroup group : placementOrder(setup)) {
    for (int layer = -1; layer <= layers; ++layer) {
      const std::uint64_t bytes = groupBytes(group, parameters[static_cast<std::size_t>(layer + 1)], setup);
      if (bytes > 0) items.push_back({group, layer, bytes, Tier::Device});
    }
  }
  for (const auto& item : items) plan.totalStateBytes += item.bytes;

  // Streaming needs device slots: kStreamingSlots as large as a decoder layer's weights and
  // gradients (one computing, one arriving, one leaving), and one for the embeddings or the head
  // when those are larger (a large vocabulary).
  const auto streamBytes = [&](const LayerParameters& unit) {
    std::uint64_t bytes = 0;
    for (const StateGroup group : {StateGroup::FrozenWeights, StateGroup::WorkingWeights, StateGroup::Gradients}) {
      bytes += groupBytes(group, unit, setup);
    }
    if (setup.fp32Weights) bytes += groupBytes(StateGroup::MasterWeights, unit, setup);
    return bytes;
  };
  std::uint64_t largestLayerStream = 0;
  for (std::size_t unit = 1; unit + 1 < parameters.size(); ++unit) {
    largestLayerStream = std::max(largestLayerStream, streamBytes(parameters[unit]));
  }
  const std::uint64_t largestOuterStream = std::max(streamBytes(parameters.front()), streamBytes(parameters.back()));
  const std::uint64_t largestUnitStream = std::max(largestLayerStream, largestOuterStream);
  const std::uint64_t slotBytes =
      kStreamingSlots * largestLayerStream + (largestOuterStream > largestLayerStream ? largestOuterStream : 0);
  const bool allOnDevice = plan.totalStateBytes <= machine.deviceBytes;
  std::uint64_t deviceLeft = machine.deviceBytes;
  std::uint64_t hostLeft = machine.hostBytes;
  const auto take = [](std::uint64_t& left, std::uint64_t bytes) {
    if (bytes > left) return false;
    left -= bytes;
    return true;
  };

  bool workingFits = take(deviceLeft, deviceFixed);
  if (workingFits && !allOnDevice) workingFits = take(deviceLeft, slotBytes);
  if (!workingFits) {
    plan.fits = false;
    plan.shortfall = Shortfall::WorkingMemory;
    plan.workingBytes = deviceFixed + (allOnDevice ? 0 : slotBytes);
    plan.fixes.push_back({.kind = FixKind::SmallerBatchAndSequence, .sequenceLength = std::max(16, setup.sequenceLength / 2)});
    if (setup.method == Method::Full &&
        plan.totalStateBytes > machine.deviceBytes + machine.hostBytes + machine.diskBytes) {
      TrainingSetup lora = setup;
      lora.method = Method::Lora;
      plan.fixes.push_back({.kind = FixKind::UseLora, .bytes = trainingStateBytes(lora, machine.hasGpu)});
    }
    return plan;
  }
  // What goes to disk passes through host memory: keep room for two units of it there.
  const std::uint64_t remainingAfterDevice = plan.totalStateBytes - deviceFixed;
  bool hostStagingReserved = false;
  for (std::size_t index = onDeviceAlways; index < items.size(); ++index) {
    Placement& placement = items[index];
    if (take(deviceLeft, placement.bytes)) {
      placement.tier = Tier::Device;
      continue;
    }
    if (!hostStagingReserved && hostLeft < remainingAfterDevice) {
      hostStagingReserved = true;
      hostLeft -= std::min(hostLeft, 2 * largestUnitStream);
    }
    if (take(hostLeft, placement.bytes)) {
      placement.tier = Tier::Host;
    } else {
      placement.tier = Tier::Disk;  // whether the disk holds it all is checked below
    }
  }

  std::uint64_t placedOnDisk = 0;
  for (const Placement& placement : items) {
    plan.placements.push_back(placement);
    plan.peakBytes[static_cast<int>(placement.tier)] += placement.bytes;
    if (placement.tier == Tier::Disk) placedOnDisk += placement.bytes;
  }
  plan.peakBytes[0] += allOnDevice ? 0 : slotBytes;
  if (hostStagingReserved) plan.peakBytes[1] += std::min(machine.hostBytes, 2 * largestUnitStream);
  plan.fits = placedOnDisk <= machine.diskBytes;

  // Step time: compute, host<->device traffic and SSD traffic overlap layer by layer, so the
  // slowest of the three sets the pace.
  const auto tokens = static_cast<double>(setup.microBatch) * setup.sequenceLength * setup.gradientAccumulation;
  double matmulParameters = 0;
  for (const auto& layer : parameters) matmulParameters += static_cast<double>(layer.matmul);
  const auto& m = setup.model;
  const double attention = 2.0 * setup.sequenceLength * static_cast<double>(m.attentionHeads * m.headDim) *
                           static_cast<double>(m.layerCount);
  const double forward = tokens * (2.0 * matmulParameters + attention);
  // Forward, recomputed forward, backward (input gradients; weight gradients too when full).
  const double passes = setup.method == Method::Full ? 4.0 : 3.0;
  plan.computeSeconds = machine.computeFlopsPerSecond > 0 ? passes * forward / machine.computeFlopsPerSecond : 0;

  double linkBytes = 0;
  double diskRead = 0;
  double diskWrite = 0;
  const double microBatches = setup.gradientAccumulation;
  for (const auto& placement : plan.placements) {
    if (placement.tier == Tier::Device) continue;
    const auto bytes = static_cast<double>(placement.bytes);
    double up = 0;    // to the device per step
    double down = 0;  // from the device per step
    double reads = 0;
    double writes = 0;
    switch (placement.group) {
      case StateGroup::FrozenWeights:
      case StateGroup::WorkingWeights:
        up = 2 * microBatches * bytes;  // forward and backward of every micro-batch
        reads = up;
        writes = placement.group == StateGroup::WorkingWeights ? bytes : 0;  // updated once per step
        break;
      case StateGroup::Gradients:
        // Down after every micro-batch's backward, up again before the next one adds to them (the
        // first starts from zeros); read once more by the optimizer.
        down = microBatches * bytes;
        up = (microBatches - 1) * bytes;
        reads = writes = microBatches * bytes;
        break;
      case StateGroup::MasterWeights:
        if (setup.fp32Weights) {  // the weights every micro-batch reads, updated once per step
          up = 2 * microBatches * bytes;
          reads = up;
          writes = bytes;
          break;
        }
        reads = writes = bytes;  // the optimizer step runs where they live
        break;
      case StateGroup::AdamFirstMoment:
      case StateGroup::AdamSecondMoment:
        reads = writes = bytes;  // the optimizer step runs where they live
        break;
      case StateGroup::ActivationCheckpoints:
        up = down = microBatches * bytes;
        reads = writes = up;
        break;
      case StateGroup::WorkingBuffers:
        break;
    }
    linkBytes += up + down;
    if (placement.tier == Tier::Disk) {
      diskRead += reads;
      diskWrite += writes;
    }
  }
  plan.transferSeconds = linkBytes / std::max(1.0, machine.hostToDeviceBytesPerSecond);
  const double readRate = machine.diskReadBytesPerSecond > 0 ? machine.diskReadBytesPerSecond : 1e9;
  const double writeRate = machine.diskWriteBytesPerSecond > 0 ? machine.diskWriteBytesPerSecond : 1e9;
  plan.diskSeconds = diskRead / readRate + diskWrite / writeRate;
  plan.stepSeconds = std::max({plan.computeSeconds, plan.transferSeconds, plan.diskSeconds});
  plan.bottleneck = plan.stepSeconds == plan.diskSeconds && plan.diskSeconds > 0 ? Bottleneck::Disk
                    : plan.stepSeconds == plan.transferSeconds && plan.transferSeconds > 0
                        ? Bottleneck::HostDeviceLink
                        : Bottleneck::Compute;

  if (plan.fits) return plan;
  plan.shortfall = Shortfall::TrainingState;
  if (setup.method == Method::Full) {
    TrainingSetup lora = setup;
    lora.method = Method::Lora;
    plan.fixes.push_back({.kind = FixKind::UseLora, .bytes = trainingStateBytes(lora, machine.hasGpu)});
  }
  plan.fixes.push_back({.kind = FixKind::FreeDiskSpace, .bytes = placedOnDisk - machine.diskBytes});
  return plan;
}

}  // namespace tiertune::tiers
