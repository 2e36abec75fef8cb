#include "app/gui/history/ExportDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

#include "app/gui/history/ExportJob.h"
#include "core/export/run_checkpoint.h"

namespace tiertune::gui {

namespace {

using exports::ExportFormat;
using exports::GgufLayout;

template <typename Enum>
Enum chosen(const QComboBox* box) {
  return static_cast<Enum>(box->currentData().toInt());
}

}  // namespace

ExportDialog::ExportDialog(QString catalogFile, catalog::Id runId,
                           const std::vector<catalog::CheckpointRecord>& checkpoints, bool adapterRun,
                           QWidget* parent)
    : QDialog(parent),
      catalogFile_(std::move(catalogFile)),
      runId_(runId),
      form_(new QFormLayout),
      checkpoint_(new QComboBox),
      format_(new QComboBox),
      dtype_(new QComboBox),
      ggufType_(new QComboBox),
      layout_(new QComboBox),
      publisher_(new QLineEdit(QStringLiteral("tiertune"))),
      modelfile_(new QCheckBox(tr("Also write an Ollama Modelfile"))),
      output_(new QLineEdit),
      browse_(new QPushButton(tr("Choose…"))),
      progress_(new QProgressBar),
      status_(new QLabel),
      export_(new QPushButton(tr("Export"))),
      cancel_(new QPushButton(tr("Cancel export"))) {
  setObjectName(QStringLiteral("exportDialog"));
  setWindowTitle(tr("Export a run"));
  checkpoint_->setObjectName(QStringLiteral("exportCheckpoint"));
  format_->setObjectName(QStringLiteral("exportFormat"));
  dtype_->setObjectName(QStringLiteral("exportDtype"));
  ggufType_->setObjectName(QStringLiteral("exportGgufType"));
  layout_->setObjectName(QStringLiteral("exportLayout"));
  publisher_->setObjectName(QStringLiteral("exportPublisher"));
  output_->setObjectName(QStringLiteral("exportOutput"));
  output_->setAccessibleName(tr("Save to"));  // its row label names a layout, not the field
  export_->setObjectName(QStringLiteral("exportButton"));
  cancel_->setObjectName(QStringLiteral("cancelExportButton"));
  progress_->setObjectName(QStringLiteral("exportProgress"));
  status_->setObjectName(QStringLiteral("exportStatus"));

  // Newest first: the latest checkpoint is what people export most.
  const std::vector<catalog::CheckpointRecord> available = exports::exportableCheckpoints(checkpoints);
  for (auto it = available.rbegin(); it != available.rend(); ++it) {
    const QString step = QString::number(it->step);
    checkpoint_->addItem(it == available.rbegin() ? tr("Step %1 (latest)").arg(step) : tr("Step %1").arg(step), step);
  }
  if (adapterRun) {
    format_->addItem(tr("LoRA adapter (PEFT), to load on top of the base model"), int(ExportFormat::PeftAdapter));
  }
  format_->addItem(tr("Merged model (Hugging Face folder)"), int(ExportFormat::MergedModel));
  format_->addItem(tr("GGUF for llama.cpp, Ollama and LM Studio"), int(ExportFormat::Gguf));
  dtype_->addItem(tr("float32 (as trained)"), int(formats::Dtype::F32));
  dtype_->addItem(tr("bfloat16 (half the size)"), int(formats::Dtype::BF16));
  dtype_->addItem(tr("float16 (half the size, for older GPUs)"), int(formats::Dtype::F16));
  ggufType_->addItem(tr("F16 (full quality)"), int(exports::GgufFileType::F16));
  ggufType_->addItem(tr("BF16 (full quality)"), int(exports::GgufFileType::BF16));
  ggufType_->addItem(tr("Q8_0 (half the size, nearly full quality)"), int(exports::GgufFileType::Q8_0));
  layout_->addItem(tr("One folder (llama.cpp, Ollama)"), int(GgufLayout::Flat));
  layout_->addItem(tr("LM Studio models folder (publisher/model/)"), int(GgufLayout::LmStudio));
  modelfile_->setChecked(true);
  progress_->setRange(0, 1000);
  progress_->hide();
  status_->setWordWrap(true);
  status_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  cancel_->setEnabled(false);

  auto* where = new QHBoxLayout;
  where->addWidget(output_, 1);
  where->addWidget(browse_);
  form_->addRow(tr("Checkpoint"), checkpoint_);
  form_->addRow(tr("Form"), format_);
  form_->addRow(tr("Precision"), dtype_);
  form_->addRow(tr("GGUF type"), ggufType_);
  form_->addRow(tr("Layout"), layout_);
  form_->addRow(tr("Publisher"), publisher_);
  form_->addRow(QString(), modelfile_);
  form_->addRow(tr("Save to"), where);

  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close);
  buttons->addButton(export_, QDialogButtonBox::ActionRole);
  buttons->addButton(cancel_, QDialogButtonBox::ActionRole);
  connect(buttons, &QDialogButtonBox::rejected, this, &ExportDialog::reject);
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(form_);
  layout->addWidget(progress_);
  layout->addWidget(status_);
  layout->addStretch(1);
  layout->addWidget(buttons);
  resize(620, 0);

