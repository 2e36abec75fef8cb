// Questions and answers from chunks (core/documents/qa_*): the strict reply parser on a table of
// good and refused replies with their exact reasons and on replies changed at random; the prompt's
// placeholders; the resumable job
// driven by a scripted model that replies with chosen texts (pairs kept with their sources, a
// refused reply retried once, a chunk failed with both raw replies, a cancel and a resume, a torn
// last results line, a folder of another job refused); the review (reject, edit, filter, the pairs
// for the import, review.json reopened); and the real generator on a tiny random chat model, whose
// noise the parser must refuse for every chunk, keeping nothing.
#include <QElapsedTimer>
#include <QTest>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <functional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/documents/document.h"
#include "core/documents/document_chunks.h"
#include "core/documents/qa_job.h"
#include "core/documents/qa_prompt.h"
#include "core/documents/qa_reply.h"
#include "core/documents/qa_review.h"
#include "core/formats/model_config.h"
#include "core/infer/model_text.h"
#include "core/infer/sequence_model.h"
#include "core/util/error.h"
#include "core/util/random.h"
#include "core/util/read_file.h"
#include "kernels/backend.h"
#include "support/byte_tokenizer.h"
#include "support/chat_model.h"
#include "support/scratch.h"
#include "support/scripted_replies.h"
#include "support/tiny_model.h"

using namespace tiertune;
using namespace tiertune::documents;
namespace fs = std::filesystem;

Q_DECLARE_METATYPE(std::string)

namespace {

using test::ScriptedReplies;


std::string pairJson(const std::string& question, const std::string& answer) {
  return nlohmann::ordered_json{{"question", question}, {"answer", answer}}.dump();
}

// The good reply the scripts give for the chunk whose text holds "fact N".
std::string goodReply(int n) {
  const std::string fact = "fact " + std::to_string(n);
  return "[" + pairJson("What is " + fact + "?", "It is the fact numbered " + std::to_string(n) + ".") + ", " +
         pairJson("Where is " + fact + " written?", "In the passage about it.") + "]";
}

std::vector<QaPair> goodPairs(int n) {
  return {{"What is fact " + std::to_string(n) + "?", "It is the fact numbered " + std::to_string(n) + "."},
          {"Where is fact " + std::to_string(n) + " written?", "In the passage about it."}};
}

// Which "fact N" a prompt is about.
int factOf(const std::string& prompt) {
  const std::size_t at = prompt.find("fact ");
  if (at == std::string::npos) throw std::logic_error("a prompt without a fact: " + prompt);
  return std::stoi(prompt.substr(at + 5));
}

bool isRetry(const std::string& prompt) {
  return prompt.find("Your previous reply could not be used") != std::string::npos;
}

// Two documents: a handbook.pdf of pages with sections, and notes.docx without pages.
std::vector<Document> twoDocuments() {
  Document handbook;
  handbook.file = "/somewhere/handbook.pdf";
  handbook.format = "pdf";
  handbook.title = "The Handbook";
  handbook.pages = 9;
  Document notes;
  notes.file = "/elsewhere/notes.docx";
  notes.format = "docx";
  notes.title = "Meeting notes";
  return {handbook, notes};
}

// count chunks: "This passage states fact N." for N = 1..count, the odd ones from the handbook.
std::vector<QaChunk> factChunks(int count) {
  std::vector<Chunk> chunks;
  for (int n = 1; n <= count; ++n) {
    Chunk chunk;
    chunk.document = n % 2 == 1 ? 0 : 1;
    chunk.firstPage = n % 2 == 1 ? n : 0;
    chunk.lastPage = n % 2 == 1 ? n + 1 : 0;
    chunk.section = n % 2 == 1 ? "Section " + std::to_string(n) : "";
    chunk.text = "This passage states fact " + std::to_string(n) + ".";
    chunk.tokens = chunk.text.size();
    chunks.push_back(chunk);
  }
  return qaChunks(twoDocuments(), chunks);
}


QaSettings settingsFor(const fs::path& modelFolder, std::size_t questions = 2) {
  QaSettings settings;
  settings.modelFolder = modelFolder;
  settings.questionsPerChunk = questions;
  return settings;
}

// A folder with the byte tokenizer, "</s>" as end of sequence and the ChatML template: what the
// scripted model's text is read with.
infer::ModelText chatText(const fs::path& folder) {
  fs::create_directories(folder);
  test::writeChatTokenizerFiles(folder);
  return infer::loadModelText(folder, formats::parseModelConfig(test::kTinyLlamaConfig));
}

std::string errorOf(const std::function<void()>& body) {
  try {
    body();
  } catch (const Error& error) {
    return error.what();
  }
  return "(no error)";
}

std::vector<std::string> linesOf(const fs::path& file) {
  std::vector<std::string> lines;
  std::ifstream in(file);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// A row of the parser's table: a reply, the pairs asked for, and the reason it is refused (empty:
// accepted).
void addRow(const char* name, const std::string& reply, int count, const std::string& reason) {
  QTest::newRow(name) << reply << count << reason;
}

}  // namespace

class QaGenerationTest : public QObject {
  Q_OBJECT

