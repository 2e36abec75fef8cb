// The dataset import wizard as a person uses it, on a file with broken rows: every page in turn,
// the report listing each unusable row, back and forth keeping the choices, the import with its
// summary and histogram, the new row on the Datasets page, and deleting it with its files. With
// TIERTUNE_GUI_SNAPSHOTS=DIR each page is saved as a PNG there, to look at.
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableWidget>
#include <QTest>
#include <QTextBrowser>
#include <QTimer>
#include <filesystem>
#include <fstream>
#include <memory>

#include "app/gui/AppContext.h"
#include "app/gui/Appearance.h"
#include "app/gui/Language.h"
#include "app/gui/importdataset/ImportDatasetWizard.h"
#include "app/gui/pages/DatasetsPage.h"
#include "core/settings/settings.h"
#include "support/chat_model.h"
#include "support/gui_helpers.h"
#include "support/scratch.h"
#include "support/tiny_model.h"

using namespace tiertune;
using tiertune::gui::AppContext;
using tiertune::gui::DatasetsPage;
using tiertune::gui::ImportDatasetWizard;
namespace fs = std::filesystem;
using tiertune::test::answerNextMessageBox;
using tiertune::test::snapshot;

namespace {

std::string chat(const std::string& question, const std::string& answer) {
  return "{\"messages\": [{\"role\": \"user\", \"content\": \"" + question +
         "\"}, {\"role\": \"assistant\", \"content\": \"" + answer + "\"}]}\n";
}

// An empty data folder, and in its catalog a chat model with the byte tokenizer; null when the
// catalog cannot be opened.
std::unique_ptr<AppContext> freshContextWithChatModel(const fs::path& root) {
  QDir(qEnvironmentVariable("XDG_DATA_HOME") + QStringLiteral("/Tiertune")).removeRecursively();
  auto context = std::make_unique<AppContext>(settings::settingsFile());
  if (!context->catalog()) return nullptr;
  test::registerTinyChatModel(*context->catalog(), root / "chat-model", "Chat model");
  return context;
}

}  // namespace

class TestImportDatasetWizard : public QObject {
  Q_OBJECT

