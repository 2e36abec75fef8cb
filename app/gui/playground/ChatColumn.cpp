#include "app/gui/playground/ChatColumn.h"

#include <QFontMetrics>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLocale>
#include <QScrollBar>
#include <QTextCharFormat>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextEdit>
#include <QVBoxLayout>

namespace tiertune::gui {

namespace {

QJsonObject message(const QString& role, const QString& content) {
  return {{QStringLiteral("role"), role}, {QStringLiteral("content"), content}};
}

}  // namespace

ChatColumn::ChatColumn(const QString& objectName, QWidget* parent)
    : QWidget(parent), title_(new QLabel(tr("No model loaded"))), transcript_(new QTextEdit), status_(new QLabel) {
  setObjectName(objectName);
  title_->setObjectName(QStringLiteral("columnTitle"));
  title_->setWordWrap(true);
  QFont bold = title_->font();
  bold.setBold(true);
  title_->setFont(bold);
  // Two lines kept for every title, the text at the bottom: side by side, a long title that wraps
  // (a checkpoint's name) and a short one keep their transcripts level.
  title_->setMinimumHeight(2 * QFontMetrics(bold).lineSpacing());
  title_->setAlignment(Qt::AlignLeft | Qt::AlignBottom);
  transcript_->setObjectName(QStringLiteral("transcript"));
  transcript_->setReadOnly(true);
  transcript_->setAccessibleName(tr("Conversation"));
  status_->setObjectName(QStringLiteral("answerStatus"));
  status_->setWordWrap(true);
  status_->setTextInteractionFlags(Qt::TextSelectableByMouse);

  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(title_);
  layout->addWidget(transcript_, 1);
  layout->addWidget(status_);

  ChatWorker& worker = thread_.worker();
  connect(&worker, &ChatWorker::loaded, this, &ChatColumn::onLoaded);
  connect(&worker, &ChatWorker::loadFailed, this, &ChatColumn::onFailed);
  connect(&worker, &ChatWorker::piece, this, &ChatColumn::onPiece);
  connect(&worker, &ChatWorker::finished, this, &ChatColumn::onFinished);
  connect(&worker, &ChatWorker::generationFailed, this, [this](const QString& message) {
    status_->setText(tr("The answer could not be generated: %1").arg(message));
    setState(State::Ready);
  });
}

void ChatColumn::setState(State state) {
  state_ = state;
  emit stateChanged();
}

void ChatColumn::load(const ChatSource& source) {
  source_ = source;
  chatTemplate_ = false;
  clearConversation();  // another model starts another conversation
  title_->setText(tr("Loading the model…"));
  status_->clear();
  setState(State::Loading);
  ChatWorker* worker = &thread_.worker();
  QMetaObject::invokeMethod(worker, [worker, source] { worker->load(source); }, Qt::QueuedConnection);
}

void ChatColumn::onLoaded(bool chatTemplate, const QString& description) {
  chatTemplate_ = chatTemplate;
  title_->setText(description);
  status_->setText(modeNotice());
  setState(State::Ready);
}

void ChatColumn::onFailed(const QString& message) {
  title_->setText(tr("The model could not be loaded"));
  status_->setText(message);
  setState(State::Failed);
}

QString ChatColumn::modeNotice() const {
  return chatTemplate_ ? QString()
                       : tr("This model has no chat template, so it works in plain completion mode: it continues "
                            "each message you send as text, without the earlier turns.");
}

void ChatColumn::appendTurn(const QString& role, const QString& content) {
  QTextCursor cursor(transcript_->document());
  cursor.movePosition(QTextCursor::End);
  QTextCharFormat heading;
  heading.setFontWeight(QFont::Bold);
  if (!transcript_->document()->isEmpty()) cursor.insertText(QStringLiteral("\n\n"), QTextCharFormat());
  cursor.insertText((role == QLatin1String("user") ? tr("You") : tr("Model")) + QLatin1Char('\n'), heading);
  cursor.insertText(content, QTextCharFormat());
}

void ChatColumn::send(const QString& text, const infer::GenerationSettings& settings) {
  if (state_ != State::Ready) return;
  messages_.append(message(QStringLiteral("user"), text));
  appendTurn(QStringLiteral("user"), text);
  appendTurn(QStringLiteral("assistant"), QString());
  answer_.clear();
  status_->setText(tr("Generating…"));
  setState(State::Generating);
  const QByteArray json = QJsonDocument(messages_).toJson(QJsonDocument::Compact);
  ChatWorker* worker = &thread_.worker();
  worker->clearCancel();
  QMetaObject::invokeMethod(worker, [worker, json, settings] { worker->generate(json, settings); }, Qt::QueuedConnection);
}

void ChatColumn::onPiece(const QString& text) {
  answer_ += text;
  QTextCursor cursor(transcript_->document());
  cursor.movePosition(QTextCursor::End);
  cursor.insertText(text, QTextCharFormat());
  transcript_->verticalScrollBar()->setValue(transcript_->verticalScrollBar()->maximum());
}

void ChatColumn::onFinished(const QString& stopReason, qint64 tokens, double tokensPerSecond) {
  messages_.append(message(QStringLiteral("assistant"), answer_));
  status_->setText(tr("Stopped: %1 · %2 tokens · %3 tokens/s")
                       .arg(stopReason)
                       .arg(tokens)
                       .arg(QLocale().toString(tokensPerSecond, 'f', 1)));
  setState(State::Ready);
}

void ChatColumn::stop() {
  if (state_ == State::Generating) thread_.worker().cancel();
}

void ChatColumn::setMessages(const QJsonArray& messages) {
  clearConversation();
  messages_ = messages;
  for (const QJsonValue& value : messages) {
    appendTurn(value[QStringLiteral("role")].toString(), value[QStringLiteral("content")].toString());
  }
}

void ChatColumn::clearConversation() {
  messages_ = QJsonArray();
  transcript_->clear();
  if (state_ == State::Ready) status_->setText(modeNotice());
}

QString ChatColumn::transcriptText() const { return transcript_->toPlainText(); }
QString ChatColumn::statusText() const { return status_->text(); }

}  // namespace tiertune::gui
