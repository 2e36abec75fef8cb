// The Models page as a person uses it: add a downloaded folder (checked first, problems in words),
// see it listed, remove it — and be told why not while a run still uses it.
#include <QApplication>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QTableWidget>
#include <QTest>
#include <QTimer>
#include <filesystem>

#include "app/gui/AppContext.h"
#include "app/gui/Language.h"
#include "app/gui/MainWindow.h"
#include "app/gui/dialogs/AddModelDialog.h"
#include "app/gui/pages/ModelsPage.h"
#include "core/formats/model_config.h"
#include "core/settings/settings.h"
#include "formats/safetensors_test_files.h"
#include "support/gui_helpers.h"
#include "support/scratch.h"

using namespace tiertune;
using tiertune::gui::AddModelDialog;
using tiertune::gui::AppContext;
using tiertune::gui::MainWindow;
using tiertune::gui::ModelsPage;
namespace fs = std::filesystem;
using tiertune::test::answerNextMessageBox;

namespace {

constexpr const char* kTinyConfig = R"({"architectures": ["Qwen2ForCausalLM"], "hidden_size": 64,
  "intermediate_size": 128, "num_hidden_layers": 2, "num_attention_heads": 4,
  "num_key_value_heads": 2, "vocab_size": 256, "max_position_embeddings": 512,
  "rms_norm_eps": 1e-6, "tie_word_embeddings": true})";

fs::path writeTinyModelFolder(const fs::path& folder, bool withTokenizer = true) {
  fs::create_directories(folder);
  test::writeFile(folder / "config.json", kTinyConfig);
  test::writeTinyModel(formats::parseModelConfig(kTinyConfig), folder);
  if (withTokenizer) test::writeFile(folder / "tokenizer.json", R"({"model":{"type":"BPE","vocab":{"a":0},"merges":[]}})");
  return folder;
}

QString labelText(QWidget* parent, const char* name) {
  auto* label = parent->findChild<QLabel*>(QString::fromLatin1(name));
  return label ? label->text() : QString();
}

}  // namespace

class TestModelsPage : public QObject {
  Q_OBJECT

 private:
  std::unique_ptr<QTemporaryDir> scratch_;
  std::unique_ptr<AppContext> context_;
  std::unique_ptr<MainWindow> window_;
  ModelsPage* page_ = nullptr;

  fs::path path(const std::string& name) const { return fs::path(scratch_->path().toStdString()) / name; }

 private slots:
  void init() {
    QFile::remove(QString::fromStdString(settings::settingsFile().string()));
    QDir(qEnvironmentVariable("XDG_DATA_HOME") + QStringLiteral("/Tiertune")).removeRecursively();
    scratch_ = test::makeScratchDir();
    context_ = std::make_unique<AppContext>(settings::settingsFile());
    window_ = std::make_unique<MainWindow>(*context_);
    window_->showPage(MainWindow::Page::Models);
    window_->show();
    page_ = window_->findChild<ModelsPage*>(QStringLiteral("modelsPage"));
    QVERIFY(page_);
    QVERIFY(page_->showsEmptyState());
  }

  void cleanup() {
    window_.reset();
    context_.reset();
  }

  void addsACheckedFolderAndListsIt() {
    const fs::path folder = writeTinyModelFolder(path("Tiny-Qwen2"));
    AddModelDialog* dialog = page_->addModelFolder(QString::fromStdString(folder.string()));
    QTRY_VERIFY(dialog->inspectionFinished());
    QCOMPARE(labelText(dialog, "modelArchitecture"), QStringLiteral("Qwen2ForCausalLM"));
    QCOMPARE(labelText(dialog, "modelLayers"), QStringLiteral("2"));
    QVERIFY(labelText(dialog, "modelContext").contains(QStringLiteral("512")));
    QVERIFY(labelText(dialog, "modelWeights").contains(QStringLiteral("bfloat16")));
    QVERIFY(!dialog->findChild<QLabel*>(QStringLiteral("modelProblems"))->isVisible());
    auto* name = dialog->findChild<QLineEdit*>(QStringLiteral("modelName"));
    QCOMPARE(name->text(), QStringLiteral("Tiny-Qwen2"));
    name->setText(QStringLiteral("My tiny model"));
    auto* add = dialog->findChild<QPushButton*>(QStringLiteral("addModelConfirm"));
    QVERIFY(add->isEnabled());
    QTest::mouseClick(add, Qt::LeftButton);

    QTRY_COMPARE(page_->rowCount(), 1);
    QVERIFY(!page_->showsEmptyState());
    QCOMPARE(page_->table()->item(0, 0)->text(), QStringLiteral("My tiny model"));
    QCOMPARE(page_->table()->item(0, 1)->text(), QStringLiteral("Qwen2ForCausalLM"));
    QCOMPARE(context_->catalog()->models().size(), 1u);
  }

