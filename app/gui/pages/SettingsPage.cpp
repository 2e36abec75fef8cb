#include "app/gui/pages/SettingsPage.h"

#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include "app/gui/AppContext.h"
#include "app/gui/ErrorText.h"
#include "app/gui/Language.h"
#include "app/gui/hub/HubAccountPanel.h"
#include "core/catalog/catalog.h"
#include "core/hardware/offload_folder_check.h"
#include "core/hub/hub_access.h"
#include "core/util/error.h"

namespace tiertune::gui {
namespace {

QWidget* folderRow(QLineEdit* edit, QWidget* dialogParent, const QString& dialogTitle) {
  auto* row = new QWidget;
  auto* layout = new QHBoxLayout(row);
  layout->setContentsMargins(0, 0, 0, 0);
  auto* browse = new QPushButton(SettingsPage::tr("Browse…"));
  browse->setAccessibleName(dialogTitle);
  layout->addWidget(edit, 1);
  layout->addWidget(browse);
  QObject::connect(browse, &QPushButton::clicked, dialogParent, [edit, dialogParent, dialogTitle] {
    const QString chosen = QFileDialog::getExistingDirectory(dialogParent, dialogTitle, edit->text());
    if (!chosen.isEmpty()) edit->setText(QDir::toNativeSeparators(chosen));
  });
  return row;
}

}  // namespace

SettingsPage::SettingsPage(AppContext& context, QWidget* parent)
    : QWidget(parent),
      context_(context),
      dataFolder_(new QLineEdit),
      offloadFolder_(new QLineEdit),
      language_(new QComboBox),
      hubServer_(new QLineEdit),
      catalogState_(new QLabel),
      message_(new QLabel),
      saveButton_(new QPushButton(tr("Save"))),
      revertButton_(new QPushButton(tr("Revert"))) {
  setObjectName(QStringLiteral("settingsPage"));
  dataFolder_->setObjectName(QStringLiteral("dataFolder"));
  offloadFolder_->setObjectName(QStringLiteral("offloadFolder"));
  catalogState_->setObjectName(QStringLiteral("catalogState"));
  message_->setObjectName(QStringLiteral("settingsMessage"));
  saveButton_->setObjectName(QStringLiteral("saveSettings"));
  dataFolder_->setAccessibleName(tr("Data folder"));
  offloadFolder_->setAccessibleName(tr("Offload folder"));
  hubServer_->setObjectName(QStringLiteral("hubServer"));
  hubServer_->setAccessibleName(tr("Hugging Face server"));
  hubServer_->setPlaceholderText(tr("%1 (the default)").arg(QString::fromLatin1(hub::kPublicHub)));
  language_->setObjectName(QStringLiteral("language"));
  language_->setAccessibleName(tr("Language"));
  const QLocale systemLanguage = resolveLanguage({});
  language_->addItem(tr("Follow the system (%1)").arg(systemLanguage.nativeLanguageName()), QString());
  for (const LanguageChoice& choice : availableLanguages()) {
    if (systemHasFontFor(choice.code)) {
      language_->addItem(choice.nativeName, choice.code);
      continue;
    }
    language_->addItem(tr("%1 (no font for it on this system)").arg(choice.nativeName), choice.code);
    language_->setItemData(language_->count() - 1, tr("Install a font for this language, such as Noto Sans CJK, to read it."),
                           Qt::ToolTipRole);
  }
  // The list's longest entry must not widen the page (the window fits small screens).
  language_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
  language_->setMinimumContentsLength(16);
  catalogState_->setWordWrap(true);
  catalogState_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  message_->setWordWrap(true);

  auto* heading = new QLabel(tr("Settings"));
  heading->setObjectName(QStringLiteral("pageTitle"));
  QFont headingFont = heading->font();
  headingFont.setPointSizeF(headingFont.pointSizeF() * 1.6);
  headingFont.setBold(true);
  heading->setFont(headingFont);

  auto* dataHelp = new QLabel(tr("Holds the catalog, imported datasets, checkpoints and exports. "
                                 "Changing it opens (or creates) the catalog there; nothing is "
                                 "moved."));
  dataHelp->setWordWrap(true);
  auto* offloadHelp = new QLabel(tr("Where training keeps what fits neither on the graphics card "
                                    "nor in memory. Choose a folder on a fast SSD with plenty of "
                                    "free space."));
  offloadHelp->setWordWrap(true);

  auto* form = new QFormLayout;
  form->addRow(tr("Data folder:"), folderRow(dataFolder_, this, tr("Choose the data folder")));
  form->addRow(QString(), dataHelp);
  form->addRow(tr("Offload folder:"),
               folderRow(offloadFolder_, this, tr("Choose the offload folder")));
  form->addRow(QString(), offloadHelp);
  form->addRow(tr("Language:"), language_);
  form->addRow(QString(), new QLabel(tr("A new language shows the next time Tiertune starts.")));
  form->addRow(tr("Hugging Face server:"), hubServer_);
  auto* serverHelp = new QLabel(tr("Leave empty for the Hugging Face Hub; a company mirror's address goes here."));
  serverHelp->setWordWrap(true);
  form->addRow(QString(), serverHelp);
  form->addRow(tr("Hugging Face account:"), new HubAccountPanel(context_));
  form->addRow(tr("Catalog:"), catalogState_);

  auto* buttons = new QHBoxLayout;
  buttons->addStretch();
  buttons->addWidget(revertButton_);
  buttons->addWidget(saveButton_);

  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(24, 18, 24, 18);
  layout->addWidget(heading);
  layout->addSpacing(8);
  layout->addLayout(form);
  layout->addWidget(message_);
  layout->addLayout(buttons);
  layout->addStretch();

  connect(saveButton_, &QPushButton::clicked, this, &SettingsPage::save);
  connect(revertButton_, &QPushButton::clicked, this, &SettingsPage::revert);
  connect(dataFolder_, &QLineEdit::textChanged, this, &SettingsPage::updateButtons);
  connect(offloadFolder_, &QLineEdit::textChanged, this, &SettingsPage::updateButtons);
  connect(language_, &QComboBox::currentIndexChanged, this, &SettingsPage::updateButtons);
  connect(hubServer_, &QLineEdit::textChanged, this, &SettingsPage::updateButtons);
  connect(&context_, &AppContext::catalogChanged, this, &SettingsPage::showCatalogState);
  revert();
  if (!context_.settingsError().isEmpty()) message_->setText(context_.settingsError());
}

void SettingsPage::revert() {
  dataFolder_->setText(QString::fromStdString(context_.settings().dataFolder.string()));
  offloadFolder_->setText(QString::fromStdString(context_.settings().offloadFolder.string()));
  const int language = language_->findData(QString::fromStdString(context_.settings().language));
  language_->setCurrentIndex(language < 0 ? 0 : language);  // a language this build lacks: the system's
  hubServer_->setText(QString::fromStdString(context_.settings().hubEndpoint));
  message_->clear();
  showCatalogState();
  updateButtons();
}

bool SettingsPage::save() {
  const QString dataPath = dataFolder_->text().trimmed();
  const QString offloadPath = offloadFolder_->text().trimmed();
  const QString example = QDir::homePath() + QStringLiteral("/Tiertune");
  if (dataPath.isEmpty() || QDir::isRelativePath(dataPath)) {
    message_->setText(tr("The data folder must be a full path, such as %1.").arg(example));
    return false;
  }
  if (offloadPath.isEmpty() || QDir::isRelativePath(offloadPath)) {
    message_->setText(tr("The offload folder must be a full path, such as %1.").arg(example));
    return false;
  }
  if (!QDir().mkpath(dataPath)) {
    message_->setText(tr("The folder %1 cannot be created. Check that the disk is present and "
                         "that you may write there.")
                          .arg(dataPath));
    return false;
  }
  if (const QString problem = offloadFolderProblem(offloadPath); !problem.isEmpty()) {
    message_->setText(problem);
    return false;
  }
  settings::Settings updated;
  updated.dataFolder = std::filesystem::path(QDir::cleanPath(dataPath).toStdString());
  updated.offloadFolder = std::filesystem::path(QDir::cleanPath(offloadPath).toStdString());
  updated.language = chosenLanguage();
  if (const QString server = hubServer_->text().trimmed(); !server.isEmpty()) {
    try {
      updated.hubEndpoint = hub::checkedEndpoint(server.toStdString());
    } catch (const std::exception&) {
      message_->setText(tr("The Hugging Face server must be an address such as %1.").arg(QString::fromLatin1(hub::kPublicHub)));
      return false;
    }
  }
  try {
    context_.apply(updated);
  } catch (const std::exception& e) {
    message_->setText(errorText(e));
    return false;
  }
  revert();
  message_->setText(context_.catalog() ? tr("Saved.") : context_.catalogError());
  return context_.catalog() != nullptr;
}

QString SettingsPage::offloadFolderProblem(const QString& folder) const {
  const hardware::OffloadFolderCheck check = hardware::checkOffloadFolder(folder.toStdString());
  const QString detail = QString::fromStdString(check.detail);
  switch (check.problem) {
    case hardware::OffloadFolderProblem::None:
      return {};
    case hardware::OffloadFolderProblem::CannotCreate:
      return tr("The offload folder %1 cannot be created (%2). Check that the disk is present and that you may "
                "write there.")
          .arg(folder, detail);
    case hardware::OffloadFolderProblem::NotAFolder:
      return tr("%1 is a file, not a folder. Choose a folder for the offload folder.").arg(folder);
    case hardware::OffloadFolderProblem::NotOnADisk:
      return tr("%1 is not on a disk (it is a view of the system, which holds no files), so training cannot "
                "keep anything there. Choose a folder on your SSD.")
          .arg(folder);
    case hardware::OffloadFolderProblem::NotWritable:
      return tr("Tiertune cannot write in %1 (%2). Choose a folder you may write to, on your SSD.").arg(folder, detail);
    case hardware::OffloadFolderProblem::Full:
      return tr("The disk of %1 is full. Free some space or choose a folder on another disk.").arg(folder);
  }
  return {};
}

void SettingsPage::showCatalogState() {
  if (catalog::Catalog* catalog = context_.catalog()) {
    catalogState_->setText(QString::fromStdString(catalog->file().string()));
    // The format's version matters to whoever supports the file, not to whoever uses it.
    catalogState_->setToolTip(tr("Catalog format version %1").arg(catalog->schemaVersion()));
  } else {
    catalogState_->setText(context_.catalogError());
    catalogState_->setToolTip(QString());
  }
}

void SettingsPage::updateButtons() {
  const bool changed =
      dataFolder_->text() != QString::fromStdString(context_.settings().dataFolder.string()) ||
      offloadFolder_->text() != QString::fromStdString(context_.settings().offloadFolder.string()) ||
      chosenLanguage() != context_.settings().language ||
      hubServer_->text().trimmed() != QString::fromStdString(context_.settings().hubEndpoint);
  saveButton_->setEnabled(changed);
  revertButton_->setEnabled(changed);
}

std::string SettingsPage::chosenLanguage() const {
  return language_->currentData().toString().toStdString();
}

}  // namespace tiertune::gui
