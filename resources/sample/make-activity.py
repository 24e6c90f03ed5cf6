#!/usr/bin/env python3
# Writes activity.csv: a CLEARLY SYNTHETIC patient-level extract for the
# sample project, so the activity views have something true to show.
#   make-activity.py [SAMPLE_DIR]      (standard library only; deterministic)
# Patients of each site follow that site's best-practice pathway step by
# step (each step with its stage share, nudged per provider so compliance
# differs), at one of the three providers (8% also seen at a second), with
# the provider's own cost around tariff × MFF (some HRGs dearer), and dates
# spread over 2023-2025 with follow-up in later years.  Stage is blank for
# the "unknown" stage.  Each patient lives in one of the project's areas
# (areas.csv), drawn in proportion to the area's mid-2022 population in the
# ONS-layout files (population_ons_females.csv + population_ons_males.csv,
# "All ages", 2022 column).
import csv, datetime, os, random, sys

here = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
rng = random.Random(20261123)

def rows(name):
    with open(os.path.join(here, name), newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))

tariffs = {r["code"]: float(r["price"]) for r in rows("tariffs.csv")}
mff = {r["code"]: float(r["mff"]) for r in rows("providers.csv")}
areas = [r["code"] for r in rows("areas.csv")]
people = dict.fromkeys(areas, 0.0)
for sex in ("females", "males"):
    for r in rows(f"population_ons_{sex}.csv"):
        if r["AREA_CODE"] in people and r["AGE_GROUP"] == "All ages":
            people[r["AREA_CODE"]] += float(r["2022"])
area_weights = [people[a] for a in areas]
stages = {}
for r in rows("stages.csv"):
    stages.setdefault(r["site"], []).append((r["stage"], float(r["share"])))
steps = {}
for r in rows("pathway_steps.csv"):
    if r["kind"] == "best_practice":
        steps.setdefault(r["site"], []).append(r)

providers = sorted(mff)
# Each provider's habits: how often it delivers a step, how dear it is.
compliance = {p: 1.0 - 0.12 * i for i, p in enumerate(providers)}
dearer = {p: 1.0 + 0.08 * i for i, p in enumerate(providers)}
patients = {"breast": 1500, "lung": 1200}

out = open(os.path.join(here, "activity.csv"), "w", newline="", encoding="utf-8")
w = csv.writer(out, lineterminator="\n")
w.writerow(["patient", "provider", "area", "site", "stage", "date", "hrg", "activity",
            "quantity", "cost", "tariff_paid"])
stage_column = {"1": "stage_1", "2": "stage_2", "3": "stage_3", "4": "stage_4",
                "unknown": "stage_unknown"}
for site in sorted(patients):
    names, weights = zip(*stages[site])
    for n in range(patients[site]):
        pid = f"{site[0].upper()}{n:05d}"
        stage = rng.choices(names, weights)[0]
        area = rng.choices(areas, area_weights)[0]
        provider = rng.choice(providers)
        second = rng.choice([p for p in providers if p != provider]) if rng.random() < 0.08 else None
        start = datetime.date(2023, 1, 1) + datetime.timedelta(days=rng.randrange(3 * 365))
        for step in steps[site]:
            if step["basis"] == "death":
                continue
            share = float(step[stage_column[stage]]) * compliance[provider]
            if rng.random() >= share:
                continue
            offset = int(step["year_offset"])
            date = start + datetime.timedelta(days=365 * offset + rng.randrange(0, 300 if offset else 120))
            where = second if second and step["phase"] in ("treatment", "follow_up") and rng.random() < 0.5 else provider
            code = step["tariff_code"] or "LOCAL"
            unit = tariffs[code] * mff[where] if step["tariff_code"] else float(step["local_unit_cost"])
            quantity = float(step["quantity"])
            cost = unit * quantity * dearer[where] * rng.uniform(0.85, 1.15)
            paid = f"{unit * quantity:.2f}" if step["tariff_code"] else ""
            w.writerow([pid, where, area, site, "" if stage == "unknown" else stage,
                        date.isoformat(), code, step["activity"], f"{quantity:g}",
                        f"{cost:.2f}", paid])
out.close()
