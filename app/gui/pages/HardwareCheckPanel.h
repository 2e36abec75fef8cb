// The hardware check on the Home page: CPU, memory, GPUs and the offload folder's free space,
// probed in the background, and a disk speed test with a progress bar and a Cancel button.
#pragma once

#include <QWidget>
#include <filesystem>
#include <optional>
#include <string>

#include "app/gui/BackgroundJob.h"
#include "core/hardware/hardware_report.h"

class QLabel;
class QProgressBar;
class QPushButton;

namespace tiertune::gui {

class AppContext;

class HardwareCheckPanel : public QWidget {
  Q_OBJECT

 public:
  explicit HardwareCheckPanel(AppContext& context, QWidget* parent = nullptr);
  ~HardwareCheckPanel() override;

  // Tests use a small scratch size; users get the defaults (up to 1 GiB, ~2 s per direction).
  void setSpeedOptions(const hardware::DiskSpeedOptions& options) { speedOptions_ = options; }
  const std::optional<hardware::HardwareReport>& report() const { return report_; }
  bool isMeasuring() const { return measuring_; }

 public slots:
  void probe();
  void measureDiskSpeed();
  void cancelMeasurement();

 signals:
  void probed();
  void speedMeasured();  // also after a failure or a cancel; report()->diskSpeed tells which

 private:
  void takeReport(hardware::HardwareReport report);
  void takeSpeed(const std::filesystem::path& folder, std::optional<hardware::DiskSpeed> speed, std::string error);
  void showReport();
  void showSpeed();
  void setMeasuring(bool measuring);

  AppContext& context_;
  QLabel* cpu_;
  QLabel* kernels_;  // the matrix kernels the CPU backend computes with
  QLabel* memory_;
  QLabel* gpu_;
  QLabel* training_;  // where a run trains (the GPU, or the processor and why)
  QLabel* offload_;
  QLabel* speed_;
  QProgressBar* progress_;
  QPushButton* recheck_;
  QPushButton* measure_;
  QPushButton* cancel_;
  hardware::DiskSpeedOptions speedOptions_;
  std::optional<hardware::HardwareReport> report_;
  bool measuring_ = false;
  BackgroundJob probeJob_;
  BackgroundJob speedJob_;  // destroyed first: its stop request ends a measurement in flight
};

}  // namespace tiertune::gui
