#include "kernels/cpu/bf16_products.h"

#include <dlfcn.h>

#include <bit>
#include <cmath>
#include <cstdlib>
#include <algorithm>
#include <cstring>
#include <map>
#include <mutex>
#include <random>
#include <stdexcept>
#include <string_view>
#include <tuple>
#include <vector>

#include "kernels/cpu/half_precision.h"
#include "kernels/cpu/half_weights.h"
#include "kernels/cpu/panel_matmul.h"
#include "kernels/cpu/parallel_chunks.h"

#if TIERTUNE_HAVE_ONEDNN_HEADER
#include <oneapi/dnnl/dnnl.h>
#endif

namespace tiertune::kernels::cpu {

namespace {

// Products of fewer rows (decoding a few sequences) stay on the exact path and OpenBLAS: there a
// row's result does not depend on how many rows the product has, which batched generation relies
// on (a sequence answers the same alone or beside others). oneDNN's kernels for a few rows sum in
// an order that depends on their number: tst_playground's side-by-side answers (two sequences)
// differed from one generated alone until this bound. Training's products have hundreds of rows.
constexpr std::size_t kFewestRows = kBf16ProductsFewestRows;

bool turnedOff(const char* setting) { return setting != nullptr && std::string_view(setting) == "widen"; }

bool hasInstructions(const CpuFeatures& features) { return features.avx512Bf16 || features.amxBf16; }

#if TIERTUNE_HAVE_ONEDNN_HEADER

// oneDNN's C API, looked up in libdnnl.so.2 (the soname of every 2.x release; 3.x changed the API
// and has another soname). The types come from the header; nothing here links against the library.
struct Library {
  decltype(&::dnnl_version) version = nullptr;
  decltype(&::dnnl_engine_create) engineCreate = nullptr;
  decltype(&::dnnl_stream_create) streamCreate = nullptr;
  decltype(&::dnnl_stream_wait) streamWait = nullptr;
  decltype(&::dnnl_memory_desc_init_by_strides) memoryDescInit = nullptr;
  decltype(&::dnnl_matmul_desc_init) matmulDescInit = nullptr;
  decltype(&::dnnl_primitive_attr_create) attrCreate = nullptr;
  decltype(&::dnnl_primitive_attr_destroy) attrDestroy = nullptr;
  decltype(&::dnnl_primitive_attr_set_output_scales) attrSetOutputScales = nullptr;
  decltype(&::dnnl_post_ops_create) postOpsCreate = nullptr;
  decltype(&::dnnl_post_ops_destroy) postOpsDestroy = nullptr;
  decltype(&::dnnl_post_ops_append_sum) postOpsAppendSum = nullptr;
  decltype(&::dnnl_primitive_attr_set_post_ops) attrSetPostOps = nullptr;
  decltype(&::dnnl_primitive_desc_create) descCreate = nullptr;
  decltype(&::dnnl_primitive_desc_query) descQuery = nullptr;
  decltype(&::dnnl_primitive_desc_destroy) descDestroy = nullptr;
  decltype(&::dnnl_primitive_create) primitiveCreate = nullptr;
  decltype(&::dnnl_primitive_execute) primitiveExecute = nullptr;
  decltype(&::dnnl_memory_create) memoryCreate = nullptr;
  decltype(&::dnnl_memory_destroy) memoryDestroy = nullptr;

  dnnl_engine_t engine = nullptr;
  dnnl_stream_t stream = nullptr;
  std::string missing;  // why loading failed

