#include "core/tiers/plan_request.h"

#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/formats/model_config.h"
#include "core/util/error.h"
#include "core/util/json_text.h"
#include "core/util/read_file.h"

namespace tiertune::tiers {

namespace fs = std::filesystem;

namespace {

int positiveInteger(const nlohmann::json& json, const char* field, int fallback, const fs::path& file) {
  const auto found = json.find(field);
  if (found == json.end()) return fallback;
  if (!found->is_number_integer() || found->get<long long>() <= 0 || found->get<long long>() > 1'000'000) {
    throw Error(file.string() + ": \"" + field + "\" must be a positive whole number.");
  }
  return static_cast<int>(found->get<long long>());
}

std::optional<std::uint64_t> gigabytes(const nlohmann::json& json, const char* field, const fs::path& file) {
  const auto found = json.find(field);
  if (found == json.end()) return std::nullopt;
  if (!found->is_number() || !(found->get<double>() >= 0) || !std::isfinite(found->get<double>())) {
    throw Error(file.string() + ": \"" + field + "\" must be a number of gigabytes.");
  }
  return static_cast<std::uint64_t>(found->get<double>() * 1e9);
}

}  // namespace

PlanRequest loadPlanRequest(const fs::path& file) {
  const std::string text = readWholeFile(file, kConfigFileLimit);
  nlohmann::json json;
  try {
    json = parseJsonText(text, file.string());
  } catch (const nlohmann::json::exception&) {
    throw Error(file.string() + " is not valid JSON.");
  }
  if (!json.is_object()) throw Error(file.string() + " must hold a JSON object.");
  const auto model = json.find("model");
  if (model == json.end() || !model->is_string() || model->get<std::string>().empty()) {
    throw Error(file.string() + ": \"model\" must name the model folder.");
  }
  PlanRequest request;
  request.modelFolder = model->get<std::string>();
  if (request.modelFolder.is_relative()) {
    request.modelFolder = (fs::absolute(file).parent_path() / request.modelFolder).lexically_normal();
  }
  request.setup.model = formats::loadModelConfig(request.modelFolder / "config.json");

  const auto method = json.find("method");
  if (method != json.end()) {
    const std::string name = method->is_string() ? method->get<std::string>() : "";
    if (name == "lora") {
      request.setup.method = Method::Lora;
    } else if (name == "full") {
      request.setup.method = Method::Full;
    } else {
      throw Error(file.string() + ": \"method\" must be \"lora\" or \"full\".");
    }
  }
  request.setup.loraRank = positiveInteger(json, "lora_rank", 16, file);
  request.setup.microBatch = positiveInteger(json, "micro_batch", 1, file);
  request.setup.sequenceLength = positiveInteger(json, "sequence_length", 2048, file);
  request.setup.gradientAccumulation = positiveInteger(json, "gradient_accumulation", 1, file);
  request.setup.fp32Weights = true;  // what both backends store today
  request.caps.deviceBytes = gigabytes(json, "device_budget_gb", file);
  request.caps.hostBytes = gigabytes(json, "host_budget_gb", file);
  request.caps.diskBytes = gigabytes(json, "disk_budget_gb", file);
  return request;
}

}  // namespace tiertune::tiers
