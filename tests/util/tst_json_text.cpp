// parseJsonText, the one way untrusted JSON is parsed: nesting is limited before the parse (with
// the line named), objects with very many keys are built in linear time, duplicate keys are seen.
#include <QTest>

#include <string>

#include "core/util/json_text.h"

using namespace tiertune;
using nlohmann::json;
using nlohmann::ordered_json;

class TestJsonText : public QObject {
  Q_OBJECT

 private slots:
  void nestingIsLimitedAndTheLineNamed() {
    QVERIFY(!lineNestingDeeperThan("[[[]]]", 3));
    QCOMPARE(lineNestingDeeperThan("[[[[]]]]", 3).value_or(0), std::size_t{1});
    QCOMPARE(lineNestingDeeperThan("{\"a\":\n[\n[[\"x\"]]]}", 3).value_or(0), std::size_t{3});
    // Brackets inside strings, escaped quotes included, do not count.
    QVERIFY(!lineNestingDeeperThan("[\"[[[[\\\"[[[[\", \"\\\\\"]", 1));
    QCOMPARE(lineNestingDeeperThan("[\n[", 1, 40).value_or(0), std::size_t{41});

    // What crashed: 100k levels parse as JSON, and a copy or dump of the value overflowed the stack.
    const std::string deep = "\n" + std::string(100000, '[') + std::string(100000, ']');
    try {
      (void)parseJsonText(deep, "conversation.json");
      QFAIL("100k levels were accepted");
    } catch (const JsonTooDeep& error) {
      QCOMPARE(error.line(), std::size_t{2});
      const QString message = QString::fromUtf8(error.what());
      QVERIFY2(message.startsWith(QStringLiteral("conversation.json line 2: ")) && message.contains(QStringLiteral("256")),
               qPrintable(message));
    }
    const std::string fine = std::string(kMaxJsonDepth, '[') + std::string(kMaxJsonDepth, ']');
    QCOMPARE(parseJsonText(fine, "fine.json").dump(), fine);
  }

  void parsesAsNlohmannDoes() {
    const std::string text = R"({"b": [1, -2, 3.5, "x", null, true, {}], "a": {"c": {"d": []}}, "b2": "\u00e9"})";
    QCOMPARE(parseJsonText(text, "t").dump(), json::parse(text).dump());
    QCOMPARE(parseJsonText<ordered_json>(text, "t").dump(), ordered_json::parse(text).dump());
    QVERIFY(parseJsonText("7", "t") == json(7));
    // The later of two equal keys wins, in the first one's place (ordered_json), as in nlohmann.
    QCOMPARE(parseJsonText<ordered_json>(R"({"a": 1, "b": 2, "a": 3})", "t").dump(), std::string(R"({"a":3,"b":2})"));
    QVERIFY_THROWS_EXCEPTION(json::parse_error, (void)parseJsonText("{\"a\": ", "t"));
    QVERIFY_THROWS_EXCEPTION(json::parse_error, (void)parseJsonText("[1] 2", "t"));
    QVERIFY_THROWS_EXCEPTION(json::out_of_range, (void)parseJsonText("1e999", "t"));
    std::string seen;
    QVERIFY_THROWS_EXCEPTION(std::runtime_error,
                             (void)parseJsonText(R"({"x": {"k": 1, "k": 2}})", "t", kMaxJsonDepth,
                                                 [&](std::size_t depth, const std::string& key) {
                                                   seen = std::to_string(depth) + key;
                                                   throw std::runtime_error("twice");
                                                 }));
    QCOMPARE(seen, std::string("2k"));
  }

  // One record with 400k keys: nlohmann::ordered_json searches its keys at every insertion, which
  // took 39 s for 100k and would take about ten minutes here (past this test's timeout); linear
  // building takes well under a second.
  void wideObjectsBuildInLinearTime() {
    constexpr std::size_t kKeys = 400000;
    std::string text = "{";
    for (std::size_t i = 0; i < kKeys; ++i) text += (i ? ",\"k" : "\"k") + std::to_string(i) + "\":" + std::to_string(i);
    text += "}";
    const ordered_json parsed = parseJsonText<ordered_json>(text, "wide.jsonl");
    QCOMPARE(parsed.size(), kKeys);
    QCOMPARE(parsed.begin().key(), std::string("k0"));
    QCOMPARE(parsed.back().get<std::size_t>(), kKeys - 1);
  }
};

QTEST_GUILESS_MAIN(TestJsonText)
#include "tst_json_text.moc"
