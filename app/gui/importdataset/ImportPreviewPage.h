// The Import dataset wizard's preview page: the first rows exactly as the model will read them,
// the text it learns to write highlighted, so that a wrong format or field name shows before the
// whole file is read.
#pragma once

#include <QWizardPage>

class QTextBrowser;

namespace tiertune::gui {

struct ImportDraft;

class ImportPreviewPage : public QWizardPage {
  Q_OBJECT

 public:
  explicit ImportPreviewPage(ImportDraft& draft, QWidget* parent = nullptr);

  void initializePage() override;

 private:
  ImportDraft& draft_;
  QTextBrowser* preview_;
};

}  // namespace tiertune::gui
