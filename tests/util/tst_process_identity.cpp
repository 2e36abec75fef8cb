// Telling a live worker from a dead one and from a stranger that reuses its pid: the identity of
// this test process, of a child before and after it ends, and of a made-up start time.
#include <sys/wait.h>
#include <unistd.h>

#include <QCoreApplication>
#include <QFileInfo>
#include <QTest>

#include "core/util/process_identity.h"

using namespace tiertune;

class ProcessIdentityTest : public QObject {
  Q_OBJECT

 private slots:
  void knowsItself() {
    const ProcessIdentity self = currentProcessIdentity();
    QCOMPARE(self.pid, static_cast<std::int64_t>(getpid()));
    QVERIFY(self.startTicks > 0);
    QCOMPARE(processIdentity(getpid()), std::optional<ProcessIdentity>(self));
    const std::string name = QFileInfo(QCoreApplication::applicationFilePath()).fileName().toStdString();
    QCOMPARE(processName(getpid()), name.substr(0, 15));
    QVERIFY(isProcessAlive(self, name));
    // Another program's name, or another start time at the same pid, is not this process.
    QVERIFY(!isProcessAlive(self, "tiertune-cli"));
    QVERIFY(!isProcessAlive({self.pid, self.startTicks + 1}, name));
    QVERIFY(residentBytes() > 1024 * 1024);
  }

  void aChildThatEndedIsNotAlive() {
    const pid_t child = fork();
    if (child == 0) {
      pause();  // until the parent's signal
      _exit(0);
    }
    QVERIFY(child > 0);
    const std::optional<ProcessIdentity> identity = processIdentity(child);
    QVERIFY(identity);
    ::kill(child, SIGKILL);
    // A zombie (ended, not yet reaped) no longer counts as running.
    QTRY_VERIFY_WITH_TIMEOUT(!processIdentity(child), 10000);
    int status = 0;
    QCOMPARE(waitpid(child, &status, 0), child);
    QVERIFY(!processIdentity(child));
    QVERIFY(processName(child).empty());
    QVERIFY(!processIdentity(0));
  }
};

QTEST_GUILESS_MAIN(ProcessIdentityTest)
#include "tst_process_identity.moc"
