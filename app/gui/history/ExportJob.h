// One export of a run's checkpoint (core/export/run_export.h) on a thread of its own, so that the
// window stays responsive for the minutes a large model takes. Progress and the outcome come back
// as queued signals; cancel() asks the core to stop between tensors, and the core then removes
// what it had written. Used by ExportDialog.
#pragma once

#include <QObject>
#include <QString>
#include <QStringList>
#include <atomic>

#include "core/export/run_export.h"

class QThread;

namespace tiertune::gui {

class ExportJob : public QObject {
  Q_OBJECT

 public:
  // catalogFile: opened again on the job's thread (a SQLite connection belongs to one thread).
  ExportJob(QString catalogFile, exports::RunExportRequest request, QObject* parent = nullptr);
  // Cancels and waits for the thread: the export never outlives the objects it reports to.
  ~ExportJob() override;

  void start();
  void cancel() { cancelRequested_.store(true); }

 signals:
  void progressed(double fraction);
  // The export is in the catalog; folder is where it went, files its main files (GGUF) if any.
  void succeeded(const QString& folder, const QStringList& files);
  void failed(const QString& message);
  void cancelled();

 private:
  void work();  // on the job's thread

  QString catalogFile_;
  exports::RunExportRequest request_;
  std::atomic<bool> cancelRequested_{false};
  QThread* thread_ = nullptr;
};

}  // namespace tiertune::gui