  std::unique_ptr<QTemporaryDir> scratch_;
  fs::path root_;
  int folders_ = 0;

  fs::path freshFolder(const std::string& name) { return root_ / (name + std::to_string(++folders_)); }

 private slots:
  void init() {
    scratch_ = test::makeScratchDir();
    root_ = fs::path(scratch_->path().toStdString());
  }

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

  // --- the job on a scripted model ---

  void knownRepliesGiveTheExactPairsWithTheirSources() {
    const fs::path folder = freshFolder("job");
    const infer::ModelText text = chatText(root_ / "model");
    const std::vector<QaChunk> chunks = factChunks(3);
    QCOMPARE(chunks[0].source, (QaSource{"handbook.pdf", "The Handbook", "Section 1", 1, 2}));
    QCOMPARE(chunks[1].source, (QaSource{"notes.docx", "Meeting notes", "", 0, 0}));

    QaJob job = QaJob::create(folder, settingsFor(root_ / "model"), chunks);
    QCOMPARE(job.settings().maxNewTokens, 2 * kQaTokensPerQuestion);  // 0 became the default per question
    ScriptedReplies model([](const std::string& prompt) { return goodReply(factOf(prompt)); });
    std::vector<QaProgress> reports;
    QCOMPARE(job.run(model, text, [&](const QaProgress& progress) { reports.push_back(progress); }),
             QaRunEnd::Complete);

    QCOMPARE(model.prompts.size(), std::size_t{3});  // one attempt each
    QCOMPARE(model.prompts[0], "<|im_start|>user\n" +
                                   renderQaPrompt(defaultQaPrompt(), chunkOf(chunks[0]), "The Handbook", 2) +
                                   "<|im_end|>\n<|im_start|>assistant\n");
    QVERIFY(job.complete());
    QCOMPARE(job.pairCount(), std::size_t{6});
    QCOMPARE(job.failureCount(), std::size_t{0});
    for (int n = 1; n <= 3; ++n) {
      const QaChunkResult* result = job.result(static_cast<std::size_t>(n - 1));
      QVERIFY(result != nullptr);
      QCOMPARE(result->pairs, goodPairs(n));
      QCOMPARE(result->attempts.size(), std::size_t{1});
      QCOMPARE(result->attempts[0].reply, goodReply(n));
      QCOMPARE(result->attempts[0].stopped, infer::StopReason::EndOfText);
    }

    // Progress: the first report before any chunk ended has no time left; the last one has all.
    QVERIFY(reports.size() >= 7);  // a start and an end per chunk, and the session's end
    QCOMPARE(reports.front().currentChunk, std::optional<std::size_t>(0));
    QCOMPARE(reports.front().attempt, 1);
    QVERIFY(!reports.front().secondsLeft);
    QCOMPARE(reports[1].chunksDone, std::size_t{1});
    QVERIFY(reports[1].secondsLeft.has_value());
    QCOMPARE(reports.back().chunksDone, std::size_t{3});
    QCOMPARE(reports.back().chunksTotal, std::size_t{3});
    QCOMPARE(reports.back().pairs, std::size_t{6});
    QVERIFY(reports.back().secondsLeft && *reports.back().secondsLeft == 0.0);
    QVERIFY(!reports.back().currentChunk);

    // What is on disk reads back the same, with every pair's source, in order.
    const QaReview review = QaReview::open(folder);
    QCOMPARE(review.pairs().size(), std::size_t{6});
    QCOMPARE(review.pairs()[2].generated, goodPairs(2)[0]);
    QCOMPARE(review.pairs()[2].source, chunks[1].source);
    QCOMPARE(review.pairs()[5].source.section, std::string("Section 3"));
    QCOMPARE(review.pairs()[5].source.firstPage, 3);
    QCOMPARE(review.pairs()[5].source.lastPage, 4);
    QCOMPARE(review.pairs()[5].index, std::size_t{1});
    QVERIFY(review.failedChunks().empty());
    QVERIFY(review.jobComplete());
  }

