// A small JSON file in the data folder that keeps measurements by key (an offload folder, a GPU),
// so the planner predicts with what this machine delivers without measuring again each time. Only
// a cache: a missing, damaged or foreign file reads as empty and is measured again.
#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

namespace tiertune::hardware {

// Every entry of file as one JSON object; empty when the file is missing or not such an object.
nlohmann::json readMeasurementCache(const std::filesystem::path& file);

// Stores entry under key (other keys are kept), with "measured_at" (UTC ISO-8601) added. Atomic:
// a temporary file renamed over the old one. Throws tiertune::Error naming file.
void writeMeasurement(const std::filesystem::path& file, const std::string& key, nlohmann::json entry);

// A positive number stored under name in entry, else 0.
double positiveNumber(const nlohmann::json& entry, const char* name);

}  // namespace tiertune::hardware
