// The Hub's slow work on threads of their own, so that the window stays responsive: looking up
// candidates (the recommended list or a search, each with its configuration and this machine's
// verdicts) and downloading one model into the shared cache and the catalog. Results come back as
// queued signals; cancel() stops within a fraction of a second, and the destructor cancels and
// waits, so a job never outlives what it reports to.
#pragma once

#include <QObject>
#include <QString>
#include <QStringList>
#include <atomic>
#include <optional>
#include <string>

#include "core/hub/candidate.h"
#include "core/hub/hub_access.h"
#include "core/settings/settings.h"

class QThread;

namespace tiertune::gui {

class CandidateLookupJob : public QObject {
  Q_OBJECT

 public:
  // repoIds: look these up; else search for searchText; with neither, the models recommended for
  // this machine's class.
  CandidateLookupJob(hub::HubAccess access, settings::Settings settings, QStringList repoIds, QString searchText,
                     QObject* parent = nullptr);
  ~CandidateLookupJob() override;
  void start();
  void cancel() { cancel_.store(true); }

 signals:
  // The list of what will be looked up, before the verdicts (a search's results in order).
  void listed(const QStringList& repoIds);
  void found(int row, const tiertune::hub::Candidate& candidate);
  void failed(int problem, const QString& message);
  void finished();

 private:
  void work();
  hub::HubAccess access_;
  settings::Settings settings_;
  QStringList repoIds_;
  QString searchText_;
  std::atomic<bool> cancel_{false};
  QThread* thread_ = nullptr;
};

class ModelDownloadJob : public QObject {
  Q_OBJECT

 public:
  // catalogFile: the downloaded folder is registered there (a connection of the job's own thread).
  ModelDownloadJob(hub::HubAccess access, QString repoId, QString catalogFile, QObject* parent = nullptr);
  ~ModelDownloadJob() override;
  void start();
  void cancel() { cancel_.store(true); }

 signals:
  void progressed(quint64 doneBytes, quint64 totalBytes, double bytesPerSecond, double secondsLeft);
  void succeeded(qint64 modelId, const QString& folder);
  void failed(int problem, const QString& message, const QString& pageUrl);

 private:
  void work();
  hub::HubAccess access_;
  QString repoId_;
  QString catalogFile_;
  std::atomic<bool> cancel_{false};
  QThread* thread_ = nullptr;
};

}  // namespace tiertune::gui
