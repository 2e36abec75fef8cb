#include "core/model/decoder.h"

#include <algorithm>
#include <optional>
#include <stdexcept>
#include <string>

#include "core/util/error.h"
#include "core/util/random.h"
#include "kernels/cpu/rope.h"

namespace tiertune::model {

using kernels::DeviceBuffer;
using kernels::DeviceSpan;
using kernels::MatmulShape;

// A linear layer y = x W^T + b (+ LoRA). Shapes: weight [out, in], bias [out], loraA [rank, in],
// loraB [out, rank]. Gradient spans are empty for what is frozen.
struct Decoder::Linear {
  std::size_t in = 0, out = 0;
  kernels::WeightView weight;  // fp32, or the 16 bits of a frozen base
  DeviceSpan<const float> bias;
  DeviceSpan<float> dWeight, dBias;
  bool adapted = false;
  DeviceSpan<const float> loraA, loraB;
  DeviceSpan<float> dLoraA, dLoraB;
};

struct Decoder::Layer {
  DeviceSpan<const float> inputNorm, postNorm, qNorm, kNorm;  // [hidden], [hidden], [headDim] x 2
  DeviceSpan<float> dInputNorm, dPostNorm, dQNorm, dKNorm;
  std::array<Linear, kLinearModuleCount> linear;
  const Linear& operator[](LinearModule module) const { return linear[static_cast<int>(module)]; }
};

// What one layer's forward keeps for its backward, T = tokens:
//   n1, h1, n2 [T, hidden]; invRms1, invRms2 [T]; qRaw, q [T, heads*headDim]; kRaw, k, v
//   [T, kvHeads*headDim]; qInv [T*heads], kInv [T*kvHeads] (qk-norm only); attn [T, heads*headDim];
//   lse [heads, T]; gate, up, act [T, intermediate]; loraHidden[m] = dropout(x) A^T [T, rank].
struct Decoder::Saved {
  DeviceSpan<float> n1, invRms1, qRaw, kRaw, qInv, kInv, q, k, v, attn, lse, h1, n2, invRms2, gate, up, act;
  std::array<DeviceSpan<float>, kLinearModuleCount> loraHidden;
};

struct Decoder::Workspace {
  std::size_t tokens = 0;
  DeviceBuffer integers;  // ids, positions, sampleStart, targets: [4, T]
  DeviceSpan<std::int32_t> ids, positions, sampleStart, targets;
  DeviceBuffer inputsBuffer;  // the input of every layer and the last layer's output: [layers + 1, T, hidden]
  std::vector<DeviceSpan<float>> layerInputs;
  DeviceBuffer savedBuffer;  // one Saved per layer, or one reused with checkpointing
  std::vector<Saved> saved;
  DeviceBuffer scratchBuffer;
  // hidden after the final norm and its inverse RMS; gradients flowing back; a layer's output
  // when it is recomputed; the dropped-out input of a LoRA layer.
  DeviceBuffer lastLogits;  // [sequences, hidden + vocab]: extendSequences' last rows and their logits
  DeviceSpan<float> finalNormed, finalInvRms, dResidual, dTemp, dNormed, dAttn, dq, dk, dv, dqRaw, dkRaw, dGate,
      dUp, dAct, dLora, recomputed, dropped;
};

namespace {

// Hands out consecutive pieces of a buffer; counting first (buffer empty) sizes it.
class Carver {
 public:
  explicit Carver(DeviceSpan<float> buffer = {}) : buffer_(buffer) {}
  DeviceSpan<float> take(std::size_t count) {
    // 16-float steps: every piece starts on a 64-byte boundary.
    const std::size_t offset = used_;
    used_ += (count + 15) / 16 * 16;
    return buffer_.empty() ? DeviceSpan<float>() : buffer_.subspan(offset, count);
  }
  std::size_t used() const { return used_; }

 private:
  DeviceSpan<float> buffer_;
  std::size_t used_ = 0;
};

std::uint64_t moduleSeed(std::uint64_t seed, std::size_t layer, int module) {
  return SplitMix64(seed ^ (static_cast<std::uint64_t>(layer) << 8 | static_cast<std::uint64_t>(module))).next();
}

kernels::cpu::RopeScalingSpec ropeSpec(const formats::ModelConfig& config) {
  kernels::cpu::RopeScalingSpec spec;
  spec.factor = config.ropeScaling.factor;
  switch (config.ropeScaling.type) {
    case formats::RopeScalingType::None:
    case formats::RopeScalingType::Dynamic:  // equals plain RoPE within maxPositionEmbeddings (checked)
      spec.kind = kernels::cpu::RopeScalingSpec::Kind::None;
      break;
    case formats::RopeScalingType::Linear: spec.kind = kernels::cpu::RopeScalingSpec::Kind::Linear; break;
    case formats::RopeScalingType::Llama3:
      spec.kind = kernels::cpu::RopeScalingSpec::Kind::Llama3;
      spec.lowFreqFactor = config.ropeScaling.lowFreqFactor;
      spec.highFreqFactor = config.ropeScaling.highFreqFactor;
      spec.originalMaxPositionEmbeddings = static_cast<double>(config.ropeScaling.originalMaxPositionEmbeddings);
      break;
  }
  return spec;
}

DeviceSpan<const float> constant(DeviceSpan<float> span) { return span; }

}  // namespace

namespace {

// Every unit is always there: the tables a decoder was given whole.
class WholeTables final : public UnitResidency {
 public:
  WholeTables(const ParameterTable& base, const ParameterTable* adapter, const ParameterTable* gradients)
      : tables_{&base, adapter, gradients} {}
  UnitTables acquire(std::size_t /*unit*/, bool gradients) override {
    return {tables_.base, tables_.adapter, gradients ? tables_.gradients : nullptr};
  }
  void release(std::size_t /*unit*/) noexcept override {}