  void aBrokenFolderShowsItsProblemsAndCannotBeAdded() {
    const fs::path folder = writeTinyModelFolder(path("NoTokenizer"), /*withTokenizer=*/false);
    AddModelDialog* dialog = page_->addModelFolder(QString::fromStdString(folder.string()));
    QTRY_VERIFY(dialog->inspectionFinished());
    QVERIFY(!dialog->canAdd());
    QVERIFY(!dialog->findChild<QPushButton*>(QStringLiteral("addModelConfirm"))->isEnabled());
    auto* problems = dialog->findChild<QLabel*>(QStringLiteral("modelProblems"));
    QVERIFY(problems->isVisible());
    QVERIFY2(problems->text().contains(QStringLiteral("tokenizer.json is missing")), qPrintable(problems->text()));
    dialog->reject();
    QCOMPARE(context_->catalog()->models().size(), 0u);
  }

  // In Japanese, the folder's problems are core's sentences translated, each with its file or
  // tensor name kept as it is: no English sentence of core's is left in the list.
  void aBrokenFolderIsExplainedInTheWindowsLanguage() {
    const fs::path folder = writeTinyModelFolder(path("NoTokenizer"), /*withTokenizer=*/false);
    const tiertune::gui::InstalledTranslations japanese(tiertune::gui::resolveLanguage("ja"));
    AddModelDialog* dialog = page_->addModelFolder(QString::fromStdString(folder.string()));
    QTRY_VERIFY(dialog->inspectionFinished());
    QVERIFY(!dialog->canAdd());
    const QString problems = dialog->findChild<QLabel*>(QStringLiteral("modelProblems"))->text();
    QVERIFY2(problems.contains(QStringLiteral(
                 "• tokenizer.json がありません。Tiertune はテキストをトークンに変換するのにこのファイルを使います。")),
             qPrintable(problems));
    QString rest = problems;
    for (const QString& name : {QStringLiteral("tokenizer.json"), QStringLiteral("Tiertune")}) rest.remove(name);
    QVERIFY2(!QRegularExpression(QStringLiteral("[A-Za-z]{4,}")).match(rest).hasMatch(), qPrintable(problems));
    dialog->reject();
  }

  // Issue 27 item 4: a folder that is no model is said to be none, not "a base model", and the
  // dialog grows to hold the reasons instead of squeezing the Name field into a line.
  void aFolderThatIsNoModelIsSaidToBeNone() {
    const fs::path folder = path("Holiday photos");
    fs::create_directories(folder);
    test::writeFile(folder / "notes.txt", "not a model");
    AddModelDialog* dialog = page_->addModelFolder(QString::fromStdString(folder.string()));
    QTRY_VERIFY(dialog->inspectionFinished());
    QVERIFY(!dialog->canAdd());
    QCoreApplication::processEvents();
    QStringList shown;
    for (QLabel* label : dialog->findChildren<QLabel*>()) {
      if (label->isVisible()) shown << label->text();
    }
    const QString all = shown.join(QLatin1Char('\n'));
    QVERIFY2(!all.contains(QStringLiteral("base model")), qPrintable(all));
    QVERIFY2(all.contains(QStringLiteral("does not hold a model")), qPrintable(all));
    auto* name = dialog->findChild<QLineEdit*>(QStringLiteral("modelName"));
    QVERIFY2(name->height() >= name->sizeHint().height(),
             qPrintable(QStringLiteral("%1 px of %2").arg(name->height()).arg(name->sizeHint().height())));
    auto* problems = dialog->findChild<QLabel*>(QStringLiteral("modelProblems"));
    QVERIFY2(problems->height() >= problems->heightForWidth(problems->width()),
             qPrintable(QStringLiteral("%1 px of %2").arg(problems->height()).arg(problems->heightForWidth(problems->width()))));
    dialog->reject();
  }

  void removesAModelUnlessARunUsesIt() {
    const formats::ModelFolderFacts facts = formats::inspectModelFolder(writeTinyModelFolder(path("M")));
    catalog::NewModel model;
    model.name = "kept by a run";
    model.path = facts.folder.string();
    const catalog::Id id = context_->catalog()->addModel(model);
    context_->catalog()->createRun({"first run", id, std::nullopt, "lora", "quick-lora", "{}"});
    context_->notifyCatalogChanged();
    QCOMPARE(page_->rowCount(), 1);
    auto* remove = page_->findChild<QPushButton*>(QStringLiteral("removeModelButton"));
    QVERIFY(!remove->isEnabled());  // nothing selected
    page_->table()->selectRow(0);
    QVERIFY(remove->isEnabled());

    QString refusal;
    answerNextMessageBox(QMessageBox::Yes);
    QTimer::singleShot(0, [&refusal] { answerNextMessageBox(QMessageBox::Ok, &refusal); });
    QTest::mouseClick(remove, Qt::LeftButton);
    QVERIFY2(refusal.contains(QStringLiteral("first run")), qPrintable(refusal));
    QCOMPARE(context_->catalog()->models().size(), 1u);

    context_->catalog()->deleteRun(context_->catalog()->runs().front().id);
    page_->table()->selectRow(0);
    answerNextMessageBox(QMessageBox::Yes);
    QTest::mouseClick(remove, Qt::LeftButton);
    QCOMPARE(context_->catalog()->models().size(), 0u);
    QTRY_VERIFY(page_->showsEmptyState());
    QVERIFY(fs::exists(facts.folder / "model.safetensors"));  // files untouched
  }
};

QTEST_MAIN(TestModelsPage)
#include "tst_models_page.moc"
