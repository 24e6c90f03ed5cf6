#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""check.py DATA_DIR PROJECT INFL DISC INCIDENCE_YEAR PRICE_YEAR AREAS PATHWAY FROM YEARS [SCENARIO]"""
import json, subprocess, sys
import os
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from model import Data

CLI = os.environ["PATHCOST_CLI"]
nfail = 0
ncmp = 0


def close(a, b):
    if a is None or b is None:
        return a == b
    return abs(a - b) <= 1e-6 * max(1.0, abs(a), abs(b))


def cmp(path, mine, theirs, tag):
    global nfail, ncmp
    if isinstance(mine, dict) or isinstance(theirs, dict):
        mine = mine if isinstance(mine, dict) else {}
        theirs = theirs if isinstance(theirs, dict) else {}
        for k in sorted(set(mine) | set(theirs)):
            cmp(path + "." + str(k), mine.get(k, 0.0), theirs.get(k, 0.0), tag)
    elif isinstance(mine, list):
        if not isinstance(theirs, list) or len(mine) != len(theirs):
            print(f"FAIL {tag} {path}: length mine={len(mine)} cli={theirs if not isinstance(theirs, list) else len(theirs)}")
            nfail += 1
            return
        for i, (a, b) in enumerate(zip(mine, theirs)):
            cmp(f"{path}[{i}]", a, b, tag)
    else:
        ncmp += 1
        if not close(mine, theirs):
            nfail += 1
            print(f"FAIL {tag} {path}: mine={mine!r} cli={theirs!r}")


def strip_report(r):
    # keep only the fields the brief lists
    return {"cpp": r["pathway"]["cost_per_patient"],
            "expected": r["pathway"]["expected_cost_per_patient"],
            "base_years": [r["incidence_year"], r["price_year"]],
            "years": [{k: y[k] for k in ("year", "incident", "cost", "cost_by_phase", "cost_by_funding", "activity")}
                      for y in r["years"]],
            "total_cost": r["total_cost"], "npv": r["npv"]}


def check_warning(d, pathway, name, cli_json, tag):
    """A scenario that changes nothing in the pathway must say so."""
    global nfail, ncmp
    warned = any("changes nothing" in w for w in cli_json.get("warnings", []))
    ncmp += 1
    if warned == d.touches(name, pathway):
        nfail += 1
        print(f"FAIL {tag} untouched warning: touches={d.touches(name, pathway)} warned={warned}")


def run(data_dir, proj, infl, disc, iy, py, areas, pathway, frm, years, scenario=None):
    global nfail, ncmp
    rscen = None
    if scenario and scenario.startswith("R:"):
        rscen, scenario = scenario[2:], None
    d = Data(data_dir, infl, disc, iy, py)
    al = areas.split(",")
    tag = f"[{proj} {areas} {pathway} {frm}+{years} cmp:{scenario} rep:{rscen} i={infl} d={disc}]"
    if scenario:
        args = [CLI, "compare", proj, "--scenario", scenario, "--area", areas, "--pathway", pathway,
                "--from", str(frm), "--years", str(years), "--json"]
    else:
        args = [CLI, "report", proj, "--area", areas, "--pathway", pathway,
                "--from", str(frm), "--years", str(years), "--json"] + (["--scenario", rscen] if rscen else [])
    p = subprocess.run(args, capture_output=True, text=True)
    if p.returncode != 0:

        nfail += 1
        print(f"FAIL {tag} cli exit {p.returncode}: {p.stderr.strip()}")
        return
    cli = json.loads(p.stdout)
    if scenario:
        mine = d.compare(al, pathway, frm, years, scenario)
        cmp("baseline", strip_report(mine["baseline"]), strip_report(cli["baseline"]), tag)
        cmp("scenario", strip_report(mine["scenario"]), strip_report(cli["scenario"]), tag)
        for k in ("difference", "cumulative", "npv_difference"):
            cmp(k, mine[k], cli[k], tag)
        check_warning(d, pathway, scenario, cli, tag)
        if mine["payback_year"] != cli["payback_year"]:
            nfail += 1
            print(f"FAIL {tag} payback_year: mine={mine['payback_year']} cli={cli['payback_year']}")
        else:
            ncmp += 1
    else:
        mine = d.report(al, pathway, frm, years, rscen)
        cmp("report", strip_report(mine), strip_report(cli), tag)
        if rscen:
            check_warning(d, pathway, rscen, cli, tag)
    if p.stderr.strip():
        print(f"  note {tag} stderr: {p.stderr.strip()[:200]}")


if __name__ == "__main__":
    a = sys.argv[1:]
    run(a[0], a[1], float(a[2]), float(a[3]), int(a[4]), int(a[5]), a[6], a[7], int(a[8]), int(a[9]),
        a[10] if len(a) > 10 else None)
    print(f"compared {ncmp} numbers, {nfail} failures")
    sys.exit(1 if nfail or ncmp == 0 else 0)
