#include "app/gui/history/ExportJob.h"

#include <QThread>

#include "app/gui/ErrorText.h"
#include "core/catalog/catalog.h"
#include "core/util/error.h"

namespace tiertune::gui {

ExportJob::ExportJob(QString catalogFile, exports::RunExportRequest request, QObject* parent)
    : QObject(parent), catalogFile_(std::move(catalogFile)), request_(std::move(request)) {}

ExportJob::~ExportJob() {
  if (!thread_) return;
  cancel();
  thread_->wait();
  delete thread_;
}

void ExportJob::start() {
  thread_ = QThread::create([this] { work(); });
  thread_->start();
}

void ExportJob::work() {
  // Signals emitted here reach receivers on the GUI thread queued (Qt::AutoConnection).
  const exports::ExportProgress progress{[this](double fraction, const std::string&) { emit progressed(fraction); },
                                         [this] { return cancelRequested_.load(); }};
  try {
    catalog::Catalog store = catalog::Catalog::open(catalogFile_.toStdString());
    const exports::RunExportResult result = exports::exportRun(store, request_, progress);
    QStringList files;
    for (const exports::ExportedFile& file : result.files) files << QString::fromStdString(file.path.string());
    emit succeeded(QString::fromStdString(result.folder.folder), files);
  } catch (const exports::ExportCancelled&) {
    emit cancelled();
  } catch (const std::exception& error) {
    // Also a file system or memory failure the core did not put into words: still the user's to know.
    emit failed(errorText(error));
  }
}

}  // namespace tiertune::gui
