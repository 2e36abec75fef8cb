#!/usr/bin/env bash
# Installs the pinned reference packages (package-lock.json) into the folder given, once: a stamp
# with the lock file's hash skips the download when nothing changed. Run by CTest as the fixture
# of the conformance tests.
set -euo pipefail
source_dir=$(cd "$(dirname "$0")" && pwd)
target=${1:?usage: setup.sh TARGET_DIR}
mkdir -p "$target"
stamp="$target/node_modules/.tiertune-lock-sha256"
want=$(sha256sum "$source_dir/package-lock.json" | cut -d' ' -f1)
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
  exit 0
fi
command -v npm >/dev/null || { echo "npm is missing: run installer/install-build-deps.sh" >&2; exit 1; }
cp "$source_dir/package.json" "$source_dir/package-lock.json" "$target/"
cd "$target"
npm ci --no-audit --no-fund --loglevel=error
echo "$want" > "$stamp"