 private slots:
  void importsAFileWithBrokenRows() {
    QFile::remove(QString::fromStdString(settings::settingsFile().string()));
    const auto scratch = test::makeScratchDir();
    const fs::path root = scratch->path().toStdString();
    const auto owned = freshContextWithChatModel(root);
    QVERIFY(owned);
    AppContext& context = *owned;

    // 30 good conversations and three broken rows: rows 31-33.
    const fs::path file = root / "support-chats.jsonl";
    {
      std::ofstream out(file);
      for (int i = 0; i < 30; ++i) out << chat("How do I reset password " + std::to_string(i) + "?", "Open Settings, then Account.");
      out << "{\"messages\": [\n";                                                     // row 31: broken JSON
      out << "{\"messages\": [{\"role\": \"user\", \"content\": \"Anyone there?\"}]}\n";  // row 32: no answer
      out << chat("How do I reset password 3?", "Open Settings, then Account.");        // row 33: repeats row 4
    }

    DatasetsPage page(context);
    page.show();
    QVERIFY(page.showsEmptyState());
    auto* importButton = page.findChild<QPushButton*>(QStringLiteral("importDatasetButton"));
    QVERIFY(importButton->isEnabled());
    ImportDatasetWizard* wizard = page.importDataset(QString::fromStdString(file.string()));
    QVERIFY(wizard->isVisible());

    // 1. File and model.
    QCOMPARE(wizard->currentId(), int(ImportDatasetWizard::FilePage));
    auto* name = wizard->findChild<QLineEdit*>(QStringLiteral("datasetName"));
    QCOMPARE(name->text(), QStringLiteral("support-chats"));
    QCOMPARE(wizard->findChild<QComboBox*>(QStringLiteral("datasetModel"))->currentText(), QStringLiteral("Chat model"));
    snapshot(wizard, QStringLiteral("1-file"));
    name->clear();
    wizard->next();
    QCOMPARE(wizard->currentId(), int(ImportDatasetWizard::FilePage));  // a name is needed
    auto* fileError = wizard->findChild<QLabel*>(QStringLiteral("fileError"));
    QVERIFY(fileError->text().contains(QStringLiteral("name")));
    // The error follows the input: it goes once a name is typed, and comes back when it is erased.
    QTest::keyClicks(name, QStringLiteral("Support chats"));
    QVERIFY(fileError->isHidden());
    name->clear();
    QVERIFY(!fileError->isHidden() && fileError->text().contains(QStringLiteral("name")));
    QTest::keyClicks(name, QStringLiteral("Support chats"));
    wizard->next();

    // 2. Format: recognized from the first rows.
    QCOMPARE(wizard->currentId(), int(ImportDatasetWizard::FormatPage));
    const QString detected = wizard->findChild<QLabel*>(QStringLiteral("detectedFormat"))->text();
    QVERIFY2(detected.contains(QStringLiteral("messages")), qPrintable(detected));
    snapshot(wizard, QStringLiteral("2-format"));
    wizard->next();

    // 3. Preview: the chat as the model reads it, the answer highlighted.
    QCOMPARE(wizard->currentId(), int(ImportDatasetWizard::PreviewPage));
    auto* previewView = wizard->findChild<QTextBrowser*>(QStringLiteral("datasetPreview"));
    const QString preview = previewView->toHtml();
    QVERIFY2(preview.contains(QStringLiteral("Open Settings, then Account.")), qPrintable(preview));
    QVERIFY(preview.contains(QStringLiteral("&lt;|im_start|&gt;user")));
    // Learned text on the palette's green tint (readable in either scheme; tst_appearance checks it).
    const tiertune::gui::MeaningColors colours = tiertune::gui::meaningColors(previewView->palette());
    const QString learned = tiertune::gui::htmlColor(colours.learnedBackground);
    QVERIFY2(preview.contains(QStringLiteral("background-color:") + learned), qPrintable(learned));
    QVERIFY2(preview.contains(QStringLiteral("color:") + tiertune::gui::htmlColor(colours.learnedText)), qPrintable(preview));
    snapshot(wizard, QStringLiteral("3-preview"));
    wizard->next();

    // 4. The report: each broken row with its row and reason; Next waits for the check.
    QCOMPARE(wizard->currentId(), int(ImportDatasetWizard::ReportPage));
    QSignalSpy checked(wizard, &ImportDatasetWizard::checkFinished);
    QVERIFY(checked.wait(60000));
    auto* reasons = wizard->findChild<QTableWidget*>(QStringLiteral("reportReasons"));
    auto* problems = wizard->findChild<QTableWidget*>(QStringLiteral("reportProblems"));
    QCOMPARE(reasons->rowCount(), 3);
    QCOMPARE(problems->rowCount(), 3);
    QCOMPARE(problems->item(0, 0)->text(), QStringLiteral("31"));
    QCOMPARE(problems->item(1, 0)->text(), QStringLiteral("32"));
    QCOMPARE(problems->item(2, 2)->text(), QStringLiteral("Exact duplicate"));
    QVERIFY(problems->item(2, 3)->text().contains(QStringLiteral("row 4")));
    QVERIFY(wizard->findChild<QLabel*>(QStringLiteral("checkStatus"))->text().contains(QStringLiteral("30 rows")));
    QVERIFY(wizard->findChild<QPushButton*>(QStringLiteral("exportReport"))->isEnabled());
    snapshot(wizard, QStringLiteral("4-report"));
    wizard->next();

    // 5. Options; back to the format page and forward again keeps them and the name.
    QCOMPARE(wizard->currentId(), int(ImportDatasetWizard::OptionsPage));
    // Issue 27: 100 % typed is refused with the range, not turned into 10 % without a word.
    auto* share = wizard->findChild<QDoubleSpinBox*>(QStringLiteral("validationShare"));
    auto* note = wizard->findChild<QLabel*>(QStringLiteral("optionsNote"));
    QVERIFY(note->isHidden());
    share->selectAll();
    QTest::keyClicks(share, QStringLiteral("100"));
    QTest::keyClick(share, Qt::Key_Return);
    QCOMPARE(share->value(), 10.0);  // as typed before the last key, and the note says so
    QVERIFY2(!note->isHidden() && note->text().contains(QStringLiteral("validation: 100 is not accepted")) &&
                 note->text().contains(QStringLiteral("and 50.00 %, so it stays 10.00 %")),
             qPrintable(note->text()));
    // The longest example: the model's context (128 tokens) rather than 2,048, and no more than it.
    auto* longest = wizard->findChild<QSpinBox*>(QStringLiteral("maxTokens"));
    QCOMPARE(longest->value(), 128);
    longest->selectAll();
    QTest::keyClicks(longest, QStringLiteral("4096"));
    QTest::keyClick(longest, Qt::Key_Return);
    QCOMPARE(longest->value(), 40);  // as typed before the third key, and the note says so
    QVERIFY2(note->text().contains(QStringLiteral("4096 is not accepted; it must be between 16 and 128, so it stays 40")),
             qPrintable(note->text()));
    longest->setValue(128);
    share->setValue(20);
    snapshot(wizard, QStringLiteral("5-options"));
    wizard->back();
    QSignalSpy rechecked(wizard, &ImportDatasetWizard::checkFinished);
    wizard->back();
    wizard->back();
    QCOMPARE(wizard->currentId(), int(ImportDatasetWizard::FormatPage));
    wizard->next();
    wizard->next();
    QVERIFY(rechecked.wait(60000));
    wizard->next();
    QCOMPARE(wizard->findChild<QDoubleSpinBox*>(QStringLiteral("validationShare"))->value(), 20.0);
    QCOMPARE(name->text(), QStringLiteral("Support chats"));
    wizard->next();

    // 6. Import with progress; 7. the summary and the histogram.
    QCOMPARE(wizard->currentId(), int(ImportDatasetWizard::ImportPage));
    QSignalSpy imported(wizard, &ImportDatasetWizard::importFinished);
    QVERIFY(imported.wait(60000));
    snapshot(wizard, QStringLiteral("6-import"));
    QVERIFY(wizard->importResult() && wizard->importResult()->dataset);
    const auto& result = *wizard->importResult();
    QCOMPARE(result.train.rows + result.validation.rows, std::size_t(30));
    QVERIFY(result.validation.rows > 0);
    // Imported, the wizard moves on by itself to the summary, which offers neither Back (that would
    // lead to importing again) nor Cancel.
    QCOMPARE(wizard->currentId(), int(ImportDatasetWizard::SummaryPage));
    QVERIFY(!wizard->button(QWizard::BackButton)->isVisible());
    QVERIFY(!wizard->button(QWizard::CancelButton)->isVisible());
    const QString summary = wizard->findChild<QLabel*>(QStringLiteral("importSummary"))->text();
    QVERIFY2(summary.contains(QStringLiteral("“Support chats” is ready")) && summary.contains(QStringLiteral("Rows left out: 3")),
             qPrintable(summary));
    snapshot(wizard, QStringLiteral("7-summary"));
    wizard->accept();

    // The Datasets page lists it; deleting it removes its files too.
    QTRY_COMPARE(page.rowCount(), 1);
    QCOMPARE(page.table()->item(0, 0)->text(), QStringLiteral("Support chats"));
    // The model its tokens were made with (a dataset belongs to a tokenizer).
    QCOMPARE(page.table()->item(0, 1)->text(), QString::fromStdString(context.catalog()->models().front().name));
    snapshot(&page, QStringLiteral("8-datasets-page"));
    const fs::path folder = result.folder;
    QVERIFY(fs::exists(folder));
    page.table()->selectRow(0);
    answerNextMessageBox(QMessageBox::Yes);
    QTest::mouseClick(page.findChild<QPushButton*>(QStringLiteral("deleteDatasetButton")), Qt::LeftButton);
    QTRY_COMPARE(page.rowCount(), 0);
    QVERIFY(!fs::exists(folder));
    QVERIFY(context.catalog()->datasets().empty());

    // "Try an example" opens the wizard on the bundled conversations, copied into the data folder.
    ImportDatasetWizard* example = page.tryExample();
    QVERIFY(example);
    const fs::path copied = context.settings().dataFolder / "examples" / "example-chats.jsonl";
    QVERIFY(fs::file_size(copied) > 10000);
    QCOMPARE(example->findChild<QLineEdit*>(QStringLiteral("datasetName"))->text(), QStringLiteral("example-chats"));
    example->reject();
  }

