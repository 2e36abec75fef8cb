// Shared by the tests that hold our numerics to PyTorch: running a reference script with one JSON
// job, and the error measure the bounds are stated in (support/relative_error.h).
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

#include "support/relative_error.h"

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

// relative_error.h over PyTorch's JSON numbers.
inline double relativeError(const std::vector<float>& ours, const QJsonArray& theirs) {
  std::vector<double> values;
  values.reserve(static_cast<std::size_t>(theirs.size()));
  for (const QJsonValue& value : theirs) values.push_back(value.toDouble());
  return relativeError(std::span<const float>(ours), std::span<const double>(values));
}

// Whether /usr/bin/python3 can import the module; tests that need it skip themselves when not.
inline bool pythonModuleAvailable(const QString& module) {
  QProcess python;
  python.start(QStringLiteral("/usr/bin/python3"), {QStringLiteral("-c"), QStringLiteral("import ") + module});
  return python.waitForFinished(120000) && python.exitStatus() == QProcess::NormalExit && python.exitCode() == 0;
}

inline bool torchAvailable() { return pythonModuleAvailable(QStringLiteral("torch")); }

}  // namespace tiertune::test
