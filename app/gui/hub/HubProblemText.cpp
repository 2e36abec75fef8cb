#include "app/gui/hub/HubProblemText.h"

namespace tiertune::gui {

QString HubProblemText::text(hub::HubProblem problem, const QString& modelId, const QString& pageUrl) {
  const QString model = modelId.toHtmlEscaped();
  const QString link = QStringLiteral("<a href=\"%1\">%2</a>").arg(pageUrl.toHtmlEscaped(), tr("the model's page"));
  switch (problem) {
    case hub::HubProblem::Network:
      return tr("Tiertune could not reach the Hugging Face Hub. Check the internet connection (or the server "
                "address in Settings) and try again; a download continues where it stopped.");
    case hub::HubProblem::NotSignedIn:
      return tr("%1 is shared only with people who accepted its licence. Sign in with a Hugging Face access "
                "token in Settings, from an account that has access.").arg(model);
    case hub::HubProblem::NoAccess:
      return tr("Your Hugging Face account has no access to %1 yet. Ask for it on %2; approval can take from "
                "minutes to days.").arg(model, link);
    case hub::HubProblem::BadToken:
      return tr("The Hugging Face Hub did not accept the access token. Copy it again from your account's "
                "settings and sign in again in Settings.");
    case hub::HubProblem::RepoNotFound:
      return tr("There is no model named %1. Check the spelling (organization/name); a private model needs a "
                "token with access to it.").arg(model);
    case hub::HubProblem::RevisionNotFound:
      return tr("%1 has no such version.").arg(model);
    case hub::HubProblem::FileNotFound:
      return tr("A file of %1 is missing on the Hub.").arg(model);
    case hub::HubProblem::NoWeights:
      return tr("%1 is not published in the safetensors format Tiertune reads. Look for a version of it in "
                "safetensors on %2.").arg(model, link);
    case hub::HubProblem::DiskFull:
      return tr("There is not enough free disk space for %1. Free some space and download again; what "
                "arrived is kept.").arg(model);
    case hub::HubProblem::Corrupt:
      return tr("A file of %1 arrived damaged twice and was not kept. A proxy or the network may be altering "
                "downloads; try again later or on another network.").arg(model);
    case hub::HubProblem::Server:
      return tr("The Hugging Face Hub is busy or answered unexpectedly. Try again in a few minutes.");
    case hub::HubProblem::Cancelled:
      return tr("The download was cancelled. What arrived is kept: downloading again continues from there.");
    case hub::HubProblem::BadRequest:
      return tr("\"%1\" is not a model name. Write it as organization/name, for example "
                "Qwen/Qwen2.5-0.5B-Instruct.").arg(model);
  }
  return {};
}

}  // namespace tiertune::gui
