#!/usr/bin/env bash
# An independent implementation of docs/MODEL.md's report and comparison
# (model.py) against pathcost-cli on random data sets (gen.py): population
# years that do not cover the projection, gaps, negative trend powers,
# missing survival years, every scenario parameter, several areas summed.
# Every figure must agree to a relative 1e-6.  TAP output for meson.
# SPDX-License-Identifier: GPL-3.0-or-later
set -u
here=$(dirname "$(readlink -f "$0")")
cli=${PATHCOST_CLI:?}
py=/usr/bin/python3
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
n=0; failed=0
echo "1..3"
for seed in 1 2 3; do
  d=$work/r$seed p=$work/r$seed.pathcost ok=1
  "$py" "$here/gen.py" "$seed" "$d" >/dev/null
  "$cli" new "$p" || ok=0
  for k in tariffs providers areas population sites incidence stages survival pathway_steps \
           scenario_changes scenario_investments; do
    "$cli" import "$p" "$k" "$d/$k.csv" || ok=0
  done
  i=$("$py" -c "import random;R=random.Random($seed*7);print(round(R.uniform(0.005,0.04),4))")
  r=$("$py" -c "import random;R=random.Random($seed*11);print(round(R.uniform(0.01,0.08),4))")
  # Base years away from every report's first year, so that a report that
  # counted trend or inflation from its own first year would disagree.
  iy=$((2015 + seed)) pyear=$((2019 + seed))
  "$cli" set "$p" inflation "$i" && "$cli" set "$p" discount_rate "$r" || ok=0
  "$cli" set "$p" incidence_year "$iy" && "$cli" set "$p" price_year "$pyear" || ok=0
  for sel in "A1 pa 2022 12" "A2 pb 2026 20" "A3 pc 2025 8" "A1,A2 pa 2024 15" "A1,A3 pc 2020 20" "A1,A2,A3 pb 2030 1"; do
    set -- $sel
    for sc in "" x1 x2 x3 x4 R:x1 R:x2 R:x3 R:x4; do
      out=$("$py" "$here/check.py" "$d" "$p" "$i" "$r" "$iy" "$pyear" "$1" "$2" "$3" "$4" $sc 2>&1) || { ok=0; echo "# $out" | head -5; }
    done
  done
  n=$((n + 1))
  if [ $ok = 1 ]; then echo "ok $n random data set $seed"; else echo "not ok $n random data set $seed"; failed=1; fi
done
exit $failed
