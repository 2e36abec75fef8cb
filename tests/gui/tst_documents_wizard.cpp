// "Make a dataset from documents" as a person uses it: a folder of Markdown and text files with a
// file that is not a PDF though named so, and a picture; the folder added (and dropped), the read
// table with the refused file's reason, the text kind, the import and the summary, and the dataset
// in the catalog with its rows and the documents it was made from; a name the catalog has refused
// on the first page; reading cancelled and started again. The questions-and-answers path with a
// scripted model that writes chosen replies: the writing with its progress, stopped and gone on
// with, a part without a usable reply, the wizard opened again going on with the same job; the
// review (reject, edit by double-click, filters, the failed part's replies) and the import of the
// pairs kept. With TIERTUNE_GUI_SNAPSHOTS=DIR each page is saved as a PNG there, to look at.
#include <QAbstractItemView>
#include <QApplication>
#include <QComboBox>
#include <QDropEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableWidget>
#include <QTest>
#include <QUrl>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <thread>

#include "app/gui/AppContext.h"
#include "app/gui/documents/DocumentsWizard.h"
#include "app/gui/documents/QaGeneratePage.h"
#include "app/gui/pages/DatasetsPage.h"
#include "core/catalog/catalog.h"
#include "core/documents/document_dataset.h"
#include "core/formats/model_config.h"
#include "core/infer/model_text.h"
#include "core/infer/sequence_model.h"
#include "core/settings/settings.h"
#include "support/accessibility_audit.h"
#include "support/byte_tokenizer.h"
#include "support/chat_model.h"
#include "support/gui_helpers.h"
#include "support/scratch.h"
#include "support/scripted_replies.h"
#include "support/tiny_model.h"

using namespace tiertune;
using tiertune::gui::AppContext;
using tiertune::gui::DatasetsPage;
using tiertune::gui::DocumentsWizard;
using tiertune::test::snapshot;
namespace fs = std::filesystem;

namespace {

constexpr int kTimeoutMs = 120000;  // a slow shared machine

template <typename T>
T* named(QObject* parent, const char* name) {
  T* found = parent->findChild<T*>(QLatin1String(name));
  if (!found) qFatal("no widget %s", name);
  return found;
}

void write(const fs::path& file, const std::string& text) {
  fs::create_directories(file.parent_path());
  std::ofstream(file, std::ios::binary) << text;
}

// A team's folder: two Markdown files and a text file of short paragraphs, a file named .pdf that
// is not a PDF, and a picture (not a document: skipped and counted).
void writeTeamFolder(const fs::path& folder) {
  write(folder / "onboarding.md",
        "# Onboarding\n\nNew colleagues get a laptop on their first day. The laptop is set up by the IT desk.\n\n"
        "## Accounts\n\nEvery colleague has one account for mail and files. Passwords change every year.\n\n"
        "## Travel\n\nTrain tickets are booked through the office. Flights need the approval of a lead.\n");
  write(folder / "expenses.md",
        "# Expenses\n\nReceipts are photographed and sent within a month. Meals are paid up to a daily limit.\n\n"
        "## Approval\n\nThe lead approves expenses every Friday. Late receipts are paid the next month.\n");
  write(folder / "notes" / "meeting.txt",
        "The team meets on Mondays at nine. The notes of each meeting go to the shared folder.\n\n"
        "Decisions are written down with their owner. Open points are read again the week after.\n");
  write(folder / "scan.pdf", "This file only pretends to be a PDF.\n");
  write(folder / "photo.png", std::string("\x89PNG\r\n\x1a\n", 8));
}

// An empty data folder, and in its catalog the tiny chat model (context 128, byte tokenizer).
std::unique_ptr<AppContext> freshContextWithChatModel(const fs::path& root) {
  QFile::remove(QString::fromStdString(settings::settingsFile().string()));
  QDir(qEnvironmentVariable("XDG_DATA_HOME") + QStringLiteral("/Tiertune")).removeRecursively();
  auto context = std::make_unique<AppContext>(settings::settingsFile());
  if (!context->catalog()) return nullptr;
  test::registerTinyChatModel(*context->catalog(), root / "chat-model", "Chat model");
  return context;
}

// The questions the prompt asks for ("Write 2 questions"), numbered on from a count shared by all
// the replies, so that no two pairs are the same; a part about travel gets prose twice, which the
// strict reader refuses, so that part fails.
std::string scriptedReply(const std::string& prompt, std::atomic<int>& numbered) {
  if (prompt.find("Train tickets") != std::string::npos) return "Sorry, I would rather not write about travel.";
  const std::size_t at = prompt.find("Write ");
  const int count = at == std::string::npos ? 1 : std::stoi(prompt.substr(at + 6));
  nlohmann::json pairs = nlohmann::json::array();
  for (int i = 0; i < count; ++i) {
    const int n = ++numbered;
    pairs.push_back({{"question", "What does rule " + std::to_string(n) + " say?"},
                     {"answer", "Rule " + std::to_string(n) + " says what the handbook says."}});
  }
  return pairs.dump();
}

}  // namespace

