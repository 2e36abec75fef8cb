// run.json: defaults, every field read, and errors that name the field; the learning-rate schedule
// at its landmarks (transformers' warmup, cosine and linear schedules).
#include <QTest>
#include <nlohmann/json.hpp>
#include <cmath>
#include <numbers>

#include "core/train/lr_schedule.h"
#include "core/train/run_config.h"
#include "core/util/error.h"

using namespace tiertune;
using namespace tiertune::train;

namespace {

std::string errorOf(const std::string& json) {
  try {
    parseRunConfig(json, "/base");
  } catch (const Error& error) {
    return error.what();
  }
  return {};
}

}  // namespace

class RunConfigTest : public QObject {
  Q_OBJECT

 private slots:
  void defaults() {
    const RunConfig config = parseRunConfig(R"({"model":"m","train_data":"t.jsonl","output":"out"})", "/base");
    QCOMPARE(config.modelFolder.string(), std::string("/base/m"));
    QCOMPARE(config.outputFolder.string(), std::string("/base/out"));
    QVERIFY(config.lora);
    QCOMPARE(config.loraConfig.rank, 16);
    QCOMPARE(config.loraConfig.alpha, 32.0);
    QCOMPARE(config.loraConfig.targets.size(), std::size_t(7));
    QCOMPARE(config.adamw.learningRate, 2e-4);
    QCOMPARE(config.maxGradNorm, 1.0);
    QVERIFY(config.schedule == LrSchedule::Cosine);
    QVERIFY(config.activationCheckpointing);
    QCOMPARE(config.evalSamples, 3);
    QCOMPARE(config.evalSampleTokens, 48);
    QVERIFY(config.backend == hardware::BackendRequest::Auto);  // the GPU when a usable one is found
    QVERIFY(!config.device);
  }

  // Where the run trains: "backend" and "device", kept through the catalog's copy.
  void theBackendAndDeviceAreReadAndKept() {
    const std::string base = R"("model":"/m","train_data":"/t","output":"/o")";
    const RunConfig onGpu = parseRunConfig("{" + base + R"(,"backend":"cuda","device":1})", "/");
    QVERIFY(onGpu.backend == hardware::BackendRequest::Cuda);
    QCOMPARE(onGpu.device, std::optional<int>(1));
    const RunConfig again = parseRunConfig(toJson(onGpu), "/");
    QVERIFY(again.backend == hardware::BackendRequest::Cuda);
    QCOMPARE(again.device, std::optional<int>(1));
    QVERIFY(parseRunConfig("{" + base + R"(,"backend":"cpu"})", "/").backend == hardware::BackendRequest::Cpu);
    QVERIFY(errorOf("{" + base + R"(,"backend":"gpu"})").find("\"backend\" must be \"auto\"") != std::string::npos);
    QVERIFY(errorOf("{" + base + R"(,"device":-1})").find("\"device\" must be a whole number from 0 to 63") !=
            std::string::npos);
    QVERIFY(errorOf("{" + base + R"(,"device":"0"})").find("\"device\"") != std::string::npos);
  }

