// Playground conversations kept with a run: JSON files in the run's output folder
// (conversations/<timestamp>.json: model, checkpoint, settings, messages), listed newest first and
// read back. Files beside the run, not catalog rows, so that the catalog schema stays as it is and
// deleting the run's folder takes its conversations along.
#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <optional>

#include "core/catalog/records.h"

namespace tiertune::gui {

// The run's output folder: "output" of its configuration, else the folder above the checkpoints'
// folder of checkpointFolder (step-N inside <output>/checkpoints). Empty when neither is known.
QString runOutputFolder(const catalog::RunRecord& run, const QString& checkpointFolder);

QString conversationsFolder(const QString& runOutputFolder);

// Writes conversation as <folder>/<UTC timestamp>.json (never over another file); returns the
// file, or an error message naming the file in *error.
std::optional<QString> saveConversation(const QString& folder, const QJsonObject& conversation, QString* error);

// The conversation files of folder, newest first (file names only).
QStringList listConversations(const QString& folder);

// The conversation in file, or an error message naming the file in *error.
std::optional<QJsonObject> readConversation(const QString& file, QString* error);

}  // namespace tiertune::gui
