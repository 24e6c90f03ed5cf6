#!/usr/bin/env python3
# Writes a synthetic activity extract of N rows for the sample project's
# reference data (area E09000016, Havering; providers R1H, RF4, RQX; sites breast, lung):
#   gen-activity.py OUT.csv N       (deterministic; standard library only)
import random, sys

out, n = sys.argv[1], int(sys.argv[2])
rng = random.Random(5)
hrgs = ["WF01A", "WF01B", "WF02B", "DAPF", "RD40Z", "JA07B", "JA08B", "SB12Z", "SB13Z",
        "SC22Z", "SC44Z", "DZ02K", "RD24Z", "XX99Z"]
kinds = ["outpatient", "outpatient", "outpatient", "imaging", "imaging", "elective", "daycase",
         "chemotherapy", "chemotherapy", "radiotherapy", "other", "elective", "imaging", "other"]
providers = ["R1H", "RF4", "RQX"]
stages = ["1", "2", "3", "4", ""]
with open(out, "w") as f:
    f.write("patient,provider,area,site,stage,date,hrg,activity,quantity,cost,tariff_paid\n")
    row = 0
    patient = 0
    while row < n:
        patient += 1
        site = "breast" if patient % 2 else "lung"
        stage = stages[patient % 5]
        provider = providers[patient % 3]
        year = 2020 + patient % 5
        for r in range(min(20, n - row)):
            h = (patient + r) % len(hrgs)
            month, day = 1 + (r * 7 + patient) % 12, 1 + (r * 3 + patient) % 28
            cost = 50 + (patient * 31 + r * 17) % 5000
            paid = "" if h == len(hrgs) - 1 else f"{cost * 0.9:.2f}"
            f.write(f"P{patient:07d},{provider},E09000016,{site},{stage},{year + r // 8}-{month:02d}-{day:02d},"
                    f"{hrgs[h]},{kinds[h]},{1 + r % 3},{cost}.50,{paid}\n")
            row += 1
