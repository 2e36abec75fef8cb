#include "app/gui/pages/DatasetsPage.h"

#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QLayout>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>
#include <filesystem>

#include "app/gui/AppContext.h"
#include "app/gui/ErrorText.h"
#include "app/gui/TimeText.h"
#include "app/gui/documents/DocumentsWizard.h"
#include "app/gui/importdataset/ImportDatasetWizard.h"
#include "app/gui/pages/EmptyState.h"
#include "core/catalog/catalog.h"
#include "core/data/dataset_import.h"
#include "core/util/error.h"

namespace tiertune::gui {

DatasetsPage::DatasetsPage(AppContext& context, QWidget* parent)
    : CatalogListPage(
          context,
          {.title = tr("Datasets"),
           .subtitle = tr("The examples your models learn from."),
           .emptyIcon = QStringLiteral(":/icons/datasets.svg"),
           .emptyTitle = tr("No datasets yet"),
           .emptyText = tr("A dataset is a file of examples: questions and answers, conversations "
                           "or documents, as JSONL, JSON, CSV or plain text. Imported datasets are "
                           "listed here with their format, rows and tokens; every row that "
                           "cannot be used is reported, never silently dropped.")},
          parent),
      import_(new QPushButton(tr("Import dataset…"))),
      documents_(new QPushButton(tr("Make a dataset from documents…"))),
      example_(new QPushButton(tr("Try an example"))),
      delete_(new QPushButton(tr("Delete"))) {
  setObjectName(QStringLiteral("datasetsPage"));
  import_->setObjectName(QStringLiteral("importDatasetButton"));
  documents_->setObjectName(QStringLiteral("makeFromDocumentsButton"));
  example_->setObjectName(QStringLiteral("tryExampleButton"));
  delete_->setObjectName(QStringLiteral("deleteDatasetButton"));
  import_->setDefault(true);
  example_->setToolTip(tr("Import a small set of conversations written for Tiertune, to see how it works."));
  addActionRow({import_, documents_, example_, delete_});

  connect(import_, &QPushButton::clicked, this, &DatasetsPage::chooseDatasetFile);
  connect(documents_, &QPushButton::clicked, this, &DatasetsPage::makeFromDocuments);
  connect(example_, &QPushButton::clicked, this, &DatasetsPage::tryExample);
  connect(delete_, &QPushButton::clicked, this, &DatasetsPage::deleteSelectedDataset);
  connect(table(), &QTableWidget::itemSelectionChanged, this, &DatasetsPage::updateButtons);
  connect(&context, &AppContext::catalogChanged, this, &DatasetsPage::updateButtons);
  updateButtons();
}

void DatasetsPage::updateButtons() {
  catalog::Catalog* catalog = context().catalog();
  const bool models = catalog && !catalog->models().empty();
  import_->setEnabled(models);
  documents_->setEnabled(models);
  example_->setEnabled(models);
  const QString why = tr("Add a model on the Models page first: a dataset is prepared for a model.");
  import_->setToolTip(models ? QString() : why);
  documents_->setToolTip(models ? tr("Reads PDF, Word, OpenDocument, web pages, Markdown and text files and makes "
                                     "them a dataset: as text, or as questions and answers a model writes.")
                                : why);
  delete_->setEnabled(catalog && !table()->selectedItems().isEmpty());
}

void DatasetsPage::chooseDatasetFile() {
  const QString file = QFileDialog::getOpenFileName(this, tr("Choose a dataset file"), QDir::homePath(),
                                                    tr("Datasets (*.jsonl *.json *.csv *.tsv *.txt);;All files (*)"));
  if (!file.isEmpty()) importDataset(file);
}

ImportDatasetWizard* DatasetsPage::importDataset(const QString& file) {
  auto* wizard = new ImportDatasetWizard(context(), file, this);
  wizard->setAttribute(Qt::WA_DeleteOnClose);
  wizard->open();
  return wizard;
}

DocumentsWizard* DatasetsPage::makeFromDocuments() {
  auto* wizard = new DocumentsWizard(context(), this);
  wizard->setAttribute(Qt::WA_DeleteOnClose);
  wizard->open();
  return wizard;
}

ImportDatasetWizard* DatasetsPage::tryExample() {
  const QString folder = QString::fromStdString((context().settings().dataFolder / "examples").string());
  QDir().mkpath(folder);
  const QString target = folder + QStringLiteral("/example-chats.jsonl");
  QFile::remove(target);
  if (!QFile::copy(QStringLiteral(":/samples/chat.jsonl"), target)) {
    QMessageBox::warning(this, tr("Try an example"), tr("The example could not be copied to %1.").arg(folder));
    return nullptr;
  }
  QFile::setPermissions(target, QFile::ReadOwner | QFile::WriteOwner);
  return importDataset(target);
}

void DatasetsPage::deleteSelectedDataset() {
  catalog::Catalog* catalog = context().catalog();
  const qint64 id = selectedId();
  if (!catalog || id == 0) return;
  const auto dataset = catalog->dataset(id);
  if (!dataset) return;
  const QString name = QString::fromStdString(dataset->name);
  const auto answer = QMessageBox::question(
      this, tr("Delete dataset"),
      tr("Delete \"%1\" and its prepared files? The file it was imported from stays where it is; runs that used "
         "it keep their history.")
          .arg(name));
  if (answer != QMessageBox::Yes) return;
  try {
    const std::string problem = data::removeDatasetWithFiles(*catalog, context().settings().dataFolder, id);
    if (!problem.empty()) QMessageBox::warning(this, tr("Delete dataset"), QString::fromStdString(problem));
  } catch (const std::exception& error) {
    QMessageBox::warning(this, tr("Delete dataset"), errorText(error));
  }
  context().notifyCatalogChanged();
}

QStringList DatasetsPage::headers() const {
  return {tr("Name"), tr("Prepared for"), tr("Format"), tr("Training rows"), tr("Validation rows"), tr("Tokens"),
          tr("Source"), tr("Imported")};
}

// The model a dataset's tokens were made with: its catalog name, else its folder's name.
QString DatasetsPage::preparedFor(const catalog::DatasetRecord& dataset,
                                  const std::vector<catalog::ModelRecord>& models) {
  const std::filesystem::path folder = data::datasetModelFolder(dataset);
  if (folder.empty()) return QString();
  for (const catalog::ModelRecord& model : models) {
    if (std::filesystem::path(model.path) == folder) return QString::fromStdString(model.name);
  }
  return QString::fromStdString(folder.filename().string());
}

std::vector<CatalogListPage::Row> DatasetsPage::rows(catalog::Catalog& catalog) const {
  const QLocale locale;
  std::vector<Row> result;
  const std::vector<catalog::ModelRecord> models = catalog.models();
  for (const auto& dataset : catalog.datasets()) {
    result.push_back({dataset.id, {QString::fromStdString(dataset.name), preparedFor(dataset, models),
                                   QString::fromStdString(dataset.format),
                      locale.toString(static_cast<qlonglong>(dataset.trainRows)),
                      locale.toString(static_cast<qlonglong>(dataset.validationRows)),
                      locale.toString(static_cast<qlonglong>(dataset.tokenCount)),
                      QString::fromStdString(dataset.sourcePath),
                      localTimeText(dataset.createdAt)}});
  }
  return result;
}

}  // namespace tiertune::gui
