#include "core/train/run_config.h"

#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <vector>

#include "core/util/error.h"
#include "core/util/json_text.h"
#include "core/util/read_file.h"

namespace tiertune::train {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

// Fields of run.json: the training ones and those only the planner reads.
const std::set<std::string, std::less<>> kKnownFields = {
    "model", "dataset", "train_data", "validation_data", "validation_ratio", "output", "method", "base_bits", "lora_rank", "lora_alpha",
    "lora_dropout", "lora_targets", "sequence_length", "micro_batch", "gradient_accumulation", "epochs",
    "max_steps", "learning_rate", "weight_decay", "adam_beta1", "adam_beta2", "adam_epsilon", "lr_schedule",
    "warmup_steps", "warmup_ratio", "min_lr_ratio", "max_grad_norm", "eval_every", "eval_samples", "eval_sample_tokens", "checkpoint_every",
    "keep_checkpoints", "seed", "threads", "activation_checkpointing", "device_budget_gb", "host_budget_gb",
    "disk_budget_gb", "offload_folder", "backend", "device"};

class Fields {
 public:
  Fields(const json& object, std::string label) : object_(object), label_(std::move(label)) {}

  [[noreturn]] void fail(const std::string& field, const std::string& what) const {
    throw Error(label_ + ": \"" + field + "\" " + what);
  }
  const json* find(const std::string& field) const {
    const auto found = object_.find(field);
    return found == object_.end() || found->is_null() ? nullptr : &*found;
  }
  std::int64_t integer(const std::string& field, std::int64_t fallback, std::int64_t minimum,
                       std::int64_t maximum) const {
    const json* value = find(field);
    if (value == nullptr) return fallback;
    // An unsigned number past the int64 range (2^63 and up) would read as negative: out of range too.
    const bool tooLarge = value->is_number_unsigned() && value->get<std::uint64_t>() > static_cast<std::uint64_t>(maximum);
    if (!value->is_number_integer() || tooLarge || value->get<std::int64_t>() < minimum ||
        value->get<std::int64_t>() > maximum) {
      fail(field, "must be a whole number from " + std::to_string(minimum) + " to " + std::to_string(maximum) + ".");
    }
    return value->get<std::int64_t>();
  }
  double number(const std::string& field, double fallback, double minimum, double maximum, bool maximumIncluded) const {
    const json* value = find(field);
    if (value == nullptr) return fallback;
    const double x = value->is_number() ? value->get<double>() : NAN;
    if (!(x >= minimum && (maximumIncluded ? x <= maximum : x < maximum))) {
      std::ostringstream range;
      range << "must be a number from " << minimum << (maximumIncluded ? " to " : " up to (not including) ")
            << maximum << ".";
      fail(field, range.str());
    }
    return x;
  }
  std::string text(const std::string& field, const std::string& fallback) const {
    const json* value = find(field);
    if (value == nullptr) return fallback;
    if (!value->is_string()) fail(field, "must be text.");
    return value->get<std::string>();
  }
  bool boolean(const std::string& field, bool fallback) const {
    const json* value = find(field);
    if (value == nullptr) return fallback;
    if (!value->is_boolean()) fail(field, "must be true or false.");
    return value->get<bool>();
  }

 private:
  const json& object_;
  std::string label_;
};

fs::path resolve(const std::string& path, const fs::path& base) {
  fs::path result(path);
  return result.is_relative() ? (base / result).lexically_normal() : result;
}

std::string scheduleName(LrSchedule schedule) {
  switch (schedule) {
    case LrSchedule::Constant: return "constant";
    case LrSchedule::Linear: return "linear";
    case LrSchedule::Cosine: return "cosine";
  }
  return "cosine";
}

}  // namespace