  // A binary file chosen by mistake: after Next, one plain sentence says so, once, without the
  // file's raw bytes; Next again does not add a second copy.
  void aBinaryFileIsRefusedInOneSentence() {
    const auto scratch = test::makeScratchDir();
    const fs::path root = scratch->path().toStdString();
    const auto owned = freshContextWithChatModel(root);
    QVERIFY(owned);
    AppContext& context = *owned;
    const fs::path file = root / "photo.jsonl";
    {
      std::ofstream out(file, std::ios::binary);
      out << std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0\xff\xfe\x08\x06\0\0\0\x1f\xf3\xff" "a", 32);
      for (int i = 0; i < 2000; ++i) out << static_cast<char>((i * 37) % 256);
    }
    DatasetsPage page(context);
    page.show();
    ImportDatasetWizard* wizard = page.importDataset(QString::fromStdString(file.string()));
    wizard->next();
    QCOMPARE(wizard->currentId(), int(ImportDatasetWizard::FormatPage));
    const auto sayings = [&] {
      QStringList shown;
      for (const QLabel* label : wizard->currentPage()->findChildren<QLabel*>()) {
        if (!label->isHidden() && label->text().contains(QStringLiteral("photo.jsonl"))) shown << label->text();
      }
      return shown;
    };
    for (int attempt = 0; attempt < 2; ++attempt) {
      const QStringList shown = sayings();
      QCOMPARE(shown.size(), 1);
      QVERIFY2(shown[0].contains(QStringLiteral("is not a text file")), qPrintable(shown[0]));
      for (const QChar c : shown[0]) QVERIFY2(c.isPrint(), qPrintable(shown[0]));  // no raw bytes, no U+FFFD box
      QVERIFY(!shown[0].contains(QChar(0xfffd)));
      wizard->next();
      QCOMPARE(wizard->currentId(), int(ImportDatasetWizard::FormatPage));
    }
    wizard->reject();
  }