  void aPlainPromptWithoutAChatTemplate() {
    const fs::path folder = freshFolder("job");
    infer::ModelText text = chatText(root_ / "model");
    text.chatTemplate.reset();
    QaSettings settings = settingsFor(root_ / "model");
    settings.prompt = "{count} pairs on: {text}";
    QaJob job = QaJob::create(folder, settings, factChunks(1));
    ScriptedReplies model([](const std::string& prompt) { return goodReply(factOf(prompt)); });
    QCOMPARE(job.run(model, text), QaRunEnd::Complete);
    QCOMPARE(model.prompts, (std::vector<std::string>{"2 pairs on: This passage states fact 1."}));
    QCOMPARE(job.result(0)->pairs, goodPairs(1));
  }

  void aRefusedReplyAndAGoodRetryAreKept() {
    const fs::path folder = freshFolder("job");
    const infer::ModelText text = chatText(root_ / "model");
    QaJob job = QaJob::create(folder, settingsFor(root_ / "model"), factChunks(2));
    ScriptedReplies model([](const std::string& prompt) {
      const int fact = factOf(prompt);
      return fact == 2 && !isRetry(prompt) ? "Here you go: " + goodReply(2) : goodReply(fact);
    });
    QCOMPARE(job.run(model, text), QaRunEnd::Complete);
    QCOMPARE(model.prompts.size(), std::size_t{3});
    // The retry is the same prompt with the correction naming what was wrong.
    const std::string reason = "the reply does not begin with a JSON array ('['): it begins with "
                               "\"Here you go: [{\"question\":\"What is fact …\"";
    QVERIFY2(model.prompts[2].find("Your previous reply could not be used: " + reason +
                                   ". Reply with only the JSON array of 2 objects") != std::string::npos,
             model.prompts[2].c_str());
    const QaChunkResult* result = job.result(1);
    QVERIFY(!result->failed());
    QCOMPARE(result->pairs, goodPairs(2));
    QCOMPARE(result->attempts.size(), std::size_t{2});
    QCOMPARE(result->attempts[0].reply, "Here you go: " + goodReply(2));
    QCOMPARE(result->attempts[0].problem, reason);
    QCOMPARE(result->attempts[1].problem, std::string());
    QCOMPARE(QaReview::open(folder).pairs().size(), std::size_t{4});
  }

