#!/usr/bin/env bash
# make bench: Pathcost's speed against named baselines.  Prints figures and
# asserts nothing (timings vary from machine to machine).
#   run-bench.sh BUILD_DIR
set -euo pipefail
build=$(readlink -f "${1:-build}")
here=$(dirname "$(readlink -f "$0")")
top=$(dirname "$here")
cli=$build/src/cli/pathcost-cli
sample=$top/resources/sample
out=$top/bench/out
py=/usr/bin/python3     # Debian's, the one with python3-numpy
rm -rf "$out"; mkdir -p "$out"

now() { date +%s.%N; }
elapsed() { echo "$2 - $1" | bc -l; }
peak_kb() { /usr/bin/time -f '%M' -o "$out/time.txt" "$@" >/dev/null; cat "$out/time.txt"; }

echo "== 1. Import of a 1,000,000-row population CSV (validated) vs sqlite3 shell .import"
"$py" "$here/gen-population.py" "$out/pop" 530 2000 50
rows=$(($(wc -l < "$out/pop/population.csv") - 1))
best_pc=999; best_sh=999
for run in 1 2 3; do
  rm -f "$out/import.pathcost" "$out/shell.db"
  "$cli" new "$out/import.pathcost"
  "$cli" import "$out/import.pathcost" areas "$out/pop/areas.csv"
  t0=$(now); "$cli" import "$out/import.pathcost" population "$out/pop/population.csv"; t1=$(now)
  pc=$(elapsed "$t0" "$t1")
  sqlite3 "$out/shell.db" "CREATE TABLE population (area TEXT NOT NULL, year INTEGER NOT NULL,
    sex TEXT NOT NULL, age_band TEXT NOT NULL, count REAL NOT NULL,
    PRIMARY KEY (area, year, sex, age_band));"
  t0=$(now); sqlite3 "$out/shell.db" ".import --csv --skip 1 $out/pop/population.csv population"; t1=$(now)
  sh=$(elapsed "$t0" "$t1")
  best_pc=$(echo "if ($pc < $best_pc) $pc else $best_pc" | bc -l)
  best_sh=$(echo "if ($sh < $best_sh) $sh else $best_sh" | bc -l)
done
printf "rows=%d pathcost_s=%.3f (%.0f rows/s) sqlite3_shell_s=%.3f (%.0f rows/s) ratio=%.2f (best of 3)\n" \
  "$rows" "$best_pc" "$(echo "$rows / $best_pc" | bc -l)" "$best_sh" "$(echo "$rows / $best_sh" | bc -l)" \
  "$(echo "$best_sh / $best_pc" | bc -l)"
rm -f "$out/import.pathcost"; "$cli" new "$out/import.pathcost"
"$cli" import "$out/import.pathcost" areas "$out/pop/areas.csv"
echo "pathcost import peak RSS: $(peak_kb "$cli" import "$out/import.pathcost" population "$out/pop/population.csv") kB"
rm -f "$out/shell.db"
sqlite3 "$out/shell.db" "CREATE TABLE population (area TEXT NOT NULL, year INTEGER NOT NULL,
  sex TEXT NOT NULL, age_band TEXT NOT NULL, count REAL NOT NULL, PRIMARY KEY (area, year, sex, age_band));"
echo "sqlite3 shell .import peak RSS: $(peak_kb sqlite3 "$out/shell.db" ".import --csv --skip 1 $out/pop/population.csv population") kB"

echo "== 2. A 20-year projection for every area of a 200-area project"
"$py" "$here/gen-population.py" "$out/areas200" 200 2015 35
p="$out/areas200.pathcost"; rm -f "$p"
"$cli" new "$p"
for kind in tariffs providers; do "$cli" import "$p" "$kind" "$sample/$kind.csv"; done
"$cli" import "$p" areas "$out/areas200/areas.csv"
"$cli" import "$p" population "$out/areas200/population.csv"
for kind in sites incidence stages survival pathway_steps; do "$cli" import "$p" "$kind" "$sample/$kind.csv"; done
for run in 1 2 3; do "$build/bench/bench-projection" "$p" breast_best_practice 2026 20; done

echo "== 3. The sample's report through the CLI (whole process)"
t0=$(now)
for i in $(seq 20); do
  "$cli" report "$build/resources/sample.pathcost" --area "$(sed -n 2p "$sample/areas.csv" | cut -d, -f1)" \
    --pathway breast_best_practice --from 2026 --years 10 --json >/dev/null
done
t1=$(now)
printf "report --json: %.1f ms per run (mean of 20)\n" "$(echo "($t1 - $t0) * 1000 / 20" | bc -l)"

echo "== 4. PSA: 10,000 iterations, 20 years, one pathway and one area, vs numpy (same sampling and arithmetic)"
area=$(sed -n 2p "$sample/areas.csv" | cut -d, -f1)
"$build/bench/bench-psa" "$build/resources/sample.pathcost" breast_best_practice "$area" 2026 20 10000 "$out/psa-model.json"
for run in 1 2 3; do "$py" "$here/psa_numpy.py" "$out/psa-model.json" 10000; done

# 5. The activity extract: bench/run-bench-activity.sh
