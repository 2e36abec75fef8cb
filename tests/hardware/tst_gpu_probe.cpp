// The GPU probe: never throws, and says plainly what it found. On machines without a GPU (CI) a
// CUDA build must report the missing driver or device, not fail.
#include <QTest>

#include "kernels/gpu_probe.h"

using namespace tiertune::kernels;

class GpuProbeTest : public QObject {
  Q_OBJECT

 private slots:
  void versionText() {
    QCOMPARE(cudaVersionText(13000), std::string("13.0"));
    QCOMPARE(cudaVersionText(12040), std::string("12.4"));
    QCOMPARE(cudaVersionText(11080), std::string("11.8"));
    QCOMPARE(cudaVersionText(0), std::string("none"));
    QCOMPARE(cudaVersionText(-1), std::string("none"));
  }

  void reportsWhatThisMachineHas() {
    const GpuReport report = probeGpus();
    QVERIFY(!report.detail.empty());
    if (!builtWithCuda()) {
      QCOMPARE(report.status, GpuReport::Status::NotBuiltWithCuda);
      QCOMPARE(report.runtimeVersion, 0);
      QVERIFY(report.devices.empty());
      return;
    }
    // A build with CUDA on a machine whose CUDA libraries (cuBLAS) cannot be found: the module
    // that holds the runtime did not load, and the detail names what was missing.
    if (report.status == GpuReport::Status::LibraryMissing) {
      QVERIFY(report.devices.empty());
      QCOMPARE(report.runtimeVersion, 0);
      qInfo("the CUDA module did not load: %s", report.detail.c_str());
      return;
    }
    QVERIFY(report.runtimeVersion >= 12000);
    if (report.status == GpuReport::Status::Found) {
      QVERIFY(!report.devices.empty());
      for (const GpuDevice& device : report.devices) {
        QVERIFY(!device.name.empty());
        QVERIFY(device.totalBytes > 0);
        QVERIFY(device.freeBytes <= device.totalBytes);
        QVERIFY(device.computeMajor >= 5);
        QVERIFY(device.multiprocessors > 0);
      }
      QVERIFY(report.driverVersion > 0);
    } else {
      QVERIFY(report.devices.empty());
      // No driver at all (cudaDriverGetVersion gave 0) is always DriverMissing.
      if (report.driverVersion == 0) QCOMPARE(report.status, GpuReport::Status::DriverMissing);
      QVERIFY2(report.status == GpuReport::Status::DriverMissing ||
                   report.status == GpuReport::Status::NoDevice ||
                   report.status == GpuReport::Status::DriverTooOld,
               report.detail.c_str());
      qInfo("no GPU here: %s", report.detail.c_str());
    }
  }

  void probingTwiceGivesTheSameAnswer() {
    const GpuReport first = probeGpus();
    const GpuReport second = probeGpus();
    QCOMPARE(second.status, first.status);
    QCOMPARE(second.devices.size(), first.devices.size());
  }
};

QTEST_GUILESS_MAIN(GpuProbeTest)
#include "tst_gpu_probe.moc"
