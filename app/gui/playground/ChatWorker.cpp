#include "app/gui/playground/ChatWorker.h"

#include <QLocale>
#include <QRegularExpression>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>

#include "app/gui/ErrorText.h"
#include "core/infer/model_runner.h"
#include "core/infer/model_text.h"
#include "core/train/checkpoint_model.h"
#include "core/train/checkpoint_source.h"
#include "core/util/error.h"
#include "kernels/backend.h"

namespace tiertune::gui {

namespace fs = std::filesystem;

namespace {

fs::path pathOf(const QString& text) { return fs::path(text.toStdString()); }

QString stopReasonText(infer::StopReason reason) {
  switch (reason) {
    case infer::StopReason::EndOfText: return ChatWorker::tr("the model ended its answer");
    case infer::StopReason::StopString: return ChatWorker::tr("a stop string appeared");
    case infer::StopReason::MaxTokens: return ChatWorker::tr("the limit of new tokens was reached");
    case infer::StopReason::ContextFull: return ChatWorker::tr("the model's context is full");
    case infer::StopReason::Cancelled: return ChatWorker::tr("stopped by you");
  }
  return {};
}

}  // namespace

ChatWorker::ChatWorker() = default;
ChatWorker::~ChatWorker() = default;

void ChatWorker::load(const ChatSource& source) {
  runner_.reset();
  text_.reset();
  try {
    std::optional<fs::path> checkpoint;
    if (!source.checkpointFolder.isEmpty()) checkpoint = pathOf(source.checkpointFolder);
    fs::path modelFolder = pathOf(source.modelFolder);
    if (modelFolder.empty()) {
      if (!checkpoint) throw Error(tr("No model or checkpoint was chosen.").toStdString());
      modelFolder = train::openCheckpoint(*checkpoint).run.modelFolder;  // the model the run trained
    }
    if (!fs::is_directory(modelFolder)) {
      throw Error(tr("The model folder %1 does not exist (moved or deleted?).")
                      .arg(QString::fromStdString(modelFolder.string()))
                      .toStdString());
    }
    if (source.baseOnly) checkpoint.reset();
    if (!backend_) backend_ = kernels::makeCpuBackend();
    runner_ = train::loadModelRunner(*backend_, modelFolder, checkpoint);
    text_ = std::make_unique<infer::ModelText>(infer::loadModelText(modelFolder, runner_->config()));
    const QString model = QString::fromStdString(modelFolder.filename().string());
    QString description = tr("Base model: %1").arg(model);
    if (checkpoint) {
      // The folder's name ("step-00000040") is the catalog's; the step is what the user knows.
      const QString folderName = QString::fromStdString(checkpoint->filename().string());
      static const QRegularExpression kStepFolder(QStringLiteral("^step-(\\d+)$"));
      const QRegularExpressionMatch step = kStepFolder.match(folderName);
      description = step.hasMatch()
                        ? tr("%1, saved at step %2").arg(model, QLocale().toString(step.captured(1).toLongLong()))
                        : tr("%1 with checkpoint %2").arg(model, folderName);
    }
    emit loaded(text_->chatTemplate.has_value(), description);
  } catch (const std::exception& error) {
    runner_.reset();
    text_.reset();
    emit loadFailed(errorText(error));
  }
}

void ChatWorker::generate(const QByteArray& messagesJson, const infer::GenerationSettings& settings) {
  try {
    if (!runner_) throw Error(tr("No model is loaded.").toStdString());
    const auto messages = nlohmann::ordered_json::parse(messagesJson.toStdString());
    const bool chat = text_->chatTemplate.has_value();
    // Without a chat template the model continues the last message as plain text.
    const std::string prompt = chat ? infer::renderChatPrompt(*text_, messages)
                                    : messages.back().at("content").get<std::string>();
    const std::vector<std::int32_t> tokens = infer::encodePrompt(*text_, prompt, chat);
    if (tokens.empty()) throw Error(tr("The message is empty.").toStdString());
    infer::GenerationSettings withEos = settings;
    withEos.eosIds = text_->eosIds;
    const infer::GenerationResult result = infer::generate(
        *runner_, text_->tokenizer, tokens, withEos,
        [this](std::string_view text) { emit piece(QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()))); },
        &cancel_);
    emit finished(stopReasonText(result.reason), static_cast<qint64>(result.tokens.size()),
                  result.decodeTokensPerSecond());
  } catch (const std::exception& error) {
    emit generationFailed(errorText(error));
  }
}

ChatThread::ChatThread(QObject* parent) : QObject(parent), worker_(new ChatWorker) {
  worker_->moveToThread(&thread_);
  connect(&thread_, &QThread::finished, worker_, &QObject::deleteLater);
  thread_.start();
}

ChatThread::~ChatThread() {
  worker_->cancel();
  thread_.quit();
  thread_.wait();
}

}  // namespace tiertune::gui
