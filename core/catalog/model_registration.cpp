#include "core/catalog/model_registration.h"

#include "core/util/error.h"

namespace tiertune::catalog {

NewModel modelRecordOf(const formats::ModelFolderFacts& facts, const std::string& name) {
  NewModel model;
  model.name = name.empty() ? facts.name : name;
  model.path = facts.folder.string();
  model.architecture = facts.architecture;
  model.parameterCount = static_cast<std::int64_t>(facts.parameterCount);
  if (facts.config) {
    model.contextLength = facts.config->maxPositionEmbeddings;
    model.vocabSize = facts.config->vocabSize;
  }
  model.dtype = facts.weightsDtype;
  model.sizeBytes = static_cast<std::int64_t>(facts.weightBytes);
  model.hasChatTemplate = facts.hasChatTemplate;
  model.configSha256 = facts.configSha256;
  return model;
}

Id registerModelFolder(Catalog& catalog, const formats::ModelFolderFacts& facts, const std::string& name,
                       WhenPresent whenPresent) {
  if (!facts.usable()) {
    std::string message = "The model folder " + facts.folder.string() + " cannot be added:";
    for (const Words& problem : facts.problems) message += "\n  - " + problem.english();
    throw Error(message);
  }
  const NewModel record = modelRecordOf(facts, name);
  return whenPresent == WhenPresent::TakeIt ? catalog.findOrAddModel(record) : catalog.addModel(record);
}

}  // namespace tiertune::catalog
