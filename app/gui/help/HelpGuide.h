// The built-in guide: a few short topics a newcomer needs (the first hour, LoRA or full
// fine-tuning, the memory plan, what to do when a run does not fit, downloading models), in the
// application's language. Opened from Help → Guide (F1 in the main window) and from each wizard's
// Help, on the topic that fits where the person is.
#pragma once

#include <QCoreApplication>
#include <QDialog>
#include <QList>
#include <QString>

class QListWidget;
class QTextBrowser;

namespace tiertune::gui {

enum class HelpTopic { FirstHour, LoraOrFull, MemoryPlan, WhenItDoesNotFit, DownloadingModels };

class HelpGuide {
  Q_DECLARE_TR_FUNCTIONS(HelpGuide)

 public:
  static QList<HelpTopic> topics();
  static QString title(HelpTopic topic);
  // The topic as rich text: its title and paragraphs.
  static QString html(HelpTopic topic);
};

class HelpDialog : public QDialog {
  Q_OBJECT

 public:
  explicit HelpDialog(HelpTopic topic, QWidget* parent = nullptr);
  void showTopic(HelpTopic topic);
  HelpTopic currentTopic() const;

 private:
  QListWidget* topics_;
  QTextBrowser* text_;
};

// Opens the guide on topic (window-modal, not blocking) and returns it.
HelpDialog* openHelpGuide(QWidget* parent, HelpTopic topic);

}  // namespace tiertune::gui