  void twoRefusedRepliesFailTheChunkAndKeepNothingOfIt() {
    const fs::path folder = freshFolder("job");
    const infer::ModelText text = chatText(root_ / "model");
    QaJob job = QaJob::create(folder, settingsFor(root_ / "model"), factChunks(3));
    const std::string halfGood = "[" + pairJson("What is fact 2?", "A fact.") + ", {\"question\": \"Why";
    ScriptedReplies model([&](const std::string& prompt) {
      const int fact = factOf(prompt);
      if (fact != 2) return goodReply(fact);
      return isRetry(prompt) ? std::string("[") + pairJson("What is fact 2?", "A fact.") + "]" : halfGood;
    });
    QCOMPARE(job.run(model, text), QaRunEnd::Complete);
    QCOMPARE(model.prompts.size(), std::size_t{4});
    QVERIFY(job.complete());
    QCOMPARE(job.pairCount(), std::size_t{4});
    QCOMPARE(job.failureCount(), std::size_t{1});

    const QaReview review = QaReview::open(folder);
    QCOMPARE(review.pairs().size(), std::size_t{4});
    for (const QaReviewPair& pair : review.pairs()) QVERIFY(pair.chunk != 1);  // not half of chunk 2
    QCOMPARE(review.failedChunks().size(), std::size_t{1});
    const QaFailedChunk& failed = review.failedChunks()[0];
    QCOMPARE(failed.chunk, std::size_t{1});
    QCOMPARE(failed.source.document, std::string("notes.docx"));
    QCOMPARE(failed.text, std::string("This passage states fact 2."));
    QCOMPARE(failed.reason, std::string("1 pair instead of 2"));
    QCOMPARE(failed.attempts.size(), std::size_t{2});
    QCOMPARE(failed.attempts[0].reply, halfGood);
    QCOMPARE(failed.attempts[0].problem, std::string("the reply ends before its JSON array is closed"));
    QCOMPARE(failed.attempts[1].reply, "[" + pairJson("What is fact 2?", "A fact.") + "]");
    QCOMPARE(failed.attempts[1].problem, std::string("1 pair instead of 2"));
  }

  void aReplyCutOffAtTheTokenLimitSaysSo() {
    const fs::path folder = freshFolder("job");
    const infer::ModelText text = chatText(root_ / "model");
    QaSettings settings = settingsFor(root_ / "model");
    settings.maxNewTokens = 20;
    QaJob job = QaJob::create(folder, settings, factChunks(1));
    ScriptedReplies model([](const std::string& prompt) { return goodReply(factOf(prompt)); });
    QCOMPARE(job.run(model, text), QaRunEnd::Complete);
    const QaChunkResult* result = job.result(0);
    QVERIFY(result->failed());
    QCOMPARE(result->attempts[0].reply, goodReply(1).substr(0, 20));
    QCOMPARE(result->attempts[0].stopped, infer::StopReason::MaxTokens);
    QCOMPARE(result->failure, std::string("the reply ends before its JSON array is closed (the reply reached the "
                                          "limit of 20 new tokens)"));
  }

  void aPromptTooLongForTheModelFailsItsChunk() {
    const fs::path folder = freshFolder("job");
    const infer::ModelText text = chatText(root_ / "model");
    QaSettings settings = settingsFor(root_ / "model");
    settings.prompt = "{text}";
    settings.maxNewTokens = 150;
    std::vector<QaChunk> chunks = factChunks(2);
    chunks[1].text += std::string(300, 'x');
    QaJob job = QaJob::create(folder, settings, chunks);
    ScriptedReplies model([](const std::string& prompt) { return goodReply(factOf(prompt)); }, 200);
    QCOMPARE(job.run(model, text), QaRunEnd::Complete);
    QCOMPARE(model.prompts.size(), std::size_t{1});  // chunk 2 never reaches the model
    const QaChunkResult* result = job.result(1);
    QVERIFY(result->attempts.empty());
    // ChatML around the text: <|im_start|> "user\n" TEXT <|im_end|> "\n" <|im_start|> "assistant\n".
    QCOMPARE(result->failure, std::string("the prompt has 346 tokens, and with up to 150 new ones it does not fit "
                                          "the model's context of 200 tokens"));
    QCOMPARE(job.result(0)->pairs, goodPairs(1));
  }

