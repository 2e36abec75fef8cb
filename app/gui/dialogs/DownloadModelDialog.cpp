#include "app/gui/dialogs/DownloadModelDialog.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include "app/gui/AppContext.h"
#include "app/gui/Appearance.h"
#include "app/gui/NumberText.h"
#include "app/gui/history/RunText.h"
#include "app/gui/hub/HubJobs.h"
#include "app/gui/hub/HubProblemText.h"
#include "app/gui/newrun/PlanText.h"
#include "core/hub/hub_access.h"

namespace tiertune::gui {
namespace {

enum Column { ModelColumn, ParametersColumn, DownloadsColumn, QuickLoraColumn, FullColumn, ColumnCount };

hub::HubAccess accessOf(const AppContext& context) {
  try {
    return hub::hubAccess(context.settings().hubEndpoint);
  } catch (const std::exception&) {
    return hub::hubAccess({});  // a mirror address Settings refused: the default, as Settings says
  }
}

QTableWidgetItem* cell(const QString& text, const QString& tip = {}) {
  auto* item = new QTableWidgetItem(text);
  item->setFlags(Qt::ItemIsSelectable | Qt::ItemIsEnabled);
  if (!tip.isEmpty()) item->setToolTip(tip);
  return item;
}

}  // namespace

DownloadModelDialog::DownloadModelDialog(AppContext& context, QWidget* parent)
    : QDialog(parent),
      context_(context),
      searchText_(new QLineEdit),
      searchButton_(new QPushButton(tr("Search"))),
      heading_(new QLabel),
      table_(new QTableWidget(0, ColumnCount)),
      details_(new QLabel),
      progress_(new QProgressBar),
      progressText_(new QLabel),
      problem_(new QLabel),
      downloadButton_(new QPushButton(tr("Download"))),
      cancelButton_(new QPushButton(tr("Cancel download"))),
      closeButton_(new QPushButton(tr("Close"))) {
  setObjectName(QStringLiteral("downloadModelDialog"));
  setWindowTitle(tr("Download a model"));
  resize(900, 560);
  searchText_->setObjectName(QStringLiteral("hubSearchText"));
  searchText_->setPlaceholderText(tr("Search the Hugging Face Hub, for example qwen2.5 instruct"));
  searchText_->setAccessibleName(tr("Model to search for"));
  searchButton_->setObjectName(QStringLiteral("hubSearchButton"));
  heading_->setObjectName(QStringLiteral("hubListHeading"));
  table_->setObjectName(QStringLiteral("hubCandidates"));
  table_->setHorizontalHeaderLabels({tr("Model"), tr("Parameters"), tr("Downloads"), tr("Quick LoRA"), tr("Full fine-tune")});
  table_->setSelectionBehavior(QAbstractItemView::SelectRows);
  table_->setSelectionMode(QAbstractItemView::SingleSelection);
  table_->verticalHeader()->hide();
  table_->horizontalHeader()->setSectionResizeMode(ModelColumn, QHeaderView::Stretch);
  for (int column = ParametersColumn; column < ColumnCount; ++column) {
    table_->horizontalHeader()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
  }
  details_->setObjectName(QStringLiteral("hubCandidateDetails"));
  details_->setWordWrap(true);
  details_->setTextFormat(Qt::RichText);
  details_->setOpenExternalLinks(true);
  details_->setTextInteractionFlags(Qt::TextBrowserInteraction);
  progress_->setObjectName(QStringLiteral("hubDownloadProgress"));
  progress_->setRange(0, 1000);
  progress_->setTextVisible(false);
  progress_->setAccessibleName(tr("Download progress"));
  progress_->hide();
  progressText_->setObjectName(QStringLiteral("hubDownloadStatus"));
  progressText_->setWordWrap(true);
  progressText_->setTextFormat(Qt::PlainText);
  problem_->setObjectName(QStringLiteral("hubDownloadProblem"));
  problem_->setWordWrap(true);
  problem_->setTextFormat(Qt::RichText);
  problem_->setOpenExternalLinks(true);
  problem_->setTextInteractionFlags(Qt::TextBrowserInteraction);
  problem_->hide();
  downloadButton_->setObjectName(QStringLiteral("hubDownloadButton"));
  cancelButton_->setObjectName(QStringLiteral("hubCancelDownload"));
  cancelButton_->hide();

  auto* searchRow = new QHBoxLayout;
  searchRow->addWidget(searchText_, 1);
  searchRow->addWidget(searchButton_);
  auto* buttons = new QHBoxLayout;
  buttons->addWidget(progressText_, 1);
  buttons->addWidget(cancelButton_);
  buttons->addWidget(downloadButton_);
  buttons->addWidget(closeButton_);
  auto* where = new QLabel(tr("Models go into the Hugging Face cache that Python tools share, so nothing is "
                              "downloaded twice. The times assume examples of about 400 tokens."));
  where->setWordWrap(true);

  auto* layout = new QVBoxLayout(this);
  layout->addLayout(searchRow);
  layout->addWidget(heading_);
  layout->addWidget(table_, 1);
  layout->addWidget(details_);
  layout->addWidget(where);
  layout->addWidget(progress_);
  layout->addWidget(problem_);
  layout->addLayout(buttons);

  connect(searchButton_, &QPushButton::clicked, this, [this] { search(searchText_->text()); });
  connect(searchText_, &QLineEdit::returnPressed, this, [this] { search(searchText_->text()); });
  connect(table_, &QTableWidget::itemSelectionChanged, this, [this] {
    showSelected();
    updateButtons();
  });
  connect(downloadButton_, &QPushButton::clicked, this, &DownloadModelDialog::startDownload);
  connect(cancelButton_, &QPushButton::clicked, this, [this] {
    if (download_) download_->cancel();
    cancelButton_->setEnabled(false);
  });
  connect(closeButton_, &QPushButton::clicked, this, &DownloadModelDialog::reject);
  showRecommended();
  updateButtons();
}

DownloadModelDialog::~DownloadModelDialog() = default;  // the jobs cancel and wait

void DownloadModelDialog::showRecommended() {
  // The job picks the list by this machine's class (recommended_models.h) once it has looked.
  startLookup({}, QString(), tr("Good first models for this computer"));
}

void DownloadModelDialog::search(const QString& text) {
  const QString trimmed = text.trimmed();
  if (trimmed.isEmpty()) {
    showRecommended();
    return;
  }
  searchText_->setText(trimmed);
  startLookup({}, trimmed, tr("Models on the Hub matching “%1”").arg(trimmed));
}

void DownloadModelDialog::startLookup(const QStringList& repoIds, const QString& searchText, const QString& heading) {
  lookup_.reset();  // cancels and waits for the previous one
  candidates_.clear();
  table_->setRowCount(0);
  details_->clear();
  heading_->setText(heading + QStringLiteral(" — ") + tr("looking up…"));
  lookup_ = std::make_unique<CandidateLookupJob>(accessOf(context_), context_.settings(), repoIds, searchText);
  connect(lookup_.get(), &CandidateLookupJob::listed, this, &DownloadModelDialog::showListed);
  connect(lookup_.get(), &CandidateLookupJob::found, this, &DownloadModelDialog::showCandidate);
  connect(lookup_.get(), &CandidateLookupJob::failed, this, [this](int problem, const QString& message) {
    details_->setText(problem >= 0 ? HubProblemText::text(static_cast<hub::HubProblem>(problem), {}, {})
                                   : message.toHtmlEscaped());
    details_->setToolTip(message);
    showAsProblem(details_);
  });
  connect(lookup_.get(), &CandidateLookupJob::finished, this, [this, heading] {
    // Rows the lookup did not reach (the network failed) say nothing rather than "…" for ever.
    for (int row = 0; row < table_->rowCount(); ++row) {
      if (static_cast<std::size_t>(row) < candidates_.size() && candidates_[static_cast<std::size_t>(row)]) continue;
      for (int column = ParametersColumn; column < ColumnCount; ++column) table_->setItem(row, column, cell(tr("—")));
    }
    heading_->setText(table_->rowCount() == 0 ? heading + QStringLiteral(" — ") + tr("nothing found") : heading);
    emit lookupFinished();
  });
  lookup_->start();
}

void DownloadModelDialog::showListed(const QStringList& repoIds) {
  table_->setRowCount(static_cast<int>(repoIds.size()));
  candidates_.assign(static_cast<std::size_t>(repoIds.size()), std::nullopt);
  for (int row = 0; row < repoIds.size(); ++row) {
    table_->setItem(row, ModelColumn, cell(repoIds[row]));
    for (int column = ParametersColumn; column < ColumnCount; ++column) table_->setItem(row, column, cell(tr("…")));
  }
}

QString DownloadModelDialog::verdictText(const std::optional<train::CandidateFit>& fit) const {
  if (!fit) return tr("—");
  const QString time = RunText::duration(fit->secondsPer1000Examples);
  switch (fit->verdict) {
    case train::FitVerdict::OnGpu: return tr("Fits on the GPU · %1").arg(time);
    case train::FitVerdict::StreamsFromRam: return tr("Streams from RAM · %1").arg(time);
    case train::FitVerdict::InRam: return tr("Trains in RAM · %1").arg(time);
    case train::FitVerdict::NeedsSsd: return tr("Needs the SSD · %1").arg(time);
    case train::FitVerdict::DoesNotFit: return tr("Does not fit");
  }
  return {};
}

void DownloadModelDialog::showCandidate(int row, const hub::Candidate& candidate) {
  if (row < 0 || row >= table_->rowCount()) return;
  candidates_[static_cast<std::size_t>(row)] = candidate;
  const QLocale locale;
  const hub::RepoInfo& info = candidate.info;
  QString name = QString::fromStdString(info.id);
  if (!info.gated.empty()) name += QStringLiteral("  ") + tr("(needs sign-in)");
  table_->setItem(row, ModelColumn, cell(name));
  table_->setItem(row, ParametersColumn, cell(info.parameters ? parameterCountText(info.parameters) : tr("—")));
  table_->setItem(row, DownloadsColumn, cell(locale.toString(static_cast<qlonglong>(info.downloads))));
  const QString perThousand = tr("per 1,000 examples, one pass");
  if (!candidate.cannotTrain.empty()) {
    const QString why = QString::fromStdString(candidate.cannotTrain);
    table_->setItem(row, QuickLoraColumn, cell(tr("Cannot be trained"), why));
    table_->setItem(row, FullColumn, cell(tr("Cannot be trained"), why));
  } else if (candidate.problem) {
    const QString why = HubProblemText::text(*candidate.problem, QString::fromStdString(info.id), {});
    const bool signIn = *candidate.problem == hub::HubProblem::NotSignedIn || *candidate.problem == hub::HubProblem::NoAccess ||
                        *candidate.problem == hub::HubProblem::BadToken;
    const QString state = signIn ? tr("Sign in to check")
                                 : *candidate.problem == hub::HubProblem::RepoNotFound ? tr("Not found") : tr("Unavailable");
    table_->setItem(row, QuickLoraColumn, cell(state, why));
    table_->setItem(row, FullColumn, cell(state, why));
  } else {
    table_->setItem(row, QuickLoraColumn, cell(verdictText(candidate.quickLora), perThousand));
    table_->setItem(row, FullColumn, cell(verdictText(candidate.fullFineTune), perThousand));
  }
  if (table_->currentRow() == row) showSelected();
  updateButtons();
}

QString DownloadModelDialog::selectedModel() const {
  const int row = table_->currentRow();
  if (row < 0 || static_cast<std::size_t>(row) >= candidates_.size() || !candidates_[static_cast<std::size_t>(row)]) return {};
  return QString::fromStdString(candidates_[static_cast<std::size_t>(row)]->info.id);
}

void DownloadModelDialog::showSelected() {
  const int row = table_->currentRow();
  showAsProblem(details_, false);
  if (row < 0 || static_cast<std::size_t>(row) >= candidates_.size() || !candidates_[static_cast<std::size_t>(row)]) {
    details_->clear();
    return;
  }
  const hub::Candidate& candidate = *candidates_[static_cast<std::size_t>(row)];
  const QString id = QString::fromStdString(candidate.info.id);
  if (!candidate.cannotTrain.empty()) {
    details_->setText(tr("%1 cannot be downloaded for training: %2")
                          .arg(id.toHtmlEscaped(), QString::fromStdString(candidate.cannotTrain).toHtmlEscaped()));
    showAsProblem(details_);
  } else if (candidate.problem) {
    details_->setText(HubProblemText::text(*candidate.problem, id, QString::fromStdString(accessOf(context_).endpoint) + QLatin1Char('/') + id));
  } else if (candidate.quickLora && candidate.quickLora->verdict == train::FitVerdict::DoesNotFit) {
    const std::optional<tiers::PlanFix>& fix = candidate.quickLora->fix;
    details_->setText(fix ? tr("Not even Quick LoRA fits on this computer. %1").arg(PlanText::fix(*fix).toHtmlEscaped())
                          : tr("Not even Quick LoRA fits on this computer."));
    showAsProblem(details_);
  } else {
    details_->setText(tr("%1: %2 parameters, %3 downloads, %4 likes.")
                          .arg(id.toHtmlEscaped(), candidate.info.parameters ? parameterCountText(candidate.info.parameters) : tr("unknown"),
                               QLocale().toString(static_cast<qlonglong>(candidate.info.downloads)),
                               QLocale().toString(static_cast<qlonglong>(candidate.info.likes))));
  }
}

void DownloadModelDialog::updateButtons() {
  const int row = table_->currentRow();
  const bool downloading = download_ != nullptr;
  // Downloadable: Tiertune can train it, and the Hub did not say it is missing (a gated model is
  // tried: the download then says in words what signing in needs).
  bool ready = false;
  if (row >= 0 && static_cast<std::size_t>(row) < candidates_.size() && candidates_[static_cast<std::size_t>(row)]) {
    const hub::Candidate& candidate = *candidates_[static_cast<std::size_t>(row)];
    const bool missing = candidate.problem && *candidate.problem != hub::HubProblem::NotSignedIn &&
                         *candidate.problem != hub::HubProblem::NoAccess && *candidate.problem != hub::HubProblem::BadToken;
    ready = candidate.cannotTrain.empty() && !missing;
  }
  downloadButton_->setEnabled(ready && !downloading && context_.catalog() != nullptr);
  searchButton_->setEnabled(!downloading);
  searchText_->setEnabled(!downloading);
  table_->setEnabled(!downloading);
}

void DownloadModelDialog::startDownload() {
  const QString model = selectedModel();
  if (model.isEmpty() || !context_.catalog()) return;
  download_ = std::make_unique<ModelDownloadJob>(accessOf(context_), model,
                                                 QString::fromStdString(context_.settings().catalogFile().string()));
  connect(download_.get(), &ModelDownloadJob::progressed, this, &DownloadModelDialog::showProgress);
  connect(download_.get(), &ModelDownloadJob::succeeded, this, &DownloadModelDialog::finishDownload);
  connect(download_.get(), &ModelDownloadJob::failed, this, &DownloadModelDialog::failDownload);
  progress_->setValue(0);
  progress_->show();
  cancelButton_->show();
  cancelButton_->setEnabled(true);
  progressText_->setText(tr("Starting the download of %1…").arg(model));
  problem_->hide();
  updateButtons();
  download_->start();
}

void DownloadModelDialog::showProgress(quint64 done, quint64 total, double bytesPerSecond, double secondsLeft) {
  progress_->setValue(total ? static_cast<int>(1000.0 * static_cast<double>(done) / static_cast<double>(total)) : 0);
  QString text = tr("%1 of %2").arg(byteSizeText(done), byteSizeText(total));
  if (bytesPerSecond > 0) text += QStringLiteral(" · ") + tr("%1/s").arg(byteSizeText(static_cast<quint64>(bytesPerSecond)));
  if (secondsLeft >= 0) text += QStringLiteral(" · ") + tr("about %1 left").arg(RunText::duration(secondsLeft));
  progressText_->setText(text);
}

void DownloadModelDialog::finishDownload(qint64, const QString&) {
  const QString model = selectedModel();
  download_.reset();
  progress_->setValue(progress_->maximum());
  cancelButton_->hide();
  progressText_->setText(tr("%1 is downloaded and added to your models.").arg(model));
  context_.notifyCatalogChanged();
  updateButtons();
  emit downloadFinished(true);
}

void DownloadModelDialog::failDownload(int problem, const QString& message, const QString& pageUrl) {
  const QString model = selectedModel();
  download_.reset();
  cancelButton_->hide();
  progress_->hide();
  progressText_->clear();
  problem_->setText(problem >= 0 ? HubProblemText::text(static_cast<hub::HubProblem>(problem), model, pageUrl)
                                 : message.toHtmlEscaped());
  problem_->setToolTip(message);
  showAsProblem(problem_, problem != static_cast<int>(hub::HubProblem::Cancelled));
  problem_->show();
  updateButtons();
  emit downloadFinished(false);
}

QStringList DownloadModelDialog::listedModels() const {
  QStringList models;
  for (int row = 0; row < table_->rowCount(); ++row) {
    if (const QTableWidgetItem* item = table_->item(row, ModelColumn)) models << item->text();
  }
  return models;
}

}  // namespace tiertune::gui
