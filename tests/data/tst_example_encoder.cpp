// Examples into ids and loss masks. The tokenizer here is byte-level without merges (every byte is
// its own token, the id is the byte) plus a few special tokens, so the expected ids and masks can
// be written down from the text alone.
#include <QTest>
#include <nlohmann/json.hpp>

#include "core/data/example_encoder.h"
#include "core/util/error.h"
#include "support/byte_tokenizer.h"

using namespace tiertune;
using namespace tiertune::data;
using tiertune::formats::ChatTemplate;
using tiertune::formats::SpecialTokens;
using tiertune::formats::tokenizer::Tokenizer;

namespace {

constexpr std::int32_t kImStart = test::kByteImStart, kImEnd = test::kByteImEnd, kEos = test::kByteEos;

Tokenizer byteTokenizer() { return Tokenizer::fromJson(test::byteTokenizerJson(), "", "byte/tokenizer.json"); }

const char* const kChatMl = test::kChatMlTemplate;

// Like Qwen3: earlier answers lose their <think> part once a later turn follows.
const char* const kDropsOldThinking =
    "{% for m in messages %}<|im_start|>{{ m.role }}\n"
    "{% if m.role == 'assistant' and not loop.last %}{{ m.content.split('</think>')[-1] }}"
    "{% else %}{{ m.content }}{% endif %}<|im_end|>\n{% endfor %}"
    "{% if add_generation_prompt %}<|im_start|>assistant\n{% endif %}";

SpecialTokens specials() { return SpecialTokens{{{"bos_token", "<s>"}, {"eos_token", "</s>"}}}; }

std::vector<std::int32_t> bytes(std::string_view text) {
  std::vector<std::int32_t> ids;
  for (const char c : text) ids.push_back(static_cast<unsigned char>(c));
  return ids;
}

// The ids of pieces, and a mask that is `trained` on the pieces so marked.
struct Expected {
  std::vector<std::int32_t> ids;
  std::vector<std::uint8_t> mask;
  Expected& text(std::string_view piece, bool trained) {
    for (const std::int32_t id : bytes(piece)) add(id, trained);
    return *this;
  }
  Expected& add(std::int32_t id, bool trained) {
    ids.push_back(id);
    mask.push_back(trained ? 1 : 0);
    return *this;
  }
};

Example chat(std::initializer_list<std::pair<const char*, const char*>> turns) {
  Example example;
  for (const auto& [role, content] : turns) example.messages.push_back({role, content});
  return example;
}

EncodedExample encoded(const std::variant<EncodedExample, RowProblem>& result) {
  if (const auto* problem = std::get_if<RowProblem>(&result)) {
    qWarning("unexpected row problem: %s", problem->detail.english().c_str());
    return {};
  }
  return std::get<EncodedExample>(result);
}

}  // namespace

class ExampleEncoderTest : public QObject {
  Q_OBJECT

 private slots:
  void chatAnswersAreTheTrainedTokens() {
    const Tokenizer tokenizer = byteTokenizer();
    const ChatTemplate chatTemplate = ChatTemplate::parse(kChatMl);
    const ExampleEncoder encoder(tokenizer, &chatTemplate, specials(), {});
    const EncodedExample result =
        encoded(encoder.encode(chat({{"system", "Be brief."}, {"user", "Hi"}, {"assistant", "Hello!"},
                                     {"user", "2+2?"}, {"assistant", "4"}})));
    Expected want;
    want.add(kImStart, false).text("system\nBe brief.", false).add(kImEnd, false).text("\n", false);
    want.add(kImStart, false).text("user\nHi", false).add(kImEnd, false).text("\n", false);
    want.add(kImStart, false).text("assistant\n", false).text("Hello!", true).add(kImEnd, true).text("\n", true);
    want.add(kImStart, false).text("user\n2+2?", false).add(kImEnd, false).text("\n", false);
    want.add(kImStart, false).text("assistant\n", false).text("4", true).add(kImEnd, true).text("\n", true);
    QCOMPARE(result.ids, want.ids);
    QCOMPARE(result.lossMask, want.mask);
    QCOMPARE(result.untrainedAnswers, std::size_t(0));
    QVERIFY(!result.truncated);

    const ExampleEncoder lastOnly(tokenizer, &chatTemplate, specials(), {.lossOn = LossOn::LastResponse});
    const EncodedExample last = encoded(lastOnly.encode(chat({{"user", "Hi"}, {"assistant", "Hello!"},
                                                              {"user", "2+2?"}, {"assistant", "4"}})));
    QCOMPARE(last.trainedTokens(), std::size_t(3));  // "4", <|im_end|>, "\n"
    const ExampleEncoder everything(tokenizer, &chatTemplate, specials(), {.lossOn = LossOn::Everything});
    const EncodedExample all = encoded(everything.encode(chat({{"user", "Hi"}, {"assistant", "Yo"}})));
    QCOMPARE(all.trainedTokens(), all.ids.size());
  }

