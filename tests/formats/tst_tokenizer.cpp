// The tokenizer on small hand-made tokenizer.json files: the rules the conformance corpus
// exercises only indirectly (added tokens that strip white space, unknown tokens fused, byte
// fallback, post-processor tokens) and every refusal, whose message must name the file and the
// field. Conformance with the reference on real files is tst_tokenizer_conformance.
#include <QTest>
#include <nlohmann/json.hpp>

#include "core/formats/tokenizer/tokenizer.h"
#include "core/util/error.h"

using namespace tiertune;
using namespace tiertune::formats::tokenizer;
using nlohmann::json;

namespace {

// A character-level BPE over a few letters with "h i" -> "hi" and "hi !" -> "hi!".
json smallTokenizer() {
  return json::parse(R"({
    "added_tokens": [
      {"id": 0, "content": "<unk>", "special": true, "lstrip": false, "rstrip": false},
      {"id": 1, "content": "<s>", "special": true, "lstrip": false, "rstrip": false},
      {"id": 2, "content": "[END]", "special": true, "lstrip": true, "rstrip": true}
    ],
    "normalizer": null,
    "pre_tokenizer": {"type": "WhitespaceSplit"},
    "post_processor": {"type": "TemplateProcessing",
      "single": [{"SpecialToken": {"id": "<s>", "type_id": 0}}, {"Sequence": {"id": "A", "type_id": 0}}],
      "pair": [], "special_tokens": {}},
    "decoder": {"type": "Fuse"},
    "model": {"type": "BPE", "unk_token": "<unk>", "fuse_unk": true, "byte_fallback": false,
      "vocab": {"<unk>": 0, "<s>": 1, "h": 3, "i": 4, "!": 5, "hi": 6, "hi!": 7},
      "merges": ["h i", "hi !"]}
  })");
}

Tokenizer make(const json& tokenizer, const json& config = nullptr) {
  return Tokenizer::fromJson(tokenizer.dump(), config.is_null() ? std::string() : config.dump(), "models/x/tokenizer.json");
}

std::string loadError(const json& tokenizer, const json& config = nullptr) {
  try {
    make(tokenizer, config);
  } catch (const Error& error) {
    return error.what();
  }
  return "(no error)";
}

using Ids = std::vector<std::int32_t>;

}  // namespace

class TokenizerTest : public QObject {
  Q_OBJECT

 private slots:
  void mergesByRankAndAddsTheSequenceTokens() {
    const Tokenizer tokenizer = make(smallTokenizer());
    QCOMPARE(tokenizer.encode("hi! ih"), (Ids{1, 7, 4, 3}));
    QCOMPARE(tokenizer.encode("hi! ih", {.addSpecialTokens = false}), (Ids{7, 4, 3}));
    QCOMPARE(tokenizer.encode(""), (Ids{1}));
    QCOMPARE(tokenizer.decode(Ids{1, 7, 4, 3}), std::string("<s>hi!ih"));
    QCOMPARE(tokenizer.decode(Ids{1, 7, 4, 3}, {.skipSpecialTokens = true, .cleanUpTokenizationSpaces = std::nullopt}),
             std::string("hi!ih"));
    QCOMPARE(tokenizer.vocabularySize(), std::size_t(8));
    QCOMPARE(tokenizer.tokenId("hi!"), std::optional<std::int32_t>(7));
    QCOMPARE(tokenizer.tokenId("nope"), std::optional<std::int32_t>());
  }

  void addedTokensSplitFirstAndStripAround() {
    const Tokenizer tokenizer = make(smallTokenizer());
    // [END] takes the white space on both sides with it; "<s>" inside text is the token.
    QCOMPARE(tokenizer.encode("hi   [END]\t i<s>h", {.addSpecialTokens = false}), (Ids{6, 2, 4, 1, 3}));
    // The longest added token wins where two start at the same place.
    json longer = smallTokenizer();
    longer["added_tokens"].push_back({{"id", 8}, {"content", "<s>h"}, {"special", false}});
    QCOMPARE(make(longer).encode("<s>hi", {.addSpecialTokens = false}), (Ids{8, 4}));
  }

  void unknownRunsFuseAndByteFallbackSpellsBytes() {
    const Tokenizer tokenizer = make(smallTokenizer());
    // "x", "y", "z" are unknown: one <unk> for the run inside a word (fuse_unk), per section.
    QCOMPARE(tokenizer.encode("hxyzi", {.addSpecialTokens = false}), (Ids{3, 0, 4}));
    json unfused = smallTokenizer();
    unfused["model"]["fuse_unk"] = false;
    QCOMPARE(make(unfused).encode("hxyzi", {.addSpecialTokens = false}), (Ids{3, 0, 0, 0, 4}));

    json fallback = smallTokenizer();
    fallback["model"]["byte_fallback"] = true;
    fallback["model"]["fuse_unk"] = false;
    fallback["model"]["vocab"]["<0xC3>"] = 9;
    fallback["model"]["vocab"]["<0xA9>"] = 10;
    fallback["decoder"] = json::parse(R"({"type": "Sequence", "decoders": [{"type": "ByteFallback"}, {"type": "Fuse"}]})");
    const Tokenizer withBytes = make(fallback);
    QCOMPARE(withBytes.encode("h\xC3\xA9", {.addSpecialTokens = false}), (Ids{3, 9, 10}));  // "hé"
    QCOMPARE(withBytes.decode(Ids{3, 9, 10}), std::string("h\xC3\xA9"));
    QCOMPARE(withBytes.decode(Ids{9}), std::string("\xEF\xBF\xBD"));  // half a character: U+FFFD
    QCOMPARE(withBytes.encode("\xE2\x82\xAC", {.addSpecialTokens = false}), (Ids{0}));  // "€": bytes missing
  }

