#include "app/gui/runs/SamplesView.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QSignalBlocker>
#include <QTextBlockFormat>
#include <QTextCharFormat>
#include <QTextCursor>
#include <QTextEdit>
#include <QVBoxLayout>

#include "app/gui/Appearance.h"

namespace tiertune::gui {

SamplesView::SamplesView(QWidget* parent)
    : QWidget(parent), about_(new QLabel), note_(new QLabel), steps_(new QComboBox), text_(new QTextEdit) {
  about_->setObjectName(QStringLiteral("samplesAbout"));
  about_->setWordWrap(true);
  note_->setObjectName(QStringLiteral("samplesNote"));
  note_->setWordWrap(true);
  note_->setTextFormat(Qt::PlainText);
  note_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  auto* stepLabel = new QLabel(tr("&Evaluation:"));
  stepLabel->setBuddy(steps_);
  steps_->setObjectName(QStringLiteral("samplesStepSelector"));
  steps_->setAccessibleName(tr("Evaluation whose samples are shown"));
  steps_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
  text_->setObjectName(QStringLiteral("samplesText"));
  text_->setReadOnly(true);
  text_->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
  text_->setFocusPolicy(Qt::StrongFocus);
  text_->setAccessibleName(tr("Sample answers"));

  auto* stepRow = new QHBoxLayout;
  stepRow->addWidget(stepLabel);
  stepRow->addWidget(steps_);
  stepRow->addStretch(1);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(about_);
  layout->addWidget(note_);
  layout->addLayout(stepRow);
  layout->addWidget(text_, 1);

  connect(steps_, &QComboBox::currentIndexChanged, this, [this] { showChosenRound(); });
  LiveRunState nothing;
  display(nothing);
}

void SamplesView::display(const LiveRunState& state) {
  // Without a validation split the worker continues training samples (README, "eval_samples").
  about_->setText(state.validationSamples == 0
                      ? tr("This run has no validation samples, so at each evaluation the model answers the same "
                           "prompts from the training samples, always choosing its most likely next word, so you can "
                           "see its answers change as it learns.")
                      : tr("At each evaluation the model answers the same prompts from the validation samples, "
                           "always choosing its most likely next word, so you can see its answers change as it "
                           "learns."));
  if (state.samplesRevision == revision_) return;
  revision_ = state.samplesRevision;
  const bool followLatest = steps_->count() == 0 || steps_->currentIndex() == steps_->count() - 1;
  const qint64 chosen = shownStep();
  rounds_ = state.samples;
  if (!state.samplesSkipped.isEmpty()) {
    note_->setText(state.samplesSkipped);  // the worker's words: why it writes none
  } else if (rounds_.empty()) {
    note_->setText(tr("Sample answers appear here after the first evaluation."));
  } else {
    note_->clear();
  }
  note_->setVisible(!note_->text().isEmpty());
  fillSelector(chosen, followLatest);
  showChosenRound();
}

void SamplesView::fillSelector(qint64 keepStep, bool followLatest) {
  const QSignalBlocker quiet(steps_);
  steps_->clear();
  const QLocale locale;
  int keep = -1;
  for (const SampleRound& round : rounds_) {
    if (round.step == keepStep) keep = steps_->count();
    steps_->addItem(tr("Step %1").arg(locale.toString(round.step)), round.step);
  }
  steps_->setCurrentIndex(followLatest || keep < 0 ? steps_->count() - 1 : keep);
  steps_->setEnabled(steps_->count() > 1);
}

void SamplesView::showChosenRound() {
  text_->clear();
  const int index = steps_->currentIndex();
  if (index < 0 || index >= static_cast<int>(rounds_.size())) return;
  const SampleRound& round = rounds_[static_cast<std::size_t>(index)];

  const QPalette colours = text_->palette();
  QTextCharFormat label;
  label.setFontWeight(QFont::Bold);
  QTextCharFormat prompt;
  // The prompt: between the text and the background, readable (4.5:1) but clearly not the answer.
  prompt.setForeground(meaningColors(colours).secondaryText);
  QTextCharFormat answer;
  QTextCharFormat missing;
  missing.setFontItalic(true);
  const QTextBlockFormat plain;
  QTextBlockFormat spaced;  // above a label
  spaced.setTopMargin(10);

  QTextCursor cursor(text_->document());
  for (std::size_t i = 0; i < round.answers.size(); ++i) {
    const SampleAnswer& sample = round.answers[i];
    if (i > 0) cursor.insertBlock(spaced);
    cursor.insertText(tr("Prompt %1").arg(i + 1), label);
    cursor.insertBlock(plain);
    cursor.insertText(sample.prompt, prompt);
    cursor.insertBlock(spaced);
    cursor.insertText(tr("Answer"), label);
    cursor.insertBlock(plain);
    if (sample.completion.isEmpty()) {
      cursor.insertText(tr("(none: the model ended its answer at once)"), missing);
    } else {
      cursor.insertText(sample.completion, answer);
    }
  }
  text_->moveCursor(QTextCursor::Start);
}

qint64 SamplesView::shownStep() const {
  return steps_->currentIndex() < 0 ? -1 : steps_->currentData().toLongLong();
}

QString SamplesView::shownText() const { return text_->toPlainText(); }
QString SamplesView::aboutText() const { return about_->text(); }
QString SamplesView::noteText() const { return note_->isHidden() ? QString() : note_->text(); }

}  // namespace tiertune::gui