  void aCancelledJobResumesAtItsFirstUnfinishedChunk() {
    const fs::path folder = freshFolder("job");
    const infer::ModelText text = chatText(root_ / "model");
    const std::vector<QaChunk> chunks = factChunks(4);
    std::atomic<bool> cancel{false};
    {
      QaJob job = QaJob::create(folder, settingsFor(root_ / "model"), chunks);
      ScriptedReplies model([](const std::string& prompt) { return goodReply(factOf(prompt)); });
      const QaRunEnd end = job.run(
          model, text, [&](const QaProgress& progress) { cancel = progress.chunksDone == 2; }, &cancel);
      QCOMPARE(end, QaRunEnd::Cancelled);
      QCOMPARE(model.prompts.size(), std::size_t{2});
      QCOMPARE(job.finishedCount(), std::size_t{2});
    }
    QCOMPARE(linesOf(folder / "results.jsonl").size(), std::size_t{2});

    // A new job object, as after the app was closed: the same job, going on at chunk 3.
    QaJob resumed = QaJob::create(folder, settingsFor(root_ / "model"), chunks);
    QCOMPARE(resumed.finishedCount(), std::size_t{2});
    ScriptedReplies model([](const std::string& prompt) { return goodReply(factOf(prompt)); });
    cancel = false;
    QCOMPARE(resumed.run(model, text, {}, &cancel), QaRunEnd::Complete);
    QCOMPARE(model.prompts.size(), std::size_t{2});
    QCOMPARE(factOf(model.prompts[0]), 3);
    QCOMPARE(factOf(model.prompts[1]), 4);
    for (int n = 1; n <= 4; ++n) QCOMPARE(resumed.result(static_cast<std::size_t>(n - 1))->pairs, goodPairs(n));
    QCOMPARE(QaJob::open(folder).pairCount(), std::size_t{8});
  }

  void aCancelInsideGenerationLeavesTheChunkToBeDoneAgain() {
    const fs::path folder = freshFolder("job");
    const infer::ModelText text = chatText(root_ / "model");
    std::atomic<bool> cancel{false};
    QaJob job = QaJob::create(folder, settingsFor(root_ / "model"), factChunks(3));
    ScriptedReplies model([](const std::string& prompt) { return goodReply(factOf(prompt)); });
    // Half-way through the second chunk's reply.
    model.onPass = [&](std::size_t produced) {
      if (model.prompts.size() == 2 && produced == 30) cancel = true;
    };
    QCOMPARE(job.run(model, text, {}, &cancel), QaRunEnd::Cancelled);
    QCOMPARE(job.finishedCount(), std::size_t{1});
    QCOMPARE(linesOf(folder / "results.jsonl").size(), std::size_t{1});

    cancel = false;
    ScriptedReplies again([](const std::string& prompt) { return goodReply(factOf(prompt)); });
    QaJob reopened = QaJob::open(folder);
    QCOMPARE(reopened.run(again, text, {}, &cancel), QaRunEnd::Complete);
    QCOMPARE(again.prompts.size(), std::size_t{2});
    QCOMPARE(factOf(again.prompts[0]), 2);
    QCOMPARE(reopened.result(1)->pairs, goodPairs(2));
  }

  void aTornLastResultsLineIsIgnoredAndCutOff() {
    const fs::path folder = freshFolder("job");
    const infer::ModelText text = chatText(root_ / "model");
    std::atomic<bool> cancel{false};
    {
      QaJob job = QaJob::create(folder, settingsFor(root_ / "model"), factChunks(3));
      ScriptedReplies model([](const std::string& prompt) { return goodReply(factOf(prompt)); });
      job.run(model, text, [&](const QaProgress& progress) { cancel = progress.chunksDone == 2; }, &cancel);
    }
    // What a kill in the middle of writing chunk 3's line leaves.
    const std::string torn = "{\"chunk\":2,\"pairs\":[{\"question\":\"Torn";
    std::ofstream(folder / "results.jsonl", std::ios::app) << torn;

    QaJob job = QaJob::open(folder);
    QCOMPARE(job.finishedCount(), std::size_t{2});
    QVERIFY(job.result(2) == nullptr);
    ScriptedReplies model([](const std::string& prompt) { return goodReply(factOf(prompt)); });
    cancel = false;
    QCOMPARE(job.run(model, text, {}, &cancel), QaRunEnd::Complete);
    QCOMPARE(model.prompts.size(), std::size_t{1});
    const std::vector<std::string> lines = linesOf(folder / "results.jsonl");
    QCOMPARE(lines.size(), std::size_t{3});
    for (const std::string& line : lines) QVERIFY2(nlohmann::json::accept(line), line.c_str());
    QVERIFY(readWholeFile(folder / "results.jsonl").find(torn) == std::string::npos);
    QCOMPARE(QaJob::open(folder).result(2)->pairs, goodPairs(3));

    // A damaged line before the last one is not a torn write: refused, naming it.
    std::string results = readWholeFile(folder / "results.jsonl");
    results.replace(results.find("\"chunk\""), 7, "\"chunkk\"");
    std::ofstream(folder / "results.jsonl", std::ios::trunc) << results;
    QCOMPARE(errorOf([&] { QaJob::open(folder); }),
             (folder / "results.jsonl").string() + " line 1: \"chunk\" is missing");
  }

