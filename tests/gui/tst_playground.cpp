// The Playground as a person uses it, on the offscreen platform, with a tiny chat model (byte
// tokenizer, ChatML template, random Llama weights) and a LoRA checkpoint of it written by the real
// checkpoint writer (tests/export/export_fixture.h): a greedy answer shows exactly the text
// core/infer's generate() gives for the same conversation (an independent call here); Stop ends a
// long answer as "stopped by you" while the GUI keeps running; side by side, base and checkpoint
// answer the same prompt differently; a conversation saved with the run opens again; a missing
// model folder is reported in words; the run detail dialog's "Chat with this checkpoint" opens
// the playground on the run's newest checkpoint.
#include <QComboBox>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonObject>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTest>
#include <QTextDocument>
#include <QTimer>
#include <filesystem>
#include <fstream>

#include "app/gui/AppContext.h"
#include "app/gui/MainWindow.h"
#include "app/gui/history/RunDetailDialog.h"
#include "app/gui/pages/RunsPage.h"
#include "app/gui/playground/ChatColumn.h"
#include "app/gui/playground/GenerationSettingsPanel.h"
#include "app/gui/playground/PlaygroundPage.h"
#include "core/infer/generator.h"
#include "core/infer/model_runner.h"
#include "core/train/checkpoint_model.h"
#include "core/infer/model_text.h"
#include "export/export_fixture.h"
#include "support/chat_model.h"
#include "support/default_catalog.h"
#include "support/gui_helpers.h"

using namespace tiertune;
using gui::ChatColumn;
using gui::PlaygroundPage;
namespace fs = std::filesystem;

namespace {

// Text as a QTextEdit gives it back: a random model's bytes can decode to characters the text
// document normalizes (a no-break space reads back as a space, line separators as new lines).
QString asShown(const QString& text) {
  QTextDocument document;
  document.setPlainText(text);
  return document.toPlainText();
}

constexpr int kTimeoutMs = 120000;  // a slow shared machine; the tiny model answers in milliseconds

// Big enough that a 4000-token answer takes seconds (so that Stop lands in the middle of it), with
// the byte tokenizer's 260 tokens and a context that holds such an answer.
// (Built as JSON, not a raw string literal, which moc cannot always read.)
std::string chatModelConfig() {
  return nlohmann::json{{"architectures", {"LlamaForCausalLM"}},
                        {"model_type", "llama"},
                        {"hidden_size", 128},
                        {"num_hidden_layers", 4},
                        {"num_attention_heads", 4},
                        {"num_key_value_heads", 2},
                        {"intermediate_size", 256},
                        {"vocab_size", 260},
                        {"max_position_embeddings", 4200},
                        {"rms_norm_eps", 1e-5},
                        {"rope_theta", 10000.0},
                        {"tie_word_embeddings", false},
                        {"bos_token_id", test::kByteBos},
                        {"eos_token_id", test::kByteEos}}
      .dump();
}

// What core/infer gives for one user message, greedily, without the GUI.
QString expectedAnswer(const fs::path& modelFolder, const std::optional<fs::path>& checkpoint, const QString& message,
                       std::size_t maxNewTokens) {
  const auto backend = kernels::makeCpuBackend();
  const auto runner = train::loadModelRunner(*backend, modelFolder, checkpoint);
  const infer::ModelText text = infer::loadModelText(modelFolder, runner->config());
  const std::string prompt = infer::renderChatPrompt(
      text, nlohmann::ordered_json::array({{{"role", "user"}, {"content", message.toStdString()}}}));
  infer::GenerationSettings settings;
  settings.sampling.temperature = 0;
  settings.maxNewTokens = maxNewTokens;
  settings.eosIds = text.eosIds;
  return QString::fromStdString(
      infer::generate(*runner, text.tokenizer, infer::encodePrompt(text, prompt, true), settings).text);
}

QString lastAnswer(const ChatColumn* column) {
  const QJsonArray messages = column->messages();
  return messages.isEmpty() ? QString() : messages.last()[QStringLiteral("content")].toString();
}

}  // namespace

