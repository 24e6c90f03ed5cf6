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
# The years the sample's sources describe (SOURCES.md): incidence rates of
# England 2017-19, centred on 2018/19, and 2019/20 tariff prices.
"$cli" set "$out" incidence_year 2018 && "$cli" set "$out" price_year 2019 || { rm -f "$out"; exit 1; }
