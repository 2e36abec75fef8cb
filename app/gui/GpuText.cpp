#include "app/gui/GpuText.h"

#include <QCoreApplication>
#include <QLocale>
#include <QStringList>
#include <algorithm>

#include "app/gui/NumberText.h"

// The translation context of these words. Outside every namespace: the context tr() looks up at
// run time is the macro's argument as written, and lupdate files the words under the class's full
// name, so the two agree only here.
class GpuText {
  Q_DECLARE_TR_FUNCTIONS(GpuText)
};

namespace tiertune::gui {
namespace {

QString version(int cudaVersion) {
  return QString::fromStdString(kernels::cudaVersionText(cudaVersion));
}

}  // namespace

QString describeGpus(const kernels::GpuReport& report) {
  using Status = kernels::GpuReport::Status;
  switch (report.status) {
    case Status::Found: {
      QStringList lines;
      for (const auto& device : report.devices) {
        lines << GpuText::tr("%1 — %2, compute capability %3.%4, %5 multiprocessors")
                     .arg(QString::fromStdString(device.name),
                          byteSizeText(static_cast<quint64>(device.totalBytes)))
                     .arg(device.computeMajor)
                     .arg(device.computeMinor)
                     .arg(device.multiprocessors);
      }
      lines << GpuText::tr("NVIDIA driver for CUDA %1").arg(version(report.driverVersion));
      return lines.join('\n');
    }
    case Status::NoDevice:
    case Status::DriverMissing:
      return GpuText::tr("No NVIDIA GPU found — training runs on the CPU.");
    case Status::DriverTooOld:
      return GpuText::tr("The NVIDIA driver is too old (it supports CUDA %1, Tiertune needs %2). Update "
                "the driver to train on the GPU; until then training runs on the CPU.")
          .arg(version(report.driverVersion), version(report.runtimeVersion));
    case Status::NotBuiltWithCuda:
      return GpuText::tr("This copy of Tiertune was built without GPU support — training runs on the CPU.");
    case Status::LibraryMissing:
      return GpuText::tr("The GPU cannot be used: %1. Training runs on the CPU.").arg(QString::fromStdString(report.detail));
    case Status::Error:
      return GpuText::tr("The GPU could not be used (%1) — training runs on the CPU.")
          .arg(QString::fromStdString(report.detail));
  }
  return {};
}

QString describeTrainingChoice(const hardware::BackendChoice& choice) {
  using Reason = hardware::BackendChoice::CpuReason;
  if (choice.gpu) {
    return GpuText::tr("Training runs on the graphics card %1 (%2).")
        .arg(QString::fromStdString(choice.gpu->name), byteSizeText(static_cast<quint64>(choice.gpu->totalBytes)));
  }
  switch (choice.cpuReason) {
    case Reason::Requested:
      return GpuText::tr("Training runs on the processor, as the run's settings ask.");
    case Reason::GpuTooOld:
      return GpuText::tr("Training runs on the processor: the graphics card %1 (compute capability %2.%3) is older "
                         "than GPU training needs (%4.0 or newer, NVIDIA Ampere and later).")
          .arg(QString::fromStdString(choice.olderGpu->name))
          .arg(choice.olderGpu->computeMajor)
          .arg(choice.olderGpu->computeMinor)
          .arg(hardware::kMinimumComputeMajor);
    case Reason::NoGpu:
    case Reason::None:
      break;
  }
  using Status = kernels::GpuReport::Status;
  switch (choice.gpuStatus) {
    case Status::DriverTooOld:
      return GpuText::tr("Training runs on the processor: the NVIDIA driver is too old. Update it to train on the "
                         "graphics card.");
    case Status::NotBuiltWithCuda:
      return GpuText::tr("Training runs on the processor: this copy of Tiertune was built without GPU support.");
    case Status::LibraryMissing:
    case Status::Error:
      return GpuText::tr("Training runs on the processor: the graphics card cannot be used (%1).")
          .arg(QString::fromStdString(choice.gpuDetail));
    case Status::Found:
    case Status::NoDevice:
    case Status::DriverMissing:
      break;
  }
  return GpuText::tr("Training runs on the processor: no NVIDIA graphics card was found.");
}

QString describeTrainingDevice(const catalog::TrainingDevice& device) {
  const QString name = QString::fromStdString(device.name);
  const QString memory = byteSizeText(static_cast<quint64>(std::max<std::int64_t>(device.memoryBytes, 0)));
  if (device.kind == catalog::TrainingDevice::Kind::Cuda) return GpuText::tr("%1 (graphics card, %2)").arg(name, memory);
  return GpuText::tr("%1 (processor, %2 of RAM)").arg(name, memory);
}

}  // namespace tiertune::gui
