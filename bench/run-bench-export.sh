#!/usr/bin/env bash
# make bench, the negotiation workbook: the sample's export time, and the
# cells per second of a large export (all 200 areas of a generated project,
# 20 years) against a bare libxlsxwriter program writing the same cells.
# Prints figures and asserts nothing.
#   run-bench-export.sh BUILD_DIR
set -euo pipefail
build=$(readlink -f "${1:-build}")
here=$(dirname "$(readlink -f "$0")")
top=$(dirname "$here")
cli=$build/src/cli/pathcost-cli
sample=$top/resources/sample
out=$top/bench/out/export
py=/usr/bin/python3
rm -rf "$out"; mkdir -p "$out"

echo "== Export of the negotiation workbook: the sample, and 200 areas vs bare libxlsxwriter"
"$py" "$here/gen-population.py" "$out/areas200" 200 2015 35
p="$out/areas200.pathcost"
"$cli" new "$p"
for kind in tariffs providers; do "$cli" import "$p" "$kind" "$sample/$kind.csv"; done
"$cli" import "$p" areas "$out/areas200/areas.csv"
"$cli" import "$p" population "$out/areas200/population.csv"
for kind in sites incidence stages survival pathway_steps; do "$cli" import "$p" "$kind" "$sample/$kind.csv"; done
/usr/bin/time -f 'bench-export peak RSS: %M kB' \
  "$build/bench/bench-export" "$build/resources/sample.pathcost" "$p" breast_current_RF4 2026 20 "$out"
rm -rf "$out"
