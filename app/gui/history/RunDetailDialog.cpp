#include "app/gui/history/RunDetailDialog.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

#include "app/gui/ErrorText.h"
#include "app/gui/GpuText.h"
#include "app/gui/NumberText.h"
#include "app/gui/TabOrder.h"
#include "app/gui/TimeText.h"
#include "app/gui/WindowSize.h"
#include "app/gui/history/ExportDialog.h"
#include "app/gui/history/LossChart.h"
#include "app/gui/history/RunHistoryWorker.h"
#include "app/gui/history/RunText.h"

namespace tiertune::gui {

namespace {

QString qText(const std::string& text) { return QString::fromStdString(text); }

void fill(QTableWidget* table, const std::vector<QStringList>& rows) {
  table->setRowCount(static_cast<int>(rows.size()));
  for (int row = 0; row < table->rowCount(); ++row) {
    const QStringList& cells = rows[static_cast<std::size_t>(row)];
    for (int column = 0; column < cells.size(); ++column) {
      table->setItem(row, column, new QTableWidgetItem(cells[column]));
    }
  }
  table->resizeColumnsToContents();
}

QString levelText(catalog::EventLevel level) {
  switch (level) {
    case catalog::EventLevel::Info: return RunDetailDialog::tr("Info");
    case catalog::EventLevel::Warning: return RunDetailDialog::tr("Warning");
    case catalog::EventLevel::Error: return RunDetailDialog::tr("Error");
  }
  return {};
}

QString exportKindText(catalog::ExportKind kind) {
  switch (kind) {
    case catalog::ExportKind::PeftAdapter: return RunDetailDialog::tr("LoRA adapter (PEFT)");
    case catalog::ExportKind::MergedHf: return RunDetailDialog::tr("Merged model (Hugging Face)");
    case catalog::ExportKind::Gguf: return RunDetailDialog::tr("GGUF");
  }
  return {};
}

}  // namespace

RunDetailDialog::RunDetailDialog(RunHistoryWorker& worker, catalog::Id runId, QWidget* parent)
    : QDialog(parent),
      worker_(worker),
      runId_(runId),
      tabs_(new QTabWidget),
      status_(new QLabel(tr("Reading the run…"))),
      name_(new QLineEdit),
      notes_(new QPlainTextEdit),
      facts_(new QLabel),
      save_(new QPushButton(tr("Save name and notes"))),
      export_(new QPushButton(tr("Export…"))),
      chat_(new QPushButton(tr("Chat with this checkpoint"))),
      chart_(new LossChart),
      config_(new QPlainTextEdit),
      checkpoints_(table({tr("Step"), tr("Size"), tr("Saved"), tr("Folder")})),
      exports_(table({tr("Kind"), tr("Saved"), tr("Path")})),
      log_(table({tr("Time"), tr("Level"), tr("Message")})) {
  setObjectName(QStringLiteral("runDetailDialog"));
  setWindowTitle(tr("Run"));
  name_->setObjectName(QStringLiteral("runName"));
  notes_->setObjectName(QStringLiteral("runNotes"));
  notes_->setPlaceholderText(tr("What you tried in this run and what you learned from it."));
  save_->setObjectName(QStringLiteral("saveRunButton"));
  config_->setReadOnly(true);
  config_->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
  status_->setObjectName(QStringLiteral("runDetailStatus"));
  status_->setWordWrap(true);

  tabs_->addTab(overviewTab(), tr("Overview"));
  tabs_->addTab(chart_, tr("Loss"));
  tabs_->addTab(config_, tr("Configuration"));
  tabs_->addTab(checkpoints_, tr("Checkpoints"));
  tabs_->addTab(exports_, tr("Exports"));
  tabs_->addTab(log_, tr("Log"));
  tabs_->setEnabled(false);

  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close);
  auto* remove = buttons->addButton(tr("Delete run…"), QDialogButtonBox::DestructiveRole);
  remove->setObjectName(QStringLiteral("deleteRunButton"));
  connect(remove, &QPushButton::clicked, this, [this] { emit deleteRequested(runId_); });
  export_->setObjectName(QStringLiteral("exportRunButton"));
  export_->setEnabled(false);
  buttons->addButton(export_, QDialogButtonBox::ActionRole);
  connect(export_, &QPushButton::clicked, this, &RunDetailDialog::openExportDialog);
  auto* again = buttons->addButton(tr("Run again with changes…"), QDialogButtonBox::ActionRole);
  again->setObjectName(QStringLiteral("runAgainButton"));
  again->setToolTip(tr("Opens the New fine-tune wizard with this run's model, dataset and settings."));
  connect(again, &QPushButton::clicked, this, [this] { emit runAgainRequested(runId_); });
  chat_->setObjectName(QStringLiteral("chatRunButton"));
  chat_->setToolTip(tr("Opens the playground with the run's newest checkpoint."));
  chat_->setEnabled(false);
  buttons->addButton(chat_, QDialogButtonBox::ActionRole);
  connect(chat_, &QPushButton::clicked, this, [this] { emit chatRequested(runId_); });
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(status_);
  layout->addWidget(tabs_, 1);
  layout->addWidget(buttons);
  resizeWithinScreen(this, QSize(860, 600));
  config_->setAccessibleName(tr("Configuration"));
  checkpoints_->setAccessibleName(tr("Checkpoints"));
  exports_->setAccessibleName(tr("Exports"));
  log_->setAccessibleName(tr("Log"));
  // The widgets were made in another order than they are shown: the tabs, each tab's content, then
  // the buttons as the platform lays them out.
  setTabChain({tabs_, name_, notes_, save_, chart_, config_, checkpoints_, exports_, log_});
  tabToButtonsAsShown(log_, buttons);

