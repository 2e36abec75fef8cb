#include "app/gui/dialogs/ImportDatasetWizard.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPainter>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QTextBrowser>
#include <QVBoxLayout>

#include "app/gui/AppContext.h"
#include "app/gui/Appearance.h"
#include "app/gui/RangeSpinBox.h"
#include "app/gui/WizardHelp.h"
#include "core/catalog/catalog.h"
#include "core/data/text_documents.h"
#include "core/util/error.h"

namespace tiertune::gui {

namespace fs = std::filesystem;

// The lengths of the training rows as bars: rows per bin of tokens.
class LengthHistogram : public QWidget {
  Q_OBJECT  // for tr(): its texts are translated under this class's name

 public:
  explicit LengthHistogram(QWidget* parent = nullptr) : QWidget(parent) {
    setObjectName(QStringLiteral("lengthHistogram"));
    setMinimumHeight(160);
    setAccessibleName(tr("Lengths of the training examples"));
  }
  void setData(std::vector<std::size_t> rows, std::size_t binTokens) {
    rows_ = std::move(rows);
    binTokens_ = binTokens;
    setAccessibleDescription(description());
    update();
  }
  const std::vector<std::size_t>& rows() const { return rows_; }

 protected:
  void paintEvent(QPaintEvent*) override {
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    if (rows_.empty()) return;
    const QFontMetrics metrics(font());
    const int labelHeight = metrics.height() + 4;
    const QRect area = rect().adjusted(8, 8 + labelHeight, -8, -labelHeight * 2);
    const std::size_t most = std::max<std::size_t>(1, *std::max_element(rows_.begin(), rows_.end()));
    const double width = static_cast<double>(area.width()) / static_cast<double>(rows_.size());
    const QColor bar = palette().color(QPalette::Highlight);
    for (std::size_t i = 0; i < rows_.size(); ++i) {
      const double height = static_cast<double>(area.height()) * static_cast<double>(rows_[i]) / static_cast<double>(most);
      const QRectF shape(area.left() + width * static_cast<double>(i) + 1, area.bottom() - height, width - 2, height);
      painter.fillRect(shape, bar);
      if (rows_[i] > 0) {
        painter.drawText(QRectF(shape.left(), shape.top() - labelHeight, shape.width(), labelHeight),
                         Qt::AlignHCenter | Qt::AlignBottom, QLocale().toString(static_cast<qulonglong>(rows_[i])));
      }
    }
    painter.setPen(palette().color(QPalette::WindowText));
    painter.drawLine(area.bottomLeft(), area.bottomRight());
    const QLocale locale;
    painter.drawText(QRect(area.left(), area.bottom() + 2, area.width() / 2, labelHeight), Qt::AlignLeft,
                     tr("1 token"));
    painter.drawText(QRect(area.left() + area.width() / 2, area.bottom() + 2, area.width() / 2, labelHeight),
                     Qt::AlignRight,
                     tr("%1 tokens").arg(locale.toString(static_cast<qulonglong>(binTokens_ * rows_.size()))));
    painter.drawText(QRect(area.left(), area.bottom() + 2 + labelHeight, area.width(), labelHeight), Qt::AlignHCenter,
                     tr("rows by length"));
  }

 private:
  // The bars in words, for a screen reader: how many examples fall in each range of lengths.
  QString description() const {
    const QLocale locale;
    QStringList ranges;
    for (std::size_t i = 0; i < rows_.size(); ++i) {
      if (rows_[i] == 0) continue;
      ranges << tr("%n example(s) of %1 to %2 tokens", nullptr, static_cast<int>(rows_[i]))
                    .arg(locale.toString(static_cast<qulonglong>(i * binTokens_ + 1)),
                         locale.toString(static_cast<qulonglong>((i + 1) * binTokens_)));
    }
    return ranges.join(QStringLiteral("; "));
  }

  std::vector<std::size_t> rows_;
  std::size_t binTokens_ = 1;
};

namespace {

// A page that is complete only once its work (the check, the import) has finished.
class WorkPage : public QWizardPage {
 public:
  using QWizardPage::QWizardPage;
  void setDone(bool done) {
    done_ = done;
    emit completeChanged();
  }
  bool isComplete() const override { return done_; }

