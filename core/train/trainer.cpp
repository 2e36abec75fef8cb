#include "core/train/trainer.h"

#include <chrono>
#include <cmath>

#include "core/formats/model_weights.h"
#include "core/model/base_weights.h"
#include "core/util/error.h"
#include "core/util/random.h"

namespace tiertune::train {

namespace fs = std::filesystem;

Trainer::Trainer(const RunConfig& config, kernels::Backend& backend) : config_(config), backend_(backend) {
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

  const std::int64_t samplesPerStep = config_.microBatch * config_.gradientAccumulation;
  totalSteps_ = config_.maxSteps ? *config_.maxSteps
                                 : std::max<std::int64_t>(1, (config_.epochs * static_cast<std::int64_t>(train_.size()) +
                                                              samplesPerStep - 1) / samplesPerStep);
  schedule_ = ScheduleSpec{config_.adamw.learningRate, config_.schedule, warmupStepsOf(config_, totalSteps_),
                           totalSteps_, config_.minLrRatio};

  base_ = std::make_unique<model::ParameterTable>(backend_, model::baseParameterSpecs(modelConfig_));
  model::loadBaseWeights(*base_, formats::ModelWeights::openFolder(config_.modelFolder));
  const model::LoraConfig* lora = nullptr;
  if (config_.lora) {
    lora = &config_.loraConfig;
    model::validateLoraConfig(*lora);
    adapter_ = std::make_unique<model::ParameterTable>(backend_, model::loraParameterSpecs(modelConfig_, *lora));
    model::initializeLora(*adapter_, modelConfig_, *lora, config_.seed);
  }
  const model::ParameterTable& trainedTable = trained();
  gradients_ = std::make_unique<model::ParameterTable>(trainedTable.sameLayout());
  firstMoment_ = std::make_unique<model::ParameterTable>(trainedTable.sameLayout());
  secondMoment_ = std::make_unique<model::ParameterTable>(trainedTable.sameLayout());
  decoder_ = std::make_unique<model::Decoder>(backend_, modelConfig_, *base_, adapter_.get(), lora, gradients_.get(),
                                              model::DecoderOptions{config_.activationCheckpointing, 1024});
}

Trainer::~Trainer() = default;

const model::ParameterTable& Trainer::trained() const { return adapter_ ? *adapter_ : *base_; }

void Trainer::resumeFrom(const fs::path& checkpointFolder) {
  const TrainerState state = readCheckpoint(checkpointFolder, {&trained(), firstMoment_.get(), secondMoment_.get()});
  if (state.step > totalSteps_) {
    throw Error(checkpointFolder.string() + " is at step " + std::to_string(state.step) + ", past this run's " +
                std::to_string(totalSteps_) + " steps.");
  }
  step_ = state.step;
  samplesConsumed_ = state.samplesConsumed;
}

StepReport Trainer::trainStep() {
  const auto started = std::chrono::steady_clock::now();
  std::vector<model::TokenBatch> microBatches;
  std::size_t lossTokens = 0, tokens = 0;
  for (std::int64_t m = 0; m < config_.gradientAccumulation; ++m) {
    std::vector<const Sample*> samples;
    for (std::int64_t i = 0; i < config_.microBatch; ++i) samples.push_back(&train_[order_->at(samplesConsumed_++)]);
    microBatches.push_back(packSamples(samples, config_.sequenceLength));
    lossTokens += microBatches.back().countedTargets();
    tokens += microBatches.back().tokens();
  }

  gradients_->zero();
  double lossSum = 0;
  for (std::size_t m = 0; m < microBatches.size(); ++m) {
    const std::uint64_t dropoutSeed = SplitMix64(config_.seed ^ (static_cast<std::uint64_t>(step_) << 20 | m)).next();
    lossSum += decoder_->forwardBackward(microBatches[m], std::max<std::size_t>(1, lossTokens), dropoutSeed).sum;
  }

  StepReport report;
  report.gradientNorm = std::sqrt(backend_.sumOfSquares(gradients_->all()));
  if (!std::isfinite(report.gradientNorm)) {
    throw Error("training diverged at step " + std::to_string(step_ + 1) +
                ": the gradients are not finite numbers (try a lower learning rate)");
  }
  if (config_.maxGradNorm > 0) {
    // torch.nn.utils.clip_grad_norm_: scale by max_norm / (norm + 1e-6) when that is below 1.
    const double coefficient = config_.maxGradNorm / (report.gradientNorm + 1e-6);
    if (coefficient < 1.0) backend_.scale(gradients_->all(), static_cast<float>(coefficient));
  }
  report.learningRate = learningRateAt(schedule_, step_);
  kernels::AdamWHyper hyper = config_.adamw;
  hyper.learningRate = report.learningRate;
  const model::ParameterTable& table = trained();
  backend_.adamw(table.decayed(), gradients_->decayed(), firstMoment_->decayed(), secondMoment_->decayed(), hyper,
                 step_ + 1);
  hyper.weightDecay = 0;
  backend_.adamw(table.undecayed(), gradients_->undecayed(), firstMoment_->undecayed(), secondMoment_->undecayed(),
                 hyper, step_ + 1);
  backend_.synchronize();
  ++step_;

  report.step = step_;
  report.totalSteps = totalSteps_;
  report.loss = lossTokens == 0 ? 0.0 : lossSum / static_cast<double>(lossTokens);
  report.tokens = tokens;
  report.lossTokens = lossTokens;
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
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
    const model::LossSum loss = decoder_->evaluate(packSamples(samples, config_.sequenceLength));
    sum += loss.sum;
    report.lossTokens += loss.counted;
  }
  report.loss = report.lossTokens == 0 ? 0.0 : sum / static_cast<double>(report.lossTokens);
  return report;
}

WrittenCheckpoint Trainer::writeCheckpointNow() {
  const TrainerState state{step_, samplesConsumed_, toJson(config_)};
  WrittenCheckpoint written =
      writeCheckpoint(checkpointsFolder(), state, {&trained(), firstMoment_.get(), secondMoment_.get()}, config_.lora);
  pruneCheckpoints(checkpointsFolder(), config_.keepCheckpoints);
  return written;
}

void Trainer::run(TrainingObserver& observer) {
  while (step_ < totalSteps_) {
    observer.stepDone(trainStep());
    const bool last = step_ == totalSteps_;
    const bool stop = !last && observer.stopRequested();
    if (!validation_.empty() && (last || (config_.evalEvery > 0 && step_ % config_.evalEvery == 0))) {
      observer.evaluated(evaluate());
    }
    if (last || stop || (config_.checkpointEvery > 0 && step_ % config_.checkpointEvery == 0)) {
      observer.checkpointWritten(step_, writeCheckpointNow());
    }
    if (stop) return;
  }
}

}  // namespace tiertune::train
