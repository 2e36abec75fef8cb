#include "app/gui/history/RunHistoryWorker.h"

#include "app/gui/ErrorText.h"
#include "core/util/error.h"

namespace tiertune::gui {

namespace {

QString qText(const std::string& text) { return QString::fromStdString(text); }

RunCurves curvesOf(catalog::Catalog& catalog, catalog::Id runId, const std::string& name) {
  RunCurves curves;
  curves.runId = runId;
  curves.runName = qText(name);
  curves.train = catalog.metricCurve(runId, catalog::kTrainLossMetric, kMaxCurvePoints);
  curves.validation = catalog.metricCurve(runId, catalog::kValidationLossMetric, kMaxCurvePoints);
  return curves;
}

}  // namespace

RunHistoryWorker::RunHistoryWorker(QObject* parent) : QObject(parent), threadContext_(new QObject) {
  thread_.setObjectName(QStringLiteral("run history"));
  threadContext_->moveToThread(&thread_);
  thread_.start();
}

RunHistoryWorker::~RunHistoryWorker() {
  thread_.quit();
  thread_.wait();
  delete threadContext_;  // its thread has ended: nothing runs on it any more
}

void RunHistoryWorker::post(std::function<void(catalog::Catalog&)> work,
                            std::function<void(const QString&)> onError) {
  QMetaObject::invokeMethod(threadContext_, [this, work = std::move(work), onError = std::move(onError)] {
    try {
      if (!catalog_) {
        if (file_.isEmpty()) return;  // no catalog: the page shows why, nothing to answer
        catalog_.emplace(catalog::Catalog::open(file_.toStdString()));
      }
      work(*catalog_);
    } catch (const std::exception& error) {
      onError(errorText(error));
    }
  }, Qt::QueuedConnection);
}

void RunHistoryWorker::post(std::function<void(catalog::Catalog&)> work) {
  post(std::move(work), [this](const QString& message) { emit failed(message); });
}

void RunHistoryWorker::requestOpen(const QString& catalogFile) {
  QMetaObject::invokeMethod(threadContext_, [this, catalogFile] {
    catalog_.reset();
    file_ = catalogFile;
  }, Qt::QueuedConnection);
}

void RunHistoryWorker::requestRuns(quint64 generation, const catalog::RunQuery& query, qint64 offset,
                                   qint64 limit) {
  post([this, generation, query, offset, limit](catalog::Catalog& catalog) {
         RunPage page;
         page.generation = generation;
         page.offset = offset;
         page.total = catalog.countRuns(query);
         page.catalogTotal = catalog.countRuns({});
         page.rows = catalog.runSummaries(query, offset, limit);
         emit runsFetched(page);
       },
       [this, generation](const QString& message) { emit runsFailed(generation, message); });
}

void RunHistoryWorker::requestChoices() {
  post([this](catalog::Catalog& catalog) {
    FilterChoices choices;
    for (const auto& model : catalog.models()) choices.models.push_back({model.id, qText(model.name)});
    for (const auto& dataset : catalog.datasets()) {
      choices.datasets.push_back({dataset.id, qText(dataset.name)});
    }
    emit choicesFetched(choices);
  });
}

void RunHistoryWorker::requestCurves(quint64 request, const std::vector<catalog::Id>& runIds) {
  post([this, request, runIds](catalog::Catalog& catalog) {
    CurveSet set;
    set.request = request;
    for (const catalog::Id id : runIds) {
      if (const auto run = catalog.run(id)) set.runs.push_back(curvesOf(catalog, id, run->name));
    }
    emit curvesFetched(set);
  });
}

void RunHistoryWorker::requestDetail(catalog::Id runId) {
  post([this, runId](catalog::Catalog& catalog) {
    const auto run = catalog.run(runId);
    if (!run) throw Error("The run was deleted in the meantime.");
    RunDetail detail;
    detail.run = *run;
    if (const auto model = catalog.model(run->modelId)) detail.modelName = qText(model->name);
    if (run->datasetId) {
      if (const auto dataset = catalog.dataset(*run->datasetId)) detail.datasetName = qText(dataset->name);
    }
    detail.curves = curvesOf(catalog, runId, run->name);
    detail.checkpoints = catalog.checkpoints(runId);
    detail.exports = catalog.exports(runId);
    detail.events = catalog.runEvents(runId);
    detail.catalogFile = file_;
    emit detailFetched(detail);
  });
}

void RunHistoryWorker::requestRename(catalog::Id runId, const QString& name) {
  post([this, runId, name](catalog::Catalog& catalog) {
    catalog.renameRun(runId, name.trimmed().toStdString());
    emit runChanged(runId);
  });
}

void RunHistoryWorker::requestNotes(catalog::Id runId, const QString& notes) {
  post([this, runId, notes](catalog::Catalog& catalog) {
    catalog.setRunNotes(runId, notes.toStdString());
    emit runChanged(runId);
  });
}

void RunHistoryWorker::requestRemovalPlan(catalog::Id runId) {
  post([this, runId](catalog::Catalog& catalog) { emit removalPlanned(catalog::planRunRemoval(catalog, runId)); });
}

void RunHistoryWorker::requestRemoval(const catalog::RunRemovalPlan& plan) {
  post([this, plan](catalog::Catalog& catalog) {
    QStringList problems;
    for (const std::string& problem : catalog::removeRunWithFiles(catalog, plan)) problems << qText(problem);
    emit runRemoved(plan.runId, problems);
  });
}

}  // namespace tiertune::gui
