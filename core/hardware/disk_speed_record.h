// The last measured speed of each offload folder, kept in the data folder (disk_speed.json), so
// the planner predicts step times with what this SSD delivers without measuring again each time.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "core/hardware/disk_probe.h"

namespace tiertune::hardware {

struct DiskSpeedRecord {
  double writeBytesPerSecond = 0;
  double readBytesPerSecond = 0;
  bool directIo = true;
  std::string measuredAt;  // UTC ISO-8601
};

// Stores the measurement of folder in file (other folders' records are kept). Atomic: a
// temporary file renamed over the old one. Throws tiertune::Error naming file.
void saveDiskSpeed(const std::filesystem::path& file, const std::filesystem::path& folder, const DiskSpeed& speed);

// The record of folder; empty when none was made or the file is unreadable (it is only a cache).
std::optional<DiskSpeedRecord> loadDiskSpeed(const std::filesystem::path& file, const std::filesystem::path& folder);

}  // namespace tiertune::hardware
