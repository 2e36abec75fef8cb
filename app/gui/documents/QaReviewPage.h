// The documents wizard's review of the questions and answers before they become the dataset: a
// table of every pair (question, answer, document, pages, state) filtered by text, state and
// document; Accept and Reject for the selected rows; a double-click on a question or an answer
// edits it; the parts without a usable reply below, with the reason and, for the one selected,
// the model's replies and the part's text. Every decision is saved at once in the job's folder
// (QaReview), so a review left half-way opens as it was. Next needs one pair kept.
#pragma once

#include <QWizardPage>
#include <functional>
#include <optional>

#include "core/documents/qa_review.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTableWidget;
class QTableWidgetItem;
class QWidget;

namespace tiertune::gui {

struct DocumentsDraft;

class QaReviewPage : public QWizardPage {
  Q_OBJECT

 public:
  explicit QaReviewPage(DocumentsDraft& draft, QWidget* parent = nullptr);

  void initializePage() override;
  bool isComplete() const override;

  enum Column { QuestionColumn, AnswerColumn, DocumentColumn, PagesColumn, StateColumn, ColumnCount };
  // The state as the table shows it.
  static QString stateText(documents::QaPairState state);
  // "4", "4–6", or empty for a part without pages.
  static QString pagesText(int firstPage, int lastPage);

 private:
  void fillTable();     // the pairs the filter lets through
  void fillFailures();  // the parts without a usable reply
  void showRow(int row);
  void showSummary();
  void showFailureDetails();
  std::vector<std::size_t> selectedPositions() const;
  void decide(bool accept);
  void revertSelected();
  void edited(QTableWidgetItem* item);
  // Runs a change of the review; says what went wrong (nothing changed then).
  void change(const std::function<void(documents::QaReview&)>& apply);

  DocumentsDraft& draft_;
  std::optional<documents::QaReview> review_;
  QLineEdit* filterText_;
  QComboBox* filterState_;
  QComboBox* filterDocument_;
  QTableWidget* table_;
  QPushButton* accept_;
  QPushButton* reject_;
  QPushButton* revert_;
  QLabel* summary_;
  QLabel* error_;
  QWidget* failuresBox_;
  QLabel* failuresTitle_;
  QTableWidget* failures_;
  QPlainTextEdit* failureDetails_;
  bool filling_ = false;  // the table is being filled: its itemChanged is not an edit
};

}  // namespace tiertune::gui
