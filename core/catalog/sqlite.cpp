#include "core/catalog/sqlite.h"

#include <sqlite3.h>

#include <cmath>
#include <limits>

#include "core/util/error.h"

namespace tiertune::catalog {

namespace {

// Words for the result codes a person can do something about; SQLite's own text follows.
std::string advice(int resultCode) {
  switch (resultCode & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return "another program holds the catalog locked; close other Tiertune windows and retry";
    case SQLITE_READONLY:
    case SQLITE_PERM:
      return "the file or its folder cannot be written";
    case SQLITE_FULL:
      return "the disk is full";
    case SQLITE_CONSTRAINT:
      return "another record already has this name or folder, or the change contradicts the catalog "
             "(another window or process may have made the same change a moment ago)";
    case SQLITE_CANTOPEN:
      return "the file cannot be opened";
    case SQLITE_IOERR:
      return "the disk reported an input/output error";
    default:
      return {};
  }
}

// What this connection was doing, in words: the SQL itself means nothing to a person.
std::string doing(sqlite3_stmt* statement) {
  return statement && sqlite3_stmt_readonly(statement) ? "reading the catalog" : "saving a change to the catalog";
}

}  // namespace

std::string checkFileFreshly(const std::filesystem::path& file) {
  sqlite3* fresh = nullptr;
  int rc = sqlite3_open_v2(file.c_str(), &fresh, SQLITE_OPEN_READONLY, nullptr);
  std::string result;
  if (rc == SQLITE_OK) {
    sqlite3_busy_timeout(fresh, 5000);
    sqlite3_stmt* check = nullptr;
    rc = sqlite3_prepare_v2(fresh, "PRAGMA quick_check(1)", -1, &check, nullptr);
    if (rc == SQLITE_OK) rc = sqlite3_step(check);
    if (rc == SQLITE_ROW) {
      const auto* text = sqlite3_column_text(check, 0);
      result = text ? reinterpret_cast<const char*>(text) : "";
    }
    sqlite3_finalize(check);
  }
  if (result.empty()) result = fresh ? sqlite3_errmsg(fresh) : sqlite3_errstr(rc);
  sqlite3_close_v2(fresh);
  return result;
}

Database::Database(const std::filesystem::path& file, bool create) : file_(file) {
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX;  // a Catalog serves one thread at a time
  if (create) flags |= SQLITE_OPEN_CREATE;
  const int rc = sqlite3_open_v2(file.c_str(), &handle_, flags, nullptr);
  if (rc != SQLITE_OK) {
    std::string message = handle_ ? sqlite3_errmsg(handle_) : sqlite3_errstr(rc);
    sqlite3_close_v2(handle_);
    handle_ = nullptr;
    std::string why = advice(rc);
    throw Error("Cannot open the catalog " + file.string() + ": " + (why.empty() ? "" : why + " (") +
                message + (why.empty() ? "" : ")"));
  }
  sqlite3_extended_result_codes(handle_, 1);
  // SQLite opens a write-protected file read-only without failing: that would surface later as
  // failed saves, so refuse now.
  if (sqlite3_db_readonly(handle_, "main") == 1) {
    sqlite3_close_v2(handle_);
    handle_ = nullptr;
    throw Error("Cannot open the catalog " + file.string() +
                ": the file cannot be written (check its permissions)");
  }
}

Database::~Database() { sqlite3_close_v2(handle_); }

void Database::fail(std::string_view what, int resultCode) const {
  const std::string sqliteWords = handle_ ? sqlite3_errmsg(handle_) : sqlite3_errstr(resultCode);
  std::string message = "Catalog " + file_.string() + ": " + std::string(what);
  const int primary = resultCode & 0xff;
  if (primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB) {
    const std::string verdict = checkFileFreshly(file_);
    if (verdict == "ok") {
      message += ": this connection could not read the catalog, but the file itself checks as healthy and "
                 "nothing in it was lost. Close the window (or the command) and start it again.";
    } else {
      message += ": the file is damaged or is not a Tiertune catalog (" + verdict + ")";
    }
  } else if (const std::string why = advice(resultCode); !why.empty()) {
    message += ": " + why;
  }
  message += " (SQLite: " + sqliteWords + ")";
  throw DatabaseError(message, resultCode);
}

void Database::exec(std::string_view sql) {
  const std::string text(sql);
  char* error = nullptr;
  const int rc = sqlite3_exec(handle_, text.c_str(), nullptr, nullptr, &error);
  sqlite3_free(error);  // fail() reads the same words from sqlite3_errmsg
  if (rc != SQLITE_OK) fail(text.rfind("PRAGMA", 0) == 0 ? "setting up the connection" : "saving a change to the catalog", rc);
}

std::int64_t Database::queryInteger(std::string_view sql) {
  Statement statement(*this, sql);
  if (!statement.step()) fail("reading the catalog gave no answer", SQLITE_ERROR);
  return statement.integer(0);
}

std::string Database::queryText(std::string_view sql) {
  Statement statement(*this, sql);
  if (!statement.step()) fail("reading the catalog gave no answer", SQLITE_ERROR);
  return statement.text(0);
}

std::int64_t Database::lastInsertId() const { return sqlite3_last_insert_rowid(handle_); }

int Database::changes() const { return sqlite3_changes(handle_); }

Statement::Statement(Database& database, std::string_view sql) : database_(database) {
  const int rc = sqlite3_prepare_v2(database_.handle(), sql.data(), static_cast<int>(sql.size()),
                                    &statement_, nullptr);
  if (rc != SQLITE_OK) database_.fail("preparing to read or change the catalog", rc);
}

Statement::~Statement() { sqlite3_finalize(statement_); }

Statement& Statement::bind(int index, std::int64_t value) {
  const int rc = sqlite3_bind_int64(statement_, index, value);
  if (rc != SQLITE_OK) database_.fail("binding a value", rc);
  return *this;
}

Statement& Statement::bind(int index, double value) {
  if (std::isnan(value)) return bindNull(index);
  const int rc = sqlite3_bind_double(statement_, index, value);
  if (rc != SQLITE_OK) database_.fail("binding a value", rc);
  return *this;
}

Statement& Statement::bind(int index, std::string_view value) {
  const int rc = sqlite3_bind_text64(statement_, index, value.data(), value.size(), SQLITE_TRANSIENT,
                                     SQLITE_UTF8);
  if (rc != SQLITE_OK) database_.fail("binding a value", rc);
  return *this;
}

Statement& Statement::bind(int index, const std::optional<std::int64_t>& value) {
  return value ? bind(index, *value) : bindNull(index);
}

Statement& Statement::bindNull(int index) {
  const int rc = sqlite3_bind_null(statement_, index);
  if (rc != SQLITE_OK) database_.fail("binding a value", rc);
  return *this;
}

bool Statement::step() {
  const int rc = sqlite3_step(statement_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  database_.fail(doing(statement_), rc);
}

void Statement::run() {
  while (step()) {
  }
}

void Statement::reset() {
  sqlite3_reset(statement_);  // returns the last step's error, which step() already reported
  sqlite3_clear_bindings(statement_);
}

bool Statement::isNull(int column) const {
  return sqlite3_column_type(statement_, column) == SQLITE_NULL;
}

std::int64_t Statement::integer(int column) const { return sqlite3_column_int64(statement_, column); }

double Statement::real(int column) const {
  if (isNull(column)) return std::numeric_limits<double>::quiet_NaN();
  return sqlite3_column_double(statement_, column);
}

std::string Statement::text(int column) const {
  const auto* bytes = sqlite3_column_text(statement_, column);
  if (!bytes) return {};
  return std::string(reinterpret_cast<const char*>(bytes),
                     static_cast<std::size_t>(sqlite3_column_bytes(statement_, column)));
}

std::optional<std::int64_t> Statement::optionalInteger(int column) const {
  if (isNull(column)) return std::nullopt;
  return integer(column);
}

Transaction::Transaction(Database& database) : database_(database) {
  database_.exec("BEGIN IMMEDIATE");
}

Transaction::~Transaction() {
  if (open_) sqlite3_exec(database_.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
}

void Transaction::commit() {
  database_.exec("COMMIT");
  open_ = false;
}

ReadTransaction::ReadTransaction(Database& database) : database_(database) {
  database_.exec("BEGIN DEFERRED");
}

ReadTransaction::~ReadTransaction() {
  sqlite3_exec(database_.handle(), "COMMIT", nullptr, nullptr, nullptr);
}

}  // namespace tiertune::catalog
