// A run's "dataset" (a catalog dataset's name or id) as the token folder the trainer reads: shared
// by `train`, which records the run, and `plan`, which estimates its time from the samples.
#pragma once

#include <filesystem>
#include <string>
#include <utility>

#include "core/catalog/catalog.h"

namespace tiertune::cli {

// The token folder of a catalog dataset (name or id) for the model's tokenizer, built from the
// dataset's examples when it was imported for another model. Throws tiertune::Error naming a
// dataset the catalog does not have.
std::pair<catalog::Id, std::filesystem::path> datasetTokens(const catalog::Catalog& store, const std::string& key,
                                                            const std::filesystem::path& modelFolder);

}  // namespace tiertune::cli
