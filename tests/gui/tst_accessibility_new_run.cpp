// Keyboard and screen-reader audit of the New fine-tune wizard (support/accessibility_audit.h):
// every page, the memory plan of a run that fits (its bars) and of one that does not (the bars
// past their budget and the one-click fixes), each with its help. Then the whole wizard walked
// from the model to the Review page and started with key presses only, as a person without a
// mouse does it, on the tiny chat model and dataset of tst_new_run_wizard.
#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>

#include "app/gui/newrun/MemoryPlanPage.h"
#include "app/gui/newrun/NewRunWizard.h"
#include "app/gui/newrun/TierBars.h"
#include "new_run_fixture.h"
#include "support/accessibility_audit.h"
#include "support/wizard_help.h"

using tiertune::gui::NewRunWizard;

using tiertune::test::child;

namespace {

// The audit and the help check of the page on show, as lines for a failure message.
QStringList pageProblems(NewRunWizard& wizard, const QString& state = {}) {
  QStringList problems;
  const QString where = QStringLiteral("new fine-tune wizard page %1%2").arg(wizard.currentId()).arg(state);
  const QString found = tiertune::test::accessibilityProblems(&wizard, where);
  if (!found.isEmpty()) problems << found;
  const QString help = tiertune::test::pageHelpProblem(&wizard);
  if (!help.isEmpty()) problems << where + QStringLiteral(": ") + help;
  return problems;
}

// A key pressed where the keyboard focus is, as a person at the keyboard does.
void press(int key, Qt::KeyboardModifiers modifiers = Qt::NoModifier) {
  QWidget* focus = QApplication::focusWidget();
  if (!focus) qFatal("no widget has the keyboard focus");
  QTest::keyClick(focus, static_cast<Qt::Key>(key), modifiers);
}

// Presses Tab until target has the focus; false when a whole round of the window does not reach it.
bool tabTo(const QWidget* target) {
  for (int presses = 0; presses < 80; ++presses) {
    if (QApplication::focusWidget() == target) return true;
    press(Qt::Key_Tab);
  }
  return QApplication::focusWidget() == target;
}

}  // namespace

class TestAccessibilityNewRun : public QObject {
  Q_OBJECT

  std::unique_ptr<tiertune::test::NewRunWorld> world_;

 private slots:
  void initTestCase() {
    world_ = std::make_unique<tiertune::test::NewRunWorld>();
    QVERIFY(world_->context->catalog());
    world_->addTinyChatModel();
    world_->importSupportChats();
    world_->addMediumChatModel();
  }

