// safetensors files: what the writer produces (byte for byte what the reference writer produces),
// that the reader gives every tensor back bit-identical, and that each rule of the format, broken
// in a crafted file, gives an error naming the file and the tensor.
#include <QTest>
#include <cstring>
#include <filesystem>
#include <random>

#include "kernels/cpu/half_precision.h"
#include "core/formats/safetensors_reader.h"
#include "core/formats/safetensors_writer.h"
#include "core/util/error.h"
#include "safetensors_test_files.h"
#include "support/scratch.h"

using namespace tiertune;
using namespace tiertune::formats;
using namespace tiertune::test;
namespace fs = std::filesystem;

namespace {

template <typename T>
std::span<const std::byte> asBytes(const std::vector<T>& values) {
  return std::as_bytes(std::span(values.data(), values.size()));
}

bool sameBytes(std::span<const std::byte> a, std::span<const std::byte> b) {
  return a.size() == b.size() && (a.empty() || std::memcmp(a.data(), b.data(), a.size()) == 0);
}

}  // namespace

class TestSafetensors : public QObject {
  Q_OBJECT

 private:
  std::unique_ptr<QTemporaryDir> scratch_;
  fs::path folder_;

  fs::path fileNamed(const char* name) const { return folder_ / name; }

  // Writes bytes as a file and returns the error opening it gives ("" when it opens).
  QString openError(const char* name, const std::string& bytes) {
    const fs::path file = fileNamed(name);
    writeFile(file, bytes);
    return QString::fromStdString(errorOf([&] { SafetensorsFile opened(file); }));
  }

  // A crafted header breaking one rule: the error names the file, the tensor (when given) and says
  // what is wrong in the given words.
  void expectRejected(const char* name, const std::string& bytes, const char* tensor, const char* words) {
    const QString message = openError(name, bytes);
    QVERIFY2(!message.isEmpty(), name);
    QVERIFY2(message.contains(QString::fromStdString(fileNamed(name).string())), qPrintable(message));
    if (tensor) QVERIFY2(message.contains(QStringLiteral("tensor ") + tensor), qPrintable(message));
    QVERIFY2(message.contains(QString::fromUtf8(words)), qPrintable(message));
  }

 private slots:
  void init() {
    scratch_ = makeScratchDir();
    QVERIFY(scratch_->isValid());
    folder_ = scratch_->path().toStdString();
  }

  void roundTripIsBitIdentical() {
    struct Case {
      TensorDescriptor descriptor;
      std::vector<std::byte> bytes;
    };
    std::vector<Case> cases;
    const std::vector<TensorDescriptor> descriptors{
        {"model.embed_tokens.weight", Dtype::BF16, {7, 5}},
        {"model.layers.0.mlp.up_proj.weight", Dtype::F16, {3, 3}},
        {"model.norm.weight", Dtype::F32, {5}},
        {"position_ids", Dtype::I64, {1, 3}},
        {"a.scalar", Dtype::F32, {}},
        {"an.empty.tensor", Dtype::BF16, {0, 4}},
        {"flags", Dtype::U8, {3}},
        {"名前.重み", Dtype::BF16, {1}},
    };
    std::uint32_t seed = 7;
    for (const TensorDescriptor& descriptor : descriptors) {
      cases.push_back({descriptor, patternBytes(tensorByteCount(descriptor), seed++)});
    }
    const fs::path file = fileNamed("round-trip.safetensors");
    {
      SafetensorsWriter writer(file, descriptors, {{"format", "pt"}, {"note", "ünïcödé \"quoted\"\n"}});
      // Any order: the reverse of the declaration.
      for (auto it = cases.rbegin(); it != cases.rend(); ++it) writer.write(it->descriptor.name, it->bytes);
      writer.finish();
      QCOMPARE(fs::file_size(file), writer.fileBytes());
    }
    SafetensorsFile read(file);
    QCOMPARE(read.tensors().size(), cases.size());
    QCOMPARE(read.metadata().at("format"), std::string("pt"));
    QCOMPARE(read.metadata().at("note"), std::string("ünïcödé \"quoted\"\n"));
    QCOMPARE(read.layout().dataStart % 8, std::uint64_t{0});
    for (const Case& expected : cases) {
      const TensorView view = read.tensor(expected.descriptor.name);
      QCOMPARE(view.dtype(), expected.descriptor.dtype);
      QCOMPARE(view.shape(), expected.descriptor.shape);
      QVERIFY2(sameBytes(view.bytes, expected.bytes), expected.descriptor.name.c_str());
      // Every tensor starts aligned to its element size (the reference layout's promise).
      const auto offsetInFile =
          static_cast<std::uint64_t>(view.bytes.data() -
                                     read.tensor(read.tensors().front().name).bytes.data()) +
          read.layout().dataStart + read.tensors().front().begin;
      QCOMPARE(offsetInFile % std::max(1u, dtypeBits(view.dtype()) / 8), std::uint64_t{0});
    }
  }

