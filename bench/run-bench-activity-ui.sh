#!/usr/bin/env bash
# make bench, the Activity page: a switch to each of its views, from the
# switch to the next frame painted, against the Costing view switched to
# the same way; on the sample, and on PROJECT when given (a project holding
# the large extract).  Under Xvfb at 1366x768.
#   run-bench-activity-ui.sh BUILD_DIR [PROJECT]
set -euo pipefail
build=$(readlink -f "${1:-build}")
export GDK_BACKEND=x11 GSK_RENDERER=cairo GSETTINGS_BACKEND=memory NO_AT_BRIDGE=1
export GSETTINGS_SCHEMA_DIR=$build/data
bench=$build/bench/bench-activity-ui
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

for project in "$build/resources/sample.pathcost" ${2:+"$2"}; do
  cp "$project" "$tmp/bench.pathcost"
  echo "== The Activity page's views on $(basename "$project"): median of 10 switches"
  xvfb-run -a -s "-screen 0 1366x768x24" dbus-run-session -- \
    "$bench" "$tmp/bench.pathcost" 10 2>/dev/null | grep -E '_ms='
done
