#include "app/gui/pages/ModelsPage.h"

#include <QLocale>

#include "core/catalog/catalog.h"

namespace tiertune::gui {

ModelsPage::ModelsPage(AppContext& context, QWidget* parent)
    : CatalogListPage(
          context,
          {.title = tr("Models"),
           .subtitle = tr("Base models you can fine-tune."),
           .emptyIcon = QStringLiteral(":/icons/models.svg"),
           .emptyTitle = tr("No models yet"),
           .emptyText = tr("A base model is a folder downloaded from Hugging Face that holds "
                           "config.json, the weights (*.safetensors) and tokenizer.json — for "
                           "example Qwen2.5-0.5B-Instruct or Llama-3.2-1B-Instruct. Models you "
                           "add are listed here with their architecture, size and context "
                           "length.")},
          parent) {
  setObjectName(QStringLiteral("modelsPage"));
}

QStringList ModelsPage::headers() const {
  return {tr("Name"), tr("Architecture"), tr("Parameters"), tr("Context"), tr("Data type"),
          tr("Size on disk"), tr("Chat template"), tr("Folder"), tr("Added")};
}

std::vector<QStringList> ModelsPage::rows(catalog::Catalog& catalog) const {
  const QLocale locale;
  std::vector<QStringList> result;
  for (const auto& model : catalog.models()) {
    result.push_back({QString::fromStdString(model.name),
                      QString::fromStdString(model.architecture),
                      tr("%1 B").arg(static_cast<double>(model.parameterCount) / 1e9, 0, 'f', 2),
                      locale.toString(static_cast<qlonglong>(model.contextLength)),
                      QString::fromStdString(model.dtype),
                      locale.formattedDataSize(model.sizeBytes),
                      model.hasChatTemplate ? tr("yes") : tr("no"),
                      QString::fromStdString(model.path),
                      QString::fromStdString(model.addedAt)});
  }
  return result;
}

}  // namespace tiertune::gui