  void aFolderOfAnotherJobIsRefused() {
    const fs::path folder = freshFolder("job");
    const std::vector<QaChunk> chunks = factChunks(2);
    const QaJob job = QaJob::create(folder, settingsFor(root_ / "model"), chunks);
    // The same job again is the job already there.
    QCOMPARE(QaJob::create(folder, settingsFor(root_ / "model"), chunks).key(), job.key());

    const std::string another = folder.string() +
                                " holds another question job (other documents or settings); choose another name, or "
                                "delete that job first";
    QCOMPARE(errorOf([&] { QaJob::create(folder, settingsFor(root_ / "model", 3), chunks); }), another);
    QCOMPARE(errorOf([&] { QaJob::create(folder, settingsFor(root_ / "model"), factChunks(3)); }), another);
    QCOMPARE(errorOf([&] { QaJob::create(folder, settingsFor(root_ / "other-model"), chunks); }), another);

    const fs::path other = freshFolder("notajob");
    fs::create_directories(other);
    std::ofstream(other / "letter.txt") << "mine";
    QCOMPARE(errorOf([&] { QaJob::create(other, settingsFor(root_ / "model"), chunks); }),
             other.string() + " already exists and holds no question job; choose another name");
    QVERIFY(fs::exists(other / "letter.txt"));

    // Chunks changed by hand no longer match the job's key.
    std::string lines = readWholeFile(folder / "chunks.jsonl");
    lines.replace(lines.find("fact 2"), 6, "fact 9");
    std::ofstream(folder / "chunks.jsonl", std::ios::trunc) << lines;
    QVERIFY(errorOf([&] { QaJob::open(folder); }).find("were changed after the job was made") != std::string::npos);

    // Settings refused by name.
    QaSettings bad = settingsFor(root_ / "model", 0);
    QCOMPARE(errorOf([&] { QaJob::create(freshFolder("job"), bad, chunks); }),
             std::string("the questions per chunk must be 1 to 50, not 0"));
    bad = settingsFor(root_ / "model");
    bad.prompt = "no passage";
    QCOMPARE(errorOf([&] { QaJob::create(freshFolder("job"), bad, chunks); }),
             std::string("the prompt has no {text} placeholder, so the model would never see the passage"));
  }

  void anotherProcessGeneratingTheJobIsRefused() {
    const fs::path folder = freshFolder("job");
    const infer::ModelText text = chatText(root_ / "model");
    QaJob job = QaJob::create(folder, settingsFor(root_ / "model"), factChunks(2));
    QaJob same = QaJob::open(folder);
    std::string refusal;
    ScriptedReplies inner([](const std::string& prompt) { return goodReply(factOf(prompt)); });
    ScriptedReplies model([&](const std::string& prompt) {
      if (refusal.empty()) refusal = errorOf([&] { same.run(inner, text); });
      return goodReply(factOf(prompt));
    });
    QCOMPARE(job.run(model, text), QaRunEnd::Complete);
    QCOMPARE(refusal, "the question job in " + folder.string() +
                          " is being generated by another program (the app or tiertune-cli); let it finish or stop "
                          "it first");
    QVERIFY(inner.prompts.empty());
  }