 private:
  UnitTables tables_;
};

}  // namespace

// Holds a unit for one use: acquired and bound on construction, released when it goes.
class Decoder::Held {
 public:
  Held(Decoder& decoder, std::size_t unit, bool gradients) : decoder_(decoder), unit_(unit) {
    decoder.bindUnit(unit, decoder.residency_->acquire(unit, gradients));
  }
  ~Held() { decoder_.residency_->release(unit_); }
  Held(const Held&) = delete;
  Held& operator=(const Held&) = delete;

 private:
  Decoder& decoder_;
  std::size_t unit_;
};

// The norm weights and biases of one unit as the fp32 ops read them: an fp32 base's own tensors, or
// a 16-bit base's widened exactly into the unit's region of smallWeights_ (a few vectors per
// layer). The widening is queued on the compute lane after the unit arrived; each unit has its own
// region, so units bound at the same time never share one.
class Decoder::SmallWeights {
 public:
  SmallWeights(Decoder& decoder, std::size_t unit) : decoder_(decoder), unit_(unit) {}
  DeviceSpan<const float> of(const ParameterTable& base, const std::string& name) {
    const kernels::WeightView weight = base.weight(name);
    if (!weight.isHalf()) return weight.f32;
    const DeviceSpan<float> widened = region().take(weight.size());
    decoder_.backend_.widen(weight.half, weight.format, widened);
    return widened;
  }

