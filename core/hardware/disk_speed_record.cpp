#include "core/hardware/disk_speed_record.h"

#include <nlohmann/json.hpp>

#include "core/hardware/measurement_cache.h"

namespace tiertune::hardware {

namespace fs = std::filesystem;

namespace {

std::string keyOf(const fs::path& folder) {
  std::error_code error;
  const fs::path canonical = fs::weakly_canonical(folder, error);
  return (error ? folder : canonical).string();
}

}  // namespace

void saveDiskSpeed(const fs::path& file, const fs::path& folder, const DiskSpeed& speed) {
  writeMeasurement(file, keyOf(folder),
                   {{"write_bytes_per_second", speed.writeBytesPerSecond},
                    {"read_bytes_per_second", speed.readBytesPerSecond},
                    {"direct_io", speed.directIo}});
}

std::optional<DiskSpeedRecord> loadDiskSpeed(const fs::path& file, const fs::path& folder) {
  const nlohmann::json all = readMeasurementCache(file);
  const auto found = all.find(keyOf(folder));
  if (found == all.end() || !found->is_object()) return std::nullopt;
  DiskSpeedRecord record;
  record.writeBytesPerSecond = positiveNumber(*found, "write_bytes_per_second");
  record.readBytesPerSecond = positiveNumber(*found, "read_bytes_per_second");
  if (record.writeBytesPerSecond <= 0 || record.readBytesPerSecond <= 0) return std::nullopt;
  const auto direct = found->find("direct_io");
  record.directIo = direct == found->end() || !direct->is_boolean() || direct->get<bool>();
  const auto at = found->find("measured_at");
  if (at != found->end() && at->is_string()) record.measuredAt = at->get<std::string>();
  return record;
}

}  // namespace tiertune::hardware
