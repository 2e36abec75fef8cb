#include "app/gui/pages/HomePage.h"

#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

#include "app/gui/pages/HardwareCheckPanel.h"

namespace tiertune::gui {

HomePage::HomePage(AppContext& context, QWidget* parent)
    : QWidget(parent), hardware_(new HardwareCheckPanel(context)) {
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

  auto* steps = new QLabel(
      tr("<b>Getting started</b><ol>"
         "<li>Check below what this machine offers, and measure the disk speed once.</li>"
         "<li>Add a base model on the <i>Models</i> page.</li>"
         "<li>Import your examples on the <i>Datasets</i> page.</li>"
         "<li>Start a fine-tune and follow it on the <i>Runs</i> page.</li></ol>"));
  steps->setObjectName(QStringLiteral("gettingStarted"));
  steps->setWordWrap(true);

  auto* newRun = new QPushButton(tr("New fine-tune…"));
  newRun->setObjectName(QStringLiteral("homeNewRunButton"));
  connect(newRun, &QPushButton::clicked, this, &HomePage::newRunRequested);
  auto* newRunRow = new QHBoxLayout;
  newRunRow->setContentsMargins(24, 0, 0, 8);
  newRunRow->addWidget(newRun);
  newRunRow->addStretch();

  auto* machine = new QGroupBox(tr("This machine"));
  auto* machineLayout = new QVBoxLayout(machine);
  machineLayout->addWidget(hardware_);

  auto* content = new QWidget;
  auto* layout = new QVBoxLayout(content);
  layout->setContentsMargins(24, 18, 24, 18);
  layout->addWidget(heading);
  layout->addWidget(intro);
  layout->addWidget(steps);
  layout->addLayout(newRunRow);
  layout->addWidget(machine);
  layout->addStretch();

  auto* scroll = new QScrollArea;
  scroll->setWidget(content);
  scroll->setWidgetResizable(true);
  scroll->setFrameShape(QFrame::NoFrame);
  auto* outer = new QVBoxLayout(this);
  outer->setContentsMargins(0, 0, 0, 0);
  outer->addWidget(scroll);
}

}  // namespace tiertune::gui
