#!/usr/bin/env python3
# Writes a synthetic areas.csv and population.csv for the benchmarks:
#   gen-population.py OUT_DIR N_AREAS FIRST_YEAR N_YEARS
# Rows = N_AREAS × N_YEARS × 2 sexes × 19 age bands.  Deterministic.
import csv, os, sys

BANDS = ["0-4", "5-9", "10-14", "15-19", "20-24", "25-29", "30-34", "35-39",
         "40-44", "45-49", "50-54", "55-59", "60-64", "65-69", "70-74",
         "75-79", "80-84", "85-89", "90+"]

out, n_areas, first, n_years = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
os.makedirs(out, exist_ok=True)
with open(os.path.join(out, "areas.csv"), "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["code", "name"])
    for a in range(n_areas):
        w.writerow([f"E{a:05d}", f"Area {a}"])
with open(os.path.join(out, "population.csv"), "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["area", "year", "sex", "age_band", "count"])
    for a in range(n_areas):
        for y in range(first, first + n_years):
            for sex in ("F", "M"):
                for i, band in enumerate(BANDS):
                    count = 7000 - 250 * i + (a * 37 + y * 11 + i * 7) % 500
                    w.writerow([f"E{a:05d}", y, sex, band, max(count, 300)])
