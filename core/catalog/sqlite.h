// A thin RAII layer over the sqlite3 C API for the catalog: one connection, prepared statements
// with typed binds and columns, and transactions that roll back unless committed. Every failure
// throws DatabaseError (a tiertune::Error) naming the catalog file and saying in words what was
// being done, never the SQL.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "core/util/error.h"

struct sqlite3;
struct sqlite3_stmt;

namespace tiertune::catalog {

class Database;

// A failure reported by SQLite, with its extended result code for callers that handle one kind.
class DatabaseError : public Error {
 public:
  DatabaseError(const std::string& message, int resultCode) : Error(message), resultCode_(resultCode) {}
  int resultCode() const { return resultCode_ & 0xff; }
  int extendedResultCode() const { return resultCode_; }

 private:
  int resultCode_;
};

// Whether the file itself is damaged, asked on a new connection of its own (PRAGMA quick_check):
// "ok", or SQLite's words for the damage. A connection that fails to read a page may be wrong
// about the file (it read through a stale or deleted log), so damage is only ever claimed from
// this answer.
std::string checkFileFreshly(const std::filesystem::path& file);

class Statement {
 public:
  Statement(Database& database, std::string_view sql);
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  ~Statement();

  // Binds are 1-based, as in SQL. A null optional binds NULL.
  Statement& bind(int index, std::int64_t value);
  Statement& bind(int index, double value);  // NaN binds NULL: SQLite has no NaN
  Statement& bind(int index, std::string_view value);
  Statement& bind(int index, const std::optional<std::int64_t>& value);
  Statement& bindNull(int index);

  // Advances to the next row; false when done. Throws on errors (constraint, busy, I/O).
  bool step();
  // Runs a statement that returns no rows.
  void run();
  // Makes the statement runnable again with new binds.
  void reset();

  bool isNull(int column) const;  // 0-based, as in the C API
  std::int64_t integer(int column) const;
  double real(int column) const;  // NULL reads as NaN
  std::string text(int column) const;
  std::optional<std::int64_t> optionalInteger(int column) const;

 private:
  Database& database_;
  sqlite3_stmt* statement_ = nullptr;
};

class Database {
 public:
  // Opens (creating when create is true) the file for reading and writing.
  Database(const std::filesystem::path& file, bool create);
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;
  ~Database();

  const std::filesystem::path& file() const { return file_; }
  sqlite3* handle() const { return handle_; }

  // Runs one or more statements without results.
  void exec(std::string_view sql);
  // A single integer or text result of a query such as "PRAGMA user_version".
  std::int64_t queryInteger(std::string_view sql);
  std::string queryText(std::string_view sql);
  std::int64_t lastInsertId() const;
  int changes() const;

  // Throws DatabaseError("Catalog FILE: WHAT: advice (sqlite's words)"). A read that SQLite reports
  // as damage is checked on a fresh connection first, and called damage only when that agrees.
  [[noreturn]] void fail(std::string_view what, int resultCode) const;

 private:
  std::filesystem::path file_;
  sqlite3* handle_ = nullptr;
};

// BEGIN IMMEDIATE on construction (takes the write lock up front, so a writer never fails half
// way with SQLITE_BUSY on lock upgrade), ROLLBACK on destruction unless commit() was called.
class Transaction {
 public:
  explicit Transaction(Database& database);
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  ~Transaction();
  void commit();

 private:
  Database& database_;
  bool open_ = true;
};

// A read transaction: every query inside sees one snapshot of the file.
class ReadTransaction {
 public:
  explicit ReadTransaction(Database& database);
  ReadTransaction(const ReadTransaction&) = delete;
  ReadTransaction& operator=(const ReadTransaction&) = delete;
  ~ReadTransaction();

 private:
  Database& database_;
};

}  // namespace tiertune::catalog
