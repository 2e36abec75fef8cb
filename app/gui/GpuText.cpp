#include "app/gui/GpuText.h"

#include <QCoreApplication>
#include <QLocale>
#include <QStringList>

#include "app/gui/NumberText.h"

namespace tiertune::gui {
namespace {

QString tr(const char* text) { return QCoreApplication::translate("GpuText", text); }

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
        lines << tr("%1 — %2, compute capability %3.%4, %5 multiprocessors")
                     .arg(QString::fromStdString(device.name),
                          byteSizeText(static_cast<quint64>(device.totalBytes)))
                     .arg(device.computeMajor)
                     .arg(device.computeMinor)
                     .arg(device.multiprocessors);
      }
      lines << tr("NVIDIA driver for CUDA %1").arg(version(report.driverVersion));
      return lines.join('\n');
    }
    case Status::NoDevice:
    case Status::DriverMissing:
      return tr("No NVIDIA GPU found — training runs on the CPU.");
    case Status::DriverTooOld:
      return tr("The NVIDIA driver is too old (it supports CUDA %1, Tiertune needs %2). Update "
                "the driver to train on the GPU; until then training runs on the CPU.")
          .arg(version(report.driverVersion), version(report.runtimeVersion));
    case Status::NotBuiltWithCuda:
      return tr("This copy of Tiertune was built without GPU support — training runs on the CPU.");
    case Status::LibraryMissing:
      return tr("The GPU cannot be used: %1. Training runs on the CPU.").arg(QString::fromStdString(report.detail));
    case Status::Error:
      return tr("The GPU could not be used (%1) — training runs on the CPU.")
          .arg(QString::fromStdString(report.detail));
  }
  return {};
}

}  // namespace tiertune::gui
