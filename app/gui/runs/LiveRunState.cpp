#include "app/gui/runs/LiveRunState.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include "core/train/worker_events.h"

namespace tiertune::gui {

namespace {

namespace ev = train::worker_event;

// A resumed run repeats the steps after its checkpoint: the repeated ones replace the old ones.
void addPoint(std::vector<catalog::MetricPoint>& curve, qint64 step, double value, const char* name) {
  while (!curve.empty() && curve.back().step >= step) curve.pop_back();
  curve.push_back({step, name, value});
}

// A resumed run repeats its evaluations after the checkpoint: rounds from that step on are dropped.
bool dropSamplesFrom(std::vector<SampleRound>& rounds, qint64 step) {
  bool dropped = false;
  while (!rounds.empty() && rounds.back().step >= step) {
    rounds.pop_back();
    dropped = true;
  }
  return dropped;
}

SampleRound sampleRound(const QJsonObject& event) {
  SampleRound round;
  round.step = event.value(QLatin1String(ev::kStep)).toInteger();
  for (const QJsonValue& entry : event.value(QLatin1String(ev::kSamples)).toArray()) {
    const QJsonObject sample = entry.toObject();
    round.answers.push_back(
        {sample.value(QLatin1String(ev::kPrompt)).toString(), sample.value(QLatin1String(ev::kCompletion)).toString()});
  }
  return round;
}

double number(const QJsonObject& object, const char* key, double otherwise) {
  const QJsonValue value = object.value(QLatin1String(key));
  return value.isDouble() ? value.toDouble() : otherwise;
}

}  // namespace

bool LiveRunState::apply(const QByteArray& line) {
  const QByteArray text = line.trimmed();
  if (text.isEmpty()) return false;
  const QJsonObject event = text.startsWith('{') ? QJsonDocument::fromJson(text).object() : QJsonObject();
  const QString kind = event.value(QLatin1String(ev::kEvent)).toString();
  if (kind.isEmpty()) {
    personLines.append(QString::fromUtf8(text));
    ++personLinesSeen;
    if (personLines.size() > kLogLines) personLines.removeFirst();
    return false;
  }
  const QJsonValue eventRun = event.value(QLatin1String(ev::kRun));
  if (runId != 0 && eventRun.isDouble() && eventRun.toInteger() != runId) return true;
  sawEvent = true;
  if (kind == QLatin1String(ev::kPlan)) {
    phase = RunPhase::Starting;
    error.clear();
    samplesSkipped.clear();  // a new worker: it says again if it writes none
    planSeen = true;
    const QJsonObject peaks = event.value(QLatin1String(ev::kPeakBytes)).toObject();
    predictedPeak = {static_cast<qint64>(number(peaks, ev::kDeviceTier, -1)), static_cast<qint64>(number(peaks, ev::kHostTier, -1)),
                     static_cast<qint64>(number(peaks, ev::kDiskTier, -1))};
  } else if (kind == QLatin1String(ev::kStart)) {
    phase = RunPhase::Running;
    step = event.value(QLatin1String(ev::kStep)).toInteger();
    totalSteps = event.value(QLatin1String(ev::kTotalSteps)).toInteger();
    validationSamples = event.value(QLatin1String(ev::kValidationSamples)).toInteger(-1);
    backend = event.value(QLatin1String(ev::kBackend)).toString();
    const QJsonObject trainsOn = event.value(QLatin1String(ev::kDevice)).toObject();
    device.reset();
    if (!trainsOn.isEmpty()) {
      const QString deviceKind = trainsOn.value(QLatin1String(ev::kDeviceKind)).toString();
      device = catalog::TrainingDevice{deviceKind == QLatin1String("cuda") ? catalog::TrainingDevice::Kind::Cuda
                                                                       : catalog::TrainingDevice::Kind::Cpu,
                                       trainsOn.value(QLatin1String(ev::kDeviceName)).toString().toStdString(),
                                       static_cast<std::int64_t>(number(trainsOn, ev::kDeviceMemory, 0))};
    }
  } else if (kind == QLatin1String(ev::kStepDone)) {
    phase = RunPhase::Running;
    step = event.value(QLatin1String(ev::kStep)).toInteger();
    totalSteps = event.value(QLatin1String(ev::kTotalSteps)).toInteger();
    loss = number(event, ev::kLoss, NAN);
    learningRate = number(event, ev::kLearningRate, NAN);
    tokensPerSecond = number(event, ev::kTokensPerSecond, 0);
    etaSeconds = number(event, ev::kEtaSeconds, -1);
    trainingSeconds += number(event, ev::kSeconds, 0);
    const QJsonObject memory = event.value(QLatin1String(ev::kMemory)).toObject();
    memoryInUse = {static_cast<qint64>(number(memory, ev::kDeviceTier, -1)), static_cast<qint64>(number(memory, ev::kHostTier, -1)),
                   static_cast<qint64>(number(memory, ev::kDiskTier, -1))};
    if (!std::isnan(loss)) addPoint(train, step, loss, catalog::kTrainLossMetric);
    // Validation points after this step belong to the run before its resume.
    while (!validation.empty() && validation.back().step >= step) validation.pop_back();
    if (dropSamplesFrom(samples, step)) ++samplesRevision;
  } else if (kind == QLatin1String(ev::kEvaluation)) {
    validationLoss = number(event, ev::kValidationLoss, NAN);
    if (!std::isnan(validationLoss)) {
      addPoint(validation, event.value(QLatin1String(ev::kStep)).toInteger(), validationLoss,
               catalog::kValidationLossMetric);
    }
  } else if (kind == QLatin1String(ev::kSamples)) {
    SampleRound round = sampleRound(event);
    dropSamplesFrom(samples, round.step);
    samples.push_back(std::move(round));
    if (samples.size() > static_cast<std::size_t>(kSampleRounds)) samples.erase(samples.begin());
    ++samplesRevision;
  } else if (kind == QLatin1String(ev::kSamplesSkipped)) {
    samplesSkipped = event.value(QLatin1String(ev::kReason)).toString();
    ++samplesRevision;
  } else if (kind == QLatin1String(ev::kCheckpoint)) {
    checkpointStep = event.value(QLatin1String(ev::kStep)).toInteger();
  } else if (kind == QLatin1String(ev::kPaused)) {
    phase = RunPhase::Paused;
  } else if (kind == QLatin1String(ev::kResumed)) {
    phase = RunPhase::Running;
  } else if (kind == QLatin1String(ev::kCompleted)) {
    phase = RunPhase::Completed;
  } else if (kind == QLatin1String(ev::kStopped)) {
    phase = RunPhase::Stopped;
  } else if (kind == QLatin1String(ev::kFailed)) {
    phase = RunPhase::Failed;
    error = event.value(QLatin1String(ev::kError)).toString();
  }
  return true;
}

}  // namespace tiertune::gui
