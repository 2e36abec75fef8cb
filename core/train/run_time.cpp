#include "core/train/run_time.h"

#include <algorithm>
#include <cstring>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <memory>
#include <span>
#include <thread>
#include <vector>

#include "core/data/token_shards.h"
#include "core/formats/model_weights.h"
#include "core/model/base_weights.h"
#include "core/model/decoder.h"
#include "core/model/lora.h"
#include "core/model/parameter_table.h"
#include "core/train/run_memory.h"
#include "core/train/token_data.h"
#include "core/util/sha256.h"
#include "kernels/nf4_format.h"

namespace tiertune::train {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

// The mean of the lengths cut at the sequence length, raised to power (1 or 2).
double meanCut(const std::vector<std::uint64_t>& lengths, std::int64_t sequenceLength, int power = 1) {
  if (lengths.empty()) return 0;
  double sum = 0;
  for (const std::uint64_t length : lengths) {
    sum += std::pow(static_cast<double>(std::min<std::uint64_t>(length, sequenceLength)), power);
  }
  return sum / static_cast<double>(lengths.size());
}

std::vector<std::uint64_t> lengthsOf(const std::vector<Sample>& samples) {
  std::vector<std::uint64_t> lengths;
  lengths.reserve(samples.size());
  for (const Sample& sample : samples) lengths.push_back(sample.ids.size());
  return lengths;
}

std::vector<std::uint64_t> shardLengths(const fs::path& folder, const std::string& split, std::uint64_t& bytes) {
  const data::TokenShard shard = data::TokenShard::open(folder, split);
  std::vector<std::uint64_t> lengths;
  lengths.reserve(shard.size());
  for (std::size_t i = 0; i < shard.size(); ++i) lengths.push_back(shard.ids(i).size());
  bytes += shard.tokens() * 5;  // an id and a mask byte per token
  return lengths;
}

double secondsSince(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

// The best of a few timings of run (the first of them warms up caches and threads).
template <typename Run>
double bestSeconds(int repeats, Run run) {
  run();
  double best = 1e30;
  for (int i = 0; i < repeats; ++i) {
    const auto start = Clock::now();
    run();
    best = std::min(best, secondsSince(start));
  }
  return best;
}

// Weights of the measuring models: the values do not change the time of a product, only NaN and
// subnormal numbers would, so a small constant stands in for random weights (norms at one).
void fillForTiming(const model::ParameterTable& table) {
  for (std::size_t i = 0; i < table.tensorCount(); ++i) {
    const model::ParameterEntry& entry = table.entry(i);
    const bool norm = entry.spec.name.find("norm.weight") != std::string::npos;
    if (entry.nf4) {
      // Every code 15 (1.0) and every block maximum 0 x scale + 0.01: weights of 0.01, as below.
      const kernels::Nf4Layout layout = kernels::nf4Layout(entry.count);
      std::vector<std::uint8_t> bytes(layout.bytes, 0);
      std::fill_n(bytes.begin(), (entry.count + 1) / 2, std::uint8_t{0xFF});
      const float offset = 0.01f;
      std::memcpy(bytes.data() + layout.offset, &offset, sizeof offset);
      table.backend().upload(bytes, table.bytes(i));
    } else if (table.elementType() == model::ElementType::F32 && !table.format().fourBitProjections) {
      table.backend().fill(table.tensor(i), norm ? 1.0f : 0.01f);
    } else if (table.elementType() == model::ElementType::F32) {
      const std::vector<float> values(entry.count, norm ? 1.0f : 0.01f);
      table.backend().upload(values, table.tensor(i));
      table.backend().fill(table.tensor(i), norm ? 1.0f : 0.01f);
    } else {
      // One bf16 / fp16 value as bits: 1.0 and about 0.01 (both exact enough for timing).
      const bool bf16 = table.elementType() == model::ElementType::Bf16;
      const std::uint16_t bits = norm ? (bf16 ? 0x3F80 : 0x3C00) : (bf16 ? 0x3C24 : 0x211F);
      const std::vector<std::uint16_t> values(entry.count, bits);
      table.backend().upload(values, table.bits(i));
    }
  }
}

struct ModelTimes {
  double forwardBackward = 0, evaluate = 0, nextToken = 0;
};

// One micro-batch of `tokens` (microBatch samples) through a model of config with `layers` layers
// and vocabulary `vocab`, trained as the run trains it.
ModelTimes timeModel(const RunConfig& run, formats::ModelConfig config, std::int64_t layers, std::int64_t vocab,
                     const std::vector<std::size_t>& sampleTokens, model::TableFormat frozenFormat,
                     kernels::Backend& backend) {
  config.layerCount = layers;
  config.vocabSize = vocab;
  const std::vector<model::ParameterSpec> specs = model::baseParameterSpecs(config);
  const model::ParameterTable base(backend, specs, run.lora ? frozenFormat : model::TableFormat());
  fillForTiming(base);
  std::unique_ptr<model::ParameterTable> adapter;
  if (run.lora) {
    adapter = std::make_unique<model::ParameterTable>(backend, model::loraParameterSpecs(config, run.loraConfig));
    model::initializeLora(*adapter, config, run.loraConfig, 1);
  }
  const model::ParameterTable gradients = (run.lora ? *adapter : base).sameLayout();
  model::Decoder decoder(backend, config, base, adapter.get(), run.lora ? &run.loraConfig : nullptr, &gradients,
                         model::DecoderOptions{run.activationCheckpointing, 1024});
  model::TokenBatch batch;
  for (std::size_t s = 0; s < sampleTokens.size(); ++s) {
    std::vector<std::int32_t> ids(sampleTokens[s]);
    for (std::size_t i = 0; i < ids.size(); ++i) ids[i] = static_cast<std::int32_t>((i * 7 + s) % static_cast<std::size_t>(vocab));
    batch.append(ids);
  }
  ModelTimes times;
  times.forwardBackward = bestSeconds(2, [&] {
    decoder.forwardBackward(batch, std::max<std::size_t>(1, batch.countedTargets()), 1);
    backend.synchronize();
  });
  times.evaluate = bestSeconds(2, [&] {
    decoder.evaluate(batch);
    backend.synchronize();
  });
  // A sample answer's next token: one token against a short cache (what generation does per token).
  const auto kvWidth = static_cast<std::size_t>(config.keyValueHeads * config.headDim);
  constexpr std::size_t kCache = 64;
  const kernels::DeviceBuffer cache =
      backend.allocate(static_cast<std::size_t>(layers) * 2 * kCache * kvWidth * sizeof(float));
  std::vector<model::LayerKeyValues> layersCache;
  for (std::int64_t l = 0; l < layers; ++l) {
    const auto first = static_cast<std::size_t>(l) * 2 * kCache * kvWidth;  // the layer's keys, then values
    layersCache.push_back({cache.as<float>().subspan(first, kCache * kvWidth),
                           cache.as<float>().subspan(first + kCache * kvWidth, kCache * kvWidth)});
  }
  const std::int32_t token = 1;
  times.nextToken =
      bestSeconds(2, [&] { decoder.extendSequence(std::span<const std::int32_t>(&token, 1), kCache / 2, layersCache); });
  return times;
}

// Parameters of a model of config with `layers` layers and vocabulary `vocab`.
std::uint64_t parameterCount(formats::ModelConfig config, std::int64_t layers, std::int64_t vocab) {
  config.layerCount = layers;
  config.vocabSize = vocab;
  std::uint64_t count = 0;
  for (const model::ParameterSpec& spec : model::baseParameterSpecs(config)) count += model::elementCount(spec.shape);
  return count;
}

}  // namespace

DataShape dataShapeOf(const RunConfig& config, std::int64_t vocabSize) {
  DataShape shape;
  std::vector<std::uint64_t> train, validation;
  const bool tokenFolder = fs::is_directory(config.trainData);
  if (tokenFolder) {
    train = shardLengths(config.trainData, "train", shape.tokenBytes);
  } else {
    train = lengthsOf(loadTokenFile(config.trainData, vocabSize));
    shape.tokenBytes += fs::file_size(config.trainData);
  }
  if (config.validationData) {
    validation = lengthsOf(loadTokenFile(*config.validationData, vocabSize));
    shape.tokenBytes += fs::file_size(*config.validationData);
  } else if (tokenFolder && config.validationRatio == 0) {
    validation = shardLengths(config.trainData, "validation", shape.tokenBytes);
  } else if (config.validationRatio > 0 && train.size() >= 2) {
    // splitValidation's share, by count (which samples it takes does not change the mean much).
    const auto held = std::max<std::size_t>(
        1, static_cast<std::size_t>(std::llround(static_cast<double>(train.size()) * config.validationRatio)));
    validation.assign(train.end() - static_cast<std::ptrdiff_t>(std::min(held, train.size() - 1)), train.end());
    train.resize(train.size() - validation.size());
  }
  shape.trainSamples = train.size();
  shape.validationSamples = validation.size();
  shape.meanTrainTokens = meanCut(train, config.sequenceLength);
  shape.meanSquareTrainTokens = meanCut(train, config.sequenceLength, 2);
  shape.meanValidationTokens = meanCut(validation, config.sequenceLength);
  return shape;
}

std::int64_t stepsOfRun(const RunConfig& config, std::size_t trainSamples) {
  if (config.maxSteps) return *config.maxSteps;
  const std::int64_t samplesPerStep = config.microBatch * config.gradientAccumulation;
  return std::max<std::int64_t>(
      1, (config.epochs * static_cast<std::int64_t>(trainSamples) + samplesPerStep - 1) / samplesPerStep);
}

std::optional<StepMeasurement> measureStep(const RunConfig& config, const formats::ModelConfig& model,
                                           const DataShape& data, kernels::Backend& backend) {
  // The head's cost grows with the vocabulary: measured at up to 8192 words and scaled.
  const std::int64_t vocab = std::min<std::int64_t>(model.vocabSize, 8192);
  // The micro-batch's samples at the data's mean length and spread: half of them one standard
  // deviation shorter, half longer (attention's cost grows with the square of a sample's length).
  const double mean = std::max(1.0, data.meanTrainTokens);
  const double spread = std::sqrt(std::max(0.0, data.meanSquareTrainTokens - data.meanTrainTokens * data.meanTrainTokens));
  std::vector<std::size_t> sampleTokens;
  for (std::int64_t s = 0; s < config.microBatch; ++s) {
    const double length = config.microBatch == 1 ? mean : (s % 2 == 0 ? mean - spread : mean + spread);
    sampleTokens.push_back(static_cast<std::size_t>(
        std::clamp(std::round(length), 1.0, static_cast<double>(std::max<std::int64_t>(1, config.sequenceLength)))));
  }
  const std::uint64_t parameters = parameterCount(model, 2, vocab);
  const std::uint64_t bytesPerParameter = config.lora ? 4 : 8;  // weights, and their gradients when trained
  std::uint64_t tokens = 0;
  for (const std::size_t length : sampleTokens) tokens += length;
  const std::uint64_t activations =
      tokens * static_cast<std::uint64_t>(8 * model.hiddenSize + 4 * model.intermediateSize) * 4 * 2;
  if (parameters * bytesPerParameter + activations > kLargestMeasurement) return std::nullopt;

  const model::TableFormat frozenFormat = frozenFormatOf(config, model);
  const ModelTimes one = timeModel(config, model, 1, vocab, sampleTokens, frozenFormat, backend);
  const ModelTimes two = timeModel(config, model, 2, vocab, sampleTokens, frozenFormat, backend);
  const double layers = static_cast<double>(model.layerCount);
  const double vocabScale = static_cast<double>(model.vocabSize) / static_cast<double>(vocab);
  // one = outer + layer, two = outer + 2 layer; timing noise may make the layer look free or the
  // outer part negative, so each is kept at least a tenth of one model's time.
  auto compose = [&](double oneTime, double twoTime) {
    const double layer = std::max(0.1 * oneTime, twoTime - oneTime);
    const double outer = std::max(0.1 * oneTime, oneTime - layer);
    return outer * vocabScale + layers * layer;
  };
  StepMeasurement result;
  result.tokens = tokens;
  result.forwardBackwardSeconds = compose(one.forwardBackward, two.forwardBackward);
  result.evaluateSeconds = compose(one.evaluate, two.evaluate);
  result.nextTokenSeconds = compose(one.nextToken, two.nextToken);

  // The optimizer's part: gradient norm, clipping and AdamW over a slab of fp32 parameters.
  constexpr std::size_t kSlab = std::size_t(1) << 22;
  const kernels::DeviceBuffer buffer = backend.allocate(4 * kSlab * sizeof(float));
  const kernels::DeviceSpan<float> all = buffer.as<float>();
  const kernels::DeviceSpan<float> params = all.subspan(0, kSlab), grads = all.subspan(kSlab, kSlab),
                                   m = all.subspan(2 * kSlab, kSlab), v = all.subspan(3 * kSlab, kSlab);
  backend.fill(all, 0.001f);
  const double optimizer = bestSeconds(2, [&] {
    backend.sumOfSquares(grads);
    backend.scale(grads, 0.5f);
    backend.adamw(params, grads, m, v, config.adamw, 1);
    backend.synchronize();
  });
  result.optimizerSecondsPerParameter = optimizer / static_cast<double>(kSlab);

  // Fresh memory, zeroed as a run's tables are: 64 MiB, above the largest block the C library
  // hands out again from its heap (32 MiB), so that its pages are new to the process as the state's
  // are when a run starts (0.3 GB/s on this project's virtual machines, 20 GB/s once touched).
  constexpr std::size_t kFresh = std::size_t(16) << 20;
  const kernels::DeviceBuffer fresh = backend.allocate(kFresh * sizeof(float));
  auto start = Clock::now();
  backend.fill(fresh.as<float>().subspan(0, kFresh), 0.0f);
  backend.synchronize();
  result.firstTouchBytesPerSecond = static_cast<double>(kFresh * sizeof(float)) / std::max(1e-6, secondsSince(start));
  const std::vector<std::byte> block(std::size_t(16) << 20, std::byte{1});
  start = Clock::now();
  sha256Hex(std::span<const std::byte>(block));
  result.hashBytesPerSecond = static_cast<double>(block.size()) / std::max(1e-6, secondsSince(start));
  return result;
}

RunTimeEstimate estimateRunTime(const RunConfig& config, const DataShape& data,
                                const tiers::Plan& plan, const tiers::MachineBudget& machine,
                                const std::optional<StepMeasurement>& measured, std::optional<double> machineLoad) {
  RunTimeEstimate estimate;
  estimate.steps = stepsOfRun(config, data.trainSamples);
  const auto steps = static_cast<double>(estimate.steps);
  const double microBatches = static_cast<double>(config.gradientAccumulation);
  double compute = plan.computeSeconds;
  if (measured) {
    // The plan's products scale with the tokens it assumed (full sequences); the measured step is
    // for the data's real sample lengths.
    compute = microBatches * measured->forwardBackwardSeconds +
              measured->optimizerSecondsPerParameter * static_cast<double>(plan.trainableParameters);
    estimate.measured = true;
  } else {
    const double assumed = static_cast<double>(config.microBatch * config.sequenceLength);
    const double real = static_cast<double>(config.microBatch) * data.meanTrainTokens;
    if (assumed > 0 && real > 0) compute *= real / assumed;
  }
  estimate.stepSeconds = std::max({compute, plan.transferSeconds, plan.diskSeconds});

  // Evaluations: every evalEvery steps and at the end; each runs the validation samples and writes
  // the sample answers.
  const double evaluations =
      (config.evalEvery > 0 ? std::floor(steps / static_cast<double>(config.evalEvery)) : 0.0) +
      ((config.evalEvery > 0 && estimate.steps % config.evalEvery == 0) ? 0.0 : 1.0);
  double oneEvaluation = 0;
  if (data.validationSamples > 0) {
    const double batches = std::ceil(static_cast<double>(data.validationSamples) / static_cast<double>(config.microBatch));
    const double perBatch = measured ? measured->evaluateSeconds * (data.meanValidationTokens /
                                                                    std::max(1.0, data.meanTrainTokens))
                                     : compute / microBatches / 3.0;  // a forward of the three passes
    oneEvaluation += batches * perBatch;
  }
  // Sample answers are left out when the weights stream from the disk (eval_samples.h).
  const bool weightsOnDisk = std::any_of(plan.placements.begin(), plan.placements.end(), [](const tiers::Placement& p) {
    return p.tier == tiers::Tier::Disk &&
           (p.group == tiers::StateGroup::FrozenWeights || p.group == tiers::StateGroup::MasterWeights);
  });
  const bool samples = config.evalSamples > 0 && !weightsOnDisk;
  if (samples) {
    const double perToken = measured ? measured->nextTokenSeconds
                                     : compute / microBatches / 3.0 /
                                           std::max(1.0, static_cast<double>(config.microBatch) * data.meanTrainTokens);
    oneEvaluation += static_cast<double>(config.evalSamples * config.evalSampleTokens) * perToken;
  }
  estimate.evaluationSeconds = evaluations * oneEvaluation;

  // Checkpoints: the trained weights and both moments, written, hashed for the manifest, flushed.
  const double checkpoints =
      config.checkpointEvery > 0 ? std::ceil(steps / static_cast<double>(config.checkpointEvery)) : 1.0;
  const double writeRate = machine.diskWriteBytesPerSecond > 0 ? machine.diskWriteBytesPerSecond : 1e9;
  const double hashRate = measured && measured->hashBytesPerSecond > 0 ? measured->hashBytesPerSecond : 5e8;
  const double checkpointBytes = 12.0 * static_cast<double>(plan.trainableParameters);
  // The writer gathers each tensor in host memory first: new pages, as at the start.
  const double touchRate = measured && measured->firstTouchBytesPerSecond > 0 ? measured->firstTouchBytesPerSecond : 2e9;
  estimate.checkpointSeconds =
      checkpoints * (0.2 + checkpointBytes / writeRate + checkpointBytes / hashRate + checkpointBytes / touchRate);

  // Start: the process, the machine check, the model's weights and the samples read.
  double weightBytes = 0;
  try {
    weightBytes = static_cast<double>(formats::ModelWeights::openFolder(config.modelFolder).tensorBytes());
  } catch (const std::exception&) {
    // The plan was made; a folder that cannot be opened now is the run's own error to report.
  }
  const double readRate = machine.diskReadBytesPerSecond > 0 ? machine.diskReadBytesPerSecond : 1e9;
  // The state's memory is zeroed at the start: on a fresh process every page of it faults in.
  const double stateBytes = static_cast<double>(plan.peakBytes[0] + plan.peakBytes[1]);
  estimate.startSeconds = 1.0 + (weightBytes + static_cast<double>(data.tokenBytes)) / readRate + stateBytes / touchRate;

  estimate.totalSeconds = estimate.startSeconds + steps * estimate.stepSeconds + estimate.evaluationSeconds +
                          estimate.checkpointSeconds;
  // Other work on the cores slows every step in proportion: say how far, when it is more than a
  // little (the run shares the cores with whatever keeps them busy now).
  if (machineLoad && *machineLoad > 0.25) estimate.busyTotalSeconds = estimate.totalSeconds * (1.0 + *machineLoad);
  return estimate;
}

std::optional<double> loadPerCore() {
  std::ifstream file("/proc/loadavg");
  double load = 0;
  if (!(file >> load)) return std::nullopt;
  const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  return load / static_cast<double>(cores);
}

}  // namespace tiertune::train
