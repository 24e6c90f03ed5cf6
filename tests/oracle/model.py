#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Independent implementation of Pathcost's projection report (docs/MODEL.md)."""
import csv, json, os, sys

STAGES = ["1", "2", "3", "4", "unknown"]


def rd(d, name):
    p = os.path.join(d, name + ".csv")
    if not os.path.exists(p):
        return []
    with open(p, newline="", encoding="utf-8-sig") as f:
        return [{k.strip(): (v or "").strip() for k, v in r.items()} for r in csv.DictReader(f)]


def funding(s):
    """Funding streams by today's names: an import reads "ccg" as "icb"."""
    return "icb" if s.lower() == "ccg" else s


def num(s):
    s = s.replace("£", "").replace(",", "")
    return float(s) if s else 0.0


class Data:
    def __init__(self, d, inflation=0.0, discount=0.035, incidence_year=None, price_year=None):
        self.inflation = inflation
        self.discount = discount
        # None: count from the report's first year (the engine's default
        # when a projection input is built without a project).
        self.incidence_year = incidence_year
        self.price_year = price_year
        self.tariff = {r["code"]: num(r["price"]) for r in rd(d, "tariffs")}
        self.mff = {r["code"]: num(r["mff"]) for r in rd(d, "providers")}
        self.pop = {}  # area -> year -> (sex, age) -> count
        for r in rd(d, "population"):
            self.pop.setdefault(r["area"], {}).setdefault(int(r["year"]), {})[(r["sex"], r["age_band"])] = num(r["count"])
        self.trend = {r["code"]: num(r["trend"]) for r in rd(d, "sites")}
        self.rate = {}
        for r in rd(d, "incidence"):
            self.rate.setdefault(r["site"], {})[(r["sex"], r["age_band"])] = num(r["rate_per_100k"])
        self.share = {}
        for r in rd(d, "stages"):
            self.share.setdefault(r["site"], {})[r["stage"]] = num(r["share"])
        self.surv = {}
        for r in rd(d, "survival"):
            self.surv.setdefault((r["site"], r["stage"]), {})[int(r["year"])] = num(r["surviving"])
        self.steps = {}
        for r in rd(d, "pathway_steps"):
            self.steps.setdefault(r["pathway"], []).append(r)
        self.changes = {}
        for r in rd(d, "scenario_changes"):
            self.changes.setdefault(r["scenario"], []).append(r)
        self.invest = {}
        for r in rd(d, "scenario_investments"):
            self.invest.setdefault(r["scenario"], []).append(r)

    def pop_year(self, area, y):
        yrs = sorted(self.pop.get(area, {}))
        if not yrs:
            return {}
        if y <= yrs[0]:
            return self.pop[area][yrs[0]]
        if y >= yrs[-1]:
            return self.pop[area][yrs[-1]]
        return self.pop[area][max(x for x in yrs if x <= y)]

    def S(self, site, stage):
        rows = self.surv.get((site, stage), {})
        s = [1.0]
        prev = 1.0
        for k in range(1, 6):
            if k in rows:
                prev = rows[k]
            s.append(prev)
        s.append(s[5])
        return s

    def invest_applies(self, r, pathway, site):
        if r.get("pathway"):
            return r["pathway"] == pathway
        if r.get("site"):
            return r["site"] == site
        return True

    def touches(self, scenario, pathway):
        site = self.steps[pathway][0]["site"]
        for r in self.changes.get(scenario, []):
            p = r["parameter"]
            if p in ("stage_share", "trend") and r["site"] == site:
                return True
            if p.startswith("step_") and r["pathway"] == pathway:
                return True
            if p == "inflation":
                return True
        return any(self.invest_applies(r, pathway, site) for r in self.invest.get(scenario, []))

    def report(self, areas, pathway, base, years, scenario=None):
        steps = [dict(r) for r in self.steps[pathway]]
        iy = base if self.incidence_year is None else self.incidence_year
        py = base if self.price_year is None else self.price_year
        site = steps[0]["site"]
        provider = steps[0]["provider"]
        mff = self.mff[provider] if provider else 1.0
        share = dict(self.share.get(site, {}))
        trend = self.trend.get(site, 0.0)
        infl = self.inflation
        unit_override = {}
        for r in self.changes.get(scenario, []) if scenario else []:
            p = r["parameter"]
            v = num(r["value"])
            if p == "stage_share" and r["site"] == site:
                share[r["stage"]] = v
            elif p == "trend" and r["site"] == site:
                trend = v
            elif p == "inflation":
                infl = v
            elif p in ("step_quantity", "step_share", "step_unit_cost") and r["pathway"] == pathway:
                for i, st in enumerate(steps):
                    if st["step"] != r["step"]:
                        continue
                    if p == "step_quantity":
                        st["quantity"] = r["value"]
                    elif p == "step_share":
                        for sg in ([r["stage"]] if r["stage"] else STAGES):
                            st["stage_" + sg] = r["value"]
                    else:
                        unit_override[i] = v
        # per-step unit cost and per-stage weights
        sdata = []
        for i, st in enumerate(steps):
            if i in unit_override:
                uc = unit_override[i]
            elif st["tariff_code"]:
                uc = self.tariff[st["tariff_code"]] * mff
            else:
                uc = num(st["local_unit_cost"])
            sdata.append((st, int(st["year_offset"]), st["basis"], num(st["quantity"]), uc))
        cpp = {sg: {"patient": [0.0] * 6, "death": [0.0] * 6} for sg in STAGES}
        for st, k, b, q, uc in sdata:
            for sg in STAGES:
                cpp[sg][b][k] += num(st["stage_" + sg]) * q * uc
        surv = {sg: self.S(site, sg) for sg in STAGES}
        rates = self.rate.get(site, {})

        def incident(y):
            tot = 0.0
            for a in areas:
                p = self.pop_year(a, y)
                tot += sum(c * rates.get(key, 0.0) / 100000.0 for key, c in p.items())
            tot *= (1 + trend) ** (y - iy)
            return {sg: tot * share.get(sg, 0.0) for sg in STAGES}

        out_years = []
        total = npv = 0.0
        for y in range(base, base + years):
            f = (1 + infl) ** (y - py)
            inc = {y - k: incident(y - k) for k in range(6)}
            cost = 0.0
            phase, fund, act = {}, {}, {}
            for st, k, b, q, uc in sdata:
                w = 0.0
                for sg in STAGES:
                    S = surv[sg]
                    wt = S[k] if b == "patient" else S[k] - S[k + 1]
                    w += inc[y - k][sg] * wt * num(st["stage_" + sg])
                c = f * w * q * uc
                cost += c
                phase[st["phase"]] = phase.get(st["phase"], 0.0) + c
                fund[funding(st["funding"])] = fund.get(funding(st["funding"]), 0.0) + c
                act[st["activity"]] = act.get(st["activity"], 0.0) + w * q
            for r in self.invest.get(scenario, []) if scenario else []:
                if not self.invest_applies(r, pathway, site):
                    continue
                if int(r["first_year"]) <= y <= int(r["last_year"]):
                    c = num(r["cost_per_year"]) * f
                    cost += c
                    phase["investment"] = phase.get("investment", 0.0) + c
                    fund[funding(r["funding"])] = fund.get(funding(r["funding"]), 0.0) + c
            i0 = dict(inc[y])
            i0["total"] = sum(inc[y].values())
            out_years.append({"year": y, "incident": i0, "cost": cost, "cost_by_phase": phase,
                              "cost_by_funding": fund, "activity": act})
            total += cost
            npv += cost / (1 + self.discount) ** (y - base)
        # E(stage): each offset weighted by who is there to receive it.
        expected = {}
        for sg in STAGES:
            S = surv[sg]
            expected[sg] = sum(S[k] * cpp[sg]["patient"][k] + (S[k] - S[k + 1]) * cpp[sg]["death"][k]
                               for k in range(6))
        expected["all"] = sum(share.get(sg, 0.0) * expected[sg] for sg in STAGES)
        return {"pathway": {"name": pathway, "cost_per_patient": cpp,
                            "expected_cost_per_patient": expected},
                "years": out_years, "total_cost": total, "npv": npv,
                "incidence_year": iy, "price_year": py}

    def compare(self, areas, pathway, base, years, scenario):
        b = self.report(areas, pathway, base, years)
        s = self.report(areas, pathway, base, years, scenario)
        diff, cum = [], []
        c = npv = 0.0
        payback = None
        above = False
        for yb, ys in zip(b["years"], s["years"]):
            d = ys["cost"] - yb["cost"]
            c += d
            diff.append({"year": yb["year"], "cost": d})
            cum.append({"year": yb["year"], "cost": c})
            npv += d / (1 + self.discount) ** (yb["year"] - base)
            if c > 0:
                above = True
            elif payback is None and (c < 0 or above):
                payback = yb["year"]
        return {"baseline": b, "scenario": s, "difference": diff, "cumulative": cum,
                "npv_difference": npv, "payback_year": payback}
