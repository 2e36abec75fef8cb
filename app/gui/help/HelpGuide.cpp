#include "app/gui/help/HelpGuide.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QListWidget>
#include <QPushButton>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace tiertune::gui {
namespace {

QString paragraphs(const QStringList& texts) {
  QString html;
  for (const QString& text : texts) html += QStringLiteral("<p>") + text.toHtmlEscaped() + QStringLiteral("</p>");
  return html;
}

}  // namespace

QList<HelpTopic> HelpGuide::topics() {
  return {HelpTopic::FirstHour, HelpTopic::LoraOrFull, HelpTopic::MemoryPlan, HelpTopic::WhenItDoesNotFit,
          HelpTopic::DownloadingModels};
}

QString HelpGuide::title(HelpTopic topic) {
  switch (topic) {
    case HelpTopic::FirstHour: return tr("The first hour");
    case HelpTopic::LoraOrFull: return tr("LoRA or full fine-tuning");
    case HelpTopic::MemoryPlan: return tr("Reading the memory plan");
    case HelpTopic::WhenItDoesNotFit: return tr("When a run does not fit");
    case HelpTopic::DownloadingModels: return tr("Downloading models");
  }
  return {};
}

QString HelpGuide::html(HelpTopic topic) {
  QStringList texts;
  switch (topic) {
    case HelpTopic::FirstHour:
      texts = {tr("Tiertune fine-tunes an open language model on your own examples, on this computer. A first run "
                  "takes four steps, each a page on the left."),
               tr("1. Models: download a model by name (Download a model…) or add a folder you have. Start small: "
                  "Qwen2.5-0.5B-Instruct trains on almost any computer."),
               tr("2. Datasets: import your examples (JSON lines, JSON or CSV). Each row is checked against the "
                  "model's chat template; rows that cannot be used are listed with the reason."),
               tr("3. Runs: New fine-tune… picks the model, the dataset and a goal, shows the memory plan and starts. "
                  "The run goes on when the window closes; a stopped or crashed run resumes from its last checkpoint."),
               tr("4. Try the result in the Playground beside the base model, then export it: a LoRA adapter, a merged "
                  "model, or GGUF for llama.cpp and Ollama.")};
      break;
    case HelpTopic::LoraOrFull:
      texts = {tr("Full fine-tuning changes every weight of the model. It learns the most and needs the most memory: "
                  "about 16 bytes per parameter for the weights, their gradients and the optimizer's two moments."),
               tr("LoRA keeps the model's weights as they are and trains two small matrices beside each layer (the "
                  "adapter): a few million parameters instead of billions. It needs far less memory and time, and it "
                  "is the right start for teaching a style, a format or the facts of your domain."),
               tr("Quick LoRA uses a small adapter and a short schedule; Balanced LoRA a larger adapter and more "
                  "epochs. Choose Full fine-tune when LoRA's results stop improving and the plan shows that it fits.")};
      break;
    case HelpTopic::MemoryPlan:
      texts = {tr("Before a run starts, the plan shows where each part of the training state lives: on the GPU, in "
                  "RAM, or in the offload folder on the SSD. The faster the place, the faster each step."),
               tr("Fits on the GPU: everything stays on the graphics card. Streams from RAM: layers and optimizer "
                  "state travel between RAM and the GPU at each step; training works, more slowly. Needs the SSD: "
                  "part of the state is kept on the disk, and each step reads and writes it."),
               tr("The time estimate measures a step on this computer and adds loading, evaluations and checkpoints. "
                  "A busy computer gives a range.")};
      break;
    case HelpTopic::WhenItDoesNotFit:
      texts = {tr("The plan says what is too large and offers changes that would make the run fit, each one click "
                  "away: a LoRA goal instead of a full fine-tune, shorter examples (the sequence length), a smaller "
                  "batch, or more room in the offload folder."),
               tr("Free memory helps too: close other programs that use the GPU or much RAM. In Settings, choose an "
                  "offload folder on a fast SSD with plenty of free space."),
               tr("If it still does not fit, choose a smaller model of the same family: a 1.5B model trained well often "
                  "does better than a 7B model that cannot train here.")};
      break;
    case HelpTopic::DownloadingModels:
      texts = {tr("Models → Download a model… lists good first models for this computer and searches the Hugging Face "
                  "Hub. Each shows what this computer can do with it before anything is downloaded."),
               tr("Downloads go into the Hugging Face cache that Python tools share. An interrupted download continues "
                  "where it stopped, and every file is checked before it counts."),
               tr("Some models, such as Meta's Llama, are gated: accept their licence on the model's page, create an "
                  "access token in your Hugging Face account's settings, and sign in with it in Settings.")};
      break;
  }
  return QStringLiteral("<h2>") + title(topic).toHtmlEscaped() + QStringLiteral("</h2>") + paragraphs(texts);
}

HelpDialog::HelpDialog(HelpTopic topic, QWidget* parent)
    : QDialog(parent), topics_(new QListWidget), text_(new QTextBrowser) {
  setObjectName(QStringLiteral("helpGuide"));
  setWindowTitle(HelpGuide::tr("Tiertune guide"));
  resize(760, 480);
  topics_->setObjectName(QStringLiteral("helpTopics"));
  topics_->setAccessibleName(HelpGuide::tr("Topics"));
  text_->setObjectName(QStringLiteral("helpText"));
  text_->setOpenExternalLinks(true);
  for (const HelpTopic each : HelpGuide::topics()) {
    auto* item = new QListWidgetItem(HelpGuide::title(each), topics_);
    item->setData(Qt::UserRole, static_cast<int>(each));
  }
  topics_->setMaximumWidth(240);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  connect(topics_, &QListWidget::currentRowChanged, this, [this](int row) {
    if (row >= 0) text_->setHtml(HelpGuide::html(HelpGuide::topics().at(row)));
  });
  auto* row = new QHBoxLayout;
  row->addWidget(topics_);
  row->addWidget(text_, 1);
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(row, 1);
  layout->addWidget(buttons);
  showTopic(topic);
}

void HelpDialog::showTopic(HelpTopic topic) { topics_->setCurrentRow(static_cast<int>(HelpGuide::topics().indexOf(topic))); }

HelpTopic HelpDialog::currentTopic() const { return HelpGuide::topics().value(topics_->currentRow(), HelpTopic::FirstHour); }

HelpDialog* openHelpGuide(QWidget* parent, HelpTopic topic) {
  auto* dialog = new HelpDialog(topic, parent);
  dialog->setAttribute(Qt::WA_DeleteOnClose);
  dialog->open();
  return dialog;
}

}  // namespace tiertune::gui
