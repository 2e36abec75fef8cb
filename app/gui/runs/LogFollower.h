// Reads what a process appends to a log file, in bounded chunks so that a long log (a run of
// thousands of steps) is taken in over several turns of the event loop, never in one long block
// of the GUI thread. Used by RunSupervisor on each run's worker.log.
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace tiertune::gui {

class LogFollower {
 public:
  explicit LogFollower(QString path) : path_(std::move(path)) {}

  const QString& path() const { return path_; }
  // The complete lines appended since the last call, from at most maxBytes of the file. A file
  // that shrank (replaced) is read again from its start.
  QList<QByteArray> readLines(qint64 maxBytes = 256 * 1024);
  // True when the last call reached the end of the file as it was then.
  bool caughtUp() const { return caughtUp_; }
  // Where the next line starts: the bytes read so far, an unfinished last line excepted.
  qint64 position() const { return offset_ - partial_.size(); }
  // The file's size now (0 when it does not exist).
  qint64 fileSize() const;

 private:
  QString path_;
  qint64 offset_ = 0;
  QByteArray partial_;  // the start of a line whose end is not written yet
  bool caughtUp_ = false;
};

}  // namespace tiertune::gui
