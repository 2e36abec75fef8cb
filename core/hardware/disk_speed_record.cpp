#include "core/hardware/disk_speed_record.h"

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/util/error.h"
#include "core/formats/safetensors_writer.h"
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

nlohmann::json readAll(const fs::path& file) {
  std::error_code missing;
  if (!fs::exists(file, missing)) return nlohmann::json::object();
  try {
    nlohmann::json json = parseJsonText(readWholeFile(file, kConfigFileLimit), file.string());
    return json.is_object() ? json : nlohmann::json::object();
  } catch (const std::exception&) {  // not JSON, too deep, not a regular file, too large
    return nlohmann::json::object();  // a damaged cache is measured again, not an error
  }
}

std::string keyOf(const fs::path& folder) {
  std::error_code error;
  const fs::path canonical = fs::weakly_canonical(folder, error);
  return (error ? folder : canonical).string();
}

}  // namespace

void saveDiskSpeed(const fs::path& file, const fs::path& folder, const DiskSpeed& speed) {
  nlohmann::json all = readAll(file);
  all[keyOf(folder)] = {{"write_bytes_per_second", speed.writeBytesPerSecond},
                        {"read_bytes_per_second", speed.readBytesPerSecond},
                        {"direct_io", speed.directIo},
                        {"measured_at", nowUtc()}};
  std::error_code error;
  fs::create_directories(file.parent_path(), error);
  formats::writeFileAtomically(file, all.dump(2) + "\n");
}

std::optional<DiskSpeedRecord> loadDiskSpeed(const fs::path& file, const fs::path& folder) {
  const nlohmann::json all = readAll(file);
  const auto found = all.find(keyOf(folder));
  if (found == all.end() || !found->is_object()) return std::nullopt;
  DiskSpeedRecord record;
  const auto number = [&](const char* key) {
    const auto value = found->find(key);
    return value != found->end() && value->is_number() ? value->get<double>() : 0.0;
  };
  record.writeBytesPerSecond = number("write_bytes_per_second");
  record.readBytesPerSecond = number("read_bytes_per_second");
  if (record.writeBytesPerSecond <= 0 || record.readBytesPerSecond <= 0) return std::nullopt;
  const auto direct = found->find("direct_io");
  record.directIo = direct == found->end() || !direct->is_boolean() || direct->get<bool>();
  const auto at = found->find("measured_at");
  if (at != found->end() && at->is_string()) record.measuredAt = at->get<std::string>();
  return record;
}

}  // namespace tiertune::hardware
