#include "core/train/trainer.h"

#include <algorithm>
#include <chrono>
#include <cmath>

#include "core/formats/model_weights.h"
#include "core/model/base_weights.h"
#include "core/train/run_memory.h"
#include "core/train/run_time.h"
#include "core/util/error.h"
#include "core/util/fault_point.h"
#include "core/util/random.h"

namespace tiertune::train {

namespace fs = std::filesystem;

Trainer::Trainer(const RunConfig& config, kernels::Backend& backend, TrainerTiering tiering)
    : config_(config), backend_(backend) {
  modelConfig_ = formats::loadModelConfig(config_.modelFolder / "config.json");
  // A dataset's token folder brings its own validation split; a token file is split here.
  const bool tokenFolder = fs::is_directory(config_.trainData);
  train_ = tokenFolder ? loadTokenShard(config_.trainData, "train", modelConfig_.vocabSize)
                       : loadTokenFile(config_.trainData, modelConfig_.vocabSize);
  if (config_.validationData) {
    validation_ = loadTokenFile(*config_.validationData, modelConfig_.vocabSize);
  } else if (tokenFolder && config_.validationRatio == 0) {
    validation_ = loadTokenShard(config_.trainData, "validation", modelConfig_.vocabSize);
  } else {
    validation_ = splitValidation(train_, config_.validationRatio, config_.seed);
  }
  if (train_.empty()) throw Error(config_.trainData.string() + ": there are no training samples");
  order_ = std::make_unique<SampleOrder>(train_.size(), config_.seed);

  totalSteps_ = stepsOfRun(config_, train_.size());
  schedule_ = ScheduleSpec{config_.adamw.learningRate, config_.schedule, warmupStepsOf(config_, totalSteps_),
                           totalSteps_, config_.minLrRatio};

  const model::LoraConfig* lora = nullptr;
  if (config_.lora) {
    lora = &config_.loraConfig;
    model::validateLoraConfig(*lora);
  }
  tiers::StatePlacement placement =
      tiering.placement ? *tiering.placement : tiers::residentPlacement(model::unitCount(modelConfig_));
  std::optional<std::string> samplesUnavailable = samplesUnavailableReason(placement);
  tiering.options.frozenFormat = frozenFormatOf(config_, modelConfig_);
  state_ = std::make_unique<tiers::TieredState>(backend_, modelConfig_, lora, std::move(placement),
                                                std::move(tiering.options));
  loadInitialState();
  decoder_ = std::make_unique<model::Decoder>(backend_, modelConfig_, *state_, lora, true,
                                              model::DecoderOptions{config_.activationCheckpointing, 1024});
  trainingPass_ = model::decoderAccessOrder(modelConfig_, true, !config_.lora);
  evaluationPass_ = model::decoderAccessOrder(modelConfig_, false, !config_.lora);
  prepareSamples(std::move(samplesUnavailable));
}

// The prompts and the tokenizer for sample generations, or why there are none.
void Trainer::prepareSamples(std::optional<std::string> unavailable) {
  if (config_.evalSamples == 0) return;
  if (unavailable) {
    samplesOff_ = std::move(*unavailable);
    return;
  }
  const bool fromValidation = !validation_.empty();
  const std::size_t longest = static_cast<std::size_t>(
      std::min<std::int64_t>(config_.sequenceLength, modelConfig_.maxPositionEmbeddings));
  std::vector<std::vector<std::int32_t>> prompts = samplePrompts(
      fromValidation ? validation_ : train_, static_cast<std::size_t>(config_.evalSamples), longest);
  if (prompts.empty()) {
    samplesOff_ = std::string("None of the ") + (fromValidation ? "validation" : "training") +
                  " samples has a prompt before its answer (every token is trained, as with plain text), so there "
                  "is nothing to write sample answers to.";
    return;
  }
  try {
    samples_ = std::make_unique<EvaluationSamples>(infer::loadModelText(config_.modelFolder, modelConfig_),
                                                   std::move(prompts),
                                                   static_cast<std::size_t>(config_.evalSampleTokens));
  } catch (const Error& error) {
    samplesOff_ = std::string("The model's tokenizer could not be read, so no sample answers are written: ") +
                  error.what();
  }
}

// The base weights from the model folder into their homes, unit by unit, and a fresh adapter.
void Trainer::loadInitialState() {
  const formats::ModelWeights weights = formats::ModelWeights::openFolder(config_.modelFolder);
  const tiers::StateKind baseKind = config_.lora ? tiers::StateKind::Frozen : tiers::StateKind::Trained;
  const model::TableFormat baseFormat = state_->format(baseKind);
  const model::ElementType baseType = baseFormat.type;
  std::vector<float> values;
  std::vector<std::uint16_t> bits;
  std::vector<std::uint8_t> bytes;
  for (std::size_t unit = 0; unit < state_->unitCount(); ++unit) {
    const auto& specs = state_->specs(baseKind, unit);
    if (baseFormat.fourBitProjections) {  // QLoRA: the projections quantized to NF4 as they load
      bytes.resize(model::ParameterTable::storageBytes(specs, baseFormat));
      model::readBaseWeightBytes(specs, weights, baseFormat, bytes);
      state_->write(baseKind, unit, std::span<const std::uint8_t>(bytes));
    } else if (baseType == model::ElementType::F32) {
      values.resize(model::ParameterTable::elementCount(specs));
      model::readBaseWeights(specs, weights, values);
      state_->write(baseKind, unit, values);
    } else {  // a frozen base kept as its checkpoint ships it
      bits.resize(model::ParameterTable::elementCount(specs));
      model::readBaseWeightBits(specs, weights, baseType, bits);
      state_->write(baseKind, unit, std::span<const std::uint16_t>(bits));
    }
  }
  if (!config_.lora) return;
  // The adapter is small: drawn whole on the host (the same values whatever the placement), then
  // handed to the units.
  const auto host = kernels::makeCpuBackend();
  const model::ParameterTable adapter(*host, model::loraParameterSpecs(modelConfig_, config_.loraConfig));
  model::initializeLora(adapter, modelConfig_, config_.loraConfig, config_.seed);
  for (std::size_t unit = 0; unit < state_->unitCount(); ++unit) {
    const auto& specs = state_->specs(tiers::StateKind::Trained, unit);
    values.clear();
    for (const model::ParameterSpec& spec : specs) {
      const kernels::DeviceSpan<float> tensor = adapter.tensor(spec.name);
      values.insert(values.end(), tensor.data(), tensor.data() + tensor.size());
    }
    state_->write(tiers::StateKind::Trained, unit, values);
  }
}

Trainer::~Trainer() = default;

std::vector<float> Trainer::trainedValues() const {
  std::vector<float> all, unitValues;
  for (std::size_t unit = 0; unit < state_->unitCount(); ++unit) {
    unitValues.resize(model::ParameterTable::elementCount(state_->specs(tiers::StateKind::Trained, unit)));
    state_->read(tiers::StateKind::Trained, unit, unitValues);
    all.insert(all.end(), unitValues.begin(), unitValues.end());
  }
  return all;
}

void Trainer::resumeFrom(const fs::path& checkpointFolder) {
  const TrainerState state = readCheckpoint(checkpointFolder, *state_);
  if (state.step > totalSteps_) {
    throw Error(checkpointFolder.string() + " is at step " + std::to_string(state.step) + ", past this run's " +
                std::to_string(totalSteps_) + " steps.");
  }
  step_ = state.step;
  samplesConsumed_ = state.samplesConsumed;
}

StepReport Trainer::trainStep() {
  const auto started = std::chrono::steady_clock::now();
  const tiers::TransferStats before = state_->stats();
  std::vector<model::TokenBatch> microBatches;
  std::size_t lossTokens = 0, tokens = 0;
  for (std::int64_t m = 0; m < config_.gradientAccumulation; ++m) {
    std::vector<const Sample*> samples;
    for (std::int64_t i = 0; i < config_.microBatch; ++i) samples.push_back(&train_[order_->at(samplesConsumed_++)]);
    microBatches.push_back(packSamples(samples, config_.sequenceLength));
    lossTokens += microBatches.back().countedTargets();
    tokens += microBatches.back().tokens();
  }

  state_->zeroGradients();
  double lossSum = 0;
  for (std::size_t m = 0; m < microBatches.size(); ++m) {
    const std::uint64_t dropoutSeed = SplitMix64(config_.seed ^ (static_cast<std::uint64_t>(step_) << 20 | m)).next();
    lossSum += pass(trainingPass_, [&] {
                 return decoder_->forwardBackward(microBatches[m], std::max<std::size_t>(1, lossTokens), dropoutSeed);
               }).sum;
  }

  StepReport report;
  report.gradientNorm = std::sqrt(state_->gradientSquaredNorm());
  if (!std::isfinite(report.gradientNorm)) {
    throw Error(TIERTUNE_WORDS("Runs",
                               "training diverged at step %1: the gradients are not finite numbers (try a "
                               "lower learning rate)"),
                {std::to_string(step_ + 1)});
  }
  // torch.nn.utils.clip_grad_norm_: scale by max_norm / (norm + 1e-6) when that is below 1.
  const double clipScale = config_.maxGradNorm > 0 ? config_.maxGradNorm / (report.gradientNorm + 1e-6) : 1.0;
  report.learningRate = learningRateAt(schedule_, step_);
  kernels::AdamWHyper hyper = config_.adamw;
  hyper.learningRate = report.learningRate;
  state_->optimizerStep(clipScale, hyper, step_ + 1);
  backend_.synchronize();
  ++step_;

  report.step = step_;
  report.totalSteps = totalSteps_;
  report.loss = lossTokens == 0 ? 0.0 : lossSum / static_cast<double>(lossTokens);
  report.tokens = tokens;
  report.lossTokens = lossTokens;
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  const tiers::TransferStats after = state_->stats();
  report.streamedBytes = (after.hostToDevice - before.hostToDevice) + (after.deviceToHost - before.deviceToHost) +
                         (after.diskRead - before.diskRead) + (after.diskWritten - before.diskWritten);
  // A resident run's passes also hand each unit over through the mover (microseconds): that is no
  // wait for streamed state.
  if (report.streamedBytes > 0) report.streamWaitSeconds = after.computeWaitSeconds - before.computeWaitSeconds;
  return report;
}

EvaluationReport Trainer::evaluate() {
  EvaluationReport report;
  report.step = step_;
  double sum = 0;
  for (std::size_t first = 0; first < validation_.size(); first += static_cast<std::size_t>(config_.microBatch)) {
    std::vector<const Sample*> samples;
    for (std::size_t i = first; i < std::min(validation_.size(), first + static_cast<std::size_t>(config_.microBatch)); ++i) {
      samples.push_back(&validation_[i]);
    }
    const model::TokenBatch batch = packSamples(samples, config_.sequenceLength);
    const model::LossSum loss = pass(evaluationPass_, [&] { return decoder_->evaluate(batch); });
    sum += loss.sum;
    report.lossTokens += loss.counted;
  }
  report.loss = report.lossTokens == 0 ? 0.0 : sum / static_cast<double>(report.lossTokens);
  return report;
}

WrittenCheckpoint Trainer::writeCheckpointNow() {
  const TrainerState state{step_, samplesConsumed_, toJson(config_)};
  return writeCheckpoint(checkpointsFolder(), state, *state_, config_.lora);
}

void Trainer::generateSamples(TrainingObserver& observer) {
  SamplesReport report;
  try {
    report = samples_->generate(step_, backend_, *decoder_, *state_, evaluationPass_);
  } catch (const Error& error) {
    // Samples are for looking at; a run of hours does not end because they could not be made.
    samples_.reset();
    samplesOff_ = std::string("Writing sample answers failed, so the run goes on without them: ") + error.what();
    observer.samplesSkipped(samplesOff_);
    return;
  }
  observer.samplesGenerated(report);
}

void Trainer::run(TrainingObserver& observer) {
  // The run ends with a checkpoint: a folder where it cannot be written is found now, not then.
  if (step_ < totalSteps_) requireCheckpointRoom(checkpointsFolder(), checkpointBytes(state_->trainedSpecs()));
  if (!samplesOff_.empty()) observer.samplesSkipped(samplesOff_);
  while (step_ < totalSteps_) {
    observer.stepDone(trainStep());
    const bool last = step_ == totalSteps_;
    const bool stop = !last && observer.stopRequested();
    const bool evaluationDue = last || (config_.evalEvery > 0 && step_ % config_.evalEvery == 0);
    if (evaluationDue && !validation_.empty()) observer.evaluated(evaluate());
    if (evaluationDue && samples_) generateSamples(observer);
    if (last || stop || (config_.checkpointEvery > 0 && step_ % config_.checkpointEvery == 0)) {
      // Recorded before the older ones go: killed at any instant, the run keeps a checkpoint that
      // is on disk and known (a written one the catalog missed is found by `resume`).
      const WrittenCheckpoint written = writeCheckpointNow();
      faultPoint("checkpoint-written", step_);
      observer.checkpointWritten(step_, written);
      const std::vector<fs::path> removed = pruneCheckpoints(checkpointsFolder(), config_.keepCheckpoints);
      if (!removed.empty()) observer.checkpointsRemoved(removed);
    }
    if (stop) return;
  }
}

}  // namespace tiertune::train
