#include "app/gui/importdataset/ImportReportPage.h"

#include <QFileDialog>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>
#include <filesystem>

#include "app/gui/AppContext.h"
#include "app/gui/ErrorText.h"
#include "app/gui/WizardHelp.h"
#include "app/gui/WizardLabels.h"
#include "app/gui/importdataset/ImportDraft.h"
#include "core/catalog/catalog.h"

namespace tiertune::gui {

namespace fs = std::filesystem;

namespace {

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

}  // namespace

ImportReportPage::ImportReportPage(AppContext& context, ImportDraft& draft, QWidget* parent)
    : QWizardPage(parent), context_(context), draft_(draft) {
  setTitle(tr("Check every row"));
  setSubTitle(tr("Rows that cannot be used are listed with their row and line numbers and the reason. "
                 "Nothing is left out without appearing here."));
  setPageHelp(this, tr("Every row of the file is checked. Rows that cannot be used are listed with their row and "
                       "line numbers and the reason; the rest are imported. Fix the rows in your file and start again, "
                       "or go on without them. The report can be saved as a CSV file."));
  status_ = wrappedLabel("checkStatus");
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
    if (!draft_.check) return;
    const QString target = QFileDialog::getSaveFileName(window(), tr("Save the report"), QStringLiteral("report.csv"),
                                                        tr("CSV files (*.csv)"));
    if (target.isEmpty()) return;
    try {
      draft_.check->report.saveCsv(target.toStdString());
    } catch (const std::exception& error) {
      status_->setText(tr("The report could not be saved: %1").arg(errorText(error)));
    }
  });
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(status_);
  layout->addWidget(reasons_);
  layout->addWidget(problems_, 1);
  layout->addWidget(exportReport_, 0, Qt::AlignLeft);
}

void ImportReportPage::initializePage() { runCheck(); }

void ImportReportPage::cleanupPage() {
  job_.requestStop();
  QWizardPage::cleanupPage();
}

void ImportReportPage::setDone(bool done) {
  done_ = done;
  emit completeChanged();
}

void ImportReportPage::runCheck() {
  setDone(false);
  draft_.check.reset();
  reasons_->setRowCount(0);
  problems_->setRowCount(0);
  exportReport_->setEnabled(false);
  status_->setText(tr("Reading every row…"));
  data::ImportRequest request = draft_.request();
  request.dryRun = true;
  request.name = "check";  // a dry run adds nothing to the catalog
  const fs::path catalogFile = context_.settings().catalogFile();
  const fs::path dataFolder = context_.settings().dataFolder;
  draft_.working = true;
  job_.start(
      this,
      [request, catalogFile, dataFolder](std::stop_token stop) {
        catalog::Catalog own = catalog::Catalog::open(catalogFile);  // a connection of this thread's own
        return data::importDataset(own, dataFolder, request, {}, stop);
      },
      [](ImportReportPage& page, data::ImportResult result) {
        page.draft_.working = false;
        if (!result.cancelled) page.showCheck(std::move(result));
      },
      [](ImportReportPage& page, const QString& failure) {
        page.draft_.working = false;
        page.status_->setText(tr("The file cannot be imported: %1").arg(failure));
      });
}

void ImportReportPage::showCheck(data::ImportResult result) {
  draft_.check = std::move(result);
  const data::ImportResult& check = *draft_.check;
  const QLocale locale;
  const std::size_t usable = check.train.rows + check.validation.rows;
  status_->setText(check.report.total() == 0
                       ? tr("All %1 rows can be used.").arg(locale.toString(static_cast<qulonglong>(usable)))
                       : tr("%1 rows can be used; %2 cannot, for the reasons below.")
                             .arg(locale.toString(static_cast<qulonglong>(usable)),
                                  locale.toString(static_cast<qulonglong>(check.report.total()))));
  for (std::size_t kind = 0; kind < data::kRowProblemKinds; ++kind) {
    const auto problemKind = static_cast<data::RowProblemKind>(kind);
    if (check.report.count(problemKind) == 0) continue;
    const int row = reasons_->rowCount();
    reasons_->insertRow(row);
    reasons_->setItem(row, 0, new QTableWidgetItem(reasonText(problemKind)));
    reasons_->setItem(row, 1, new QTableWidgetItem(locale.toString(static_cast<qulonglong>(check.report.count(problemKind)))));
  }
  const auto& problems = check.report.problems();
  const int shown = static_cast<int>(std::min<std::size_t>(problems.size(), 1000));
  problems_->setRowCount(shown);
  for (int i = 0; i < shown; ++i) {
    const data::RowProblem& problem = problems[static_cast<std::size_t>(i)];
    problems_->setItem(i, 0, new QTableWidgetItem(QString::number(problem.row)));
    problems_->setItem(i, 1, new QTableWidgetItem(QString::number(problem.line)));
    problems_->setItem(i, 2, new QTableWidgetItem(reasonText(problem.kind)));
    auto* detail = new QTableWidgetItem(translatedWords(problem.detail));
    detail->setToolTip(detail->text());
    problems_->setItem(i, 3, detail);
  }
  // The reasons are short names, written whole (a Japanese one has no space to wrap at, and was
  // cut to "フィールドの…"); a long detail wraps onto more lines, its row taller.
  reasons_->resizeColumnToContents(0);
  for (int column = 0; column < 3; ++column) problems_->resizeColumnToContents(column);
  problems_->resizeRowsToContents();
  exportReport_->setEnabled(check.report.total() > 0);
  setDone(usable > 0);
  emit checkFinished();
}

}  // namespace tiertune::gui
