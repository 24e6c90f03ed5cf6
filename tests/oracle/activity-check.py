#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# An independent implementation of docs/MODEL.md's activity definitions (flows,
# actual cost per patient with QUARTILE.INC, compliance per provider) on the
# sample's extract, against `pathcost-cli activity --json`: patient counts
# exactly, money and shares to a relative 1e-6.  TAP output for meson.
import csv, json, os, subprocess, sys, datetime, math
from collections import defaultdict
CLI = os.environ["PATHCOST_CLI"]; P = os.environ["PATHCOST_SAMPLE"]
SAMPLE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "resources", "sample")
print("1..5")
import random, shutil, tempfile
sample_rows=list(csv.DictReader(open(os.path.join(SAMPLE, "activity.csv"))))
bad=0
def check(P, given):
    global bad
    rows=[dict(r) for r in given]
    for i,r in enumerate(rows): r["i"]=i; r["d"]=datetime.date.fromisoformat(r["date"]).toordinal()
    def cli(*a): return json.loads(subprocess.run([CLI,"activity",P,*a,"--json"],capture_output=True,text=True,check=True).stdout)
    def close(a,b):
        global bad
        if a is None or b is None:
            if a!=b: bad+=1; print("MISMATCH",a,b)
            return
        if abs(a-b)>1e-6*max(1,abs(a),abs(b)): bad+=1; print("MISMATCH",a,b)
    # first record per (site, patient)
    first={}
    for r in rows:
        k=(r["site"],r["patient"])
        if k not in first or (r["d"],r["i"])<(first[k]["d"],first[k]["i"]): first[k]=r
    stage={k:(v["stage"] or "unknown") for k,v in first.items()}
    # flows
    fl=defaultdict(lambda:[set(),0.0,0.0])
    for r in rows:
        g=fl[(r["area"],r["provider"])]; g[0].add((r["site"],r["patient"])); g[1]+=float(r["cost"]); g[2]+=float(r["tariff_paid"] or 0)
    mine={k:(len(v[0]),v[1],v[2]) for k,v in fl.items()}
    for f in cli("--flows")["flows"]:
        m=mine.pop((f["area"],f["provider"]))
        if m[0]!=f["patients"]: bad+=1; print("patients",m[0],f["patients"])
        close(m[1],f["cost"]); close(m[2],f["tariff_paid"])
    assert not mine
    # costs
    pc=defaultdict(float)
    for r in rows: pc[(r["site"],r["patient"],r["provider"])]+=float(r["cost"])
    grp=defaultdict(list)
    for (s,p,v),c in pc.items(): grp[(s,v,stage[(s,p)])].append(c)
    def q(x,f):
        x=sorted(x); h=f*(len(x)-1); lo=math.floor(h); hi=min(lo+1,len(x)-1); return x[lo]+(h-lo)*(x[hi]-x[lo])
    for c in cli("--costs")["costs"]:
        xs=grp.pop((c["site"],c["provider"],c["stage"]))
        if len(xs)!=c["patients"]: bad+=1; print("cost patients",len(xs),c["patients"])
        close(sum(xs)/len(xs),c["mean"]); close(q(xs,.25),c["q1"]); close(q(xs,.5),c["median"]); close(q(xs,.75),c["q3"])
    assert not grp
    # compliance
    steps=[r for r in csv.DictReader(open(os.path.join(SAMPLE, "pathway_steps.csv")))]
    for pw,site in (("breast_best_practice","breast"),("lung_best_practice","lung")):
        st=[s for s in steps if s["pathway"]==pw]
        for prov in (None,"R1H","RF4","RQX"):
            # patients of provider
            at=defaultdict(set); rec=defaultdict(set)
            for r in rows:
                if r["site"]!=site: continue
                k=(site,r["patient"]); at[k].add(r["provider"])
                rec[k].add((r["hrg"], (r["d"]-first[k]["d"])//365))
            pats=[k for k in at if prov is None or prov in at[k]]
            args=["--compliance",pw]+(["--provider",prov] if prov else [])
            out=cli(*args)["steps"]
            i=0
            for s in st:
                for sg in ["1","2","3","4","unknown"]:
                    o=out[i]; i+=1
                    ps=[k for k in pats if stage[k]==sg]
                    if o["patients"]!=len(ps): bad+=1; print("comp patients",pw,prov,s["step"],sg,len(ps),o["patients"])
                    if s["tariff_code"]:
                        act=(sum(1 for k in ps if (s["tariff_code"],int(s["year_offset"])) in rec[k])/len(ps)) if ps else None
                        close(act,o["actual_share"])
                    else:
                        if o["actual_share"] is not None or o["measurable"]: bad+=1

def write(path, rows):
    with open(path, "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(sample_rows[0].keys()))
        w.writeheader()
        for r in rows: w.writerow({k: r[k] for k in sample_rows[0].keys()})

def import_csv(P, path, *flags):
    return subprocess.run([CLI, "import", P, "activity", path, *flags], capture_output=True, text=True).returncode

def report(n, what):
    global bad
    print(("ok" if bad == 0 else "not ok") + f" {n} {what} ({bad} mismatches)")
    return bad

failed = 0
# 1. The sample as built.
check(P, sample_rows); failed += report(1, "activity analyses agree"); bad = 0

# 2. Appended: the records shuffled (a patient's apart, and across two
# files), some later files' records earlier in date with another stage, so
# that a patient's stage and first date change when the second file comes.
tmp = tempfile.mkdtemp()
project = os.path.join(tmp, "p.pathcost"); shutil.copy(P, project)
rng = random.Random(7)
shuffled = [dict(r) for r in sample_rows]; rng.shuffle(shuffled)
cut = len(shuffled) * 3 // 5
first, second = shuffled[:cut], shuffled[cut:]
for i, r in enumerate(second):
    if i % 7 == 0:
        d = datetime.date.fromisoformat(r["date"]) - datetime.timedelta(days=400)
        r["date"] = d.isoformat(); r["stage"] = ["1", "2", "3", "4", ""][i % 5]
write(os.path.join(tmp, "a.csv"), first); write(os.path.join(tmp, "b.csv"), second)
if import_csv(project, os.path.join(tmp, "a.csv"), "--replace") != 0 or import_csv(project, os.path.join(tmp, "b.csv")) != 0:
    bad += 1
check(project, first + second); failed += report(2, "after an append across patients"); bad = 0

# 3. Replaced by a part of it, in patient order.
part = sorted(shuffled[: len(shuffled) // 3], key=lambda r: (r["site"], r["patient"]))
write(os.path.join(tmp, "c.csv"), part)
if import_csv(project, os.path.join(tmp, "c.csv"), "--replace") != 0:
    bad += 1
check(project, part); failed += report(3, "after a replace"); bad = 0

# 4. A bad extract, appended or replacing, is refused: the analyses as before.
broken = [dict(r) for r in part[:50]]; broken[-1]["date"] = "2024-02-30"
write(os.path.join(tmp, "d.csv"), broken)
if import_csv(project, os.path.join(tmp, "d.csv")) == 0 or import_csv(project, os.path.join(tmp, "d.csv"), "--replace") == 0:
    bad += 1
check(project, part); failed += report(4, "a bad extract refused, the activity intact"); bad = 0

# 5. In patient order, appended where the first file stops inside a
# patient: the tally goes on from the rows already there (that patient's
# earliest record, with another stage, comes in the second file).
ordered = sorted((dict(r) for r in sample_rows), key=lambda r: (r["site"], r["patient"]))
k = len(ordered) // 2
head, rest = ordered[:k], ordered[k:]
if rest[0]["patient"] == head[-1]["patient"]:
    rest[0]["date"] = (datetime.date.fromisoformat(min(r["date"] for r in head if r["patient"] == rest[0]["patient"])) - datetime.timedelta(days=30)).isoformat()
    rest[0]["stage"] = "4" if rest[0]["stage"] != "4" else "1"
write(os.path.join(tmp, "e.csv"), head); write(os.path.join(tmp, "f.csv"), rest)
if import_csv(project, os.path.join(tmp, "e.csv"), "--replace") != 0 or import_csv(project, os.path.join(tmp, "f.csv")) != 0:
    bad += 1
check(project, head + rest); failed += report(5, "after an append in patient order"); bad = 0
shutil.rmtree(tmp)
sys.exit(1 if failed else 0)