  // The reference writer's own test vectors: same tensors, same bytes.
  void writesExactlyWhatTheReferenceWrites() {
    const std::vector<float> values{0, 1, 2, 3, 4, 5};
    const fs::path first = fileNamed("reference-1.safetensors");
    writeSafetensors(first, {{{"attn.0", Dtype::F32, {1, 2, 3}}, asBytes(values)}});
    const std::string header1 = R"({"attn.0":{"dtype":"F32","shape":[1,2,3],"data_offsets":[0,24]}})";
    QCOMPARE(header1.size(), std::size_t{64});  // already a multiple of 8: no padding
    QCOMPARE(readFile(first),
             rawSafetensors(header1, 0) + std::string(reinterpret_cast<const char*>(values.data()), 24));

    const fs::path second = fileNamed("reference-2.safetensors");
    writeSafetensors(second, {{{"attn0", Dtype::F32, {1, 1, 2, 3}}, asBytes(values)}});
    const std::string header2 =
        R"({"attn0":{"dtype":"F32","shape":[1,1,2,3],"data_offsets":[0,24]}})" + std::string(7, ' ');
    QCOMPARE(header2.size(), std::size_t{72});
    QCOMPARE(readFile(second),
             rawSafetensors(header2, 0) + std::string(reinterpret_cast<const char*>(values.data()), 24));

    const fs::path empty = fileNamed("reference-empty.safetensors");
    writeSafetensors(empty, {});
    QCOMPARE(readFile(empty), rawSafetensors("{}      ", 0));
    writeSafetensors(empty, {}, {{"framework", "pt"}});
    QCOMPARE(readFile(empty),
             rawSafetensors(R"({"__metadata__":{"framework":"pt"}})" + std::string(5, ' '), 0));
    QCOMPARE(SafetensorsFile(empty).metadata().at("framework"), std::string("pt"));
  }

  void layoutSortsByAlignmentThenName() {
    const std::vector<TensorInfo> layout = planSafetensorsLayout({{"b", Dtype::BF16, {3}},
                                                                  {"a", Dtype::BF16, {1}},
                                                                  {"c", Dtype::F32, {1}},
                                                                  {"d", Dtype::I64, {1}},
                                                                  {"e", Dtype::U8, {1}}});
    QCOMPARE(layout.size(), std::size_t{5});
    QCOMPARE(layout[0].name, std::string("d"));
    QCOMPARE(layout[1].name, std::string("c"));
    QCOMPARE(layout[2].name, std::string("a"));
    QCOMPARE(layout[3].name, std::string("b"));
    QCOMPARE(layout[4].name, std::string("e"));
    QCOMPARE(layout[4].begin, std::uint64_t{8 + 4 + 2 + 6});
  }

  void tensorsCanArriveInParts() {
    const std::vector<std::byte> whole = patternBytes(4 * 6 * 2, 3);
    const fs::path file = fileNamed("parts.safetensors");
    SafetensorsWriter writer(file, {{"w", Dtype::BF16, {4, 6}}, {"v", Dtype::F32, {2}}});
    const std::vector<float> v{1.5f, -2.0f};
    writer.write("w", std::span(whole).first(10));
    writer.write("v", asBytes(v));
    writer.write("w", std::span(whole).subspan(10, 20));
    writer.write("w", std::span(whole).subspan(30));
    writer.finish();
    SafetensorsFile read(file);
    QVERIFY(sameBytes(read.tensor("w").bytes, whole));
    QCOMPARE(readAsFloat(read.tensor("v")), v);
  }

