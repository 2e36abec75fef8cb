// What a model not yet downloaded would do on a machine (core/train/candidate_fit.h), on machines
// described here rather than this one, so that the verdicts do not depend on where the test runs:
// a small model's LoRA fits on a 24 GB GPU; a full fine-tune of an 8B model (16 bytes a parameter
// of weights, gradients and moments: 128 GB) overflows GPU and RAM onto the SSD, and without an
// SSD budget does not fit and says what would help; without a GPU the CPU trains in RAM.
#include <QTest>

#include "core/formats/model_config.h"
#include "core/train/candidate_fit.h"

using namespace tiertune;
using namespace tiertune::train;

namespace {

const char* const kQwenHalfB =
    R"({"architectures":["Qwen2ForCausalLM"],"model_type":"qwen2","hidden_size":896,"num_hidden_layers":24,
        "num_attention_heads":14,"num_key_value_heads":2,"intermediate_size":4864,"vocab_size":151936,
        "max_position_embeddings":32768,"rms_norm_eps":1e-6,"rope_theta":1000000.0,"tie_word_embeddings":true,
        "torch_dtype":"bfloat16"})";
const char* const kLlama8B =
    R"({"architectures":["LlamaForCausalLM"],"model_type":"llama","hidden_size":4096,"num_hidden_layers":32,
        "num_attention_heads":32,"num_key_value_heads":8,"intermediate_size":14336,"vocab_size":128256,
        "max_position_embeddings":131072,"rms_norm_eps":1e-5,"rope_theta":500000.0,"tie_word_embeddings":false,
        "torch_dtype":"bfloat16"})";

ThisMachine workstation(std::uint64_t diskBytes) {
  ThisMachine machine;
  tiers::MachineBudget& budget = machine.machine.budget;
  budget.hasGpu = true;
  budget.deviceBytes = 22ull << 30;  // a 24 GB card less its reserve
  budget.hostBytes = 48ull << 30;
  budget.diskBytes = diskBytes;
  budget.hostToDeviceBytesPerSecond = 25e9;
  budget.diskReadBytesPerSecond = 3e9;
  budget.diskWriteBytesPerSecond = 2e9;
  budget.computeFlopsPerSecond = 150e12;
  machine.offloadFolder = "/offload";
  return machine;
}

ThisMachine laptopWithoutGpu() {
  ThisMachine machine;
  tiers::MachineBudget& budget = machine.machine.budget;
  budget.hasGpu = false;
  budget.deviceBytes = 12ull << 30;  // the CPU backend's arena in RAM
  budget.hostBytes = 4ull << 30;
  budget.diskBytes = 200ull << 30;
  budget.hostToDeviceBytesPerSecond = 10e9;
  budget.diskReadBytesPerSecond = 1e9;
  budget.diskWriteBytesPerSecond = 1e9;
  budget.computeFlopsPerSecond = 0.5e12;
  machine.offloadFolder = "/offload";
  return machine;
}

}  // namespace

class CandidateFitTest : public QObject {
  Q_OBJECT

 private slots:
  void verdictsFollowTheMachine() {
    const formats::ModelConfig small = formats::parseModelConfig(kQwenHalfB);
    const formats::ModelConfig large = formats::parseModelConfig(kLlama8B);
    const ThisMachine gpu = workstation(1ull << 40);

    const CandidateFit smallLora = fitOfCandidate(small, GoalPreset::QuickLora, gpu);
    QCOMPARE(smallLora.verdict, FitVerdict::OnGpu);
    QVERIFY(smallLora.secondsPer1000Examples > 0);

    const CandidateFit largeFull = fitOfCandidate(large, GoalPreset::FullFineTune, gpu);
    QCOMPARE(largeFull.verdict, FitVerdict::NeedsSsd);
    const CandidateFit largeLora = fitOfCandidate(large, GoalPreset::QuickLora, gpu);
    QVERIFY(largeLora.verdict == FitVerdict::OnGpu || largeLora.verdict == FitVerdict::StreamsFromRam);
    // More parameters, more time; updating all of them takes longer than an adapter.
    QVERIFY(largeLora.secondsPer1000Examples > smallLora.secondsPer1000Examples);
    QVERIFY(largeFull.secondsPer1000Examples > largeLora.secondsPer1000Examples);

    const CandidateFit noRoom = fitOfCandidate(large, GoalPreset::FullFineTune, workstation(0));
    QCOMPARE(noRoom.verdict, FitVerdict::DoesNotFit);
    QCOMPARE(noRoom.secondsPer1000Examples, 0.0);
    // No offload disk for the full state: the planner's first fix is LoRA, with LoRA's own bytes.
    QVERIFY(noRoom.fix.has_value());
    QCOMPARE(noRoom.fix->kind, tiers::FixKind::UseLora);
    QVERIFY(noRoom.fix->bytes > 0 && noRoom.fix->bytes < (22ull << 30) + (48ull << 30));

    const CandidateFit cpu = fitOfCandidate(small, GoalPreset::QuickLora, laptopWithoutGpu());
    qInfo("per 1,000 examples: 0.5B LoRA %.0f s, 8B LoRA %.0f s, 8B full %.0f s, 0.5B LoRA on the CPU %.0f s",
          smallLora.secondsPer1000Examples, largeLora.secondsPer1000Examples, largeFull.secondsPer1000Examples,
          cpu.secondsPer1000Examples);
    QCOMPARE(cpu.verdict, FitVerdict::InRam);
    QVERIFY(cpu.secondsPer1000Examples > smallLora.secondsPer1000Examples);  // 0.5 TFLOP/s against 150
  }
};

QTEST_GUILESS_MAIN(CandidateFitTest)
#include "tst_candidate_fit.moc"
