#include "app/gui/pages/ModelsPage.h"

#include <QFileDialog>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include "app/gui/AppContext.h"
#include "app/gui/ErrorText.h"
#include "app/gui/NumberText.h"
#include "app/gui/TimeText.h"
#include "app/gui/dialogs/AddModelDialog.h"
#include "app/gui/dialogs/DownloadModelDialog.h"
#include "app/gui/pages/CachedModelsPanel.h"
#include "core/catalog/catalog.h"
#include "core/util/error.h"

namespace tiertune::gui {

ModelsPage::ModelsPage(AppContext& context, QWidget* parent)
    : CatalogListPage(
          context,
          {.title = tr("Models"),
           .subtitle = tr("Base models you can fine-tune."),
           .emptyIcon = QStringLiteral(":/icons/models.svg"),
           .emptyTitle = tr("No models yet"),
           .emptyText = tr("A base model is what you fine-tune, for example Qwen2.5-0.5B-Instruct or "
                           "Llama-3.2-1B-Instruct. Download one from the Hugging Face Hub by name, or "
                           "add a folder you already have (config.json, *.safetensors and "
                           "tokenizer.json). Models are listed here with their architecture, size and "
                           "context length.")},
          parent),
      download_(new QPushButton(tr("Download a model…"))),
      add_(new QPushButton(tr("Add model folder…"))),
      remove_(new QPushButton(tr("Remove from catalog"))),
      cached_(new CachedModelsPanel(context)) {
  setObjectName(QStringLiteral("modelsPage"));
  download_->setObjectName(QStringLiteral("downloadModelButton"));
  add_->setObjectName(QStringLiteral("addModelButton"));
  remove_->setObjectName(QStringLiteral("removeModelButton"));
  download_->setDefault(true);
  addActionRow({download_, add_, remove_});
  addBelowList(cached_);
  connect(download_, &QPushButton::clicked, this, &ModelsPage::downloadModel);
  connect(cached_, &CachedModelsPanel::addRequested, this, &ModelsPage::addModelFolder);

  connect(add_, &QPushButton::clicked, this, &ModelsPage::chooseModelFolder);
  connect(remove_, &QPushButton::clicked, this, &ModelsPage::removeSelectedModel);
  connect(table(), &QTableWidget::itemSelectionChanged, this, &ModelsPage::updateButtons);
  connect(&context, &AppContext::catalogChanged, this, &ModelsPage::updateButtons);
  updateButtons();
}

void ModelsPage::updateButtons() {
  download_->setEnabled(context().catalog() != nullptr);
  add_->setEnabled(context().catalog() != nullptr);
  remove_->setEnabled(context().catalog() != nullptr && !table()->selectedItems().isEmpty());
}

void ModelsPage::chooseModelFolder() {
  const QString folder = QFileDialog::getExistingDirectory(
      this, tr("Choose a model folder (with config.json and *.safetensors)"));
  if (!folder.isEmpty()) addModelFolder(folder);
}

DownloadModelDialog* ModelsPage::downloadModel() {
  auto* dialog = new DownloadModelDialog(context(), this);
  dialog->setAttribute(Qt::WA_DeleteOnClose);
  dialog->open();
  return dialog;
}

AddModelDialog* ModelsPage::addModelFolder(const QString& folder, const QString& suggestedName) {
  auto* dialog = new AddModelDialog(context(), folder, this, suggestedName);
  dialog->setAttribute(Qt::WA_DeleteOnClose);
  dialog->open();
  return dialog;
}

void ModelsPage::removeSelectedModel() {
  catalog::Catalog* catalog = context().catalog();
  const qint64 id = selectedId();
  if (!catalog || id == 0) return;
  const auto model = catalog->model(id);
  if (!model) return;
  const QString name = QString::fromStdString(model->name);
  const auto answer = QMessageBox::question(
      this, tr("Remove model"),
      tr("Remove \"%1\" from the catalog? Its folder and files stay where they are.").arg(name));
  if (answer != QMessageBox::Yes) return;
  try {
    catalog->removeModel(id);
    context().notifyCatalogChanged();
  } catch (const std::exception& error) {
    QMessageBox::warning(this, tr("Remove model"), errorText(error));
  }
}

QStringList ModelsPage::headers() const {
  return {tr("Name"), tr("Architecture"), tr("Parameters"), tr("Context"), tr("Data type"),
          tr("Size on disk"), tr("Chat template"), tr("Folder"), tr("Added")};
}

std::vector<CatalogListPage::Row> ModelsPage::rows(catalog::Catalog& catalog) const {
  const QLocale locale;
  std::vector<Row> result;
  for (const auto& model : catalog.models()) {
    result.push_back({model.id, {QString::fromStdString(model.name),
                      QString::fromStdString(model.architecture),
                      parameterCountText(static_cast<quint64>(model.parameterCount)),
                      locale.toString(static_cast<qlonglong>(model.contextLength)),
                      QString::fromStdString(model.dtype),
                      byteSizeText(static_cast<quint64>(model.sizeBytes)),
                      model.hasChatTemplate ? tr("yes") : tr("no"),
                      QString::fromStdString(model.path),
                      localTimeText(model.addedAt)}});
  }
  return result;
}

}  // namespace tiertune::gui
