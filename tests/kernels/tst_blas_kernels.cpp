// The CPU backend's matrix kernels chosen from the processor's features: the features as CPUID
// reports them (held against /proc/cpuinfo, an independent reading), the kernels each set of
// features calls for, the switch itself, and the fallback when the chosen kernels fail their
// check product.
#include <QTest>

#include <cstdlib>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include "kernels/backend.h"
#include "kernels/cpu/blas_kernels.h"

using namespace tiertune::kernels::cpu;

namespace {

// The flags of the first processor in /proc/cpuinfo; empty where there is none.
std::set<std::string> cpuinfoFlags() {
  std::ifstream cpuinfo("/proc/cpuinfo");
  std::string line;
  while (std::getline(cpuinfo, line)) {
    if (line.rfind("flags", 0) != 0) continue;
    std::istringstream words(line.substr(line.find(':') + 1));
    std::set<std::string> flags;
    for (std::string flag; words >> flag;) flags.insert(flag);
    return flags;
  }
  return {};
}

CpuFeatures features(bool avx2, bool fma, bool avx512, bool bf16) {
  CpuFeatures f;
  f.avx2 = avx2;
  f.fma = fma;
  f.avx512 = avx512;
  f.avx512Bf16 = bf16;
  return f;
}

}  // namespace

class BlasKernelsTest : public QObject {
  Q_OBJECT

 private slots:
  // The OpenBLAS the programs load is the OpenMP build, whatever Debian's alternatives point to:
  // one thread pool with the CPU backend's loops (kernels/CMakeLists.txt says why).
  void matrixProductsShareTheThreadsOfTheOtherOps() { QCOMPARE(blasThreading(), std::string("OpenMP")); }

  void theFeaturesNameTheKernels() {
    QCOMPARE(coreTypeFor(features(true, true, true, true)), std::string("Cooperlake"));
    QCOMPARE(coreTypeFor(features(true, true, true, false)), std::string("SkylakeX"));
    QCOMPARE(coreTypeFor(features(true, true, false, false)), std::string("Haswell"));
    QCOMPARE(coreTypeFor(features(true, false, false, false)), std::string());  // AVX2 without FMA
    QCOMPARE(coreTypeFor(features(false, false, false, false)), std::string());
  }

  void cpuidAgreesWithTheKernelsReport() {
    const std::set<std::string> flags = cpuinfoFlags();
    if (flags.empty()) QSKIP("no flags in /proc/cpuinfo");
    const CpuFeatures read = readCpuFeatures();
    QCOMPARE(read.avx2, flags.contains("avx2"));
    QCOMPARE(read.fma, flags.contains("fma"));
    QCOMPARE(read.avx512, flags.contains("avx512f") && flags.contains("avx512bw") && flags.contains("avx512dq") &&
                              flags.contains("avx512vl"));
    QCOMPARE(read.avx512Bf16, read.avx512 && flags.contains("avx512_bf16"));
    QCOMPARE(read.amxBf16, flags.contains("amx_bf16"));
  }

  // In use after the CPU backend is made: the kernels the features call for, unless OpenBLAS's own
  // choice is as wide; either way they compute the check product right.
  void theBackendComputesWithTheBestKernels() {
    const auto backend = tiertune::kernels::makeCpuBackend();
    const BlasKernels& kernels = useBestBlasKernels();
    QVERIFY(!kernels.core.empty());
    QVERIFY(blasSelfCheck());
    qInfo("%s", describeBlasKernels(kernels).c_str());
    const std::string wanted = coreTypeFor(readCpuFeatures());
    if (kernels.chosenFromFeatures) {
      QVERIFY(QString::fromStdString(kernels.core).compare(QString::fromStdString(wanted), Qt::CaseInsensitive) == 0);
      QCOMPARE(kernels.kept, BlasKernels::Kept::None);
    }
  }

  // From the generic kernels (as OpenBLAS gives an unknown processor) to AVX2's; a failed check
  // goes back to OpenBLAS's own choice and says so; a set OPENBLAS_CORETYPE is left alone.
  void aFailedCheckFallsBackAndSaysSo() {
    const CpuFeatures real = readCpuFeatures();
    if (!real.avx2 || !real.fma) QSKIP("this processor has no AVX2 and FMA to switch to");
    const std::string best = useBestBlasKernels().core;
    // A machine may set the variable for every program (as this project's build machines do).
    const char* set = std::getenv("OPENBLAS_CORETYPE");
    const std::string outside = set ? set : "";
    unsetenv("OPENBLAS_CORETYPE");
    if (switchBlasKernels("Prescott").empty()) QSKIP("this OpenBLAS cannot switch its kernels");
    const CpuFeatures avx2 = features(true, true, false, false);

    const BlasKernels passed = chooseBlasKernels(avx2, [] { return true; });
    QCOMPARE(passed.openBlasChoice, std::string("Prescott"));
    QCOMPARE(passed.core, std::string("Haswell"));
    QVERIFY(passed.chosenFromFeatures);
    QVERIFY(blasSelfCheck());

    switchBlasKernels("Prescott");
    const BlasKernels failed = chooseBlasKernels(avx2, [] { return false; });
    QCOMPARE(failed.core, std::string("Prescott"));
    QVERIFY(!failed.chosenFromFeatures);
    QCOMPARE(failed.kept, BlasKernels::Kept::CheckFailed);
    QCOMPARE(failed.wanted, std::string("Haswell"));
    const std::string words = describeBlasKernels(failed);
    QVERIFY2(words.find("Prescott kernels (OpenBLAS's choice): its Haswell kernels computed a check product wrongly") !=
                 std::string::npos,
             words.c_str());

    setenv("OPENBLAS_CORETYPE", "Prescott", 1);
    const BlasKernels asked = chooseBlasKernels(avx2, [] { return true; });
    unsetenv("OPENBLAS_CORETYPE");
    QCOMPARE(asked.core, std::string("Prescott"));
    QCOMPARE(asked.kept, BlasKernels::Kept::CoreTypeSet);
    QVERIFY(describeBlasKernels(asked).find("OPENBLAS_CORETYPE is set") != std::string::npos);
    QVERIFY(std::getenv("OPENBLAS_CORETYPE") == nullptr);  // the switch leaves the environment as it was

    QCOMPARE(switchBlasKernels(best), best);
    if (!outside.empty()) setenv("OPENBLAS_CORETYPE", outside.c_str(), 1);
  }
};

QTEST_GUILESS_MAIN(BlasKernelsTest)
#include "tst_blas_kernels.moc"
