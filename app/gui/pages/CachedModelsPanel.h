// "On this computer": models in the shared Hugging Face cache (downloaded by Tiertune or by Python
// tools) that are complete and not yet in the catalog, each one click from being added. Hidden when
// there are none.
#pragma once

#include <QWidget>
#include <vector>

#include "core/hub/hub_cache.h"

class QLabel;
class QPushButton;
class QTableWidget;

namespace tiertune::gui {

class AppContext;

class CachedModelsPanel : public QWidget {
  Q_OBJECT

 public:
  explicit CachedModelsPanel(AppContext& context, QWidget* parent = nullptr);

  // The models listed (repo ids), for tests.
  QStringList listedModels() const;

 public slots:
  // Looks at the cache again (bounded: hub_cache.h), leaving out what the catalog has.
  void refresh();

 signals:
  // The person asked to add the model at folder; name is its Hub id.
  void addRequested(const QString& folder, const QString& name);

 private:
  AppContext& context_;
  QLabel* heading_;
  QTableWidget* table_;
  QPushButton* add_;
  std::vector<hub::CachedModel> shown_;
};

}  // namespace tiertune::gui
