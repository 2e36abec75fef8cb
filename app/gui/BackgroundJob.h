// Work off the GUI thread for a window or a page. A BackgroundJob runs a callable on a thread of
// its own with a stop token, then hands what it returned, or the text of the exception it threw,
// to a receiver on the GUI thread; a receiver that is gone by then gets nothing, and no exception
// leaves the thread. Starting again, and destroying the job, asks the running work to stop and
// waits for it, so that no thread outlives the object that owns the job, one work runs at a time,
// and what an earlier work returned reaches the receiver before what a later one returns. Work
// that reports progress passes it on with deliverToGui. Used for all the window's work off the GUI
// thread: the dataset check and import, the memory plan, the hardware check and disk speed test,
// a model folder's inspection, the Hub token check.
#pragma once

#include <QCoreApplication>
#include <QMetaObject>
#include <QPointer>
#include <QString>
#include <exception>
#include <optional>
#include <stop_token>
#include <thread>
#include <type_traits>
#include <utility>

namespace tiertune::gui {

// Runs f(*receiver) soon on the GUI thread, unless the receiver is gone by then. Callable from any
// thread; the QPointer is made on the GUI thread, where the receiver may be destroyed, and copied.
template <class Receiver, class F>
void deliverToGui(const QPointer<Receiver>& receiver, F&& f) {
  QMetaObject::invokeMethod(
      QCoreApplication::instance(),
      [receiver, f = std::forward<F>(f)]() mutable {
        if (receiver) f(*receiver);
      },
      Qt::QueuedConnection);
}

class BackgroundJob {
 public:
  BackgroundJob() = default;
  BackgroundJob(const BackgroundJob&) = delete;
  BackgroundJob& operator=(const BackgroundJob&) = delete;
  ~BackgroundJob() = default;  // std::jthread: asks the work to stop and waits for it

  // Called on the GUI thread. Asks the work started before to stop and waits for it, then runs
  // work(std::stop_token) on a new thread. Then, on the GUI thread: done(*receiver, result) with
  // what work returned, or failed(*receiver, text) with the what() of the std::exception it threw.
  template <class Receiver, class Work, class Done, class Failed>
  void start(Receiver* receiver, Work work, Done done, Failed failed) {
    const QPointer<Receiver> guard(receiver);
    thread_ = std::jthread();  // the earlier work: stopped and joined, its result already queued
    thread_ = std::jthread([guard, work = std::move(work), done = std::move(done),
                            failed = std::move(failed)](std::stop_token stop) mutable {
      using Result = std::invoke_result_t<Work&, std::stop_token>;
      static_assert(!std::is_void_v<Result>, "the work returns what done receives");
      std::optional<Result> result;
      QString error;
      try {
        result.emplace(work(stop));
      } catch (const std::exception& exception) {
        error = QString::fromStdString(exception.what());
      }
      if (result) {
        deliverToGui(guard, [done = std::move(done), result = std::move(*result)](Receiver& to) mutable {
          done(to, std::move(result));
        });
      } else {
        deliverToGui(guard, [failed = std::move(failed), error](Receiver& to) mutable { failed(to, error); });
      }
    });
  }

  // Asks the running work to stop through its stop token; what it then returns is still delivered.
  void requestStop() { thread_.request_stop(); }

 private:
  std::jthread thread_;
};

}  // namespace tiertune::gui
