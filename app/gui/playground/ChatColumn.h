// One conversation of the playground with one model: what is loaded, the transcript as it streams,
// why the last answer stopped and how fast it came. Owns the model's worker thread (ChatThread).
// The page shows one column, or two side by side (base model and checkpoint) fed the same prompts.
#pragma once

#include <QJsonArray>
#include <QWidget>

#include "app/gui/playground/ChatWorker.h"

class QLabel;
class QTextEdit;

namespace tiertune::gui {

class ChatColumn : public QWidget {
  Q_OBJECT

 public:
  enum class State { Empty, Loading, Ready, Generating, Failed };

  explicit ChatColumn(const QString& objectName, QWidget* parent = nullptr);

  void load(const ChatSource& source);
  const ChatSource& source() const { return source_; }
  State state() const { return state_; }
  bool hasChatTemplate() const { return chatTemplate_; }

  // Adds the user's turn and streams the model's answer into the transcript.
  void send(const QString& message, const infer::GenerationSettings& settings);
  void stop();

  // The conversation as {"role", "content"} objects; setMessages shows a saved one again.
  QJsonArray messages() const { return messages_; }
  void setMessages(const QJsonArray& messages);
  void clearConversation();

  QString transcriptText() const;
  QString statusText() const;

 signals:
  void stateChanged();

 private:
  void setState(State state);
  QString modeNotice() const;
  void appendTurn(const QString& role, const QString& content);
  void onLoaded(bool chatTemplate, const QString& description);
  void onPiece(const QString& text);
  void onFinished(const QString& stopReason, qint64 tokens, double tokensPerSecond);
  void onFailed(const QString& message);

  ChatThread thread_;
  ChatSource source_;
  State state_ = State::Empty;
  bool chatTemplate_ = false;
  QJsonArray messages_;
  QString answer_;  // of the reply being generated
  QLabel* title_;
  QTextEdit* transcript_;
  QLabel* status_;
};

}  // namespace tiertune::gui