  connect(format_, &QComboBox::currentIndexChanged, this, &ExportDialog::onFormatChanged);
  connect(layout_, &QComboBox::currentIndexChanged, this, &ExportDialog::updateChoices);
  connect(output_, &QLineEdit::textChanged, this, &ExportDialog::updateChoices);
  connect(browse_, &QPushButton::clicked, this, &ExportDialog::chooseOutput);
  connect(export_, &QPushButton::clicked, this, &ExportDialog::startExport);
  connect(cancel_, &QPushButton::clicked, this, [this] {
    if (job_) job_->cancel();
    status_->setText(tr("Cancelling…"));
  });
  onFormatChanged();
  if (available.empty()) status_->setText(tr("This run has no checkpoint to export yet."));
}

ExportDialog::~ExportDialog() = default;

void ExportDialog::setRunName(const QString& name) { setWindowTitle(tr("Export “%1”").arg(name)); }

void ExportDialog::onFormatChanged() {
  // Only when the form changes: a precision the user picked stays (also after an export).
  dtype_->setCurrentIndex(dtype_->findData(int(exports::defaultExportDtype(chosen<ExportFormat>(format_)))));
  updateChoices();
}

void ExportDialog::updateChoices() {
  const bool gguf = chosen<ExportFormat>(format_) == ExportFormat::Gguf;
  const bool lmStudio = gguf && chosen<GgufLayout>(layout_) == GgufLayout::LmStudio;
  form_->setRowVisible(dtype_, !gguf);
  form_->setRowVisible(ggufType_, gguf);
  form_->setRowVisible(layout_, gguf);
  form_->setRowVisible(publisher_, lmStudio);
  form_->setRowVisible(modelfile_, gguf);
  output_->setPlaceholderText(lmStudio ? tr("LM Studio's models folder") : tr("A new folder for the export"));
  export_->setEnabled(!job_ && checkpoint_->count() > 0 && !output_->text().trimmed().isEmpty());
}

QString ExportDialog::defaultFolderName() const {
  static const char* const kSuffixes[] = {"peft", "merged", "gguf"};
  return QStringLiteral("run-%1-step-%2-%3")
      .arg(runId_)
      .arg(checkpoint_->currentData().toString(),
           QString::fromLatin1(kSuffixes[static_cast<int>(chosen<ExportFormat>(format_))]));
}

void ExportDialog::chooseOutput() {
  const bool lmStudio = chosen<ExportFormat>(format_) == ExportFormat::Gguf &&
                        chosen<GgufLayout>(layout_) == GgufLayout::LmStudio;
  const QString folder = QFileDialog::getExistingDirectory(
      this, lmStudio ? tr("LM Studio's models folder") : tr("Where to create the export's folder"));
  if (folder.isEmpty()) return;
  // An export never goes into an existing folder (nothing is overwritten): a new one inside it.
  output_->setText(lmStudio ? folder : QDir(folder).filePath(defaultFolderName()));
}

exports::RunExportRequest ExportDialog::request() const {
  exports::RunExportRequest request;
  request.runId = runId_;
  request.checkpoint = checkpoint_->currentData().toString().toStdString();
  request.format = chosen<ExportFormat>(format_);
  request.output = output_->text().trimmed().toStdString();
  request.dtype = chosen<formats::Dtype>(dtype_);
  request.gguf.fileType = chosen<exports::GgufFileType>(ggufType_);
  request.gguf.layout = chosen<GgufLayout>(layout_);
  request.gguf.publisher = publisher_->text().trimmed().toStdString();
  request.gguf.writeOllamaModelfile = modelfile_->isChecked();
  return request;
}

void ExportDialog::startExport() {
  job_ = std::make_unique<ExportJob>(catalogFile_, request());
  connect(job_.get(), &ExportJob::progressed, this,
          [this](double fraction) { progress_->setValue(static_cast<int>(fraction * progress_->maximum())); });
  connect(job_.get(), &ExportJob::succeeded, this, [this](const QString& folder, const QStringList& files) {
    endExport(files.isEmpty() ? tr("Exported to %1").arg(QDir::toNativeSeparators(folder))
                              : tr("Exported to %1").arg(QDir::toNativeSeparators(files.join(QStringLiteral("\n")))));
    emit exported(runId_);
  });
  connect(job_.get(), &ExportJob::failed, this,
          [this](const QString& message) { endExport(tr("The export did not succeed: %1").arg(message)); });
  connect(job_.get(), &ExportJob::cancelled, this,
          [this] { endExport(tr("The export was cancelled; nothing was left behind.")); });
  setChoicesEnabled(false);
  export_->setEnabled(false);
  cancel_->setEnabled(true);
  progress_->setValue(0);
  progress_->show();
  status_->setText(tr("Exporting… a large model takes several minutes."));
  job_->start();
}

void ExportDialog::setChoicesEnabled(bool enabled) {
  for (QWidget* input : std::initializer_list<QWidget*>{checkpoint_, format_, dtype_, ggufType_, layout_, publisher_,
                                                        modelfile_, output_, browse_}) {
    input->setEnabled(enabled);
  }
}

void ExportDialog::endExport(const QString& message) {
  job_.reset();  // the thread has ended or is about to: waits for it
  setChoicesEnabled(true);
  cancel_->setEnabled(false);
  progress_->hide();
  status_->setText(message);
  updateChoices();
  emit finished();
}

void ExportDialog::reject() {
  // Closing while exporting cancels; the core removes what it wrote before the dialog goes.
  job_.reset();
  QDialog::reject();
}

}  // namespace tiertune::gui