  void aTemplateThatRewritesHistoryTrainsWhatItCanLocate() {
    const Tokenizer tokenizer = byteTokenizer();
    const ChatTemplate chatTemplate = ChatTemplate::parse(kDropsOldThinking);
    const ExampleEncoder encoder(tokenizer, &chatTemplate, specials(), {});
    const EncodedExample result = encoded(encoder.encode(
        chat({{"user", "a"}, {"assistant", "<think>x</think>b"}, {"user", "c"}, {"assistant", "<think>y</think>d"}})));
    QCOMPARE(result.untrainedAnswers, std::size_t(1));  // the first answer is rendered without its thinking
    const std::string last = "<think>y</think>d";
    QCOMPARE(result.trainedTokens(), last.size() + 2);  // the answer, <|im_end|> and "\n"
    QCOMPARE(result.lossMask.back(), std::uint8_t(1));
  }

  void templateFailuresAreRowProblems() {
    const Tokenizer tokenizer = byteTokenizer();
    const ChatTemplate strict = ChatTemplate::parse(
        "{% for m in messages %}{% if m.role == 'system' %}{{ raise_exception('no system prompts, please') }}"
        "{% endif %}{{ m.content }}{% endfor %}");
    const ExampleEncoder encoder(tokenizer, &strict, specials(), {});
    const auto refused = encoder.encode(chat({{"system", "s"}, {"user", "u"}, {"assistant", "a"}}));
    QVERIFY(std::holds_alternative<RowProblem>(refused));
    QCOMPARE(std::get<RowProblem>(refused).kind, RowProblemKind::TemplateRefused);
    QVERIFY(std::get<RowProblem>(refused).detail.english().find("no system prompts, please") != std::string::npos);

    // A template that prints only the last message: the answer is there but not after the prompt.
    const ChatTemplate lastMessage = ChatTemplate::parse("{{ messages[-1].content }}");
    const ExampleEncoder blind(tokenizer, &lastMessage, specials(), {});
    const auto hidden = blind.encode(chat({{"user", "question"}, {"assistant", "answer"}}));
    QVERIFY(std::holds_alternative<RowProblem>(hidden));
    QCOMPARE(std::get<RowProblem>(hidden).kind, RowProblemKind::AnswerNotFound);

    const ExampleEncoder noTemplate(tokenizer, nullptr, specials(), {});
    QVERIFY_THROWS_EXCEPTION(Error, noTemplate.encode(chat({{"user", "q"}, {"assistant", "a"}})));
  }

  void completionsAndTextsEndWithTheEndToken() {
    const Tokenizer tokenizer = byteTokenizer();
    const ExampleEncoder encoder(tokenizer, nullptr, specials(), {});
    Example completion;
    completion.kind = Example::Kind::Completion;
    completion.prompt = "Q: 1+1\nA:";
    completion.completion = " 2";
    const EncodedExample c = encoded(encoder.encode(completion));
    Expected want;
    want.text("Q: 1+1\nA:", false).text(" 2", true).add(kEos, true);
    QCOMPARE(c.ids, want.ids);
    QCOMPARE(c.lossMask, want.mask);

    Example text;
    text.kind = Example::Kind::Text;
    text.text = "plain words";
    const EncodedExample t = encoded(encoder.encode(text));
    QCOMPARE(t.ids.size(), std::size_t(12));
    QCOMPARE(t.ids.back(), kEos);
    QCOMPARE(t.trainedTokens(), std::size_t(12));
  }

  void longExamplesAreCutOrSkipped() {
    const Tokenizer tokenizer = byteTokenizer();
    const ChatTemplate chatTemplate = ChatTemplate::parse(kChatMl);
    const Example example = chat({{"user", "What is it?"}, {"assistant", "A rather long answer."}});
    // 30 tokens up to "assistant\n", then the answer.
    const ExampleEncoder cut(tokenizer, &chatTemplate, specials(), {.maxTokens = 35});
    const EncodedExample truncated = encoded(cut.encode(example));
    QVERIFY(truncated.truncated);
    QCOMPARE(truncated.ids.size(), std::size_t(35));
    QCOMPARE(truncated.trainedTokens(), std::size_t(5));

    const ExampleEncoder skip(tokenizer, &chatTemplate, specials(), {.maxTokens = 35, .tooLong = TooLongPolicy::Skip});
    const auto skipped = skip.encode(example);
    QVERIFY(std::holds_alternative<RowProblem>(skipped));
    QCOMPARE(std::get<RowProblem>(skipped).kind, RowProblemKind::TooLong);
    QVERIFY(std::get<RowProblem>(skipped).detail.english().find("the limit is 35") != std::string::npos);

    // Cut before the answer starts: nothing left to learn from.
    const ExampleEncoder tiny(tokenizer, &chatTemplate, specials(), {.maxTokens = 30});
    const auto empty = tiny.encode(example);
    QVERIFY(std::holds_alternative<RowProblem>(empty));
    QCOMPARE(std::get<RowProblem>(empty).kind, RowProblemKind::TooLong);
  }
};

QTEST_GUILESS_MAIN(ExampleEncoderTest)
#include "tst_example_encoder.moc"
