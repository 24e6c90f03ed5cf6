#!/usr/bin/env bash
# make bench: importing a 5,000,000-row activity extract against the sqlite3
# shell's .import of the same file into an equivalent table (the baseline,
# measured in the same run), and each activity analysis on the project
# holding it, as a whole pathcost-cli process, against 300 ms.  Prints
# figures and asserts nothing.
#   run-bench-activity.sh BUILD_DIR [ROWS]
set -euo pipefail
build=$(readlink -f "${1:-build}")
rows_wanted=${2:-5000000}
here=$(dirname "$(readlink -f "$0")")
cli=$build/src/cli/pathcost-cli
out=$here/out-activity
py=/usr/bin/python3
rm -rf "$out"; mkdir -p "$out"

now() { date +%s.%N; }
# Runs "$@" under /usr/bin/time; sets secs and peak (kB).
timed() {
  local t0 t1
  t0=$(now); /usr/bin/time -f '%M' -o "$out/rss.txt" "$@" >/dev/null; t1=$(now)
  secs=$(echo "$t1 - $t0" | bc -l); peak=$(cat "$out/rss.txt")
}

echo "== Import of a ${rows_wanted}-row activity extract vs sqlite3 shell .import (same run)"
"$py" "$here/gen-activity.py" "$out/activity.csv" "$rows_wanted"
rows=$(($(wc -l < "$out/activity.csv") - 1))
cat "$out/activity.csv" > /dev/null   # both read it from the page cache

# Best of 3 each, alternating, so that both meet the same load.
best_pc=999999; best_sh=999999; pc_rss=0; sh_rss=0
for run in 1 2 3; do
  cp "$build/resources/sample.pathcost" "$out/activity.pathcost"
  timed "$cli" import "$out/activity.pathcost" activity "$out/activity.csv" --replace
  best_pc=$(echo "if ($secs < $best_pc) $secs else $best_pc" | bc -l); pc_rss=$((peak > pc_rss ? peak : pc_rss))
  rm -f "$out/shell.db"
  # The same columns; our id INTEGER PRIMARY KEY is the rowid the shell's table has anyway.
  sqlite3 "$out/shell.db" "CREATE TABLE activity (patient TEXT NOT NULL, provider TEXT NOT NULL,
    area TEXT NOT NULL, site TEXT NOT NULL, stage TEXT NOT NULL, date TEXT NOT NULL,
    hrg TEXT NOT NULL, activity TEXT NOT NULL, quantity REAL NOT NULL, cost REAL NOT NULL,
    tariff_paid REAL);"
  timed sqlite3 "$out/shell.db" ".import --csv --skip 1 $out/activity.csv activity"
  best_sh=$(echo "if ($secs < $best_sh) $secs else $best_sh" | bc -l); sh_rss=$((peak > sh_rss ? peak : sh_rss))
done
pc=$best_pc; sh=$best_sh
printf "rows=%d\n" "$rows"
printf "pathcost import (summaries included): %.2f s, %.0f rows/s, peak RSS %d kB (best of 3)\n" \
  "$pc" "$(echo "$rows / $pc" | bc -l)" "$pc_rss"
printf "sqlite3 shell .import:                %.2f s, %.0f rows/s, peak RSS %d kB (best of 3)\n" \
  "$sh" "$(echo "$rows / $sh" | bc -l)" "$sh_rss"
printf "ratio (pathcost rows/s / shell rows/s): %.2f (target 2.00)\n" "$(echo "$sh / $pc" | bc -l)"
# Memory against the file's size: a fifth of the rows.
head -n $((rows / 5 + 1)) "$out/activity.csv" > "$out/fifth.csv"
cp "$build/resources/sample.pathcost" "$out/fifth.pathcost"
timed "$cli" import "$out/fifth.pathcost" activity "$out/fifth.csv" --replace
printf "pathcost import peak RSS with %d rows: %d kB; with %d rows: %d kB\n" $((rows / 5)) "$peak" "$rows" "$pc_rss"
rm -f "$out/fifth.csv" "$out/fifth.pathcost" "$out/shell.db"

echo "== Each analysis on the ${rows}-row project, whole process, best of 3 (target 300 ms)"
first_provider=R1H
for analysis in --flows --costs "--compliance breast_best_practice" "--compliance lung_best_practice" \
                --unit-costs --risks; do
  for provider in "" "--provider $first_provider"; do
    for json in "" --json; do
      best=999999
      for run in 1 2 3; do
        timed "$cli" activity "$out/activity.pathcost" $analysis $provider $json
        t=$(echo "$secs * 1000" | bc -l)
        best=$(echo "if ($t < $best) $t else $best" | bc -l)
      done
      printf "activity %-36s %-15s %-6s %6.0f ms  (target 300 ms)  peak %d kB\n" \
        "$analysis" "$provider" "$json" "$best" "$peak"
    done
  done
done
rm -rf "$out"