 private:
  Carver& region() {
    if (!carver_) carver_.emplace(decoder_.smallWeightsRegion(unit_));
    return *carver_;
  }
  Decoder& decoder_;
  std::size_t unit_;
  std::optional<Carver> carver_;
};

DeviceSpan<float> Decoder::smallWeightsRegion(std::size_t unit) {
  // Per unit at most: two norms of hidden, two of headDim, and a bias for every linear module.
  const auto hidden = static_cast<std::size_t>(config_.hiddenSize);
  std::size_t perLayer = 2 * hidden + 2 * static_cast<std::size_t>(config_.headDim);
  for (int m = 0; m < kLinearModuleCount; ++m) {
    perLayer += static_cast<std::size_t>(moduleOutputs(config_, static_cast<LinearModule>(m)));
  }
  perLayer += (4 + kLinearModuleCount) * 16;  // the Carver's 64-byte steps
  const std::size_t units = layers_.size() + 2;
  if (smallWeights_.bytes() == 0) smallWeights_ = backend_.allocate(units * perLayer * sizeof(float));
  return smallWeights_.as<float>().subspan(unit * perLayer, perLayer);
}

Decoder::Decoder(kernels::Backend& backend, const formats::ModelConfig& config, const ParameterTable& base,
                 const ParameterTable* adapter, const LoraConfig* lora, const ParameterTable* gradients,
                 DecoderOptions options)
    : backend_(backend), config_(config), options_(options), work_(std::make_unique<Workspace>()) {
  if ((adapter == nullptr) != (lora == nullptr)) {
    throw std::invalid_argument("a LoRA adapter needs both its tensors and its configuration");
  }
  wholeTables_ = std::make_unique<WholeTables>(base, adapter, gradients);
  residency_ = wholeTables_.get();
  trainsBase_ = gradients != nullptr && adapter == nullptr;
  training_ = gradients != nullptr;
  initialize(lora);
}

Decoder::Decoder(kernels::Backend& backend, const formats::ModelConfig& config, UnitResidency& residency,
                 const LoraConfig* lora, bool training, DecoderOptions options)
    : backend_(backend), config_(config), residency_(&residency), options_(options),
      work_(std::make_unique<Workspace>()) {
  trainsBase_ = training && lora == nullptr;
  training_ = training;
  initialize(lora);
}

void Decoder::initialize(const LoraConfig* lora) {
  if (lora != nullptr) {
    validateLoraConfig(*lora);
    lora_ = *lora;
    hasAdapter_ = true;
  }
  layers_.resize(static_cast<std::size_t>(config_.layerCount));
  const std::vector<float> frequencies = kernels::cpu::ropeInverseFrequencies<float>(
      static_cast<std::size_t>(config_.headDim), config_.ropeTheta, ropeSpec(config_));
  inverseFrequencies_ = backend_.allocate(frequencies.size() * sizeof(float));
  backend_.upload(frequencies, inverseFrequencies_.as<float>().subspan(0, frequencies.size()));
}

Decoder::~Decoder() = default;

// Binds the spans of what the unit holds; with tied embeddings unit 0 also gives the head.
void Decoder::bindUnit(std::size_t unit, const UnitTables& tables) {
  const ParameterTable& base = *tables.base;
  auto baseGradient = [&](const std::string& name) {
    return trainsBase_ && tables.gradients != nullptr && tables.gradients->find(name) ? tables.gradients->tensor(name)
                                                                                      : DeviceSpan<float>();
  };
  if (unit == 0) {
    embedding_ = base.weight("model.embed_tokens.weight");
    dEmbedding_ = baseGradient("model.embed_tokens.weight");
    if (config_.tieWordEmbeddings) {
      head_ = embedding_;
      dHead_ = dEmbedding_;
    }
  } else if (unit == headUnit(config_)) {
    SmallWeights small(*this, unit);
    finalNorm_ = small.of(base, "model.norm.weight");
    dFinalNorm_ = baseGradient("model.norm.weight");
    if (!config_.tieWordEmbeddings) {
      head_ = base.weight("lm_head.weight");
      dHead_ = baseGradient("lm_head.weight");
    }
  } else {
    bindLayer(unit - 1, tables);
  }
}

void Decoder::bindLayer(std::size_t index, const UnitTables& tables) {
  const ParameterTable& base = *tables.base;
  const ParameterTable* gradients = tables.gradients;
  SmallWeights small(*this, index + 1);
  auto weight = [&](const std::string& name) { return small.of(base, name); };
  auto optionalWeight = [&](const std::string& name) {
    return base.find(name) ? small.of(base, name) : DeviceSpan<const float>();
  };
  auto baseGradient = [&](const std::string& name) {
    return trainsBase_ && gradients != nullptr && gradients->find(name) ? gradients->tensor(name) : DeviceSpan<float>();
  };
  Layer& layer = layers_.at(index);
  const std::string prefix = "model.layers." + std::to_string(index) + ".";
  layer.inputNorm = weight(prefix + "input_layernorm.weight");
  layer.dInputNorm = baseGradient(prefix + "input_layernorm.weight");
  layer.postNorm = weight(prefix + "post_attention_layernorm.weight");
  layer.dPostNorm = baseGradient(prefix + "post_attention_layernorm.weight");
  if (config_.qkNorm) {
    layer.qNorm = weight(prefix + "self_attn.q_norm.weight");
    layer.dQNorm = baseGradient(prefix + "self_attn.q_norm.weight");
    layer.kNorm = weight(prefix + "self_attn.k_norm.weight");
    layer.dKNorm = baseGradient(prefix + "self_attn.k_norm.weight");
  }
  for (int m = 0; m < kLinearModuleCount; ++m) {
    const auto module = static_cast<LinearModule>(m);
    Linear& linear = layer.linear[m];
    const std::string path = prefix + std::string(modulePath(module));
    linear.in = static_cast<std::size_t>(moduleInputs(config_, module));
    linear.out = static_cast<std::size_t>(moduleOutputs(config_, module));
    linear.weight = base.weight(path + ".weight");
    linear.dWeight = baseGradient(path + ".weight");
    linear.bias = optionalWeight(path + ".bias");
    linear.dBias = linear.bias.empty() ? DeviceSpan<float>() : baseGradient(path + ".bias");
    linear.adapted = hasAdapter_ && lora_.adapts(module);
    if (!linear.adapted) continue;
    if (tables.adapter == nullptr) throw std::logic_error("a LoRA decoder was given a unit without its adapter");
    const std::string a = loraTensorName(static_cast<std::int64_t>(index), module, 'A');
    const std::string b = loraTensorName(static_cast<std::int64_t>(index), module, 'B');
    linear.loraA = constant(tables.adapter->tensor(a));
    linear.loraB = constant(tables.adapter->tensor(b));
    linear.dLoraA = gradients != nullptr ? gradients->tensor(a) : DeviceSpan<float>();
    linear.dLoraB = gradients != nullptr ? gradients->tensor(b) : DeviceSpan<float>();
  }
}

void Decoder::checkBatch(const TokenBatch& batch) const {
  const std::size_t tokens = batch.tokens();
  if (tokens == 0) throw Error("a batch has no tokens");
  if (batch.positions.size() != tokens || batch.sampleStart.size() != tokens || batch.targets.size() != tokens) {
    throw std::invalid_argument("a batch's ids, positions, sample starts and targets differ in length");
  }
  const auto vocab = static_cast<std::int32_t>(config_.vocabSize);
  for (std::size_t t = 0; t < tokens; ++t) {
    if (batch.inputIds[t] < 0 || batch.inputIds[t] >= vocab) {
      throw Error("token id " + std::to_string(batch.inputIds[t]) + " is outside the model's vocabulary of " +
                  std::to_string(vocab));
    }
    const std::int32_t start = batch.sampleStart[t];
    if (start < 0 || static_cast<std::size_t>(start) > t) {
      throw std::invalid_argument("a token's sample starts after it");
    }
  }
  const std::size_t longest = batch.longestSample();
  if (config_.ropeScaling.type == formats::RopeScalingType::Dynamic &&
      longest > static_cast<std::size_t>(config_.maxPositionEmbeddings)) {
    throw Error("samples longer than the model's context (" + std::to_string(config_.maxPositionEmbeddings) +
                " tokens) with dynamic RoPE scaling are not supported yet");
  }
  if (config_.slidingWindow > 0 && longest > static_cast<std::size_t>(config_.slidingWindow)) {
    throw Error("samples longer than the model's sliding attention window (" +
                std::to_string(config_.slidingWindow) + " tokens) are not supported yet");
  }
}

void Decoder::prepare(const TokenBatch& batch) {
  checkBatch(batch);
  Workspace& w = *work_;
  const std::size_t T = batch.tokens();
  const auto hidden = static_cast<std::size_t>(config_.hiddenSize);
  const auto heads = static_cast<std::size_t>(config_.attentionHeads);
  const auto kvHeads = static_cast<std::size_t>(config_.keyValueHeads);
  const auto headDim = static_cast<std::size_t>(config_.headDim);
  const auto inner = static_cast<std::size_t>(config_.intermediateSize);
  const std::size_t qWidth = heads * headDim, kvWidth = kvHeads * headDim;
  const std::size_t rank = hasAdapter_ ? static_cast<std::size_t>(lora_.rank) : 0;
  const std::size_t widest = std::max({hidden, qWidth, inner});

  w.tokens = T;
  if (w.integers.bytes() < 4 * T * sizeof(std::int32_t)) w.integers = backend_.allocate(4 * T * sizeof(std::int32_t));
  const DeviceSpan<std::int32_t> integers = w.integers.as<std::int32_t>();
  w.ids = integers.subspan(0, T);
  w.positions = integers.subspan(T, T);
  w.sampleStart = integers.subspan(2 * T, T);
  w.targets = integers.subspan(3 * T, T);
  backend_.upload(batch.inputIds, w.ids);
  backend_.upload(batch.positions, w.positions);
  backend_.upload(batch.sampleStart, w.sampleStart);
  backend_.upload(batch.targets, w.targets);

  auto ensure = [&](DeviceBuffer& buffer, std::size_t floats) {
    if (buffer.bytes() < floats * sizeof(float)) buffer = backend_.allocate(floats * sizeof(float));
    return buffer.as<float>();
  };

  const std::size_t layerCount = layers_.size();
  {
    Carver counter;
    for (std::size_t i = 0; i <= layerCount; ++i) counter.take(T * hidden);
    Carver carver(ensure(w.inputsBuffer, counter.used()));
    w.layerInputs.clear();
    for (std::size_t i = 0; i <= layerCount; ++i) w.layerInputs.push_back(carver.take(T * hidden));
  }

  auto carveSaved = [&](Carver& c) {
    Saved s;
    s.n1 = c.take(T * hidden);
    s.invRms1 = c.take(T);
    if (config_.qkNorm) {
      s.qRaw = c.take(T * qWidth);
      s.kRaw = c.take(T * kvWidth);
      s.qInv = c.take(T * heads);
      s.kInv = c.take(T * kvHeads);
    }
    s.q = c.take(T * qWidth);
    s.k = c.take(T * kvWidth);
    s.v = c.take(T * kvWidth);
    s.attn = c.take(T * qWidth);
    s.lse = c.take(heads * T);
    s.h1 = c.take(T * hidden);
    s.n2 = c.take(T * hidden);
    s.invRms2 = c.take(T);
    s.gate = c.take(T * inner);
    s.up = c.take(T * inner);
    s.act = c.take(T * inner);
    for (int m = 0; m < kLinearModuleCount; ++m) {
      if (!hasAdapter_ || !lora_.adapts(static_cast<LinearModule>(m))) continue;
      s.loraHidden[m] = c.take(T * rank);
    }
    return s;
  };
  {
    const std::size_t copies = options_.checkpointActivations ? 1 : layerCount;
    Carver counter;
    for (std::size_t i = 0; i < copies; ++i) carveSaved(counter);
    Carver carver(ensure(w.savedBuffer, counter.used()));
    w.saved.clear();
    for (std::size_t i = 0; i < copies; ++i) w.saved.push_back(carveSaved(carver));
  }

  auto carveScratch = [&](Carver& c) {
    w.finalNormed = c.take(T * hidden);
    w.finalInvRms = c.take(T);
    w.dResidual = c.take(T * hidden);
    w.dTemp = c.take(T * hidden);
    w.dNormed = c.take(T * hidden);
    w.dAttn = c.take(T * qWidth);
    w.dq = c.take(T * qWidth);
    w.dk = c.take(T * kvWidth);
    w.dv = c.take(T * kvWidth);
    w.dqRaw = config_.qkNorm ? c.take(T * qWidth) : DeviceSpan<float>();
    w.dkRaw = config_.qkNorm ? c.take(T * kvWidth) : DeviceSpan<float>();
    w.dGate = c.take(T * inner);
    w.dUp = c.take(T * inner);
    w.dAct = c.take(T * inner);
    w.dLora = hasAdapter_ ? c.take(T * rank) : DeviceSpan<float>();
    w.recomputed = c.take(T * hidden);
    w.dropped = hasAdapter_ && lora_.dropout > 0 ? c.take(T * widest) : DeviceSpan<float>();
  };
  Carver counter;
  carveScratch(counter);
  Carver carver(ensure(w.scratchBuffer, counter.used()));
  carveScratch(carver);
}

// y [T, out] = x [T, in] W^T + b + scaling * (dropout(x) A^T) B^T; loraHidden [T, rank] keeps
// dropout(x) A^T for the backward.
void Decoder::linearForward(const Linear& linear, DeviceSpan<const float> x, DeviceSpan<float> y,
                            DeviceSpan<float> loraHidden, bool training, std::uint64_t seed) {
  const std::size_t T = work_->tokens;
  backend_.matmulWeight(x, linear.weight, y, MatmulShape{T, linear.out, linear.in, false, true});
  if (!linear.bias.empty()) backend_.addBias(y, linear.bias, T);
  if (!linear.adapted) return;
  const auto rank = static_cast<std::size_t>(lora_.rank);
  DeviceSpan<const float> input = x;
  if (training && lora_.dropout > 0) {
    const DeviceSpan<float> dropped = work_->dropped.subspan(0, T * linear.in);
    backend_.dropout(x, dropped, static_cast<float>(lora_.dropout), seed);
    input = dropped;
  }
  backend_.matmul(input, linear.loraA, loraHidden, MatmulShape{T, rank, linear.in, false, true});
  backend_.matmul(loraHidden, linear.loraB, y, MatmulShape{T, linear.out, rank, false, true},
                  static_cast<float>(lora_.scaling()), 1.0f);
}

// Given dy [T, out]: dx [T, in] (= or += dy W, plus the adapter's path; none when dx is empty: an
// input nothing below needs the gradient of), and the gradients of what is trained: dW += dy^T x,
// db += column sums of dy, dB += s dy^T h, dA += (s dy B)^T dropout(x).
void Decoder::linearBackward(const Linear& linear, DeviceSpan<const float> dy, DeviceSpan<const float> x,
                             DeviceSpan<float> dx, bool accumulate, DeviceSpan<const float> loraHidden,
                             std::uint64_t seed) {
  const std::size_t T = work_->tokens;
  const bool inputGradient = !dx.empty();
  if (inputGradient) {
    backend_.matmulWeight(dy, linear.weight, dx, MatmulShape{T, linear.in, linear.out, false, false}, 1.0f,
                          accumulate ? 1.0f : 0.0f);
  }
  if (!linear.dWeight.empty()) {
    backend_.matmul(dy, x, linear.dWeight, MatmulShape{linear.out, linear.in, T, true, false}, 1.0f, 1.0f);
  }
  if (!linear.dBias.empty()) backend_.biasBackward(dy, T, linear.dBias);
  if (!linear.adapted) return;
  const auto rank = static_cast<std::size_t>(lora_.rank);
  const auto scaling = static_cast<float>(lora_.scaling());
  const bool dropout = lora_.dropout > 0;
  if (!linear.dLoraB.empty()) {
    backend_.matmul(dy, loraHidden, linear.dLoraB, MatmulShape{linear.out, rank, T, true, false}, scaling, 1.0f);
  }
  const DeviceSpan<float> dHidden = work_->dLora.subspan(0, T * rank);
  backend_.matmul(dy, linear.loraB, dHidden, MatmulShape{T, rank, linear.out, false, false}, scaling, 0.0f);
  if (!linear.dLoraA.empty()) {
    DeviceSpan<const float> input = x;
    if (dropout) {
      const DeviceSpan<float> dropped = work_->dropped.subspan(0, T * linear.in);
      backend_.dropout(x, dropped, static_cast<float>(lora_.dropout), seed);
      input = dropped;
    }
    backend_.matmul(dHidden, input, linear.dLoraA, MatmulShape{rank, linear.in, T, true, false}, 1.0f, 1.0f);
  }
  if (!inputGradient) return;
  if (dropout) {
    // d dropout(x) = dHidden A, then the same mask (dropout is linear in its input).
    const DeviceSpan<float> dDropped = work_->dropped.subspan(0, T * linear.in);
    backend_.matmul(dHidden, linear.loraA, dDropped, MatmulShape{T, linear.in, rank, false, false});
    backend_.dropout(dDropped, dDropped, static_cast<float>(lora_.dropout), seed);
    backend_.axpy(1.0f, dDropped, dx);
  } else {
    backend_.matmul(dHidden, linear.loraA, dx, MatmulShape{T, linear.in, rank, false, false}, 1.0f, 1.0f);
  }
}

void Decoder::forwardLayer(std::size_t index, DeviceSpan<const float> x, DeviceSpan<float> out, const Saved& s,
                           bool training, std::uint64_t seed) {
  const Layer& layer = layers_[index];
  const std::size_t T = work_->tokens;
  const auto hidden = static_cast<std::size_t>(config_.hiddenSize);
  const auto heads = static_cast<std::size_t>(config_.attentionHeads);
  const auto kvHeads = static_cast<std::size_t>(config_.keyValueHeads);
  const auto headDim = static_cast<std::size_t>(config_.headDim);
  auto seedOf = [&](LinearModule m) { return moduleSeed(seed, index, static_cast<int>(m)); };
  auto hiddenOf = [&](LinearModule m) { return s.loraHidden[static_cast<int>(m)]; };

  backend_.rmsNormForward(x, layer.inputNorm, {T, hidden, config_.rmsNormEps}, s.n1, s.invRms1);
  const DeviceSpan<float> qOut = config_.qkNorm ? s.qRaw : s.q;
  const DeviceSpan<float> kOut = config_.qkNorm ? s.kRaw : s.k;
  linearForward(layer[LinearModule::Query], s.n1, qOut, hiddenOf(LinearModule::Query), training,
                seedOf(LinearModule::Query));
  linearForward(layer[LinearModule::Key], s.n1, kOut, hiddenOf(LinearModule::Key), training,
                seedOf(LinearModule::Key));
  linearForward(layer[LinearModule::Value], s.n1, s.v, hiddenOf(LinearModule::Value), training,
                seedOf(LinearModule::Value));
  if (config_.qkNorm) {
    backend_.rmsNormForward(s.qRaw, layer.qNorm, {T * heads, headDim, config_.rmsNormEps}, s.q, s.qInv);
    backend_.rmsNormForward(s.kRaw, layer.kNorm, {T * kvHeads, headDim, config_.rmsNormEps}, s.k, s.kInv);
  }
  const DeviceSpan<const float> invFreq = inverseFrequencies_.as<float>().subspan(0, headDim / 2);
  backend_.rope(s.q, {T, heads, headDim}, work_->positions, invFreq, false);
  backend_.rope(s.k, {T, kvHeads, headDim}, work_->positions, invFreq, false);
  if (cacheStep_ != nullptr) {
    // Generation: each sequence's keys and values of this pass join its cache, and its queries
    // read all of that cache.
    const std::size_t kvWidth = kvHeads * headDim, qWidth = heads * headDim;
    for (const CacheSegment& segment : cacheStep_->segments) {
      const LayerKeyValues& cache = segment.layers[index];
      const std::size_t past = segment.past, count = segment.count, first = segment.first;
      backend_.copy(s.k.subspan(first * kvWidth, count * kvWidth), cache.keys.subspan(past * kvWidth, count * kvWidth));
      backend_.copy(s.v.subspan(first * kvWidth, count * kvWidth), cache.values.subspan(past * kvWidth, count * kvWidth));
      backend_.cachedAttention(s.q.subspan(first * qWidth, count * qWidth), cache.keys, cache.values,
                               {count, past, heads, kvHeads, headDim}, s.attn.subspan(first * qWidth, count * qWidth));
    }
  } else {
    backend_.attentionForward(s.q, s.k, s.v, work_->sampleStart, {T, heads, kvHeads, headDim}, s.attn, s.lse);
  }
  linearForward(layer[LinearModule::Output], s.attn, s.h1, hiddenOf(LinearModule::Output), training,
                seedOf(LinearModule::Output));
  backend_.axpy(1.0f, x, s.h1);

  backend_.rmsNormForward(s.h1, layer.postNorm, {T, hidden, config_.rmsNormEps}, s.n2, s.invRms2);
  linearForward(layer[LinearModule::Gate], s.n2, s.gate, hiddenOf(LinearModule::Gate), training,
                seedOf(LinearModule::Gate));
  linearForward(layer[LinearModule::Up], s.n2, s.up, hiddenOf(LinearModule::Up), training, seedOf(LinearModule::Up));
  backend_.swigluForward(s.gate, s.up, s.act);
  linearForward(layer[LinearModule::Down], s.act, out, hiddenOf(LinearModule::Down), training,
                seedOf(LinearModule::Down));
  backend_.axpy(1.0f, s.h1, out);
}

// dResidual: in, the gradient of the layer's output; out, the gradient of its input x.
void Decoder::backwardLayer(std::size_t index, DeviceSpan<const float> x, const Saved& s,
                            DeviceSpan<float> dResidual, std::uint64_t seed) {
  const Layer& layer = layers_[index];
  Workspace& w = *work_;
  const std::size_t T = w.tokens;
  const auto hidden = static_cast<std::size_t>(config_.hiddenSize);
  const auto heads = static_cast<std::size_t>(config_.attentionHeads);
  const auto kvHeads = static_cast<std::size_t>(config_.keyValueHeads);
  const auto headDim = static_cast<std::size_t>(config_.headDim);
  auto seedOf = [&](LinearModule m) { return moduleSeed(seed, index, static_cast<int>(m)); };
  auto hiddenOf = [&](LinearModule m) { return constant(s.loraHidden[static_cast<int>(m)]); };

  // MLP: out = h1 + down(swiglu(gate(n2), up(n2))), n2 = norm(h1).
  linearBackward(layer[LinearModule::Down], dResidual, s.act, w.dAct, false, hiddenOf(LinearModule::Down),
                 seedOf(LinearModule::Down));
  backend_.swigluBackward(w.dAct, s.gate, s.up, w.dGate, w.dUp);
  linearBackward(layer[LinearModule::Gate], w.dGate, s.n2, w.dNormed, false, hiddenOf(LinearModule::Gate),
                 seedOf(LinearModule::Gate));
  linearBackward(layer[LinearModule::Up], w.dUp, s.n2, w.dNormed, true, hiddenOf(LinearModule::Up),
                 seedOf(LinearModule::Up));
  backend_.rmsNormBackward(w.dNormed, s.h1, layer.postNorm, s.invRms2, {T, hidden, config_.rmsNormEps}, w.dTemp,
                           layer.dPostNorm);
  backend_.axpy(1.0f, w.dTemp, dResidual);  // now d h1

  // Attention: h1 = x + o(attention(rope(norm?(q(n1))), rope(norm?(k(n1))), v(n1))), n1 = norm(x).
  linearBackward(layer[LinearModule::Output], dResidual, s.attn, w.dAttn, false, hiddenOf(LinearModule::Output),
                 seedOf(LinearModule::Output));
  backend_.attentionBackward(w.dAttn, s.q, s.k, s.v, s.attn, s.lse, w.sampleStart, {T, heads, kvHeads, headDim},
                             w.dq, w.dk, w.dv);
  const DeviceSpan<const float> invFreq = inverseFrequencies_.as<float>().subspan(0, headDim / 2);
  backend_.rope(w.dq, {T, heads, headDim}, w.positions, invFreq, true);
  backend_.rope(w.dk, {T, kvHeads, headDim}, w.positions, invFreq, true);
  DeviceSpan<float> dqOut = w.dq, dkOut = w.dk;
  if (config_.qkNorm) {
    backend_.rmsNormBackward(w.dq, s.qRaw, layer.qNorm, s.qInv, {T * heads, headDim, config_.rmsNormEps}, w.dqRaw,
                             layer.dQNorm);
    backend_.rmsNormBackward(w.dk, s.kRaw, layer.kNorm, s.kInv, {T * kvHeads, headDim, config_.rmsNormEps},
                             w.dkRaw, layer.dKNorm);
    dqOut = w.dqRaw;
    dkOut = w.dkRaw;
  }
  // The first layer's input is the embedding's output: when neither the embedding nor this
  // layer's input norm is trained, nothing needs d x (PyTorch's autograd skips it too): the three
  // products and the norm's backward that would make it are not run (about 1% of a LoRA step of
  // the 56M benchmark), and dResidual is left holding d h1.
  const bool inputGradient = index > 0 || trainsBase_ || !layer.dInputNorm.empty();
  const DeviceSpan<float> dNormed = inputGradient ? w.dNormed : DeviceSpan<float>();
  linearBackward(layer[LinearModule::Query], dqOut, s.n1, dNormed, false, hiddenOf(LinearModule::Query),
                 seedOf(LinearModule::Query));
  linearBackward(layer[LinearModule::Key], dkOut, s.n1, dNormed, true, hiddenOf(LinearModule::Key),
                 seedOf(LinearModule::Key));
  linearBackward(layer[LinearModule::Value], w.dv, s.n1, dNormed, true, hiddenOf(LinearModule::Value),
                 seedOf(LinearModule::Value));
  if (!inputGradient) return;
  backend_.rmsNormBackward(w.dNormed, x, layer.inputNorm, s.invRms1, {T, hidden, config_.rmsNormEps}, w.dTemp,
                           layer.dInputNorm);
  backend_.axpy(1.0f, w.dTemp, dResidual);  // now d x
}

void Decoder::forwardLayers(bool training, std::uint64_t seed) {
  Workspace& w = *work_;
  {
    const Held embeddings(*this, 0, false);
    backend_.embeddingForward(embedding_, w.ids, static_cast<std::size_t>(config_.hiddenSize), w.layerInputs[0]);
  }
  for (std::size_t i = 0; i < layers_.size(); ++i) {
    const Held layer(*this, i + 1, false);
    const Saved& saved = w.saved[options_.checkpointActivations ? 0 : i];
    forwardLayer(i, w.layerInputs[i], w.layerInputs[i + 1], saved, training, seed);
  }
}

DeviceSpan<float> Decoder::finalHidden() {
  Workspace& w = *work_;
  const auto hidden = static_cast<std::size_t>(config_.hiddenSize);
  backend_.rmsNormForward(w.layerInputs.back(), finalNorm_, {w.tokens, hidden, config_.rmsNormEps}, w.finalNormed,
                          w.finalInvRms);
  return w.finalNormed;
}

LossSum Decoder::forwardBackward(const TokenBatch& batch, std::size_t normalizer, std::uint64_t dropoutSeed) {
  if (!training_) throw std::logic_error("this decoder has no gradients to compute");
  prepare(batch);
  Workspace& w = *work_;
  const std::size_t T = w.tokens;
  const auto hidden = static_cast<std::size_t>(config_.hiddenSize);
  forwardLayers(true, dropoutSeed);

  kernels::CrossEntropyOutcome outcome;
  {
    // The head and the loss, whose backward gives d(final normed hidden) into dTemp.
    const Held head(*this, headUnit(config_), true);
    std::optional<Held> tiedEmbeddings;
    if (config_.tieWordEmbeddings) tiedEmbeddings.emplace(*this, 0, trainsBase_);
    const DeviceSpan<float> normed = finalHidden();
    kernels::CrossEntropyShape shape{T, hidden, static_cast<std::size_t>(config_.vocabSize),
                                     options_.crossEntropyChunkTokens, normalizer};
    outcome = backend_.crossEntropy(normed, head_, w.targets, shape, w.dTemp, dHead_);
    backend_.rmsNormBackward(w.dTemp, w.layerInputs.back(), finalNorm_, w.finalInvRms,
                             {T, hidden, config_.rmsNormEps}, w.dResidual, dFinalNorm_);
  }

  for (std::size_t i = layers_.size(); i-- > 0;) {
    const Held layer(*this, i + 1, true);
    const Saved& saved = w.saved[options_.checkpointActivations ? 0 : i];
    if (options_.checkpointActivations) forwardLayer(i, w.layerInputs[i], w.recomputed, saved, true, dropoutSeed);
    backwardLayer(i, w.layerInputs[i], saved, w.dResidual, dropoutSeed);
  }
  if (trainsBase_) {
    const Held embeddings(*this, 0, true);
    backend_.embeddingBackward(w.dResidual, w.ids, hidden, dEmbedding_);
  }
  return LossSum{outcome.lossSum, outcome.counted};
}

LossSum Decoder::evaluate(const TokenBatch& batch) {
  prepare(batch);
  forwardLayers(false, 0);
  const Held head(*this, headUnit(config_), false);
  std::optional<Held> tiedEmbeddings;
  if (config_.tieWordEmbeddings) tiedEmbeddings.emplace(*this, 0, false);
  const DeviceSpan<float> normed = finalHidden();
  kernels::CrossEntropyShape shape{work_->tokens, static_cast<std::size_t>(config_.hiddenSize),
                                   static_cast<std::size_t>(config_.vocabSize), options_.crossEntropyChunkTokens, 0};
  const kernels::CrossEntropyOutcome outcome = backend_.crossEntropy(normed, head_, work_->targets, shape, {}, {});
  return LossSum{outcome.lossSum, outcome.counted};
}

std::vector<float> Decoder::logits(const TokenBatch& batch) {
  prepare(batch);
  forwardLayers(false, 0);
  const Held head(*this, headUnit(config_), false);
  std::optional<Held> tiedEmbeddings;
  if (config_.tieWordEmbeddings) tiedEmbeddings.emplace(*this, 0, false);
  const DeviceSpan<float> normed = finalHidden();
  const std::size_t T = work_->tokens;
  const auto vocab = static_cast<std::size_t>(config_.vocabSize);
  DeviceBuffer buffer = backend_.allocate(T * vocab * sizeof(float));
  const DeviceSpan<float> result = buffer.as<float>().subspan(0, T * vocab);
  backend_.matmulWeight(normed, head_, result,
                        MatmulShape{T, vocab, static_cast<std::size_t>(config_.hiddenSize), false, true});
  std::vector<float> host(T * vocab);
  backend_.download(result, host);
  return host;
}

std::vector<float> Decoder::extendSequence(std::span<const std::int32_t> ids, std::size_t past,
                                           std::span<const LayerKeyValues> cache) {
  const SequenceStep step{ids, past, cache};
  return std::move(extendSequences(std::span(&step, 1)).front());
}

std::vector<std::vector<float>> Decoder::extendSequences(std::span<const SequenceStep> steps) {
  if (steps.empty()) throw std::invalid_argument("extendSequences needs at least one sequence");
  const std::size_t kvWidth = static_cast<std::size_t>(config_.keyValueHeads * config_.headDim);
  TokenBatch batch;
  CacheStep step;
  for (const SequenceStep& sequence : steps) {
    if (sequence.ids.empty()) throw std::invalid_argument("extendSequence needs at least one token");
    if (sequence.cache.size() != layers_.size()) throw std::invalid_argument("extendSequence needs one cache entry per layer");
    const std::size_t total = sequence.past + sequence.ids.size();
    for (const LayerKeyValues& layer : sequence.cache) {
      if (layer.keys.size() < total * kvWidth || layer.values.size() < total * kvWidth) {
        throw std::invalid_argument("the key/value cache holds fewer than the " + std::to_string(total) +
                                    " tokens of the sequence");
      }
    }
    if (config_.slidingWindow > 0 && total > static_cast<std::size_t>(config_.slidingWindow)) {
      throw Error("a sequence longer than the model's sliding attention window (" +
                  std::to_string(config_.slidingWindow) + " tokens) cannot be generated yet");
    }
    if (config_.ropeScaling.type == formats::RopeScalingType::Dynamic &&
        total > static_cast<std::size_t>(config_.maxPositionEmbeddings)) {
      throw Error("a sequence longer than the model's context (" + std::to_string(config_.maxPositionEmbeddings) +
                  " tokens) with dynamic RoPE scaling cannot be generated yet");
    }
    const std::size_t first = batch.inputIds.size();
    step.segments.push_back({sequence.cache, sequence.past, first, sequence.ids.size()});
    for (std::size_t i = 0; i < sequence.ids.size(); ++i) {
      batch.inputIds.push_back(sequence.ids[i]);
      batch.positions.push_back(static_cast<std::int32_t>(sequence.past + i));
      batch.sampleStart.push_back(static_cast<std::int32_t>(first));
      batch.targets.push_back(kIgnoreTarget);
    }
  }
  prepare(batch);

  cacheStep_ = &step;
  struct Reset {
    const CacheStep*& step;
    ~Reset() { step = nullptr; }
  } reset{cacheStep_};
  forwardLayers(false, 0);

  const Held head(*this, headUnit(config_), false);
  std::optional<Held> tiedEmbeddings;
  if (config_.tieWordEmbeddings) tiedEmbeddings.emplace(*this, 0, false);
  const auto hidden = static_cast<std::size_t>(config_.hiddenSize);
  const auto vocab = static_cast<std::size_t>(config_.vocabSize);
  const std::size_t sequences = steps.size();
  Workspace& w = *work_;
  // The last token of each sequence, side by side, through the head in one product.
  const std::size_t lastBytes = sequences * (hidden + vocab) * sizeof(float);
  if (w.lastLogits.bytes() < lastBytes) w.lastLogits = backend_.allocate(lastBytes);
  const DeviceSpan<float> lastRows = w.lastLogits.as<float>().subspan(0, sequences * hidden);
  const DeviceSpan<float> logits = w.lastLogits.as<float>().subspan(sequences * hidden, sequences * vocab);
  for (std::size_t i = 0; i < sequences; ++i) {
    const CacheSegment& segment = step.segments[i];
    backend_.copy(finalHidden().subspan((segment.first + segment.count - 1) * hidden, hidden),
                  lastRows.subspan(i * hidden, hidden));
  }
  backend_.matmulWeight(lastRows, head_, logits, MatmulShape{sequences, vocab, hidden, false, true});
  std::vector<float> host(sequences * vocab);
  backend_.download(logits, host);
  std::vector<std::vector<float>> out(sequences);
  for (std::size_t i = 0; i < sequences; ++i) {
    out[i].assign(host.begin() + static_cast<std::ptrdiff_t>(i * vocab), host.begin() + static_cast<std::ptrdiff_t>((i + 1) * vocab));
  }
  return out;
}

}  // namespace tiertune::model
