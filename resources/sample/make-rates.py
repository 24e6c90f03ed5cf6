#!/usr/bin/env python3
"""Write the sample's incidence.csv, sites.csv, stages.csv and survival.csv from the
published figures named in SOURCES.md, and print the checks SOURCES.md quotes:

    python3 make-rates.py [SAMPLE_DIR]        (standard library only)

Deterministic. What is published and what is this script's own judgement:

* Incidence. The age SHAPE per site and sex is SAMPLE-DATA.md's illustrative
  table (VERIFY against the NDRS age-specific rates). Each shape is scaled by
  one factor so that its age-standardised rate on the 2013 European Standard
  Population (ESP2013, the standard NDRS publishes rates on) equals the
  published rate: female breast 175 per 100,000 (NDRS, Cancer Registration
  Statistics England 2022); lung 81.5 males, 66.1 females (NDRS, 2021),
  carried to 2022 by one year of each sex's own trend. Male breast keeps its
  small ESTIMATED rates unscaled. Rates are written to one decimal.
* Trend (sites.csv): each published rate's compound annual change from an
  earlier published rate of the same kind (PUBLISHED); lung's two sexes are
  weighted by the sample's expected 2022 cases of each sex.
* Stage at diagnosis. Share of STAGED cases at stages 1-2: breast 85% (NDRS,
  England 2021); lung 40% (National Lung Cancer Audit, diagnosed 2024,
  published February 2026). Within early and within late, the sample's former
  split is kept (breast 44:39 and 11:6, lung 19:9 and 22:50; ESTIMATES).
  Unstaged ("unknown"), its own stage: 11% (NDRS 2021: staging completeness
  for lung in women was 89%, the highest of the 18 cancers; ESTIMATE for
  breast). Shares are rounded to 4 decimals; stage 4 takes the remainder so
  each site sums to exactly 1.
* Survival. Fraction alive at the end of years 1..5, geometric between the
  1- and 5-year anchors (constant hazard): S(k) = S1 (S5 / S1)^((k-1)/4).
  Anchors in ANCHORS below; "unknown" is the staged-share-weighted mean of
  stages 1-4, year by year. Net survival used as observed survival.
"""

import csv
import os
import sys

here = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))

BANDS = ["0-4", "5-9", "10-14", "15-19", "20-24", "25-29", "30-34", "35-39",
         "40-44", "45-49", "50-54", "55-59", "60-64", "65-69", "70-74",
         "75-79", "80-84", "85-89", "90+"]
ESP2013 = [5000, 5500, 5500, 5500, 6000, 6000, 6500, 7000, 7000, 7000, 7000,
           6500, 6000, 5500, 5000, 4000, 2500, 1500, 1000]

# SAMPLE-DATA.md's illustrative age shape (per 100,000; 0 below 20).
SHAPE = {
    ("breast", "F"): [0, 0, 0, 0, 2, 9, 30, 65, 130, 220, 285, 300, 350, 410,
                      370, 390, 440, 460, 470],
    ("lung", "M"): [0, 0, 0, 0, 0.5, 1, 1.5, 2.5, 4, 12, 31, 66, 123, 211, 308,
                    414, 493, 519, 475],
    ("lung", "F"): [0, 0, 0, 0, 0.5, 1, 1.5, 2.5, 5, 14, 33, 62, 110, 180, 250,
                    300, 310, 280, 200],
}
# Male breast: ESTIMATE, unscaled (about 1 per 100,000 men, crude).
MALE_BREAST = [0, 0, 0, 0, 0, 0, 0.1, 0.1, 0.3, 0.5, 0.9, 1.3, 2, 2.8, 3.8,
               5, 6, 7, 7]
# Published age-standardised rates (ESP2013) per 100,000, with their year,
# and an earlier published rate of the same kind for the trend: breast women
# 170.3 in 2017-19 (CRUK; centred on 2018), lung 89.4 men and 65.6 women in
# 2015 (CRUK).
PUBLISHED = {("breast", "F"): (175.0, 2022, 170.3, 2018),
             ("lung", "M"): (81.5, 2021, 89.4, 2015),
             ("lung", "F"): (66.1, 2021, 65.6, 2015)}
INCIDENCE_YEAR = 2022


def annual_change(key):
    rate, year, old, old_year = PUBLISHED[key]
    return (rate / old) ** (1.0 / (year - old_year)) - 1.0


# Each rate carried to INCIDENCE_YEAR by its own sex's annual change (the
# lung rates are 2021's: one year).
TARGET_ASR = {k: v[0] * (1.0 + annual_change(k)) ** (INCIDENCE_YEAR - v[1])
              for k, v in PUBLISHED.items()}

EARLY = {"breast": 0.85, "lung": 0.40}
SPLIT = {"breast": ((44, 39), (11, 6)), "lung": ((19, 9), (22, 50))}
UNKNOWN = 0.11

# (1-year, 5-year) survival by stage; see SOURCES.md for each figure.
ANCHORS = {
    "breast": {"1": (1.00, 0.98), "2": (0.985, 0.90), "3": (0.95, 0.70),
               "4": (0.66, 0.26)},
    "lung": {"1": (0.88, 0.56), "2": (0.73, 0.35), "3": (0.48, 0.14),
             "4": (0.19, 0.035)},
}


