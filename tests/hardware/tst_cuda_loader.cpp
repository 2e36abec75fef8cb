// The CUDA module loader (kernels/cuda_loader.h): the real module loads, or names the CUDA
// library this machine lacks; a missing dependency, a file that is not a module, a module of
// another version and a missing file are each reported in words that name the file.
#include <QTest>

#include "kernels/cuda_loader.h"

using namespace tiertune::kernels;

namespace {

bool startsWith(const std::string& text, const std::string& prefix) { return text.rfind(prefix, 0) == 0; }

}  // namespace

class CudaLoaderTest : public QObject {
  Q_OBJECT

 private slots:
  void theBuiltModuleLoadsOrNamesTheMissingLibrary() {
    const CudaModuleLoad load = loadCudaModule(TIERTUNE_REAL_MODULE);
    if (load.module == nullptr) {
      // A build machine whose cuBLAS is outside the library path: then only this may fail.
      QVERIFY2(load.failure.find(" is missing: the GPU backend needs NVIDIA's CUDA") != std::string::npos,
               load.failure.c_str());
      return;
    }
    QCOMPARE(load.module->abi, kCudaModuleAbi);
    const GpuReport report = load.module->probeGpus(ProbeContext::Release);
    QVERIFY(!report.detail.empty());
    QVERIFY(report.runtimeVersion >= 12000);
  }

  void namesTheLibraryAModuleNeeds() {
    const CudaModuleLoad load = loadCudaModule(TIERTUNE_FAKE_NEEDS_ABSENT);
    QVERIFY(load.module == nullptr);
    QVERIFY2(startsWith(load.failure, "libtiertune-fake-absent.so is missing: the GPU backend needs NVIDIA's CUDA "),
             load.failure.c_str());
    QVERIFY2(load.failure.find(TIERTUNE_FAKE_NEEDS_ABSENT) != std::string::npos, load.failure.c_str());
  }

  // Without the NVIDIA driver a missing CUDA library means no usable GPU ("No NVIDIA GPU found"),
  // not advice to install NVIDIA's libraries; with the driver it names the library.
  void aMissingLibraryWithoutTheDriverIsNoGpu() {
    const CudaModuleLoad load = loadCudaModule(TIERTUNE_FAKE_NEEDS_ABSENT);
    QVERIFY(load.libraryMissing);
    const GpuReport withoutDriver = unloadedModuleReport(load, false);
    QCOMPARE(withoutDriver.status, GpuReport::Status::DriverMissing);
    QCOMPARE(withoutDriver.detail, "no NVIDIA driver (libcuda) found; " + load.failure);
    const GpuReport withDriver = unloadedModuleReport(load, true);
    QCOMPARE(withDriver.status, GpuReport::Status::LibraryMissing);
    QCOMPARE(withDriver.detail, load.failure);
  }

  // A module that is not Tiertune's is an installation problem, reported as such with or without
  // the driver.
  void aBrokenModuleIsReportedWithoutTheDriverToo() {
    const CudaModuleLoad load = loadCudaModule(TIERTUNE_FAKE_NOT_A_MODULE);
    QVERIFY(!load.libraryMissing);
    QCOMPARE(unloadedModuleReport(load, false).status, GpuReport::Status::LibraryMissing);
  }

  void refusesAFileThatIsNotAModule() {
    const CudaModuleLoad load = loadCudaModule(TIERTUNE_FAKE_NOT_A_MODULE);
    QVERIFY(load.module == nullptr);
    QCOMPARE(load.failure, std::string(TIERTUNE_FAKE_NOT_A_MODULE) +
                               " is not a Tiertune CUDA module (it has no tiertune_cuda_module)");
  }

  void refusesAModuleOfAnotherVersion() {
    const CudaModuleLoad load = loadCudaModule(TIERTUNE_FAKE_WRONG_ABI);
    QVERIFY(load.module == nullptr);
    QCOMPARE(load.failure, std::string(TIERTUNE_FAKE_WRONG_ABI) + " belongs to another version of Tiertune (module "
                               "interface " + std::to_string(kCudaModuleAbi + 1) + ", this program needs " +
                               std::to_string(kCudaModuleAbi) + "): reinstall Tiertune");
  }

  void reportsAMissingFile() {
    const CudaModuleLoad load = loadCudaModule("/nonexistent/libtiertune-cuda.so");
    QVERIFY(load.module == nullptr);
    QVERIFY2(startsWith(load.failure, "cannot load /nonexistent/libtiertune-cuda.so: "), load.failure.c_str());
  }

  void looksBesideTheProgramThenInTheInstallFolder() {
    const auto folders = cudaModuleFolders("/opt/tiertune/bin");
    QCOMPARE(folders.size(), std::size_t{2});
    QCOMPARE(folders[0].string(), std::string("/opt/tiertune/bin"));
    QCOMPARE(folders[1].string(), std::string("/opt/tiertune/lib/tiertune"));
    QVERIFY(cudaModuleFolders({}).empty());
  }
};

QTEST_GUILESS_MAIN(CudaLoaderTest)
#include "tst_cuda_loader.moc"