  void writerRefusesWhatWouldBreakTheFile() {
    const fs::path file = fileNamed("refused.safetensors");
    const std::string target = file.string();
    auto declared = [&](std::vector<TensorDescriptor> tensors) {
      return QString::fromStdString(errorOf([&] { SafetensorsWriter writer(file, tensors); }));
    };
    QVERIFY(
        declared({{"x", Dtype::F32, {1}}, {"x", Dtype::F32, {2}}}).contains("tensor x is declared twice"));
    QVERIFY(declared({{"", Dtype::F32, {1}}}).contains("empty name"));
    QVERIFY(declared({{"__metadata__", Dtype::F32, {1}}}).contains("reserved"));
    QVERIFY(declared({{"neg", Dtype::F32, {2, -1}}}).contains("tensor neg"));
    QVERIFY(declared({{"nibbles", Dtype::F4, {3}}}).contains("whole bytes"));
    QVERIFY(declared({{"bad\xff", Dtype::U8, {1}}}).contains("not valid UTF-8"));

    SafetensorsWriter writer(file, {{"x", Dtype::BF16, {2}}});
    const std::vector<std::byte> six = patternBytes(6, 1);
    QString message = QString::fromStdString(errorOf([&] { writer.write("x", six); }));
    QVERIFY2(message.contains(QString::fromStdString(target)) && message.contains("tensor x") &&
                 message.contains("would not fit"),
             qPrintable(message));
    message = QString::fromStdString(errorOf([&] { writer.write("y", six); }));
    QVERIFY2(message.contains("tensor y was not declared"), qPrintable(message));
    writer.write("x", std::span(six).first(2));
    message = QString::fromStdString(errorOf([&] { writer.finish(); }));
    QVERIFY2(message.contains("tensor x got 2 of its 4 bytes"), qPrintable(message));
    QVERIFY(!fs::exists(file));
  }

  void anUnfinishedFileLeavesTheTargetAsItWas() {
    const fs::path file = fileNamed("kept.safetensors");
    writeSafetensors(file, {{{"old", Dtype::U8, {1}}, patternBytes(1, 1)}});
    {
      SafetensorsWriter writer(file, {{"new", Dtype::U8, {4}}});
      writer.write("new", patternBytes(2, 2));
      // Abandoned: destroyed without finish().
    }
    QVERIFY(SafetensorsFile(file).contains("old"));
    for (const auto& entry : fs::directory_iterator(folder_)) {
      QVERIFY2(entry.path().filename().string().find(".tmp-") == std::string::npos,
               "temporary file left behind");
    }
  }

  void readsFloatsFromEachLoadableDtype() {
    const std::vector<float> values{1.0f, -0.5f, 65504.0f, 3.0e-8f};
    std::vector<std::uint16_t> bf16(values.size()), f16(values.size());
    tiertune::kernels::cpu::floatToBf16(values, bf16);
    tiertune::kernels::cpu::floatToF16(values, f16);
    const fs::path file = fileNamed("floats.safetensors");
    const std::vector<std::int64_t> ids{1, 2, 3, 4};
    writeSafetensors(file, {{{"as.bf16", Dtype::BF16, {4}}, asBytes(bf16)},
                            {{"as.f16", Dtype::F16, {2, 2}}, asBytes(f16)},
                            {{"as.f32", Dtype::F32, {4}}, asBytes(values)},
                            {{"token.ids", Dtype::I64, {4}}, asBytes(ids)}});
    SafetensorsFile read(file);
    QCOMPARE(readAsFloat(read.tensor("as.f32")), values);
    const std::vector<float> fromF16 = readAsFloat(read.tensor("as.f16"));
    for (std::size_t i = 0; i < values.size(); ++i) {
      QCOMPARE(fromF16[i], tiertune::kernels::cpu::f16ToFloat(f16[i]));
      QCOMPARE(readAsFloat(read.tensor("as.bf16"))[i], tiertune::kernels::cpu::bf16ToFloat(bf16[i]));
    }
    // The I64 tensor is listed and its bytes reachable, but not readable as weights.
    QVERIFY(read.contains("token.ids"));
    QVERIFY(sameBytes(read.tensor("token.ids").bytes, asBytes(ids)));
    const QString message =
        QString::fromStdString(errorOf([&] { (void)readAsFloat(read.tensor("token.ids")); }));
    QVERIFY2(message.contains(QString::fromStdString(file.string())) &&
                 message.contains("tensor token.ids") && message.contains("I64") &&
                 message.contains("64-bit integers"),
             qPrintable(message));
    std::vector<float> tooSmall(3);
    QVERIFY(!errorOf([&] { readAsFloat(read.tensor("as.f32"), tooSmall); }).empty());
    QVERIFY(QString::fromStdString(errorOf([&] {
              (void)read.tensor("absent");
            })).contains("no tensor named absent"));
  }

