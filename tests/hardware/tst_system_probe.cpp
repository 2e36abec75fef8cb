// CPU and memory facts: the /proc parsers on canned text, then the probes on this machine.
#include <QTest>
#include <filesystem>
#include <fstream>

#include "core/hardware/system_probe.h"
#include "support/scratch.h"

using namespace tiertune::hardware;
namespace fs = std::filesystem;

namespace {

void writeFile(const fs::path& file, const std::string& text) {
  fs::create_directories(file.parent_path());
  std::ofstream(file) << text;
}

// Two packages of two cores with two threads each, as /proc/cpuinfo lists them.
std::string twoSocketCpuinfo() {
  std::string text;
  int processor = 0;
  for (int package = 0; package < 2; ++package) {
    for (int thread = 0; thread < 2; ++thread) {
      for (int core = 0; core < 2; ++core) {
        text += "processor\t: " + std::to_string(processor++) + "\n";
        text += "model name\t: Intel(R) Xeon(R) Gold 6230 CPU @ 2.10GHz\n";
        text += "physical id\t: " + std::to_string(package) + "\n";
        text += "core id\t\t: " + std::to_string(core) + "\n";
        text += "flags\t\t: fpu sse2 avx avx2 avx512f avx512bw\n\n";
      }
    }
  }
  return text;
}

}  // namespace

class SystemProbeTest : public QObject {
  Q_OBJECT

 private slots:
  void parsesAnX86Cpuinfo() {
    const CpuInfo cpu = parseCpuInfo(twoSocketCpuinfo(), 8);
    QCOMPARE(cpu.model, std::string("Intel(R) Xeon(R) Gold 6230 CPU @ 2.10GHz"));
    QCOMPARE(cpu.logicalCores, 8);
    QCOMPARE(cpu.physicalCores, 4);
    QVERIFY(cpu.hasAvx2);
    QVERIFY(cpu.hasAvx512);
  }

  void flagsMatchWholeWords() {
    // "avx512vl" alone is not avx512f, and "avx2x" is not avx2.
    const CpuInfo cpu = parseCpuInfo("model name : X\nflags : avx avx2x avx512vl\n", 1);
    QVERIFY(!cpu.hasAvx2);
    QVERIFY(!cpu.hasAvx512);
  }

  void parsesAnArmCpuinfoWithoutModelName() {
    const std::string text =
        "processor\t: 0\nBogoMIPS\t: 50.00\nFeatures\t: fp asimd\nCPU implementer\t: 0x41\n\n"
        "processor\t: 1\nBogoMIPS\t: 50.00\nFeatures\t: fp asimd\nCPU implementer\t: 0x41\n";
    const CpuInfo cpu = parseCpuInfo(text, 2);
    QCOMPARE(cpu.model, std::string("unknown"));
    QCOMPARE(cpu.logicalCores, 2);
    QCOMPARE(cpu.physicalCores, 2);  // no core ids: every logical processor counts
    QVERIFY(!cpu.hasAvx2);
  }

  void physicalCoresNeverExceedOnlineProcessors() {
    // A cpuset that leaves 2 of 8 processors online.
    QCOMPARE(parseCpuInfo(twoSocketCpuinfo(), 2).physicalCores, 2);
  }

  // A processor block without "physical id" (seen in some VMs) must not inherit the previous one's.
  void aMissingPhysicalIdIsNotCarriedOver() {
    const std::string text =
        "processor : 0\nphysical id : 0\ncore id : 0\n\n"
        "processor : 1\ncore id : 0\n\n";
    QCOMPARE(parseCpuInfo(text, 2).physicalCores, 2);
  }

  void parsesMeminfo() {
    const MemoryInfo memory = parseMemInfo(
        "MemTotal:       16314412 kB\nMemFree:         1021000 kB\nMemAvailable:   12000000 kB\n"
        "Buffers:          123456 kB\n");
    QCOMPARE(memory.totalBytes, 16314412ull * 1024);
    QCOMPARE(memory.availableBytes, 12000000ull * 1024);
  }

  void oldKernelsWithoutMemAvailableFallBackToMemFree() {
    const MemoryInfo memory = parseMemInfo("MemTotal: 2048 kB\nMemFree: 1024 kB\n");
    QCOMPARE(memory.totalBytes, 2048ull * 1024);
    QCOMPARE(memory.availableBytes, 1024ull * 1024);
  }

  // cgroup v2 inside a namespace: the mount's root is our own cgroup.
  void readsTheCgroupV2LimitOfANamespace() {
    auto scratch = tiertune::test::makeScratchDir();
    const fs::path root = scratch->path().toStdString();
    writeFile(root / "memory.max", "25769803776\n");
    QCOMPARE(cgroupMemoryLimit("0::/\n", root), 25769803776ull);
    writeFile(root / "memory.max", "max\n");
    QCOMPARE(cgroupMemoryLimit("0::/\n", root), 0ull);
  }

  // cgroup v2 without a namespace: the lowest limit on the path from the root to our cgroup.
  void takesTheLowestLimitOfTheAncestors() {
    auto scratch = tiertune::test::makeScratchDir();
    const fs::path root = scratch->path().toStdString();
    writeFile(root / "user.slice" / "memory.max", "8589934592\n");
    writeFile(root / "user.slice" / "session-3.scope" / "memory.max", "max\n");
    QCOMPARE(cgroupMemoryLimit("0::/user.slice/session-3.scope\n", root), 8589934592ull);
    writeFile(root / "user.slice" / "session-3.scope" / "memory.max", "4294967296\n");
    QCOMPARE(cgroupMemoryLimit("0::/user.slice/session-3.scope\n", root), 4294967296ull);
    // A path outside our namespace's view is not followed.
    QCOMPARE(cgroupMemoryLimit("0::/../../other\n", root), 0ull);
  }

  // cgroup v1 (hybrid hosts, older Docker): the memory controller's own hierarchy.
  void readsTheCgroupV1MemoryController() {
    auto scratch = tiertune::test::makeScratchDir();
    const fs::path root = scratch->path().toStdString();
    writeFile(root / "memory" / "memory.limit_in_bytes", "9223372036854771712\n");  // no limit
    writeFile(root / "memory" / "docker" / "abc" / "memory.limit_in_bytes", "2147483648\n");
    writeFile(root / "cpu" / "docker" / "abc" / "memory.limit_in_bytes", "1024\n");  // not memory
    const std::string cgroup = "12:cpu,cpuacct:/docker/abc\n4:memory:/docker/abc\n0::/\n";
    QCOMPARE(cgroupMemoryLimit(cgroup, root), 2147483648ull);
    QCOMPARE(cgroupMemoryLimit("", root), 0ull);
    QCOMPARE(cgroupMemoryLimit("garbage\n", root), 0ull);
  }

  void probesThisMachine() {
    const CpuInfo cpu = probeCpu();
    QVERIFY(cpu.logicalCores >= 1);
    QVERIFY(cpu.physicalCores >= 1);
    QVERIFY(cpu.physicalCores <= cpu.logicalCores);
    QVERIFY(!cpu.model.empty());
    const MemoryInfo memory = probeMemory();
    QVERIFY(memory.totalBytes > 64ull << 20);
    QVERIFY(memory.availableBytes > 0);
    QVERIFY(memory.availableBytes <= memory.totalBytes);
  }
};

QTEST_GUILESS_MAIN(SystemProbeTest)
#include "tst_system_probe.moc"