class TestDocumentsWizard : public QObject {
  Q_OBJECT

  std::unique_ptr<QTemporaryDir> scratch_;
  fs::path root_;
  QStringList problems_;

  void audit(QWidget* root, const QString& where) {
    const QString found = test::accessibilityProblems(root, where);
    if (!found.isEmpty()) problems_ << found;
  }

  // Opens the wizard from the Datasets page on the team folder, with a dataset name.
  DocumentsWizard* openOnTeamFolder(DatasetsPage& page, const fs::path& team, const QString& name) {
    auto* button = named<QPushButton>(&page, "makeFromDocumentsButton");
    if (!button->isEnabled()) qFatal("the button is disabled");
    DocumentsWizard* wizard = page.makeFromDocuments();
    wizard->addSources({QString::fromStdString(team.string())});
    named<QLineEdit>(wizard, "documentsDatasetName")->setText(name);
    return wizard;
  }

 private slots:
  void init() {
    scratch_ = test::makeScratchDir();
    root_ = fs::path(scratch_->path().toStdString());
    problems_.clear();
  }

  void makesATextDataset() {
    const auto owned = freshContextWithChatModel(root_);
    QVERIFY(owned);
    AppContext& context = *owned;
    const fs::path team = root_ / "handbook";
    writeTeamFolder(team);

    DatasetsPage page(context);
    page.show();
    auto* button = named<QPushButton>(&page, "makeFromDocumentsButton");
    QVERIFY(button->isEnabled());
    DocumentsWizard* wizard = page.makeFromDocuments();
    QVERIFY(wizard->isVisible());

    // 1. The folder, the model and the name the folder gives.
    QCOMPARE(wizard->currentId(), int(DocumentsWizard::SourcesPage));
    wizard->next();
    QCOMPARE(wizard->currentId(), int(DocumentsWizard::SourcesPage));  // nothing chosen yet
    auto* error = named<QLabel>(wizard, "documentsSourcesError");
    QVERIFY2(!error->isHidden() && error->text().contains(QStringLiteral("Add at least one")), qPrintable(error->text()));
    wizard->addSources({QString::fromStdString(team.string())});
    QVERIFY(error->isHidden());  // what it says follows the input
    QCOMPARE(named<QListWidget>(wizard, "documentSources")->count(), 1);
    QCOMPARE(named<QLineEdit>(wizard, "documentsDatasetName")->text(), QStringLiteral("handbook"));
    QCOMPARE(named<QComboBox>(wizard, "documentsModel")->currentText(), QStringLiteral("Chat model"));
    audit(wizard, QStringLiteral("sources page"));
    snapshot(wizard, QStringLiteral("documents-1-sources"));
    QSignalSpy read(wizard, &DocumentsWizard::readFinished);
    wizard->next();

    // 2. What was read: the three documents and the false PDF with its reason; the picture counted.
    QCOMPARE(wizard->currentId(), int(DocumentsWizard::ReadPage));
    QVERIFY(read.wait(kTimeoutMs));
    QVERIFY(wizard->button(QWizard::NextButton)->isEnabled());
    auto* table = named<QTableWidget>(wizard, "readTable");
    QCOMPARE(table->rowCount(), 4);
    QStringList names;
    for (int row = 0; row < 3; ++row) names << table->item(row, 0)->text();
    // The folder walked in name order: notes/ before onboarding.md.
    QCOMPARE(names, QStringList({QStringLiteral("expenses.md"), QStringLiteral("meeting.txt"),
                                 QStringLiteral("onboarding.md")}));
    QCOMPARE(table->item(0, 1)->text(), QStringLiteral("Markdown"));
    QCOMPARE(table->item(1, 1)->text(), QStringLiteral("Text"));
    QVERIFY(table->item(0, 3)->text().toInt() > 20);
    QCOMPARE(table->item(3, 0)->text(), QStringLiteral("scan.pdf"));
    QCOMPARE(table->item(3, 1)->text(), QStringLiteral("PDF"));
    const QString refused = table->item(3, 4)->text();
    QVERIFY2(refused.startsWith(QStringLiteral("Not read: ")) && refused.contains(QStringLiteral("not a PDF")),
             qPrintable(refused));
    // The row names the file; the reason, which names it too, is whole in the tooltip.
    QVERIFY(table->item(3, 4)->toolTip().startsWith(QStringLiteral("scan.pdf: ")));
    QVERIFY(!table->item(3, 0)->icon().isNull());
    const QString summary = named<QLabel>(wizard, "readSummary")->text();
    QVERIFY2(summary.contains(QStringLiteral("Documents read: 3")) && summary.contains(QStringLiteral("Not read: 1")) &&
                 summary.contains(QStringLiteral("not documents: 1")),
             qPrintable(summary));
    audit(wizard, QStringLiteral("read page"));
    snapshot(wizard, QStringLiteral("documents-2-read"));

    // Back and on again with the same sources: no second read.
    wizard->back();
    wizard->next();
    QCOMPARE(wizard->currentId(), int(DocumentsWizard::ReadPage));
    QVERIFY(wizard->button(QWizard::NextButton)->isEnabled());
    QCOMPARE(table->rowCount(), 4);
    QTest::qWait(100);
    QCOMPARE(read.count(), 1);
    wizard->next();

    // 3. Text, its part length held to the model's context of 128 tokens and the overlap under half.
    QCOMPARE(wizard->currentId(), int(DocumentsWizard::KindPage));
    QVERIFY(named<QRadioButton>(wizard, "textKind")->isChecked());
    QCOMPARE(named<QSpinBox>(wizard, "textPartTokens")->value(), 128);
    QCOMPARE(named<QSpinBox>(wizard, "textPartTokens")->maximum(), 128);
    QCOMPARE(named<QSpinBox>(wizard, "textPartOverlap")->value(), 63);
    QVERIFY(!named<QWidget>(wizard, "generatorModel")->isVisible());
    audit(wizard, QStringLiteral("kind page, text"));
    snapshot(wizard, QStringLiteral("documents-3-kind"));
    QSignalSpy imported(wizard, &DocumentsWizard::importFinished);
    wizard->next();

    // 4. The import, then the summary without Back or Cancel.
    QCOMPARE(wizard->currentId(), int(DocumentsWizard::ImportPage));
    QVERIFY(imported.wait(kTimeoutMs));
    QCOMPARE(wizard->currentId(), int(DocumentsWizard::SummaryPage));
    QVERIFY(!wizard->button(QWizard::BackButton)->isVisible());
    QVERIFY(!wizard->button(QWizard::CancelButton)->isVisible());
    QVERIFY(wizard->draft().imported && wizard->draft().imported->dataset);
    const data::ImportResult& result = *wizard->draft().imported;
    QVERIFY(result.train.rows > 3);
    const QString said = named<QLabel>(wizard, "documentsSummary")->text();
    QVERIFY2(said.contains(QStringLiteral("“handbook” is ready")) && said.contains(QStringLiteral("Documents: 3")) &&
                 said.contains(QStringLiteral("Training examples: %1").arg(result.train.rows)),
             qPrintable(said));
    const fs::path examples = documents::documentJobFolder(context.settings().dataFolder, "handbook") / "text.jsonl";
    QVERIFY(named<QLabel>(wizard, "documentsExamplesFile")->text().contains(QString::fromStdString(examples.string())));
    audit(wizard, QStringLiteral("summary page"));
    snapshot(wizard, QStringLiteral("documents-4-summary"));
    wizard->accept();

    // The catalog has it, with every chunk and the documents it was made from.
    const std::vector<catalog::DatasetRecord> datasets = context.catalog()->datasets();
    QCOMPARE(datasets.size(), std::size_t{1});
    QCOMPARE(datasets[0].name, std::string("handbook"));
    QCOMPARE(static_cast<std::size_t>(datasets[0].trainRows + datasets[0].validationRows), wizard->draft().chunks);
    const auto stats = nlohmann::json::parse(datasets[0].statsJson);
    const auto& provenance = stats.at("provenance");
    QCOMPARE(provenance.at("kind").get<std::string>(), std::string("documents as text"));
    QCOMPARE(provenance.at("documents").size(), std::size_t{3});
    QCOMPARE(provenance.at("chunk_tokens").get<int>(), 128);
    std::ifstream lines(examples);
    std::size_t count = 0;
    for (std::string line; std::getline(lines, line); ++count) {
      QVERIFY(!nlohmann::json::parse(line).at("source").get<std::string>().empty());
    }
    QCOMPARE(count, wizard->draft().chunks);
    QTRY_COMPARE(page.rowCount(), 1);
    QVERIFY2(problems_.isEmpty(), qPrintable(problems_.join(QLatin1Char('\n'))));
  }

