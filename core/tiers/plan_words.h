// The planner's verdicts and notes in English words, for the command line, the worker's log and
// error messages. The window words the same kinds and numbers itself, through tr(), so that no
// English sentence from here reaches a translated window.
#pragma once

#include <string>

#include "core/tiers/machine_budget.h"
#include "core/tiers/planner.h"

namespace tiertune::tiers {

// "Fits: 1.20 GB on the GPU, ..." or "Does not fit: ...": one sentence (two for a working memory
// that is too large while the whole state is also too large for every tier together).
std::string planSummaryText(const Plan& plan);

// "Use LoRA instead of full fine-tuning: it needs about 3.10 GB in all."
std::string planFixText(const PlanFix& fix);

// The summary followed by every fix: what an error says when a run does not fit.
std::string noFitText(const Plan& plan);

std::string planNoteText(const PlanNote& note);

// Keys for the command line's JSON: "none", "working_memory", "training_state"; "smaller_batch_and_sequence",
// "use_lora", "free_disk_space".
const char* shortfallKey(Shortfall shortfall);
const char* fixKey(FixKind kind);

// "1.20 GB": the decimal gigabytes the planner's words use.
std::string gigabytesText(std::uint64_t bytes);

}  // namespace tiertune::tiers
