// A training checkpoint: everything a run needs to continue exactly where it was. A folder
//   step-00000120/
//     adapter_model.safetensors (LoRA, PEFT names) or model.safetensors (full), fp32
//     optimizer.safetensors     Adam's exp_avg.NAME and exp_avg_sq.NAME for every trained tensor
//     trainer_state.json        step, samples consumed, the run configuration
//     manifest.json             SHA-256 and size of each file above
// written under a temporary name, every file and the folder fsynced, then renamed into place: a
// crash leaves either the whole checkpoint or none. Reading verifies the manifest's hashes.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/tiers/tiered_state.h"

namespace tiertune::train {

struct TrainerState {
  std::int64_t step = 0;              // optimizer steps done
  std::uint64_t samplesConsumed = 0;  // position in the sample stream
  std::string configJson;             // the run configuration (train::toJson)
};

struct WrittenCheckpoint {
  std::filesystem::path folder;
  std::string manifestSha256;
  std::int64_t bytes = 0;
  std::int64_t step = 0;
};

// "step-00000120"
std::string checkpointFolderName(std::int64_t step);

// Writes the checkpoint of state into checkpointsFolder/step-NNNNNNNN: the trained weights and
// Adam's moments of tensors, wherever they live, streamed unit by unit (never the whole model in
// memory). lora chooses the weights' file name. Throws tiertune::Error naming the folder (a full
// disk, no permission); then nothing is left behind.
WrittenCheckpoint writeCheckpoint(const std::filesystem::path& checkpointsFolder, const TrainerState& state,
                                  tiers::TieredState& tensors, bool lora);

// Bytes a checkpoint of these trained tensors takes on disk: the weights and Adam's two moments in
// fp32, with room for the safetensors headers and the JSON files.
std::int64_t checkpointBytes(const std::vector<model::ParameterSpec>& trained);

// Checks before the first step that a checkpoint can be written into checkpointsFolder: the folder
// can be created, a file can be written and flushed there, and its file system has bytes free.
// Throws tiertune::Error naming the folder and what to do, so a run never trains for hours to
// fail at its only checkpoint.
void requireCheckpointRoom(const std::filesystem::path& checkpointsFolder, std::int64_t bytes);

// Restores the trained weights and moments into tensors and returns the state; names and shapes
// must match the checkpoint's. Throws tiertune::Error naming the file for a missing or altered file.
TrainerState readCheckpoint(const std::filesystem::path& folder, tiers::TieredState& tensors);

// The checkpoint in folder when it is whole: its manifest names every file with the SHA-256 it has
// now (the same check readCheckpoint makes). None for a missing, partial or altered one. For a
// checkpoint that is on disk but not in the catalog: its worker was killed between writing and
// recording it.
std::optional<WrittenCheckpoint> verifiedCheckpoint(const std::filesystem::path& folder);

// The checkpoint folders under checkpointsFolder, oldest first (temporary ones are not listed).
std::vector<std::filesystem::path> listCheckpoints(const std::filesystem::path& checkpointsFolder);

// Removes all but the newest keep checkpoints (keep 0: none removed); returns the removed folders.
// The caller has recorded the newest one first, so a kill at any instant leaves a checkpoint that
// is both on disk and known. One that a reader holds (FolderLock::shared, as
// train::openCheckpoint takes it) is left for a later prune.
std::vector<std::filesystem::path> pruneCheckpoints(const std::filesystem::path& checkpointsFolder, std::int64_t keep);

}  // namespace tiertune::train
