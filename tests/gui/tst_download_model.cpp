// Getting a model without a terminal, against the Hub double (tests/hub/hub_double.py): the
// download dialog's recommended list and search with this machine's verdicts, a download with
// progress into the shared cache and the catalog, Cancel keeping what arrived, a gated model after
// signing in from Settings, and a model already in the cache added from "On this computer".
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>
#include <filesystem>

#include "app/gui/AppContext.h"
#include "app/gui/MainWindow.h"
#include "app/gui/dialogs/AddModelDialog.h"
#include "app/gui/dialogs/DownloadModelDialog.h"
#include "app/gui/hub/HubAccountPanel.h"
#include "app/gui/pages/CachedModelsPanel.h"
#include "app/gui/pages/ModelsPage.h"
#include "core/hub/hub_access.h"
#include "core/hub/hub_download.h"
#include "core/settings/settings.h"
#include "support/gui_helpers.h"
#include "support/hub_double.h"
#include "support/scratch.h"
#include "support/tiny_model.h"

using namespace tiertune;
using namespace tiertune::gui;
namespace fs = std::filesystem;

class TestDownloadModel : public QObject {
  Q_OBJECT

 private:
  std::unique_ptr<QTemporaryDir> models_;
  std::unique_ptr<test::HubDouble> double_;
  std::unique_ptr<QTemporaryDir> cache_;
  std::unique_ptr<AppContext> context_;
  std::unique_ptr<MainWindow> window_;
  ModelsPage* page_ = nullptr;

  DownloadModelDialog* openDialog() {
    DownloadModelDialog* dialog = page_->downloadModel();
    QSignalSpy looked(dialog, &DownloadModelDialog::lookupFinished);
    looked.wait(30000);
    return dialog;
  }

  void searchFor(DownloadModelDialog* dialog, const QString& text) {
    QSignalSpy looked(dialog, &DownloadModelDialog::lookupFinished);
    dialog->search(text);
    QVERIFY(looked.wait(30000));
  }

  static QString cellText(DownloadModelDialog* dialog, int row, int column) {
    const QTableWidgetItem* item = dialog->findChild<QTableWidget*>(QStringLiteral("hubCandidates"))->item(row, column);
    return item ? item->text() : QString();
  }

 private slots:
  void initTestCase() {
    models_ = test::makeScratchDir();
    const fs::path tiny = fs::path(models_->path().toStdString()) / "tiny";
    test::writeRandomModelFolder(tiny, test::kDeepLlamaConfig, 3);
    double_ = std::make_unique<test::HubDouble>(QStringList{
        "--repo", QString::fromStdString("test/tiny=" + tiny.string()), "--repo",
        QString::fromStdString("test/gated=" + tiny.string()), "--gated", "test/gated=secret"});
    qputenv("HF_ENDPOINT", QByteArray::fromStdString(double_->hub()));
    for (const char* name : {"HF_TOKEN", "HUGGING_FACE_HUB_TOKEN", "HF_TOKEN_PATH"}) qunsetenv(name);
  }

  void init() {
    double_->reset();
    QFile::remove(QString::fromStdString(settings::settingsFile().string()));
    QFile::remove(QString::fromStdString(hub::savedTokenFile().string()));
    QDir(qEnvironmentVariable("XDG_DATA_HOME") + QStringLiteral("/Tiertune")).removeRecursively();
    cache_ = test::makeScratchDir();
    qputenv("HF_HUB_CACHE", cache_->path().toUtf8());
    qputenv("HF_HOME", cache_->filePath(QStringLiteral("hf-home")).toUtf8());
    context_ = std::make_unique<AppContext>(settings::settingsFile());
    window_ = std::make_unique<MainWindow>(*context_);
    window_->showPage(MainWindow::Page::Models);
    window_->show();
    page_ = window_->findChild<ModelsPage*>(QStringLiteral("modelsPage"));
    QVERIFY(page_);
  }

