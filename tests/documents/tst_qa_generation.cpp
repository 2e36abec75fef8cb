// Questions and answers from chunks (core/documents/qa_prompt, qa_reply): the strict reply parser on
// a table of good and refused replies with their exact reasons and on replies changed at random; the
// prompt's placeholders.
#include <QTest>
#include <functional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/documents/document_chunks.h"
#include "core/documents/qa_prompt.h"
#include "core/documents/qa_reply.h"
#include "core/util/error.h"
#include "core/util/random.h"

using namespace tiertune;
using namespace tiertune::documents;

Q_DECLARE_METATYPE(std::string)

namespace {

std::string pairJson(const std::string& question, const std::string& answer) {
  return nlohmann::ordered_json{{"question", question}, {"answer", answer}}.dump();
}

std::string errorOf(const std::function<void()>& body) {
  try {
    body();
  } catch (const Error& error) {
    return error.what();
  }
  return "(no error)";
}

// A row of the parser's table: a reply, the pairs asked for, and the reason it is refused (empty:
// accepted).
void addRow(const char* name, const std::string& reply, int count, const std::string& reason) {
  QTest::newRow(name) << reply << count << reason;
}

}  // namespace

class QaGenerationTest : public QObject {
  Q_OBJECT

 private slots:
  // --- the parser ---

  void parserTable_data() {
    QTest::addColumn<std::string>("reply");
    QTest::addColumn<int>("count");
    QTest::addColumn<std::string>("reason");  // empty: accepted
    const std::string one = pairJson("Who signs the form?", "The team lead.");
    const std::string two = pairJson("When is it due?", "On Friday.");
    const std::string both = "[" + one + ", " + two + "]";

    addRow("plain array", both, 2, "");
    addRow("whitespace around", "\n  " + both + "\n\n", 2, "");
    addRow("json fence", "```json\n" + both + "\n```", 2, "");
    addRow("bare fence", "  ```\n" + both + "\n```\n", 2, "");
    addRow("full-width question mark", "[" + pairJson("谁签署表格？", "组长。") + "]", 1, "");

    const std::string notAnArray = "the reply does not begin with a JSON array ('['): it begins with ";
    addRow("empty", " \n ", 2, "the reply is empty");
    addRow("prose before", "Sure! " + both, 2, notAnArray + "\"Sure! [{\"question\":\"Who signs the form?\"…\"");
    addRow("an object", one, 1, notAnArray + "\"{\"question\":\"Who signs the form?\",\"answe…\"");
    addRow("prose after", both + " Hope this helps.", 2,
           "the reply goes on after its JSON array, at character " + std::to_string(both.size() + 2) +
               ": \"Hope this helps.\"");
    addRow("cut off", "[" + one + ", {\"question\": \"When is", 2, "the reply ends before its JSON array is closed");
    addRow("fence not closed", "```json\n" + both, 2, "the reply opens a code fence (```) but does not close it");
    addRow("fence on one line", "```json " + both + " ```", 2,
           "the reply's code fence (```) is not on lines of its own");
    addRow("fence of another language", "```python\n" + both + "\n```", 2,
           "the reply's code fence is marked \"python\", not json");
    // "```json\n" is 8 characters, "\n```\n" 5 more: "Done." starts at 8 + size + 5 + 1.
    addRow("text after the fence", "```json\n" + both + "\n```\nDone.", 2,
           "the reply goes on after its code fence, at character " + std::to_string(8 + both.size() + 5 + 1) +
               ": \"Done.\"");
    // [{"question":"Who signs the form?","answer":"The team lead.",}] : the '}' is character 62.
    addRow("not JSON", "[" + one.substr(0, one.size() - 1) + ",}]", 1,
           "the reply is not JSON: unexpected '}'; expected string literal at character " +
               std::to_string(one.size() + 2));
    addRow("extra key", "[{\"question\": \"Who?\", \"answer\": \"Ann\", \"source\": \"p. 3\"}]", 1,
           "item 1 has the key \"source\" besides \"question\" and \"answer\"");
    addRow("missing answer", "[" + one + ", {\"question\": \"When?\"}]", 2, "item 2 has no \"answer\"");
    addRow("repeated key", "[" + one + ", {\"question\": \"When?\", \"answer\": \"Now.\", \"answer\": \"Later.\"}]",
           2, "item 2 has \"answer\" twice");
    addRow("wrong count", "[" + one + ", " + two + ", " + pairJson("Why?", "Because.") + "]", 5,
           "3 pairs instead of 5");
    addRow("one pair of two", "[" + one + "]", 2, "1 pair instead of 2");
    addRow("nested list", "[[" + one + "]]", 1, "item 1 is a list, not an object with \"question\" and \"answer\"");
    addRow("a number for text", "[{\"question\": \"How many?\", \"answer\": 42}]", 1,
           "item 1's \"answer\" is a number, not text");
    addRow("an object for text", "[{\"question\": {\"text\": \"How many?\"}, \"answer\": \"42\"}]", 1,
           "item 1's \"question\" is an object, not text");
    addRow("empty question", "[{\"question\": \"  \", \"answer\": \"42\"}]", 1, "item 1's \"question\" is empty");
    addRow("no question mark", "[{\"question\": \"Name the owner.\", \"answer\": \"Ann\"}]", 1,
           "item 1's \"question\" does not end with a question mark");
    addRow("same question twice", "[" + one + ", " + pairJson("who  signs the FORM?", "Someone.") + "]", 2,
           "item 2 asks the same question as item 1");
    addRow("answer too long", "[" + pairJson("Why?", std::string(kQaTextMaxChars + 1, 'a')) + "]", 1,
           "item 1's \"answer\" is longer than 2000 characters");
    addRow("too deep", std::string(40, '[') + std::string(40, ']'), 1,
           "the reply's JSON nests lists or objects deeper than 32 levels");
  }

