// A model on the Hub as a candidate to download: what the Hub says of it, whether Tiertune can train
// it (its config.json read from the Hub, a few kilobytes, before any weight), and the planner's
// verdict for Quick LoRA and for a full fine-tune on this machine. Architectures Tiertune cannot
// train say so with the reason, so that nothing is downloaded by accident.
#pragma once

#include <optional>
#include <string>

#include "core/hub/hub_client.h"
#include "core/hub/hub_error.h"
#include "core/train/candidate_fit.h"

namespace tiertune::hub {

struct Candidate {
  RepoInfo info;
  std::string cannotTrain;             // why Tiertune cannot train it; empty when it can (or is unknown)
  std::optional<HubProblem> problem;   // the Hub refused its configuration (gated: NotSignedIn, NoAccess)
  std::string problemText;
  std::optional<train::CandidateFit> quickLora;
  std::optional<train::CandidateFit> fullFineTune;
  bool trainable() const { return cannotTrain.empty() && !problem; }
};

// Why Tiertune cannot train the model, from what the Hub's model list says of it (its classes or
// model_type); empty when it can, or when the list does not say.
std::string whyTiertuneCannotTrain(const RepoInfo& info);

// Looks the model up (info already known from a search is reused when given). Never throws for the
// model's own problems (gated, unsupported, missing config): they are in the result. Throws
// HubError for the network and Cancelled, which concern every candidate alike.
Candidate lookUpCandidate(HubClient& client, const std::string& repoId, const std::optional<RepoInfo>& known,
                          const train::ThisMachine& machine);

}  // namespace tiertune::hub
