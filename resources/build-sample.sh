#!/bin/sh
# Builds the bundled sample project from its source CSVs with pathcost-cli:
#   build-sample.sh PATHCOST_CLI OUTPUT.pathcost SAMPLE_DIR
# Imports run in dependency order (codes must exist before rows use them).
set -eu
cli=$1 out=$2 dir=$3
rm -f "$out"
"$cli" new "$out"
for kind in tariffs providers areas population sites incidence stages survival pathway_steps \
            scenario_changes scenario_investments activity; do
  "$cli" import "$out" "$kind" "$dir/$kind.csv" || { rm -f "$out"; exit 1; }
done
