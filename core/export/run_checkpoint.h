// Which checkpoint of a run an export starts from, by the names users give ("latest", "step-N",
// "step-0000000N" or "N"), among the run's catalogued checkpoints whose folders are still on disk.
// Shared by the CLI's export command and the GUI's export dialog through run_export.h.
#pragma once

#include <string>
#include <vector>

#include "core/catalog/catalog.h"

namespace tiertune::exports {

// Those of a run's checkpoints (as Catalog::checkpoints lists them) whose folders still exist, in
// the same order (a folder removed by keep_checkpoints or by hand cannot be exported).
std::vector<catalog::CheckpointRecord> exportableCheckpoints(const std::vector<catalog::CheckpointRecord>& checkpoints);

// Throws tiertune::Error when the catalog has no such run, when the run has no checkpoint, or none
// by that name (listing the ones it has).
catalog::CheckpointRecord findCheckpoint(const catalog::Catalog& store, catalog::Id runId, const std::string& which);

}  // namespace tiertune::exports
