// Which server and which token (core/hub/hub_access.h): Tiertune's own sign-in first, bound to the
// origin it was given for and stored readable by its owner only; then the variables and the login
// file huggingface_hub reads, and those only for the endpoint huggingface_hub would send them to.
#include <sys/stat.h>

#include <QTest>
#include <filesystem>
#include <fstream>

#include "core/hub/hub_access.h"
#include "core/util/error.h"
#include "support/scratch.h"

using namespace tiertune;
using namespace tiertune::hub;

class HubAccessTest : public QObject {
  Q_OBJECT

 private:
  std::unique_ptr<QTemporaryDir> scratch_;

 private slots:
  void init() {
    scratch_ = test::makeScratchDir();
    for (const char* name : {"HF_ENDPOINT", "HF_TOKEN", "HUGGING_FACE_HUB_TOKEN", "HF_TOKEN_PATH"}) qunsetenv(name);
    qputenv("HF_HOME", scratch_->filePath("hf").toUtf8());
    qputenv("XDG_CONFIG_HOME", scratch_->filePath("config").toUtf8());
  }

  void endpointsAreCheckedAndTrimmed() {
    QCOMPARE(checkedEndpoint(" https://hf-mirror.example/ "), std::string("https://hf-mirror.example"));
    QCOMPARE(checkedEndpoint("http://127.0.0.1:8080"), std::string("http://127.0.0.1:8080"));
    for (const char* bad : {"", "hf-mirror.example", "ftp://hf.example", "https://user:secret@hf.example", "https://hf.example/?x=1"}) {
      QVERIFY_THROWS_EXCEPTION(Error, checkedEndpoint(bad));
    }
    QCOMPARE(hubAccess("").endpoint, std::string(kPublicHub));
    qputenv("HF_ENDPOINT", "https://env-mirror.example/");
    QCOMPARE(hubAccess("").endpoint, std::string("https://env-mirror.example"));
    QCOMPARE(hubAccess("https://settings-mirror.example").endpoint, std::string("https://settings-mirror.example"));
  }

  void theSavedTokenIsPrivateAndBoundToItsOrigin() {
    saveToken("https://huggingface.co", "hf_saved");
    struct stat status {};
    QCOMPARE(::stat(savedTokenFile().c_str(), &status), 0);
    QCOMPARE(status.st_mode & 0777, 0600u);
    QCOMPARE(savedTokenFor("https://huggingface.co/"), std::string("hf_saved"));
    QCOMPARE(savedTokenFor("https://huggingface.co:443"), std::string("hf_saved"));
    QCOMPARE(savedTokenFor("https://hf-mirror.example"), std::string());
    QCOMPARE(savedTokenFor("http://huggingface.co"), std::string());  // another scheme is another origin

    const HubAccess access = hubAccess("");
    QCOMPARE(access.token, std::string("hf_saved"));
    QCOMPARE(hubAccess("https://hf-mirror.example").token, std::string());

    saveToken("https://huggingface.co", "");  // signing out
    QVERIFY(!std::filesystem::exists(savedTokenFile()));
    QCOMPARE(hubAccess("").token, std::string());
  }

  void theEnvironmentsTokensGoWhereHuggingFaceHubSendsThem() {
    std::filesystem::create_directories(scratch_->filePath("hf").toStdString());
    std::ofstream(scratch_->filePath("hf/token").toStdString()) << "hf_login_file\n";
    QCOMPARE(hubAccess("").token, std::string("hf_login_file"));
    qputenv("HUGGING_FACE_HUB_TOKEN", "hf_old_name");
    QCOMPARE(hubAccess("").token, std::string("hf_old_name"));
    qputenv("HF_TOKEN", "hf_env");
    QCOMPARE(hubAccess("").token, std::string("hf_env"));
    QCOMPARE(hubAccess("").tokenSource, std::string("HF_TOKEN"));
    // A mirror chosen in Settings is not where these tokens were meant to go.
    QCOMPARE(hubAccess("https://settings-mirror.example").token, std::string());
    // HF_ENDPOINT names where they go.
    qputenv("HF_ENDPOINT", "https://settings-mirror.example");
    QCOMPARE(hubAccess("https://settings-mirror.example").token, std::string("hf_env"));
    // Tiertune's own sign-in comes first.
    saveToken("https://settings-mirror.example", "hf_saved");
    QCOMPARE(hubAccess("").token, std::string("hf_saved"));
  }
};

QTEST_GUILESS_MAIN(HubAccessTest)
#include "tst_hub_access.moc"
