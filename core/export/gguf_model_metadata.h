// The GGUF metadata that describes the model itself: general.* (architecture, name, file type)
// and the hyperparameters under "<architecture>." with the keys and types llama.cpp's loader reads
// (llama-arch.cpp's LLM_KV names). Used by gguf_export.cpp.
#pragma once

#include <string>

#include "core/export/gguf_tensor_plan.h"
#include "core/formats/gguf_writer.h"
#include "core/formats/model_config.h"

namespace tiertune::exports {

// Throws tiertune::Error for what llama.cpp cannot run as configured: dynamic (NTK) rope scaling,
// which llama.cpp does not implement, and llama3 rope scaling outside the "llama" architecture.
void addModelMetadata(formats::GgufMetadata& metadata, const formats::ModelConfig& config,
                      const std::string& modelName, GgufFileType fileType);

}  // namespace tiertune::exports
