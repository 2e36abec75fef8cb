// Device check: after probeGpus(Release) this process holds no GPU memory; after Keep it does.
// Usage: probe_context_check release|keep — probes, prints the report, then sleeps 4 s so that
// gpu_checks.sh can ask nvidia-smi which processes hold memory.
#include <unistd.h>

#include <cstdio>
#include <cstring>

#include "kernels/gpu_probe.h"

int main(int argc, char** argv) {
  using namespace tiertune::kernels;
  const bool keep = argc > 1 && std::strcmp(argv[1], "keep") == 0;
  const GpuReport report = probeGpus(keep ? ProbeContext::Keep : ProbeContext::Release);
  std::printf("pid %d, %s: %s\n", static_cast<int>(getpid()), keep ? "keep" : "release", report.detail.c_str());
  std::fflush(stdout);
  sleep(4);
  return report.status == GpuReport::Status::Found ? 0 : 1;
}
