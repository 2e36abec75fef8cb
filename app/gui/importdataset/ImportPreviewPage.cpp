#include "app/gui/importdataset/ImportPreviewPage.h"

#include <QTextBrowser>
#include <QVBoxLayout>

#include "app/gui/Appearance.h"
#include "app/gui/ErrorText.h"
#include "app/gui/WizardHelp.h"
#include "app/gui/importdataset/ImportDraft.h"

namespace tiertune::gui {

ImportPreviewPage::ImportPreviewPage(ImportDraft& draft, QWidget* parent) : QWizardPage(parent), draft_(draft) {
  setTitle(tr("Preview"));
  setSubTitle(tr("The first rows exactly as the model will read them. The model learns to write the "
                 "highlighted text; the rest is what it is given."));
  setPageHelp(this, tr("Read a few examples as the model will see them. The highlighted text is what the model learns "
                       "to write; the rest is what it is given. If questions are highlighted or answers are not, go "
                       "back and correct the format or the field names."));
  preview_ = new QTextBrowser;
  preview_->setObjectName(QStringLiteral("datasetPreview"));
  preview_->setAccessibleName(tr("Preview of the examples as the model reads them"));
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(preview_);
}

void ImportPreviewPage::initializePage() {
  QString html;
  // Colours that read in the light and the dark scheme alike (what is learned, what is context).
  const MeaningColors colours = meaningColors(preview_->palette());
  const QString learnedStyle = QStringLiteral("color:%1; background:%2")
                                   .arg(htmlColor(colours.learnedText), htmlColor(colours.learnedBackground));
  const QString secondary = htmlColor(colours.secondaryText);
  for (const data::PreviewRow& row : draft_.previewRows) {
    html += QStringLiteral("<p><b>%1</b> ").arg(tr("Row %1").arg(row.row));
    if (row.problem) {
      html += QStringLiteral("<span style='color:%1'>%2</span></p>")
                  .arg(htmlColor(colours.problemText))
                  .arg(tr("not used: %1").arg(translatedWords(row.problem->detail).toHtmlEscaped()));
      continue;
    }
    html += tr("%1 tokens, %2 learned").arg(row.tokens).arg(row.trainedTokens) +
            QStringLiteral("</p><pre style='white-space:pre-wrap'>");
    for (const auto& [text, trained] : row.segments) {
      const QString escaped = QString::fromStdString(text).toHtmlEscaped();
      html += trained ? QStringLiteral("<span style='%1'>%2</span>").arg(learnedStyle, escaped)
                      : QStringLiteral("<span style='color:%1'>%2</span>").arg(secondary, escaped);
    }
    html += QStringLiteral("</pre><hr/>");
  }
  preview_->setHtml(html);
}

}  // namespace tiertune::gui
