#include "app/gui/dialogs/AddModelDialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>
#include <algorithm>

#include "app/gui/AppContext.h"
#include "app/gui/Appearance.h"
#include "app/gui/ErrorText.h"
#include "app/gui/NumberText.h"
#include "app/gui/TabOrder.h"
#include "core/catalog/model_registration.h"
#include "core/util/error.h"

namespace tiertune::gui {

namespace {

QLabel* valueLabel(const char* objectName) {
  auto* label = new QLabel;
  label->setObjectName(QString::fromLatin1(objectName));
  label->setTextInteractionFlags(Qt::TextSelectableByMouse);
  label->setWordWrap(true);
  return label;
}

QString bulletList(const std::vector<Words>& lines) {
  QString text;
  for (const Words& line : lines) {
    if (!text.isEmpty()) text += QStringLiteral("\n");
    text += QStringLiteral("• ") + translatedWords(line);
  }
  return text;
}

}  // namespace

AddModelDialog::AddModelDialog(AppContext& context, const QString& folder, QWidget* parent, QString suggestedName)
    : QDialog(parent),
      context_(context),
      suggestedName_(std::move(suggestedName)),
      folderLabel_(valueLabel("modelFolder")),
      busy_(new QProgressBar),
      name_(new QLineEdit),
      architecture_(valueLabel("modelArchitecture")),
      parameters_(valueLabel("modelParameters")),
      layers_(valueLabel("modelLayers")),
      contextLength_(valueLabel("modelContext")),
      vocabulary_(valueLabel("modelVocabulary")),
      weights_(valueLabel("modelWeights")),
      tokenizer_(valueLabel("modelTokenizer")),
      chatTemplate_(valueLabel("modelChatTemplate")),
      problems_(valueLabel("modelProblems")),
      notes_(valueLabel("modelNotes")),
      buttons_(new QDialogButtonBox(QDialogButtonBox::Cancel)) {
  setObjectName(QStringLiteral("addModelDialog"));
  setWindowTitle(tr("Add model folder"));
  setMinimumWidth(560);

  folderLabel_->setText(folder);
  busy_->setRange(0, 0);  // indeterminate: reading headers takes from milliseconds to seconds
  busy_->setFormat(tr("Checking the folder…"));
  busy_->setTextVisible(true);
  busy_->setAccessibleName(busy_->format());
  name_->setObjectName(QStringLiteral("modelName"));
  name_->setMinimumHeight(name_->sizeHint().height());
  name_->setEnabled(false);
  showAsProblem(problems_);
  problems_->hide();
  notes_->hide();

  auto* form = new QFormLayout;
  form->addRow(tr("Folder:"), folderLabel_);
  form->addRow(tr("Name:"), name_);
  form->addRow(tr("Architecture:"), architecture_);
  form->addRow(tr("Parameters:"), parameters_);
  form->addRow(tr("Layers:"), layers_);
  form->addRow(tr("Context length:"), contextLength_);
  form->addRow(tr("Vocabulary:"), vocabulary_);
  form->addRow(tr("Weights:"), weights_);
  form->addRow(tr("Tokenizer:"), tokenizer_);
  form->addRow(tr("Chat template:"), chatTemplate_);

  auto* addButton = buttons_->addButton(tr("Add to catalog"), QDialogButtonBox::AcceptRole);
  addButton->setObjectName(QStringLiteral("addModelConfirm"));
  addButton->setEnabled(false);
  connect(buttons_, &QDialogButtonBox::accepted, this, &AddModelDialog::accept);
  connect(buttons_, &QDialogButtonBox::rejected, this, &AddModelDialog::reject);
  tabToButtonsAsShown(name_, buttons_);  // the buttons were made Cancel first

  auto* layout = new QVBoxLayout(this);
  layout->addWidget(busy_);
  layout->addLayout(form);
  layout->addWidget(problems_);
  layout->addWidget(notes_);
  layout->addStretch(1);
  layout->addWidget(buttons_);

  const std::filesystem::path path = folder.toStdString();
  inspection_.start(
      this, [path](std::stop_token) { return formats::inspectModelFolder(path); },
      [](AddModelDialog& dialog, formats::ModelFolderFacts facts) { dialog.takeFacts(std::move(facts)); },
      [path](AddModelDialog& dialog, const QString& failure) {
        // A folder that could not be read at all: a problem to show.
        formats::ModelFolderFacts facts;
        facts.folder = path;
        facts.name = path.filename().string();
        facts.problems.push_back(failure.toStdString());
        dialog.takeFacts(std::move(facts));
      });
}

AddModelDialog::~AddModelDialog() = default;  // the inspection is joined: it only reads

void AddModelDialog::takeFacts(formats::ModelFolderFacts facts) {
  facts_ = std::move(facts);
  showFacts();
  emit inspected();
}

bool AddModelDialog::canAdd() const { return facts_ && facts_->usable() && context_.catalog(); }

QString AddModelDialog::problemsText() const { return problems_->text(); }

void AddModelDialog::showFacts() {
  const formats::ModelFolderFacts& facts = *facts_;
  const QLocale locale;
  busy_->hide();
  folderLabel_->setText(QString::fromStdString(facts.folder.string()));
  name_->setText(suggestedName_.isEmpty() ? QString::fromStdString(facts.name) : suggestedName_);
  name_->setEnabled(facts.usable());
  const QString unknown = tr("—");
  architecture_->setText(facts.architecture.empty() ? unknown : QString::fromStdString(facts.architecture));
  parameters_->setText(facts.parameterCount == 0
                           ? unknown
                           : tr("%1 (%2)").arg(parameterCountText(facts.parameterCount),
                                               locale.toString(static_cast<qulonglong>(facts.parameterCount))));
  if (facts.config) {
    layers_->setText(locale.toString(static_cast<qlonglong>(facts.config->layerCount)));
    contextLength_->setText(tr("%1 tokens").arg(locale.toString(static_cast<qlonglong>(facts.config->maxPositionEmbeddings))));
    vocabulary_->setText(tr("%1 tokens").arg(locale.toString(static_cast<qlonglong>(facts.config->vocabSize))));
  } else {
    layers_->setText(unknown);
    contextLength_->setText(unknown);
    vocabulary_->setText(unknown);
  }
  const QString size = byteSizeText(static_cast<quint64>(facts.weightBytes));
  const QString dtype = QString::fromStdString(facts.weightsDtype);
  if (facts.weightFiles == 0) {
    weights_->setText(unknown);
  } else if (facts.weightFiles == 1) {
    weights_->setText(tr("%1 in one file, %2").arg(size, dtype));
  } else {
    weights_->setText(tr("%1 in %2 files, %3").arg(size).arg(facts.weightFiles).arg(dtype));
  }
  tokenizer_->setText(facts.hasTokenizer ? tr("tokenizer.json") : tr("missing"));
  // Only a model can be a base model: a folder without a readable config.json is not one.
  chatTemplate_->setText(!facts.config ? unknown : facts.hasChatTemplate ? tr("yes") : tr("no (base model)"));
  if (!facts.usable()) {
    const QString headline = !facts.config && facts.weightFiles == 0
                                 ? tr("This folder does not hold a model. A model folder, as downloaded from Hugging "
                                      "Face, has config.json, the weights (.safetensors files) and tokenizer.json. "
                                      "What is missing here:")
                                 : tr("This folder cannot be trained yet:");
    problems_->setText(headline + QStringLiteral("\n") + bulletList(facts.problems));
    problems_->show();
  }
  if (!facts.notes.empty()) {
    notes_->setText(bulletList(facts.notes));
    notes_->show();
  }
  if (!context_.catalog()) {
    problems_->setText(tr("The catalog is not open: %1").arg(context_.catalogError()));
    problems_->show();
  }
  buttons_->findChild<QPushButton*>(QStringLiteral("addModelConfirm"))->setEnabled(canAdd());
  fitToContents();
}

void AddModelDialog::fitToContents() {
  // The wrapped texts (problems, notes, a long folder) are taller than before the check: the dialog
  // grows to hold them rather than squeezing the form's rows (the Name field once became a line).
  layout()->activate();
  const int needed = layout()->totalHeightForWidth(width());
  if (needed > height()) resize(width(), needed);
  setMinimumHeight(std::max(minimumSizeHint().height(), std::min(needed, height())));
}

void AddModelDialog::accept() {
  if (!canAdd()) return;
  try {
    const catalog::Id id = catalog::registerModelFolder(*context_.catalog(), *facts_, name_->text().trimmed().toStdString());
    context_.notifyCatalogChanged();
    emit modelAdded(id);
    QDialog::accept();
  } catch (const std::exception& error) {
    problems_->setText(errorText(error));
    problems_->show();
    fitToContents();
  }
}

}  // namespace tiertune::gui
