// Scratch folders for tests: under $TIERTUNE_TEST_SCRATCH (a disk-backed folder in the build tree,
// set by tiertune_add_qtest), so that disk tests never run on a tmpfs /tmp and never touch the
// user's real data.
#pragma once

#include <QDir>
#include <QTemporaryDir>
#include <QtGlobal>
#include <memory>

namespace tiertune::test {

inline std::unique_ptr<QTemporaryDir> makeScratchDir() {
  QString base = qEnvironmentVariable("TIERTUNE_TEST_SCRATCH");
  if (base.isEmpty()) base = QDir::currentPath() + QStringLiteral("/scratch");
  QDir().mkpath(base);
  return std::make_unique<QTemporaryDir>(base + QStringLiteral("/XXXXXX"));
}

}  // namespace tiertune::test