 private:
  bool done_ = false;
};

// The longest example the options offer, and the default when the model's context holds it.
constexpr int kMostTokens = 131072;
constexpr int kDefaultTokens = 2048;
constexpr int kContextRole = Qt::UserRole + 1;  // the model's context in tokens, on the model choice

struct ShapeChoice {
  const char* text;
  std::optional<data::RecordShape> shape;
};

QString reasonText(data::RowProblemKind kind) {
  switch (kind) {
    case data::RowProblemKind::InvalidJson: return QObject::tr("Not valid JSON");
    case data::RowProblemKind::NotAnObject: return QObject::tr("Not an object with fields");
    case data::RowProblemKind::MissingField: return QObject::tr("A field is missing");
    case data::RowProblemKind::WrongType: return QObject::tr("A field has the wrong type");
    case data::RowProblemKind::EmptyField: return QObject::tr("A field is empty");
    case data::RowProblemKind::UnknownRole: return QObject::tr("Unknown speaker role");
    case data::RowProblemKind::EmptyResponse: return QObject::tr("No answer to learn from");
    case data::RowProblemKind::BadCsvRow: return QObject::tr("Broken CSV row");
    case data::RowProblemKind::TooLong: return QObject::tr("Longer than the context");
    case data::RowProblemKind::Duplicate: return QObject::tr("Exact duplicate");
    case data::RowProblemKind::TemplateRefused: return QObject::tr("Refused by the chat template");
    case data::RowProblemKind::AnswerNotFound: return QObject::tr("Answer not found after templating");
    case data::RowProblemKind::UnreadableFile: return QObject::tr("File cannot be read as text");
    case data::RowProblemKind::NotUtf8: return QObject::tr("Line is not UTF-8 text");
    case data::RowProblemKind::RowTooLarge: return QObject::tr("Row too large");
  }
  return QObject::tr("Problem");
}

QLabel* wrappedLabel(const QString& text = {}) {
  auto* label = new QLabel(text);
  label->setWordWrap(true);
  return label;
}

QLabel* errorLabel(const char* name) {
  QLabel* label = wrappedLabel();
  label->setObjectName(QString::fromLatin1(name));
  showAsProblem(label);
  label->hide();
  return label;
}

}  // namespace

ImportDatasetWizard::ImportDatasetWizard(AppContext& context, const QString& file, QWidget* parent)
    : QWizard(parent), context_(context) {
  setObjectName(QStringLiteral("importDatasetWizard"));
  setWindowTitle(tr("Import dataset"));
  setWizardStyle(QWizard::ModernStyle);
  setOption(QWizard::NoBackButtonOnLastPage);
  enablePageHelp(this);
  setMinimumSize(760, 560);
  setPage(FilePage, makeFilePage());
  setPage(FormatPage, makeFormatPage());
  setPage(PreviewPage, makePreviewPage());
  setPage(ReportPage, makeReportPage());
  setPage(OptionsPage, makeOptionsPage());
  setPage(ImportPage, makeImportPage());
  setPage(SummaryPage, makeSummaryPage());
  file_->setText(file);
  if (!file.isEmpty()) name_->setText(QFileInfo(file).completeBaseName());
  fitLongestExampleToModel();
  connect(model_, &QComboBox::currentIndexChanged, this, &ImportDatasetWizard::fitLongestExampleToModel);
}

ImportDatasetWizard::~ImportDatasetWizard() {
  stop_.request_stop();  // the worker finishes its row and leaves nothing behind
}

QWizardPage* ImportDatasetWizard::makeFilePage() {
  auto* page = new QWizardPage;
  page->setTitle(tr("Choose the file and the model"));
  page->setSubTitle(tr("JSON lines, a JSON list, or CSV/TSV with a header row. The model decides how the "
                       "examples are written out (its chat template) and cut into tokens."));
  setPageHelp(page, tr("Choose the file that holds your examples, or a folder of .txt and .md files to teach the "
                       "model your documents. Choose the model you will fine-tune: the examples are written out with "
                       "its chat template and counted in its tokens. The name is how the dataset appears on the "
                       "Datasets page. Next reads the first rows; a file that cannot be read is named here with the "
                       "reason."));
  file_ = new QLineEdit;
  file_->setObjectName(QStringLiteral("datasetFile"));
  file_->setAccessibleName(tr("Dataset file"));
  auto* browse = new QPushButton(tr("Browse…"));
  connect(browse, &QPushButton::clicked, this, [this] {
    const QString chosen = QFileDialog::getOpenFileName(this, tr("Choose a dataset file"), file_->text(),
                                                        tr("Datasets (*.jsonl *.json *.csv *.tsv *.txt);;All files (*)"));
    if (chosen.isEmpty()) return;
    file_->setText(chosen);
    if (name_->text().isEmpty()) name_->setText(QFileInfo(chosen).completeBaseName());
  });
  auto* folder = new QPushButton(tr("Folder of texts…"));
  folder->setToolTip(tr("Every .txt and .md file in a folder, for teaching the model your documents."));
  connect(folder, &QPushButton::clicked, this, [this] {
    const QString chosen = QFileDialog::getExistingDirectory(this, tr("Choose a folder of .txt or .md files"), file_->text());
    if (chosen.isEmpty()) return;
    file_->setText(chosen);
    if (name_->text().isEmpty()) name_->setText(QFileInfo(chosen).fileName());
  });
  auto* fileRow = new QHBoxLayout;
  fileRow->addWidget(file_, 1);
  fileRow->addWidget(browse);
  fileRow->addWidget(folder);
  model_ = new QComboBox;
  model_->setObjectName(QStringLiteral("datasetModel"));
  if (catalog::Catalog* catalog = context_.catalog()) {
    for (const catalog::ModelRecord& model : catalog->models()) {
      model_->addItem(QString::fromStdString(model.name), QString::fromStdString(model.path));
      model_->setItemData(model_->count() - 1, static_cast<qlonglong>(model.contextLength), kContextRole);
    }
  }
  name_ = new QLineEdit;
  name_->setObjectName(QStringLiteral("datasetName"));
  fileError_ = errorLabel("fileError");
  auto* form = new QFormLayout;
  form->addRow(tr("File:"), fileRow);
  form->addRow(tr("Model:"), model_);
  form->addRow(tr("Name:"), name_);
  auto* layout = new QVBoxLayout(page);
  layout->addLayout(form);
  if (model_->count() == 0) {
    layout->addWidget(wrappedLabel(tr("There is no model in the catalog yet. Add one on the Models page first: "
                                      "the dataset is prepared for a particular model.")));
  }
  layout->addWidget(fileError_);
  layout->addStretch(1);
  // Once Next has checked the page, what it says follows the input: it changes or goes away as the
  // person corrects it.
  const auto recheck = [this] {
    if (filePageChecked_) showError(fileError_, filePageProblem());
  };
  connect(file_, &QLineEdit::textChanged, this, recheck);
  connect(name_, &QLineEdit::textChanged, this, recheck);
  connect(model_, &QComboBox::currentIndexChanged, this, recheck);
  return page;
}

QWizardPage* ImportDatasetWizard::makeFormatPage() {
  auto* page = new QWizardPage;
  page->setTitle(tr("Format and fields"));
  page->setSubTitle(tr("What the rows hold, as read from the first rows of the file. Change it when the guess "
                       "is wrong, and rename fields when your file calls them differently."));
  setPageHelp(page, tr("Tiertune guesses what each row holds from the first rows. When the guess is wrong, choose "
                       "the format yourself. When your file uses other names for the fields, write them as "
                       "name=your_name pairs separated by commas, for example prompt=question,completion=answer."));
  shape_ = new QComboBox;
  shape_->setObjectName(QStringLiteral("datasetShape"));
  const ShapeChoice choices[] = {
      {QT_TR_NOOP("Recognize it"), std::nullopt},
      {QT_TR_NOOP("Instructions (instruction, input, output)"), data::RecordShape::Alpaca},
      {QT_TR_NOOP("Conversations, ShareGPT (conversations: from, value)"), data::RecordShape::ShareGpt},
      {QT_TR_NOOP("Conversations (messages: role, content)"), data::RecordShape::Messages},
      {QT_TR_NOOP("Prompt and completion"), data::RecordShape::PromptCompletion},
      {QT_TR_NOOP("Plain text"), data::RecordShape::Text}};
  for (const ShapeChoice& choice : choices) {
    shape_->addItem(tr(choice.text), choice.shape ? QVariant(static_cast<int>(*choice.shape)) : QVariant());
  }
  mapping_ = new QLineEdit;
  mapping_->setObjectName(QStringLiteral("datasetMapping"));
  mapping_->setPlaceholderText(tr("for example: prompt=question,completion=answer"));
  detected_ = wrappedLabel();
  detected_->setObjectName(QStringLiteral("detectedFormat"));
  formatError_ = errorLabel("formatError");
  auto* form = new QFormLayout;
  form->addRow(tr("Format:"), shape_);
  form->addRow(tr("Field names:"), mapping_);
  auto* layout = new QVBoxLayout(page);
  layout->addLayout(form);
  layout->addWidget(detected_);
  layout->addWidget(formatError_);
  layout->addStretch(1);
  return page;
}

QWizardPage* ImportDatasetWizard::makePreviewPage() {
  auto* page = new QWizardPage;
  page->setTitle(tr("Preview"));
  page->setSubTitle(tr("The first rows exactly as the model will read them. The model learns to write the "
                       "highlighted text; the rest is what it is given."));
  setPageHelp(page, tr("Read a few examples as the model will see them. The highlighted text is what the model learns "
                       "to write; the rest is what it is given. If questions are highlighted or answers are not, go "
                       "back and correct the format or the field names."));
  preview_ = new QTextBrowser;
  preview_->setObjectName(QStringLiteral("datasetPreview"));
  preview_->setAccessibleName(tr("Preview of the examples as the model reads them"));
  auto* layout = new QVBoxLayout(page);
  layout->addWidget(preview_);
  return page;
}

QWizardPage* ImportDatasetWizard::makeReportPage() {
  auto* page = new WorkPage;
  page->setTitle(tr("Check every row"));
  page->setSubTitle(tr("Rows that cannot be used are listed with their row and line numbers and the reason. "
                       "Nothing is left out without appearing here."));
  setPageHelp(page, tr("Every row of the file is checked. Rows that cannot be used are listed with their row and "
                       "line numbers and the reason; the rest are imported. Fix the rows in your file and start again, "
                       "or go on without them. The report can be saved as a CSV file."));
  checkStatus_ = wrappedLabel();
  checkStatus_->setObjectName(QStringLiteral("checkStatus"));
  reasons_ = new QTableWidget(0, 2);
  reasons_->setObjectName(QStringLiteral("reportReasons"));
  reasons_->setAccessibleName(tr("Problems by reason"));
  reasons_->setHorizontalHeaderLabels({tr("Reason"), tr("Rows")});
  reasons_->horizontalHeader()->setStretchLastSection(true);
  reasons_->verticalHeader()->hide();
  reasons_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  reasons_->setMaximumHeight(150);
  problems_ = new QTableWidget(0, 4);
  problems_->setObjectName(QStringLiteral("reportProblems"));
  problems_->setAccessibleName(tr("Rows that cannot be used"));
  problems_->setHorizontalHeaderLabels({tr("Row"), tr("Line"), tr("Reason"), tr("Details")});
  problems_->horizontalHeader()->setStretchLastSection(true);
  problems_->verticalHeader()->hide();
  problems_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  exportReport_ = new QPushButton(tr("Export the report as CSV…"));
  exportReport_->setObjectName(QStringLiteral("exportReport"));
  exportReport_->setEnabled(false);
  connect(exportReport_, &QPushButton::clicked, this, [this] {
    if (!check_) return;
    const QString target = QFileDialog::getSaveFileName(this, tr("Save the report"), QStringLiteral("report.csv"),
                                                        tr("CSV files (*.csv)"));
    if (target.isEmpty()) return;
    try {
      check_->report.saveCsv(target.toStdString());
    } catch (const std::exception& error) {
      checkStatus_->setText(tr("The report could not be saved: %1").arg(QString::fromStdString(error.what())));
    }
  });
  auto* layout = new QVBoxLayout(page);
  layout->addWidget(checkStatus_);
  layout->addWidget(reasons_);
  layout->addWidget(problems_, 1);
  layout->addWidget(exportReport_, 0, Qt::AlignLeft);
  return page;
}

QWizardPage* ImportDatasetWizard::makeOptionsPage() {
  auto* page = new QWizardPage;
  page->setTitle(tr("Split and options"));
  page->setSubTitle(tr("A share of the rows is held back to measure how well the model does on examples it "
                       "has not trained on."));
  setPageHelp(page, tr("A share of the rows is held back to measure the model on examples it has not trained on; the "
                       "seed decides which rows, so the same seed gives the same split. Examples longer than the "
                       "longest allowed are cut or left out. Usually the model should learn only the answers, not "
                       "the questions."));
  optionsNote_ = new RangeNote("optionsNote");
  const QString shareLabel = tr("Held back for validation:");
  const QString seedLabel = tr("Seed of the split:");
  const QString tokensLabel = tr("Longest example (tokens):");
  auto* share = new RangeSpinBox<QDoubleSpinBox>;
  share->reportTo(optionsNote_, shareLabel);
  validationShare_ = share;
  validationShare_->setObjectName(QStringLiteral("validationShare"));
  validationShare_->setRange(0, 50);
  validationShare_->setSuffix(QStringLiteral(" %"));
  validationShare_->setValue(5);
  auto* seed = new RangeSpinBox<QSpinBox>;
  seed->reportTo(optionsNote_, seedLabel);
  seed_ = seed;
  seed_->setObjectName(QStringLiteral("splitSeed"));
  seed_->setRange(0, 1'000'000);
  seed_->setValue(1234);
  auto* tokens = new RangeSpinBox<QSpinBox>;
  tokens->reportTo(optionsNote_, tokensLabel);
  maxTokens_ = tokens;
  maxTokens_->setObjectName(QStringLiteral("maxTokens"));
  maxTokens_->setRange(16, kMostTokens);  // at most the model's context: fitLongestExampleToModel
  maxTokens_->setValue(kDefaultTokens);
  tooLong_ = new QComboBox;
  tooLong_->setObjectName(QStringLiteral("tooLong"));
  tooLong_->addItem(tr("Cut them to the length"));
  tooLong_->addItem(tr("Leave them out (listed in the report)"));
  lossOn_ = new QComboBox;
  lossOn_->setObjectName(QStringLiteral("lossOn"));
  lossOn_->addItem(tr("Every answer (recommended)"));
  lossOn_->addItem(tr("Only the last answer of each conversation"));
  lossOn_->addItem(tr("Every token, questions included"));
  removeDuplicates_ = new QCheckBox(tr("Leave out exact duplicates (listed in the report)"));
  removeDuplicates_->setObjectName(QStringLiteral("removeDuplicates"));
  removeDuplicates_->setChecked(true);
  auto* form = new QFormLayout(page);
  form->addRow(shareLabel, validationShare_);
  form->addRow(seedLabel, seed_);
  form->addRow(tokensLabel, maxTokens_);
  form->addRow(tr("Longer examples:"), tooLong_);
  form->addRow(tr("The model learns:"), lossOn_);
  form->addRow(QString(), removeDuplicates_);
  form->addRow(optionsNote_);
  return page;
}

QWizardPage* ImportDatasetWizard::makeImportPage() {
  auto* page = new WorkPage;
  page->setTitle(tr("Importing"));
  page->setSubTitle(tr("The rows are read, checked and cut into tokens. Cancel leaves nothing behind."));
  setPageHelp(page, tr("The import runs in the background and shows how far it is. Cancel stops it and leaves the "
                       "catalog as it was. When it is done, Next shows the summary."));
  progress_ = new QProgressBar;
  progress_->setObjectName(QStringLiteral("importProgress"));
  progress_->setRange(0, 1000);
  progress_->setAccessibleName(tr("Import progress"));
  importStatus_ = wrappedLabel();
  importStatus_->setObjectName(QStringLiteral("importStatus"));
  cancel_ = new QPushButton(tr("Cancel the import"));
  cancel_->setObjectName(QStringLiteral("cancelImport"));
  connect(cancel_, &QPushButton::clicked, this, [this] {
    stop_.request_stop();
    cancel_->setEnabled(false);
    importStatus_->setText(tr("Cancelling…"));
  });
  auto* layout = new QVBoxLayout(page);
  layout->addWidget(progress_);
  layout->addWidget(importStatus_);
  layout->addWidget(cancel_, 0, Qt::AlignLeft);
  layout->addStretch(1);
  return page;
}

QWizardPage* ImportDatasetWizard::makeSummaryPage() {
  auto* page = new QWizardPage;
  page->setTitle(tr("Imported"));
  setPageHelp(page, tr("The dataset is now on the Datasets page. The chart shows how long the examples are in tokens: "
                       "the sequence length of a run should hold most of them. Start a run from the Runs page with New "
                       "fine-tune."));
  page->setFinalPage(true);
  summary_ = wrappedLabel();
  summary_->setObjectName(QStringLiteral("importSummary"));
  histogram_ = new LengthHistogram;
  auto* layout = new QVBoxLayout(page);
  layout->addWidget(summary_);
  layout->addWidget(histogram_, 1);
  return page;
}

data::ImportRequest ImportDatasetWizard::request() const {
  data::ImportRequest request;
  request.file = file_->text().trimmed().toStdString();
  request.name = name_->text().trimmed().toStdString();
  request.modelFolder = model_->currentData().toString().toStdString();
  if (shape_->currentData().isValid()) request.shape = static_cast<data::RecordShape>(shape_->currentData().toInt());
  if (!mapping_->text().trimmed().isEmpty()) request.mapping = data::FieldMapping::parse(mapping_->text().trimmed().toStdString());
  request.validationShare = validationShare_->value() / 100.0;
  request.seed = static_cast<std::uint64_t>(seed_->value());
  request.encode.maxTokens = static_cast<std::size_t>(maxTokens_->value());
  request.encode.tooLong = tooLong_->currentIndex() == 1 ? data::TooLongPolicy::Skip : data::TooLongPolicy::Truncate;
  request.encode.lossOn = lossOn_->currentIndex() == 1   ? data::LossOn::LastResponse
                          : lossOn_->currentIndex() == 2 ? data::LossOn::Everything
                                                         : data::LossOn::Responses;
  request.removeDuplicates = removeDuplicates_->isChecked();
  return request;
}

void ImportDatasetWizard::showError(QLabel* label, const QString& text) {
  label->setText(text);
  label->setVisible(!text.isEmpty());
}

bool ImportDatasetWizard::validateCurrentPage() {
  if (working_) return false;
  switch (currentId()) {
    case FilePage: {
      const QString problem = filePageProblem();
      filePageChecked_ = true;
      showError(fileError_, problem);
      return problem.isEmpty();
    }
    case FormatPage: {
      try {
        // The preview page shows these rows: read them once, with the format as chosen here.
        previewRows_ = data::previewImport(request(), 5);
        showError(formatError_, {});
        return true;
      } catch (const std::exception& error) {
        showError(formatError_, QString::fromStdString(error.what()));
        return false;
      }
    }
    case OptionsPage:
      return !optionsNote_->takeUnseenRefusal();
    default:
      return true;
  }
}

QString ImportDatasetWizard::filePageProblem() const {
  const QString file = file_->text().trimmed();
  if (file.isEmpty() || !QFileInfo::exists(file)) {
    return tr("Choose a file that exists: %1").arg(file.isEmpty() ? tr("(none)") : file);
  }
  if (model_->count() == 0) return tr("Add a model on the Models page first.");
  const QString name = name_->text().trimmed();
  if (name.isEmpty()) return tr("Give the dataset a name.");
  if (catalog::Catalog* catalog = context_.catalog()) {
    for (const auto& dataset : catalog->datasets()) {
      if (QString::fromStdString(dataset.name) == name) {
        return tr("There is a dataset named \"%1\" already; choose another name.").arg(name);
      }
    }
  }
  return {};
}

void ImportDatasetWizard::fitLongestExampleToModel() {
  const qlonglong context = model_->currentData(kContextRole).toLongLong();
  const int limit = context > 0 ? static_cast<int>(std::min<qlonglong>(context, kMostTokens)) : kMostTokens;
  const int chosen = maxTokens_->value();
  const bool byDefault = chosen == defaultMaxTokens_;
  defaultMaxTokens_ = std::min(kDefaultTokens, limit);
  maxTokens_->setMaximum(limit);
  if (byDefault) {
    maxTokens_->setValue(defaultMaxTokens_);
  } else if (chosen > limit) {
    const QLocale locale;
    optionsNote_->tell(maxTokens_, tr("The longest example was %1 tokens, more than the context of %2 (%3 tokens), "
                                      "so it is now %3 tokens.")
                                       .arg(locale.toString(chosen), model_->currentText(), locale.toString(limit)));
  }
}

void ImportDatasetWizard::initializePage(int id) {
  if (id == FormatPage) {
    try {
      data::ImportRequest probe = request();
      probe.shape.reset();
      data::RecordShape shape = data::RecordShape::Text;
      double confidence = 0;
      (void)data::previewImport(probe, 1, &shape, &confidence);
      if (data::isTextDocumentSource(probe.file)) {
        detected_->setText(tr("Plain text documents: cut into samples of the longest example's length that "
                              "overlap a little, and the model learns all of the text."));
      } else {
        const auto format = data::detectFileFormat(probe.file);
        detected_->setText(tr("Read as %1 (%2), %3% of the first rows fit.")
                               .arg(QString::fromLatin1(data::shapeName(shape)),
                                    QString::fromLatin1(data::containerName(format.container)))
                               .arg(qRound(confidence * 100)));
      }
      showError(formatError_, {});
    } catch (const std::exception& error) {
      // Said once, where Next would say it again (validateCurrentPage), not also as the guess.
      detected_->clear();
      showError(formatError_, QString::fromStdString(error.what()));
    }
  } else if (id == PreviewPage) {
    QString html;
    // Colours that read in the light and the dark scheme alike (what is learned, what is context).
    const MeaningColors colours = meaningColors(preview_->palette());
    const QString learnedStyle = QStringLiteral("color:%1; background:%2")
                                     .arg(htmlColor(colours.learnedText), htmlColor(colours.learnedBackground));
    const QString secondary = htmlColor(colours.secondaryText);
    for (const data::PreviewRow& row : previewRows_) {
      html += QStringLiteral("<p><b>%1</b> ").arg(tr("Row %1").arg(row.row));
      if (row.problem) {
        html += QStringLiteral("<span style='color:%1'>%2</span></p>")
                    .arg(htmlColor(colours.problemText))
                    .arg(tr("not used: %1").arg(QString::fromStdString(row.problem->detail).toHtmlEscaped()));
        continue;
      }
      html += tr("%1 tokens, %2 learned").arg(row.tokens).arg(row.trainedTokens) + QStringLiteral("</p><pre style='white-space:pre-wrap'>");
      for (const auto& [text, trained] : row.segments) {
        const QString escaped = QString::fromStdString(text).toHtmlEscaped();
        html += trained ? QStringLiteral("<span style='%1'>%2</span>").arg(learnedStyle, escaped)
                        : QStringLiteral("<span style='color:%1'>%2</span>").arg(secondary, escaped);
      }
      html += QStringLiteral("</pre><hr/>");
    }
    preview_->setHtml(html);
  } else if (id == ReportPage) {
    runCheck();
  } else if (id == ImportPage) {
    runImport();
  } else if (id == SummaryPage && imported_) {
    const data::ImportResult& result = *imported_;
    const QLocale locale;
    summary_->setText(
        tr("\"%1\" is ready: %2 training rows and %3 validation rows, %4 tokens, of which the model learns %5. "
           "%6 rows were not used (their list is in the dataset's folder).")
            .arg(name_->text().trimmed(), locale.toString(static_cast<qulonglong>(result.train.rows)),
                 locale.toString(static_cast<qulonglong>(result.validation.rows)),
                 locale.toString(static_cast<qulonglong>(result.train.tokens + result.validation.tokens)),
                 locale.toString(static_cast<qulonglong>(result.train.trainedTokens + result.validation.trainedTokens)),
                 locale.toString(static_cast<qulonglong>(result.report.total()))));
    histogram_->setData(result.train.histogram, result.histogramBinTokens);
  }
}

void ImportDatasetWizard::cleanupPage(int id) {
  if (id == ReportPage || id == ImportPage) stop_.request_stop();
  QWizard::cleanupPage(id);
}

void ImportDatasetWizard::runCheck() {
  auto* page = static_cast<WorkPage*>(this->page(ReportPage));
  page->setDone(false);
  check_.reset();
  reasons_->setRowCount(0);
  problems_->setRowCount(0);
  exportReport_->setEnabled(false);
  checkStatus_->setText(tr("Reading every row…"));
  data::ImportRequest request = this->request();
  request.dryRun = true;
  request.name = "check";  // a dry run adds nothing to the catalog
  const fs::path catalogFile = context_.settings().catalogFile();
  const fs::path dataFolder = context_.settings().dataFolder;
  stop_ = std::stop_source();
  working_ = true;
  QPointer<ImportDatasetWizard> self(this);
  worker_ = std::jthread([self, request, catalogFile, dataFolder, stop = stop_.get_token()] {
    std::optional<data::ImportResult> result;
    QString failure;
    try {
      catalog::Catalog own = catalog::Catalog::open(catalogFile);  // a connection of this thread's own
      result = data::importDataset(own, dataFolder, request, {}, stop);
    } catch (const std::exception& error) {
      failure = QString::fromStdString(error.what());
    }
    QMetaObject::invokeMethod(
        qApp,
        [self, result = std::move(result), failure]() mutable {
          if (!self) return;
          self->working_ = false;
          auto* reportPage = static_cast<WorkPage*>(self->page(ReportPage));
          if (!result) {
            self->checkStatus_->setText(tr("The file cannot be imported: %1").arg(failure));
            return;
          }
          if (result->cancelled) return;
          self->check_ = std::move(result);
          const data::ImportResult& check = *self->check_;
          const QLocale locale;
          const std::size_t usable = check.train.rows + check.validation.rows;
          self->checkStatus_->setText(
              check.report.total() == 0
                  ? tr("All %1 rows can be used.").arg(locale.toString(static_cast<qulonglong>(usable)))
                  : tr("%1 rows can be used; %2 cannot, for the reasons below.")
                        .arg(locale.toString(static_cast<qulonglong>(usable)),
                             locale.toString(static_cast<qulonglong>(check.report.total()))));
          for (std::size_t kind = 0; kind < data::kRowProblemKinds; ++kind) {
            const auto problemKind = static_cast<data::RowProblemKind>(kind);
            if (check.report.count(problemKind) == 0) continue;
            const int row = self->reasons_->rowCount();
            self->reasons_->insertRow(row);
            self->reasons_->setItem(row, 0, new QTableWidgetItem(reasonText(problemKind)));
            self->reasons_->setItem(row, 1, new QTableWidgetItem(locale.toString(static_cast<qulonglong>(check.report.count(problemKind)))));
          }
          const auto& problems = check.report.problems();
          const int shown = static_cast<int>(std::min<std::size_t>(problems.size(), 1000));
          self->problems_->setRowCount(shown);
          for (int i = 0; i < shown; ++i) {
            const data::RowProblem& problem = problems[static_cast<std::size_t>(i)];
            self->problems_->setItem(i, 0, new QTableWidgetItem(QString::number(problem.row)));
            self->problems_->setItem(i, 1, new QTableWidgetItem(QString::number(problem.line)));
            self->problems_->setItem(i, 2, new QTableWidgetItem(reasonText(problem.kind)));
            self->problems_->setItem(i, 3, new QTableWidgetItem(QString::fromStdString(problem.detail)));
          }
          self->exportReport_->setEnabled(check.report.total() > 0);
          reportPage->setDone(usable > 0);
          emit self->checkFinished();
        },
        Qt::QueuedConnection);
  });
}

void ImportDatasetWizard::runImport() {
  auto* page = static_cast<WorkPage*>(this->page(ImportPage));
  page->setDone(false);
  imported_.reset();
  progress_->setValue(0);
  cancel_->setEnabled(true);
  importStatus_->setText(tr("Starting…"));
  const data::ImportRequest request = this->request();
  const fs::path catalogFile = context_.settings().catalogFile();
  const fs::path dataFolder = context_.settings().dataFolder;
  stop_ = std::stop_source();
  working_ = true;
  button(QWizard::BackButton)->setEnabled(false);
  QPointer<ImportDatasetWizard> self(this);
  worker_ = std::jthread([self, request, catalogFile, dataFolder, stop = stop_.get_token()] {
    std::optional<data::ImportResult> result;
    QString failure;
    try {
      catalog::Catalog own = catalog::Catalog::open(catalogFile);
      result = data::importDataset(
          own, dataFolder, request,
          [self](const data::ImportProgress& p) {
            const int value = p.totalBytes ? static_cast<int>(1000.0 * static_cast<double>(p.bytesRead) / static_cast<double>(p.totalBytes)) : 0;
            const qulonglong rows = p.rows;
            QMetaObject::invokeMethod(
                qApp,
                [self, value, rows] {
                  if (!self) return;
                  self->progress_->setValue(value);
                  self->importStatus_->setText(tr("%1 rows read").arg(QLocale().toString(rows)));
                },
                Qt::QueuedConnection);
          },
          stop);
    } catch (const std::exception& error) {
      failure = QString::fromStdString(error.what());
    }
    QMetaObject::invokeMethod(
        qApp,
        [self, result = std::move(result), failure]() mutable {
          if (!self) return;
          self->working_ = false;
          self->cancel_->setEnabled(false);
          self->button(QWizard::BackButton)->setEnabled(true);
          if (!result) {
            self->importStatus_->setText(tr("The import failed and left nothing behind: %1").arg(failure));
            return;
          }
          if (!result->dataset) {
            self->importStatus_->setText(result->cancelled ? tr("Cancelled. Nothing was added.")
                                                           : tr("Nothing was imported: %1")
                                                                 .arg(QString::fromStdString(result->failure)));
            return;
          }
          self->progress_->setValue(1000);
          self->importStatus_->setText(tr("Done."));
          self->imported_ = std::move(result);
          self->context_.notifyCatalogChanged();
          static_cast<WorkPage*>(self->page(ImportPage))->setDone(true);
          emit self->importFinished();
        },
        Qt::QueuedConnection);
  });
}

}  // namespace tiertune::gui

#include "ImportDatasetWizard.moc"
