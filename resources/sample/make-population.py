#!/usr/bin/env python3
"""Write the sample's population in the layout of the ONS 2022-based subnational
population projections (SNPP), one file per sex, as ONS publishes them:

    python3 make-population.py [SAMPLE_DIR]
        -> population_ons_females.csv, population_ons_males.csv

Standard library only; deterministic: the same script always writes the same
bytes. ESTIMATE / ILLUSTRATIVE: these are NOT the ONS projections. Only the
file layout and the mid-2022 totals of the three project boroughs follow
published figures; everything else is this script's own approximation.

Layout (as in "2022 SNPP Population females.csv" / "... males.csv", ONS, June
2025): a quoted header AREA_CODE, AREA_NAME, COMPONENT, SEX, AGE_GROUP, then one
column per mid-year 2022 ... 2047; data rows unquoted; COMPONENT "Population";
SEX "females" or "males"; AGE_GROUP "0" ... "89", "90 and over" and "All ages"
(the sum of the other 91 rows of that area, to the thousandth); counts with
three decimals, as ONS's projected counts are fractional. Rows are ordered by
area code, then age.

Areas:
* The project's three places (areas.csv): Havering E09000016, Barking and
  Dagenham E09000002, Redbridge E09000026. Their mid-2022 persons totals
  (AREAS) are the ONS mid-2022 estimates for Barking and Dagenham and
  Redbridge and an ESTIMATE for Havering (see SOURCES.md), exact to the
  thousandth, females plus males.
* Rows a population_ons import must skip and count, as in the real file, which
  also holds every other district, county and region: Newham E09000025 (a
  borough outside the project), Essex E10000012 (a county) and London
  E12000007 (a region). Their totals are rounded ILLUSTRATIVE figures; their
  rows exist only to be skipped.

Assumptions (all ESTIMATES):
* 2022 age structure: AGE_SHARE below, persons by five-year band, chosen by
  hand to match the few published facts found for each borough (Census 2021:
  Havering 0-4 6.3%, 0-14 18.9%, 65+ 17.6%; Barking and Dagenham 0-4 7.9%,
  0-15 26%, 16-64 65%, 65+ 9%; Redbridge 0-4 6.8%) and otherwise an outer-
  London shape. Each band is spread over its single years along a straight
  line through the neighbouring bands' densities (band totals kept exactly).
* Sex: FEMALE_SHARE by band (about 48.8% of children, rising to 70% of 90+).
* Projection, one year at a time from mid-2022 to mid-2047, per single year
  of age and sex: deaths at Gompertz-like annual rates close to England's
  (DEATH); the survivors age one year (90 and over keeps its survivors);
  births = TFR / 30 per woman aged 15-44 (area-specific TFR), 51.3% boys;
  net migration tops each year's total up to GROWTH a year on the last,
  spread over ages by MIGRATION (young adults and their children move in,
  people from their mid-fifties on move out), half to each sex.
"""

import math
import os
import sys

YEARS = list(range(2022, 2048))

# code, ONS name, mid-2022 persons total, total fertility rate, annual growth
AREAS = [
    ("E09000002", "Barking and Dagenham", 219_992, 2.00, 0.0075),
    ("E09000016", "Havering", 264_000, 1.80, 0.0055),
    ("E09000025", "Newham", 357_000, 1.70, 0.0070),
    ("E09000026", "Redbridge", 310_911, 1.80, 0.0060),
    ("E10000012", "Essex", 1_505_000, 1.60, 0.0050),
    ("E12000007", "London", 8_870_000, 1.50, 0.0045),
]

# Persons, per cent, by band 0-4, 5-9, ..., 85-89, 90+ (normalised below).
AGE_SHARE = {
    "E09000016": [6.3, 6.5, 6.1, 5.6, 5.3, 6.3, 7.4, 7.3, 6.6, 6.2, 6.4, 6.5,
                  5.9, 4.9, 4.4, 3.6, 2.3, 1.5, 0.9],
    "E09000002": [7.9, 8.3, 8.2, 6.6, 6.2, 7.0, 8.6, 9.0, 8.1, 6.8, 5.6, 4.9,
                  3.8, 2.7, 2.2, 1.7, 1.2, 0.8, 0.4],
    "E09000026": [6.8, 7.0, 6.9, 6.2, 5.8, 7.1, 8.1, 8.3, 7.6, 6.5, 6.3, 5.7,
                  4.7, 3.8, 3.2, 2.4, 1.8, 1.2, 0.6],
    "E09000025": [6.8, 6.9, 6.6, 5.9, 7.4, 10.0, 10.4, 9.2, 7.6, 6.3, 5.5,
                  4.6, 3.5, 2.6, 2.0, 1.5, 1.0, 0.6, 0.3],
    "E10000012": [5.4, 5.9, 6.1, 5.6, 5.3, 5.8, 6.3, 6.3, 6.0, 6.1, 6.9, 7.0,
                  6.3, 5.5, 5.6, 4.4, 3.0, 1.8, 1.0],
    "E12000007": [6.2, 6.1, 5.9, 5.4, 6.3, 8.6, 9.4, 8.5, 7.3, 6.5, 6.3, 5.7,
                  4.7, 3.7, 3.1, 2.4, 1.7, 1.0, 0.5],
}