RunConfig parseRunConfig(const std::string& jsonText, const fs::path& baseFolder, const std::string& fileLabel,
                         RunConfigUse use) {
  json object;
  // nlohmann keeps the last of two equal keys without a word; a second "learning_rate" would silently
  // win over the first, so equal keys in one object are an error.
  std::string duplicate;
  const JsonDuplicateKey noticeDuplicates = [&](std::size_t, const std::string& key) {
    if (duplicate.empty()) duplicate = key;
  };
  try {
    object = parseJsonText(jsonText, fileLabel, kMaxJsonDepth, noticeDuplicates);
  } catch (const json::parse_error& error) {
    throw Error(fileLabel + " is not valid JSON (at byte " + std::to_string(error.byte) + ").");
  } catch (const json::exception& error) {
    throw Error(fileLabel + " is not usable JSON (" + error.what() + ").");
  }
  if (!object.is_object()) throw Error(fileLabel + " must hold a JSON object.");
  if (!duplicate.empty()) {
    throw Error(fileLabel + ": the field \"" + duplicate + "\" is given twice; keep only the one you mean.");
  }
  for (const auto& item : object.items()) {
    if (!kKnownFields.contains(item.key())) {
      throw Error(fileLabel + ": unknown field \"" + item.key() + "\" (README: \"The run configuration\" lists them).");
    }
  }
  const Fields fields(object, fileLabel);
  RunConfig config;
  auto requiredPath = [&](const std::string& field, const std::string& what) {
    const std::string value = fields.text(field, "");
    if (value.empty()) fields.fail(field, "must name " + what + ".");
    return resolve(value, baseFolder);
  };
  config.modelFolder = requiredPath("model", "the model folder");
  const bool training = use == RunConfigUse::Train;
  auto optionalPath = [&](const std::string& field, const std::string& what) {
    return training || !fields.text(field, "").empty() ? requiredPath(field, what) : fs::path();
  };
  config.dataset = fields.text("dataset", "");
  if (config.dataset.empty()) {
    config.trainData = optionalPath("train_data", "the training data (or give \"dataset\" instead)");
  } else if (!fields.text("train_data", "").empty()) {
    fields.fail("train_data", "cannot be used together with \"dataset\".");
  }
  config.outputFolder = optionalPath("output", "the folder for checkpoints");
  if (const std::string validation = fields.text("validation_data", ""); !validation.empty()) {
    config.validationData = resolve(validation, baseFolder);
  }
  config.validationRatio = fields.number("validation_ratio", 0.0, 0.0, 0.5, true);
  if (config.validationData && config.validationRatio > 0) {
    fields.fail("validation_ratio", "cannot be used together with \"validation_data\".");
  }

  const std::string method = fields.text("method", "lora");
  if (method != "lora" && method != "qlora" && method != "full") {
    fields.fail("method", "must be \"lora\", \"qlora\" or \"full\".");
  }
  config.lora = method != "full";
  const std::int64_t baseBits = fields.integer("base_bits", method == "qlora" ? 4 : 16, 4, 16);
  if (baseBits != 4 && baseBits != 16) fields.fail("base_bits", "must be 16 (the base as it ships) or 4 (NF4).");
  if (method == "full" && baseBits == 4) {
    fields.fail("base_bits", "of 4 is for LoRA: full fine-tuning trains every weight, which cannot stay in 4 bits.");
  }
  if (method == "qlora" && baseBits != 4) fields.fail("base_bits", "must be 4 with \"qlora\".");
  config.fourBitBase = baseBits == 4;
  config.loraConfig.rank = fields.integer("lora_rank", 16, 1, 4096);
  config.loraConfig.alpha = fields.number("lora_alpha", 2.0 * static_cast<double>(config.loraConfig.rank), 1e-6,
                                          1e6, true);
  config.loraConfig.dropout = fields.number("lora_dropout", 0.05, 0.0, 1.0, false);
  if (const json* targets = fields.find("lora_targets")) {
    if (!targets->is_array() || targets->empty()) fields.fail("lora_targets", "must be a list such as [\"q_proj\", \"v_proj\"].");
    config.loraConfig.targets.clear();
    for (const json& target : *targets) {
      if (!target.is_string()) fields.fail("lora_targets", "must list layer names as text.");
      try {
        config.loraConfig.targets.push_back(model::parseModuleShortName(target.get<std::string>()));
      } catch (const Error& error) {
        fields.fail("lora_targets", std::string(": ") + error.what());
      }
    }
  }

  config.sequenceLength = fields.integer("sequence_length", 2048, 2, 1 << 20);
  config.microBatch = fields.integer("micro_batch", 1, 1, 4096);
  config.gradientAccumulation = fields.integer("gradient_accumulation", 1, 1, 1 << 16);
  config.epochs = fields.integer("epochs", 1, 1, 10000);
  if (fields.find("max_steps")) config.maxSteps = fields.integer("max_steps", 1, 1, std::int64_t{1} << 40);

  config.adamw.learningRate = fields.number("learning_rate", 2e-4, 0.0, 1.0, true);
  config.adamw.weightDecay = fields.number("weight_decay", 0.0, 0.0, 1.0, true);
  config.adamw.beta1 = fields.number("adam_beta1", 0.9, 0.0, 1.0, false);
  config.adamw.beta2 = fields.number("adam_beta2", 0.999, 0.0, 1.0, false);
  config.adamw.epsilon = fields.number("adam_epsilon", 1e-8, 0.0, 1.0, true);
  const std::string schedule = fields.text("lr_schedule", "cosine");
  if (schedule == "cosine") {
    config.schedule = LrSchedule::Cosine;
  } else if (schedule == "linear") {
    config.schedule = LrSchedule::Linear;
  } else if (schedule == "constant") {
    config.schedule = LrSchedule::Constant;
  } else {
    fields.fail("lr_schedule", "must be \"cosine\", \"linear\" or \"constant\".");
  }
  config.warmupSteps = fields.integer("warmup_steps", 0, 0, std::int64_t{1} << 40);
  config.warmupRatio = fields.number("warmup_ratio", 0.0, 0.0, 1.0, false);
  config.minLrRatio = fields.number("min_lr_ratio", 0.0, 0.0, 1.0, true);
  config.maxGradNorm = fields.number("max_grad_norm", 1.0, 0.0, 1e9, true);

  config.evalEvery = fields.integer("eval_every", 0, 0, std::int64_t{1} << 40);
  config.evalSamples = fields.integer("eval_samples", 3, 0, 16);
  config.evalSampleTokens = fields.integer("eval_sample_tokens", 48, 1, 512);
  config.checkpointEvery = fields.integer("checkpoint_every", 0, 0, std::int64_t{1} << 40);
  config.keepCheckpoints = fields.integer("keep_checkpoints", 3, 0, 1000000);
  config.seed = static_cast<std::uint64_t>(fields.integer("seed", 42, 0, INT64_MAX));
  config.threads = static_cast<int>(fields.integer("threads", 0, 0, 4096));
  config.activationCheckpointing = fields.boolean("activation_checkpointing", true);
  auto budget = [&](const char* field) -> std::optional<std::uint64_t> {
    if (!fields.find(field)) return std::nullopt;
    return static_cast<std::uint64_t>(fields.number(field, 0.0, 0.0, 1e6, true) * 1e9);
  };
  const std::string backend = fields.text("backend", "auto");
  const auto request = hardware::parseBackendRequest(backend);
  if (!request) fields.fail("backend", "must be \"auto\" (the GPU when there is one), \"cuda\" or \"cpu\".");
  config.backend = *request;
  if (fields.find("device")) config.device = static_cast<int>(fields.integer("device", 0, 0, 63));
  config.budgets.deviceBytes = budget("device_budget_gb");
  config.budgets.hostBytes = budget("host_budget_gb");
  config.budgets.diskBytes = budget("disk_budget_gb");
  if (fields.find("offload_folder")) config.offloadFolder = requiredPath("offload_folder", "a folder on an SSD");
  return config;
}

