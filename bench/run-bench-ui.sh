#!/usr/bin/env bash
# make bench, the window: start to first frame with the sample open, and a
# step's quantity changing to the projection chart redrawn on a 500-step
# pathway.  Under Xvfb at 1366x768, as the screenshots are taken.
#   run-bench-ui.sh BUILD_DIR
set -euo pipefail
build=$(readlink -f "${1:-build}")
export GDK_BACKEND=x11 GSK_RENDERER=cairo GSETTINGS_BACKEND=memory
export GSETTINGS_SCHEMA_DIR=$build/data
sample=$build/resources/sample.pathcost
bench=$build/bench/bench-ui

echo "== 7. The window: start to first frame (5 runs), then 30 edits of a 500-step pathway"
xvfb-run -a -s "-screen 0 1366x768x24" dbus-run-session -- bash -c "
  for run in 1 2 3 4 5; do '$bench' first-frame '$sample'; done
  '$bench' edit '$sample' 30
" 2>/dev/null | grep -E 'ms=|steps='