  void refusesANameTheCatalogHas() {
    const auto owned = freshContextWithChatModel(root_);
    QVERIFY(owned);
    AppContext& context = *owned;
    catalog::NewDataset taken;
    taken.name = "handbook";
    taken.format = "text";
    context.catalog()->addDataset(taken);
    const fs::path team = root_ / "handbook";
    writeTeamFolder(team);
    DatasetsPage page(context);
    page.show();
    DocumentsWizard* wizard = page.makeFromDocuments();
    wizard->addSources({QString::fromStdString(team.string())});
    auto* name = named<QLineEdit>(wizard, "documentsDatasetName");
    QCOMPARE(name->text(), QStringLiteral("handbook"));
    // Said at once, under the field, and Next does not go on.
    auto* note = named<QLabel>(wizard, "documentsNameNote");
    QVERIFY2(!note->isHidden() && note->text().contains(QStringLiteral("already has a dataset named \"handbook\"")),
             qPrintable(note->text()));
    snapshot(wizard, QStringLiteral("documents-1-name-taken"));
    wizard->next();
    QCOMPARE(wizard->currentId(), int(DocumentsWizard::SourcesPage));
    name->setText(QStringLiteral("handbook 2"));
    QVERIFY(note->isHidden());
    wizard->next();
    QCOMPARE(wizard->currentId(), int(DocumentsWizard::ReadPage));
    wizard->reject();
  }

