#!/bin/sh
# Runs each libFuzzer harness for a bounded time on a working copy of its
# seed corpus and prints how many inputs it executed.
#   tests/fuzz/run-fuzz.sh BUILD_DIR SECONDS_PER_HARNESS
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu

build=$1
seconds=$2
here=$(cd "$(dirname "$0")" && pwd)
work=$build/fuzz-work
cli=$build/src/cli/pathcost-cli

mkdir -p "$work/csv" "$work/open" "$work/artifacts"
cp "$here"/corpus/csv/* "$work/csv/"

# Project seeds are made by the CLI rather than kept in git: an empty
# project, and one with reference data, a pathway and settings.
if [ ! -f "$work/open/empty.pathcost" ]; then
  "$cli" new "$work/open/empty.pathcost"
  "$cli" new "$work/open/small.pathcost"
  for kind in tariffs providers areas sites stages survival incidence pathway_steps; do
    "$cli" import "$work/open/small.pathcost" "$kind" "$here/../../resources/sample/$kind.csv" \
      >/dev/null 2>&1 || true
  done
  "$cli" set "$work/open/small.pathcost" inflation 0.02
fi

status=0
for harness in fuzz-csv-import:csv fuzz-project-open:open; do
  name=${harness%%:*}
  corpus=$work/${harness##*:}
  log=$work/$name.log
  echo "== $name for ${seconds}s"
  # -max_len covers the project seeds (a page is 4 KiB); leaks count.
  if ! ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
       "$build/tests/fuzz/$name" -max_total_time="$seconds" -print_final_stats=1 \
       -artifact_prefix="$work/artifacts/$name-" -max_len=262144 -timeout=20 -rss_limit_mb=2048 \
       "$corpus" >"$log" 2>&1; then
    echo "$name: FOUND A PROBLEM (see $log and $work/artifacts/)"
    status=1
  fi
  grep -E 'stat::number_of_executed_units|stat::peak_rss_mb' "$log" | sed "s/^/$name: /"
done
exit $status
