// "Make a dataset from documents": the team's files and folders and the model → what was read,
// each file that could not be read named with the reason → text for continued pre-training, or
// questions and answers written by a chat model (written with progress and Stop, resumable, then
// reviewed pair by pair) → the import with progress and Cancel → a summary that says where every
// example's source is kept. The work runs in core/documents on background threads. Each step is a
// page of its own; they share the DocumentsDraft this wizard owns.
#pragma once

#include <QWizard>

#include "app/gui/documents/DocumentsDraft.h"

namespace tiertune::gui {

class AppContext;
class DocumentSourcesPage;

class DocumentsWizard : public QWizard {
  Q_OBJECT

 public:
  enum PageId { SourcesPage, ReadPage, KindPage, GeneratePage, ReviewPage, ImportPage, SummaryPage };

  explicit DocumentsWizard(AppContext& context, QWidget* parent = nullptr);
  ~DocumentsWizard() override;

  // Adds files and folders to the first page's list, as choosing or dropping them does.
  void addSources(const QStringList& paths);
  // How the question page opens the model that writes (a test gives a scripted one); by default
  // QaGeneratePage::openGenerator.
  void setGeneratorFactory(QaModelFactory factory) { draft_.openGenerator = std::move(factory); }
  const DocumentsDraft& draft() const { return draft_; }

  // No page is left forward while a read, the writing or an import runs.
  bool validateCurrentPage() override;

 signals:
  void readFinished();
  void generationFinished();
  void importFinished();

 private:
  DocumentsDraft draft_;
  DocumentSourcesPage* sources_;
};

}  // namespace tiertune::gui
