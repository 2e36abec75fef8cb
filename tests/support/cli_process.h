// Running tiertune-cli from a test as a user would: a real process, its exit code, stdout and
// stderr. The test target defines TIERTUNE_CLI_PATH (the built executable).
#pragma once

#include <QByteArray>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStringList>
#include <functional>

namespace tiertune::test {

struct Finished {
  int exitCode = -1;  // -1 when the process crashed or was killed
  QByteArray out, err;
};

inline Finished runCli(const QStringList& arguments) {
  QProcess process;
  process.start(QStringLiteral(TIERTUNE_CLI_PATH), arguments);
  process.waitForFinished(240000);
  return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1, process.readAllStandardOutput(),
          process.readAllStandardError()};
}

// Runs the CLI held at a test pause point (core/util/test_pause.h): once it says it is paused
// there, atPause runs, and the process carries on. The process's stderr keeps the pause line.
inline Finished runCliPausedAt(const QStringList& arguments, const char* point, const std::function<void()>& atPause) {
  QProcess process;
  QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
  environment.insert(QStringLiteral("TIERTUNE_TEST_PAUSE"), QString::fromLatin1(point));
  process.setProcessEnvironment(environment);
  process.setReadChannel(QProcess::StandardError);
  process.start(QStringLiteral(TIERTUNE_CLI_PATH), arguments);
  QByteArray err;
  const QByteArray pausedLine = QByteArray("tiertune-test: paused at ") + point;
  while (!err.contains(pausedLine) && process.state() != QProcess::NotRunning) {
    process.waitForReadyRead(1000);
    err += process.readAllStandardError();
  }
  if (err.contains(pausedLine)) atPause();
  process.write("\n");
  process.closeWriteChannel();
  process.waitForFinished(240000);
  err += process.readAllStandardError();
  return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1, process.readAllStandardOutput(), err};
}

}  // namespace tiertune::test