  void cleanup() {
    window_.reset();
    context_.reset();
  }

  void searchesSeesTheVerdictsAndDownloadsIntoTheCatalog() {
    auto* download = page_->findChild<QPushButton*>(QStringLiteral("downloadModelButton"));
    QVERIFY(download && download->isEnabled() && download->isDefault());
    DownloadModelDialog* dialog = openDialog();
    // The recommended models are not on the double: each says so, none can be downloaded.
    QVERIFY(!dialog->listedModels().isEmpty());
    QCOMPARE(cellText(dialog, 0, 3), QStringLiteral("Not found"));
    dialog->findChild<QTableWidget*>(QStringLiteral("hubCandidates"))->selectRow(0);
    QVERIFY(!dialog->findChild<QPushButton*>(QStringLiteral("hubDownloadButton"))->isEnabled());
    searchFor(dialog, QStringLiteral("tiny"));
    QCOMPARE(dialog->listedModels(), QStringList{QStringLiteral("test/tiny")});
    QVERIFY2(cellText(dialog, 0, 3).startsWith(QStringLiteral("Fits on the GPU")) ||
                 cellText(dialog, 0, 3).startsWith(QStringLiteral("Trains in RAM")) ||
                 cellText(dialog, 0, 3).startsWith(QStringLiteral("Streams from RAM")),
             qPrintable(cellText(dialog, 0, 3)));
    auto* table = dialog->findChild<QTableWidget*>(QStringLiteral("hubCandidates"));
    table->selectRow(0);
    test::snapshot(dialog, QStringLiteral("download-search"));
    auto* start = dialog->findChild<QPushButton*>(QStringLiteral("hubDownloadButton"));
    QVERIFY(start->isEnabled());
    QSignalSpy finished(dialog, &DownloadModelDialog::downloadFinished);
    QTest::mouseClick(start, Qt::LeftButton);
    QVERIFY(finished.wait(60000));
    QCOMPARE(finished.first().first().toBool(), true);
    QVERIFY(dialog->findChild<QLabel*>(QStringLiteral("hubDownloadStatus"))->text().contains(QStringLiteral("test/tiny")));
    QCOMPARE(context_->catalog()->models().size(), 1u);
    QCOMPARE(context_->catalog()->models()[0].name, std::string("test/tiny"));
    QTRY_COMPARE(page_->rowCount(), 1);
    // In the catalog now: not offered again under "On this computer".
    QVERIFY(page_->findChild<CachedModelsPanel*>()->listedModels().isEmpty());
    dialog->reject();
  }

