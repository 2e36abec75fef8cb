// Adding an inspected model folder to the catalog: the one step the Models page and
// `tiertune-cli model add` share.
#pragma once

#include <string>

#include "core/catalog/catalog.h"
#include "core/formats/model_folder.h"

namespace tiertune::catalog {

// The catalog record of an inspected folder.
NewModel modelRecordOf(const formats::ModelFolderFacts& facts, const std::string& name = {});

// What registering does when the folder is already in the catalog: refuse (a person adding it
// should hear so), or take that row (a run started on a folder registers it on its way; another run
// started at the same moment may have registered it first).
enum class WhenPresent { Refuse, TakeIt };

// Registers a usable folder under name (the folder's name when empty). Throws tiertune::Error
// listing the problems when the folder cannot be trained, or, with WhenPresent::Refuse, when the
// folder is already there.
Id registerModelFolder(Catalog& catalog, const formats::ModelFolderFacts& facts,
                       const std::string& name = {}, WhenPresent whenPresent = WhenPresent::Refuse);

}  // namespace tiertune::catalog