  void everyPageOfAFittingRun() {
    NewRunWizard wizard(*world_->context);
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));
    QStringList problems;
    QList<int> audited;
    while (true) {
      if (wizard.currentId() == NewRunWizard::PlanPage) {
        QVERIFY(tiertune::test::waitForPlan(&wizard));
        QVERIFY(wizard.memoryPlanPage()->plan()->memory.plan.fits);
      }
      audited << wizard.currentId();
      problems << pageProblems(wizard);
      if (wizard.currentId() == NewRunWizard::ReviewPage) break;
      const int before = wizard.currentId();
      wizard.next();
      QVERIFY2(wizard.currentId() != before, qPrintable(QStringLiteral("stuck on page %1").arg(before)));
    }
    QCOMPARE(audited.size(), 6);
    // The memory plan's bars in words, for a screen reader.
    const auto* bars = child<tiertune::gui::TierBars>(&wizard, "tierBars");
    const QString description = bars->accessibleDescription();
    QVERIFY2(description.startsWith(bars->tiers()[0].name + QStringLiteral(": ")) &&
                 description.contains(tiertune::gui::segmentName(tiertune::gui::StateSegment::FrozenWeights)),
             qPrintable(description));
    wizard.reject();
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
  }

  // Full fine-tuning of the medium model under tight limits: the plan page shows the reason and
  // its fix buttons, which a keyboard user must reach and a screen reader must name.
  void thePlanOfARunThatDoesNotFit() {
    NewRunWizard wizard(*world_->context);
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));
    tiertune::test::chooseFullFineTuneUnderTightLimits(wizard);
    wizard.next();
    QCOMPARE(wizard.currentId(), int(NewRunWizard::PlanPage));
    QVERIFY(tiertune::test::waitForPlan(&wizard));
    QVERIFY(!wizard.memoryPlanPage()->plan()->memory.plan.fits);
    QVERIFY(!wizard.memoryPlanPage()->fixButtons().isEmpty());
    const QStringList problems = pageProblems(wizard, QStringLiteral(" (does not fit)"));
    wizard.reject();
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
  }

  // Tab, arrows, typing and Enter only: the tiny model, the dataset, Quick LoRA, a linear schedule
  // with 10 warm-up steps on the Advanced page, the plan, a name, and Start.
  void theKeyboardAloneStartsARun() {
    NewRunWizard wizard(*world_->context);
    QSignalSpy created(&wizard, &NewRunWizard::runCreated);
    wizard.show();
    QApplication::setActiveWindow(&wizard);
    QVERIFY(QTest::qWaitForWindowActive(&wizard));

    auto* model = child<QComboBox>(&wizard, "runModel");
    QVERIFY(tabTo(model));
    QTest::keyClicks(model, QStringLiteral("Tiny"));  // a combo box chooses what is typed
    QCOMPARE(model->currentText(), QStringLiteral("Tiny chat"));
    press(Qt::Key_Return);
    QCOMPARE(wizard.currentId(), int(NewRunWizard::DatasetPage));

    QVERIFY(tabTo(child<QComboBox>(&wizard, "runDataset")));
    press(Qt::Key_Return);
    QCOMPARE(wizard.currentId(), int(NewRunWizard::GoalPage));

    // The goals are one group of radio buttons, one stop for Tab; Space chooses.
    auto* quick = child<QRadioButton>(&wizard, "goalQuick");
    QVERIFY(tabTo(quick));
    press(Qt::Key_Space);
    QVERIFY(quick->isChecked());
    press(Qt::Key_Return);
    QCOMPARE(wizard.currentId(), int(NewRunWizard::AdvancedPage));

    auto* schedule = child<QComboBox>(&wizard, "advSchedule");
    QVERIFY(tabTo(schedule));
    press(Qt::Key_Down);  // cosine → linear
    QCOMPARE(schedule->currentData().toInt(), int(tiertune::train::LrSchedule::Linear));
    auto* warmup = child<QSpinBox>(&wizard, "advWarmupSteps");
    QVERIFY(tabTo(warmup));
    press(Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("10"));
    press(Qt::Key_Return);
    QCOMPARE(wizard.currentId(), int(NewRunWizard::PlanPage));
    QCOMPARE(warmup->value(), 10);

    QVERIFY(tiertune::test::waitForPlan(&wizard));
    QVERIFY(wizard.button(QWizard::NextButton)->isEnabled());
    press(Qt::Key_Return);
    QCOMPARE(wizard.currentId(), int(NewRunWizard::ReviewPage));
    const QString review = child<QLabel>(&wizard, "runReview")->text();
    QVERIFY2(review.contains(QStringLiteral("after a warm-up of 10 steps, then a linear decay")), qPrintable(review));

    auto* name = child<QLineEdit>(&wizard, "runName");
    QVERIFY(tabTo(name));
    press(Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(name, QStringLiteral("Typed run"));
    press(Qt::Key_Return);  // Start
    QCOMPARE(created.count(), 1);
    QCOMPARE(world_->store().run(created.at(0).at(0).toLongLong())->name, std::string("Typed run"));
  }

  // F1 opens the help of the page on show, as the Help button does.
  void f1OpensThePagesHelp() {
    NewRunWizard wizard(*world_->context);
    wizard.show();
    QApplication::setActiveWindow(&wizard);
    QVERIFY(QTest::qWaitForWindowActive(&wizard));
    QString shown;
    tiertune::test::answerNextMessageBox(QMessageBox::Ok, &shown);
    press(Qt::Key_F1);
    QVERIFY2(shown.contains(tiertune::gui::pageHelp(wizard.currentPage())), qPrintable(shown));
  }

  void cleanupTestCase() { world_.reset(); }
};

QTEST_MAIN(TestAccessibilityNewRun)
#include "tst_accessibility_new_run.moc"
