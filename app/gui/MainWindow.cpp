#include "app/gui/help/HelpGuide.h"
#include "app/gui/MainWindow.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QStackedWidget>
#include <QStatusBar>

#include "app/gui/AppContext.h"
#include "app/gui/Appearance.h"
#include "app/gui/WindowSize.h"
#include "app/gui/pages/ActiveRunsPanel.h"
#include "app/gui/pages/DatasetsPage.h"
#include "app/gui/pages/GettingStartedPanel.h"
#include "app/gui/pages/HomePage.h"
#include "app/gui/pages/ModelsPage.h"
#include "app/gui/pages/RunsPage.h"
#include "app/gui/pages/SettingsPage.h"
#include "app/gui/playground/PlaygroundPage.h"
#include "app/gui/runs/RunSupervisor.h"
#include "core/catalog/catalog.h"

namespace tiertune::gui {

MainWindow::MainWindow(AppContext& context, QWidget* parent)
    : QMainWindow(parent),
      context_(context),
      supervisor_(new RunSupervisor(context, this)),
      navigation_(new QListWidget),
      pages_(new QStackedWidget),
      playground_(new PlaygroundPage(context)),
      catalogStatus_(new QLabel) {
  setWindowTitle(tr("Tiertune"));
  setWindowIcon(QIcon(QStringLiteral(":/icons/tiertune.svg")));  // its own colours in both schemes
  resizeWithinScreen(this, QSize(1180, 760));

  navigation_->setObjectName(QStringLiteral("navigation"));
  navigation_->setAccessibleName(tr("Sections"));
  navigation_->setIconSize(QSize(22, 22));
  navigation_->setSpacing(2);
  navigation_->setFixedWidth(190);
  navigation_->setFrameShape(QFrame::NoFrame);

  auto* home = new HomePage(context_);
  auto* models = new ModelsPage(context_);
  auto* datasets = new DatasetsPage(context_);
  addPage(Page::Home, QStringLiteral(":/icons/home.svg"), tr("Home"), home);
  addPage(Page::Models, QStringLiteral(":/icons/models.svg"), tr("Models"), models);
  addPage(Page::Datasets, QStringLiteral(":/icons/datasets.svg"), tr("Datasets"), datasets);
  auto* runs = new RunsPage(context_);
  runsPage_ = runs;
  runs->setSupervisor(supervisor_);
  addPage(Page::Runs, QStringLiteral(":/icons/runs.svg"), tr("Runs"), runs);
  addPage(Page::Playground, QStringLiteral(":/icons/playground.svg"), tr("Playground"), playground_);
  // The run detail dialog's "Chat with this checkpoint".
  connect(runs, &RunsPage::chatRequested, this, [this](qint64 runId) {
    showPage(Page::Playground);
    playground_->openRun(runId);
  });
  addPage(Page::Settings, QStringLiteral(":/icons/settings.svg"), tr("Settings"),
          new SettingsPage(context_));
  connect(home->activeRuns(), &ActiveRunsPanel::monitorRequested, this, [this](qint64 runId) { openMonitor(runId); });
  // Getting started asks; the pages act, in view, so that the newcomer sees where things live.
  GettingStartedPanel* guide = home->gettingStarted();
  connect(guide, &GettingStartedPanel::addModelRequested, this, [this, models] {
    showPage(Page::Models);
    models->chooseModelFolder();
  });
  connect(guide, &GettingStartedPanel::tryExampleRequested, this, [this, datasets] {
    showPage(Page::Datasets);
    datasets->tryExample();
  });
  connect(guide, &GettingStartedPanel::newRunRequested, this, [this, runs] {
    showPage(Page::Runs);
    runs->newRun();
  });
  connect(navigation_, &QListWidget::currentRowChanged, pages_, &QStackedWidget::setCurrentIndex);

  auto* central = new QWidget;
  auto* layout = new QHBoxLayout(central);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->setSpacing(0);
  layout->addWidget(navigation_);
  layout->addWidget(pages_, 1);
  setCentralWidget(central);

  QMenu* fileMenu = menuBar()->addMenu(tr("&File"));
  QAction* quit = fileMenu->addAction(tr("&Quit"), this, &QWidget::close);
  quit->setShortcut(QKeySequence::Quit);
  QMenu* helpMenu = menuBar()->addMenu(tr("&Help"));
  QAction* guideAction = helpMenu->addAction(tr("&Guide"), this, [this] { openHelpGuide(this, HelpTopic::FirstHour); });
  guideAction->setObjectName(QStringLiteral("helpGuideAction"));
  guideAction->setShortcut(QKeySequence::HelpContents);
  helpMenu->addAction(tr("&About Tiertune"), this, [this] {
    QMessageBox::about(this, tr("About Tiertune"),
                       tr("<h3>Tiertune %1</h3><p>Fine-tune open language models on the hardware "
                          "you have: one GPU or none, memory and an SSD.</p>")
                           .arg(QStringLiteral(TIERTUNE_VERSION)));
  });

  statusBar()->addPermanentWidget(catalogStatus_);
  connect(&context_, &AppContext::catalogChanged, this, &MainWindow::updateStatusBar);
  updateStatusBar();
  showPage(Page::Home);
}

void MainWindow::closeEvent(QCloseEvent* event) {
  std::int64_t training = 0;
  if (catalog::Catalog* catalog = context_.catalog()) {
    try {
      for (const catalog::RunStatus status : {catalog::RunStatus::Running, catalog::RunStatus::Paused}) {
        catalog::RunQuery query;
        query.status = status;
        training += catalog->countRuns(query);
      }
    } catch (const std::exception&) {
      training = 0;  // nothing to tell that the catalog can confirm
    }
  }
  if (training > 0) {
    QMessageBox question(QMessageBox::Information, tr("Training continues"),
                         tr("Training goes on after this window closes."), QMessageBox::NoButton, this);
    question.setObjectName(QStringLiteral("closeWhileTrainingQuestion"));
    question.setInformativeText(tr("Runs training now: %1. Nothing of their progress is lost; open Tiertune "
                                   "again to watch them (Home lists them).")
                                    .arg(QLocale().toString(static_cast<qlonglong>(training))));
    QPushButton* close = question.addButton(tr("Close the window"), QMessageBox::AcceptRole);
    question.addButton(tr("Keep it open"), QMessageBox::RejectRole);
    question.setDefaultButton(close);
    question.exec();
    if (question.clickedButton() != close) {
      event->ignore();
      return;
    }
  }
  QMainWindow::closeEvent(event);
}

void MainWindow::addPage(Page page, const QString& iconPath, const QString& title, QWidget* widget) {
  Q_ASSERT(pages_->count() == static_cast<int>(page));
  auto* item = new QListWidgetItem(themedIcon(iconPath), title, navigation_);
  item->setSizeHint(QSize(0, 40));
  pages_->addWidget(widget);
}

bool MainWindow::openMonitor(qint64 runId) {
  if (!context_.catalog() || !context_.catalog()->run(runId)) return false;
  showPage(Page::Runs);
  return runsPage_->openMonitor(runId) != nullptr;
}

void MainWindow::showPage(Page page) { navigation_->setCurrentRow(static_cast<int>(page)); }

MainWindow::Page MainWindow::currentPage() const {
  return static_cast<Page>(pages_->currentIndex());
}

void MainWindow::updateStatusBar() {
  if (context_.catalog()) {
    catalogStatus_->setText(
        tr("Catalog: %1").arg(QString::fromStdString(context_.catalog()->file().string())));
  } else {
    catalogStatus_->setText(tr("No catalog open — see Settings"));
  }
}

}  // namespace tiertune::gui
