// What the tiered state moved and waited for: byte counters, busy and wait times, and (when asked)
// a timeline of every transfer and wait, written by the decoder's thread and the mover's.
#pragma once

#include <chrono>
#include <cstdint>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

namespace tiertune::tiers {

struct TransferStats {
  std::uint64_t hostToDevice = 0, deviceToHost = 0;  // bytes
  std::uint64_t diskRead = 0, diskWritten = 0;       // bytes
  double moverBusySeconds = 0;    // the mover thread moving data
  double computeWaitSeconds = 0;  // the decoder waiting for a unit that had not arrived yet
};

struct TimelineEvent {
  enum class Lane { Compute, Mover } lane = Lane::Mover;
  std::string what;  // "load unit 3", "store gradients 3", "wait for unit 3", "compute unit 3"
  double start = 0, end = 0;  // seconds since the log was made
};

class TransferLog {
 public:
  explicit TransferLog(bool recordTimeline) : recordTimeline_(recordTimeline) {}

  double since() const { return std::chrono::duration<double>(Clock::now() - created_).count(); }

  template <typename T>
  void count(T TransferStats::*field, T amount) {
    std::lock_guard lock(mutex_);
    stats_.*field += amount;
  }
  void record(TimelineEvent::Lane lane, std::string what, double start, double end) {
    if (!recordTimeline_) return;
    std::lock_guard lock(mutex_);
    timeline_.push_back({lane, std::move(what), start, end});
  }

  TransferStats stats() const {
    std::lock_guard lock(mutex_);
    return stats_;
  }
  std::vector<TimelineEvent> timeline() const {
    std::lock_guard lock(mutex_);
    return timeline_;
  }

 private:
  using Clock = std::chrono::steady_clock;
  const bool recordTimeline_;
  const Clock::time_point created_ = Clock::now();
  mutable std::mutex mutex_;
  TransferStats stats_;
  std::vector<TimelineEvent> timeline_;
};

}  // namespace tiertune::tiers
