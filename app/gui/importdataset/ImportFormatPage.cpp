#include "app/gui/importdataset/ImportFormatPage.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>
#include <optional>

#include "app/gui/ErrorText.h"
#include "app/gui/WizardHelp.h"
#include "app/gui/WizardLabels.h"
#include "app/gui/importdataset/ImportDraft.h"
#include "core/data/text_documents.h"

namespace tiertune::gui {

namespace {

struct ShapeChoice {
  const char* text;
  std::optional<data::RecordShape> shape;
};

}  // namespace

ImportFormatPage::ImportFormatPage(ImportDraft& draft, QWidget* parent) : QWizardPage(parent), draft_(draft) {
  setTitle(tr("Format and fields"));
  setSubTitle(tr("What the rows hold, as read from the first rows of the file. Change it when the guess "
                 "is wrong, and rename fields when your file calls them differently."));
  setPageHelp(this, tr("Tiertune guesses what each row holds from the first rows. When the guess is wrong, choose "
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
  detected_ = wrappedLabel("detectedFormat");
  error_ = errorLabel("formatError");
  auto* form = new QFormLayout;
  form->addRow(tr("Format:"), shape_);
  form->addRow(tr("Field names:"), mapping_);
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(form);
  layout->addWidget(detected_);
  layout->addWidget(error_);
  layout->addStretch(1);
  store();
  connect(shape_, &QComboBox::currentIndexChanged, this, &ImportFormatPage::store);
  connect(mapping_, &QLineEdit::textChanged, this, &ImportFormatPage::store);
}

void ImportFormatPage::initializePage() {
  try {
    data::ImportRequest probe = draft_.request();
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
    showError(error_, {});
  } catch (const std::exception& error) {
    // Said once, where Next would say it again (validatePage), not also as the guess.
    detected_->clear();
    showError(error_, errorText(error));
  }
}

bool ImportFormatPage::validatePage() {
  try {
    // The preview page shows these rows: read them once, with the format as chosen here.
    draft_.previewRows = data::previewImport(draft_.request(), 5);
    showError(error_, {});
    return true;
  } catch (const std::exception& error) {
    showError(error_, errorText(error));
    return false;
  }
}

void ImportFormatPage::store() {
  draft_.chosen.shape.reset();
  if (shape_->currentData().isValid()) draft_.chosen.shape = static_cast<data::RecordShape>(shape_->currentData().toInt());
  draft_.mapping = mapping_->text().trimmed().toStdString();
}

}  // namespace tiertune::gui