  void parserTable() {
    QFETCH(std::string, reply);
    QFETCH(int, count);
    QFETCH(std::string, reason);
    const QaReply parsed = parseQaReply(reply, static_cast<std::size_t>(count));
    if (reason.empty()) {
      QVERIFY2(parsed.accepted(), parsed.problem ? parsed.problem->reason.c_str() : "");
      QCOMPARE(parsed.pairs.size(), static_cast<std::size_t>(count));
      return;
    }
    QVERIFY(!parsed.accepted());
    QCOMPARE(QString::fromStdString(parsed.problem->reason), QString::fromStdString(reason));
    QVERIFY(parsed.pairs.empty());  // never part of a reply
  }

  void parserOnMutatedRepliesNeverThrowsAndNeverKeepsHalf() {
    // A good reply with one random change (a byte dropped or doubled, a piece of JSON put in):
    // many are refused, some stay good (a space between tokens); never an exception, never a
    // refused reply with pairs, never an accepted one with fewer than asked for.
    const std::string good = "```json\n[ {\"question\": \"Who signs?\", \"answer\": \"Ann.\"},\n"
                             "  {\"question\": \"When é?\", \"answer\": \"Now.\"} ]\n```";
    const std::vector<std::string> pieces = {"[", "]", "{", "}", "\"", ":", ",", " ", "\n", "```", "\\", "é", "42"};
    SplitMix64 random(11);
    std::size_t accepted = 0;
    constexpr int kRounds = 4000;
    for (int round = 0; round < kRounds; ++round) {
      std::string reply = good;
      const std::size_t at = random.below(reply.size());
      switch (random.below(3)) {
        case 0: reply.erase(at, 1); break;
        case 1: reply.insert(at, 1, reply[at]); break;
        default: reply.insert(at, pieces[random.below(pieces.size())]); break;
      }
      QaReply parsed;
      try {
        parsed = parseQaReply(reply, 2);
      } catch (const std::exception& error) {
        QFAIL(("the parser threw on " + reply + ": " + error.what()).c_str());
      }
      if (parsed.accepted()) {
        ++accepted;
        QCOMPARE(parsed.pairs.size(), std::size_t{2});
      } else {
        QVERIFY(parsed.pairs.empty());
        QVERIFY(!parsed.problem->reason.empty());
      }
    }
    qInfo("%zu of %d changed replies still accepted", accepted, kRounds);
    QVERIFY(accepted > 0);
    QVERIFY(accepted < kRounds);
  }

  void parserTrimsAndKeepsThePairs() {
    const QaReply parsed =
        parseQaReply("```json\n[{\"question\": \"  Who signs?\\n\", \"answer\": \" The lead. \"}]\n```", 1);
    QVERIFY(parsed.accepted());
    QCOMPARE(parsed.pairs, (std::vector<QaPair>{{"Who signs?", "The lead."}}));
    // The parse error's character counts Unicode characters, not bytes: "é" is one.
    const QaReply accented = parseQaReply("[{\"question\": \"Où est-il é?\", \"answer\": x}]", 1);
    QCOMPARE(accented.problem->reason, std::string("the reply is not JSON: invalid literal at character 41"));
    QCOMPARE(accented.problem->kind, QaReplyProblemKind::NotJson);
  }

  // --- the prompt ---

  void promptPlaceholders() {
    Chunk chunk;
    chunk.firstPage = 4;
    chunk.lastPage = 6;
    chunk.section = "Leave";
    chunk.text = "Take {count} days; see [{\"a\": 1}].";
    const std::string rendered = renderQaPrompt(
        "{count} about {title}, {section}, pages {pages} as [{\"question\": \"...\"}]:\n{text}", chunk, "Handbook", 3);
    QCOMPARE(rendered, std::string("3 about Handbook, Leave, pages 4-6 as [{\"question\": \"...\"}]:\n"
                                   "Take {count} days; see [{\"a\": 1}]."));
    chunk.firstPage = chunk.lastPage = 0;
    chunk.section.clear();
    QCOMPARE(renderQaPrompt("{section}|{pages}|{title}|{text}", chunk, "", 1),
             std::string("(none)|(none)|(none)|") + chunk.text);
    QCOMPARE(qaPagesText(7, 7), std::string("7"));

    QCOMPARE(errorOf([] { checkQaPrompt("Write {count} questions about {txt}."); }),
             std::string("the prompt has the placeholder {txt}, which is not one of {count}, {title}, {section}, "
                         "{pages} and {text}"));
    QCOMPARE(errorOf([] { checkQaPrompt("Write {count} questions."); }),
             std::string("the prompt has no {text} placeholder, so the model would never see the passage"));
    checkQaPrompt(defaultQaPrompt());
    for (const char* placeholder : {"{count}", "{title}", "{section}", "{pages}", "{text}"}) {
      QVERIFY2(defaultQaPrompt().find(placeholder) != std::string_view::npos, placeholder);
    }
  }
};

QTEST_GUILESS_MAIN(QaGenerationTest)
#include "tst_qa_generation.moc"
