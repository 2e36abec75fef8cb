#include "app/gui/hub/HubAccountPanel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>
#include <atomic>
#include <stop_token>

#include "app/gui/AppContext.h"
#include "app/gui/Appearance.h"
#include "app/gui/ErrorText.h"
#include "app/gui/hub/HubProblemText.h"
#include "core/hub/hub_access.h"
#include "core/hub/hub_client.h"
#include "core/hub/hub_error.h"

namespace tiertune::gui {
namespace {

// What the Hub said of a token.
struct TokenCheck {
  QString account;  // the account's name, when the Hub took the token
  QString failure;  // in words, when it did not
  bool superseded = false;  // stopped by a newer check: that one's result is shown
};

std::string endpointOf(const AppContext& context) {
  try {
    return hub::hubAccess(context.settings().hubEndpoint).endpoint;
  } catch (const std::exception&) {
    return hub::kPublicHub;
  }
}

}  // namespace

HubAccountPanel::HubAccountPanel(AppContext& context, QWidget* parent)
    : QWidget(parent),
      context_(context),
      state_(new QLabel),
      token_(new QLineEdit),
      signIn_(new QPushButton(tr("Sign in"))),
      signOut_(new QPushButton(tr("Sign out"))) {
  setObjectName(QStringLiteral("hubAccountPanel"));
  state_->setObjectName(QStringLiteral("hubAccountState"));
  state_->setWordWrap(true);
  token_->setObjectName(QStringLiteral("hubToken"));
  token_->setEchoMode(QLineEdit::Password);
  token_->setPlaceholderText(tr("Access token (hf_…), from your Hugging Face account's settings"));
  token_->setAccessibleName(tr("Hugging Face access token"));
  signIn_->setObjectName(QStringLiteral("hubSignIn"));
  signOut_->setObjectName(QStringLiteral("hubSignOut"));
  auto* row = new QHBoxLayout;
  row->setContentsMargins(0, 0, 0, 0);
  row->addWidget(token_, 1);
  row->addWidget(signIn_);
  row->addWidget(signOut_);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(state_);
  layout->addLayout(row);
  connect(signIn_, &QPushButton::clicked, this, &HubAccountPanel::signIn);
  connect(token_, &QLineEdit::returnPressed, this, &HubAccountPanel::signIn);
  connect(signOut_, &QPushButton::clicked, this, &HubAccountPanel::signOut);
  connect(token_, &QLineEdit::textChanged, this, [this] { signIn_->setEnabled(!token_->text().trimmed().isEmpty()); });
  connect(&context_, &AppContext::settingsChanged, this, &HubAccountPanel::showState);
  showState();
}

HubAccountPanel::~HubAccountPanel() = default;  // the check is stopped and joined within 0.1 s

QString HubAccountPanel::stateText() const { return state_->text(); }

void HubAccountPanel::showState() {
  const std::string endpoint = endpointOf(context_);
  const hub::HubAccess access = hub::hubAccess(context_.settings().hubEndpoint.empty() ? std::string() : endpoint);
  const bool saved = !hub::savedTokenFor(endpoint).empty();
  if (saved) {
    state_->setText(tr("Signed in: downloads use your saved access token."));
  } else if (!access.token.empty()) {
    state_->setText(tr("Using the access token from %1. Sign in here to use another one.")
                        .arg(QString::fromStdString(access.tokenSource)));
  } else {
    state_->setText(tr("Not signed in. Most models download without an account; gated models such as Meta's Llama "
                       "need an access token from an account that accepted their licence."));
  }
  showAsProblem(state_, false);
  signOut_->setEnabled(saved);
  signIn_->setEnabled(!token_->text().trimmed().isEmpty());
}

void HubAccountPanel::signIn() {
  const std::string token = token_->text().trimmed().toStdString();
  if (token.empty()) return;
  const std::string endpoint = endpointOf(context_);
  signIn_->setEnabled(false);
  state_->setText(tr("Checking the token with the Hub…"));
  check_.start(
      this,
      [token, endpoint](std::stop_token stop) {
        // The client's waits end within 0.1 s of a stop: a newer check, or the panel closing.
        std::atomic<bool> cancel = false;
        const std::stop_callback cancelOnStop(stop, [&cancel] { cancel = true; });
        TokenCheck check;
        try {
          hub::HubClient client(hub::HubAccess{endpoint, token, "Settings"}, &cancel);
          check.account = QString::fromStdString(client.whoAmI());
          hub::saveToken(endpoint, token);
        } catch (const hub::HubError& error) {
          check.failure = HubProblemText::text(error.problem(), {}, {});
        }
        check.superseded = stop.stop_requested();
        return check;
      },
      [](HubAccountPanel& panel, const TokenCheck& check) {
        if (!check.superseded) panel.showCheck(check.account, check.failure);
      },
      [](HubAccountPanel& panel, const QString& failure) { panel.showCheck({}, failure); });
}

void HubAccountPanel::showCheck(const QString& account, const QString& failure) {
  showState();
  if (failure.isEmpty()) {
    token_->clear();
    state_->setText(tr("Signed in as %1.").arg(account.toHtmlEscaped()));
  } else {
    state_->setText(failure);
    showAsProblem(state_);
  }
  emit signInFinished(failure.isEmpty());
}

void HubAccountPanel::signOut() {
  try {
    hub::saveToken(endpointOf(context_), {});
    showState();
  } catch (const std::exception& error) {
    state_->setText(errorText(error));
    showAsProblem(state_);
  }
}

}  // namespace tiertune::gui
