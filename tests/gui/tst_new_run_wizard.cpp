// The New fine-tune wizard as a person uses it, on a tiny chat model and a dataset imported into
// a scratch catalog: each page's check before Next, the goal's defaults on the Advanced page (kept
// when going back and forth, replaced when the goal changes), the memory plan's bars and words for
// a run that fits, the one-click fix for a run that does not (memory limits), the run the Start
// button creates in the catalog (and the folder another run took meanwhile, refused), and "Run
// again with changes" from the run's detail view. With TIERTUNE_GUI_SNAPSHOTS=DIR each page is
// saved as a PNG there, to look at.
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>
#include <filesystem>
#include <fstream>

#include "app/gui/AppContext.h"
#include "app/gui/history/RunDetailDialog.h"
#include "app/gui/newrun/MemoryPlanPage.h"
#include "app/gui/newrun/NewRunWizard.h"
#include "app/gui/newrun/TierBars.h"
#include "app/gui/pages/RunsPage.h"
#include "core/catalog/model_registration.h"
#include "core/data/dataset_import.h"
#include "core/formats/model_config.h"
#include "core/formats/model_folder.h"
#include "core/settings/settings.h"
#include "core/tiers/plan_words.h"
#include "core/train/run_config.h"
#include "support/chat_model.h"
#include "support/gui_helpers.h"
#include "support/scratch.h"
#include "new_run_fixture.h"
#include "support/tiny_model.h"

using namespace tiertune;
using tiertune::gui::AppContext;
using tiertune::gui::MemoryPlanPage;
using tiertune::gui::NewRunWizard;
using tiertune::gui::RunsPage;
using tiertune::test::snapshot;
using tiertune::test::child;
namespace fs = std::filesystem;

