// The documents wizard's second page: the sources are read on a background thread, with how many
// documents are done and Cancel; then a table of what was read (document, format, pages, words and
// what the clean-up did) in which each file that could not be read has a row of its own with the
// reason, and a line that sums it up. Next needs a document read. Going back and on again reads
// again only when the sources changed.
#pragma once

#include <QWizardPage>

#include "app/gui/BackgroundJob.h"
#include "core/documents/document_reader.h"

class QLabel;
class QProgressBar;
class QPushButton;
class QTableWidget;

namespace tiertune::gui {

struct DocumentsDraft;

class DocumentReadPage : public QWizardPage {
  Q_OBJECT

 public:
  explicit DocumentReadPage(DocumentsDraft& draft, QWidget* parent = nullptr);

  void initializePage() override;
  void cleanupPage() override;
  bool isComplete() const override;

  // A format's name as the table shows it ("PDF", "Word (DOCX)").
  static QString formatText(const std::string& format);

 signals:
  // A read ended: done, cancelled or failed.
  void readFinished();

 private:
  void startRead();
  void showRead();
  void showFailure(const QString& failure);
  void finishWork();

  DocumentsDraft& draft_;
  QProgressBar* progress_;
  QLabel* status_;
  QPushButton* cancel_;
  QPushButton* readAgain_;
  QTableWidget* table_;
  QLabel* summary_;
  BackgroundJob job_;
};

}  // namespace tiertune::gui
