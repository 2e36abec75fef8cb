#include "app/gui/documents/DocumentReadPage.h"

#include <QApplication>
#include <QDir>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QStyle>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QWizard>

#include "app/gui/Appearance.h"
#include "app/gui/TabOrder.h"
#include "app/gui/WizardHelp.h"
#include "app/gui/WizardLabels.h"
#include "app/gui/documents/DocumentsDraft.h"

namespace tiertune::gui {

namespace fs = std::filesystem;
using namespace tiertune::documents;

namespace {

enum Column { DocumentColumn, FormatColumn, PagesColumn, WordsColumn, NotesColumn, ColumnCount };

QTableWidgetItem* cell(const QString& text) {
  auto* item = new QTableWidgetItem(text);
  item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
  return item;
}

QTableWidgetItem* numberCell(qulonglong number) {
  QTableWidgetItem* item = cell(QLocale().toString(number));
  item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
  return item;
}

QString fileName(const fs::path& file) { return QString::fromStdString(file.filename().string()); }

}  // namespace

DocumentReadPage::DocumentReadPage(DocumentsDraft& draft, QWidget* parent) : QWizardPage(parent), draft_(draft) {
  setTitle(tr("What was read"));
  setSubTitle(tr("Every document with what was found in it. Files that could not be read are listed with the "
                 "reason; nothing is left out without appearing here."));
  setPageHelp(this, tr("The documents are read and cleaned: running headers and footers, page numbers and words "
                       "broken across lines are taken care of, and the Notes column says what was done. A file that "
                       "cannot be read (a scanned PDF without text, a protected or damaged file) is listed with the "
                       "reason and left out; the others go on. Cancel stops reading; Read again starts over."));
  progress_ = new QProgressBar;
  progress_->setObjectName(QStringLiteral("readProgress"));
  progress_->setAccessibleName(tr("Reading progress"));
  progress_->setRange(0, 1);
  status_ = wrappedLabel("readStatus");
  cancel_ = new QPushButton(tr("Cancel reading"));
  cancel_->setAutoDefault(false);  // Return stays the wizard's Next
  cancel_->setObjectName(QStringLiteral("cancelRead"));
  connect(cancel_, &QPushButton::clicked, this, [this] {
    job_.requestStop();
    keepFocusOn(this, cancel_);
    cancel_->setEnabled(false);
    status_->setText(tr("Cancelling after the documents being read…"));
  });
  readAgain_ = new QPushButton(tr("Read again"));
  readAgain_->setAutoDefault(false);
  readAgain_->setObjectName(QStringLiteral("readAgain"));
  readAgain_->setToolTip(tr("Reads every document again, for files that changed since."));
  connect(readAgain_, &QPushButton::clicked, this, &DocumentReadPage::startRead);
  table_ = new QTableWidget(0, ColumnCount);
  table_->setObjectName(QStringLiteral("readTable"));
  table_->setAccessibleName(tr("Documents read"));
  table_->setHorizontalHeaderLabels({tr("Document"), tr("Format"), tr("Pages"), tr("Words"), tr("Notes")});
  table_->horizontalHeader()->setStretchLastSection(true);
  table_->verticalHeader()->hide();
  table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  table_->setSelectionBehavior(QAbstractItemView::SelectRows);
  table_->setWordWrap(true);
  summary_ = wrappedLabel("readSummary");
  auto* buttons = new QHBoxLayout;
  buttons->addWidget(cancel_);
  buttons->addWidget(readAgain_);
  buttons->addStretch(1);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(progress_);
  layout->addWidget(status_);
  layout->addLayout(buttons);
  layout->addWidget(table_, 1);
  layout->addWidget(summary_);
}

QString DocumentReadPage::formatText(const std::string& format) {
  if (format == "pdf") return tr("PDF");
  if (format == "docx") return tr("Word (DOCX)");
  if (format == "odt") return tr("OpenDocument (ODT)");
  if (format == "html") return tr("Web page (HTML)");
  if (format == "markdown") return tr("Markdown");
  if (format == "text") return tr("Text");
  return QString::fromStdString(format);
}

void DocumentReadPage::initializePage() {
  // The same sources as last time: what was read then is still what they hold.
  if (draft_.read && draft_.readSources == draft_.sources) {
    showRead();
    return;
  }
  startRead();
}

void DocumentReadPage::cleanupPage() {
  job_.requestStop();
  QWizardPage::cleanupPage();
}

bool DocumentReadPage::isComplete() const { return !draft_.working && !draft_.documents().empty(); }

void DocumentReadPage::startRead() {
  draft_.read.reset();
  draft_.readSources.clear();
  draft_.otherFiles = 0;
  draft_.working = true;
  emit completeChanged();
  table_->setRowCount(0);
  summary_->clear();
  progress_->setRange(0, 0);  // busy until the documents are counted
  progress_->setValue(0);
  progress_->show();
  status_->setText(tr("Looking for documents…"));
  status_->show();
  showAsProblem(status_, false);
  cancel_->setEnabled(true);
  cancel_->show();
  keepFocusOn(this, readAgain_);
  readAgain_->hide();
  const std::vector<fs::path> sources = draft_.sources;
  const QPointer<DocumentReadPage> self(this);
  struct Read {
    std::vector<fs::path> sources;
    DocumentSet set;
    std::size_t otherFiles = 0;
  };
  job_.start(
      this,
      [self, sources](std::stop_token stop) {
        Read read;
        read.sources = sources;
        const DocumentSelection selection = selectDocuments(sources);
        read.otherFiles = selection.otherFiles;
        const qulonglong total = selection.files.size();
        deliverToGui(self, [total](DocumentReadPage& page) {
          page.progress_->setRange(0, static_cast<int>(std::max<qulonglong>(total, 1)));
          page.status_->setText(tr("Reading document %1 of %2…").arg(QLocale().toString(1ULL), QLocale().toString(total)));
        });
        read.set = readDocuments(
            selection, {},
            [self](const ReadProgress& p) {
              const qulonglong done = p.done, all = p.total;
              const QString file = fileName(p.file);
              deliverToGui(self, [done, all, file](DocumentReadPage& page) {
                if (!page.cancel_->isEnabled()) return;  // cancelling: keep saying so
                page.progress_->setValue(static_cast<int>(done));
                page.status_->setText(tr("%1 of %2 documents read (the last: %3)")
                                          .arg(QLocale().toString(done), QLocale().toString(all), file));
              });
            },
            stop);
        return read;
      },
      [](DocumentReadPage& page, Read read) {
        page.finishWork();
        if (read.set.cancelled) {
          page.status_->setText(tr("Reading was cancelled. Nothing was kept; press Read again to start over."));
          page.progress_->hide();
          emit page.readFinished();
          return;
        }
        page.draft_.readSources = std::move(read.sources);
        page.draft_.otherFiles = read.otherFiles;
        page.draft_.read = std::move(read.set);
        page.showRead();
        emit page.completeChanged();
        emit page.readFinished();
      },
      [](DocumentReadPage& page, const QString& failure) {
        page.finishWork();
        page.showFailure(failure);
        emit page.readFinished();
      });
}

void DocumentReadPage::finishWork() {
  draft_.working = false;
  keepFocusOn(this, cancel_);
  cancel_->setEnabled(false);
  cancel_->hide();
  readAgain_->show();
  emit completeChanged();
}

void DocumentReadPage::showFailure(const QString& failure) {
  progress_->hide();
  showAsProblem(status_, true);
  status_->setText(tr("The documents could not be read: %1").arg(failure));
}

void DocumentReadPage::showRead() {
  keepFocusOn(this, cancel_);
  cancel_->hide();
  readAgain_->show();
  showAsProblem(status_, false);
  const DocumentSet& set = *draft_.read;
  progress_->setRange(0, 1);
  progress_->setValue(1);
  progress_->hide();
  status_->clear();
  status_->hide();
  table_->setRowCount(static_cast<int>(set.documents.size() + set.failures.size()));
  int row = 0;
  qulonglong words = 0;
  for (const Document& document : set.documents) {
    QTableWidgetItem* name = cell(fileName(document.file));
    name->setToolTip(QDir::toNativeSeparators(QString::fromStdString(document.file.string())) + QLatin1Char('\n') +
                     tr("Title: %1").arg(QString::fromStdString(document.title)));
    table_->setItem(row, DocumentColumn, name);
    table_->setItem(row, FormatColumn, cell(formatText(document.format)));
    table_->setItem(row, PagesColumn, document.pages > 0 ? numberCell(static_cast<qulonglong>(document.pages)) : cell({}));
    const qulonglong documentWords = document.words();
    words += documentWords;
    table_->setItem(row, WordsColumn, numberCell(documentWords));
    QStringList notes;
    for (const std::string& note : document.notes) notes << QString::fromStdString(note);
    QTableWidgetItem* notesCell = cell(notes.join(QLatin1Char(' ')));
    notesCell->setToolTip(notes.join(QLatin1Char('\n')));
    table_->setItem(row, NotesColumn, notesCell);
    ++row;
  }
  const QIcon warning = QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning);
  const QColor problem = meaningColors(table_->palette()).problemText;
  for (const DocumentFailure& failure : set.failures) {
    QTableWidgetItem* name = cell(fileName(failure.file));
    name->setIcon(warning);
    name->setToolTip(QDir::toNativeSeparators(QString::fromStdString(failure.file.string())));
    table_->setItem(row, DocumentColumn, name);
    const auto format = documentFormatOf(failure.file);
    table_->setItem(row, FormatColumn, cell(format ? formatText(formatName(*format)) : tr("Unknown")));
    table_->setItem(row, PagesColumn, cell({}));
    table_->setItem(row, WordsColumn, cell({}));
    const QString reason = QString::fromStdString(failure.reason);
    // The reason names the file, which the row names already.
    QString shown = reason;
    if (shown.startsWith(name->text() + QStringLiteral(": "))) shown.remove(0, name->text().size() + 2);
    QTableWidgetItem* notesCell = cell(tr("Not read: %1").arg(shown));
    notesCell->setToolTip(reason);
    notesCell->setForeground(problem);
    table_->setItem(row, NotesColumn, notesCell);
    ++row;
  }
  table_->resizeColumnsToContents();
  table_->horizontalHeader()->setStretchLastSection(true);
  // Rows as tall as their notes, which wrap; more rows than this would make every layout slow, so
  // they keep one line each and show the whole note in its tooltip.
  constexpr int kRowsFittedToText = 1000;
  table_->verticalHeader()->setSectionResizeMode(table_->rowCount() <= kRowsFittedToText
                                                     ? QHeaderView::ResizeToContents
                                                     : QHeaderView::Interactive);
  // Counts as "Label: N", so that English reads right for one as for many.
  const QLocale locale;
  QString text = tr("Documents read: %1, with %2 words in all.")
                     .arg(locale.toString(static_cast<qulonglong>(set.documents.size())), locale.toString(words));
  if (!set.failures.empty()) {
    text = nextSentence(text, tr("Not read: %1 (listed with the reason; they are left out).")
                                   .arg(locale.toString(static_cast<qulonglong>(set.failures.size()))));
  }
  if (draft_.otherFiles > 0) {
    text = nextSentence(text, tr("Other files in the folders, not documents: %1 (skipped).")
                                   .arg(locale.toString(static_cast<qulonglong>(draft_.otherFiles))));
  }
  if (set.documents.empty()) {
    text = nextSentence(text, tr("No document could be read, so there is nothing to make a dataset of. Go back "
                                  "and choose other files."));
  }
  showAsProblem(summary_, set.documents.empty());
  summary_->setText(text);
}

}  // namespace tiertune::gui