  void cancelStopsAndKeepsWhatArrived() {
    double_->fault({{"kind", "slow"}, {"path", "model.safetensors"}, {"bytes_per_second", 200000}});
    DownloadModelDialog* dialog = openDialog();
    searchFor(dialog, QStringLiteral("tiny"));
    dialog->findChild<QTableWidget*>(QStringLiteral("hubCandidates"))->selectRow(0);
    QSignalSpy finished(dialog, &DownloadModelDialog::downloadFinished);
    QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("hubDownloadButton")), Qt::LeftButton);
    auto* progress = dialog->findChild<QProgressBar*>(QStringLiteral("hubDownloadProgress"));
    QTRY_VERIFY_WITH_TIMEOUT(progress->value() > 0, 30000);
    QVERIFY(dialog->findChild<QLabel*>(QStringLiteral("hubDownloadStatus"))->text().contains(QStringLiteral(" of ")));
    QTest::qWait(1200);  // a rate and a time left to show
    test::snapshot(dialog, QStringLiteral("download-progress"));
    QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("hubCancelDownload")), Qt::LeftButton);
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.first().first().toBool(), false);
    QVERIFY(dialog->findChild<QLabel*>(QStringLiteral("hubDownloadProblem"))->text().contains(QStringLiteral("cancelled")));
    test::snapshot(dialog, QStringLiteral("download-cancelled"));
    QVERIFY(context_->catalog()->models().empty());
    QVERIFY(page_->findChild<CachedModelsPanel*>()->listedModels().isEmpty());  // a partial download is no model
    dialog->reject();
  }

  void aGatedModelAfterSigningIn() {
    DownloadModelDialog* dialog = openDialog();
    searchFor(dialog, QStringLiteral("gated"));
    QCOMPARE(dialog->listedModels().size(), 1);
    QVERIFY(dialog->listedModels()[0].startsWith(QStringLiteral("test/gated")));
    QCOMPARE(cellText(dialog, 0, 3), QStringLiteral("Sign in to check"));
    dialog->reject();

    window_->showPage(MainWindow::Page::Settings);
    auto* account = window_->findChild<HubAccountPanel*>();
    QVERIFY(account);
    QSignalSpy signedIn(account, &HubAccountPanel::signInFinished);
    account->findChild<QLineEdit*>(QStringLiteral("hubToken"))->setText(QStringLiteral("wrong"));
    QTest::mouseClick(account->findChild<QPushButton*>(QStringLiteral("hubSignIn")), Qt::LeftButton);
    QVERIFY(signedIn.wait(20000));
    QCOMPARE(signedIn.takeFirst().first().toBool(), false);
    QVERIFY2(account->stateText().contains(QStringLiteral("did not accept")), qPrintable(account->stateText()));
    account->findChild<QLineEdit*>(QStringLiteral("hubToken"))->setText(QStringLiteral("secret"));
    QTest::mouseClick(account->findChild<QPushButton*>(QStringLiteral("hubSignIn")), Qt::LeftButton);
    QVERIFY(signedIn.wait(20000));
    QCOMPARE(signedIn.takeFirst().first().toBool(), true);
    QVERIFY2(account->stateText().contains(QStringLiteral("tester")), qPrintable(account->stateText()));
    test::snapshot(window_.get(), QStringLiteral("settings-signed-in"));

    window_->showPage(MainWindow::Page::Models);
    dialog = openDialog();
    searchFor(dialog, QStringLiteral("gated"));
    QVERIFY2(!cellText(dialog, 0, 3).contains(QStringLiteral("Sign in")), qPrintable(cellText(dialog, 0, 3)));
    dialog->reject();
  }

  void aModelInTheCacheIsOneClickAway() {
    hub::HubClient client(hub::hubAccess({}));
    hub::DownloadOptions options;
    options.repoId = "test/tiny";
    hub::downloadModel(client, options, {}, nullptr);  // as Python tools would have
    auto* panel = page_->findChild<CachedModelsPanel*>();
    panel->refresh();
    QCOMPARE(panel->listedModels(), QStringList{QStringLiteral("test/tiny")});
    QVERIFY(panel->isVisible());
    test::snapshot(window_.get(), QStringLiteral("models-on-this-computer"));
    auto* table = panel->findChild<QTableWidget*>(QStringLiteral("cachedModels"));
    table->selectRow(0);
    QTest::mouseClick(panel->findChild<QPushButton*>(QStringLiteral("addCachedModel")), Qt::LeftButton);
    AddModelDialog* add = page_->findChild<AddModelDialog*>();
    QVERIFY(add);
    QTRY_VERIFY(add->inspectionFinished());
    QCOMPARE(add->findChild<QLineEdit*>(QStringLiteral("modelName"))->text(), QStringLiteral("test/tiny"));
    QTest::mouseClick(add->findChild<QPushButton*>(QStringLiteral("addModelConfirm")), Qt::LeftButton);
    QTRY_COMPARE(page_->rowCount(), 1);
    QTRY_VERIFY(panel->listedModels().isEmpty());
    QVERIFY(!panel->isVisible());
  }

  void cleanupTestCase() { double_.reset(); }
};

QTEST_MAIN(TestDownloadModel)
#include "tst_download_model.moc"