def asr(rates):
    return sum(r * w for r, w in zip(rates, ESP2013)) / sum(ESP2013)


def population_2022():
    """Project areas' 2022 population by sex and band, from the ONS files."""
    areas = {r["code"] for r in csv.DictReader(open(os.path.join(here, "areas.csv"), encoding="utf-8"))}
    pop = {"F": [0.0] * 19, "M": [0.0] * 19}
    for sex, name in (("F", "females"), ("M", "males")):
        with open(os.path.join(here, f"population_ons_{name}.csv"), encoding="utf-8") as f:
            for r in csv.DictReader(f):
                if r["AREA_CODE"] not in areas or r["AGE_GROUP"] == "All ages":
                    continue
                age = 90 if r["AGE_GROUP"] == "90 and over" else int(r["AGE_GROUP"])
                pop[sex][min(age // 5, 18)] += float(r["2022"])
    return pop


def main():
    log = sys.stderr
    rates = {}
    for key, shape in SHAPE.items():
        f = TARGET_ASR[key] / asr(shape)
        rates[key] = [round(v * f, 1) for v in shape]
        print(f"{key[0]} {key[1]}: scale {f:.4f}, ASR {asr(rates[key]):.1f} "
              f"(target {TARGET_ASR[key]})", file=log)
    rates[("breast", "M")] = MALE_BREAST
    with open(os.path.join(here, "incidence.csv"), "w", encoding="utf-8", newline="") as out:
        w = csv.writer(out, lineterminator="\n")
        w.writerow(["site", "sex", "age_band", "rate_per_100k"])
        for key in (("breast", "F"), ("breast", "M"), ("lung", "F"), ("lung", "M")):
            for band, r in zip(BANDS, rates[key]):
                w.writerow([key[0], key[1], band, f"{r:g}"])

    pop = population_2022()
    cases = {}
    for key in (("breast", "F"), ("breast", "M"), ("lung", "M"), ("lung", "F")):
        cases[key] = sum(p * r / 1e5 for p, r in zip(pop[key[1]], rates[key]))
        print(f"{key[0]} {key[1]}: 2022 sample cases {cases[key]:.1f}, crude "
              f"{cases[key] / sum(pop[key[1]]) * 1e5:.1f} per 100,000", file=log)
    for key in PUBLISHED:
        print(f"{key[0]} {key[1]}: annual change {annual_change(key):+.5f}", file=log)
    lm, lf = cases[("lung", "M")], cases[("lung", "F")]
    trend = {"breast": annual_change(("breast", "F")),
             "lung": (lm * annual_change(("lung", "M")) + lf * annual_change(("lung", "F"))) / (lm + lf)}
    with open(os.path.join(here, "sites.csv"), "w", encoding="utf-8", newline="") as out:
        w = csv.writer(out, lineterminator="\n")
        w.writerow(["code", "name", "icd10", "trend"])
        w.writerow(["breast", "Breast", "C50", f"{trend['breast']:.4f}"])
        w.writerow(["lung", "Lung", "C33-C34", f"{trend['lung']:.4f}"])
    print(f"trend: breast {trend['breast']:+.5f}, lung {trend['lung']:+.5f}", file=log)

    shares = {}
    with open(os.path.join(here, "stages.csv"), "w", encoding="utf-8", newline="") as out:
        w = csv.writer(out, lineterminator="\n")
        w.writerow(["site", "stage", "share"])
        for site in ("breast", "lung"):
            (a, b), (c, d) = SPLIT[site]
            staged = 1.0 - UNKNOWN
            e, l = EARLY[site] * staged, (1.0 - EARLY[site]) * staged
            s = {"1": round(e * a / (a + b), 4), "2": round(e * b / (a + b), 4),
                 "3": round(l * c / (c + d), 4)}
            s["unknown"] = UNKNOWN
            s["4"] = round(1.0 - s["1"] - s["2"] - s["3"] - UNKNOWN, 4)
            shares[site] = s
            for st in ("1", "2", "3", "4", "unknown"):
                w.writerow([site, st, f"{s[st]:g}"])
            print(f"{site} stages: {s}, sum {sum(s.values()):.4f}", file=log)

    with open(os.path.join(here, "survival.csv"), "w", encoding="utf-8", newline="") as out:
        w = csv.writer(out, lineterminator="\n")
        w.writerow(["site", "stage", "year", "surviving"])
        for site in ("breast", "lung"):
            curves = {}
            for st, (s1, s5) in ANCHORS[site].items():
                curves[st] = [s1 * (s5 / s1) ** ((k - 1) / 4.0) for k in range(1, 6)]
            staged = sum(shares[site][st] for st in "1234")
            curves["unknown"] = [sum(shares[site][st] * curves[st][k] for st in "1234") / staged
                                 for k in range(5)]
            for st in ("1", "2", "3", "4", "unknown"):
                vals = [round(v, 4) for v in curves[st]]
                assert all(x >= y for x, y in zip(vals, vals[1:]))
                for k, v in enumerate(vals, 1):
                    w.writerow([site, st, k, f"{v:.4f}"])
            one = sum(shares[site][st] * curves[st][0] for st in ("1", "2", "3", "4", "unknown"))
            print(f"{site}: stage-weighted 1-year survival {one:.3f}", file=log)


if __name__ == "__main__":
    main()
