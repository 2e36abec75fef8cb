#include "app/gui/importdataset/ImportFilePage.h"

#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include "app/gui/AppContext.h"
#include "app/gui/WizardHelp.h"
#include "app/gui/WizardLabels.h"
#include "app/gui/importdataset/ImportDraft.h"
#include "core/catalog/catalog.h"

namespace tiertune::gui {

namespace {

constexpr int kContextRole = Qt::UserRole + 1;  // the model's context in tokens, on the model choice

}  // namespace

ImportFilePage::ImportFilePage(AppContext& context, ImportDraft& draft, QWidget* parent)
    : QWizardPage(parent), context_(context), draft_(draft) {
  setTitle(tr("Choose the file and the model"));
  setSubTitle(tr("JSON lines, a JSON list, or CSV/TSV with a header row. The model decides how the "
                 "examples are written out (its chat template) and cut into tokens."));
  setPageHelp(this, tr("Choose the file that holds your examples, or a folder of .txt and .md files to teach the "
                       "model your documents. Choose the model you will fine-tune: the examples are written out with "
                       "its chat template and counted in its tokens. The name is how the dataset appears on the "
                       "Datasets page. Next reads the first rows; a file that cannot be read is named here with the "
                       "reason."));
  file_ = new QLineEdit;
  file_->setObjectName(QStringLiteral("datasetFile"));
  file_->setAccessibleName(tr("Dataset file"));
  auto* browse = new QPushButton(tr("Browse…"));
  connect(browse, &QPushButton::clicked, this, [this] {
    const QString chosen = QFileDialog::getOpenFileName(window(), tr("Choose a dataset file"), file_->text(),
                                                        tr("Datasets (*.jsonl *.json *.csv *.tsv *.txt);;All files (*)"));
    if (chosen.isEmpty()) return;
    file_->setText(chosen);
    if (name_->text().isEmpty()) name_->setText(QFileInfo(chosen).completeBaseName());
  });
  auto* folder = new QPushButton(tr("Folder of texts…"));
  folder->setToolTip(tr("Every .txt and .md file in a folder, for teaching the model your documents."));
  connect(folder, &QPushButton::clicked, this, [this] {
    const QString chosen =
        QFileDialog::getExistingDirectory(window(), tr("Choose a folder of .txt or .md files"), file_->text());
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
  error_ = errorLabel("fileError");
  auto* form = new QFormLayout;
  form->addRow(tr("File:"), fileRow);
  form->addRow(tr("Model:"), model_);
  form->addRow(tr("Name:"), name_);
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(form);
  if (model_->count() == 0) {
    QLabel* noModel = wrappedLabel();
    noModel->setText(tr("There is no model in the catalog yet. Add one on the Models page first: "
                        "the dataset is prepared for a particular model."));
    layout->addWidget(noModel);
  }
  layout->addWidget(error_);
  layout->addStretch(1);
  store();
  // Once Next has checked the page, what it says follows the input: it changes or goes away as the
  // person corrects it.
  const auto changed = [this] {
    store();
    if (checked_) showError(error_, problem());
  };
  connect(file_, &QLineEdit::textChanged, this, changed);
  connect(name_, &QLineEdit::textChanged, this, changed);
  connect(model_, &QComboBox::currentIndexChanged, this, [this, changed] {
    changed();
    emit modelChanged();
  });
}

void ImportFilePage::setFile(const QString& file) {
  file_->setText(file);
  if (!file.isEmpty()) name_->setText(QFileInfo(file).completeBaseName());
}

bool ImportFilePage::validatePage() {
  const QString problem = this->problem();
  checked_ = true;
  showError(error_, problem);
  return problem.isEmpty();
}

QString ImportFilePage::problem() const {
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

void ImportFilePage::store() {
  draft_.chosen.file = file_->text().trimmed().toStdString();
  draft_.chosen.name = name_->text().trimmed().toStdString();
  draft_.chosen.modelFolder = model_->currentData().toString().toStdString();
  draft_.modelName = model_->currentText();
  draft_.modelContext = model_->currentData(kContextRole).toLongLong();
}

}  // namespace tiertune::gui
