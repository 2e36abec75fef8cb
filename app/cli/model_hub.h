// `tiertune-cli model download` and `model search`: models from the Hugging Face Hub into the
// shared cache (core/hub), the same calls the Models page's download dialog makes.
#pragma once

#include <string>
#include <vector>

namespace tiertune::cli {

int downloadModelCommand(const std::vector<std::string>& args);
int searchModelsCommand(const std::vector<std::string>& args);
int fitModelsCommand(const std::vector<std::string>& args);

}  // namespace tiertune::cli
