#include "app/gui/playground/ConversationFiles.h"
#include "core/util/json_text.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSaveFile>
#include <nlohmann/json.hpp>

namespace tiertune::gui {

namespace {

// The translation context of these messages.
struct ConversationText {
  Q_DECLARE_TR_FUNCTIONS(ConversationFiles)
};

}  // namespace

QString runOutputFolder(const catalog::RunRecord& run, const QString& checkpointFolder) {
  const auto config = parseJsonTextOrDiscarded(run.configJson);
  if (config.is_object() && config.contains("output") && config["output"].is_string()) {
    const std::string output = config["output"].get<std::string>();
    if (!output.empty()) return QString::fromStdString(output);
  }
  if (checkpointFolder.isEmpty()) return {};
  QDir folder = QFileInfo(checkpointFolder).dir();  // <output>/checkpoints
  return folder.cdUp() ? folder.absolutePath() : QString();
}

QString conversationsFolder(const QString& runOutputFolder) {
  return QDir(runOutputFolder).filePath(QStringLiteral("conversations"));
}

std::optional<QString> saveConversation(const QString& folder, const QJsonObject& conversation, QString* error) {
  if (!QDir().mkpath(folder)) {
    *error = ConversationText::tr("The folder %1 could not be created.").arg(folder);
    return std::nullopt;
  }
  const QString stamp = QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss"));
  QString file = QDir(folder).filePath(stamp + QStringLiteral(".json"));
  for (int copy = 2; QFileInfo::exists(file); ++copy) {  // two saves within one second
    file = QDir(folder).filePath(QStringLiteral("%1-%2.json").arg(stamp).arg(copy));
  }
  QSaveFile out(file);
  if (!out.open(QIODevice::WriteOnly) || out.write(QJsonDocument(conversation).toJson()) < 0 || !out.commit()) {
    *error = ConversationText::tr("The conversation could not be written to %1: %2").arg(file, out.errorString());
    return std::nullopt;
  }
  return file;
}

QStringList listConversations(const QString& folder) {
  // Timestamped names sort by time.
  return QDir(folder).entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name | QDir::Reversed);
}

std::optional<QJsonObject> readConversation(const QString& file, QString* error) {
  QFile in(file);
  if (!in.open(QIODevice::ReadOnly)) {
    *error = ConversationText::tr("The conversation %1 could not be opened: %2").arg(file, in.errorString());
    return std::nullopt;
  }
  QJsonParseError parse;
  const QJsonDocument document = QJsonDocument::fromJson(in.readAll(), &parse);
  if (!document.isObject() || !document.object().value(QStringLiteral("messages")).isArray()) {
    *error = parse.error != QJsonParseError::NoError
                 ? ConversationText::tr("The conversation %1 is damaged at byte %2: %3").arg(file).arg(parse.offset).arg(parse.errorString())
                 : ConversationText::tr("The conversation %1 has no \"messages\" list.").arg(file);
    return std::nullopt;
  }
  return document.object();
}

}  // namespace tiertune::gui
