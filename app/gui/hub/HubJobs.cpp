#include "app/gui/hub/HubJobs.h"

#include <QMetaType>
#include <QThread>

#include "app/gui/ErrorText.h"
#include "core/catalog/catalog.h"
#include "core/catalog/model_registration.h"
#include "core/formats/model_folder.h"
#include "core/hub/hub_download.h"
#include "core/hub/hub_error.h"
#include "core/hub/recommended_models.h"

namespace tiertune::gui {
namespace {

// Anything the core did not put in a HubError (a file system failure) is still the user's to know.
constexpr int kOtherProblem = -1;

}  // namespace

CandidateLookupJob::CandidateLookupJob(hub::HubAccess access, settings::Settings settings, QStringList repoIds,
                                       QString searchText, QObject* parent)
    : QObject(parent),
      access_(std::move(access)),
      settings_(std::move(settings)),
      repoIds_(std::move(repoIds)),
      searchText_(std::move(searchText)) {
  qRegisterMetaType<tiertune::hub::Candidate>();
}

CandidateLookupJob::~CandidateLookupJob() {
  if (!thread_) return;
  cancel();
  thread_->wait();
  delete thread_;
}

void CandidateLookupJob::start() {
  thread_ = QThread::create([this] { work(); });
  thread_->start();
}

void CandidateLookupJob::work() {
  try {
    hub::HubClient client(access_, &cancel_);
    const train::ThisMachine machine = train::assessThisMachine(settings_);
    std::vector<std::optional<hub::RepoInfo>> known;
    QStringList ids = repoIds_;
    if (ids.isEmpty() && searchText_.isEmpty()) {
      const tiers::MachineBudget& budget = machine.machine.budget;
      for (const hub::RecommendedModel& model : hub::recommendedModels(hub::machineClassOf(budget.hasGpu, budget.deviceBytes))) {
        ids << QString::fromStdString(model.repoId);
      }
    } else if (ids.isEmpty()) {
      for (hub::RepoInfo& info : client.search(searchText_.toStdString(), 20)) {
        ids << QString::fromStdString(info.id);
        known.emplace_back(std::move(info));
      }
    }
    known.resize(static_cast<std::size_t>(ids.size()));
    emit listed(ids);
    for (int row = 0; row < ids.size(); ++row) {
      if (cancel_.load()) break;
      emit found(row, hub::lookUpCandidate(client, ids[row].toStdString(), known[static_cast<std::size_t>(row)], machine));
    }
  } catch (const hub::HubError& error) {
    if (error.problem() != hub::HubProblem::Cancelled) emit failed(static_cast<int>(error.problem()), errorText(error));
  } catch (const std::exception& error) {
    emit failed(kOtherProblem, errorText(error));
  }
  emit finished();
}

ModelDownloadJob::ModelDownloadJob(hub::HubAccess access, QString repoId, QString catalogFile, QObject* parent)
    : QObject(parent), access_(std::move(access)), repoId_(std::move(repoId)), catalogFile_(std::move(catalogFile)) {}

ModelDownloadJob::~ModelDownloadJob() {
  if (!thread_) return;
  cancel();
  thread_->wait();
  delete thread_;
}

void ModelDownloadJob::start() {
  thread_ = QThread::create([this] { work(); });
  thread_->start();
}

void ModelDownloadJob::work() {
  const std::string repoId = repoId_.toStdString();
  try {
    hub::HubClient client(access_, &cancel_);
    hub::DownloadOptions options;
    options.repoId = repoId;
    const hub::DownloadResult result = hub::downloadModel(
        client, options,
        [this](const hub::DownloadProgress& progress) {
          emit progressed(progress.doneBytes, progress.totalBytes, progress.bytesPerSecond, progress.secondsLeft);
        },
        &cancel_);
    catalog::Catalog store = catalog::Catalog::open(catalogFile_.toStdString());
    const catalog::Id id = catalog::registerModelFolder(store, formats::inspectModelFolder(result.folder), repoId,
                                                        catalog::WhenPresent::TakeIt);
    emit succeeded(id, QString::fromStdString(result.folder.string()));
  } catch (const hub::HubError& error) {
    emit failed(static_cast<int>(error.problem()), errorText(error), QString::fromStdString(error.pageUrl()));
  } catch (const std::exception& error) {
    emit failed(kOtherProblem, errorText(error), QString());
  }
}

}  // namespace tiertune::gui