  // The button waits for a model, as Import dataset does: a dataset is prepared for one.
  void needsAModel() {
    QFile::remove(QString::fromStdString(settings::settingsFile().string()));
    QDir(qEnvironmentVariable("XDG_DATA_HOME") + QStringLiteral("/Tiertune")).removeRecursively();
    AppContext context(settings::settingsFile());
    QVERIFY(context.catalog());
    DatasetsPage page(context);
    page.show();
    auto* button = named<QPushButton>(&page, "makeFromDocumentsButton");
    QVERIFY(!button->isEnabled());
    QVERIFY(button->toolTip().contains(QStringLiteral("Add a model")));
    test::registerTinyChatModel(*context.catalog(), root_ / "chat-model", "Chat model");
    context.notifyCatalogChanged();
    QVERIFY(button->isEnabled());
  }

  // The real generator (the tiny random chat model, on this machine's graphics card or processor):
  // its context of 128 tokens holds no prompt with a part, so no part gets a usable reply; the
  // page says so, and the review lists every part with the reason and offers no Next.
  void aModelThatCannotWriteQuestions() {
    const auto owned = freshContextWithChatModel(root_);
    QVERIFY(owned);
    AppContext& context = *owned;
    const fs::path team = root_ / "handbook";
    writeTeamFolder(team);
    DatasetsPage page(context);
    page.show();
    DocumentsWizard* wizard = openOnTeamFolder(page, team, QStringLiteral("Noise"));
    QSignalSpy read(wizard, &DocumentsWizard::readFinished);
    wizard->next();
    QVERIFY(read.wait(kTimeoutMs));
    wizard->next();
    named<QRadioButton>(wizard, "questionsKind")->click();
    QSignalSpy generated(wizard, &DocumentsWizard::generationFinished);
    wizard->next();
    QVERIFY(generated.wait(kTimeoutMs));
    const QString device = named<QLabel>(wizard, "generateDevice")->text();
    QVERIFY2(device.startsWith(QStringLiteral("Chat model writes on the ")), qPrintable(device));
    auto* generatePage = qobject_cast<gui::QaGeneratePage*>(wizard->currentPage());
    QVERIFY(generatePage && !generatePage->outcome().stopped);
    QCOMPARE(generatePage->outcome().pairs, std::size_t{0});
    QCOMPARE(generatePage->outcome().failures, generatePage->outcome().parts);
    const QString status = named<QLabel>(wizard, "generateStatus")->text();
    QVERIFY2(status.contains(QStringLiteral("no usable reply for any part")), qPrintable(status));
    wizard->next();
    QCOMPARE(wizard->currentId(), int(DocumentsWizard::ReviewPage));
    QCOMPARE(named<QTableWidget>(wizard, "reviewTable")->rowCount(), 0);
    auto* failures = named<QTableWidget>(wizard, "reviewFailures");
    QCOMPARE(failures->rowCount(), static_cast<int>(generatePage->outcome().parts));
    failures->selectRow(0);
    const QString details = named<QPlainTextEdit>(wizard, "reviewFailureDetails")->toPlainText();
    QVERIFY2(details.startsWith(QStringLiteral("The model was not asked: ")), qPrintable(details));
    QVERIFY(named<QLabel>(wizard, "reviewSummary")->text().contains(QStringLiteral("Keep at least one pair")));
    QVERIFY(!wizard->button(QWizard::NextButton)->isEnabled());
    wizard->reject();
  }

