// `tiertune-cli generate`: text from a model folder, optionally with a run's checkpoint (its LoRA
// adapter applied on the fly, or its full weights), through core/infer as the playground will use
// it. The reply streams to stdout as it is generated; a summary (tokens, prefill and decode speed,
// why it stopped) goes to stderr. Ctrl+C (SIGINT) or SIGTERM stops generation after the current token.
#include <atomic>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <optional>
#include <string>

#include "app/cli/arguments.h"
#include "app/cli/commands.h"
#include "core/catalog/catalog.h"
#include "core/train/checkpoint_source.h"
#include "core/export/run_checkpoint.h"
#include "core/infer/generator.h"
#include "core/infer/model_runner.h"
#include "core/train/checkpoint_model.h"
#include "core/infer/model_text.h"
#include "core/settings/settings.h"
#include "kernels/backend.h"

namespace tiertune::cli {

namespace {

namespace fs = std::filesystem;

std::atomic<bool> gStopRequested{false};

extern "C" void onGenerateStopSignal(int) { gStopRequested.store(true); }

double numberOption(const Arguments& arguments, const std::string& option, double fallback) {
  const auto text = arguments.value(option);
  if (!text) return fallback;
  std::size_t used = 0;
  double value = 0;
  try {
    value = std::stod(*text, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (used == 0 || used != text->size()) throw UsageError("generate: --" + option + " needs a number, not \"" + *text + "\"");
  return value;
}

std::size_t countOption(const Arguments& arguments, const std::string& option, std::size_t fallback) {
  const double value = numberOption(arguments, option, static_cast<double>(fallback));
  if (value < 0 || value != static_cast<double>(static_cast<std::size_t>(value))) {
    throw UsageError("generate: --" + option + " needs a whole number of 0 or more");
  }
  return static_cast<std::size_t>(value);
}

// The checkpoint folder --checkpoint names, or the newest of run --run.
std::optional<fs::path> checkpointFolder(const Arguments& arguments) {
  const auto folder = arguments.value("checkpoint");
  const auto run = arguments.value("run");
  if (folder && run) throw UsageError("generate: give --checkpoint DIR or --run ID, not both");
  if (folder) return fs::path(*folder);
  if (!run) return std::nullopt;
  const catalog::Catalog store = catalog::Catalog::open(settings::loadSettings().catalogFile());
  return fs::path(exports::findCheckpoint(store, parseRunId(*run), "latest").path);
}

infer::GenerationSettings readSettings(const Arguments& arguments) {
  infer::GenerationSettings settings;
  settings.maxNewTokens = countOption(arguments, "max-tokens", 256);
  settings.sampling.temperature = numberOption(arguments, "temperature", 0.7);
  settings.sampling.topK = countOption(arguments, "top-k", 0);
  settings.sampling.topP = numberOption(arguments, "top-p", 1.0);
  settings.sampling.repetitionPenalty = numberOption(arguments, "repetition-penalty", 1.0);
  settings.sampling.seed = countOption(arguments, "seed", 0);
  settings.stopStrings = arguments.values("stop");
  try {
    infer::validateSamplingSettings(settings.sampling);
  } catch (const Error& error) {
    throw UsageError(std::string("generate: ") + error.what());
  }
  if (settings.maxNewTokens == 0) throw UsageError("generate: --max-tokens must be at least 1");
  return settings;
}

}  // namespace

int runGenerate(const std::vector<std::string>& args) {
  const Arguments arguments("generate", args,
                            {.flags = {"chat"},
                             .valued = {"model", "checkpoint", "run", "prompt", "max-tokens", "temperature", "top-k",
                                        "top-p", "repetition-penalty", "seed"},
                             .repeated = {"stop"}});
  const auto prompt = arguments.value("prompt");
  if (!prompt) throw UsageError("generate needs --prompt TEXT (and --model DIR, --checkpoint DIR or --run ID)");
  infer::GenerationSettings settings = readSettings(arguments);
  const std::optional<fs::path> checkpoint = checkpointFolder(arguments);
  fs::path modelFolder;
  if (const auto model = arguments.value("model")) {
    modelFolder = *model;
  } else if (checkpoint) {
    modelFolder = train::openCheckpoint(*checkpoint).run.modelFolder;  // the model the run trained
  } else {
    throw UsageError("generate needs --model DIR, --checkpoint DIR or --run ID");
  }

  const auto backend = kernels::makeCpuBackend();
  const auto runner = train::loadModelRunner(*backend, modelFolder, checkpoint);
  const infer::ModelText text = infer::loadModelText(modelFolder, runner->config());
  settings.eosIds = text.eosIds;
  const bool chat = arguments.flag("chat");
  const std::string promptText =
      chat ? infer::renderChatPrompt(text, nlohmann::ordered_json::array({{{"role", "user"}, {"content", *prompt}}}))
           : *prompt;
  const std::vector<std::int32_t> promptTokens = infer::encodePrompt(text, promptText, chat);

  std::signal(SIGINT, onGenerateStopSignal);
  std::signal(SIGTERM, onGenerateStopSignal);
  const infer::GenerationResult result = infer::generate(
      *runner, text.tokenizer, promptTokens, settings,
      [](std::string_view piece) {
        std::fwrite(piece.data(), 1, piece.size(), stdout);
        std::fflush(stdout);
      },
      &gStopRequested);
  std::fprintf(stderr,
               "\n%zu prompt tokens, %zu generated (stopped: %s); prefill %.1f tokens/s, decode %.1f tokens/s\n",
               result.promptTokens, result.tokens.size(), infer::stopReasonName(result.reason),
               result.prefillTokensPerSecond(), result.decodeTokensPerSecond());
  return 0;
}

const Command kGenerateCommand = {
    "generate", "generate text with a model, or with a run's checkpoint",
    "Usage: tiertune-cli generate --prompt TEXT [--chat] [--model DIR] [--checkpoint DIR | --run ID]\n"
    "                             [--max-tokens 256] [--temperature 0.7] [--top-k 0] [--top-p 1]\n"
    "                             [--repetition-penalty 1] [--seed 0] [--stop STRING]...\n"
    "\n"
    "Continues TEXT with the model of DIR (a Hugging Face folder, a merged export included), printing\n"
    "the reply on stdout as it is generated. --checkpoint DIR adds a run checkpoint: its LoRA adapter\n"
    "is applied on the fly over the base model (or a full fine-tune's weights replace the base's);\n"
    "--run ID takes the run's newest checkpoint. Without --model the model is the one the run trained.\n"
    "--chat sends TEXT as a user message through the model's chat template, as a chat would.\n"
    "\n"
    "Sampling: --temperature 0 always takes the most likely token; otherwise --top-k keeps the K most\n"
    "likely tokens (0: all), --top-p the most likely ones that together reach P, and\n"
    "--repetition-penalty above 1 makes tokens already in the text less likely. The same --seed and\n"
    "settings give the same text. Generation stops at the model's end-of-text token\n"
    "(generation_config.json, config.json, tokenizer_config.json), at a --stop string (not printed),\n"
    "after --max-tokens tokens, at the end of the model's context, or on Ctrl+C.\n"
    "\n"
    "A summary goes to stderr: prompt tokens, tokens generated, why it stopped, and the speed of the\n"
    "prompt pass (prefill) and of generation (decode) in tokens per second. Runs on the CPU.\n",
    runGenerate};

}  // namespace tiertune::cli
