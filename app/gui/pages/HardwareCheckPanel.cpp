#include "app/gui/pages/HardwareCheckPanel.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

#include "app/gui/AppContext.h"
#include "app/gui/BackgroundJob.h"
#include "app/gui/GpuText.h"
#include "app/gui/NumberText.h"
#include "app/gui/TimeText.h"
#include "core/hardware/disk_speed_record.h"
#include "core/util/error.h"

namespace tiertune::gui {
namespace {

QLabel* valueLabel() {
  auto* label = new QLabel(HardwareCheckPanel::tr("checking…"));
  label->setWordWrap(true);
  label->setTextInteractionFlags(Qt::TextSelectableByMouse);
  return label;
}

QString bytes(std::uint64_t count) {
  return byteSizeText(static_cast<quint64>(count));
}

QString rate(double bytesPerSecond) {
  return HardwareCheckPanel::tr("%1/s").arg(QLocale().formattedDataSize(
      static_cast<qint64>(bytesPerSecond), 2, QLocale::DataSizeSIFormat));
}

// The kernels the processor's matrix products run on, and why when they are not the widest it can
// run.
QString blasKernelsText(const kernels::cpu::BlasKernels& blas) {
  using Kept = kernels::cpu::BlasKernels::Kept;
  const QString core = QString::fromStdString(blas.core);
  const QString wanted = QString::fromStdString(blas.wanted);
  if (blas.kept == Kept::CoreTypeSet) return HardwareCheckPanel::tr("%1, as the OPENBLAS_CORETYPE variable asks").arg(core);
  QString text = blas.chosenFromFeatures
                     ? HardwareCheckPanel::tr("%1, chosen from the processor's features (OpenBLAS alone picks %2)")
                           .arg(core, QString::fromStdString(blas.openBlasChoice))
                     : HardwareCheckPanel::tr("%1, as OpenBLAS picks them").arg(core);
  switch (blas.kept) {
    case Kept::None:
    case Kept::CoreTypeSet: break;
    case Kept::CannotSwitch:
      text += QLatin1Char('\n') + HardwareCheckPanel::tr("This OpenBLAS cannot switch to its faster %1 kernels.").arg(wanted);
      break;
    case Kept::NotOffered:
      text += QLatin1Char('\n') + HardwareCheckPanel::tr("This OpenBLAS has no %1 kernels.").arg(wanted);
      break;
    case Kept::CheckFailed:
      text += QLatin1Char('\n') + HardwareCheckPanel::tr("The faster %1 kernels computed a check product wrongly "
                                                         "on this processor, so they are not used.")
                                      .arg(wanted);
      break;
  }
  return text;
}

// How frozen bf16 weights multiply: on the processor's bf16 instructions, or widened, and why.
QString bf16ProductsText(const kernels::cpu::Bf16Products& bf16) {
  using Reason = kernels::cpu::Bf16Products::Reason;
  switch (bf16.reason) {
    case Reason::InUse:
      return HardwareCheckPanel::tr("16-bit weights: on the processor's bf16 instructions (%1)")
          .arg(QString::fromStdString(bf16.library));
    case Reason::NoInstructions:
      return HardwareCheckPanel::tr("16-bit weights: widened to 32 bits (this processor has no bf16 instructions)");
    case Reason::NotBuilt:
    case Reason::NoLibrary:
      return HardwareCheckPanel::tr("16-bit weights: widened to 32 bits. Installing oneDNN (the libdnnl2 package) "
                                    "would make LoRA over a bf16 model about twice as fast here.");
    case Reason::CheckFailed:
      return HardwareCheckPanel::tr("16-bit weights: widened to 32 bits (oneDNN computed a check product wrongly "
                                    "on this processor, so it is not used)");
    case Reason::TurnedOff:
      return HardwareCheckPanel::tr("16-bit weights: widened to 32 bits, as the TIERTUNE_CPU_BF16_PRODUCTS "
                                    "variable asks");
  }
  return {};
}

}  // namespace

HardwareCheckPanel::HardwareCheckPanel(AppContext& context, QWidget* parent)
    : QWidget(parent),
      context_(context),
      cpu_(valueLabel()),
      kernels_(valueLabel()),
      memory_(valueLabel()),
      gpu_(valueLabel()),
      training_(valueLabel()),
      offload_(valueLabel()),
      speed_(new QLabel(tr("not measured yet"))),
      progress_(new QProgressBar),
      recheck_(new QPushButton(tr("Check again"))),
      measure_(new QPushButton(tr("Measure disk speed"))),
      cancel_(new QPushButton(tr("Cancel"))) {
  setObjectName(QStringLiteral("hardwareCheck"));
  cpu_->setObjectName(QStringLiteral("cpuValue"));
  kernels_->setObjectName(QStringLiteral("kernelsValue"));
  memory_->setObjectName(QStringLiteral("memoryValue"));
  gpu_->setObjectName(QStringLiteral("gpuValue"));
  training_->setObjectName(QStringLiteral("trainingValue"));
  offload_->setObjectName(QStringLiteral("offloadValue"));
  speed_->setObjectName(QStringLiteral("speedValue"));
  speed_->setWordWrap(true);
  progress_->setObjectName(QStringLiteral("speedProgress"));
  measure_->setObjectName(QStringLiteral("measureSpeed"));
  cancel_->setObjectName(QStringLiteral("cancelSpeed"));
  measure_->setToolTip(tr("Writes and reads a scratch file in the offload folder for a few "
                          "seconds, bypassing the cache, to see how fast the tier on disk is."));

  auto* form = new QFormLayout;
  form->addRow(tr("Processor:"), cpu_);
  form->addRow(tr("Matrix kernels:"), kernels_);
  form->addRow(tr("Memory:"), memory_);
  form->addRow(tr("GPU:"), gpu_);
  form->addRow(tr("Training:"), training_);
  form->addRow(tr("Offload folder:"), offload_);
  form->addRow(tr("Disk speed:"), speed_);

  progress_->setRange(0, 100);
  progress_->setVisible(false);
  cancel_->setVisible(false);
  auto* buttons = new QHBoxLayout;
  buttons->addWidget(recheck_);
  buttons->addWidget(measure_);
  buttons->addWidget(progress_, 1);
  buttons->addWidget(cancel_);
  buttons->addStretch();

  auto* layout = new QVBoxLayout(this);
  layout->addLayout(form);
  layout->addLayout(buttons);

  connect(recheck_, &QPushButton::clicked, this, &HardwareCheckPanel::probe);
  connect(measure_, &QPushButton::clicked, this, &HardwareCheckPanel::measureDiskSpeed);
  connect(cancel_, &QPushButton::clicked, this, &HardwareCheckPanel::cancelMeasurement);
  connect(&context_, &AppContext::settingsChanged, this, &HardwareCheckPanel::probe);
  probe();
}

HardwareCheckPanel::~HardwareCheckPanel() = default;

void HardwareCheckPanel::probe() {
  recheck_->setEnabled(false);
  const std::filesystem::path offload = context_.settings().offloadFolder;
  // The CUDA runtime can take a second or two to start: keep the window responsive.
  probeJob_.start(
      this, [offload](std::stop_token) { return hardware::probeHardware(offload); },
      [](HardwareCheckPanel& panel, hardware::HardwareReport report) { panel.takeReport(std::move(report)); },
      [offload](HardwareCheckPanel& panel, const QString& failure) {
        // Said where the disk is.
        hardware::HardwareReport report;
        report.offloadFolder = offload;
        report.diskError = failure.toStdString();
        panel.takeReport(std::move(report));
      });
}

void HardwareCheckPanel::takeReport(hardware::HardwareReport report) {
  const auto speed = report_ ? report_->diskSpeed : std::nullopt;
  report_ = std::move(report);
  if (report_->offloadFolder == context_.settings().offloadFolder) {
    report_->diskSpeed = speed;  // still the same folder: keep its measurement
  }
  recheck_->setEnabled(true);
  showReport();
  emit probed();
}

void HardwareCheckPanel::showReport() {
  const auto& report = *report_;
  const auto& cpu = report.cpu;
  QString simd = cpu.hasAvx512 ? QStringLiteral(", AVX-512") : cpu.hasAvx2 ? QStringLiteral(", AVX2") : QString();
  cpu_->setText(tr("%1 — %2 cores, %3 threads%4")
                    .arg(QString::fromStdString(cpu.model))
                    .arg(cpu.physicalCores)
                    .arg(cpu.logicalCores)
                    .arg(simd));
  kernels_->setText(blasKernelsText(report.blas) + QLatin1Char('\n') + bf16ProductsText(report.bf16) +
                    QLatin1Char('\n') +
                    tr("Other operations: %1 instructions").arg(QString::fromStdString(report.vectorKernels)));
  memory_->setText(tr("%1 total, %2 available")
                       .arg(bytes(report.memory.totalBytes), bytes(report.memory.availableBytes)));
  gpu_->setText(describeGpus(report.gpu));
  training_->setText(describeTrainingChoice(report.training));
  const QString folder = QString::fromStdString(report.offloadFolder.string());
  if (report.disk) {
    offload_->setText(tr("%1\n%2 free of %3 (%4)")
                          .arg(folder, bytes(report.disk->freeBytes), bytes(report.disk->totalBytes),
                               QString::fromStdString(report.disk->fileSystem)));
  } else {
    offload_->setText(QString::fromStdString(report.diskError));
  }
  measure_->setEnabled(report.disk.has_value() && !measuring_);
  showSpeed();
}

void HardwareCheckPanel::showSpeed() {
  const auto& report = *report_;
  if (report.diskSpeed) {
    const auto& speed = *report.diskSpeed;
    QString text = tr("write %1, read %2").arg(rate(speed.writeBytesPerSecond), rate(speed.readBytesPerSecond));
    if (!speed.directIo) {
      text += tr(" — the file system does not allow direct I/O, so these figures include the "
                 "cache and are higher than the disk itself");
    }
    if (speed.cancelled) text += tr(" (cancelled early: figures from %1)").arg(bytes(speed.bytesWritten));
    speed_->setText(text);
  } else if (!report.diskSpeedError.empty()) {
    speed_->setText(QString::fromStdString(report.diskSpeedError));
  } else if (const auto saved = hardware::loadDiskSpeed(context_.settings().diskSpeedFile(), report.offloadFolder)) {
    // Measured in an earlier session (or by `tiertune-cli doctor`): what the planner uses.
    speed_->setText(tr("write %1, read %2 (measured %3)")
                        .arg(rate(saved->writeBytesPerSecond), rate(saved->readBytesPerSecond),
                             localTimeText(saved->measuredAt)));
  } else {
    speed_->setText(tr("not measured yet"));
  }
}

void HardwareCheckPanel::measureDiskSpeed() {
  if (measuring_ || !report_ || !report_->disk) return;
  setMeasuring(true);
  progress_->setValue(0);
  speed_->setText(tr("measuring…"));
  const std::filesystem::path folder = report_->offloadFolder;
  const hardware::DiskSpeedOptions options = speedOptions_;
  const std::filesystem::path recordFile = context_.settings().diskSpeedFile();
  const QPointer<HardwareCheckPanel> self(this);
  speedJob_.start(
      this,
      [self, folder, options, recordFile](std::stop_token stop) {
        const auto progress = [self](double fraction, const char*) {
          deliverToGui(self, [fraction](HardwareCheckPanel& panel) {
            panel.progress_->setValue(static_cast<int>(fraction * 100.0 + 0.5));
          });
        };
        const hardware::DiskSpeed speed = hardware::measureDiskSpeed(folder, options, progress, stop);
        // Kept for the planner's step-time predictions; a cancelled test measured too little.
        if (!speed.cancelled) {
          try {
            hardware::saveDiskSpeed(recordFile, folder, speed);
          } catch (const std::exception&) {
            // Only a cache: the figures are still shown, and the next measurement tries again.
          }
        }
        return speed;
      },
      [folder](HardwareCheckPanel& panel, hardware::DiskSpeed speed) { panel.takeSpeed(folder, speed, {}); },
      [folder](HardwareCheckPanel& panel, const QString& failure) {
        panel.takeSpeed(folder, std::nullopt, failure.toStdString());
      });
}

void HardwareCheckPanel::takeSpeed(const std::filesystem::path& folder, std::optional<hardware::DiskSpeed> speed,
                                   std::string error) {
  if (!report_) return;
  if (report_->offloadFolder == folder) {
    report_->diskSpeed = std::move(speed);
    report_->diskSpeedError = std::move(error);
  }
  setMeasuring(false);
  showSpeed();
  emit speedMeasured();
}

void HardwareCheckPanel::cancelMeasurement() {
  if (measuring_) {
    speedJob_.requestStop();
    cancel_->setEnabled(false);
  }
}

void HardwareCheckPanel::setMeasuring(bool measuring) {
  measuring_ = measuring;
  progress_->setVisible(measuring);
  cancel_->setVisible(measuring);
  cancel_->setEnabled(measuring);
  measure_->setEnabled(!measuring && report_ && report_->disk);
  recheck_->setEnabled(!measuring);
}

}  // namespace tiertune::gui
