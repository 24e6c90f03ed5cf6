#!/usr/bin/env python3
"""Write the sample project's population.csv (ILLUSTRATIVE data).

    python3 make-population.py > population.csv

Standard library only; deterministic: the same script always writes the same
bytes. Assumptions, all of them approximations chosen for a plausible sample,
not figures for any real place:

* Shape: an England-like age structure. The starting point is an approximation
  of the ONS mid-2019 population estimates for England by sex and five-year
  age band (thousands, rounded by hand; see START below). Only its shape is
  used: the numbers are rescaled at the end.
* Projection: a simple cohort-component model run one year at a time from 2019
  to 2040, per sex and band:
    - deaths: each band loses an annual death rate (DEATH_RATE, roughly
      England 2017-19 rates, men slightly higher than women);
    - ageing: a fifth of each band's survivors moves up one band each year
      (90+ keeps its own);
    - births: 0.056 births a year per woman aged 15-44 (about England's
      total fertility rate of 1.6-1.7), 51.3% boys;
    - net migration: added each year so that the total grows by exactly
      GROWTH (0.5% a year), spread by a young-adult-heavy age profile
      (MIGRATION_PROFILE), half to each sex.
  The result ages gently: the share aged 65+ rises over 2020-2040 and the
  share under 20 falls, as in ONS national projections.
* Scale: every year is multiplied by one factor so that the 2026 total is
  TARGET_2026 (270,000, a London CCG of that size), then each cell is rounded
  to a whole number (round half to even), so a year's total may differ from
  the exact figure by a few people.
* Output: years 2020-2040, sexes F and M, the 19 bands "0-4" ... "85-89",
  "90+"; columns area, year, sex, age_band, count; area AREA.
"""

import csv
import sys

AREA = "08F"
FIRST, LAST = 2020, 2040
TARGET_2026 = 270_000
GROWTH = 0.005

BANDS = ["0-4", "5-9", "10-14", "15-19", "20-24", "25-29", "30-34", "35-39",
         "40-44", "45-49", "50-54", "55-59", "60-64", "65-69", "70-74",
         "75-79", "80-84", "85-89", "90+"]

# England, mid-2019, thousands (approximate shape of the ONS estimates).
START = {
    "M": [1730, 1820, 1700, 1570, 1770, 1930, 1920, 1830, 1700, 1880, 1930,
          1800, 1530, 1350, 1350, 930, 640, 360, 160],
    "F": [1650, 1730, 1620, 1490, 1680, 1900, 1930, 1860, 1730, 1940, 1990,
          1850, 1590, 1430, 1480, 1070, 800, 520, 330],
}

# Annual death rates by band (approximate, England 2017-19).
DEATH_RATE = {
    "M": [0.0010, 0.0001, 0.0001, 0.0003, 0.0005, 0.0006, 0.0008, 0.0011,
          0.0017, 0.0026, 0.0038, 0.0057, 0.0090, 0.0140, 0.0220, 0.0370,
          0.0650, 0.1150, 0.2200],
    "F": [0.0008, 0.0001, 0.0001, 0.0002, 0.0002, 0.0003, 0.0004, 0.0007,
          0.0011, 0.0017, 0.0026, 0.0040, 0.0062, 0.0095, 0.0150, 0.0260,
          0.0480, 0.0900, 0.1900],
}

BIRTHS_PER_WOMAN_15_44 = 0.056
BOYS = 0.513

# Relative weight of net migrants by band (young adults move most).
MIGRATION_PROFILE = [4, 2, 2, 6, 14, 16, 12, 8, 5, 3, 2, 1, 1, 0.5, 0.5,
                     0.3, 0.3, 0.2, 0.2]


def step(pop):
    """Advance {sex: [counts by band]} by one year; return the new dict."""
    women_15_44 = sum(pop["F"][3:9])
    births = women_15_44 * BIRTHS_PER_WOMAN_15_44
    new = {}
    for sex in ("F", "M"):
        surv = [n * (1.0 - q) for n, q in zip(pop[sex], DEATH_RATE[sex])]
        moving = [s / 5.0 for s in surv[:-1]] + [0.0]
        nxt = []
        for i, s in enumerate(surv):
            v = s - moving[i]
            if i > 0:
                v += moving[i - 1]
            nxt.append(v)
        nxt[0] += births * (BOYS if sex == "M" else 1.0 - BOYS)
        new[sex] = nxt
    # Net migration tops the total up to exactly GROWTH on last year's.
    old_total = sum(pop["F"]) + sum(pop["M"])
    gap = old_total * (1.0 + GROWTH) - (sum(new["F"]) + sum(new["M"]))
    weight = sum(MIGRATION_PROFILE)
    for sex in ("F", "M"):
        for i, w in enumerate(MIGRATION_PROFILE):
            new[sex][i] += gap * 0.5 * w / weight
    return new


def main():
    years = {2019: {s: [float(v) for v in START[s]] for s in START}}
    for y in range(2020, LAST + 1):
        years[y] = step(years[y - 1])
    scale = TARGET_2026 / (sum(years[2026]["F"]) + sum(years[2026]["M"]))
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(["area", "year", "sex", "age_band", "count"])
    for y in range(FIRST, LAST + 1):
        for sex in ("F", "M"):
            for band, v in zip(BANDS, years[y][sex]):
                out.writerow([AREA, y, sex, band, round(v * scale)])


if __name__ == "__main__":
    main()
