// The lengths of a dataset's training rows as bars: rows per bin of tokens, with the counts above
// the bars and, for a screen reader, the same in words. Shown on the Import dataset wizard's
// summary page.
#pragma once

#include <QWidget>
#include <cstddef>
#include <vector>

namespace tiertune::gui {

class LengthHistogram : public QWidget {
  Q_OBJECT  // for tr(): its texts are translated under this class's name

 public:
  explicit LengthHistogram(QWidget* parent = nullptr);
  void setData(std::vector<std::size_t> rows, std::size_t binTokens);
  const std::vector<std::size_t>& rows() const { return rows_; }

 protected:
  void paintEvent(QPaintEvent*) override;

 private:
  // The bars in words, for a screen reader: how many examples fall in each range of lengths.
  QString description() const;

  std::vector<std::size_t> rows_;
  std::size_t binTokens_ = 1;
};

}  // namespace tiertune::gui