  connect(save_, &QPushButton::clicked, this, &RunDetailDialog::save);
  connect(&worker_, &RunHistoryWorker::detailFetched, this, &RunDetailDialog::onDetail);
  connect(&worker_, &RunHistoryWorker::runChanged, this, [this](qint64 id) {
    if (id == runId_ && saveStatusShown_ && !editedSinceSave()) status_->setText(tr("Saved."));
  });
  // What was said about the last save no longer holds once the text differs from what was saved.
  const auto edited = [this] {
    if (!saveStatusShown_ || !editedSinceSave()) return;
    saveStatusShown_ = false;
    status_->hide();
  };
  connect(name_, &QLineEdit::textChanged, this, edited);
  connect(notes_, &QPlainTextEdit::textChanged, this, edited);
  connect(&worker_, &RunHistoryWorker::runRemoved, this, [this](qint64 id) {
    if (id == runId_) close();
  });
  connect(&worker_, &RunHistoryWorker::failed, this, [this](const QString& message) {
    status_->setText(tr("Something went wrong: %1").arg(message));
    status_->show();
    saveStatusShown_ = false;
  });
  worker_.requestDetail(runId_);
}

void RunDetailDialog::reload() { worker_.requestDetail(runId_); }

QTableWidget* RunDetailDialog::table(const QStringList& headers) {
  auto* table = new QTableWidget(0, static_cast<int>(headers.size()));
  table->setHorizontalHeaderLabels(headers);
  table->setEditTriggers(QAbstractItemView::NoEditTriggers);
  table->setSelectionBehavior(QAbstractItemView::SelectRows);
  table->verticalHeader()->hide();
  table->horizontalHeader()->setStretchLastSection(true);
  return table;
}

QWidget* RunDetailDialog::overviewTab() {
  auto* page = new QWidget;
  auto* form = new QFormLayout;
  form->addRow(tr("Name"), name_);
  form->addRow(QString(), facts_);
  form->addRow(tr("Notes"), notes_);
  facts_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  facts_->setWordWrap(true);
  auto* layout = new QVBoxLayout(page);
  layout->addLayout(form, 1);
  layout->addWidget(save_, 0, Qt::AlignRight);
  return page;
}