  bool load() {
    void* handle = dlopen("libdnnl.so.2", RTLD_NOW | RTLD_LOCAL);
    if (handle == nullptr) {
      const char* error = dlerror();
      missing = error != nullptr ? error : "libdnnl.so.2 could not be loaded";
      return false;
    }
    auto find = [&](auto& function, const char* name) {
      function = reinterpret_cast<std::remove_reference_t<decltype(function)>>(dlsym(handle, name));
      if (function == nullptr && missing.empty()) missing = std::string("libdnnl.so.2 has no ") + name;
    };
    find(version, "dnnl_version");
    find(engineCreate, "dnnl_engine_create");
    find(streamCreate, "dnnl_stream_create");
    find(streamWait, "dnnl_stream_wait");
    find(memoryDescInit, "dnnl_memory_desc_init_by_strides");
    find(matmulDescInit, "dnnl_matmul_desc_init");
    find(attrCreate, "dnnl_primitive_attr_create");
    find(attrDestroy, "dnnl_primitive_attr_destroy");
    find(attrSetOutputScales, "dnnl_primitive_attr_set_output_scales");
    find(postOpsCreate, "dnnl_post_ops_create");
    find(postOpsDestroy, "dnnl_post_ops_destroy");
    find(postOpsAppendSum, "dnnl_post_ops_append_sum");
    find(attrSetPostOps, "dnnl_primitive_attr_set_post_ops");
    find(descCreate, "dnnl_primitive_desc_create");
    find(descQuery, "dnnl_primitive_desc_query");
    find(descDestroy, "dnnl_primitive_desc_destroy");
    find(primitiveCreate, "dnnl_primitive_create");
    find(primitiveExecute, "dnnl_primitive_execute");
    find(memoryCreate, "dnnl_memory_create");
    find(memoryDestroy, "dnnl_memory_destroy");
    if (!missing.empty()) return false;  // the handle stays open: nothing else may unload it
    if (engineCreate(&engine, dnnl_cpu, 0) != dnnl_success || streamCreate(&stream, engine, dnnl_stream_default_flags) != dnnl_success) {
      missing = "oneDNN could not make a CPU engine";
      return false;
    }
    return true;
  }

  std::string name() const {
    const dnnl_version_t* v = version();
    return "oneDNN " + std::to_string(v->major) + "." + std::to_string(v->minor) + "." + std::to_string(v->patch);
  }
};

void check(dnnl_status_t status, const char* what) {
  if (status != dnnl_success) {
    throw std::runtime_error(std::string("oneDNN failed to ") + what + " (status " + std::to_string(status) + ")");
  }
}

// A strided 2-D memory description: rows x cols, stored row-major with `leading` elements from one
// row to the next, or transposed (stored as cols x rows, `leading` apart).
dnnl_memory_desc_t plain(const Library& dnnl, dnnl_dim_t rows, dnnl_dim_t cols, bool transposed, dnnl_dim_t leading,
                         dnnl_data_type_t type) {
  dnnl_memory_desc_t desc;
  const dnnl_dims_t dims = {rows, cols};
  const dnnl_dims_t strides = {transposed ? 1 : leading, transposed ? leading : 1};
  check(dnnl.memoryDescInit(&desc, 2, dims, type, strides), "describe a matrix");
  return desc;
}

// One compiled product per shape, alpha and beta, kept for the process (a run has a few dozen).
struct Shape {
  std::size_t m, n, k;
  bool transposeA, transposeW;
  std::size_t lda, ldw, ldc;  // elements from one stored row to the next
  std::uint32_t alpha, beta;  // the floats' bits
  bool fp32 = false;          // both operands fp32 (matmulFloatOnLibrary), else bf16
  auto tie() const { return std::tie(m, n, k, transposeA, transposeW, lda, ldw, ldc, alpha, beta, fp32); }
  bool operator<(const Shape& other) const { return tie() < other.tie(); }
};

struct Compiled {
  dnnl_primitive_t primitive = nullptr;
  dnnl_memory_desc_t src{}, weights{}, dst{};
  std::string implementation;
};

class Products {
 public:
  explicit Products(Library& dnnl) : dnnl_(dnnl) {}