  // In Japanese, what core finds wrong is said in Japanese: the refusal of an empty file on the
  // Format page (its path kept as it is), and each broken row's detail in the report, the field's
  // name and the row it repeats kept as they are. No English sentence of core's remains.
  void coreProblemsAreSaidInTheWindowsLanguage() {
    const auto scratch = test::makeScratchDir();
    const fs::path root = scratch->path().toStdString();
    const auto owned = freshContextWithChatModel(root);
    QVERIFY(owned);
    AppContext& context = *owned;
    const gui::InstalledTranslations japanese(gui::resolveLanguage("ja"));
    const QRegularExpression englishWord(QStringLiteral("[A-Za-z]{4,}"));
    const auto withoutKeptNames = [](QString text, const QStringList& kept) {
      for (const QString& name : kept) text.remove(name);
      return text;
    };

    const fs::path empty = root / "empty.jsonl";
    std::ofstream(empty) << "\n\n";
    DatasetsPage page(context);
    page.show();
    ImportDatasetWizard* refused = page.importDataset(QString::fromStdString(empty.string()));
    refused->next();
    QCOMPARE(refused->currentId(), int(ImportDatasetWizard::FormatPage));
    QString said;
    for (const QLabel* label : refused->currentPage()->findChildren<QLabel*>()) {
      if (!label->isHidden() && label->text().contains(QStringLiteral("empty.jsonl"))) said = label->text();
    }
    QCOMPARE(said, QString::fromStdString(empty.string()) + QStringLiteral(" は空です。"));
    snapshot(refused, QStringLiteral("ja-refused"));
    refused->reject();

    const fs::path file = root / "chats.jsonl";
    {
      std::ofstream out(file);
      for (int i = 0; i < 6; ++i) out << chat("Question " + std::to_string(i) + "?", "Answer.");
      out << "{\"messages\": \"not a list\"}\n";                                     // row 7: wrong type
      out << "{\"messages\": [{\"role\": \"narrator\", \"content\": \"Once\"}]}\n";  // row 8: unknown role
      out << chat("Question 2?", "Answer.");                                         // row 9: repeats row 3
    }
    ImportDatasetWizard* wizard = page.importDataset(QString::fromStdString(file.string()));
    while (wizard->currentId() != int(ImportDatasetWizard::ReportPage)) {
      const int before = wizard->currentId();
      wizard->next();
      QVERIFY2(wizard->currentId() != before, "the wizard did not reach its report");
    }
    QSignalSpy checked(wizard, &ImportDatasetWizard::checkFinished);
    QVERIFY(checked.wait(60000));
    auto* problems = wizard->findChild<QTableWidget*>(QStringLiteral("reportProblems"));
    QCOMPARE(problems->rowCount(), 3);
    QCOMPARE(problems->item(0, 3)->text(), QStringLiteral("フィールド「messages」は発言のリストにしてください"));
    QCOMPARE(problems->item(1, 3)->text(),
             QStringLiteral(
                 "「messages」の 1 番目の発言の役割は「narrator」です。使える役割は system、user、assistant です"));
    QCOMPARE(problems->item(2, 3)->text(), QStringLiteral("3 行目と同じです"));
    // The header holds the whole subtitle, three lines in Japanese at this width (QWizard's own
    // header gave it two and cut the last line off).
    const QLabel* subTitle = nullptr;
    for (const QLabel* label : wizard->findChildren<QLabel*>()) {
      if (label->text() == wizard->currentPage()->subTitle() && !wizard->currentPage()->isAncestorOf(label)) subTitle = label;
    }
    QVERIFY(subTitle != nullptr);
    QTRY_VERIFY2(subTitle->height() >= subTitle->heightForWidth(subTitle->width()),
                 qPrintable(QStringLiteral("%1 px of %2").arg(subTitle->height()).arg(subTitle->heightForWidth(subTitle->width()))));
    snapshot(wizard, QStringLiteral("ja-report"));
    for (int row = 0; row < problems->rowCount(); ++row) {
      const QString detail =
          withoutKeptNames(problems->item(row, 3)->text(),
                           {QStringLiteral("messages"), QStringLiteral("narrator"), QStringLiteral("system"),
                            QStringLiteral("user"), QStringLiteral("assistant")});
      QVERIFY2(!englishWord.match(detail).hasMatch(), qPrintable(detail));
    }
    wizard->reject();
  }
};

QTEST_MAIN(TestImportDatasetWizard)
#include "tst_import_dataset_wizard.moc"
