#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""gen.py SEED OUTDIR : random Pathcost data set"""
import csv, os, random, sys

seed, out = int(sys.argv[1]), sys.argv[2]
R = random.Random(seed)
os.makedirs(out, exist_ok=True)
STAGES = ["1", "2", "3", "4", "unknown"]
BANDS = [f"{5*i}-{5*i+4}" for i in range(18)] + ["90+"]
ACTS = ["outpatient", "imaging", "elective", "daycase", "bed_day", "chemotherapy", "radiotherapy", "drug", "community", "other"]
PHASES = ["diagnosis", "staging", "treatment", "follow_up", "end_of_life"]
FUNDS = ["ccg", "specialised", "public_health"]


def w(name, header, rows):
    with open(os.path.join(out, name + ".csv"), "w", newline="") as f:
        cw = csv.writer(f)
        cw.writerow(header)
        cw.writerows(rows)


tariffs = [f"T{i:02d}" for i in range(12)]
w("tariffs", ["code", "description", "unit", "price", "year"],
  [[t, f"Tariff {t}, desc", "unit", f"{R.uniform(20, 5000):.2f}", 2024] for t in tariffs])
w("providers", ["code", "name", "mff"], [["P1", "Prov One", f"{R.uniform(1.02, 1.3):.4f}"],
                                         ["P2", "Prov Two", f"{R.uniform(0.85, 0.98):.4f}"]])
areas = ["A1", "A2", "A3"]
w("areas", ["code", "name"], [[a, "Area " + a] for a in areas])
pyears = {"A1": sorted(R.sample(range(2023, 2032), 3)),
          "A2": list(range(2029, 2029 + R.randint(1, 3))),
          "A3": [R.randint(2018, 2026)]}
rows = []
for a in areas:
    for y in pyears[a]:
        for sx in "FM":
            for b in BANDS:
                if R.random() < 0.03:
                    continue  # occasionally missing band
                rows.append([a, y, sx, b, R.randint(0, 20000)])
R.shuffle(rows)
w("population", ["area", "year", "sex", "age_band", "count"], rows)
sites = ["s1", "s2"]
w("sites", ["code", "name", "icd10", "trend"],
  [["s1", "Site one", "C10", f"{R.uniform(-0.03, 0.04):.5f}"], ["s2", "Site two", "C20", f"{R.uniform(0.001, 0.05):.5f}"]])
rows = []
for s in sites:
    for sx in "FM":
        if s == "s2" and sx == "M":
            continue  # a sex with no rates
        for i, b in enumerate(BANDS):
            rows.append([s, sx, b, f"{R.uniform(0, 40 * i):.3f}"])
w("incidence", ["site", "sex", "age_band", "rate_per_100k"], rows)
rows = []
for s in sites:
    xs = [R.random() for _ in STAGES]
    t = sum(xs)
    sh = [round(x / t, 4) for x in xs]
    sh[-1] = round(1 - sum(sh[:-1]), 4)
    rows += [[s, sg, f"{v:.4f}"] for sg, v in zip(STAGES, sh)]
w("stages", ["site", "stage", "share"], rows)
stage_shares = {(r[0], r[1]): float(r[2]) for r in rows}
rows = []
for s in sites:
    for sg in STAGES:
        if s == "s2" and sg == "3":
            continue  # stage with no survival rows
        v = 1.0
        for y in range(1, 6):
            v *= R.uniform(0.6, 1.0)
            if y > 1 and R.random() < 0.3:
                continue  # missing year
            rows.append([s, sg, y, f"{v:.4f}"])
w("survival", ["site", "stage", "year", "surviving"], rows)

rows = []
def pathway(name, site, kind, prov, n):
    names = [f"Step {i}" for i in range(n - 2)] + ["Step 0", "Step 1"]  # duplicate names
    for i, nm in enumerate(names):
        k = i % 6 if i < 12 else R.randint(0, 5)
        basis = "death" if R.random() < 0.3 else "patient"
        tc = R.choice(tariffs) if R.random() < 0.6 else ""
        luc = "" if tc else f"{R.uniform(5, 3000):.2f}"
        q = f"{R.choice([1, 1, 2, 3, 0.5, R.uniform(0, 10)]):.3f}"
        shares = [f"{R.choice([0, 1, R.random()]):.3f}" for _ in STAGES]
        rows.append([name, site, kind, prov, R.choice(PHASES), k, basis, nm, R.choice(ACTS), tc, luc, q]
                    + shares + [R.choice(FUNDS), ""])
pathway("pa", "s1", "current", "P1", 24)
pathway("pb", "s1", "best_practice", "", 18)
pathway("pc", "s2", "current", "P2", 20)
w("pathway_steps", ["pathway", "site", "kind", "provider", "phase", "year_offset", "basis", "step", "activity",
                    "tariff_code", "local_unit_cost", "quantity", "stage_1", "stage_2", "stage_3", "stage_4",
                    "stage_unknown", "funding", "provider_unit_cost"], rows)

# scenarios
a, b = stage_shares[("s1", "1")], stage_shares[("s1", "4")]
d = round(min(b, 0.05) * 0.8, 4)
ch = [["x1", "stage_share", "s1", "", "", "1", f"{a + d:.4f}"],
      ["x1", "stage_share", "s1", "", "", "4", f"{b - d:.4f}"],
      ["x1", "step_quantity", "", "pa", "Step 0", "", "0"],
      ["x1", "step_unit_cost", "", "pa", "Step 3", "", f"{R.uniform(10, 100):.2f}"],
      ["x1", "step_unit_cost", "", "pa", "Step 4", "", f"{R.uniform(10, 100):.2f}"],
      ["x2", "step_share", "", "pa", "Step 1", "2", "0.15"],
      ["x2", "step_share", "", "pc", "Step 2", "unknown", "0.9"],
      ["x2", "trend", "s1", "", "", "", "0.02"],
      ["x2", "trend", "s2", "", "", "", "-0.01"],
      ["x2", "inflation", "", "", "", "", "0.031"],
      ["x3", "step_quantity", "", "pb", "Step 2", "", "2.5"],
      ["x3", "step_quantity", "", "pc", "Step 5", "", "0"],
      ["x3", "step_unit_cost", "", "pc", "Step 1", "", "5"],
      # x4 touches only pathway pa (site s1): a report of pc must warn.
      ["x4", "step_quantity", "", "pa", "Step 2", "", "4"]]
w("scenario_changes", ["scenario", "parameter", "site", "pathway", "step", "stage", "value"], ch)
# Lines for every pathway, for a site and for one pathway.
w("scenario_investments", ["scenario", "name", "first_year", "last_year", "cost_per_year", "funding",
                           "site", "pathway"],
  [["x1", "Inv one", 2020, 2027, R.randint(10000, 900000), "ccg", "", ""],
   ["x1", "Inv two", 2026, 2026, R.randint(1000, 90000), "public_health", "s1", ""],
   ["x2", "Inv three", 2025, 2040, R.randint(1000, 90000), "specialised", "", "pc"],
   ["x3", "Inv four", 2024, 2025, R.randint(100000, 2000000), "ccg", "s2", ""],
   ["x4", "Inv five", 2020, 2040, R.randint(1000, 90000), "ccg", "s1", "pa"]])
