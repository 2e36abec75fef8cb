#include "app/gui/pages/HomePage.h"

#include <QGroupBox>
#include <QLabel>
#include <QScrollArea>
#include <QVBoxLayout>

#include "app/gui/pages/ActiveRunsPanel.h"
#include "app/gui/pages/GettingStartedPanel.h"
#include "app/gui/pages/HardwareCheckPanel.h"

namespace tiertune::gui {

HomePage::HomePage(AppContext& context, QWidget* parent)
    : QWidget(parent),
      activeRuns_(new ActiveRunsPanel(context)),
      gettingStarted_(new GettingStartedPanel(context)),
      hardware_(new HardwareCheckPanel(context)) {
  setObjectName(QStringLiteral("homePage"));

  auto* heading = new QLabel(tr("Welcome to Tiertune"));
  heading->setObjectName(QStringLiteral("pageTitle"));
  QFont headingFont = heading->font();
  headingFont.setPointSizeF(headingFont.pointSizeF() * 1.6);
  headingFont.setBold(true);
  heading->setFont(headingFont);

  auto* intro = new QLabel(
      tr("Tiertune fine-tunes open language models (Llama, Mistral, Qwen) on this computer. It "
         "spreads the work over the graphics card, the memory and the SSD, so models larger than "
         "the graphics card still train."));
  intro->setWordWrap(true);

  auto* machine = new QGroupBox(tr("This machine"));
  auto* machineLayout = new QVBoxLayout(machine);
  machineLayout->addWidget(hardware_);

  auto* content = new QWidget;
  auto* layout = new QVBoxLayout(content);
  layout->setContentsMargins(24, 18, 24, 18);
  layout->addWidget(heading);
  layout->addWidget(intro);
  layout->addSpacing(6);
  layout->addWidget(activeRuns_);
  layout->addWidget(gettingStarted_);
  layout->addSpacing(6);
  layout->addWidget(machine);
  layout->addStretch();

  // A measurement ticks off the first step of getting started.
  connect(hardware_, &HardwareCheckPanel::speedMeasured, gettingStarted_, &GettingStartedPanel::refresh);
  connect(gettingStarted_, &GettingStartedPanel::measureDiskRequested, hardware_, &HardwareCheckPanel::measureDiskSpeed);

  auto* scroll = new QScrollArea;
  scroll->setWidget(content);
  scroll->setWidgetResizable(true);
  scroll->setFrameShape(QFrame::NoFrame);
  auto* outer = new QVBoxLayout(this);
  outer->setContentsMargins(0, 0, 0, 0);
  outer->addWidget(scroll);
}

}  // namespace tiertune::gui
