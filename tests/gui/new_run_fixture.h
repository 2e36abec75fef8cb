// What the New fine-tune wizard's tests start from: a scratch catalog (the XDG folders emptied
// first) with a tiny chat model, 40 support conversations imported for it, and a larger model of
// about 29 million parameters that shares its tokenizer, so that full fine-tuning under tight
// memory limits does not fit. Used by tst_new_run_wizard and tst_accessibility_new_run.
#pragma once

#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFile>
#include <QRadioButton>
#include <QSignalSpy>
#include <filesystem>
#include <fstream>
#include <memory>

#include "app/gui/AppContext.h"
#include "app/gui/newrun/MemoryPlanPage.h"
#include "app/gui/newrun/NewRunWizard.h"
#include "core/catalog/model_registration.h"
#include "core/data/dataset_import.h"
#include "core/formats/model_config.h"
#include "core/settings/settings.h"
#include "support/chat_model.h"
#include "support/scratch.h"

namespace tiertune::test {

// About 29 million parameters: LoRA's frozen fp32 weights (about 120 MB) fit in 400 MB of
// training memory, RAM and disk together; full fine-tuning's 16 bytes per parameter (about 470 MB) do not.
inline const char* const kMediumChatConfig =
    "{\"architectures\":[\"LlamaForCausalLM\"],\"model_type\":\"llama\",\"hidden_size\":512,\"num_hidden_layers\":8,"
    "\"num_attention_heads\":8,\"num_key_value_heads\":8,\"intermediate_size\":1536,\"vocab_size\":2000,"
    "\"max_position_embeddings\":2048,\"rms_norm_eps\":1e-5,\"rope_theta\":10000.0,\"tie_word_embeddings\":false,"
    "\"bos_token_id\":258,\"eos_token_id\":259}";

struct NewRunWorld {
  std::unique_ptr<QTemporaryDir> scratch;
  std::filesystem::path root;
  std::unique_ptr<gui::AppContext> context;

  NewRunWorld() {
    QFile::remove(QString::fromStdString(settings::settingsFile().string()));
    QDir(qEnvironmentVariable("XDG_DATA_HOME") + QStringLiteral("/Tiertune")).removeRecursively();
    scratch = makeScratchDir();
    root = scratch->path().toStdString();
    context = std::make_unique<gui::AppContext>(settings::settingsFile());
  }

  catalog::Catalog& store() { return *context->catalog(); }

  // "Tiny chat" (context 128).
  void addTinyChatModel() { registerTinyChatModel(store(), root / "tiny-chat", "Tiny chat"); }

  // "Support chats": 40 conversations for the tiny chat model, a tenth held back for validation.
  void importSupportChats() {
    const std::filesystem::path file = root / "support-chats.jsonl";
    {
      std::ofstream out(file);
      for (int i = 0; i < 40; ++i) {
        out << "{\"messages\": [{\"role\": \"user\", \"content\": \"Reset password " << i
            << "?\"}, {\"role\": \"assistant\", \"content\": \"Open Settings.\"}]}\n";
      }
    }
    data::ImportRequest request;
    request.file = file;
    request.name = "Support chats";
    request.modelFolder = root / "tiny-chat";
    request.validationShare = 0.1;
    request.encode.maxTokens = 128;
    data::importDataset(store(), context->settings().dataFolder, request);
  }

  // "Medium chat": kMediumChatConfig's shape, registered without weights (only planned, never loaded).
  void addMediumChatModel() {
    const std::filesystem::path medium = root / "medium-chat";
    std::filesystem::create_directories(medium);
    std::ofstream(medium / "config.json") << kMediumChatConfig;
    writeChatTokenizerFiles(medium);
    catalog::NewModel record;
    record.name = "Medium chat";
    record.path = medium.string();
    record.architecture = "LlamaForCausalLM";
    record.parameterCount =
        static_cast<std::int64_t>(formats::parameterCount(formats::parseModelConfig(kMediumChatConfig)));
    record.contextLength = 2048;
    record.vocabSize = 2000;
    record.dtype = "float32";
    record.hasChatTemplate = true;  // writeChatTokenizerFiles wrote chat_template.jinja
    store().addModel(record);
  }
};

// The wizard's widget of that object name; the test stops when there is none.
template <typename T>
T* child(QObject* parent, const char* name) {
  T* found = parent->findChild<T*>(QString::fromLatin1(name));
  if (!found) qFatal("no child %s", name);
  return found;
}

// Full fine-tuning of "Medium chat" under 0.2 GB of training memory, 0.1 GB of RAM and 0.1 GB of
// disk: 400 MB in all for about 470 MB of state, so what does not fit in training memory and RAM
// overflows the disk. Leaves the wizard on the Advanced page with those limits filled in.
inline void chooseFullFineTuneUnderTightLimits(gui::NewRunWizard& wizard) {
  auto* model = child<QComboBox>(&wizard, "runModel");
  model->setCurrentIndex(model->findText(QStringLiteral("Medium chat")));
  wizard.next();
  wizard.next();
  child<QRadioButton>(&wizard, "goalFull")->click();
  wizard.next();
  child<QDoubleSpinBox>(&wizard, "advDeviceLimit")->setValue(0.2);  // GB
  child<QDoubleSpinBox>(&wizard, "advRamLimit")->setValue(0.1);
  child<QDoubleSpinBox>(&wizard, "advDiskLimit")->setValue(0.1);
}

// The memory plan is made off the GUI thread; waits until it is shown.
inline bool waitForPlan(gui::NewRunWizard* wizard) {
  gui::MemoryPlanPage* page = wizard->memoryPlanPage();
  if (!page->isPlanning()) return true;
  QSignalSpy ready(page, &gui::MemoryPlanPage::planReady);
  return ready.wait(120000);
}

}  // namespace tiertune::test
