#include "core/train/checkpoint.h"


#include <algorithm>
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/formats/safetensors_reader.h"
#include "core/formats/safetensors_writer.h"
#include "core/hardware/offload_folder_check.h"
#include "core/util/durable_file.h"
#include "core/util/error.h"
#include "core/util/folder_lock.h"
#include "core/util/json_text.h"
#include "core/util/path_inside.h"
#include "core/util/read_file.h"
#include "core/util/sha256.h"
#include "core/util/staging_folder.h"

namespace tiertune::train {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

constexpr const char* kOptimizerFile = "optimizer.safetensors";
constexpr const char* kStateFile = "trainer_state.json";
constexpr const char* kManifestFile = "manifest.json";

const char* weightsFile(bool lora) { return lora ? "adapter_model.safetensors" : "model.safetensors"; }

using tiers::StateKind;

// Calls visit(unit, specs, values) for every unit that holds state of this kind, values sized to it.
template <typename Visit>
void forEachUnit(tiers::TieredState& tensors, StateKind kind, Visit visit) {
  std::vector<float> values;
  for (std::size_t unit = 0; unit < tensors.unitCount(); ++unit) {
    const std::vector<model::ParameterSpec>& specs = tensors.specs(kind, unit);
    if (specs.empty()) continue;
    values.resize(model::ParameterTable::elementCount(specs));
    visit(unit, specs, values);
  }
}

// Streams one kind of state of every unit into an open safetensors file, tensors named
// prefix + name.
void writeKind(formats::SafetensorsWriter& writer, tiers::TieredState& tensors, StateKind kind,
               const std::string& prefix) {
  forEachUnit(tensors, kind, [&](std::size_t unit, const auto& specs, std::vector<float>& values) {
    tensors.read(kind, unit, values);
    std::size_t offset = 0;
    for (const model::ParameterSpec& spec : specs) {
      const std::size_t count = model::elementCount(spec.shape);
      writer.write(prefix + spec.name, std::as_bytes(std::span<const float>(values.data() + offset, count)));
      offset += count;
    }
  });
}

std::vector<formats::TensorDescriptor> descriptors(const std::vector<model::ParameterSpec>& specs,
                                                   const std::string& prefix) {
  std::vector<formats::TensorDescriptor> result;
  for (const model::ParameterSpec& spec : specs) result.push_back({prefix + spec.name, formats::Dtype::F32, spec.shape});
  return result;
}

void restoreKind(const formats::SafetensorsFile& file, tiers::TieredState& tensors, StateKind kind,
                 const std::string& prefix) {
  forEachUnit(tensors, kind, [&](std::size_t unit, const auto& specs, std::vector<float>& values) {
    std::size_t offset = 0;
    for (const model::ParameterSpec& spec : specs) {
      const std::string name = prefix + spec.name;
      const formats::TensorInfo* info = file.find(name);
      if (info == nullptr || info->shape != spec.shape || info->dtype != formats::Dtype::F32) {
        throw Error(file.path().string() + ": tensor " + name + " is missing or has another shape than this run's");
      }
      const std::size_t count = model::elementCount(spec.shape);
      formats::readAsFloat(file.tensor(name), std::span<float>(values.data() + offset, count));
      offset += count;
    }
    tensors.write(kind, unit, values);
  });
}

bool isCheckpointName(const std::string& name) {
  return name.size() == 13 && name.starts_with("step-") &&
         std::all_of(name.begin() + 5, name.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

std::string checkpointFolderName(std::int64_t step) {
  char name[32];
  std::snprintf(name, sizeof name, "step-%08lld", static_cast<long long>(step));
  return name;
}

WrittenCheckpoint writeCheckpoint(const fs::path& checkpointsFolder, const TrainerState& state,
                                  tiers::TieredState& tensors, bool lora) {
  const fs::path target = checkpointsFolder / checkpointFolderName(state.step);
  try {
    StagingFolder staging(target);
    const fs::path& temporary = staging.path();
    const std::vector<model::ParameterSpec> trained = tensors.trainedSpecs();
    {
      formats::SafetensorsWriter weights(temporary / weightsFile(lora), descriptors(trained, ""), {{"format", "pt"}});
      writeKind(weights, tensors, StateKind::Trained, "");
      weights.finish();
    }
    {
      std::vector<formats::TensorDescriptor> moments = descriptors(trained, "exp_avg.");
      const std::vector<formats::TensorDescriptor> second = descriptors(trained, "exp_avg_sq.");
      moments.insert(moments.end(), second.begin(), second.end());
      formats::SafetensorsWriter optimizer(temporary / kOptimizerFile, moments);
      writeKind(optimizer, tensors, StateKind::FirstMoment, "exp_avg.");
      writeKind(optimizer, tensors, StateKind::SecondMoment, "exp_avg_sq.");
      optimizer.finish();
    }

    json trainerState{{"format", 1},
                      {"step", state.step},
                      {"samples_consumed", state.samplesConsumed},
                      {"config", json::parse(state.configJson)}};
    writeFileAtomically(temporary / kStateFile, trainerState.dump(2));

    json manifest{{"format", 1}, {"files", json::object()}};
    std::int64_t bytes = 0;
    for (const char* name : {weightsFile(lora), kOptimizerFile, kStateFile}) {
      const auto size = static_cast<std::int64_t>(fs::file_size(temporary / name));
      manifest["files"][name] = {{"sha256", sha256HexOfFile(temporary / name)}, {"bytes", size}};
      bytes += size;
    }
    const std::string manifestText = manifest.dump(2);
    writeFileAtomically(temporary / kManifestFile, manifestText);
    bytes += static_cast<std::int64_t>(manifestText.size());

    // Replaces a checkpoint of the same step from an earlier, crashed attempt.
    staging.publish(StagingFolder::AtTarget::Replace);
    return WrittenCheckpoint{target, sha256Hex(manifestText), bytes, state.step};
  } catch (const fs::filesystem_error& error) {
    throw Error("Cannot write the checkpoint " + target.string() + ": " + error.code().message() + ".");
  }
}

namespace {

// Checks every file of the checkpoint against the manifest's hashes; returns the manifest's text
// and the bytes of the files it lists. Throws tiertune::Error naming the file that is missing,
// damaged or changed.
std::pair<std::string, std::int64_t> verifiedManifest(const fs::path& folder) {
  const std::string text = readWholeFile(folder / kManifestFile);
  json manifest;
  try {
    manifest = parseJsonText(text, (folder / kManifestFile).string());
  } catch (const json::exception&) {
    throw Error((folder / kManifestFile).string() + " is damaged.");
  }
  const bool lora = fs::exists(folder / weightsFile(true));
  std::int64_t bytes = static_cast<std::int64_t>(text.size());
  for (const char* name : {weightsFile(lora), kOptimizerFile, kStateFile}) {
    const fs::path file = folder / name;
    const auto entry = manifest.is_object() && manifest.contains("files") && manifest["files"].is_object()
                           ? manifest["files"].value(name, json())
                           : json();
    if (!entry.is_object() || !fs::exists(file) || sha256HexOfFile(file) != entry.value("sha256", "")) {
      throw Error(file.string() + " is missing or was changed after the checkpoint was written.");
    }
    bytes += static_cast<std::int64_t>(fs::file_size(file));
  }
  return {text, bytes};
}

}  // namespace

std::int64_t checkpointBytes(const std::vector<model::ParameterSpec>& trained) {
  std::int64_t elements = 0;
  for (const model::ParameterSpec& spec : trained) elements += static_cast<std::int64_t>(model::elementCount(spec.shape));
  // Three fp32 tensors per trained one, and per tensor about 3 × 200 bytes of header entries; the
  // JSON files (the run configuration) stay under 1 MiB.
  return elements * 3 * 4 + static_cast<std::int64_t>(trained.size()) * 600 + (1 << 20);
}

void requireCheckpointRoom(const fs::path& checkpointsFolder, std::int64_t bytes) {
  // The same probe as the offload folder's: made when missing, a folder on a real disk, a file
  // written and flushed, its free space.
  const hardware::OffloadFolderCheck check = hardware::checkOffloadFolder(checkpointsFolder);
  using Problem = hardware::OffloadFolderProblem;
  switch (check.problem) {
    case Problem::None:
    case Problem::Full:  // said below with the sizes
      break;
    case Problem::CannotCreate:
    case Problem::NotAFolder:
      throw Error(
          TIERTUNE_WORDS("Runs",
                         "Cannot create the checkpoint folder %1: %2. Choose an \"output\" folder on a "
                         "disk you can write to."),
          {checkpointsFolder.string(),
           check.detail.empty() ? Words(TIERTUNE_WORDS("Runs", "it is not a folder"), {}) : Words(check.detail)});
    case Problem::NotOnADisk:
    case Problem::NotWritable:
      throw Error(
          TIERTUNE_WORDS("Runs",
                         "Cannot write checkpoints into %1 (%2). Choose an \"output\" folder on a disk "
                         "you can write to."),
          {checkpointsFolder.string(),
           check.detail.empty() ? Words(TIERTUNE_WORDS("Runs", "it is not on a disk"), {}) : Words(check.detail)});
  }
  const auto available = static_cast<std::int64_t>(check.freeBytes);
  if (available < bytes) {
    throw Error(
        TIERTUNE_WORDS("Runs",
                       "The disk of %1 has %2 MiB free, and a checkpoint of this run takes about %3 "
                       "MiB. Free some space, or choose an \"output\" folder on another disk."),
        {checkpointsFolder.string(), std::to_string(available / (1 << 20)), std::to_string(bytes / (1 << 20) + 1)});
  }
}

std::optional<WrittenCheckpoint> verifiedCheckpoint(const fs::path& folder) {
  const std::string name = folder.filename().string();
  if (!isCheckpointName(name)) return std::nullopt;
  try {
    const auto [text, bytes] = verifiedManifest(folder);
    return WrittenCheckpoint{folder, sha256Hex(text), bytes, std::stoll(name.substr(5))};
  } catch (const Error&) {
    return std::nullopt;
  } catch (const fs::filesystem_error&) {
    return std::nullopt;
  }
}

TrainerState readCheckpoint(const fs::path& folder, tiers::TieredState& tensors) {
  verifiedManifest(folder);
  const bool lora = fs::exists(folder / weightsFile(true));
  TrainerState state;
  try {
    const json stored = parseJsonText(readWholeFile(folder / kStateFile), (folder / kStateFile).string());
    state.step = stored.at("step").get<std::int64_t>();
    state.samplesConsumed = stored.at("samples_consumed").get<std::uint64_t>();
    state.configJson = stored.at("config").dump();
  } catch (const json::exception&) {
    throw Error((folder / kStateFile).string() + " is damaged.");
  }
  restoreKind(formats::SafetensorsFile(folder / weightsFile(lora)), tensors, StateKind::Trained, "");
  const formats::SafetensorsFile optimizer(folder / kOptimizerFile);
  restoreKind(optimizer, tensors, StateKind::FirstMoment, "exp_avg.");
  restoreKind(optimizer, tensors, StateKind::SecondMoment, "exp_avg_sq.");
  return state;
}

std::vector<fs::path> listCheckpoints(const fs::path& checkpointsFolder) {
  std::vector<fs::path> folders;
  std::error_code error;
  for (const fs::directory_entry& entry : fs::directory_iterator(checkpointsFolder, error)) {
    if (entry.is_directory() && isCheckpointName(entry.path().filename().string())) folders.push_back(entry.path());
  }
  std::sort(folders.begin(), folders.end());
  return folders;
}

std::vector<fs::path> pruneCheckpoints(const fs::path& checkpointsFolder, std::int64_t keep) {
  std::vector<fs::path> removed;
  if (keep <= 0) return removed;
  const std::vector<fs::path> folders = listCheckpoints(checkpointsFolder);
  for (std::size_t i = 0; i + static_cast<std::size_t>(keep) < folders.size(); ++i) {
    // A checkpoint being read (an export, the playground) stays until a later prune finds it free.
    const std::optional<FolderLock> unused = FolderLock::tryExclusive(folders[i]);
    if (!unused) continue;
    removeInside(folders[i], checkpointsFolder);
    removed.push_back(folders[i]);
  }
  return removed;
}

}  // namespace tiertune::train