  void roundTripsThroughJson() {
    const RunConfig config = parseRunConfig(
        R"({"model":"/m","train_data":"/t","output":"/o","method":"full","lr_schedule":"linear","max_steps":9,
            "lora_targets":["q_proj","v_proj"],"warmup_ratio":0.1,"threads":2,"seed":7,
            "eval_samples":0,"eval_sample_tokens":512})",
        "/");
    const RunConfig again = parseRunConfig(toJson(config), "/");
    QCOMPARE(toJson(again), toJson(config));
    QVERIFY(!again.lora);
    QCOMPARE(*again.maxSteps, 9);
    QCOMPARE(again.loraConfig.targets.size(), std::size_t(2));
    QCOMPARE(again.evalSamples, 0);
    QCOMPARE(again.evalSampleTokens, 512);
  }

  // QLoRA: "method": "qlora" (or "lora" with "base_bits": 4) keeps LoRA's settings and a 4-bit base,
  // written back as "qlora" with its bits; the catalog's method says so too.
  void qloraIsLoraOverAFourBitBase() {
    const std::string base = R"("model":"m","train_data":"t","output":"o")";
    const RunConfig qlora = parseRunConfig("{" + base + R"(,"method":"qlora","lora_rank":8})", "/");
    QVERIFY(qlora.lora);
    QVERIFY(qlora.fourBitBase);
    QCOMPARE(qlora.loraConfig.rank, 8);
    QCOMPARE(std::string(methodKey(qlora)), std::string("qlora"));
    const RunConfig again = parseRunConfig(toJson(qlora), "/");
    QVERIFY(again.fourBitBase);
    QCOMPARE(toJson(again), toJson(qlora));
    QCOMPARE(nlohmann::json::parse(toJson(again)).at("base_bits").get<int>(), 4);
    QCOMPARE(nlohmann::json::parse(toJson(again)).at("method").get<std::string>(), std::string("qlora"));
    QVERIFY(parseRunConfig("{" + base + R"(,"base_bits":4})", "/").fourBitBase);
    const RunConfig lora = parseRunConfig("{" + base + "}", "/");
    QVERIFY(!lora.fourBitBase);
    QCOMPARE(std::string(methodKey(lora)), std::string("lora"));
    QVERIFY(toJson(lora).find("base_bits") == std::string::npos);
  }

  void errorsNameTheField() {
    const std::string base = R"("model":"m","train_data":"t","output":"o")";
    QVERIFY(errorOf("{" + base + R"(,"learnig_rate":1})").find("unknown field \"learnig_rate\"") != std::string::npos);
    QVERIFY(errorOf("{" + base + R"(,"method":"dora"})").find("\"method\" must be \"lora\", \"qlora\" or \"full\"") !=
            std::string::npos);
    QVERIFY(errorOf("{" + base + R"(,"method":"full","base_bits":4})").find("\"base_bits\" of 4 is for LoRA") !=
            std::string::npos);
    QVERIFY(errorOf("{" + base + R"(,"base_bits":8})").find("\"base_bits\" must be 16") != std::string::npos);
    QVERIFY(errorOf("{" + base + R"(,"method":"qlora","base_bits":16})").find("\"base_bits\" must be 4") !=
            std::string::npos);
    QVERIFY(errorOf("{" + base + R"(,"lora_dropout":1})").find("\"lora_dropout\" must be a number") != std::string::npos);
    QVERIFY(errorOf("{" + base + R"(,"micro_batch":0})").find("\"micro_batch\" must be a whole number") !=
            std::string::npos);
    QVERIFY(errorOf("{" + base + R"(,"lora_targets":["q_proj","attn"]})").find("\"attn\" is not a layer") !=
            std::string::npos);
    QVERIFY(errorOf("{" + base + R"(,"eval_samples":-1})").find("\"eval_samples\" must be a whole number from 0 to 16") !=
            std::string::npos);
    QVERIFY(errorOf("{" + base + R"(,"eval_sample_tokens":0})")
                .find("\"eval_sample_tokens\" must be a whole number from 1 to 512") != std::string::npos);
    QVERIFY(errorOf("{" + base + R"(,"eval_sample_tokens":513})").find("\"eval_sample_tokens\"") != std::string::npos);
    QVERIFY(errorOf("{" + base + R"(,"eval_samples":"3"})").find("\"eval_samples\" must be a whole number") !=
            std::string::npos);
    QVERIFY(errorOf(R"({"model":"m","output":"o"})").find("\"train_data\" must name") != std::string::npos);
    QVERIFY(errorOf("[1]").find("must hold a JSON object") != std::string::npos);
    // A field given twice would silently keep the last value.
    QVERIFY2(errorOf("{" + base + R"(,"learning_rate":0.1,"learning_rate":0.001})")
                     .find("run.json: the field \"learning_rate\" is given twice") != std::string::npos,
             errorOf("{" + base + R"(,"learning_rate":0.1,"learning_rate":0.001})").c_str());
  }

  // `plan` needs only the model; every other field is read and checked as for training.
  void planNeedsOnlyTheModel() {
    const RunConfig config = parseRunConfig(
        R"({"model":"m","method":"full","micro_batch":4,"device_budget_gb":2.5,"offload_folder":"ssd"})", "/base",
        "run.json", RunConfigUse::Plan);
    QCOMPARE(config.modelFolder.string(), std::string("/base/m"));
    QVERIFY(!config.lora);
    QCOMPARE(config.microBatch, 4);
    QCOMPARE(config.sequenceLength, 2048);
    QCOMPARE(*config.budgets.deviceBytes, 2'500'000'000ull);
    QVERIFY(!config.budgets.hostBytes);
    QCOMPARE(config.offloadFolder->string(), std::string("/base/ssd"));
    auto planError = [](const std::string& json) {
      try {
        parseRunConfig(json, "/base", "run.json", RunConfigUse::Plan);
      } catch (const Error& error) {
        return std::string(error.what());
      }
      return std::string();
    };
    QVERIFY(planError(R"({"method":"lora"})").find("\"model\" must name the model folder") != std::string::npos);
    QVERIFY(planError(R"({"model":"m","micro_batch":0})").find("\"micro_batch\"") != std::string::npos);
    QVERIFY(planError(R"({"model":"m","lora_rnak":8})").find("unknown field \"lora_rnak\"") != std::string::npos);
    QVERIFY(errorOf(R"({"model":"m","output":"o"})").find("\"train_data\" must name") != std::string::npos);
  }

  void scheduleLandmarks() {
    const ScheduleSpec cosine{1e-3, LrSchedule::Cosine, 10, 110, 0.0};
    QCOMPARE(learningRateAt(cosine, 0), 0.0);
    QCOMPARE(learningRateAt(cosine, 5), 5e-4);
    QCOMPARE(learningRateAt(cosine, 10), 1e-3);
    QVERIFY(std::abs(learningRateAt(cosine, 60) - 5e-4) < 1e-15);
    QVERIFY(std::abs(learningRateAt(cosine, 110)) < 1e-18);
    const ScheduleSpec floor{1e-3, LrSchedule::Cosine, 0, 100, 0.1};
    QVERIFY(std::abs(learningRateAt(floor, 100) - 1e-4) < 1e-15);
    const ScheduleSpec linear{1e-3, LrSchedule::Linear, 0, 100, 0.0};
    QVERIFY(std::abs(learningRateAt(linear, 25) - 7.5e-4) < 1e-15);
    const ScheduleSpec constant{1e-3, LrSchedule::Constant, 4, 100, 0.0};
    QCOMPARE(learningRateAt(constant, 2), 5e-4);
    QCOMPARE(learningRateAt(constant, 99), 1e-3);
  }
};

QTEST_GUILESS_MAIN(RunConfigTest)
#include "tst_run_config.moc"
