// The Playground page: chat with a base model from the catalog or with a run's checkpoint (its
// base plus the adapter, or its full weights), or send each prompt to both side by side. The
// answers stream in while the GUI stays free (each model on its own worker thread, ChatColumn);
// generation settings fold away (GenerationSettingsPanel); conversations are saved with the run
// and reopened from a list (ConversationFiles).
#pragma once

#include <QWidget>
#include <optional>

#include "core/catalog/records.h"

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;

namespace tiertune::gui {

class AppContext;
class ChatColumn;
class GenerationSettingsPanel;

class PlaygroundPage : public QWidget {
  Q_OBJECT

 public:
  enum class Mode { BaseModel, Checkpoint, SideBySide };

  explicit PlaygroundPage(AppContext& context, QWidget* parent = nullptr);

  // Chooses run's newest checkpoint and loads it (the run detail dialog's "Chat with this checkpoint").
  void openRun(catalog::Id runId);
  void setMode(Mode mode);
  Mode mode() const;
  // Loads what the choosers name, in one column or, side by side, in two.
  void loadSelected();
  void send();
  void stop();
  // Saves the conversation in the run's folder; returns the file, empty when it could not be saved.
  QString saveConversation();
  // Opens a saved conversation of the chosen run (a file name the list shows).
  void openConversation(const QString& fileName);

  ChatColumn* column() const { return column_; }
  ChatColumn* baseColumn() const { return baseColumn_; }
  GenerationSettingsPanel* settingsPanel() const { return settings_; }

 public slots:
  void refreshSources();

 protected:
  void showEvent(QShowEvent* event) override;

 private:
  void fillCheckpoints();
  void fillConversations();
  void updateControls();
  void showProblem(const QString& message);
  std::optional<catalog::RunRecord> selectedRun() const;
  QString selectedCheckpoint() const;
  QString conversationFolder() const;

  AppContext& context_;
  QComboBox* mode_;
  QComboBox* model_;
  QComboBox* run_;
  QComboBox* checkpoint_;
  QWidget* modelChooser_;
  QWidget* checkpointChooser_;
  QPushButton* load_;
  QProgressBar* busy_;
  QLabel* status_;
  ChatColumn* baseColumn_;
  ChatColumn* column_;
  QPlainTextEdit* input_;
  QPushButton* send_;
  QPushButton* stop_;
  GenerationSettingsPanel* settings_;
  QPushButton* newConversation_;
  QPushButton* save_;
  QComboBox* saved_;
  QPushButton* open_;
};

}  // namespace tiertune::gui