  const Compiled& compiled(const Shape& s) {
    const std::lock_guard lock(mutex_);
    if (const auto found = cache_.find(s); found != cache_.end()) return found->second;
    Compiled made;
    const auto m = static_cast<dnnl_dim_t>(s.m), n = static_cast<dnnl_dim_t>(s.n), k = static_cast<dnnl_dim_t>(s.k);
    const dnnl_data_type_t operands = s.fp32 ? dnnl_f32 : dnnl_bf16;
    made.src = plain(dnnl_, m, k, s.transposeA, static_cast<dnnl_dim_t>(s.lda), operands);
    made.weights = plain(dnnl_, k, n, s.transposeW, static_cast<dnnl_dim_t>(s.ldw), operands);
    made.dst = plain(dnnl_, m, n, false, static_cast<dnnl_dim_t>(s.ldc), dnnl_f32);
    dnnl_matmul_desc_t desc;
    check(dnnl_.matmulDescInit(&desc, &made.src, &made.weights, nullptr, &made.dst), "describe a product");
    dnnl_primitive_attr_t attr = nullptr;
    check(dnnl_.attrCreate(&attr), "make attributes");
    const float alpha = std::bit_cast<float>(s.alpha), beta = std::bit_cast<float>(s.beta);
    dnnl_post_ops_t postOps = nullptr;
    dnnl_status_t status = dnnl_.attrSetOutputScales(attr, 1, 0, &alpha);
    if (status == dnnl_success && beta != 0.0f) {
      status = dnnl_.postOpsCreate(&postOps);
      if (status == dnnl_success) status = dnnl_.postOpsAppendSum(postOps, beta);
      if (status == dnnl_success) status = dnnl_.attrSetPostOps(attr, postOps);
    }
    dnnl_primitive_desc_t pd = nullptr;
    if (status == dnnl_success) status = dnnl_.descCreate(&pd, &desc, attr, dnnl_.engine, nullptr);
    if (postOps != nullptr) dnnl_.postOpsDestroy(postOps);
    dnnl_.attrDestroy(attr);
    check(status, "prepare a product");
    const char* implementation = nullptr;
    if (dnnl_.descQuery(pd, dnnl_query_impl_info_str, 0, static_cast<void*>(&implementation)) == dnnl_success &&
        implementation != nullptr) {
      made.implementation = implementation;
    }
    status = dnnl_.primitiveCreate(&made.primitive, pd);
    dnnl_.descDestroy(pd);
    check(status, "compile a product");
    return cache_.emplace(s, std::move(made)).first->second;
  }

  // One product at a time: oneDNN's default build shares one scratchpad among its primitives and
  // a stream is not for several threads at once (two products at once would each want every core
  // anyway). A GUI computing a plan's step while the playground generates can call from two threads.
  void run(const Compiled& compiled, const void* a, const void* w, float* c) {
    const std::lock_guard lock(running_);
    dnnl_memory_t src = nullptr, weights = nullptr, dst = nullptr;
    auto release = [&] {
      for (dnnl_memory_t memory : {src, weights, dst}) {
        if (memory != nullptr) dnnl_.memoryDestroy(memory);
      }
    };
    dnnl_status_t status = dnnl_.memoryCreate(&src, &compiled.src, dnnl_.engine, const_cast<void*>(a));
    if (status == dnnl_success) status = dnnl_.memoryCreate(&weights, &compiled.weights, dnnl_.engine, const_cast<void*>(w));
    if (status == dnnl_success) status = dnnl_.memoryCreate(&dst, &compiled.dst, dnnl_.engine, c);
    if (status == dnnl_success) {
      const dnnl_exec_arg_t args[] = {{DNNL_ARG_SRC, src}, {DNNL_ARG_WEIGHTS, weights}, {DNNL_ARG_DST, dst}};
      status = dnnl_.primitiveExecute(compiled.primitive, dnnl_.stream, 3, args);
    }
    if (status == dnnl_success) status = dnnl_.streamWait(dnnl_.stream);
    release();
    check(status, "run a product");
  }

