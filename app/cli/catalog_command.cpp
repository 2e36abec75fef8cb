// `tiertune-cli catalog`: where the catalog is and what it holds; creates it when missing.
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

#include "app/cli/arguments.h"
#include "app/cli/commands.h"
#include "core/catalog/catalog.h"
#include "core/settings/settings.h"

namespace tiertune::cli {

int runCatalog(const std::vector<std::string>& args) {
  const Arguments arguments("catalog", args, {.flags = {"json"}, .valued = {}});
  const settings::Settings userSettings = settings::loadSettings();
  const catalog::Catalog store = catalog::Catalog::open(userSettings.catalogFile());
  const auto models = store.models().size();
  const auto datasets = store.datasets().size();
  const auto runs = store.runs().size();
  if (arguments.flag("json")) {
    nlohmann::json json = {{"file", store.file().string()},
                           {"schema_version", store.schemaVersion()},
                           {"data_folder", userSettings.dataFolder.string()},
                           {"offload_folder", userSettings.offloadFolder.string()},
                           {"models", models},
                           {"datasets", datasets},
                           {"runs", runs}};
    std::cout << json.dump(2) << "\n";
  } else {
    std::printf("Catalog     %s (schema %d)\n", store.file().c_str(), store.schemaVersion());
    std::printf("Offload     %s\n", userSettings.offloadFolder.c_str());
    std::printf("Holds       %zu models, %zu datasets, %zu runs\n", models, datasets, runs);
  }
  return 0;
}

const Command kCatalogCommand = {
    "catalog", "show where the catalog is and what it holds (creates it when missing)",
    "Usage: tiertune-cli catalog [--json]\n"
    "\n"
    "Opens the catalog in the data folder from the settings (creating an empty one when there is\n"
    "none, upgrading an older one) and prints its file, schema version and how many models,\n"
    "datasets and runs it holds.\n",
    runCatalog};

}  // namespace tiertune::cli
