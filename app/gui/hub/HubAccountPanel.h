// Settings → Hugging Face account: signing in with an access token (checked with the Hub before it
// is kept, then stored readable by this user only and sent only to the server it was given for),
// signing out, and which token is in use when it comes from HF_TOKEN or huggingface-cli's login.
#pragma once

#include <QWidget>

#include "app/gui/BackgroundJob.h"

class QLabel;
class QLineEdit;
class QPushButton;

namespace tiertune::gui {

class AppContext;

class HubAccountPanel : public QWidget {
  Q_OBJECT

 public:
  explicit HubAccountPanel(AppContext& context, QWidget* parent = nullptr);
  ~HubAccountPanel() override;

  QString stateText() const;

 public slots:
  void showState();
  void signIn();
  void signOut();

 signals:
  void signInFinished(bool succeeded);

 private:
  void showCheck(const QString& account, const QString& failure);

  AppContext& context_;
  QLabel* state_;
  QLineEdit* token_;
  QPushButton* signIn_;
  QPushButton* signOut_;
  BackgroundJob check_;  // the token check with the Hub
};

}  // namespace tiertune::gui