class TestPlayground : public QObject {
  Q_OBJECT

  std::unique_ptr<QTemporaryDir> scratch_;
  std::unique_ptr<test::ExportFixture> fixture_;
  fs::path checkpoint_;
  catalog::Id runId_ = 0;
  std::unique_ptr<gui::AppContext> context_;
  std::unique_ptr<PlaygroundPage> page_;

  template <typename T>
  T* child(const char* name) const {
    T* widget = page_->findChild<T*>(QLatin1String(name));
    if (!widget) qFatal("no widget %s", name);
    return widget;
  }

  void setGreedy(int maxNewTokens) {
    infer::GenerationSettings settings;
    settings.sampling.temperature = 0;
    settings.maxNewTokens = static_cast<std::size_t>(maxNewTokens);
    page_->settingsPanel()->setSettings(settings);
  }

  void loadAndWait(PlaygroundPage::Mode mode) {
    page_->setMode(mode);
    QVERIFY(child<QPushButton>("loadButton")->isEnabled());
    QTest::mouseClick(child<QPushButton>("loadButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(page_->column()->state() != ChatColumn::State::Loading, kTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(page_->baseColumn()->state() != ChatColumn::State::Loading, kTimeoutMs);
    QCOMPARE(page_->column()->state(), ChatColumn::State::Ready);
  }

  void type(const QString& message) {
    child<QPlainTextEdit>("messageInput")->setPlainText(message);
    QVERIFY(child<QPushButton>("sendButton")->isEnabled());
    QTest::mouseClick(child<QPushButton>("sendButton"), Qt::LeftButton);
  }

  void waitForAnswers() {
    QTRY_VERIFY_WITH_TIMEOUT(page_->column()->state() == ChatColumn::State::Ready &&
                                 page_->baseColumn()->state() != ChatColumn::State::Generating,
                             kTimeoutMs);
  }

 private slots:
  void initTestCase() {
    scratch_ = test::makeScratchDir();
    fixture_ = std::make_unique<test::ExportFixture>(fs::path(scratch_->path().toStdString()), chatModelConfig());
    const fs::path model = fixture_->modelFolder;
    test::writeChatTokenizerFiles(model);
    checkpoint_ = fixture_->writeCheckpoint(fixture_->randomAdapter(), true, 7);

    {
      catalog::Catalog store = catalog::Catalog::open(test::freshDefaultCatalog());
      const catalog::Id modelId = test::addChatModelRecord(store, model, "tiny-chat");
      test::addChatModelRecord(store, fixture_->root / "gone-model", "gone");
      runId_ = store.createRun({"tiny lora", modelId, std::nullopt, "lora", "custom",
                                train::toJson(fixture_->runConfig(true))});
      store.addCheckpoint({runId_, 7, checkpoint_.string(), {}, 0});
    }
    context_ = std::make_unique<gui::AppContext>(settings::settingsFile());
    QVERIFY(context_->catalog());
    page_ = std::make_unique<PlaygroundPage>(*context_);
    page_->resize(1100, 700);
    page_->show();
    QVERIFY(QTest::qWaitForWindowExposed(page_.get()));
  }

  void greedyAnswerShowsWhatGenerateGives() {
    setGreedy(24);
    auto* models = child<QComboBox>("modelChooser");
    models->setCurrentIndex(models->findText(QStringLiteral("tiny-chat")));
    loadAndWait(PlaygroundPage::Mode::BaseModel);
    QVERIFY(page_->column()->hasChatTemplate());
    const QString message = QStringLiteral("Hello, who are you?");
    type(message);
    waitForAnswers();
    const QString expected = expectedAnswer(fixture_->modelFolder, std::nullopt, message, 24);
    QVERIFY(!expected.isEmpty());
    QCOMPARE(lastAnswer(page_->column()), expected);
    QVERIFY2(page_->column()->transcriptText().endsWith(expected), qPrintable(page_->column()->transcriptText()));
    QVERIFY(page_->column()->transcriptText().contains(message));
    // Why it stopped and how fast, in words.
    const QString status = page_->column()->statusText();
    QVERIFY2(status.contains(QStringLiteral("tokens/s")), qPrintable(status));
    QVERIFY2(status.contains(QStringLiteral("limit of new tokens")) || status.contains(QStringLiteral("ended its answer")),
             qPrintable(status));
  }

  void stopEndsALongAnswerAndTheGuiKeepsRunning() {
    setGreedy(4000);
    loadAndWait(PlaygroundPage::Mode::BaseModel);
    type(QStringLiteral("Tell me a long story."));
    // Pieces arrive while the answer is not finished (the transcript starts with the 40 characters
    // of the question and the headings).
    QTRY_VERIFY_WITH_TIMEOUT(page_->column()->transcriptText().size() > 120, kTimeoutMs);
    QCOMPARE(page_->column()->state(), ChatColumn::State::Generating);
    auto* stop = child<QPushButton>("stopButton");
    QVERIFY(stop->isEnabled());
    QVERIFY(!child<QPushButton>("loadButton")->isEnabled());
    // The GUI thread is free while the model works: a timer fires at once.
    QElapsedTimer clock;
    clock.start();
    bool fired = false;
    QTimer::singleShot(0, this, [&fired] { fired = true; });
    QTRY_VERIFY_WITH_TIMEOUT(fired, 2000);
    QVERIFY2(clock.elapsed() < 2000, "the GUI thread was blocked");
    QTest::mouseClick(stop, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(page_->column()->state(), ChatColumn::State::Ready, kTimeoutMs);
    QVERIFY2(page_->column()->statusText().contains(QStringLiteral("stopped by you")),
             qPrintable(page_->column()->statusText()));
    QVERIFY(lastAnswer(page_->column()).size() < 4000);  // cut short, and what came is kept
    QVERIFY(!stop->isEnabled());
    QVERIFY(child<QPlainTextEdit>("messageInput")->isEnabled());
  }

  void sideBySideGivesBaseAndCheckpointAnswers() {
    setGreedy(24);
    auto* runs = child<QComboBox>("runChooser");
    QCOMPARE(runs->count(), 1);
    QCOMPARE(child<QComboBox>("checkpointChooser")->currentData().toString(), QString::fromStdString(checkpoint_.string()));
    loadAndWait(PlaygroundPage::Mode::SideBySide);
    QVERIFY(page_->baseColumn()->isVisible());
    QCOMPARE(page_->baseColumn()->state(), ChatColumn::State::Ready);
    const QString message = QStringLiteral("What is 2 + 2?");
    type(message);
    waitForAnswers();
    const QString base = expectedAnswer(fixture_->modelFolder, std::nullopt, message, 24);
    const QString tuned = expectedAnswer(fixture_->modelFolder, checkpoint_, message, 24);
    QVERIFY(base != tuned);  // the adapter changes the model
    QCOMPARE(lastAnswer(page_->baseColumn()), base);
    QCOMPARE(lastAnswer(page_->column()), tuned);
    QVERIFY(page_->baseColumn()->transcriptText().endsWith(asShown(base)));
    QVERIFY(page_->column()->transcriptText().endsWith(asShown(tuned)));
    // Issue 27 item 6: the checkpoint is named by its step, not by its folder ("step-00000007").
    const QString title = page_->column()->findChild<QLabel*>(QStringLiteral("columnTitle"))->text();
    QVERIFY2(title.contains(QStringLiteral("saved at step 7")) && !title.contains(QStringLiteral("step-0")), qPrintable(title));
    test::snapshot(page_.get(), QStringLiteral("playground-side-by-side"));
  }

  void savedConversationOpensAgain() {
    auto* maxTokens = child<QSpinBox>("maxNewTokens");
    maxTokens->setValue(17);
    const QJsonArray messages = page_->column()->messages();
    const QJsonArray baseMessages = page_->baseColumn()->messages();
    QCOMPARE(messages.size(), 2);
    QVERIFY(child<QPushButton>("saveConversationButton")->isEnabled());
    const QString file = page_->saveConversation();
    QVERIFY(!file.isEmpty());
    QVERIFY(fs::path(file.toStdString()).parent_path() == fixture_->root / "run" / "conversations");
    auto* saved = child<QComboBox>("savedConversations");
    QCOMPARE(saved->count(), 1);

    QTest::mouseClick(child<QPushButton>("newConversationButton"), Qt::LeftButton);
    QVERIFY(page_->column()->messages().isEmpty());
    QVERIFY(page_->column()->transcriptText().isEmpty());
    maxTokens->setValue(5);

    QTest::mouseClick(child<QPushButton>("openConversationButton"), Qt::LeftButton);
    QCOMPARE(page_->column()->messages(), messages);
    QCOMPARE(page_->baseColumn()->messages(), baseMessages);
    QVERIFY(page_->column()->transcriptText().endsWith(asShown(lastAnswer(page_->column()))));
    QCOMPARE(maxTokens->value(), 17);
    QCOMPARE(page_->mode(), PlaygroundPage::Mode::SideBySide);
    // The conversation goes on from where it was.
    QTRY_VERIFY_WITH_TIMEOUT(child<QPushButton>("loadButton")->isEnabled(), kTimeoutMs);
    type(QStringLiteral("And 3 + 3?"));
    waitForAnswers();
    QCOMPARE(page_->column()->messages().size(), 4);
  }

  void missingModelFolderIsReportedInWords() {
    auto* models = child<QComboBox>("modelChooser");
    page_->setMode(PlaygroundPage::Mode::BaseModel);
    models->setCurrentIndex(models->findText(QStringLiteral("gone")));
    QTest::mouseClick(child<QPushButton>("loadButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(page_->column()->state(), ChatColumn::State::Failed, kTimeoutMs);
    const QString status = page_->column()->statusText();
    QVERIFY2(status.contains(QStringLiteral("does not exist")), qPrintable(status));
    QVERIFY2(status.contains(QString::fromStdString((fixture_->root / "gone-model").string())), qPrintable(status));
    QVERIFY(!child<QPushButton>("sendButton")->isEnabled());
  }

  void runDetailOpensThePlaygroundOnTheRun() {
    page_.reset();
    gui::MainWindow window(*context_);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.showPage(gui::MainWindow::Page::Runs);  // as a person opens a run's details
    auto* runs = window.findChild<gui::RunsPage*>(QStringLiteral("runsPage"));
    QVERIFY(runs);
    gui::RunDetailDialog* dialog = runs->openDetails(runId_);
    auto* chat = dialog->findChild<QPushButton*>(QStringLiteral("chatRunButton"));
    QVERIFY(chat);
    QTRY_VERIFY_WITH_TIMEOUT(chat->isEnabled(), kTimeoutMs);
    QTest::mouseClick(chat, Qt::LeftButton);
    QCOMPARE(window.currentPage(), gui::MainWindow::Page::Playground);
    auto* playground = window.findChild<PlaygroundPage*>(QStringLiteral("playgroundPage"));
    QVERIFY(playground);
    QCOMPARE(playground->mode(), PlaygroundPage::Mode::Checkpoint);
    QTRY_COMPARE_WITH_TIMEOUT(playground->column()->state(), ChatColumn::State::Ready, kTimeoutMs);
    QCOMPARE(playground->column()->source().checkpointFolder, QString::fromStdString(checkpoint_.string()));
  }
};

QTEST_MAIN(TestPlayground)
#include "tst_playground.moc"
