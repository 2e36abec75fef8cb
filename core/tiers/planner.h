// The memory planner: a pure function from what is trained (model shape, method, batch, sequence)
// and what the machine offers (tier budgets, measured bandwidths, compute rate) to where every
// group of training state lives, the peak bytes of each tier, the predicted step time and what
// limits it. Same inputs, same plan. It prefers the fastest tier that fits; a plan that cannot
// fit says why in plain words and what would make it fit.
//
// What the training core must honour for these figures to hold: the loss runs over chunks of
// 1,024 tokens, the GPU backend's attention is fused, layers are recomputed from their input in
// the backward (activation checkpointing) and their inputs stay on the device, and every unit
// (embeddings, each layer, head) streams through the same device slots.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/formats/model_config.h"

namespace tiertune::tiers {

enum class Method { Lora, Full };
enum class Tier { Device, Host, Disk };
const char* toString(Tier tier);

// The groups of state the tiers hold.
enum class StateGroup {
  FrozenWeights,      // bf16 base weights that are not trained (LoRA)
  WorkingWeights,     // bf16 copy of the trained weights the forward and backward use
  MasterWeights,      // fp32 copy the optimizer updates
  Gradients,          // fp32
  AdamFirstMoment,    // fp32
  AdamSecondMoment,   // fp32
  ActivationCheckpoints,  // each layer's input, kept for the recomputing backward
  WorkingBuffers,     // one layer's activations while it runs forward and backward, logits
};
const char* toString(StateGroup group);

struct TrainingSetup {
  formats::ModelConfig model;
  Method method = Method::Lora;
  int loraRank = 16;       // adapters on q, k, v, o, gate, up and down projections
  int microBatch = 1;      // sequences per forward/backward
  int sequenceLength = 2048;
  int gradientAccumulation = 1;  // micro-batches per optimizer step
  // Trained weights kept as one fp32 copy that the ops read (both backends today), with no bf16
  // working copy beside the fp32 masters.
  bool fp32Weights = false;
  // Bytes of a frozen base weight (LoRA): 2 for a base kept in its checkpoint's bf16 or fp16, 4 for
  // an fp32 checkpoint (model::frozenElementType decides, for the planner and the trainer alike).
  int frozenWeightBytes = 2;
  // QLoRA: the layers' projection matrices of the frozen base in NF4 (4.127 bits a weight, exactly
  // as kernels/nf4_format.h lays them out), the rest at frozenWeightBytes.
  bool fourBitBase = false;
};

struct MachineBudget {
  bool hasGpu = false;                // false: the CPU backend, the device tier is a RAM arena
  std::uint64_t deviceBytes = 0;      // GPU memory minus reserve, or the CPU arena
  std::uint64_t hostBytes = 0;        // RAM Tiertune may use beyond the arena
  std::uint64_t diskBytes = 0;        // free space of the offload folder it may use
  double hostToDeviceBytesPerSecond = 25e9;  // PCIe 4.0 x16 in practice; memcpy rate on the CPU backend
  double diskReadBytesPerSecond = 0;  // measured by the hardware check
  double diskWriteBytesPerSecond = 0;
  double computeFlopsPerSecond = 0;   // sustained bf16 matmul rate of the device (or CPU)
};

struct Placement {
  StateGroup group;
  int layer;            // 0..layers-1; -1 the embeddings, `layers` the final norm and head
  std::uint64_t bytes;
  Tier tier;
};

// Device buffers streamed units pass through: one computing, one arriving, one leaving.
inline constexpr std::uint64_t kStreamingSlots = 3;

enum class Bottleneck { Compute, HostDeviceLink, Disk };
const char* toString(Bottleneck bottleneck);

// Why a plan does not fit, as a kind with its numbers in the Plan: each front end words it (the
// command line and the worker's log through plan_words.h, the window through tr()).
enum class Shortfall {
  None,
  WorkingMemory,  // the device cannot hold one step's working memory (activations, streaming slots)
  TrainingState,  // device, RAM and offload disk together cannot hold the training state
};

// A change that would make the run fit, with the figure that goes with it.
enum class FixKind {
  SmallerBatchAndSequence,  // a micro-batch of 1 and a sequence of `sequenceLength` tokens
  UseLora,                  // LoRA instead of full fine-tuning: `bytes` of training state in all
  FreeDiskSpace,            // `bytes` more free space on the offload folder's disk, or a larger SSD
};
struct PlanFix {
  FixKind kind = FixKind::SmallerBatchAndSequence;
  std::uint64_t bytes = 0;
  int sequenceLength = 0;
};

struct Plan {
  bool fits = false;
  std::vector<Placement> placements;   // every group of every layer, in model order
  std::uint64_t peakBytes[3] = {0, 0, 0};  // by Tier
  std::uint64_t totalStateBytes = 0;
  std::uint64_t trainableParameters = 0;
  double computeSeconds = 0;           // per optimizer step
  double transferSeconds = 0;          // host <-> device per step
  double diskSeconds = 0;              // SSD per step
  double stepSeconds = 0;              // the slowest of the three: they overlap layer by layer
  Bottleneck bottleneck = Bottleneck::Compute;
  bool onGpu = false;                  // the device tier is a GPU's memory (else the CPU's arena)
  std::uint64_t offeredBytes[3] = {0, 0, 0};  // by Tier: what the machine offered the plan
  Shortfall shortfall = Shortfall::None;
  std::uint64_t workingBytes = 0;      // WorkingMemory: the step's working memory on the device
  std::vector<PlanFix> fixes;          // when it does not fit: what would make it fit, best first
};

// Bytes of training state the setup needs in total (all groups, before placement).
// fusedAttention: the GPU backend's attention keeps no sequence x sequence scores.
std::uint64_t trainingStateBytes(const TrainingSetup& setup, bool fusedAttention);

Plan planTraining(const TrainingSetup& setup, const MachineBudget& machine);

}  // namespace tiertune::tiers
