// Running tiertune-cli from a test as a user would: a real process, its exit code, stdout and
// stderr. The test target defines TIERTUNE_CLI_PATH (the built executable).
#pragma once

#include <QByteArray>
#include <QProcess>
#include <QStringList>

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

}  // namespace tiertune::test
