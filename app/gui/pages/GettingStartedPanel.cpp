#include "app/gui/pages/GettingStartedPanel.h"

#include <QGridLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>
#include <algorithm>

#include "app/gui/AppContext.h"
#include "core/catalog/run_history.h"
#include "core/hardware/disk_speed_record.h"

namespace tiertune::gui {

GettingStartedPanel::GettingStartedPanel(AppContext& context, QWidget* parent)
    : QWidget(parent), context_(context), summary_(new QLabel) {
  setObjectName(QStringLiteral("gettingStarted"));
  summary_->setObjectName(QStringLiteral("gettingStartedSummary"));
  summary_->setWordWrap(true);

  struct Text {
    QString title, explanation, action, objectName;
  };
  const std::array<Text, StepCount> texts = {{
      {tr("Check this machine"),
       tr("See below what the graphics card, the memory and the SSD offer, and measure the offload "
          "folder's speed once: the memory plan of every run uses it."),
       tr("Measure the disk"), QStringLiteral("measureDiskStep")},
      {tr("Add a base model"),
       tr("Choose a model folder downloaded from Hugging Face (Llama, Mistral or Qwen). It is checked "
          "and kept in the catalog; nothing is copied."),
       tr("Add a model…"), QStringLiteral("addModelStep")},
      {tr("Try the example dataset"),
       tr("Import the small example conversations that come with Tiertune to see how a dataset is "
          "checked, previewed and split. Your own files are imported the same way."),
       tr("Try the example"), QStringLiteral("tryExampleStep")},
      {tr("Start a Balanced LoRA run"),  // the goal the fine-tune wizard preselects
       tr("The fine-tune wizard picks settings that suit the model and the dataset, shows where the "
          "training state will live, and starts the run. You can follow it live."),
       tr("New fine-tune…"), QStringLiteral("newRunStep")},
  }};

  auto* grid = new QGridLayout;
  grid->setColumnStretch(1, 1);
  grid->setHorizontalSpacing(12);
  for (int step = 0; step < StepCount; ++step) {
    Row& row = rows_[step];
    row.mark = new QLabel;
    row.mark->setAlignment(Qt::AlignTop | Qt::AlignHCenter);
    row.mark->setMinimumWidth(fontMetrics().horizontalAdvance(QStringLiteral("✓✓")));
    row.title = new QLabel;
    row.title->setWordWrap(true);
    row.title->setTextFormat(Qt::RichText);
    row.title->setText(QStringLiteral("<b>%1</b><br>%2").arg(texts[step].title.toHtmlEscaped(),
                                                            texts[step].explanation.toHtmlEscaped()));
    row.action = new QPushButton(texts[step].action);
    row.action->setObjectName(texts[step].objectName);
    row.action->setAccessibleName(texts[step].title);
    row.action->setAccessibleDescription(texts[step].explanation);
    grid->addWidget(row.mark, step, 0);
    grid->addWidget(row.title, step, 1);
    grid->addWidget(row.action, step, 2, Qt::AlignTop);
  }
  connect(rows_[MeasureDisk].action, &QPushButton::clicked, this, &GettingStartedPanel::measureDiskRequested);
  connect(rows_[AddModel].action, &QPushButton::clicked, this, &GettingStartedPanel::addModelRequested);
  connect(rows_[TryExample].action, &QPushButton::clicked, this, &GettingStartedPanel::tryExampleRequested);
  connect(rows_[StartRun].action, &QPushButton::clicked, this, &GettingStartedPanel::newRunRequested);

  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(summary_);
  layout->addLayout(grid);

  connect(&context_, &AppContext::catalogChanged, this, &GettingStartedPanel::refresh);
  connect(&context_, &AppContext::settingsChanged, this, &GettingStartedPanel::refresh);
  refresh();
}

GettingStartedPanel::Step GettingStartedPanel::nextStep() const {
  for (int step = 0; step < StepCount; ++step) {
    if (!done_[step]) return static_cast<Step>(step);
  }
  return StepCount;
}

void GettingStartedPanel::refresh() {
  const settings::Settings& settings = context_.settings();
  done_[MeasureDisk] = hardware::loadDiskSpeed(settings.diskSpeedFile(), settings.offloadFolder).has_value();
  // Small queries: the models and datasets a team keeps are few; runs are counted in SQL.
  if (catalog::Catalog* catalog = context_.catalog()) {
    done_[AddModel] = !catalog->models().empty();
    done_[TryExample] = !catalog->datasets().empty();
    done_[StartRun] = catalog->countRuns(catalog::RunQuery{}) > 0;
  } else {
    done_[AddModel] = done_[TryExample] = done_[StartRun] = false;
  }
  for (int step = 0; step < StepCount; ++step) show(static_cast<Step>(step));
  const int doneCount = static_cast<int>(std::count(done_.begin(), done_.end(), true));
  summary_->setText(doneCount == StepCount
                        ? tr("<b>Getting started</b>: all done. Every run is on the <i>Runs</i> page.")
                        : tr("<b>Getting started</b>: %1 of %2 steps done.").arg(doneCount).arg(int{StepCount}));
}

void GettingStartedPanel::show(Step step) {
  Row& row = rows_[step];
  const bool next = step == nextStep();
  row.mark->setText(done_[step] ? QStringLiteral("✓") : QString::number(step + 1));
  row.mark->setAccessibleName(done_[step] ? tr("Done") : tr("Not done yet"));
  QFont font = row.mark->font();
  font.setBold(next);
  row.mark->setFont(font);
  row.title->setEnabled(!done_[step] || next);
  // A done step can be done again (another model, another measurement), but the button that
  // stands out is the next one.
  row.action->setDefault(next);
  row.action->setAutoDefault(next);
  row.title->setForegroundRole(done_[step] ? QPalette::PlaceholderText : QPalette::WindowText);
}

}  // namespace tiertune::gui