FEMALE_SHARE = [0.488, 0.488, 0.488, 0.488, 0.50, 0.51, 0.51, 0.51, 0.51,
                0.505, 0.505, 0.505, 0.505, 0.52, 0.53, 0.55, 0.57, 0.62, 0.70]

BIRTHS_BOYS = 0.513
AGES = 91  # 0 ... 89 and the open group "90 and over" at index 90

# Relative weight of net migrants by five-year band (spread evenly within).
# Negative weights from 55: London's net outflow of people at and after
# retirement, so the boroughs age more slowly than their cohorts alone would.
MIGRATION = [5, 3, 2, 4, 12, 16, 13, 8, 5, 3, 1, -1, -2, -2, -1.5, -1, -0.5,
             -0.2, -0.1]


def death_rate(sex, age):
    """Annual probability of dying at single year of age (England-like)."""
    if age == 90:
        return 0.22 if sex == "males" else 0.19
    if age == 0:
        return 0.004 if sex == "males" else 0.0033
    a, b = (0.00005, 0.087) if sex == "males" else (0.00003, 0.090)
    return min(0.5, max(0.0001, a * math.exp(b * age)))


def single_years(bands):
    """Spread band totals over single years 0..89 plus 90+, keeping each
    band's total: density along a line through the neighbours' densities."""
    dens = [v / 5.0 for v in bands[:-1]]
    out = []
    for i, d in enumerate(dens):
        lo = dens[i - 1] if i > 0 else d
        hi = dens[i + 1] if i + 1 < len(dens) else d
        slope = (hi - lo) / 10.0  # per year, centred on the band's middle
        w = [max(0.0, d + slope * (k - 2)) for k in range(5)]
        s = sum(w)
        out.extend(bands[i] * x / s for x in w)
    out.append(bands[-1])
    return out


def base_population(code, total):
    shares = AGE_SHARE[code]
    scale = total / sum(shares)
    bands = [s * scale for s in shares]
    pop = {"females": [], "males": []}
    fem = [bands[i] * FEMALE_SHARE[i] for i in range(19)]
    mal = [bands[i] * (1.0 - FEMALE_SHARE[i]) for i in range(19)]
    pop["females"] = single_years(fem)
    pop["males"] = single_years(mal)
    return pop


def step(pop, tfr, growth):
    women = sum(pop["females"][15:45])
    births = women * tfr / 30.0
    new = {}
    for sex in ("females", "males"):
        old = pop[sex]
        surv = [old[a] * (1.0 - death_rate(sex, a)) for a in range(AGES)]
        nxt = [0.0] * AGES
        for a in range(AGES - 1):
            nxt[a + 1] += surv[a]
        nxt[90] += surv[90]
        nxt[0] = births * (BIRTHS_BOYS if sex == "males" else 1.0 - BIRTHS_BOYS)
        new[sex] = nxt
    old_total = sum(pop["females"]) + sum(pop["males"])
    gap = old_total * (1.0 + growth) - (sum(new["females"]) + sum(new["males"]))
    prof = []
    for w in MIGRATION[:-1]:
        prof.extend([w / 5.0] * 5)
    prof.append(MIGRATION[-1])
    weight = sum(prof)
    for sex in ("females", "males"):
        for a in range(AGES):
            new[sex][a] += gap * 0.5 * prof[a] / weight
            if new[sex][a] < 0:
                raise SystemExit(f"negative population at age {a}")
    return new


def thousandths(v):
    return int(math.floor(v * 1000.0 + 0.5))


def fmt(t):
    return f"{t // 1000}.{t % 1000:03d}"


def main():
    here = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    series = {}
    for code, name, total, tfr, growth in AREAS:
        pop = base_population(code, total)
        years = {2022: pop}
        for y in YEARS[1:]:
            years[y] = step(years[y - 1], tfr, growth)
        # Integer thousandths; the 2022 persons total is made exact by
        # putting the rounding remainder on the largest cell.
        cells = {sex: [[thousandths(years[y][sex][a]) for y in YEARS]
                       for a in range(AGES)] for sex in ("females", "males")}
        got = sum(cells[s][a][0] for s in cells for a in range(AGES))
        rest = total * 1000 - got
        big = max(range(AGES), key=lambda a: cells["females"][a][0])
        cells["females"][big][0] += rest
        series[code] = (name, cells)

    for sex in ("females", "males"):
        path = os.path.join(here, f"population_ons_{sex}.csv")
        with open(path, "w", encoding="utf-8", newline="") as f:
            head = ["AREA_CODE", "AREA_NAME", "COMPONENT", "SEX", "AGE_GROUP"] + [str(y) for y in YEARS]
            f.write(",".join(f'"{h}"' for h in head) + "\n")
            for code, _name, *_ in AREAS:
                name, cells = series[code]
                rows = cells[sex]
                for a in range(AGES):
                    label = "90 and over" if a == 90 else str(a)
                    f.write(",".join([code, name, "Population", sex, label] +
                                     [fmt(t) for t in rows[a]]) + "\n")
                sums = [sum(rows[a][i] for a in range(AGES)) for i in range(len(YEARS))]
                f.write(",".join([code, name, "Population", sex, "All ages"] +
                                 [fmt(t) for t in sums]) + "\n")


if __name__ == "__main__":
    main()
