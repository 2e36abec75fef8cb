// The New fine-tune wizard's last page: every setting in words, the run's name and the folder it
// will write to. Start (the page's Next) records the run in the catalog (train::recordRun: status
// Queued, the configuration as train::toJson) and emits runCreated; whoever opened the wizard
// starts the worker.
#pragma once

#include <QWizardPage>
#include <filesystem>
#include <optional>
#include <set>
#include <string>

#include "core/catalog/records.h"

class QLabel;
class QLineEdit;

namespace tiertune::train {
struct OutputFolderUser;
}

namespace tiertune::gui {

class AppContext;
class MemoryPlanPage;
struct RunDraft;

class ReviewStartPage : public QWizardPage {
  Q_OBJECT

 public:
  // plan: the page before, whose plan the review sums up.
  ReviewStartPage(AppContext& context, RunDraft& draft, const MemoryPlanPage& plan, QWidget* parent = nullptr);

  // The folder the run will write to (under the data folder's runs/), as the page shows it.
  std::filesystem::path outputFolder() const;
  // Set once Start created the run.
  std::optional<catalog::Id> createdRunId() const { return created_; }
  void setRunName(const QString& name);

  void initializePage() override;
  bool validatePage() override;

 signals:
  void runCreated(qint64 runId);

 private:
  QString reviewText() const;
  void readCatalogFolders();
  bool startRun();
  void showFolderInUse(const train::OutputFolderUser& user);

  AppContext& context_;
  RunDraft& draft_;
  const MemoryPlanPage& plan_;
  QLabel* review_;
  QLineEdit* name_;
  QLabel* output_;
  QLabel* error_;
  std::string folderStamp_;  // when the page was shown; part of the output folder's name
  std::set<std::filesystem::path> catalogFolders_;  // the catalog's runs' output folders, read then
  std::optional<catalog::Id> created_;
};

}  // namespace tiertune::gui
