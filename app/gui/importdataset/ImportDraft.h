// What the Import dataset wizard's pages fill in together: the request being built (file, name and
// model from the file page, format and field names from the format page, split and encoding from
// the options page), the rows the preview shows, and the results of the check and of the import.
// Owned by ImportDatasetWizard; the pages read and write it, each keeping its own part current
// while the person edits, so that a page further on reads what the earlier pages show.
#pragma once

#include <QString>
#include <optional>
#include <string>
#include <vector>

#include "core/data/dataset_import.h"

namespace tiertune::gui {

struct ImportDraft {
  // The request as chosen, but for the field names (mapping), which may not read yet.
  data::ImportRequest chosen;
  // The field names as written on the format page ("prompt=question,completion=answer").
  std::string mapping;
  // The chosen model's name and context in tokens (0 when unknown): the options page keeps the
  // longest example within the context.
  QString modelName;
  qlonglong modelContext = 0;

  std::vector<data::PreviewRow> previewRows;   // read when the format page is left
  std::optional<data::ImportResult> check;     // the report page's check of every row
  std::optional<data::ImportResult> imported;  // the import, for the summary
  // A check or an import runs: the wizard goes on from no page until its result is in.
  bool working = false;

  // The request the pages describe; throws when the field names do not read.
  data::ImportRequest request() const {
    data::ImportRequest request = chosen;
    if (!mapping.empty()) request.mapping = data::FieldMapping::parse(mapping);
    return request;
  }
};

}  // namespace tiertune::gui
