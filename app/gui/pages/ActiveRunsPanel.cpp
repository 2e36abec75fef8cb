#include "app/gui/pages/ActiveRunsPanel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

#include "app/gui/AppContext.h"
#include "app/gui/history/RunText.h"
#include "core/catalog/catalog.h"

namespace tiertune::gui {

namespace {

// More than a few runs at once is rare on one machine; the Runs page lists them all.
constexpr std::int64_t kMostShown = 8;

}  // namespace

ActiveRunsPanel::ActiveRunsPanel(AppContext& context, QWidget* parent)
    : QWidget(parent), context_(context), heading_(new QLabel), rows_(new QVBoxLayout) {
  setObjectName(QStringLiteral("activeRunsPanel"));
  heading_->setWordWrap(true);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(heading_);
  layout->addLayout(rows_);
  connect(&context_, &AppContext::catalogChanged, this, &ActiveRunsPanel::refresh);
  hide();  // until a run trains
  refresh();
}

void ActiveRunsPanel::refresh() {
  std::vector<catalog::RunSummary> runs;
  if (catalog::Catalog* catalog = context_.catalog()) {
    try {
      for (const catalog::RunStatus status : {catalog::RunStatus::Running, catalog::RunStatus::Paused}) {
        catalog::RunQuery query;
        query.status = status;
        for (auto& run : catalog->runSummaries(query, 0, kMostShown)) runs.push_back(std::move(run));
      }
    } catch (const std::exception&) {
      runs.clear();  // the pages that read the catalog say why; this panel just stays out of the way
    }
  }
  QList<qint64> ids;
  QStringList texts;
  for (const catalog::RunSummary& run : runs) {
    ids << run.id;
    texts << tr("“%1” — %2, step %3")
                 .arg(QString::fromStdString(run.name), RunText::status(run.status))
                 .arg(run.stepsDone);
  }
  if (ids == shownIds_ && texts == shownTexts_) return;
  if (ids == shownIds_) {
    // The same runs, a step further: the words change in place, so a Watch button that has the
    // keyboard focus (or a screen reader's attention) keeps it while the run trains.
    for (int i = 0; i < count_; ++i) {
      shownRows_[i].text->setText(texts[i]);
      shownRows_[i].watch->setAccessibleName(tr("Watch the run %1").arg(texts[i]));
    }
    shownTexts_ = texts;
    return;
  }
  rebuildRows(ids, texts);
}

void ActiveRunsPanel::rebuildRows(const QList<qint64>& ids, const QStringList& texts) {
  shownIds_ = ids;
  shownTexts_ = texts;
  shownRows_.clear();
  count_ = static_cast<int>(ids.size());
  while (QLayoutItem* item = rows_->takeAt(0)) {
    if (QLayout* row = item->layout()) {
      while (QLayoutItem* inner = row->takeAt(0)) {
        delete inner->widget();
        delete inner;
      }
    }
    delete item->widget();
    delete item;
  }
  setVisible(count_ > 0);
  heading_->setText(tr("<b>Training now</b>: these runs go on whether this window is open or not."));
  for (int i = 0; i < count_; ++i) {
    auto* row = new QHBoxLayout;
    auto* text = new QLabel(texts[i]);
    text->setTextFormat(Qt::PlainText);  // a run's name is the user's text, never markup
    text->setWordWrap(true);
    auto* watch = new QPushButton(tr("Watch"));
    watch->setObjectName(QStringLiteral("watchRunButton"));
    watch->setAccessibleName(tr("Watch the run %1").arg(texts[i]));
    const qint64 id = ids[i];
    connect(watch, &QPushButton::clicked, this, [this, id] { emit monitorRequested(id); });
    row->addWidget(text, 1);
    row->addWidget(watch);
    rows_->addLayout(row);
    shownRows_.push_back(Row{text, watch});
  }
}

}  // namespace tiertune::gui
