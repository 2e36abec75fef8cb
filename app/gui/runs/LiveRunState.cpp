#include "app/gui/runs/LiveRunState.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace tiertune::gui {

namespace {

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
  round.step = event.value(QStringLiteral("step")).toInteger();
  for (const QJsonValue& entry : event.value(QStringLiteral("samples")).toArray()) {
    const QJsonObject sample = entry.toObject();
    round.answers.push_back(
        {sample.value(QStringLiteral("prompt")).toString(), sample.value(QStringLiteral("completion")).toString()});
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
  const QString kind = event.value(QStringLiteral("event")).toString();
  if (kind.isEmpty()) {
    personLines.append(QString::fromUtf8(text));
    ++personLinesSeen;
    if (personLines.size() > kLogLines) personLines.removeFirst();
    return false;
  }
  const QJsonValue eventRun = event.value(QStringLiteral("run"));
  if (runId != 0 && eventRun.isDouble() && eventRun.toInteger() != runId) return true;
  sawEvent = true;
  if (kind == QLatin1String("plan")) {
    phase = RunPhase::Starting;
    error.clear();
    samplesSkipped.clear();  // a new worker: it says again if it writes none
    planSummary = event.value(QStringLiteral("summary")).toString();
    const QJsonObject peaks = event.value(QStringLiteral("peak_bytes")).toObject();
    predictedPeak = {static_cast<qint64>(number(peaks, "device", -1)), static_cast<qint64>(number(peaks, "host", -1)),
                     static_cast<qint64>(number(peaks, "disk", -1))};
  } else if (kind == QLatin1String("start")) {
    phase = RunPhase::Running;
    step = event.value(QStringLiteral("step")).toInteger();
    totalSteps = event.value(QStringLiteral("total_steps")).toInteger();
    validationSamples = event.value(QStringLiteral("validation_samples")).toInteger(-1);
    backend = event.value(QStringLiteral("backend")).toString();
    const QJsonObject trainsOn = event.value(QStringLiteral("device")).toObject();
    device.reset();
    if (!trainsOn.isEmpty()) {
      const QString deviceKind = trainsOn.value(QStringLiteral("kind")).toString();
      device = catalog::TrainingDevice{deviceKind == QLatin1String("cuda") ? catalog::TrainingDevice::Kind::Cuda
                                                                       : catalog::TrainingDevice::Kind::Cpu,
                                       trainsOn.value(QStringLiteral("name")).toString().toStdString(),
                                       static_cast<std::int64_t>(number(trainsOn, "memory_bytes", 0))};
    }
  } else if (kind == QLatin1String("step")) {
    phase = RunPhase::Running;
    step = event.value(QStringLiteral("step")).toInteger();
    totalSteps = event.value(QStringLiteral("total_steps")).toInteger();
    loss = number(event, "loss", NAN);
    learningRate = number(event, "lr", NAN);
    tokensPerSecond = number(event, "tokens_per_s", 0);
    etaSeconds = number(event, "eta_s", -1);
    trainingSeconds += number(event, "seconds", 0);
    const QJsonObject memory = event.value(QStringLiteral("memory")).toObject();
    memoryInUse = {static_cast<qint64>(number(memory, "device", -1)), static_cast<qint64>(number(memory, "host", -1)),
                   static_cast<qint64>(number(memory, "disk", -1))};
    if (!std::isnan(loss)) addPoint(train, step, loss, catalog::kTrainLossMetric);
    // Validation points after this step belong to the run before its resume.
    while (!validation.empty() && validation.back().step >= step) validation.pop_back();
    if (dropSamplesFrom(samples, step)) ++samplesRevision;
  } else if (kind == QLatin1String("evaluation")) {
    validationLoss = number(event, "val_loss", NAN);
    if (!std::isnan(validationLoss)) {
      addPoint(validation, event.value(QStringLiteral("step")).toInteger(), validationLoss,
               catalog::kValidationLossMetric);
    }
  } else if (kind == QLatin1String("samples")) {
    SampleRound round = sampleRound(event);
    dropSamplesFrom(samples, round.step);
    samples.push_back(std::move(round));
    if (samples.size() > static_cast<std::size_t>(kSampleRounds)) samples.erase(samples.begin());
    ++samplesRevision;
  } else if (kind == QLatin1String("samples_skipped")) {
    samplesSkipped = event.value(QStringLiteral("reason")).toString();
    ++samplesRevision;
  } else if (kind == QLatin1String("checkpoint")) {
    checkpointStep = event.value(QStringLiteral("step")).toInteger();
  } else if (kind == QLatin1String("paused")) {
    phase = RunPhase::Paused;
  } else if (kind == QLatin1String("resumed")) {
    phase = RunPhase::Running;
  } else if (kind == QLatin1String("completed")) {
    phase = RunPhase::Completed;
  } else if (kind == QLatin1String("stopped")) {
    phase = RunPhase::Stopped;
  } else if (kind == QLatin1String("failed")) {
    phase = RunPhase::Failed;
    error = event.value(QStringLiteral("error")).toString();
  }
  return true;
}

}  // namespace tiertune::gui
