#include "app/gui/documents/DocumentSourcesPage.h"

#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>
#include <filesystem>

#include "app/gui/AppContext.h"
#include "app/gui/Appearance.h"
#include "app/gui/WizardHelp.h"
#include "app/gui/WizardLabels.h"
#include "app/gui/documents/DocumentSourceList.h"
#include "app/gui/documents/DocumentsDraft.h"
#include "core/catalog/catalog.h"
#include "core/documents/document_dataset.h"

namespace tiertune::gui {

namespace fs = std::filesystem;

namespace {

constexpr int kContextRole = Qt::UserRole + 1;  // the model's context in tokens, on the model choice

// A dataset's name from a source: a file's name without its extension, a folder's name.
QString nameFrom(const fs::path& source) {
  const QFileInfo info(QString::fromStdString(source.string()));
  return info.isDir() ? info.fileName() : info.completeBaseName();
}

}  // namespace

DocumentSourcesPage::DocumentSourcesPage(AppContext& context, DocumentsDraft& draft, QWidget* parent)
    : QWizardPage(parent), context_(context), draft_(draft) {
  setTitle(tr("Choose the documents and the model"));
  setSubTitle(tr("PDF, Word (DOCX), OpenDocument (ODT), web pages (HTML), Markdown and text files. A folder is "
                 "read with its sub-folders."));
  setPageHelp(this, tr("Add the files and folders the dataset is made from, with the buttons or by dropping them on "
                       "the list. Files of other kinds in the folders (images, spreadsheets) are skipped and counted. "
                       "Choose the model you will fine-tune: its tokenizer cuts the documents into parts and counts "
                       "them in its tokens. The name is how the dataset appears on the Datasets page; a name the "
                       "catalog already has is refused. Next reads the documents."));

  sources_ = new DocumentSourceList;
  sources_->setObjectName(QStringLiteral("documentSources"));
  sources_->setAccessibleName(tr("Files and folders to read"));
  auto* addFiles = new QPushButton(tr("Add files…"));
  addFiles->setAutoDefault(false);  // Return stays the wizard's Next
  addFiles->setObjectName(QStringLiteral("addDocumentFiles"));
  auto* addFolder = new QPushButton(tr("Add folder…"));
  addFolder->setAutoDefault(false);
  addFolder->setObjectName(QStringLiteral("addDocumentFolder"));
  remove_ = new QPushButton(tr("Remove"));
  remove_->setAutoDefault(false);
  remove_->setObjectName(QStringLiteral("removeDocumentSource"));
  remove_->setEnabled(false);
  connect(addFiles, &QPushButton::clicked, this, [this] {
    const QStringList chosen = QFileDialog::getOpenFileNames(
        window(), tr("Choose documents"), QDir::homePath(),
        tr("Documents (*.pdf *.docx *.odt *.html *.htm *.md *.markdown *.txt)"));
    addSources(chosen);
  });
  connect(addFolder, &QPushButton::clicked, this, [this] {
    const QString chosen = QFileDialog::getExistingDirectory(window(), tr("Choose a folder of documents"), QDir::homePath());
    if (!chosen.isEmpty()) addSources({chosen});
  });
  connect(remove_, &QPushButton::clicked, sources_, &DocumentSourceList::removeSelectedSources);
  connect(sources_, &QListWidget::itemSelectionChanged, this,
          [this] { remove_->setEnabled(!sources_->selectedItems().isEmpty()); });
  connect(sources_, &DocumentSourceList::sourcesChanged, this, &DocumentSourcesPage::sourcesChanged);
  auto* buttons = new QVBoxLayout;
  buttons->addWidget(addFiles);
  buttons->addWidget(addFolder);
  buttons->addWidget(remove_);
  buttons->addStretch(1);
  auto* sourceRow = new QHBoxLayout;
  sourceRow->addWidget(sources_, 1);
  sourceRow->addLayout(buttons);

  model_ = new QComboBox;
  model_->setObjectName(QStringLiteral("documentsModel"));
  if (catalog::Catalog* catalog = context_.catalog()) {
    for (const catalog::ModelRecord& model : catalog->models()) {
      model_->addItem(QString::fromStdString(model.name), QString::fromStdString(model.path));
      model_->setItemData(model_->count() - 1, static_cast<qlonglong>(model.contextLength), kContextRole);
    }
  }
  model_->setToolTip(tr("The model you will fine-tune on this dataset: its tokenizer cuts the documents into parts."));
  name_ = new QLineEdit;
  name_->setObjectName(QStringLiteral("documentsDatasetName"));
  nameNote_ = wrappedLabel("documentsNameNote");
  nameNote_->setAlignment(Qt::AlignLeft | Qt::AlignTop);  // right under the field it is about
  nameNote_->hide();
  error_ = errorLabel("documentsSourcesError");

  auto* sourcesLabel = new QLabel(tr("Documents:"));
  sourcesLabel->setBuddy(sources_);
  auto* form = new QFormLayout;
  form->addRow(sourcesLabel, sourceRow);
  form->addRow(tr("For the model:"), model_);
  form->addRow(tr("Dataset name:"), name_);
  form->addRow(QString(), nameNote_);
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(form, 1);
  if (model_->count() == 0) {
    QLabel* noModel = wrappedLabel("documentsNoModel");
    noModel->setText(tr("There is no model in the catalog yet. Add one on the Models page first: "
                        "the dataset is prepared for a particular model."));
    layout->addWidget(noModel);
  }
  layout->addWidget(error_);
  store();
  updateTexts();
  // Once Next has checked the page, what it says follows the input.
  connect(name_, &QLineEdit::textChanged, this, [this] {
    store();
    updateTexts();
  });
  connect(model_, &QComboBox::currentIndexChanged, this, [this] {
    store();
    updateTexts();
  });
}

void DocumentSourcesPage::addSources(const QStringList& paths) { sources_->addSources(paths); }

void DocumentSourcesPage::sourcesChanged() {
  const std::vector<fs::path> sources = sources_->sources();
  // The first source names the dataset until the person types a name of their own.
  const QString suggested = sources.empty() ? QString() : nameFrom(sources.front());
  if (name_->text().trimmed().isEmpty() || name_->text() == defaultName_) {
    defaultName_ = suggested;
    name_->setText(suggested);
  }
  store();
  updateTexts();
}

bool DocumentSourcesPage::validatePage() {
  checked_ = true;
  updateTexts();
  return problem().isEmpty() && !nameTaken();
}

bool DocumentSourcesPage::nameTaken() const {
  const QString name = name_->text().trimmed();
  if (name.isEmpty()) return false;
  if (catalog::Catalog* catalog = context_.catalog()) {
    for (const auto& dataset : catalog->datasets()) {
      if (QString::fromStdString(dataset.name) == name) return true;
    }
  }
  return false;
}

QString DocumentSourcesPage::problem() const {
  const std::vector<fs::path> sources = sources_->sources();
  if (sources.empty()) return tr("Add at least one document or folder.");
  for (const fs::path& source : sources) {
    std::error_code error;
    if (!fs::exists(source, error)) {
      return tr("%1 is not there any more (moved or deleted?). Remove it from the list.")
          .arg(QDir::toNativeSeparators(QString::fromStdString(source.string())));
    }
  }
  if (model_->count() == 0) return tr("Add a model on the Models page first.");
  if (name_->text().trimmed().isEmpty()) return tr("Give the dataset a name.");
  return {};  // a taken name is said under the field, as it is typed
}

QString DocumentSourcesPage::nameNote() const {
  const QString name = name_->text().trimmed();
  if (name.isEmpty()) return {};
  if (nameTaken()) {
    return tr("The catalog already has a dataset named \"%1\": choose another name, or delete that dataset on the "
              "Datasets page first.")
        .arg(name);
  }
  // Questions written earlier for this name wait in its job folder: say that they are kept.
  std::error_code error;
  const fs::path job = documents::documentJobFolder(context_.settings().dataFolder, name.toStdString());
  if (fs::exists(job / "job.json", error)) {
    return tr("Questions were written for a dataset of this name before and are kept: asking for questions and "
              "answers with the same documents and settings goes on where they stopped.");
  }
  return {};
}

void DocumentSourcesPage::updateTexts() {
  // A taken name is a problem, said at once; questions to go on with are news.
  showAsProblem(nameNote_, nameTaken());
  showError(nameNote_, nameNote());
  if (checked_) showError(error_, problem());
}

void DocumentSourcesPage::store() {
  draft_.sources = sources_->sources();
  draft_.name = name_->text().trimmed().toStdString();
  draft_.modelFolder = model_->currentData().toString().toStdString();
  draft_.modelName = model_->currentText();
  draft_.modelContext = model_->currentData(kContextRole).toLongLong();
}

}  // namespace tiertune::gui
