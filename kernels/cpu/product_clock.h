// Seconds the calling thread has spent in the CPU's matrix products (cpu::matmul and the products
// with 16-bit and NF4 weights), so that a profile can split an op into its products and the rest:
// the benchmarks' breakdown tells the loss from the head's products that way
// (kernels/timed_backend.h). Two clock reads a product, against products of milliseconds.
#pragma once

#include <chrono>

namespace tiertune::kernels::cpu {

double productSeconds();

// Adds the time from its making to its end to the thread's productSeconds(); nested clocks (a
// product that calls another) count once.
class ProductClock {
 public:
  ProductClock();
  ~ProductClock();
  ProductClock(const ProductClock&) = delete;
  ProductClock& operator=(const ProductClock&) = delete;

 private:
  bool outermost_;
  std::chrono::steady_clock::time_point start_;
};

}  // namespace tiertune::kernels::cpu
