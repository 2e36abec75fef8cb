// Adding an inspected model folder to the catalog: the one step the Models page and
// `tiertune-cli model add` share.
#pragma once

#include <string>

#include "core/catalog/catalog.h"
#include "core/formats/model_folder.h"

namespace tiertune::catalog {

// The catalog record of an inspected folder.
NewModel modelRecordOf(const formats::ModelFolderFacts& facts, const std::string& name = {});

// Registers a usable folder under name (the folder's name when empty). Throws tiertune::Error
// listing the problems when the folder cannot be trained, or when the folder is already there.
Id registerModelFolder(Catalog& catalog, const formats::ModelFolderFacts& facts,
                       const std::string& name = {});

}  // namespace tiertune::catalog
