// The one decision of where a run trains: the GPU when a usable one is found (compute capability
// 8.0 or newer), the CPU otherwise, each with its reason; run.json's "backend" and "device" steer
// it, and asking for what the machine does not have is an error in words.
#include <QTest>

#include <stdexcept>
#include <string>

#include "core/hardware/backend_choice.h"
#include "core/util/error.h"
#include "kernels/gpu_products.h"

using namespace tiertune;
using hardware::BackendChoice;
using hardware::BackendRequest;
using Status = kernels::GpuReport::Status;

namespace {

kernels::GpuDevice card(int index, const char* name, int major, int minor, std::uint64_t gib) {
  kernels::GpuDevice gpu;
  gpu.index = index;
  gpu.name = name;
  gpu.computeMajor = major;
  gpu.computeMinor = minor;
  gpu.totalBytes = gib << 30;
  gpu.freeBytes = (gib << 30) - (1ull << 30);
  gpu.multiprocessors = 80;
  return gpu;
}

kernels::GpuReport found(std::initializer_list<kernels::GpuDevice> devices) {
  kernels::GpuReport report;
  report.status = Status::Found;
  report.devices = devices;
  return report;
}

kernels::GpuReport none(Status status, const char* detail = "") {
  kernels::GpuReport report;
  report.status = status;
  report.detail = detail;
  return report;
}

// The error's text, or "" when the call does not throw tiertune::Error.
template <typename F>
std::string errorOf(F&& call) {
  try {
    call();
  } catch (const Error& error) {
    return error.what();
  }
  return {};
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

class BackendChoiceTest : public QObject {
  Q_OBJECT

 private slots:
  void theRequestIsReadAndWritten() {
    for (const BackendRequest request : {BackendRequest::Auto, BackendRequest::Cuda, BackendRequest::Cpu}) {
      QCOMPARE(hardware::parseBackendRequest(hardware::toString(request)), std::optional(request));
    }
    QVERIFY(!hardware::parseBackendRequest("gpu"));
    QVERIFY(!hardware::parseBackendRequest("CUDA"));
    QVERIFY(!hardware::parseBackendRequest(""));
  }

  void autoTakesAUsableGpu() {
    const BackendChoice choice =
        hardware::chooseBackend(found({card(0, "NVIDIA RTX 4090", 8, 9, 24)}), BackendRequest::Auto, std::nullopt);
    QVERIFY(choice.onGpu());
    QCOMPARE(choice.gpu->name, std::string("NVIDIA RTX 4090"));
    QCOMPARE(choice.cpuReason, BackendChoice::CpuReason::None);
    QCOMPARE(hardware::describeChoice(choice), std::string("GPU 0: NVIDIA RTX 4090 (24.0 GiB), bf16 products"));
    // The products as the CUDA backend will compute them (kernels/gpu_products.h).
    qputenv("TIERTUNE_CUDA_PRODUCTS", "fp32");
    QCOMPARE(hardware::describeChoice(choice),
             std::string("GPU 0: NVIDIA RTX 4090 (24.0 GiB), fp32 products (TIERTUNE_CUDA_PRODUCTS=fp32)"));
    qputenv("TIERTUNE_CUDA_PRODUCTS", "half");
    QVERIFY(contains(hardware::describeChoice(choice), "TIERTUNE_CUDA_PRODUCTS is \"half\""));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, kernels::gpuProductsSetting());
    qunsetenv("TIERTUNE_CUDA_PRODUCTS");
  }

  // Without an index: the usable card with the most memory (most state stays resident); an older
  // card beside it is passed over whatever its memory.
  void withSeveralGpusTheLargestUsableOneTrains() {
    const auto report = found({card(0, "Quadro P6000", 6, 1, 48), card(1, "RTX A4000", 8, 6, 16),
                               card(2, "RTX A6000", 8, 6, 48), card(3, "RTX A6000", 8, 6, 48)});
    const BackendChoice choice = hardware::chooseBackend(report, BackendRequest::Auto, std::nullopt);
    QVERIFY(choice.onGpu());
    QCOMPARE(choice.gpu->index, 2);  // ties go to the lower index
    // An index picks that card.
    QCOMPARE(hardware::chooseBackend(report, BackendRequest::Cuda, 1).gpu->index, 1);
    // The report the planner sees holds the chosen card alone.
    const kernels::GpuReport seen = hardware::reportForChoice(report, choice);
    QCOMPARE(seen.status, Status::Found);
    QCOMPARE(seen.devices.size(), std::size_t(1));
    QCOMPARE(seen.devices[0].index, 2);
  }

  void anOlderGpuIsNotUsedAndTheReasonNamesIt() {
    const auto report = found({card(0, "NVIDIA GeForce GTX 1080", 6, 1, 8), card(1, "Tesla V100", 7, 0, 32)});
    const BackendChoice choice = hardware::chooseBackend(report, BackendRequest::Auto, std::nullopt);
    QVERIFY(!choice.onGpu());
    QCOMPARE(choice.cpuReason, BackendChoice::CpuReason::GpuTooOld);
    QCOMPARE(choice.olderGpu->name, std::string("Tesla V100"));  // the newest of them
    const std::string words = hardware::describeChoice(choice);
    QVERIFY2(contains(words, "CPU") && contains(words, "Tesla V100") && contains(words, "7.0") &&
                 contains(words, "8.0"),
             words.c_str());
    // The planner then sees no GPU: its device tier is the CPU backend's arena.
    const kernels::GpuReport seen = hardware::reportForChoice(report, choice);
    QVERIFY(seen.devices.empty());
    QVERIFY(seen.status != Status::Found);
    // Asking for it by name, or for the GPU at all, is an error that says why and what to do.
    const std::string byIndex = errorOf([&] { hardware::chooseBackend(report, BackendRequest::Cuda, 0); });
    QVERIFY2(contains(byIndex, "GTX 1080") && contains(byIndex, "6.1") && contains(byIndex, "\"cpu\""), byIndex.c_str());
    const std::string anyGpu = errorOf([&] { hardware::chooseBackend(report, BackendRequest::Cuda, std::nullopt); });
    QVERIFY2(contains(anyGpu, "Tesla V100") && contains(anyGpu, "\"auto\""), anyGpu.c_str());
    // "auto" with the old card's index: the CPU, for the same reason.
    QCOMPARE(hardware::chooseBackend(report, BackendRequest::Auto, 0).cpuReason, BackendChoice::CpuReason::GpuTooOld);
  }

  void withoutAGpuTheCpuTrainsAndSaysWhy() {
    struct Case {
      Status status;
      const char* detail;
      const char* words;
    };
    const Case cases[] = {
        {Status::NoDevice, "", "no NVIDIA GPU found"},
        {Status::DriverMissing, "libcuda.so.1: cannot open", "no NVIDIA GPU found"},
        {Status::DriverTooOld, "", "driver is too old"},
        {Status::NotBuiltWithCuda, "", "no GPU support"},
        {Status::LibraryMissing, "libcublas.so.13 is missing", "libcublas.so.13 is missing"},
        {Status::Error, "cudaGetDeviceCount: unknown error", "cudaGetDeviceCount: unknown error"},
    };
    for (const Case& c : cases) {
      const BackendChoice choice = hardware::chooseBackend(none(c.status, c.detail), BackendRequest::Auto, std::nullopt);
      QVERIFY(!choice.onGpu());
      QCOMPARE(choice.cpuReason, BackendChoice::CpuReason::NoGpu);
      const std::string words = hardware::describeChoice(choice);
      QVERIFY2(words.starts_with("CPU (") && contains(words, c.words), words.c_str());
      // "device" means nothing without GPUs under "auto"; "cuda" is an error naming the cause.
      QVERIFY(!hardware::chooseBackend(none(c.status, c.detail), BackendRequest::Auto, 1).onGpu());
      const std::string error = errorOf([&] { hardware::chooseBackend(none(c.status, c.detail), BackendRequest::Cuda, std::nullopt); });
      QVERIFY2(contains(error, "\"backend\": \"cuda\"") && contains(error, c.words) && contains(error, "\"cpu\"") &&
                   !contains(error, "training runs on the CPU"),
               error.c_str());
    }
  }

  void cpuIsTakenWhenAskedForEvenBesideAGpu() {
    const auto report = found({card(0, "NVIDIA H100 80GB HBM3", 9, 0, 80)});
    const BackendChoice choice = hardware::chooseBackend(report, BackendRequest::Cpu, 5);  // device ignored
    QVERIFY(!choice.onGpu());
    QCOMPARE(choice.cpuReason, BackendChoice::CpuReason::Requested);
    QVERIFY(contains(hardware::describeChoice(choice), "asks for it"));
    QVERIFY(hardware::reportForChoice(report, choice).devices.empty());
  }

  void aGpuIndexTheMachineLacksIsAnError() {
    const auto report = found({card(0, "NVIDIA H100 80GB HBM3", 9, 0, 80)});
    for (const BackendRequest request : {BackendRequest::Auto, BackendRequest::Cuda}) {
      const std::string error = errorOf([&] { hardware::chooseBackend(report, request, 1); });
      QVERIFY2(contains(error, "GPU 1") && contains(error, "1 GPU,") && contains(error, "doctor"), error.c_str());
    }
  }

  // The CPU choice makes the CPU backend with the arena cap the planner gave it.
  void theCpuChoiceMakesTheCappedCpuBackend() {
    const BackendChoice choice = hardware::chooseBackend(none(Status::NoDevice), BackendRequest::Auto, std::nullopt);
    const auto backend = hardware::makeChosenBackend(choice, 1 << 20);
    QCOMPARE(backend->name(), std::string("cpu"));
    QCOMPARE(backend->memoryUse().limit, std::size_t(1) << 20);
  }
};

QTEST_GUILESS_MAIN(BackendChoiceTest)
#include "tst_backend_choice.moc"