RunConfig loadRunConfig(const fs::path& file, RunConfigUse use) {
  return parseRunConfig(readWholeFile(file, kConfigFileLimit), fs::absolute(file).parent_path(), file.string(), use);
}

std::string toJson(const RunConfig& config) {
  json object = json::object();
  object["model"] = config.modelFolder.string();
  object["train_data"] = config.trainData.string();  // a dataset is stored resolved to its token folder
  if (config.validationData) object["validation_data"] = config.validationData->string();
  object["validation_ratio"] = config.validationRatio;
  object["output"] = config.outputFolder.string();
  object["method"] = methodKey(config);
  if (config.fourBitBase) object["base_bits"] = 4;
  object["lora_rank"] = config.loraConfig.rank;
  object["lora_alpha"] = config.loraConfig.alpha;
  object["lora_dropout"] = config.loraConfig.dropout;
  json targets = json::array();
  for (const model::LinearModule module : config.loraConfig.targets) targets.push_back(model::moduleShortName(module));
  object["lora_targets"] = targets;
  object["sequence_length"] = config.sequenceLength;
  object["micro_batch"] = config.microBatch;
  object["gradient_accumulation"] = config.gradientAccumulation;
  object["epochs"] = config.epochs;
  if (config.maxSteps) object["max_steps"] = *config.maxSteps;
  object["learning_rate"] = config.adamw.learningRate;
  object["weight_decay"] = config.adamw.weightDecay;
  object["adam_beta1"] = config.adamw.beta1;
  object["adam_beta2"] = config.adamw.beta2;
  object["adam_epsilon"] = config.adamw.epsilon;
  object["lr_schedule"] = scheduleName(config.schedule);
  object["warmup_steps"] = config.warmupSteps;
  object["warmup_ratio"] = config.warmupRatio;
  object["min_lr_ratio"] = config.minLrRatio;
  object["max_grad_norm"] = config.maxGradNorm;
  object["eval_every"] = config.evalEvery;
  object["eval_samples"] = config.evalSamples;
  object["eval_sample_tokens"] = config.evalSampleTokens;
  object["checkpoint_every"] = config.checkpointEvery;
  object["keep_checkpoints"] = config.keepCheckpoints;
  object["seed"] = config.seed;
  object["threads"] = config.threads;
  object["activation_checkpointing"] = config.activationCheckpointing;
  object["backend"] = std::string(hardware::toString(config.backend));
  if (config.device) object["device"] = *config.device;
  auto gigabytes = [&](const char* field, const std::optional<std::uint64_t>& bytes) {
    if (bytes) object[field] = static_cast<double>(*bytes) / 1e9;
  };
  gigabytes("device_budget_gb", config.budgets.deviceBytes);
  gigabytes("host_budget_gb", config.budgets.hostBytes);
  gigabytes("disk_budget_gb", config.budgets.diskBytes);
  if (config.offloadFolder) object["offload_folder"] = config.offloadFolder->string();
  return object.dump(2);
}

const char* methodKey(const RunConfig& config) {
  if (!config.lora) return "full";
  return config.fourBitBase ? "qlora" : "lora";
}

}  // namespace tiertune::train
