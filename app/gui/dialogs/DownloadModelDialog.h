// "Download a model…" on the Models page: pick a model by name without a terminal. Before any
// search it lists starting points recommended for this machine's class; a search asks the Hub. Each
// candidate shows what this machine could do with it (the planner's verdict and time per 1,000
// examples for Quick LoRA and for a full fine-tune), and models Tiertune cannot train say why and
// cannot be downloaded. The download goes into the shared Hugging Face cache with progress
// (bytes, rate, time left) and Cancel, and the model is added to the catalog when it is complete.
#pragma once

#include <QDialog>
#include <QStringList>
#include <memory>
#include <vector>

#include "core/hub/candidate.h"

class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTableWidget;

namespace tiertune::gui {

class AppContext;
class CandidateLookupJob;
class ModelDownloadJob;

class DownloadModelDialog : public QDialog {
  Q_OBJECT

 public:
  explicit DownloadModelDialog(AppContext& context, QWidget* parent = nullptr);
  ~DownloadModelDialog() override;

  // For tests and the Models page: search now (as the Search button does).
  void search(const QString& text);
  // The candidates' rows as shown (model id per row).
  QStringList listedModels() const;

 signals:
  void lookupFinished();
  void downloadFinished(bool succeeded);

 private:
  void showRecommended();
  void startLookup(const QStringList& repoIds, const QString& searchText, const QString& heading);
  void showListed(const QStringList& repoIds);
  void showCandidate(int row, const hub::Candidate& candidate);
  void updateButtons();
  void showSelected();
  void startDownload();
  void showProgress(quint64 done, quint64 total, double bytesPerSecond, double secondsLeft);
  void finishDownload(qint64 modelId, const QString& folder);
  void failDownload(int problem, const QString& message, const QString& pageUrl);
  QString verdictText(const std::optional<train::CandidateFit>& fit) const;
  QString selectedModel() const;

  AppContext& context_;
  QLineEdit* searchText_;
  QPushButton* searchButton_;
  QLabel* heading_;
  QTableWidget* table_;
  QLabel* details_;
  QProgressBar* progress_;
  QLabel* progressText_;  // plain text: it changes ten times a second
  QLabel* problem_;       // rich text: a link where the person must act on the Hub
  QPushButton* downloadButton_;
  QPushButton* cancelButton_;
  QPushButton* closeButton_;
  std::vector<std::optional<hub::Candidate>> candidates_;
  std::unique_ptr<CandidateLookupJob> lookup_;
  std::unique_ptr<ModelDownloadJob> download_;
};

}  // namespace tiertune::gui
