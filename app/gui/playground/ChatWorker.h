// One model of the playground on a thread of its own: it loads a base model, or a run checkpoint
// over its base (LoRA adapter applied on the fly, or full weights), on its own CPU backend and
// generates replies with core/infer, handing the text out piece by piece as it becomes final. The
// GUI thread talks to it only through queued signals and cancel(), so it never waits for a model.
#pragma once

#include <QObject>
#include <QString>
#include <QThread>
#include <atomic>
#include <memory>

#include "core/infer/generator.h"

namespace tiertune::infer {
class ModelRunner;
struct ModelText;
}  // namespace tiertune::infer
namespace tiertune::kernels {
class Backend;
}

namespace tiertune::gui {

// What to load: modelFolder, or when empty the model the checkpoint's run trained; the checkpoint's
// weights are applied unless baseOnly (the base of a side-by-side comparison).
struct ChatSource {
  QString modelFolder;
  QString checkpointFolder;
  bool baseOnly = false;
  bool operator==(const ChatSource&) const = default;
};

// Lives on its own QThread (moveToThread); load() and generate() are called there through
// queued QMetaObject::invokeMethod.
class ChatWorker : public QObject {
  Q_OBJECT

 public:
  ChatWorker();
  ~ChatWorker() override;

  // Thread-safe: the reply being generated stops after the current token (StopReason::Cancelled).
  void cancel() { cancel_.store(true); }
  // Thread-safe: clears a cancel request before the next generate() is queued, so that a Stop
  // pressed before the worker starts on that answer still stops it.
  void clearCancel() { cancel_.store(false); }

  void load(const ChatSource& source);
  // messages: the conversation so far, ending with the user's turn, as the chat template wants it.
  void generate(const QByteArray& messagesJson, const infer::GenerationSettings& settings);

 signals:
  // chatTemplate: false when the model has none and replies continue plain text.
  void loaded(bool chatTemplate, const QString& description);
  void loadFailed(const QString& message);
  void piece(const QString& text);
  void finished(const QString& stopReason, qint64 tokens, double tokensPerSecond);
  void generationFailed(const QString& message);

 private:
  std::unique_ptr<kernels::Backend> backend_;
  std::unique_ptr<infer::ModelRunner> runner_;
  std::unique_ptr<infer::ModelText> text_;
  std::atomic<bool> cancel_{false};
};

// A ChatWorker on a thread that ends with this object.
class ChatThread : public QObject {
  Q_OBJECT

 public:
  explicit ChatThread(QObject* parent = nullptr);
  ~ChatThread() override;
  ChatWorker& worker() { return *worker_; }

 private:
  QThread thread_;
  ChatWorker* worker_;
};

}  // namespace tiertune::gui