  // --- the review ---

  void reviewRejectEditAndTheAcceptedPairs() {
    const fs::path folder = freshFolder("job");
    const infer::ModelText text = chatText(root_ / "model");
    QaJob job = QaJob::create(folder, settingsFor(root_ / "model"), factChunks(3));
    ScriptedReplies model([](const std::string& prompt) { return goodReply(factOf(prompt)); });
    QCOMPARE(job.run(model, text), QaRunEnd::Complete);

    QaReview review = QaReview::open(folder);
    QCOMPARE(review.pairs().size(), std::size_t{6});
    const std::size_t rejectOne[] = {1};
    review.reject(rejectOne);
    review.edit(2, "  What does fact 2 say? ", "That it is the second one.\n");
    QCOMPARE(errorOf([&] { review.edit(3, "What?", "   "); }),
             std::string("the answer is empty; write an answer, or reject the pair"));
    QCOMPARE(review.pairs()[3].state(), QaPairState::Accepted);  // the refused edit changed nothing
    QCOMPARE(errorOf([&] {
               const std::size_t missing[] = {6};
               review.reject(missing);
             }),
             std::string("there is no pair 7 to review; the job has 6"));

    const std::vector<QaReviewPair> accepted = review.acceptedPairs();
    std::vector<QaPair> texts;
    for (const QaReviewPair& pair : accepted) texts.push_back(pair.text());
    QCOMPARE(texts, (std::vector<QaPair>{goodPairs(1)[0],
                                         {"What does fact 2 say?", "That it is the second one."},
                                         goodPairs(2)[1], goodPairs(3)[0], goodPairs(3)[1]}));
    QCOMPARE(accepted[1].source.document, std::string("notes.docx"));
    QCOMPARE(accepted[1].generated, goodPairs(2)[0]);
    QCOMPARE(accepted[3].source, (QaSource{"handbook.pdf", "The Handbook", "Section 3", 3, 4}));

    // Filters: by state, by text, by document.
    QCOMPARE(review.filter({QaPairState::Rejected, "", ""}), (std::vector<std::size_t>{1}));
    QCOMPARE(review.filter({QaPairState::Edited, "", ""}), (std::vector<std::size_t>{2}));
    QCOMPARE(review.filter({std::nullopt, "SECOND ONE", ""}), (std::vector<std::size_t>{2}));
    QCOMPARE(review.filter({std::nullopt, "fact 3", ""}), (std::vector<std::size_t>{4, 5}));
    QCOMPARE(review.filter({QaPairState::Accepted, "", "handbook.pdf"}), (std::vector<std::size_t>{0, 4, 5}));
    QCOMPARE(review.documents(), (std::vector<std::string>{"handbook.pdf", "notes.docx"}));

    // review.json survives reopening; a rejected edited pair keeps its edit for when it comes back.
    const QaReview reopened = QaReview::open(folder);
    QCOMPARE(reopened.pairs()[1].state(), QaPairState::Rejected);
    QCOMPARE(reopened.pairs()[2].state(), QaPairState::Edited);
    QCOMPARE(reopened.pairs()[2].text(), (QaPair{"What does fact 2 say?", "That it is the second one."}));
    QCOMPARE(reopened.acceptedPairs().size(), std::size_t{5});
    const std::size_t edited[] = {2};
    review.reject(edited);
    review.accept(edited);
    QCOMPARE(QaReview::open(folder).pairs()[2].state(), QaPairState::Edited);
    review.revertEdit(2);
    const std::size_t both[] = {1, 2};
    review.accept(both);
    QCOMPARE(QaReview::open(folder).acceptedPairs().size(), std::size_t{6});
    QCOMPARE(QaReview::open(folder).pairs()[2].state(), QaPairState::Accepted);

    // A review.json of another job is refused by name.
    const fs::path other = freshFolder("job");
    QaJob otherJob = QaJob::create(other, settingsFor(root_ / "model"), factChunks(1));
    QCOMPARE(otherJob.run(model, text), QaRunEnd::Complete);
    fs::copy_file(folder / "review.json", other / "review.json");
    QCOMPARE(errorOf([&] { QaReview::open(other); }),
             (other / "review.json").string() + " is the review of another question job than the one in " +
                 other.string());
  }

