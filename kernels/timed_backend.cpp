#include "kernels/timed_backend.h"

#include <numeric>

namespace tiertune::kernels {

const char* toString(OpFamily family) {
  switch (family) {
    case OpFamily::Matmul: return "matrix products";
    case OpFamily::HeadProducts: return "head's products";
    case OpFamily::Loss: return "loss";
    case OpFamily::Attention: return "attention";
    case OpFamily::Norms: return "RMSNorm";
    case OpFamily::Rope: return "RoPE";
    case OpFamily::Swiglu: return "SwiGLU";
    case OpFamily::Embedding: return "embedding";
    case OpFamily::Optimizer: return "AdamW and norm";
    case OpFamily::Elementwise: return "element-wise";
    case OpFamily::Transfers: return "copies";
  }
  return "?";
}

double OpTimes::total() const { return std::accumulate(seconds.begin(), seconds.end(), 0.0); }

}  // namespace tiertune::kernels