  void tokenizerConfigAddsCleanupAndSpecialTokens() {
    json spaced = smallTokenizer();
    spaced["decoder"] = nullptr;  // tokens joined with spaces, as the reference does without a decoder
    QCOMPARE(make(spaced).decode(Ids{6, 5}), std::string("hi!"));  // " !" cleaned up by default
    QCOMPARE(make(spaced, {{"clean_up_tokenization_spaces", false}}).decode(Ids{6, 5}), std::string("hi !"));
    const Tokenizer extra = make(smallTokenizer(), {{"additional_special_tokens", {"hi!"}}});
    QCOMPARE(extra.decode(Ids{7, 4}, {.skipSpecialTokens = true, .cleanUpTokenizationSpaces = std::nullopt}),
             std::string("i"));
  }

  void badInputIsRefusedInWords() {
    const Tokenizer tokenizer = make(smallTokenizer());
    QVERIFY_THROWS_EXCEPTION(Error, tokenizer.encode("h\xC3("));
    try {
      tokenizer.decode(Ids{3, 99});
      QFAIL("an id outside the vocabulary decoded");
    } catch (const Error& error) {
      QVERIFY2(std::string(error.what()).find("token id 99") != std::string::npos, error.what());
    }
    QVERIFY_THROWS_EXCEPTION(Error, tokenizer.decode(Ids{2 - 5}));
  }

  void refusalsNameTheFileAndTheField_data() {
    QTest::addColumn<QByteArray>("change");  // a JSON merge patch onto smallTokenizer()
    QTest::addColumn<QString>("expected");
    QTest::newRow("not JSON") << QByteArray("!") << "models/x/tokenizer.json: not valid JSON";
    QTest::newRow("unigram") << QByteArray(R"({"model": {"type": "Unigram"}})")
                             << "models/x/tokenizer.json: model.type is \"Unigram\": only BPE";
    QTest::newRow("normalizer") << QByteArray(R"({"normalizer": {"type": "Precompiled"}})")
                                << "normalizer.type is \"Precompiled\": this normalizer is not supported yet";
    QTest::newRow("nested pre-tokenizer")
        << QByteArray(R"({"pre_tokenizer": {"type": "Sequence", "pretokenizers": [{"type": "Digits"}, {"type": "Punctuation"}]}})")
        << "pre_tokenizer.pretokenizers[1].type is \"Punctuation\"";
    QTest::newRow("unknown regex")
        << QByteArray(R"({"pre_tokenizer": {"type": "Split", "pattern": {"Regex": "\\w+"}, "behavior": "Isolated"}})")
        << "pre_tokenizer.pattern.Regex is a regular expression Tiertune does not know yet";
    QTest::newRow("split behavior")
        << QByteArray(R"({"pre_tokenizer": {"type": "Split", "pattern": {"String": " "}, "behavior": "MergedWithNext"}})")
        << "pre_tokenizer.behavior is \"MergedWithNext\": only Isolated and Removed are supported";
    QTest::newRow("decoder") << QByteArray(R"({"decoder": {"type": "WordPiece"}})") << "decoder.type is \"WordPiece\"";
    QTest::newRow("post-processor token")
        << QByteArray(R"({"post_processor": {"type": "TemplateProcessing", "single": [{"SpecialToken": {"id": "<bos>"}}, {"Sequence": {"id": "A"}}]}})")
        << "post_processor adds the token \"<bos>\", which is not in the vocabulary";
    QTest::newRow("vocab id") << QByteArray(R"({"model": {"vocab": {"h": -3}}})") << "model.vocab[\"h\"] must be a token id";
    QTest::newRow("unknown token") << QByteArray(R"({"model": {"unk_token": "<oops>"}})")
                                   << "model.unk_token \"<oops>\" is not in the vocabulary";
    QTest::newRow("added token") << QByteArray(R"({"added_tokens": [{"id": 5, "content": ""}]})")
                                 << "added_tokens[0].content must not be empty";
  }
  void refusalsNameTheFileAndTheField() {
    QFETCH(QByteArray, change);
    QFETCH(QString, expected);
    std::string error;
    if (change == "!") {
      try {
        Tokenizer::fromJson("{\"model\": ", "", "models/x/tokenizer.json");
      } catch (const Error& thrown) {
        error = thrown.what();
      }
    } else {
      json tokenizer = smallTokenizer();
      tokenizer.merge_patch(json::parse(change.toStdString()));
      error = loadError(tokenizer);
    }
    QVERIFY2(error.find("models/x/tokenizer.json") != std::string::npos, error.c_str());
    QVERIFY2(error.find(expected.toStdString()) != std::string::npos, error.c_str());
  }

  void tokenizerConfigRefusalsNameThatFile() {
    const std::string error = loadError(smallTokenizer(), {{"tokenizer_class", "LlamaTokenizer"}, {"legacy", false}});
    QVERIFY2(error.find("models/x/tokenizer_config.json: legacy is false") != std::string::npos, error.c_str());
  }
};

QTEST_GUILESS_MAIN(TokenizerTest)
#include "tst_tokenizer.moc"