class TestNewRunWizard : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() {
    world_ = std::make_unique<test::NewRunWorld>();
    QVERIFY(world_->context->catalog());
    context_ = world_->context.get();
  }

  void refusesToGoOnWithoutModelOrDataset() {
    NewRunWizard empty(*context_);
    empty.show();
    QCOMPARE(empty.currentId(), int(NewRunWizard::ModelPage));
    empty.next();
    QCOMPARE(empty.currentId(), int(NewRunWizard::ModelPage));
    QVERIFY(child<QLabel>(&empty, "modelError")->text().contains(QStringLiteral("Models page")));

    // With a model but no dataset, the dataset page says where to import one.
    world_->addTinyChatModel();
    NewRunWizard noDataset(*context_);
    noDataset.show();
    noDataset.next();
    QCOMPARE(noDataset.currentId(), int(NewRunWizard::DatasetPage));
    noDataset.next();
    QCOMPARE(noDataset.currentId(), int(NewRunWizard::DatasetPage));
    QVERIFY(child<QLabel>(&noDataset, "datasetError")->text().contains(QStringLiteral("Datasets page")));

    // 40 conversations for the runs below, and a larger model that shares the tokenizer.
    world_->importSupportChats();
    world_->addMediumChatModel();
  }

  // A dataset's tokens belong to the model it was imported for: another model hears so, and what
  // happens (issue 27 item 9).
  void aDatasetOfAnotherModelIsSaidSo() {
    NewRunWizard wizard(*context_);
    wizard.show();
    auto* model = child<QComboBox>(&wizard, "runModel");
    model->setCurrentIndex(model->findText(QStringLiteral("Medium chat")));
    wizard.next();
    QCOMPARE(wizard.currentId(), int(NewRunWizard::DatasetPage));
    const QString facts = child<QLabel>(&wizard, "datasetFacts")->text();
    QVERIFY2(facts.contains(QStringLiteral("prepared for “Tiny chat”")) &&
                 facts.contains(QStringLiteral("tokens for “Medium chat”")),
             qPrintable(facts));
    // Back to the model it was made for: the note goes.
    wizard.back();
    model->setCurrentIndex(model->findText(QStringLiteral("Tiny chat")));
    wizard.next();
    QVERIFY(!child<QLabel>(&wizard, "datasetFacts")->text().contains(QStringLiteral("prepared for")));
  }

  // Conversations cannot become a base model's text (it has no chat template): the dataset page
  // says so and what to choose instead, rather than the memory plan failing on it.
  void conversationsNeedAChatModel() {
    const std::filesystem::path folder = world_->root / "base-text-model";
    std::filesystem::create_directories(folder);
    std::ofstream(folder / "config.json") << test::kMediumChatConfig;
    catalog::NewModel base;
    base.name = "Base text model";
    base.path = folder.string();
    base.architecture = "LlamaForCausalLM";
    base.hasChatTemplate = false;
    const catalog::Id baseId = world_->store().addModel(base);
    NewRunWizard wizard(*context_);
    wizard.show();
    auto* model = child<QComboBox>(&wizard, "runModel");
    model->setCurrentIndex(model->findText(QStringLiteral("Base text model")));
    wizard.next();
    QCOMPARE(wizard.currentId(), int(NewRunWizard::DatasetPage));
    wizard.next();
    QCOMPARE(wizard.currentId(), int(NewRunWizard::DatasetPage));
    const QString problem = child<QLabel>(&wizard, "datasetError")->text();
    QVERIFY2(problem.contains(QStringLiteral("“Support chats” holds conversations")) &&
                 problem.contains(QStringLiteral("“Base text model” has no chat template")),
             qPrintable(problem));
    // A chat model takes the same dataset on.
    wizard.back();
    model->setCurrentIndex(model->findText(QStringLiteral("Tiny chat")));
    wizard.next();
    wizard.next();
    QCOMPARE(wizard.currentId(), int(NewRunWizard::GoalPage));
    world_->store().removeModel(baseId);  // the runs below choose from the models they expect
  }

  void startsAFittingRun() {
    RunsPage page(*context_);
    page.show();
    QTest::mouseClick(child<QPushButton>(&page, "newRunButton"), Qt::LeftButton);
    auto* wizard = page.findChild<NewRunWizard*>();
    QVERIFY(wizard && wizard->isVisible());
    QSignalSpy created(&page, &RunsPage::runCreated);

    // 1. Model, with its size and context.
    auto* model = child<QComboBox>(wizard, "runModel");
    model->setCurrentIndex(model->findText(QStringLiteral("Tiny chat")));
    QVERIFY2(child<QLabel>(wizard, "modelFacts")->text().contains(QStringLiteral("context of 128 tokens")),
             qPrintable(child<QLabel>(wizard, "modelFacts")->text()));
    snapshot(wizard, QStringLiteral("1-model"));
    wizard->next();

    // 2. Dataset, with its size.
    QCOMPARE(wizard->currentId(), int(NewRunWizard::DatasetPage));
    const QString facts = child<QLabel>(wizard, "datasetFacts")->text();
    QVERIFY2(facts.contains(QStringLiteral("34 training examples")) && facts.contains(QStringLiteral("6 for validation")),
             qPrintable(facts));
    QVERIFY2(!facts.contains(QStringLiteral("prepared for")), qPrintable(facts));  // imported for this model
    snapshot(wizard, QStringLiteral("2-dataset"));
    wizard->next();

    // 3. Goal: Quick LoRA fills the Advanced page with rank 8 and the model's whole context.
    QCOMPARE(wizard->currentId(), int(NewRunWizard::GoalPage));
    child<QRadioButton>(wizard, "goalQuick")->click();
    snapshot(wizard, QStringLiteral("3-goal"));
    wizard->next();
    QCOMPARE(wizard->currentId(), int(NewRunWizard::AdvancedPage));
    auto* rank = child<QSpinBox>(wizard, "advRank");
    auto* sequence = child<QSpinBox>(wizard, "advSequenceLength");
    QCOMPARE(rank->value(), 8);
    QCOMPARE(sequence->value(), 128);
    QVERIFY(!child<QCheckBox>(wizard, "advTarget_gate_proj")->isChecked());

    // A changed value survives going back to the goal and on again; a new goal replaces it.
    rank->setValue(4);
    wizard->next();
    wizard->back();
    wizard->back();
    QCOMPARE(wizard->currentId(), int(NewRunWizard::GoalPage));
    wizard->next();
    QCOMPARE(rank->value(), 4);
    wizard->back();
    child<QRadioButton>(wizard, "goalBalanced")->click();
    wizard->next();
    QCOMPARE(rank->value(), 16);
    QVERIFY(child<QCheckBox>(wizard, "advTarget_gate_proj")->isChecked());

    // The Advanced page checks what its boxes cannot: the sequence against the model's context.
    sequence->setValue(4096);
    wizard->next();
    QCOMPARE(wizard->currentId(), int(NewRunWizard::AdvancedPage));
    const QString tooLong = child<QLabel>(wizard, "advancedError")->text();
    QVERIFY2(tooLong.contains(QStringLiteral("context (128 tokens)")), qPrintable(tooLong));
    sequence->setValue(128);
    child<QDoubleSpinBox>(wizard, "advLearningRate")->setValue(5e-4);
    QCOMPARE(child<QSpinBox>(wizard, "advEvalSamples")->value(), 3);  // sample answers at each evaluation
    child<QSpinBox>(wizard, "advEvalSamples")->setValue(2);
    // Where it trains: automatic by default; the GPU's number means nothing on the processor.
    auto* backend = child<QComboBox>(wizard, "advBackend");
    QCOMPARE(backend->currentData().toInt(), int(hardware::BackendRequest::Auto));
    QVERIFY(child<QSpinBox>(wizard, "advDevice")->isEnabled());
    backend->setCurrentIndex(backend->findData(int(hardware::BackendRequest::Cpu)));
    QVERIFY(!child<QSpinBox>(wizard, "advDevice")->isEnabled());
    snapshot(wizard, QStringLiteral("4-advanced"));
    wizard->next();

    // 4. The memory plan: computed off the GUI thread, then three bars and the words.
    QCOMPARE(wizard->currentId(), int(NewRunWizard::PlanPage));
    QVERIFY(test::waitForPlan(wizard));
    MemoryPlanPage* plan = wizard->memoryPlanPage();
    QVERIFY(plan->plan() && plan->plan()->memory.plan.fits);
    QVERIFY2(child<QLabel>(wizard, "planVerdict")->text().contains(QStringLiteral("fits")),
             qPrintable(child<QLabel>(wizard, "planVerdict")->text()));
    // The processor, as the Advanced page asked, and the plan page says so.
    QVERIFY(wizard->draft().config.backend == hardware::BackendRequest::Cpu);
    QCOMPARE(plan->plan()->backend.cpuReason, hardware::BackendChoice::CpuReason::Requested);
    QVERIFY2(child<QLabel>(wizard, "planDevice")->text().contains(QStringLiteral("processor, as the run's settings ask")),
             qPrintable(child<QLabel>(wizard, "planDevice")->text()));
    const auto& tiers = child<gui::TierBars>(wizard, "tierBars")->tiers();
    QCOMPARE(tiers.size(), std::size_t(3));
    QCOMPARE(tiers[0].name, QStringLiteral("Processor memory"));
    QVERIFY(tiers[0].peakBytes > 0 && tiers[0].peakBytes <= tiers[0].budgetBytes);
    std::uint64_t segments = 0;
    for (const std::uint64_t bytes : tiers[0].segmentBytes) segments += bytes;
    QCOMPARE(segments, tiers[0].peakBytes);
    QVERIFY(tiers[0].segmentBytes[int(gui::StateSegment::FrozenWeights)] > 0);
    QVERIFY(tiers[0].segmentBytes[int(gui::StateSegment::AdamMoments)] > 0);  // the adapters' moments
    QCOMPARE(tiers[2].peakBytes, std::uint64_t(0));  // nothing on the SSD
    const QString timing = child<QLabel>(wizard, "planTiming")->text();
    // The run's time, its step measured on a model of this shape: the run's parts are named.
    QVERIFY(plan->plan()->time && plan->plan()->time->measured);
    QCOMPARE(plan->plan()->time->steps, std::int64_t(26));
    QVERIFY2(timing.contains(QStringLiteral("26 optimizer steps of ")) && timing.startsWith(QStringLiteral("In all about")) &&
                 !timing.contains(QStringLiteral("about about")) && timing.contains(QStringLiteral("checkpoints")) &&
                 timing.contains(QStringLiteral("measured on this model")),
             qPrintable(timing));
    QVERIFY(!child<QLabel>(wizard, "planBottleneck")->text().isEmpty());
    QVERIFY(plan->fixButtons().isEmpty());
    QVERIFY(wizard->button(QWizard::NextButton)->isEnabled());
    snapshot(wizard, QStringLiteral("5-plan"));
    wizard->next();

    // 5. Review: a name is needed; the output folder is under the data folder.
    QCOMPARE(wizard->currentId(), int(NewRunWizard::ReviewPage));
    const QString review = child<QLabel>(wizard, "runReview")->text();
    QVERIFY2(review.contains(QStringLiteral("Tiny chat")) && review.contains(QStringLiteral("Balanced LoRA")) &&
                 review.contains(QStringLiteral("LoRA, rank 16")),
             qPrintable(review));
    // The learning rate's course in one sentence (the goal's warm-up share and cosine schedule).
    QVERIFY2(review.contains(QStringLiteral("0.0005 after a warm-up over 3 % of the steps, then a cosine decay")),
             qPrintable(review));
    auto* name = child<QLineEdit>(wizard, "runName");
    QCOMPARE(name->text(), QStringLiteral("Tiny chat, Balanced LoRA"));
    snapshot(wizard, QStringLiteral("6-review"));
    name->clear();
    wizard->next();
    QVERIFY(child<QLabel>(wizard, "reviewError")->text().contains(QStringLiteral("name")));
    QCOMPARE(created.count(), 0);
    name->setText(QStringLiteral("Support bot v1"));
    fs::path output = wizard->outputFolder();
    QCOMPARE(output.parent_path().string(), (context_->settings().dataFolder / "runs").string());
    QVERIFY(output.filename().string().starts_with("Support-bot-v1-"));

    // A run recorded meanwhile (from the command line, say) writes to that folder: Start refuses
    // it, names that run, and the page moves on to a free folder.
    train::RunConfig elsewhere;
    elsewhere.outputFolder = output;
    const catalog::Id other = context_->catalog()->createRun(
        {"Elsewhere", wizard->draft().model->id, std::nullopt, "lora", "custom", train::toJson(elsewhere)});
    wizard->button(QWizard::FinishButton)->click();
    QCOMPARE(created.count(), 0);
    QCOMPARE(wizard->currentId(), int(NewRunWizard::ReviewPage));
    const QString refused = child<QLabel>(wizard, "reviewError")->text();
    const fs::path moved = wizard->outputFolder();
    QCOMPARE(moved.string(), output.string() + "-2");
    QCOMPARE(child<QLabel>(wizard, "runOutputFolder")->text(), QString::fromStdString(moved.string()));
    QVERIFY2(refused.contains(QStringLiteral("belongs to run %1 (“Elsewhere”)").arg(other)) &&
                 refused.contains(QString::fromStdString(moved.string())),
             qPrintable(refused));
    output = moved;
    wizard->button(QWizard::FinishButton)->click();

    // Start: the run is in the catalog, queued, with the settings chosen.
    QCOMPARE(created.count(), 1);
    const catalog::Id runId = created.at(0).at(0).toLongLong();
    QCOMPARE(wizard->createdRunId().value_or(0), runId);
    const auto run = context_->catalog()->run(runId);
    QVERIFY(run);
    QCOMPARE(run->name, std::string("Support bot v1"));
    QVERIFY(run->status == catalog::RunStatus::Queued);
    QCOMPARE(run->method, std::string("lora"));
    QCOMPARE(run->preset, std::string("balanced-lora"));
    QCOMPARE(run->datasetId.value_or(0), context_->catalog()->datasets().front().id);
    const train::RunConfig config = train::parseRunConfig(run->configJson, "/");
    QCOMPARE(config.loraConfig.rank, std::int64_t(16));
    QCOMPARE(config.adamw.learningRate, 5e-4);
    QCOMPARE(config.sequenceLength, std::int64_t(128));
    QVERIFY(config.backend == hardware::BackendRequest::Cpu);
    QCOMPARE(config.outputFolder.string(), output.string());
    QCOMPARE(config.modelFolder.string(), (world_->root / "tiny-chat").string());
    QVERIFY(fs::exists(config.trainData / "manifest.json"));  // the dataset's tokens for this model

    // "Run again with changes" in the run's detail view opens the wizard prefilled.
    gui::RunDetailDialog* detail = page.openDetails(runId);
    QTRY_VERIFY(detail->isLoaded());
    QTest::mouseClick(child<QPushButton>(detail, "runAgainButton"), Qt::LeftButton);
    NewRunWizard* again = nullptr;
    for (NewRunWizard* candidate : page.findChildren<NewRunWizard*>()) {
      if (candidate->windowTitle().contains(QStringLiteral("Run again"))) again = candidate;
    }
    QVERIFY(again);
    QCOMPARE(child<QComboBox>(again, "runModel")->currentText(), QStringLiteral("Tiny chat"));
    QCOMPARE(child<QComboBox>(again, "runDataset")->currentText(), QStringLiteral("Support chats"));
    QVERIFY(child<QRadioButton>(again, "goalBalanced")->isChecked());
    QCOMPARE(child<QLineEdit>(again, "runName")->text(), QStringLiteral("Support bot v1 (again)"));
    again->next();
    again->next();
    again->next();  // the goal is unchanged: the stored settings stay
    QCOMPARE(again->currentId(), int(NewRunWizard::AdvancedPage));
    QCOMPARE(child<QDoubleSpinBox>(again, "advLearningRate")->value(), 5e-4);
    QCOMPARE(child<QComboBox>(again, "advBackend")->currentData().toInt(), int(hardware::BackendRequest::Cpu));
    QCOMPARE(child<QSpinBox>(again, "advRank")->value(), 16);
    QCOMPARE(child<QSpinBox>(again, "advEvalSamples")->value(), 2);
    again->reject();
    detail->close();
  }

  // Issue 27: an entry outside a box's range is refused with the range, not changed without a word
  // (a seed's sign dropped, a learning rate put back); many steps over 34 examples are warned about
  // with what is usual; "Stop after steps" greys out the epochs it overrides.
  void advancedPageSaysWhatItRefusesAndWarns() {
    NewRunWizard wizard(*context_);
    wizard.show();
    auto* model = child<QComboBox>(&wizard, "runModel");
    model->setCurrentIndex(model->findText(QStringLiteral("Tiny chat")));
    wizard.next();
    wizard.next();
    wizard.next();
    QCOMPARE(wizard.currentId(), int(NewRunWizard::AdvancedPage));
    auto* note = child<QLabel>(&wizard, "advancedRangeNote");
    QVERIFY(note->isHidden());

    // A negative seed keeps its sign and is refused on Return, which does not also press Next.
    auto* seed = child<QSpinBox>(&wizard, "advSeed");
    const int seedBefore = seed->value();
    seed->selectAll();
    QTest::keyClicks(seed, QStringLiteral("-5"));
    QTest::keyClick(seed, Qt::Key_Return);
    QCOMPARE(seed->value(), seedBefore);
    QCOMPARE(wizard.currentId(), int(NewRunWizard::AdvancedPage));
    QVERIFY2(!note->isHidden() && note->text().startsWith(QStringLiteral("Seed: -5 is not accepted")) &&
                 note->text().contains(QStringLiteral("between 0 and 2,147,483,647")),
             qPrintable(note->text()));
    // Typing again withdraws it.
    seed->selectAll();
    QTest::keyClicks(seed, QStringLiteral("7"));
    QVERIFY(note->isHidden());
    QCOMPARE(seed->value(), 7);

    // A learning rate of 99999, left by the focus (as a click on Next leaves it): refused with the
    // range, and that Next stays on the page so that it is read; the next Next goes on.
    auto* rate = child<QDoubleSpinBox>(&wizard, "advLearningRate");
    const double rateBefore = rate->value();
    rate->selectAll();
    QTest::keyClicks(rate, QStringLiteral("99999"));
    QFocusEvent leave(QEvent::FocusOut, Qt::MouseFocusReason);
    QApplication::sendEvent(rate, &leave);
    QCOMPARE(rate->value(), rateBefore);
    QVERIFY2(!note->isHidden() && note->text().contains(QStringLiteral("Learning rate: 99999 is not accepted")) &&
                 note->text().contains(QStringLiteral("between 1e-07 and 0.01")),
             qPrintable(note->text()));

    // "Stop after steps" overrides the epochs: their box is greyed out while it does.
    auto* epochs = child<QSpinBox>(&wizard, "advEpochs");
    auto* steps = child<QSpinBox>(&wizard, "advMaxSteps");
    QVERIFY(epochs->isEnabled());
    child<QSpinBox>(&wizard, "advMicroBatch")->setValue(1);
    child<QSpinBox>(&wizard, "advAccumulation")->setValue(1);
    steps->selectAll();
    QTest::keyClicks(steps, QStringLiteral("9999999"));
    QCOMPARE(steps->value(), 9'999'999);
    QVERIFY(!epochs->isEnabled());
    // 9,999,999 steps show each of the 34 training examples about 294,118 times.
    auto* repeats = child<QLabel>(&wizard, "advRepeatsWarning");
    QVERIFY2(!repeats->isHidden() && repeats->text().contains(QStringLiteral("34 training examples about 294,118 times")) &&
                 repeats->text().contains(QStringLiteral("here 34 to 102 steps")),
             qPrintable(repeats->text()));
    steps->setValue(60);
    QVERIFY(repeats->isHidden());
    steps->setValue(0);
    QVERIFY(epochs->isEnabled());

    wizard.next();
    QCOMPARE(wizard.currentId(), int(NewRunWizard::AdvancedPage));  // the refused rate, not yet seen
    wizard.next();
    QCOMPARE(wizard.currentId(), int(NewRunWizard::PlanPage));
    QCOMPARE(wizard.draft().config.seed, std::uint64_t(7));
    QVERIFY(test::waitForPlan(&wizard));
  }

  void fixesARunThatDoesNotFit() {
    NewRunWizard wizard(*context_);
    wizard.show();
    test::chooseFullFineTuneUnderTightLimits(wizard);
    QCOMPARE(wizard.currentId(), int(NewRunWizard::AdvancedPage));
    QCOMPARE(child<QComboBox>(&wizard, "advMethod")->currentData().toString(), QStringLiteral("full"));
    wizard.next();
    QCOMPARE(wizard.currentId(), int(NewRunWizard::PlanPage));
    QVERIFY(test::waitForPlan(&wizard));
    MemoryPlanPage* plan = wizard.memoryPlanPage();
    QVERIFY2(plan->plan() && !plan->plan()->memory.plan.fits, qPrintable(child<QLabel>(&wizard, "planProblem")->text()));
    QVERIFY(child<QLabel>(&wizard, "planVerdict")->text().contains(QStringLiteral("does not fit")));
    // The planner's reason and fixes in the window's words, with its figures.
    const QString problem = child<QLabel>(&wizard, "planProblem")->text();
    QVERIFY2(problem.startsWith(QStringLiteral("The training state needs ")), qPrintable(problem));
    QVERIFY2(problem.contains(QStringLiteral("LoRA instead of full fine-tuning needs about")), qPrintable(problem));
    QVERIFY2(problem.contains(QStringLiteral("more on the SSD of the offload folder")), qPrintable(problem));
    QVERIFY2(!problem.contains(QStringLiteral("arena")) && !problem.contains(QStringLiteral("Does not fit")), qPrintable(problem));
    QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled());
    const auto& tiers = child<gui::TierBars>(&wizard, "tierBars")->tiers();
    QVERIFY(tiers[2].peakBytes > tiers[2].budgetBytes);  // the SSD bar runs past its budget
    QVERIFY(tiers[2].segmentBytes[int(gui::StateSegment::AdamMoments)] > 0);
    QStringList fixes;
    for (QPushButton* button : plan->fixButtons()) fixes << button->objectName();
    QVERIFY2(fixes.contains(QStringLiteral("fixUseLora")) && fixes.contains(QStringLiteral("fixMoreDisk")),
             qPrintable(fixes.join(QLatin1Char(' '))));
    snapshot(&wizard, QStringLiteral("7-plan-does-not-fit"));

    // One click: LoRA instead of full fine-tuning, planned again, and it fits.
    QTest::mouseClick(child<QPushButton>(&wizard, "fixUseLora"), Qt::LeftButton);
    QVERIFY(plan->isPlanning());
    QVERIFY(test::waitForPlan(&wizard));
    QVERIFY2(plan->plan() && plan->plan()->memory.plan.fits,
             plan->plan() ? tiers::planSummaryText(plan->plan()->memory.plan).c_str() : "no plan");
    QVERIFY(wizard.button(QWizard::NextButton)->isEnabled());
    QVERIFY(wizard.draft().config.lora);
    QCOMPARE(*wizard.draft().config.budgets.diskBytes, std::uint64_t(100'000'000));  // the limits stay
    snapshot(&wizard, QStringLiteral("8-plan-fixed"));
    wizard.back();  // the Advanced page shows the fixed settings
    QCOMPARE(child<QComboBox>(&wizard, "advMethod")->currentData().toString(), QStringLiteral("lora"));
    wizard.reject();
  }

  // Smallest memory: Balanced LoRA's settings over the model kept in 4 bits (QLoRA); the Advanced
  // page shows QLoRA, the plan counts the 4-bit model, the review says it, and switching the method
  // back to LoRA keeps the rest.
  void smallestMemoryIsQloraThroughout() {
    NewRunWizard wizard(*context_);
    wizard.show();
    auto* model = child<QComboBox>(&wizard, "runModel");
    model->setCurrentIndex(model->findText(QStringLiteral("Medium chat")));
    wizard.next();
    wizard.next();
    QCOMPARE(wizard.currentId(), int(NewRunWizard::GoalPage));
    child<QRadioButton>(&wizard, "goalSmallestMemory")->click();
    wizard.next();
    QCOMPARE(wizard.currentId(), int(NewRunWizard::AdvancedPage));
    auto* method = child<QComboBox>(&wizard, "advMethod");
    QCOMPARE(method->currentData().toString(), QStringLiteral("qlora"));
    QVERIFY(child<QSpinBox>(&wizard, "advRank")->isEnabled());
    wizard.next();
    QCOMPARE(wizard.currentId(), int(NewRunWizard::PlanPage));
    QVERIFY(test::waitForPlan(&wizard));
    const MemoryPlanPage* plan = wizard.memoryPlanPage();
    QVERIFY(plan->plan() && plan->plan()->memory.setup.fourBitBase);
    const std::uint64_t fourBitState = plan->plan()->memory.plan.totalStateBytes;
    QVERIFY(wizard.draft().config.fourBitBase);
    QVERIFY2(child<QLabel>(&wizard, "planNotes")->text().contains(QStringLiteral("kept in 4 bits")),
             qPrintable(child<QLabel>(&wizard, "planNotes")->text()));
    wizard.back();
    method->setCurrentIndex(method->findData(QStringLiteral("lora")));
    wizard.next();
    QVERIFY(test::waitForPlan(&wizard));
    QVERIFY(!wizard.draft().config.fourBitBase);
    QVERIFY(wizard.draft().config.lora);
    QVERIFY(!child<QLabel>(&wizard, "planNotes")->text().contains(QStringLiteral("kept in 4 bits")));
    QVERIFY2(plan->plan()->memory.plan.totalStateBytes > fourBitState,
             qPrintable(QStringLiteral("%1 against %2").arg(plan->plan()->memory.plan.totalStateBytes).arg(fourBitState)));
    wizard.reject();
  }

  void cleanupTestCase() { world_.reset(); }

 private:
  std::unique_ptr<test::NewRunWorld> world_;
  AppContext* context_ = nullptr;
};

QTEST_MAIN(TestNewRunWizard)
#include "tst_new_run_wizard.moc"
