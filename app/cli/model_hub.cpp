#include "app/cli/model_hub.h"

#include <csignal>
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

#include "app/cli/arguments.h"
#include "app/cli/terminal_progress.h"
#include "core/catalog/catalog.h"
#include "core/catalog/model_registration.h"
#include "core/formats/model_config.h"
#include "core/formats/model_folder.h"
#include "core/hardware/hardware_report.h"
#include "core/hub/candidate.h"
#include "core/hub/hub_cache.h"
#include "core/hub/recommended_models.h"
#include "core/hub/hub_download.h"
#include "core/hub/hub_error.h"
#include "core/settings/settings.h"
#include "core/tiers/plan_words.h"

namespace tiertune::cli {
namespace {

std::atomic<bool> gCancel{false};

extern "C" void onInterrupt(int) { gCancel.store(true); }

// Ctrl-C cancels the download (what arrived stays, to be resumed); a second one is not needed.
void cancelOnInterrupt() {
  struct sigaction action {};
  action.sa_handler = onInterrupt;
  sigemptyset(&action.sa_mask);
  sigaction(SIGINT, &action, nullptr);
  sigaction(SIGTERM, &action, nullptr);
}

std::string durationText(double seconds) {
  if (seconds < 0) return "";
  if (seconds < 90) return std::to_string(static_cast<int>(seconds + 0.5)) + " s left";
  if (seconds < 5400) return std::to_string(static_cast<int>(seconds / 60 + 0.5)) + " min left";
  char text[32];
  std::snprintf(text, sizeof text, "%.1f h left", seconds / 3600);
  return text;
}

std::string countText(std::int64_t count) {
  char text[32];
  if (count >= 1'000'000) {
    std::snprintf(text, sizeof text, "%.1fM", static_cast<double>(count) / 1e6);
  } else if (count >= 1'000) {
    std::snprintf(text, sizeof text, "%.1fk", static_cast<double>(count) / 1e3);
  } else {
    std::snprintf(text, sizeof text, "%lld", static_cast<long long>(count));
  }
  return text;
}

std::string parametersText(std::uint64_t count) {
  if (count == 0) return "?";
  char text[32];
  std::snprintf(text, sizeof text, count >= 1'000'000'000 ? "%.1fB" : "%.0fM",
                count >= 1'000'000'000 ? static_cast<double>(count) / 1e9 : static_cast<double>(count) / 1e6);
  return text;
}

// A model whose list entry names no architecture is not known to be trainable.
bool trainable(const hub::RepoInfo& info) {
  return (!info.architectures.empty() || !info.modelType.empty()) && hub::whyTiertuneCannotTrain(info).empty();
}

const char* verdictWords(train::FitVerdict verdict) {
  switch (verdict) {
    case train::FitVerdict::OnGpu: return "fits on the GPU";
    case train::FitVerdict::StreamsFromRam: return "streams from RAM";
    case train::FitVerdict::InRam: return "trains in RAM (CPU)";
    case train::FitVerdict::NeedsSsd: return "needs the SSD";
    case train::FitVerdict::DoesNotFit: return "does not fit";
  }
  return "";
}

std::string fitText(const std::optional<train::CandidateFit>& fit) {
  if (!fit) return "-";
  if (fit->verdict == train::FitVerdict::DoesNotFit) return verdictWords(fit->verdict);
  const std::string time = durationText(fit->secondsPer1000Examples);  // "12 min left"
  return std::string(verdictWords(fit->verdict)) + ", " + time.substr(0, time.rfind(" left"));
}

}  // namespace

int downloadModelCommand(const std::vector<std::string>& args) {
  const Arguments arguments("model download", args,
                            {.flags = {"add", "all-weights", "json"}, .valued = {"revision", "name", "parallel"}, .maxPositionals = 1});
  if (arguments.positionals().size() != 1) throw UsageError("model download needs the model's name, as ORGANIZATION/NAME");
  const settings::Settings settings = settings::loadSettings();
  hub::DownloadOptions options;
  options.repoId = arguments.positionals()[0];
  options.revision = arguments.value("revision").value_or("main");
  options.otherWeights = arguments.flag("all-weights");
  if (const auto parallel = arguments.value("parallel")) {
    try {
      options.parallelFiles = std::stoi(*parallel);
    } catch (const std::exception&) {
      throw UsageError("--parallel needs a number of files, not \"" + *parallel + "\"");
    }
  }
  cancelOnInterrupt();
  hub::HubClient client(hub::hubAccess(settings.hubEndpoint), &gCancel);
  TerminalProgress bar("Download");
  const auto progress = [&](const hub::DownloadProgress& state) {
    if (!state.lastEvent.empty()) std::fprintf(stderr, "%s\n", state.lastEvent.c_str());
    const double fraction = state.totalBytes ? static_cast<double>(state.doneBytes) / static_cast<double>(state.totalBytes) : 0;
    bar.update(fraction, hardware::formatBytes(state.doneBytes) + " of " + hardware::formatBytes(state.totalBytes) + ", " +
                             hardware::formatBytes(static_cast<std::uint64_t>(state.bytesPerSecond)) + "/s " +
                             durationText(state.secondsLeft));
  };
  hub::DownloadResult result;
  try {
    result = hub::downloadModel(client, options, progress, &gCancel);
  } catch (const hub::HubError& error) {
    bar.finish();
    if (error.problem() == hub::HubProblem::Cancelled) {
      std::fprintf(stderr, "Cancelled. What arrived is kept: run the same command again to continue.\n");
      return 130;
    }
    throw;
  }
  bar.finish();
  nlohmann::json json = {{"repo", result.repoId},
                         {"commit", result.commit},
                         {"folder", result.folder.string()},
                         {"downloaded_bytes", result.downloadedBytes},
                         {"reused_bytes", result.reusedBytes},
                         {"files", result.files}};
  if (!arguments.flag("json")) {
    std::printf("%s (commit %s): %d files in %s\n", result.repoId.c_str(), result.commit.substr(0, 12).c_str(), result.files,
                result.folder.c_str());
    std::printf("Downloaded %s; %s were already in the cache.\n", hardware::formatBytes(result.downloadedBytes).c_str(),
                hardware::formatBytes(result.reusedBytes).c_str());
  }
  if (arguments.flag("add")) {
    const auto facts = formats::inspectModelFolder(result.folder);
    catalog::Catalog store = catalog::Catalog::open(settings.catalogFile());
    const catalog::Id id = catalog::registerModelFolder(store, facts, arguments.value("name").value_or(result.repoId),
                                                        catalog::WhenPresent::TakeIt);
    json["id"] = id;
    if (!arguments.flag("json")) std::printf("Added to the catalog as model %lld.\n", static_cast<long long>(id));
  }
  if (arguments.flag("json")) std::cout << json.dump(2) << "\n";
  return 0;
}

int searchModelsCommand(const std::vector<std::string>& args) {
  const Arguments arguments("model search", args, {.flags = {"json"}, .valued = {"limit"}, .maxPositionals = 1});
  if (arguments.positionals().size() != 1) throw UsageError("model search needs a text to look for, such as qwen2.5");
  int limit = 20;
  if (const auto given = arguments.value("limit")) {
    try {
      limit = std::stoi(*given);
    } catch (const std::exception&) {
      throw UsageError("--limit needs a number, not \"" + *given + "\"");
    }
  }
  const settings::Settings settings = settings::loadSettings();
  hub::HubClient client(hub::hubAccess(settings.hubEndpoint));
  const std::vector<hub::RepoInfo> found = client.search(arguments.positionals()[0], limit);
  if (arguments.flag("json")) {
    nlohmann::json json = nlohmann::json::array();
    for (const hub::RepoInfo& info : found) {
      json.push_back({{"id", info.id},
                      {"downloads", info.downloads},
                      {"likes", info.likes},
                      {"gated", info.gated},
                      {"parameters", info.parameters},
                      {"architectures", info.architectures},
                      {"trainable", trainable(info)}});
    }
    std::cout << json.dump(2) << "\n";
    return 0;
  }
  if (found.empty()) {
    std::printf("No text-generation model on the Hub matches \"%s\".\n", arguments.positionals()[0].c_str());
    return 0;
  }
  std::printf("%-48s %10s %7s %8s  %s\n", "MODEL", "DOWNLOADS", "LIKES", "PARAMS", "NOTES");
  for (const hub::RepoInfo& info : found) {
    std::string notes = trainable(info) ? "" : "Tiertune cannot train this architecture";
    if (!info.gated.empty()) notes += std::string(notes.empty() ? "" : "; ") + "gated: needs a token with access";
    std::printf("%-48s %10s %7s %8s  %s\n", info.id.c_str(), countText(info.downloads).c_str(), countText(info.likes).c_str(),
                parametersText(info.parameters).c_str(), notes.c_str());
  }
  return 0;
}

int fitModelsCommand(const std::vector<std::string>& args) {
  const Arguments arguments("model fit", args, {.flags = {"json", "recommended"}, .valued = {}, .maxPositionals = 64});
  std::vector<std::string> ids(arguments.positionals().begin(), arguments.positionals().end());
  const settings::Settings settings = settings::loadSettings();
  const train::ThisMachine machine = train::assessThisMachine(settings);
  if (arguments.flag("recommended")) {
    const tiers::MachineBudget& budget = machine.machine.budget;
    for (const hub::RecommendedModel& model : hub::recommendedModels(hub::machineClassOf(budget.hasGpu, budget.deviceBytes))) {
      ids.push_back(model.repoId);
    }
  }
  if (ids.empty()) throw UsageError("model fit needs model names (ORGANIZATION/NAME) or --recommended");
  hub::HubClient client(hub::hubAccess(settings.hubEndpoint));
  nlohmann::json json = nlohmann::json::array();
  if (!arguments.flag("json")) {
    std::printf("Per 1,000 examples of %.0f tokens, one pass, on this machine (%s):\n", train::kTypicalExampleTokens,
                machine.machine.budget.hasGpu ? "GPU" : "CPU only");
    std::printf("%-40s %-34s %-34s\n", "MODEL", "QUICK LORA", "FULL FINE-TUNE");
  }
  for (const std::string& id : ids) {
    const hub::Candidate candidate = hub::lookUpCandidate(client, id, std::nullopt, machine);
    std::string note = candidate.cannotTrain.empty() ? candidate.problemText : candidate.cannotTrain;
    if (arguments.flag("json")) {
      nlohmann::json row = {{"id", id}, {"trainable", candidate.trainable()}, {"note", note}};
      for (const auto& [key, fit] : {std::pair{"quick_lora", candidate.quickLora}, std::pair{"full", candidate.fullFineTune}}) {
        if (fit) row[key] = {{"verdict", verdictWords(fit->verdict)}, {"seconds_per_1000_examples", fit->secondsPer1000Examples},
                             {"reason", fit->fix ? tiers::planFixText(*fit->fix) : std::string()}};
      }
      json.push_back(row);
    } else if (!candidate.trainable()) {
      std::printf("%-40s %s\n", id.c_str(), note.c_str());
    } else {
      std::printf("%-40s %-34s %-34s\n", id.c_str(), fitText(candidate.quickLora).c_str(), fitText(candidate.fullFineTune).c_str());
    }
  }
  if (arguments.flag("json")) std::cout << json.dump(2) << "\n";
  return 0;
}

}  // namespace tiertune::cli