  void pageHintsLeaveTheDataReadable() {
    const std::vector<std::byte> big = patternBytes(3 * 4096 + 17, 9);
    const fs::path file = fileNamed("hints.safetensors");
    writeSafetensors(file, {{{"big", Dtype::U8, {static_cast<std::int64_t>(big.size())}}, big}});
    SafetensorsFile read(file);
    const TensorView view = read.tensor("big");
    read.prefetch(view);
    QVERIFY(sameBytes(view.bytes, big));
    read.release(view);
    QVERIFY(sameBytes(view.bytes, big));
  }

  void viewsSurviveMovingTheFile() {
    const fs::path file = fileNamed("moved.safetensors");
    writeSafetensors(file, {{{"t", Dtype::U8, {2}}, patternBytes(2, 4)}});
    SafetensorsFile first(file);
    const TensorView view = first.tensor("t");
    SafetensorsFile second(std::move(first));
    QCOMPARE(view.name(), std::string("t"));
    QCOMPARE(std::string(view.fileLabel), file.string());
    QVERIFY(sameBytes(view.bytes, patternBytes(2, 4)));
  }

  void acceptsWhatTheFormatAllows() {
    // Tensors listed out of offset order, an empty tensor, an explicit null __metadata__, unknown
    // extra keys in an entry, and a header padded with spaces.
    const std::string header =
        R"({"b":{"dtype":"U8","shape":[2],"data_offsets":[2,4]},)"
        R"("a":{"dtype":"F16","shape":[1],"data_offsets":[0,2],"extra":1},)"
        R"("z":{"dtype":"F32","shape":[0,3],"data_offsets":[4,4]},"__metadata__":null}   )";
    QCOMPARE(openError("allowed.safetensors", rawSafetensors(header, 4)), QString());
    SafetensorsFile read(fileNamed("allowed.safetensors"));
    QCOMPARE(read.tensors().front().name, std::string("a"));
    QCOMPARE(read.tensor("z").bytes.size(), std::size_t{0});
    QCOMPARE(read.tensor("b").elementCount(), std::uint64_t{2});
  }

