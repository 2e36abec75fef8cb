// restartWithPassiveOpenMpWaits (core/util/openmp_waits.h): a program started without an OpenMP
// wait policy starts itself again with PASSIVE, once, with the same arguments; a policy someone
// set is kept as it is, without a restart.
#include <QProcess>
#include <QTest>

class OpenMpWaitsTest : public QObject {
  Q_OBJECT

 private:
  static QString run(const QProcessEnvironment& environment) {
    QProcess probe;
    probe.setProcessEnvironment(environment);
    probe.start(QStringLiteral(OPENMP_WAITS_PROBE), {QStringLiteral("an argument")});
    if (!probe.waitForFinished(30000) || probe.exitCode() != 0) return QStringLiteral("failed");
    return QString::fromUtf8(probe.readAllStandardOutput()).trimmed();
  }

 private slots:
  void withoutAPolicyTheProgramRestartsPassive() {
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("OMP_WAIT_POLICY"));
    environment.remove(QStringLiteral("PROBE_STARTS"));
    // Started again under its own name, not "exe": the window recognises its workers by name.
    QCOMPARE(run(environment), QStringLiteral("PASSIVE 2 openmp_waits_pr"));
  }

  void aPolicySomeoneSetIsKept() {
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("OMP_WAIT_POLICY"), QStringLiteral("ACTIVE"));
    environment.remove(QStringLiteral("PROBE_STARTS"));
    QCOMPARE(run(environment), QStringLiteral("ACTIVE 1 openmp_waits_pr"));
  }
};

QTEST_GUILESS_MAIN(OpenMpWaitsTest)
#include "tst_openmp_waits.moc"
