// Shared by the tests that hold our numerics to PyTorch: running a reference script with one JSON
// job, and the error measure the bounds are stated in.
#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QString>
#include <algorithm>
#include <cmath>
#include <vector>

namespace tiertune::test {

// Runs script with /usr/bin/python3 (Debian's python3-torch), the job as one JSON line on stdin;
// returns its JSON output, or {"error": stderr} when it fails.
inline QJsonObject runTorchReference(const QString& script, const QJsonObject& job, int timeoutMs = 300000) {
  QProcess python;
  python.start(QStringLiteral("/usr/bin/python3"), {script});
  if (!python.waitForStarted()) return {{QStringLiteral("error"), QStringLiteral("cannot start /usr/bin/python3")}};
  python.write(QJsonDocument(job).toJson(QJsonDocument::Compact) + "\n");
  python.closeWriteChannel();
  python.waitForFinished(timeoutMs);
  const QByteArray out = python.readAllStandardOutput();
  if (python.exitCode() != 0 || out.isEmpty()) {
    return {{QStringLiteral("error"), QString::fromUtf8(python.readAllStandardError().right(3000))}};
  }
  return QJsonDocument::fromJson(out).object();
}

// max |ours - theirs| / max |theirs|; infinity for NaN or a size mismatch.
inline double relativeError(const std::vector<float>& ours, const QJsonArray& theirs) {
  if (static_cast<std::size_t>(theirs.size()) != ours.size()) return INFINITY;
  double worst = 0;
  double largest = 1e-30;
  for (qsizetype i = 0; i < theirs.size(); ++i) {
    const double value = theirs[i].toDouble();
    largest = std::max(largest, std::abs(value));
    const double difference = std::abs(static_cast<double>(ours[static_cast<std::size_t>(i)]) - value);
    if (!(difference <= worst)) worst = std::isnan(difference) ? INFINITY : difference;
  }
  return worst / largest;
}

}  // namespace tiertune::test