  void rejectsEveryBrokenRule() {
    const std::string ok = R"("w":{"dtype":"BF16","shape":[2,2],"data_offsets":[0,8]})";
    expectRejected("short.safetensors", std::string("\x05\x00\x00", 3), nullptr, "too short");
    expectRejected("huge-header.safetensors",
                   rawSafetensors("", 0).replace(0, 8, std::string("\x01\xe1\xf5\x05\0\0\0\0", 8)), nullptr,
                   "100 MB");
    std::string pastEnd = rawSafetensors("{" + ok + "}", 8);
    pastEnd[0] = static_cast<char>(200);
    expectRejected("header-past-end.safetensors", pastEnd, nullptr, "truncated");
    expectRejected("not-utf8.safetensors", rawSafetensors("{\"w\xff\":{}}", 0), nullptr, "not valid UTF-8");
    expectRejected("overlong-utf8.safetensors", rawSafetensors("{\"\xc0\xaf\":{}}", 0), nullptr,
                   "not valid UTF-8");
    expectRejected("not-json.safetensors", rawSafetensors("{\"w\": {", 0), nullptr, "not valid JSON");
    expectRejected("not-object.safetensors", rawSafetensors("[1, 2]", 0), nullptr, "must be a JSON object");
    expectRejected("twice.safetensors", rawSafetensors("{" + ok + "," + ok + "}", 8), "w", "listed twice");
    expectRejected("deep.safetensors", rawSafetensors(std::string(40, '[') + std::string(40, ']'), 0),
                   nullptr, "nests deeper");
    expectRejected("metadata-number.safetensors",
                   rawSafetensors(R"({"__metadata__":{"epoch":3},)" + ok + "}", 8), nullptr,
                   "\"epoch\" must be a text");
    expectRejected("entry-not-object.safetensors", rawSafetensors(R"({"w":[1]})", 0), "w",
                   "must be an object");
    expectRejected("empty-name.safetensors",
                   rawSafetensors(R"({"":{"dtype":"U8","shape":[0],"data_offsets":[0,0]}})", 0), nullptr,
                   "empty name");
    expectRejected("no-dtype.safetensors", rawSafetensors(R"({"w":{"shape":[1],"data_offsets":[0,1]}})", 1),
                   "w", "no \"dtype\"");
    expectRejected("no-shape.safetensors", rawSafetensors(R"({"w":{"dtype":"U8","data_offsets":[0,1]}})", 1),
                   "w", "no \"shape\"");
    expectRejected("no-offsets.safetensors", rawSafetensors(R"({"w":{"dtype":"U8","shape":[1]}})", 1), "w",
                   "no \"data_offsets\"");
    expectRejected("unknown-dtype.safetensors",
                   rawSafetensors(R"({"w":{"dtype":"Q4_K","shape":[1],"data_offsets":[0,1]}})", 1), "w",
                   "unknown dtype \"Q4_K\"");
    expectRejected("dtype-number.safetensors",
                   rawSafetensors(R"({"w":{"dtype":7,"shape":[1],"data_offsets":[0,1]}})", 1), "w",
                   "\"dtype\" must be a text");
    expectRejected("negative-shape.safetensors",
                   rawSafetensors(R"({"w":{"dtype":"U8","shape":[-1],"data_offsets":[0,1]}})", 1), "w",
                   "non-negative whole numbers");
    expectRejected("fractional-shape.safetensors",
                   rawSafetensors(R"({"w":{"dtype":"U8","shape":[1.5],"data_offsets":[0,1]}})", 1), "w",
                   "non-negative whole numbers");
    expectRejected("one-offset.safetensors",
                   rawSafetensors(R"({"w":{"dtype":"U8","shape":[1],"data_offsets":[1]}})", 1), "w",
                   "two non-negative whole numbers");
    expectRejected("backwards.safetensors",
                   rawSafetensors(R"({"w":{"dtype":"U8","shape":[0],"data_offsets":[4,0]}})", 4), "w",
                   "before it begins");
    expectRejected("size-mismatch.safetensors",
                   rawSafetensors(R"({"w":{"dtype":"BF16","shape":[2,3],"data_offsets":[0,8]}})", 8), "w",
                   "which make 12 bytes, but its data_offsets [0, 8] span 8 bytes");
    expectRejected(
        "overflow.safetensors",
        rawSafetensors(R"({"w":{"dtype":"F32","shape":[4294967296,4294967296],"data_offsets":[0,8]}})", 8),
        "w", "more elements than any computer can hold");
    expectRejected("half-byte.safetensors",
                   rawSafetensors(R"({"w":{"dtype":"F4","shape":[3],"data_offsets":[0,1]}})", 1), "w",
                   "whole bytes");
    expectRejected("hole-at-start.safetensors",
                   rawSafetensors(R"({"w":{"dtype":"U8","shape":[2],"data_offsets":[2,4]}})", 4), "w",
                   "the first tensor must start at byte 0");
    expectRejected("hole.safetensors",
                   rawSafetensors(R"({"a":{"dtype":"U8","shape":[2],"data_offsets":[0,2]},)"
                                  R"("b":{"dtype":"U8","shape":[2],"data_offsets":[3,5]}})",
                                  5),
                   "b", "hole of 1 bytes");
    expectRejected("overlap.safetensors",
                   rawSafetensors(R"({"a":{"dtype":"U8","shape":[4],"data_offsets":[0,4]},)"
                                  R"("b":{"dtype":"U8","shape":[2],"data_offsets":[2,4]}})",
                                  4),
                   "b", "overlaps tensor a");
    expectRejected(
        "truncated.safetensors",
        rawSafetensors(R"({"model.layers.3.mlp.up_proj.weight":{"dtype":"BF16","shape":[4,4],)"
                       R"("data_offsets":[0,32]}})",
                       20),
        "model.layers.3.mlp.up_proj.weight",
        "ends at byte 32 of the data, but the file's data is only 20 bytes: the file is truncated");
    expectRejected("trailing.safetensors", rawSafetensors("{" + ok + "}", 12), nullptr,
                   "4 bytes after the end");
    expectRejected("nothing-but-bytes.safetensors", rawSafetensors("{}", 3), nullptr, "lists no tensor");
    expectRejected("missing.safetensors", "", nullptr, "too short");
  }