void RunDetailDialog::onDetail(const RunDetail& detail) {
  if (detail.run.id != runId_) return;
  const catalog::RunRecord& run = detail.run;
  // A refresh (after an export) keeps a name or notes being edited and not saved yet.
  const bool editing = loaded_ && (name_->text() != savedName_ || notes_->toPlainText() != savedNotes_);
  loaded_ = true;
  detail_ = detail;
  tabs_->setEnabled(true);
  export_->setEnabled(!detail.checkpoints.empty());
  chat_->setEnabled(!detail.checkpoints.empty());
  status_->hide();
  saveStatusShown_ = false;
  setWindowTitle(tr("Run “%1”").arg(qText(run.name)));
  if (!editing) {
    savedName_ = qText(run.name);
    savedNotes_ = qText(run.notes);
    name_->setText(savedName_);
    notes_->setPlainText(savedNotes_);
  }

  const QString none = tr("—");
  QStringList facts;
  auto add = [&](const QString& label, const QString& value) {
    facts << QStringLiteral("<b>%1</b> %2").arg(label, (value.isEmpty() ? none : value).toHtmlEscaped());
  };
  add(tr("Status:"), RunText::status(run.status));
  add(tr("Model:"), detail.modelName);
  add(tr("Dataset:"), detail.datasetName);
  add(tr("Method:"), RunText::method(run.method, run.preset));
  add(tr("Trained on:"), run.device ? describeTrainingDevice(*run.device) : QString());
  add(tr("Created:"), localTimeText(run.createdAt));
  add(tr("Started:"), localTimeText(run.startedAt));
  add(tr("Finished:"), localTimeText(run.finishedAt));
  if (!run.errorText.empty()) add(tr("Problem:"), failureText(run.errorText, run.errorWords));
  facts_->setText(facts.join(QStringLiteral("<br>")));

  chart_->setCurves({detail.curves});
  const QJsonDocument config = QJsonDocument::fromJson(QByteArray::fromStdString(run.configJson));
  config_->setPlainText(config.isNull() ? qText(run.configJson) : QString::fromUtf8(config.toJson(QJsonDocument::Indented)));

  std::vector<QStringList> rows;
  for (const auto& checkpoint : detail.checkpoints) {
    rows.push_back({QString::number(checkpoint.step), byteSizeText(static_cast<quint64>(checkpoint.sizeBytes)),
                    localTimeText(checkpoint.createdAt), qText(checkpoint.path)});
  }
  fill(checkpoints_, rows);
  rows.clear();
  for (const auto& exported : detail.exports) {
    rows.push_back({exportKindText(exported.kind), localTimeText(exported.createdAt), qText(exported.path)});
  }
  fill(exports_, rows);
  rows.clear();
  for (const auto& event : detail.events) {
    rows.push_back({localTimeText(event.at), levelText(event.level), qText(event.message)});
  }
  fill(log_, rows);
}

void RunDetailDialog::openExportDialog() {
  auto* dialog = new ExportDialog(detail_.catalogFile, runId_, detail_.checkpoints, detail_.run.method != "full", this);
  dialog->setRunName(QString::fromStdString(detail_.run.name));
  dialog->setAttribute(Qt::WA_DeleteOnClose);
  // The exports tab shows the new row.
  connect(dialog, &ExportDialog::exported, this, [this] { worker_.requestDetail(runId_); });
  dialog->open();
}

void RunDetailDialog::save() {
  const QString name = name_->text().trimmed();
  if (name.isEmpty()) {
    showSaveStatus(tr("A run needs a name."));
    return;
  }
  if (name != savedName_) worker_.requestRename(runId_, name);
  if (notes_->toPlainText() != savedNotes_) worker_.requestNotes(runId_, notes_->toPlainText());
  savedName_ = name;
  savedNotes_ = notes_->toPlainText();
  setWindowTitle(tr("Run “%1”").arg(name));
  showSaveStatus(tr("Saving…"));
}

void RunDetailDialog::showSaveStatus(const QString& text) {
  status_->setText(text);
  status_->show();
  saveStatusShown_ = true;
}

bool RunDetailDialog::editedSinceSave() const {
  return name_->text().trimmed() != savedName_ || notes_->toPlainText() != savedNotes_;
}

}  // namespace tiertune::gui
