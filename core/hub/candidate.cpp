#include "core/hub/candidate.h"

#include "core/formats/model_config.h"
#include "core/hub/hub_cache.h"

namespace tiertune::hub {
namespace {

bool refusalOfThisModel(HubProblem problem) {
  return problem == HubProblem::NotSignedIn || problem == HubProblem::NoAccess || problem == HubProblem::BadToken ||
         problem == HubProblem::RepoNotFound || problem == HubProblem::FileNotFound || problem == HubProblem::RevisionNotFound;
}

}  // namespace

std::string whyTiertuneCannotTrain(const RepoInfo& info) {
  if (info.architectures.empty() && info.modelType.empty()) return {};
  bool supported = info.architectures.empty() && formats::isSupportedArchitecture({}, info.modelType);
  for (const std::string& name : info.architectures) {
    supported = supported || formats::isSupportedArchitecture(name, info.modelType);
  }
  if (supported) return {};
  const std::string name = info.architectures.empty() ? info.modelType : info.architectures.front();
  return "Tiertune cannot train " + name + " models yet; it trains " + formats::supportedArchitectureNames() + ".";
}

Candidate lookUpCandidate(HubClient& client, const std::string& repoId, const std::optional<RepoInfo>& known,
                          const train::ThisMachine& machine) {
  Candidate candidate;
  try {
    candidate.info = known ? *known : client.repoInfo(repoId);
    if (candidate.info.id.empty()) candidate.info.id = repoId;
    candidate.cannotTrain = whyTiertuneCannotTrain(candidate.info);
    if (!candidate.cannotTrain.empty()) return candidate;
    const std::string revision = isCommitHash(candidate.info.commit) ? candidate.info.commit : std::string("main");
    const std::string configText = client.readTextFile(repoId, revision, "config.json");
    formats::ModelConfig config;
    try {
      config = formats::parseModelConfig(configText, repoId + "/config.json");
    } catch (const Error& error) {
      candidate.cannotTrain = error.what();
      return candidate;
    }
    candidate.quickLora = train::fitOfCandidate(config, train::GoalPreset::QuickLora, machine);
    candidate.fullFineTune = train::fitOfCandidate(config, train::GoalPreset::FullFineTune, machine);
  } catch (const HubError& error) {
    if (!refusalOfThisModel(error.problem())) throw;
    candidate.problem = error.problem();
    candidate.problemText = error.what();
    if (candidate.info.id.empty()) candidate.info.id = repoId;
  }
  return candidate;
}

}  // namespace tiertune::hub