  // --- the real generator ---

  void theRealGeneratorOnATinyRandomModelKeepsNothing() {
    // The tiny chat model (byte tokenizer, ChatML), with a context that holds the default prompt.
    const fs::path modelFolder = root_ / "tiny-chat";
    test::writeTinyChatModel(modelFolder);
    std::string config = readWholeFile(modelFolder / "config.json");
    config.replace(config.find("\"max_position_embeddings\":128"), 29, "\"max_position_embeddings\":2048");
    std::ofstream(modelFolder / "config.json", std::ios::trunc) << config;

    const auto backend = kernels::makeCpuBackend();
    QaGenerator generator = openQaGenerator(*backend, modelFolder);
    QVERIFY(generator.text.chatTemplate.has_value());
    QaSettings settings = settingsFor(modelFolder);
    settings.maxNewTokens = 24;
    // Sampled, so that the noise is bytes of every kind (greedy, this model writes newlines only),
    // and ids past the byte tokenizer's 260 (the model has 300) come up unless they are kept out.
    settings.sampling.temperature = 1.0;
    settings.sampling.seed = 7;
    const fs::path folder = freshFolder("job");
    QaJob job = QaJob::create(folder, settings, factChunks(2));
    QElapsedTimer timer;
    timer.start();
    QCOMPARE(job.runBatched(*generator.runner, generator.text), QaRunEnd::Complete);
    qInfo("two chunks, two attempts each, in %lld ms", static_cast<long long>(timer.elapsed()));

    QVERIFY(job.complete());
    QCOMPARE(job.pairCount(), std::size_t{0});
    QCOMPARE(job.failureCount(), std::size_t{2});
    const QaReview review = QaReview::open(folder);
    QVERIFY(review.pairs().empty());
    QVERIFY(review.acceptedPairs().empty());
    QCOMPARE(review.failedChunks().size(), std::size_t{2});
    for (const QaFailedChunk& failed : review.failedChunks()) {
      QCOMPARE(failed.attempts.size(), std::size_t{2});
      QVERIFY(!failed.reason.empty());
      QCOMPARE(failed.reason, failed.attempts[1].problem);
      for (const QaAttempt& attempt : failed.attempts) {
        QVERIFY(!attempt.problem.empty());
        QVERIFY(attempt.replyTokens <= 24);
      }
      // The default prompt in ChatML, a byte a token: <|im_start|> "user\n" ... <|im_end|> "\n"
      // <|im_start|> "assistant\n" adds 19; the retry adds the correction.
      const QaChunk& chunk = job.chunks()[failed.chunk];
      QCOMPARE(failed.attempts[0].promptTokens,
               renderQaPrompt(defaultQaPrompt(), chunkOf(chunk), chunk.source.title, 2).size() + 19);
      QVERIFY(failed.attempts[1].promptTokens > failed.attempts[0].promptTokens);
      qInfo("chunk %zu: %s; first reply %s", failed.chunk + 1, failed.reason.c_str(),
            nlohmann::json(failed.attempts[0].reply).dump().c_str());
    }
    // What the model wrote is kept as it came, for the user to see, and reads back the same.
    const QaJob reopened = QaJob::open(folder);
    for (std::size_t chunk = 0; chunk < 2; ++chunk) {
      QCOMPARE(reopened.result(chunk)->attempts, job.result(chunk)->attempts);
      QCOMPARE(reopened.result(chunk)->failure, job.result(chunk)->failure);
      for (const QaAttempt& attempt : reopened.result(chunk)->attempts) {
        QCOMPARE(attempt.problem.substr(0, 10), parseQaReply(attempt.reply, 2).problem->reason.substr(0, 10));
      }
    }
  }
};

QTEST_GUILESS_MAIN(QaGenerationTest)
#include "tst_qa_generation.moc"