  // A header with 400k entries (a 100 MB header can hold 1.6 M) parses in time linear in its size.
  // nlohmann's callback parser rescanned the parent object after each entry: 100k entries took
  // 247 s, so 400k would take about an hour, far past this test's timeout; linear parsing takes a
  // second or two. Duplicates are still found at any position.
  void hugeHeadersParseInLinearTime() {
    constexpr std::size_t kEntries = 400000;
    std::string header = "{";
    for (std::size_t i = 0; i < kEntries; ++i) {
      header += (i ? ",\"t" : "\"t") + std::to_string(i) + "\":{\"dtype\":\"U8\",\"shape\":[1],\"data_offsets\":[" +
                std::to_string(i) + "," + std::to_string(i + 1) + "]}";
    }
    const fs::path file = fileNamed("wide.safetensors");
    writeFile(file, rawSafetensors(header + "}", kEntries));
    {
      SafetensorsFile opened(file);
      QCOMPARE(opened.tensors().size(), kEntries);
      QCOMPARE(opened.tensors().back().name, std::string("t399999"));
    }
    header += ",\"t123456\":{\"dtype\":\"U8\",\"shape\":[0],\"data_offsets\":[0,0]}}";
    expectRejected("wide-twice.safetensors", rawSafetensors(header, kEntries), "t123456", "listed twice");
  }

  void aMissingFileIsNamed() {
    const fs::path file = fileNamed("absent.safetensors");
    const QString message = QString::fromStdString(errorOf([&] { SafetensorsFile opened(file); }));
    QVERIFY2(message.contains(QString::fromStdString(file.string())) && message.contains("cannot open"),
             qPrintable(message));
  }

  // Random damage to a valid file: the parser either accepts the result or throws tiertune::Error;
  // it never crashes, hangs or throws anything else. (In memory: the parser is what the reader runs.)
  void survivesRandomDamage() {
    const fs::path original = fileNamed("original.safetensors");
    writeSafetensors(original,
                     {{{"a.weight", Dtype::BF16, {3, 5}}, patternBytes(30, 1)},
                      {{"b.bias", Dtype::F32, {2}}, patternBytes(8, 2)}},
                     {{"format", "pt"}});
    const std::string bytes = readFile(original);
    std::mt19937 random(99);
    int accepted = 0;
    for (int round = 0; round < 20000; ++round) {
      std::string copy = bytes;
      const int edits = 1 + static_cast<int>(random() % 4);
      for (int e = 0; e < edits; ++e) {
        const std::size_t at = random() % copy.size();
        switch (random() % 3) {
          case 0:
            copy[at] = static_cast<char>(random());
            break;
          case 1:
            copy.erase(at, 1 + random() % 3);
            break;
          default:
            copy.insert(at, 1, "{}[],:\"0 9e-"[random() % 12]);
            break;
        }
        if (copy.empty()) copy = "x";
      }
      try {
        const SafetensorsLayout layout =
            parseSafetensorsLayout(std::as_bytes(std::span(copy.data(), copy.size())), "damaged.safetensors");
        ++accepted;
        QVERIFY(layout.dataStart + layout.dataBytes == copy.size());
      } catch (const Error&) {
      }
    }
    QVERIFY(accepted < 20000);
  }
};

QTEST_GUILESS_MAIN(TestSafetensors)
#include "tst_safetensors.moc"
