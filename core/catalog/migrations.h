// The catalog schema as an ordered list of migrations. Migration N turns a version N-1 file into
// version N; PRAGMA user_version records the last one applied. A file is only ever moved forward,
// all pending steps in one transaction, so a failed or interrupted upgrade leaves it as it was.
#pragma once

#include <functional>
#include <span>

namespace tiertune::catalog {

class Database;

struct Migration {
  int version;                             // the user_version this step produces
  std::function<void(Database&)> apply;    // runs inside the migration transaction
};

// The migrations of this build, in order; the last one's version is kSchemaVersion.
std::span<const Migration> schemaMigrations();

// Applies the steps of migrations newer than the file's user_version, in order, in one
// IMMEDIATE transaction, and stamps application_id and user_version. The version is read again
// inside the transaction, so two processes opening an old file at once migrate it once.
// Returns the version the file has afterwards. Throws tiertune::Error (and leaves the file
// unchanged) when a step fails or the file is newer than the last step.
int migrate(Database& database, std::span<const Migration> migrations);

}  // namespace tiertune::catalog
