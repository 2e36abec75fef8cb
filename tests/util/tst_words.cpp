// Words carry a sentence and its places to whoever shows them: the English is filled in one pass
// (a value that itself holds "%1" stays as it is), a sentence must be given exactly its places,
// and an Error made from Words keeps them through copies and through wordsOf.
#include <QTest>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>

#include "core/util/error.h"
#include "core/util/words.h"

using namespace tiertune;

class WordsTest : public QObject {
  Q_OBJECT

 private slots:
  void placesFillInOnePass() {
    const std::vector<std::string> values = {"a%2b", "second"};
    QCOMPARE(fillPlaces("%1 then %2", values), std::string("a%2b then second"));
    QCOMPARE(fillPlaces("%2 before %1", values), std::string("second before a%2b"));
    // A % that is not a place, and a place with no value, stay as written.
    QCOMPARE(fillPlaces("50% of %1, %3 and %0%", values), std::string("50% of a%2b, %3 and %0%"));
    QCOMPARE(fillPlaces("ends with %", values), std::string("ends with %"));
  }

  void highestPlaceCountsTheNumbers() {
    QCOMPARE(highestPlace("no places, 100%"), 0);
    QCOMPARE(highestPlace("%2 and %1"), 2);
    QCOMPARE(highestPlace("%1%"), 1);
  }

  void englishNestsSentences() {
    const Words inner(TIERTUNE_WORDS("test", "the field \"%1\" is missing"), {"messages"});
    const Words outer(TIERTUNE_WORDS("test", "%1 line %2: %3."), {"data.jsonl", std::to_string(12), inner});
    QCOMPARE(outer.english(), std::string("data.jsonl line 12: the field \"messages\" is missing."));
    QVERIFY(outer.isSentence());
    QCOMPARE(outer.context(), std::string("test"));
    QCOMPARE(outer.places().size(), std::size_t(3));
    QVERIFY(!outer.places()[0].isSentence());
    QVERIFY(outer.places()[2].isSentence());
  }

  void placesAndValuesMustMatch() {
    QVERIFY_THROWS_EXCEPTION(std::logic_error, Words(TIERTUNE_WORDS("test", "%1 and %2"), {"one"}));
    QVERIFY_THROWS_EXCEPTION(std::logic_error, Words(TIERTUNE_WORDS("test", "no places"), {"one"}));
  }

  void errorsKeepTheirWords() {
    Error copy("unused");
    try {
      throw Error(TIERTUNE_WORDS("test", "%1 is empty."), {"notes.csv"});
    } catch (const Error& error) {
      QCOMPARE(std::string(error.what()), std::string("notes.csv is empty."));
      copy = error;
    }
    QVERIFY(copy.words() != nullptr);
    QCOMPARE(copy.words()->source(), std::string("%1 is empty."));
    QCOMPARE(wordsOf(copy).english(), std::string("notes.csv is empty."));

    // Errors from English text alone, and other exceptions, become verbatim words.
    const Error plain("plain words");
    QVERIFY(plain.words() == nullptr);
    QVERIFY(!wordsOf(plain).isSentence());
    QCOMPARE(wordsOf(plain).verbatim(), std::string("plain words"));
    QCOMPARE(wordsOf(std::runtime_error("other")).english(), std::string("other"));
  }

  // Words kept as JSON (a run's failure in the catalog) come back equal, nesting and all; what a
  // damaged catalog could hold is refused with a reason, never half read.
  void jsonRoundTripsAndRefusesDamage() {
    const Words inner(TIERTUNE_WORDS("test", "the field \"%1\" is missing"), {"messages"});
    const Words outer(TIERTUNE_WORDS("test", "%1 line %2: %3."), {"data.jsonl", "12", inner});
    const nlohmann::json stored = nlohmann::json::parse(wordsToJson(outer).dump());
    const Words back = wordsFromJson(stored);
    QCOMPARE(back.english(), outer.english());
    QCOMPARE(back.context(), std::string("test"));
    QCOMPARE(back.source(), std::string("%1 line %2: %3."));
    QVERIFY(back.places()[2].isSentence());
    QCOMPARE(back.places()[2].source(), std::string("the field \"%1\" is missing"));
    QCOMPARE(wordsFromJson("plain").english(), std::string("plain"));

    using nlohmann::json;
    json deep = "bottom";
    for (int i = 0; i < 9; ++i) deep = json{{"context", "c"}, {"source", "%1"}, {"places", json::array({deep})}};
    const std::vector<json> damaged = {
        json(42),
        json::array(),
        json{{"context", "c"}, {"source", "s"}},
        json{{"context", "c"}, {"source", "%1 and %2"}, {"places", json::array({"one"})}},
        json{{"context", 1}, {"source", "s"}, {"places", json::array()}},
        json{{"context", "c"}, {"source", std::string(70000, 'x')}, {"places", json::array()}},
        deep};
    for (const json& value : damaged) {
      QVERIFY_THROWS_EXCEPTION(Error, wordsFromJson(value));
    }
  }
};

QTEST_APPLESS_MAIN(WordsTest)
#include "tst_words.moc"
