#include "core/hardware/measurement_cache.h"

#include <time.h>

#include <chrono>
#include <ctime>

#include "core/util/durable_file.h"
#include "core/util/json_text.h"
#include "core/util/read_file.h"

namespace tiertune::hardware {

namespace fs = std::filesystem;

namespace {

std::string nowUtc() {
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm utc{};
  gmtime_r(&now, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return text;
}

}  // namespace

nlohmann::json readMeasurementCache(const fs::path& file) {
  std::error_code missing;
  if (!fs::exists(file, missing)) return nlohmann::json::object();
  try {
    nlohmann::json json = parseJsonText(readWholeFile(file, kConfigFileLimit), file.string());
    return json.is_object() ? json : nlohmann::json::object();
  } catch (const std::exception&) {  // not JSON, too deep, not a regular file, too large
    return nlohmann::json::object();  // a damaged cache is measured again, not an error
  }
}

void writeMeasurement(const fs::path& file, const std::string& key, nlohmann::json entry) {
  nlohmann::json all = readMeasurementCache(file);
  entry["measured_at"] = nowUtc();
  all[key] = std::move(entry);
  std::error_code error;
  fs::create_directories(file.parent_path(), error);
  writeFileAtomically(file, all.dump(2) + "\n");
}

double positiveNumber(const nlohmann::json& entry, const char* name) {
  const auto value = entry.find(name);
  if (value == entry.end() || !value->is_number()) return 0.0;
  const double number = value->get<double>();
  return number > 0 ? number : 0.0;
}

}  // namespace tiertune::hardware
