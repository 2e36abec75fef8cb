#include "app/gui/documents/DatasetKindPage.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QVBoxLayout>
#include <algorithm>

#include "app/gui/AppContext.h"
#include "app/gui/Appearance.h"
#include "app/gui/ErrorText.h"
#include "app/gui/RangeSpinBox.h"
#include "app/gui/WizardHelp.h"
#include "app/gui/WizardLabels.h"
#include "app/gui/documents/DocumentsDraft.h"
#include "app/gui/documents/DocumentsWizard.h"
#include "core/catalog/catalog.h"
#include "core/documents/qa_prompt.h"

namespace tiertune::gui {

namespace {

constexpr int kMostPartTokens = 8192;
constexpr int kFewestPartTokens = 128;
constexpr int kTextPartTokens = 1024;
constexpr int kQuestionPartTokens = 512;
constexpr int kOverlapTokens = 128;
constexpr int kContextRole = Qt::UserRole + 1;   // on the generator choice: its context in tokens
constexpr int kTemplateRole = Qt::UserRole + 2;  // and whether it has a chat template

// The longest part a model of this context takes (0: unknown, no limit but ours).
int partLimit(qlonglong context) {
  return context > 0 ? static_cast<int>(std::min<qlonglong>(context, kMostPartTokens)) : kMostPartTokens;
}

}  // namespace

DatasetKindPage::DatasetKindPage(AppContext& context, DocumentsDraft& draft, QWidget* parent)
    : QWizardPage(parent), context_(context), draft_(draft) {
  setTitle(tr("What kind of dataset"));
  setSubTitle(tr("The documents are cut into parts of a length in tokens. The parts can be learned as they are, or "
                 "a model can write questions and answers about each of them."));
  setPageHelp(this, tr("Text teaches the model the documents' language and facts: it continues its pre-training on "
                       "them. Questions and answers teach an assistant to answer about the documents: a chat model "
                       "you have reads each part with the prompt below and writes the questions and their "
                       "answers, which you review before they become the dataset. Writing them takes a while (most "
                       "of all without a graphics card); it can be stopped and goes on later where it stopped."));
  note_ = new RangeNote("kindNote");
  error_ = errorLabel("kindError");

  textKind_ = new QRadioButton(tr("Text, for continued pre-training (the model learns the documents' language and "
                                  "facts)"));
  textKind_->setObjectName(QStringLiteral("textKind"));
  questionsKind_ = new QRadioButton(tr("Questions and answers, written by a model from each part (for an assistant "
                                       "that answers about them)"));
  questionsKind_->setObjectName(QStringLiteral("questionsKind"));
  auto* kinds = new QButtonGroup(this);
  kinds->addButton(textKind_);
  kinds->addButton(questionsKind_);
  textKind_->setChecked(true);

  // Text.
  const QString textTokensLabel = tr("Part length (tokens):");
  const QString overlapLabel = tr("Overlap between parts (tokens):");
  auto* textTokens = new RangeSpinBox<QSpinBox>;
  textTokens->reportTo(note_, textTokensLabel);
  textTokens_ = textTokens;
  textTokens_->setObjectName(QStringLiteral("textPartTokens"));
  textTokens_->setGroupSeparatorShown(true);
  textTokens_->setRange(kFewestPartTokens, kMostPartTokens);
  textTokens_->setValue(kTextPartTokens);
  auto* overlap = new RangeSpinBox<QSpinBox>;
  overlap->reportTo(note_, overlapLabel);
  overlap_ = overlap;
  overlap_->setObjectName(QStringLiteral("textPartOverlap"));
  overlap_->setGroupSeparatorShown(true);
  overlap_->setRange(0, kTextPartTokens / 2 - 1);
  overlap_->setValue(kOverlapTokens);
  QLabel* textHelp = wrappedLabel();
  textHelp->setText(tr("Each part holds whole paragraphs up to the length; consecutive parts of a document share "
                       "about the overlap, so that what is said near a cut keeps its context. The overlap must be "
                       "less than half the length."));
  textOptions_ = new QWidget;
  auto* textForm = new QFormLayout(textOptions_);
  textForm->setContentsMargins(24, 0, 0, 0);
  textForm->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
  textForm->addRow(textTokensLabel, textTokens_);
  textForm->addRow(overlapLabel, overlap_);
  textForm->addRow(textHelp);

  // Questions and answers.
  generator_ = new QComboBox;
  generator_->setObjectName(QStringLiteral("generatorModel"));
  int firstChat = -1;
  if (catalog::Catalog* catalog = context_.catalog()) {
    for (const catalog::ModelRecord& model : catalog->models()) {
      generator_->addItem(QString::fromStdString(model.name), QString::fromStdString(model.path));
      const int index = generator_->count() - 1;
      generator_->setItemData(index, static_cast<qlonglong>(model.contextLength), kContextRole);
      generator_->setItemData(index, model.hasChatTemplate, kTemplateRole);
      if (model.hasChatTemplate && firstChat < 0) firstChat = index;
    }
  }
  if (firstChat >= 0) generator_->setCurrentIndex(firstChat);
  generatorNote_ = wrappedLabel("generatorNote");
  const QString questionsLabel = tr("Questions per part:");
  const QString questionTokensLabel = tr("Part length (tokens):");
  auto* questions = new RangeSpinBox<QSpinBox>;
  questions->reportTo(note_, questionsLabel);
  questions_ = questions;
  questions_->setObjectName(QStringLiteral("questionsPerPart"));
  questions_->setAccessibleName(tr("Questions per part"));
  questions_->setRange(1, 10);
  questions_->setValue(3);
  auto* questionTokens = new RangeSpinBox<QSpinBox>;
  questionTokens->reportTo(note_, questionTokensLabel);
  questionTokens_ = questionTokens;
  questionTokens_->setObjectName(QStringLiteral("questionPartTokens"));
  questionTokens_->setGroupSeparatorShown(true);
  questionTokens_->setRange(kFewestPartTokens, kMostPartTokens);
  questionTokens_->setValue(kQuestionPartTokens);
  prompt_ = new QPlainTextEdit;
  prompt_->setObjectName(QStringLiteral("qaPrompt"));
  prompt_->setPlainText(QString::fromUtf8(documents::defaultQaPrompt().data(),
                                          static_cast<qsizetype>(documents::defaultQaPrompt().size())));
  prompt_->setTabChangesFocus(true);
  prompt_->setMinimumHeight(110);
  restorePrompt_ = new QPushButton(tr("Restore the default prompt"));
  restorePrompt_->setAutoDefault(false);  // Return stays the wizard's Next
  restorePrompt_->setObjectName(QStringLiteral("restorePrompt"));
  restorePrompt_->setEnabled(false);
  connect(restorePrompt_, &QPushButton::clicked, this, [this] {
    prompt_->setPlainText(QString::fromUtf8(documents::defaultQaPrompt().data(),
                                            static_cast<qsizetype>(documents::defaultQaPrompt().size())));
  });
  QLabel* placeholders = wrappedLabel("promptPlaceholders");
  placeholders->setText(tr("In the prompt, {count} becomes the number of questions, {title} the document's title, "
                           "{section} the heading the part is under, {pages} its pages and {text} the part itself, "
                           "which the prompt must contain."));
  auto* promptLabel = new QLabel(tr("Prompt the model reads:"));
  promptLabel->setBuddy(prompt_);
  auto* promptRow = new QHBoxLayout;
  promptRow->addWidget(placeholders, 1);
  promptRow->addWidget(restorePrompt_, 0, Qt::AlignTop);
  questionOptions_ = new QWidget;
  auto* questionForm = new QFormLayout(questionOptions_);
  questionForm->setContentsMargins(24, 0, 0, 0);
  questionForm->addRow(tr("Model that writes them:"), generator_);
  questionForm->addRow(generatorNote_);
  auto* numbers = new QHBoxLayout;
  numbers->addWidget(questions_);
  auto* questionTokensName = new QLabel(questionTokensLabel);
  questionTokensName->setBuddy(questionTokens_);
  numbers->addSpacing(24);
  numbers->addWidget(questionTokensName);
  numbers->addWidget(questionTokens_);
  numbers->addStretch(1);
  questionForm->addRow(questionsLabel, numbers);
  questionForm->addRow(promptLabel, prompt_);
  questionForm->addRow(QString(), promptRow);

  auto* layout = new QVBoxLayout(this);
  layout->addWidget(textKind_);
  layout->addWidget(textOptions_);
  layout->addWidget(questionsKind_);
  layout->addWidget(questionOptions_, 1);
  layout->addWidget(note_);
  layout->addWidget(error_);
  layout->addStretch(0);

  fitLengths();
  showKind();
  showGenerator();
  store();
  connect(textKind_, &QRadioButton::toggled, this, [this] {
    showKind();
    store();
  });
  connect(textTokens_, &QSpinBox::valueChanged, this, [this] {
    fitOverlap();
    store();
  });
  connect(overlap_, &QSpinBox::valueChanged, this, &DatasetKindPage::store);
  connect(questions_, &QSpinBox::valueChanged, this, &DatasetKindPage::store);
  connect(questionTokens_, &QSpinBox::valueChanged, this, &DatasetKindPage::store);
  connect(generator_, &QComboBox::currentIndexChanged, this, [this] {
    showGenerator();
    fitLengths();
    store();
  });
  connect(prompt_, &QPlainTextEdit::textChanged, this, [this] {
    restorePrompt_->setEnabled(prompt_->toPlainText().toStdString() != documents::defaultQaPrompt());
    showError(error_, {});
    store();
  });
}

void DatasetKindPage::initializePage() {
  // The dataset's model may have changed on the first page.
  fitLengths();
  store();
}

void DatasetKindPage::fitLengths() {
  const QLocale locale;
  const auto fit = [&](QSpinBox* box, int preferred, int& lastDefault, qlonglong context, const QString& model) {
    const int limit = partLimit(context);
    const int chosen = box->value();
    const bool byDefault = lastDefault == 0 || chosen == lastDefault;
    lastDefault = std::min(preferred, limit);
    box->setRange(std::min(kFewestPartTokens, limit), limit);
    if (byDefault) {
      box->setValue(lastDefault);
    } else if (chosen > limit) {
      note_->tell(box, tr("The part length was %1 tokens, more than the context of %2 (%3 tokens), so it is now %3 "
                          "tokens.")
                           .arg(locale.toString(chosen), model, locale.toString(limit)));
    }
  };
  fit(textTokens_, kTextPartTokens, textTokensDefault_, draft_.modelContext, draft_.modelName);
  fit(questionTokens_, kQuestionPartTokens, questionTokensDefault_,
      generator_->currentData(kContextRole).toLongLong(), generator_->currentText());
  fitOverlap();
}

void DatasetKindPage::fitOverlap() {
  const int limit = std::max(0, textTokens_->value() / 2 - 1);
  const int chosen = overlap_->value();
  const bool byDefault = overlapDefault_ == 0 || chosen == overlapDefault_;
  overlapDefault_ = std::min(kOverlapTokens, limit);
  overlap_->setMaximum(limit);
  if (byDefault) {
    overlap_->setValue(overlapDefault_);
  } else if (chosen > limit) {
    const QLocale locale;
    note_->tell(overlap_, tr("The overlap was %1 tokens, not less than half a part, so it is now %2 tokens.")
                              .arg(locale.toString(chosen), locale.toString(limit)));
  }
}

void DatasetKindPage::showKind() {
  const bool text = textKind_->isChecked();
  textOptions_->setVisible(text);
  questionOptions_->setVisible(!text);
  showError(error_, {});
}

void DatasetKindPage::showGenerator() {
  const QString general = tr("The model must follow instructions: an instruct or chat model (its name often ends "
                              "in Instruct or Chat). It runs on the graphics card when this computer has a usable "
                              "one, else on the processor, which is much slower.");
  QString text = general;
  const bool chat = generator_->currentData(kTemplateRole).toBool();
  if (generator_->count() > 0 && !chat) {
    text = nextSentence(tr("%1 has no chat template, so it is probably a base model, which continues a text rather "
                           "than following an instruction. Choose an instruct or chat model.")
                            .arg(generator_->currentText()),
                        general);
  }
  showAsProblem(generatorNote_, generator_->count() > 0 && !chat);
  generatorNote_->setText(text);
}

bool DatasetKindPage::validatePage() {
  if (note_->takeUnseenRefusal()) return false;
  if (questionsKind_->isChecked()) {
    if (generator_->count() == 0) {
      showError(error_, tr("Add a chat model on the Models page first: it writes the questions."));
      return false;
    }
    try {
      documents::checkQaPrompt(prompt_->toPlainText().toStdString());
    } catch (const std::exception& problem) {
      showError(error_, tr("The prompt cannot be used: %1.").arg(errorText(problem)));
      prompt_->setFocus();
      return false;
    }
  }
  showError(error_, {});
  return true;
}

int DatasetKindPage::nextId() const {
  return textKind_->isChecked() ? DocumentsWizard::ImportPage : DocumentsWizard::GeneratePage;
}

void DatasetKindPage::store() {
  draft_.kind = textKind_->isChecked() ? DocumentsDraft::Kind::Text : DocumentsDraft::Kind::Questions;
  draft_.textChunks.tokens = static_cast<std::size_t>(textTokens_->value());
  draft_.textChunks.overlap = static_cast<std::size_t>(overlap_->value());
  draft_.questionChunks.tokens = static_cast<std::size_t>(questionTokens_->value());
  draft_.questionChunks.overlap = 0;  // parts that share text would be asked the same questions
  draft_.generatorName = generator_->currentText();
  draft_.generatorContext = generator_->currentData(kContextRole).toLongLong();
  draft_.qa.modelFolder = generator_->currentData().toString().toStdString();
  draft_.qa.prompt = prompt_->toPlainText().toStdString();
  draft_.qa.questionsPerChunk = static_cast<std::size_t>(questions_->value());
}

}  // namespace tiertune::gui
