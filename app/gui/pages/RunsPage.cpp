#include "app/gui/pages/RunsPage.h"

#include <map>

#include "app/gui/TimeText.h"
#include "core/catalog/catalog.h"

namespace tiertune::gui {
namespace {

QString statusText(catalog::RunStatus status) {
  using catalog::RunStatus;
  switch (status) {
    case RunStatus::Queued: return RunsPage::tr("Queued");
    case RunStatus::Running: return RunsPage::tr("Running");
    case RunStatus::Paused: return RunsPage::tr("Paused");
    case RunStatus::Completed: return RunsPage::tr("Completed");
    case RunStatus::Failed: return RunsPage::tr("Failed");
    case RunStatus::Stopped: return RunsPage::tr("Stopped");
  }
  return {};
}

}  // namespace

RunsPage::RunsPage(AppContext& context, QWidget* parent)
    : CatalogListPage(
          context,
          {.title = tr("Runs"),
           .subtitle = tr("Every fine-tuning run, finished or not."),
           .emptyIcon = QStringLiteral(":/icons/runs.svg"),
           .emptyTitle = tr("No runs yet"),
           .emptyText = tr("A run fine-tunes a base model on a dataset. Add a model and import a "
                           "dataset first. Every run is kept here with its status, loss curve "
                           "and checkpoints, so that you can compare, resume and export it.")},
          parent) {
  setObjectName(QStringLiteral("runsPage"));
}

QStringList RunsPage::headers() const {
  return {tr("Name"), tr("Status"), tr("Model"), tr("Dataset"), tr("Method"),
          tr("Created"), tr("Started"), tr("Finished"), tr("Problem")};
}

std::vector<CatalogListPage::Row> RunsPage::rows(catalog::Catalog& catalog) const {
  std::map<catalog::Id, QString> modelNames;
  for (const auto& model : catalog.models()) modelNames[model.id] = QString::fromStdString(model.name);
  std::map<catalog::Id, QString> datasetNames;
  for (const auto& dataset : catalog.datasets()) {
    datasetNames[dataset.id] = QString::fromStdString(dataset.name);
  }
  std::vector<Row> result;
  for (const auto& run : catalog.runs()) {
    result.push_back({run.id, {QString::fromStdString(run.name), statusText(run.status),
                      modelNames[run.modelId],
                      run.datasetId ? datasetNames[*run.datasetId] : QString(),
                      QString::fromStdString(run.method), localTimeText(run.createdAt),
                      localTimeText(run.startedAt), localTimeText(run.finishedAt),
                      QString::fromStdString(run.errorText)}});
  }
  return result;
}

}  // namespace tiertune::gui
