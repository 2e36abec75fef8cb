#!/usr/bin/env bash
# A newcomer's hour on one catalog, scripted (issue 19): the application stays open on the Runs page
# while tiertune-cli processes add a model, import a dataset, train three runs (one stopped with
# SIGTERM and resumed), export two of them. After each step the window's open files are checked:
# a catalog, WAL or shared-memory file shown as "(deleted)" means a process that closed believed it
# was the last one and removed the log under the window. The catalog must pass integrity_check.
# With a DISPLAY and xwd/convert, a screenshot per step shows that the window followed the changes.
#
#   tests/tools/live_catalog_hour.sh [BIN_DIR] [WORK_DIR]     (defaults: build/ci/bin, a new temp folder)
# Exit status 0 when no file was ever deleted under the window and the catalog is whole.
set -uo pipefail
bin=$(realpath "${1:-build/ci/bin}")
work=${2:-$(mktemp -d /tmp/tiertune-hour.XXXXXX)}
mkdir -p "$work"
export HOME="$work/home" XDG_DATA_HOME="$work/home/data" XDG_CONFIG_HOME="$work/home/config"
unset TIERTUNE_SETTINGS_FILE
mkdir -p "$XDG_DATA_HOME" "$XDG_CONFIG_HOME"
report="$work/report.txt"
: > "$report"
"$bin/make_demo_model" "$work" > /dev/null || exit 2
[ -n "${DISPLAY:-}" ] || export QT_QPA_PLATFORM=offscreen
"$bin/tiertune" --page runs > "$work/gui.log" 2>&1 &
gui=$!
trap 'kill $gui 2>/dev/null' EXIT
sleep 3
failures=0
check() {
  local listing deleted
  listing=$(ls -l "/proc/$gui/fd" 2>/dev/null)
  deleted=$(grep -c '(deleted)' <<< "$listing")
  if ! kill -0 "$gui" 2>/dev/null; then echo "[$1] the application is gone" | tee -a "$report"; failures=$((failures + 1)); return; fi
  echo "[$1] catalog files open: $(grep -c 'catalog.sqlite' <<< "$listing"), deleted: $deleted" | tee -a "$report"
  [ "$deleted" = 0 ] || { grep '(deleted)' <<< "$listing" | tee -a "$report"; failures=$((failures + 1)); }
  if [ -n "${DISPLAY:-}" ] && command -v xwd > /dev/null && command -v convert > /dev/null; then
    xwd -root -silent | convert xwd:- "png:$work/step-$1.png"
  fi
}
cli() { "$bin/tiertune-cli" "$@" >> "$work/cli.log" 2>&1; }
config() {  # name method steps checkpoint_every
  printf '{"model": "%s", "dataset": "help-desk", "output": "%s", "method": "%s", "learning_rate": 0.002, "max_steps": %s, "micro_batch": 4, "sequence_length": 256, "checkpoint_every": %s}\n' \
    "$work/tiny-chat" "$work/out-$1" "$2" "$3" "$4" > "$work/$1.json"
}
check 0-open
cli model add "$work/tiny-chat" && cli dataset import "$work/help-desk.jsonl" --model tiny-chat --name help-desk
sleep 2; check 1-imported
config a full 40 20; config b lora 400 20; config c lora 30 10
cli train --config "$work/a.json" --name "first full"
sleep 2; check 2-first-done
"$bin/tiertune-cli" train --config "$work/b.json" --name "long lora" >> "$work/cli.log" 2>&1 & long=$!
sleep 6; kill -TERM "$long"; wait "$long"
sleep 2; check 3-long-stopped
"$bin/tiertune-cli" resume 2 >> "$work/cli.log" 2>&1 & long=$!
sleep 3; check 4-long-resumed
cli train --config "$work/c.json" --name "short lora"
wait "$long"
sleep 2; check 5-all-done
cli export --run 1 --format merged --output "$work/export-a"
cli export --run 3 --format peft --output "$work/export-c"
sleep 2; check 6-exported
# Python's sqlite3 module (python3 is a test dependency): SQLite itself, never the file read raw.
integrity=$(python3 - "$XDG_DATA_HOME/Tiertune/catalog.sqlite" "$report" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
with open(sys.argv[2], "a") as report:
    for row in db.execute("SELECT id, name, status FROM runs ORDER BY id"):
        print("run %d %s: %s" % row, file=report)
    print("exports: %d" % db.execute("SELECT count(*) FROM exports").fetchone(), file=report)
print(db.execute("PRAGMA integrity_check").fetchone()[0])
PY
)
echo "integrity_check: $integrity" | tee -a "$report"
[ "$integrity" = ok ] || failures=$((failures + 1))
echo "failures: $failures (files in $work)" | tee -a "$report"
[ "$failures" = 0 ]
