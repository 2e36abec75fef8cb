// The model that writes the questions and answers, opened for a question job: the model (the real
// one writes several parts' replies at once), the text it is read and written with (tokenizer,
// end-of-text ids, chat template), the backend it runs on and where that is, in words. The documents wizard opens it through a QaModelFactory on its
// worker thread: by default QaGeneratePage::openGenerator (the graphics card when there is a
// usable one); a test gives a scripted model instead.
#pragma once

#include <QString>
#include <filesystem>
#include <functional>
#include <memory>

#include "core/infer/model_runner.h"
#include "core/infer/model_text.h"
#include "core/infer/sequence_model.h"
#include "kernels/backend.h"

namespace tiertune::gui {

struct QaModel {
  std::unique_ptr<kernels::Backend> backend;  // first: destroyed after the model that uses it
  // One of the two: the real generator, which writes several parts' replies in one pass ...
  std::unique_ptr<infer::ModelRunner> runner;
  // ... or a model that writes one reply after another (a test's scripted one).
  std::unique_ptr<infer::SequenceModel> model;
  infer::ModelText text;
  QString device;  // where it runs: "the graphics card NVIDIA RTX 4090"
};

// Opens the model of a folder; throws tiertune::Error naming the file when it cannot.
using QaModelFactory = std::function<QaModel(const std::filesystem::path& modelFolder)>;

}  // namespace tiertune::gui
