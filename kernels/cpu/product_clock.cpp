#include "kernels/cpu/product_clock.h"

namespace tiertune::kernels::cpu {

namespace {

thread_local double spent = 0;
thread_local int depth = 0;

}  // namespace

double productSeconds() { return spent; }

ProductClock::ProductClock() : outermost_(depth++ == 0), start_(std::chrono::steady_clock::now()) {}

ProductClock::~ProductClock() {
  --depth;
  if (outermost_) spent += std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
}

}  // namespace tiertune::kernels::cpu
