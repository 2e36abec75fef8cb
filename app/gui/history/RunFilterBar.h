// The run history's search field and its status / model / dataset filters. Typing is debounced,
// so a query goes to the catalog when the user pauses, not on every key.
#pragma once

#include <QTimer>
#include <QWidget>

#include "app/gui/history/RunHistoryTypes.h"

class QComboBox;
class QLineEdit;

namespace tiertune::gui {

class RunFilterBar : public QWidget {
  Q_OBJECT

 public:
  explicit RunFilterBar(QWidget* parent = nullptr);

  // Fills the model and dataset lists; a chosen entry stays chosen while it still exists.
  void setChoices(const FilterChoices& choices);
  // Writes search and filters into query (sorting untouched).
  void applyTo(catalog::RunQuery& query) const;
  // True between a key press in the search field and the query it leads to.
  bool isTyping() const { return typingPause_.isActive(); }
  void clear();

 signals:
  void changed();

 private:
  QLineEdit* search_;
  QComboBox* status_;
  QComboBox* model_;
  QComboBox* dataset_;
  QTimer typingPause_;
};

}  // namespace tiertune::gui
