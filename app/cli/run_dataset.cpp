#include "app/cli/run_dataset.h"

#include "core/data/dataset_import.h"
#include "core/settings/settings.h"
#include "core/util/error.h"

namespace tiertune::cli {

std::pair<catalog::Id, std::filesystem::path> datasetTokens(const catalog::Catalog& store, const std::string& key,
                                                            const std::filesystem::path& modelFolder) {
  for (const catalog::DatasetRecord& dataset : store.datasets()) {
    if (dataset.name != key && std::to_string(dataset.id) != key) continue;
    return {dataset.id, data::ensureTokenFolder(settings::loadSettings().dataFolder, dataset, modelFolder)};
  }
  throw Error("There is no dataset \"" + key + "\" in the catalog (tiertune-cli dataset list shows them).");
}

}  // namespace tiertune::cli