  void cancelsReadingAndReadsAgain() {
    const auto owned = freshContextWithChatModel(root_);
    QVERIFY(owned);
    AppContext& context = *owned;
    // Enough files that a cancel lands while they are read.
    const fs::path many = root_ / "many";
    for (int i = 0; i < 600; ++i) {
      std::string text = "# Note " + std::to_string(i) + "\n\n";
      for (int line = 0; line < 40; ++line) text += "Line " + std::to_string(line) + " of a note about the office.\n\n";
      write(many / ("note-" + std::to_string(1000 + i) + ".md"), text);
    }
    DatasetsPage page(context);
    page.show();
    DocumentsWizard* wizard = page.makeFromDocuments();
    // A drop from a file manager adds the folder.
    auto* list = named<QListWidget>(wizard, "documentSources");
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(QString::fromStdString(many.string()))});
    QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(list->viewport(), &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(list->viewport(), &drop);
    QCOMPARE(list->count(), 1);
    QCOMPARE(named<QLineEdit>(wizard, "documentsDatasetName")->text(), QStringLiteral("many"));

    QSignalSpy read(wizard, &DocumentsWizard::readFinished);
    wizard->next();
    QCOMPARE(wizard->currentId(), int(DocumentsWizard::ReadPage));
    auto* cancel = named<QPushButton>(wizard, "cancelRead");
    QVERIFY(cancel->isVisible() && cancel->isEnabled());
    QTest::mouseClick(cancel, Qt::LeftButton);
    QVERIFY(read.wait(kTimeoutMs));
    const QString status = named<QLabel>(wizard, "readStatus")->text();
    QVERIFY2(status.contains(QStringLiteral("cancelled")), qPrintable(status));
    QVERIFY(!wizard->button(QWizard::NextButton)->isEnabled());
    QCOMPARE(named<QTableWidget>(wizard, "readTable")->rowCount(), 0);
    auto* again = named<QPushButton>(wizard, "readAgain");
    QVERIFY(again->isVisible());
    snapshot(wizard, QStringLiteral("documents-2-cancelled"));
    QTest::mouseClick(again, Qt::LeftButton);
    QVERIFY(read.wait(kTimeoutMs));
    QCOMPARE(named<QTableWidget>(wizard, "readTable")->rowCount(), 600);
    QVERIFY(wizard->button(QWizard::NextButton)->isEnabled());
    wizard->reject();
  }

  void questionsAndAnswers() {
    const auto owned = freshContextWithChatModel(root_);
    QVERIFY(owned);
    AppContext& context = *owned;
    const fs::path team = root_ / "handbook";
    writeTeamFolder(team);
    const fs::path modelFolder = root_ / "chat-model";
    auto numbered = std::make_shared<std::atomic<int>>(0);
    auto opened = std::make_shared<std::atomic<int>>(0);
    // While held, the model waits before its second prompt: the first part (of expenses.md, which
    // the model answers at once) is done and the second under way when Stop is clicked, however
    // slow the machine.
    auto held = std::make_shared<std::atomic<bool>>(false);
    const auto factory = [numbered, opened, held] {
      return [numbered, opened, held](const fs::path& folder) {
        ++*opened;
        auto prompts = std::make_shared<int>(0);
        auto model = std::make_unique<test::ScriptedReplies>([numbered, held, prompts](const std::string& prompt) {
          if (++*prompts > 1) {
            while (held->load()) std::this_thread::sleep_for(std::chrono::milliseconds(2));
          }
          return scriptedReply(prompt, *numbered);
        });
        return gui::QaModel{nullptr, nullptr, std::move(model),
                            infer::loadModelText(folder, formats::parseModelConfig(test::kTinyLlamaConfig)),
                            QStringLiteral("a scripted model")};
      };
    };

    DatasetsPage page(context);
    page.show();
    DocumentsWizard* wizard = openOnTeamFolder(page, team, QStringLiteral("Handbook questions"));
    wizard->setGeneratorFactory(factory());
    QSignalSpy read(wizard, &DocumentsWizard::readFinished);
    wizard->next();
    QVERIFY(read.wait(kTimeoutMs));
    wizard->next();

    // 3. Questions: the generator (the chat model), 2 per part, the prompt with its default back.
    QCOMPARE(wizard->currentId(), int(DocumentsWizard::KindPage));
    named<QRadioButton>(wizard, "questionsKind")->click();
    QVERIFY(!named<QWidget>(wizard, "textPartTokens")->isVisible());
    QCOMPARE(named<QComboBox>(wizard, "generatorModel")->currentText(), QStringLiteral("Chat model"));
    QCOMPARE(named<QSpinBox>(wizard, "questionsPerPart")->value(), 3);
    QCOMPARE(named<QSpinBox>(wizard, "questionPartTokens")->value(), 128);  // the generator's context
    named<QSpinBox>(wizard, "questionsPerPart")->setValue(2);
    auto* prompt = named<QPlainTextEdit>(wizard, "qaPrompt");
    auto* restore = named<QPushButton>(wizard, "restorePrompt");
    QVERIFY(prompt->toPlainText().contains(QStringLiteral("{text}")));
    QVERIFY(!restore->isEnabled());
    const QString defaultPrompt = prompt->toPlainText();
    prompt->setPlainText(QStringLiteral("Write {count} questions about {passage}."));
    wizard->next();  // no {text}, and a placeholder that does not exist: refused in words
    QCOMPARE(wizard->currentId(), int(DocumentsWizard::KindPage));
    const QString refusal = named<QLabel>(wizard, "kindError")->text();
    QVERIFY2(refusal.contains(QStringLiteral("{passage}")), qPrintable(refusal));
    QVERIFY(restore->isEnabled());
    QTest::mouseClick(restore, Qt::LeftButton);
    QCOMPARE(prompt->toPlainText(), defaultPrompt);
    audit(wizard, QStringLiteral("kind page, questions"));
    snapshot(wizard, QStringLiteral("documents-3-kind-questions"));

    // 4. The writing: stopped after the first part, then gone on with to the end.
    QSignalSpy generated(wizard, &DocumentsWizard::generationFinished);
    *held = true;
    wizard->next();
    QCOMPARE(wizard->currentId(), int(DocumentsWizard::GeneratePage));
    auto* progress = named<QProgressBar>(wizard, "generateProgress");
    QTRY_VERIFY_WITH_TIMEOUT(progress->maximum() > 0 && progress->value() >= 1, kTimeoutMs);
    const QString running = named<QLabel>(wizard, "generateStatus")->text();
    QVERIFY2(running.startsWith(QStringLiteral("Parts done: 1 of ")) && running.contains(QStringLiteral("Pairs: ")), qPrintable(running));
    QVERIFY(named<QLabel>(wizard, "generateDevice")->text().contains(QStringLiteral("a scripted model")));
    snapshot(wizard, QStringLiteral("documents-4-generating"));
    QTest::mouseClick(named<QPushButton>(wizard, "stopGenerating"), Qt::LeftButton);
    QVERIFY(named<QLabel>(wizard, "generateStatus")->text().startsWith(QStringLiteral("Stopping")));
    *held = false;
    QVERIFY(generated.wait(kTimeoutMs));
    auto* generatePage = qobject_cast<gui::QaGeneratePage*>(wizard->currentPage());
    QVERIFY(generatePage);
    QVERIFY(generatePage->outcome().stopped);
    const std::size_t parts = generatePage->outcome().parts;
    QVERIFY(parts >= 6);
    QCOMPARE(generatePage->outcome().done, std::size_t{1});
    QVERIFY2(named<QLabel>(wizard, "generateStatus")->text().contains(QStringLiteral("is kept")),
             qPrintable(named<QLabel>(wizard, "generateStatus")->text()));
    auto* goOn = named<QPushButton>(wizard, "goOnGenerating");
    QVERIFY(goOn->isVisible());
    snapshot(wizard, QStringLiteral("documents-4-stopped"));
    QTest::mouseClick(goOn, Qt::LeftButton);
    QVERIFY(generated.wait(kTimeoutMs));
    QVERIFY(!generatePage->outcome().stopped);
    QCOMPARE(generatePage->outcome().done, parts);
    QCOMPARE(generatePage->outcome().failures, std::size_t{1});  // the part about travel
    QCOMPARE(generatePage->outcome().pairs, 2 * (parts - 1));
    QVERIFY(wizard->button(QWizard::NextButton)->isEnabled());
    wizard->next();

    // 5. The review.
    QCOMPARE(wizard->currentId(), int(DocumentsWizard::ReviewPage));
    auto* review = named<QTableWidget>(wizard, "reviewTable");
    const int pairs = static_cast<int>(2 * (parts - 1));
    QCOMPARE(review->rowCount(), pairs);
    QCOMPARE(review->item(0, 4)->text(), QStringLiteral("Accepted"));
    // Reject the first pair.
    const QString rejectedQuestion = review->item(0, 0)->text();
    review->selectRow(0);
    QTest::mouseClick(named<QPushButton>(wizard, "rejectPairs"), Qt::LeftButton);
    QCOMPARE(review->item(0, 4)->text(), QStringLiteral("Rejected"));
    // Edit the second pair's answer by double-clicking it and typing.
    const QRect answerCell = review->visualItemRect(review->item(1, 1));
    QTest::mouseClick(review->viewport(), Qt::LeftButton, {}, answerCell.center());
    QTest::mouseDClick(review->viewport(), Qt::LeftButton, {}, answerCell.center());
    auto* editor = review->viewport()->findChild<QLineEdit*>();
    QVERIFY(editor);
    editor->selectAll();
    QTest::keyClicks(editor, QStringLiteral("Ask the lead, who decides by Friday."));
    QTest::keyClick(editor, Qt::Key_Return);
    QTRY_COMPARE(review->item(1, 4)->text(), QStringLiteral("Edited"));
    QCOMPARE(review->item(1, 1)->text(), QStringLiteral("Ask the lead, who decides by Friday."));
    QVERIFY(named<QLabel>(wizard, "reviewSummary")->text().contains(QStringLiteral("Rejected: 1")));
    // The filters: by state, by words, by document.
    auto* state = named<QComboBox>(wizard, "reviewFilterState");
    state->setCurrentIndex(state->findText(QStringLiteral("Rejected")));
    QCOMPARE(review->rowCount(), 1);
    QCOMPARE(review->item(0, 0)->text(), rejectedQuestion);
    state->setCurrentIndex(0);
    named<QLineEdit>(wizard, "reviewFilterText")->setText(QStringLiteral("who decides"));
    QCOMPARE(review->rowCount(), 1);
    named<QLineEdit>(wizard, "reviewFilterText")->clear();
    auto* document = named<QComboBox>(wizard, "reviewFilterDocument");
    document->setCurrentIndex(document->findText(QStringLiteral("meeting.txt")));
    QVERIFY(review->rowCount() > 0 && review->rowCount() < pairs);
    for (int row = 0; row < review->rowCount(); ++row) QCOMPARE(review->item(row, 2)->text(), QStringLiteral("meeting.txt"));
    document->setCurrentIndex(0);
    QCOMPARE(review->rowCount(), pairs);
    // The part about travel, with the model's replies.
    auto* failures = named<QTableWidget>(wizard, "reviewFailures");
    QCOMPARE(failures->rowCount(), 1);
    QCOMPARE(failures->item(0, 0)->text(), QStringLiteral("onboarding.md"));
    failures->selectRow(0);
    const QString details = named<QPlainTextEdit>(wizard, "reviewFailureDetails")->toPlainText();
    QVERIFY2(details.contains(QStringLiteral("rather not write about travel")) && details.contains(QStringLiteral("Train tickets")),
             qPrintable(details));
    audit(wizard, QStringLiteral("review page"));
    snapshot(wizard, QStringLiteral("documents-5-review"));
    wizard->reject();

    // Opened again with the same name: the first page says the questions are kept, and the job
    // is complete, so no model is opened; the review is as it was left.
    const int openedBefore = *opened;
    DocumentsWizard* again = openOnTeamFolder(page, team, QStringLiteral("Handbook questions"));
    again->setGeneratorFactory(factory());
    QVERIFY2(named<QLabel>(again, "documentsNameNote")->text().contains(QStringLiteral("are kept")),
             qPrintable(named<QLabel>(again, "documentsNameNote")->text()));
    QSignalSpy readAgain(again, &DocumentsWizard::readFinished);
    again->next();
    QVERIFY(readAgain.wait(kTimeoutMs));
    again->next();
    named<QRadioButton>(again, "questionsKind")->click();
    named<QSpinBox>(again, "questionsPerPart")->setValue(2);
    QSignalSpy generatedAgain(again, &DocumentsWizard::generationFinished);
    again->next();
    QVERIFY(generatedAgain.wait(kTimeoutMs));
    QCOMPARE(*opened, openedBefore);
    QVERIFY(named<QLabel>(again, "generateStatus")->text().contains(QStringLiteral("Every part is done")));
    again->next();
    auto* reviewAgain = named<QTableWidget>(again, "reviewTable");
    QCOMPARE(reviewAgain->item(0, 4)->text(), QStringLiteral("Rejected"));
    QCOMPARE(reviewAgain->item(1, 1)->text(), QStringLiteral("Ask the lead, who decides by Friday."));
    QVERIFY(again->button(QWizard::NextButton)->isEnabled());

    // 6. The import of the pairs kept: all but the rejected one, the edit as typed.
    QSignalSpy imported(again, &DocumentsWizard::importFinished);
    again->next();
    QCOMPARE(again->currentId(), int(DocumentsWizard::ImportPage));
    QVERIFY(imported.wait(kTimeoutMs));
    QCOMPARE(again->currentId(), int(DocumentsWizard::SummaryPage));
    const QString said = named<QLabel>(again, "documentsSummary")->text();
    QVERIFY2(said.contains(QStringLiteral("pairs kept in the review: %1").arg(pairs - 1)), qPrintable(said));
    audit(again, QStringLiteral("summary page, questions"));
    snapshot(again, QStringLiteral("documents-6-summary-questions"));
    again->accept();
    const std::vector<catalog::DatasetRecord> datasets = context.catalog()->datasets();
    QCOMPARE(datasets.size(), std::size_t{1});
    QCOMPARE(datasets[0].name, std::string("Handbook questions"));
    QCOMPARE(datasets[0].trainRows + datasets[0].validationRows, std::int64_t{pairs - 1});
    const auto provenance = nlohmann::json::parse(datasets[0].statsJson).at("provenance");
    QCOMPARE(provenance.at("kind").get<std::string>(), std::string("documents as questions and answers"));
    QCOMPARE(provenance.at("pairs_rejected").get<int>(), 1);
    QCOMPARE(provenance.at("pairs_edited").get<int>(), 1);
    QCOMPARE(provenance.at("documents").size(), std::size_t{3});
    std::ifstream lines(documents::documentJobFolder(context.settings().dataFolder, "Handbook questions") / "qa.jsonl");
    std::string all((std::istreambuf_iterator<char>(lines)), std::istreambuf_iterator<char>());
    QVERIFY(all.find("Ask the lead, who decides by Friday.") != std::string::npos);
    QVERIFY(all.find(rejectedQuestion.toStdString()) == std::string::npos);
    QVERIFY2(problems_.isEmpty(), qPrintable(problems_.join(QLatin1Char('\n'))));
  }
};

QTEST_MAIN(TestDocumentsWizard)
#include "tst_documents_wizard.moc"