 private:
  Library& dnnl_;
  std::mutex mutex_;    // the cache
  std::mutex running_;  // run()
  std::map<Shape, Compiled> cache_;
};

Library& library() {
  static Library loaded;
  return loaded;
}

Products& products() {
  static Products made(library());
  return made;
}

bool libraryLoaded(std::string* missing) {
  static const bool loaded = library().load();
  if (!loaded && missing != nullptr) *missing = library().missing;
  return loaded;
}

// The activations in bf16 (nearest even), in parallel chunks, into a buffer of the calling thread.
const std::uint16_t* roundedActivations(std::span<const float> a) {
  thread_local std::vector<std::uint16_t> rounded;
  rounded.resize(a.size());
  // The calling thread's buffer by its address: in the team's threads the name is their own.
  const std::span<std::uint16_t> out(rounded);
  forEachChunk(a.size(), [a, out](std::size_t first, std::size_t count) {
    floatToBf16(a.subspan(first, count), out.subspan(first, count));
  });
  return out.data();
}

// One product on the library: A already in the shape's type; the leading dimensions in the shape.
void runRounded(const Shape& shape, const void* a, const void* w, float* c, std::string* implementation = nullptr) {
  Products& made = products();
  const Compiled& compiled = made.compiled(shape);
  if (implementation != nullptr) *implementation = compiled.implementation;
  made.run(compiled, a, w, c);
}

Shape denseShape(std::size_t m, std::size_t n, std::size_t k, bool transposeA, bool transposeW, float alpha, float beta) {
  return Shape{m, n, k, transposeA, transposeW, transposeA ? m : k, transposeW ? k : n, n,
               std::bit_cast<std::uint32_t>(alpha), std::bit_cast<std::uint32_t>(beta)};
}

void runOnLibrary(std::span<const float> a, bool transposeA, std::span<const std::uint16_t> w, bool transposeW,
                  std::span<float> c, std::size_t m, std::size_t n, std::size_t k, float alpha, float beta,
                  std::string* implementation = nullptr) {
  runRounded(denseShape(m, n, k, transposeA, transposeW, alpha, beta), roundedActivations(a.subspan(0, m * k)),
             w.data(), c.data(), implementation);
}

// Panels of up to 2^24 bf16 values (32 MiB, a buffer of the calling thread): a 1B model's largest
// projection in one product, an 8B model's in four. Smaller panels cost more than the dequantizing
// they spread out: with panel_matmul.h's 2^20, QLoRA on a 1B shape ran at 0.80x the 16-bit LoRA's
// tokens/s, with whole projections at 0.91x (bench_qlora --shape 1b, 2 threads).
constexpr std::size_t kBf16PanelElements = std::size_t(1) << 24;

// The weight made panel by panel, each panel one product, as panel_matmul.cpp does with fp32
// panels: for W [n, k] a panel of rows is a block of C's columns; for W [k, n] it is a slice of the
// sum over k, the first slice applying beta and the others adding to C.

void runPanels(std::span<const float> a, bool transposeA, const Bf16PanelSource& source, bool transposeW,
               std::span<float> c, std::size_t m, std::size_t n, std::size_t k, float alpha, float beta) {
  const std::uint16_t* rounded = roundedActivations(a.subspan(0, m * k));
  thread_local std::vector<std::uint16_t> panel;
  const std::uint32_t alphaBits = std::bit_cast<std::uint32_t>(alpha);
  if (transposeW) {
    forEachPanel(n, k, [&](std::size_t first, std::size_t count) {
      panel.resize(count * k);
      source(first * k, panel);
      const Shape shape{m, count, k, transposeA, true, transposeA ? m : k, k, n, alphaBits, std::bit_cast<std::uint32_t>(beta)};
      runRounded(shape, rounded, panel.data(), c.data() + first);
    }, kBf16PanelElements);
    return;
  }
  forEachPanel(k, n, [&](std::size_t first, std::size_t count) {
    panel.resize(count * n);
    source(first * n, panel);
    const Shape shape{m, n, count, transposeA, false, transposeA ? m : k, n, n, alphaBits,
                      std::bit_cast<std::uint32_t>(first == 0 ? beta : 1.0f)};
    runRounded(shape, transposeA ? rounded + first * m : rounded + first, panel.data(), c.data());
  }, kBf16PanelElements);
}

// The check product: awkward sizes, both layouts of W, alpha and beta, against the exact path in
// double, within the header's bound (and no NaN).
bool checkProduct(std::string& implementation) {
  constexpr std::size_t m = 67, n = 131, k = 259;
  std::mt19937 random(7);
  std::normal_distribution<float> normal(0.0f, 1.0f);
  std::vector<float> a(m * k), wide(k * n), c(m * n), start(m * n);
  for (float& v : a) v = normal(random);
  for (float& v : start) v = normal(random);
  std::vector<std::uint16_t> w(k * n);
  for (float& v : wide) v = normal(random);
  floatToBf16(wide, w);
  bf16ToFloat(w, wide);
  // The fp32 products (matmulFloatOnLibrary): within fp32 sums of the same definition.
  for (const bool transposeW : {true, false}) {
    Shape shape = denseShape(m, n, k, false, transposeW, 0.5f, 1.0f);
    shape.fp32 = true;
    c = start;
    runRounded(shape, a.data(), wide.data(), c.data());
    for (std::size_t i = 0; i < m; ++i) {
      for (std::size_t j = 0; j < n; ++j) {
        double exact = 0, magnitude = 0;
        for (std::size_t p = 0; p < k; ++p) {
          const double term = static_cast<double>(a[i * k + p]) * (transposeW ? wide[j * k + p] : wide[p * n + j]);
          exact += term;
          magnitude += std::abs(term);
        }
        const double expected = 0.5 * exact + start[i * n + j];
        const double bound = (0.5 * magnitude + std::abs(start[i * n + j])) * static_cast<double>(k) * std::ldexp(1.0, -23);
        if (!(std::abs(c[i * n + j] - expected) <= bound)) return false;
      }
    }
  }
  for (const bool transposeW : {true, false}) {
    const float alpha = 0.5f, beta = transposeW ? 1.0f : 0.0f;
    c = start;
    runOnLibrary(a, false, w, transposeW, c, m, n, k, alpha, beta, &implementation);
    for (std::size_t i = 0; i < m; ++i) {
      for (std::size_t j = 0; j < n; ++j) {
        double exact = 0, magnitude = 0;
        for (std::size_t p = 0; p < k; ++p) {
          const double weight = transposeW ? wide[j * k + p] : wide[p * n + j];
          exact += static_cast<double>(a[i * k + p]) * weight;
          magnitude += std::abs(static_cast<double>(a[i * k + p]) * weight);
        }
        const double expected = alpha * exact + beta * start[i * n + j];
        const double bound = alpha * magnitude * (std::ldexp(1.0, -8) + static_cast<double>(k) * std::ldexp(1.0, -23)) +
                             std::abs(expected) * std::ldexp(1.0, -22);
        if (!(std::abs(c[i * n + j] - expected) <= bound)) return false;
      }
    }
  }
  return true;
}

#endif  // TIERTUNE_HAVE_ONEDNN_HEADER

}  // namespace

Bf16Products::Reason bf16ProductsFor(const CpuFeatures& features, const char* setting) {
  if (turnedOff(setting)) return Bf16Products::Reason::TurnedOff;
  if (!hasInstructions(features)) return Bf16Products::Reason::NoInstructions;
#if TIERTUNE_HAVE_ONEDNN_HEADER
  return libraryLoaded(nullptr) ? Bf16Products::Reason::InUse : Bf16Products::Reason::NoLibrary;
#else
  return Bf16Products::Reason::NotBuilt;
#endif
}

Bf16Products chooseBf16Products(const CpuFeatures& features, const char* setting, const Bf16Check& check) {
  Bf16Products result;
  result.reason = bf16ProductsFor(features, setting);
#if TIERTUNE_HAVE_ONEDNN_HEADER
  if (result.reason == Bf16Products::Reason::NoLibrary) libraryLoaded(&result.detail);
  if (result.reason == Bf16Products::Reason::InUse) {
    result.library = library().name();
    bool passed = false;
    try {
      passed = check(result.implementation);
    } catch (const std::exception& error) {
      result.detail = error.what();
    }
    if (!passed) result.reason = Bf16Products::Reason::CheckFailed;
  }
#else
  (void)check;
#endif
  return result;
}

const Bf16Products& bf16Products() {
  static const Bf16Products chosen =
      chooseBf16Products(readCpuFeatures(), std::getenv("TIERTUNE_CPU_BF16_PRODUCTS"), [](std::string& implementation) {
#if TIERTUNE_HAVE_ONEDNN_HEADER
        return checkProduct(implementation);
#else
        (void)implementation;
        return false;
#endif
      });
  return chosen;
}

bool matmulBf16Panels(std::span<const float> a, bool transposeA, const Bf16PanelSource& source, bool transposeW,
                      std::span<float> c, std::size_t m, std::size_t n, std::size_t k, float alpha, float beta) {
#if TIERTUNE_HAVE_ONEDNN_HEADER
  if (!bf16Products().inUse() || m < kFewestRows || n == 0 || k == 0) return false;
  runPanels(a, transposeA, source, transposeW, c, m, n, k, alpha, beta);
  return true;
#else
  (void)a, (void)transposeA, (void)source, (void)transposeW, (void)c, (void)m, (void)n, (void)k, (void)alpha, (void)beta;
  return false;
#endif
}

bool matmulFloatOnLibrary(std::span<const float> a, bool transposeA, std::span<const float> b, bool transposeB,
                          std::span<float> c, std::size_t m, std::size_t n, std::size_t k, float alpha, float beta) {
#if TIERTUNE_HAVE_ONEDNN_HEADER
  if (!bf16Products().inUse() || m < kFewestRows || n == 0 || k == 0) return false;
  Shape shape = denseShape(m, n, k, transposeA, transposeB, alpha, beta);
  shape.fp32 = true;
  runRounded(shape, a.data(), b.data(), c.data());
  return true;
#else
  (void)a, (void)transposeA, (void)b, (void)transposeB, (void)c, (void)m, (void)n, (void)k, (void)alpha, (void)beta;
  return false;
#endif
}

bool matmulBf16Products(std::span<const float> a, bool transposeA, std::span<const std::uint16_t> w, bool transposeW,
                        std::span<float> c, std::size_t m, std::size_t n, std::size_t k, float alpha, float beta) {
#if TIERTUNE_HAVE_ONEDNN_HEADER
  // (k == 0, C = beta C: the exact path does it without a library call.)
  if (!bf16Products().inUse() || m < kFewestRows || n == 0 || k == 0) return false;
  runOnLibrary(a, transposeA, w, transposeW, c, m, n, k, alpha, beta);
  return true;
#else
  (void)a, (void)transposeA, (void)w, (void)transposeW, (void)c, (void)m, (void)n, (void)k, (void)alpha, (void)beta;
  return false;
#endif
}

std::string describeBf16Products(const Bf16Products& products) {
  switch (products.reason) {
    case Bf16Products::Reason::InUse:
      return "bf16 products on " + products.library +
             (products.implementation.empty() ? std::string() : " (" + products.implementation + ")");
    case Bf16Products::Reason::NoInstructions:
      return "bf16 weights widened to fp32 (the processor has no bf16 instructions)";
    case Bf16Products::Reason::NotBuilt:
      return "bf16 weights widened to fp32 (built without oneDNN)";
    case Bf16Products::Reason::NoLibrary:
      return "bf16 weights widened to fp32 (oneDNN is not installed: libdnnl2)";
    case Bf16Products::Reason::CheckFailed:
      return "bf16 weights widened to fp32 (oneDNN failed its check product on this processor" +
             (products.detail.empty() ? std::string(")") : ": " + products.detail + ")");
    case Bf16Products::Reason::TurnedOff:
      return "bf16 weights widened to fp32 (TIERTUNE_CPU_BF16_PRODUCTS=widen)";
  }
  return {};
}

}  // namespace tiertune::kernels::cpu
