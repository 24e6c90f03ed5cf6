#!/usr/bin/python3
# The baseline for make bench: the same PSA as src/core/pc-psa.c — gamma unit
# cost multipliers per step name, beta shares, Dirichlet stage mix, lognormal
# incidence, beta conditional survival, then cost(y) of docs/MODEL.md — written
# as vectorised numpy over all iterations at once.
#   psa_numpy.py MODEL.json ITERATIONS
import json, sys, time
import numpy as np

COST_CV, SHARE_SE, MIX_SE, INC_SE, SURV_SE = 0.10, 0.05, 0.02, 0.05, 0.02
OFFSETS = 6


def beta_k(m, se):
    k = np.where((m > 0) & (m < 1), m * (1 - m) / se**2 - 1, 0.0)
    return np.where((m > 0) & (m < 1), np.maximum(k, 1.0), 0.0)


def draw_beta(rng, m, k, n):
    m = np.broadcast_to(m, (n,) + np.shape(m))
    k = np.broadcast_to(k, m.shape)
    live = k > 0
    out = m.copy()
    out[live] = rng.beta((m * k)[live], ((1 - m) * k)[live])
    return out


def run(model, n, rng):
    steps = model["steps"]
    names = sorted({s["name"] for s in steps})
    idx = np.array([names.index(s["name"]) for s in steps])
    unit = np.array([s["unit_cost"][0] for s in steps])
    qty = np.array([s["quantity"][0] for s in steps])
    share = np.array([s["share"] for s in steps])            # steps × 5
    offset = np.array([s["offset"] for s in steps])
    death = np.array([s["death"] for s in steps])
    crude = np.array(model["crude"])
    mix = np.array(model["stage_share"])
    S = np.array(model["survival"])                           # 5 × 7
    trend, infl = model["trend"][0], model["inflation"][0]
    years = len(crude) - 5

    mult = rng.gamma(1 / COST_CV**2, COST_CV**2, size=(n, len(names)))[:, idx]
    shares = draw_beta(rng, share, beta_k(share, SHARE_SE), n)   # n × steps × 5
    per_step = shares * (qty * unit)[None, :, None] * mult[:, :, None]
    cpp = np.zeros((n, 2, OFFSETS, 5))
    for k in range(OFFSETS):
        for b in (0, 1):
            sel = (offset == k) & (death == bool(b))
            cpp[:, b, k, :] = per_step[:, sel, :].sum(axis=1)
    live = mix > 0
    conc = beta_k(np.array([mix.max()]), MIX_SE)[0]
    draws = np.tile(mix, (n, 1))
    if conc > 0 and live.sum() > 1:
        draws[:, live] = rng.dirichlet(mix[live] * conc, size=n)
    sigma = np.sqrt(np.log(1 + INC_SE**2))
    inc = rng.lognormal(-sigma**2 / 2, sigma, size=n)
    p = np.where(S[:, :-1] > 0, S[:, 1:] / np.where(S[:, :-1] > 0, S[:, :-1], 1), 1.0)[:, :5]
    cond = draw_beta(rng, p, beta_k(p, SURV_SE), n)           # n × 5 × 5
    Sd = np.ones((n, 5, OFFSETS + 1))
    Sd[:, :, 1:6] = np.cumprod(cond, axis=2)
    Sd[:, :, 6] = Sd[:, :, 5]
    tf = (1 + trend) ** (np.arange(len(crude)) - 5)
    costs = np.zeros((n, years))
    for t in range(years):
        c = np.zeros(n)
        for k in range(OFFSETS):
            cases = crude[t + 5 - k] * tf[t + 5 - k] * inc                       # n
            w = Sd[:, :, k] * cpp[:, 0, k, :] + (Sd[:, :, k] - Sd[:, :, k + 1]) * cpp[:, 1, k, :]
            c += cases * (draws * w).sum(axis=1)
        costs[:, t] = c * (1 + infl) ** t
    total = costs.sum(axis=1)
    return total.mean(), np.percentile(costs, [2.5, 97.5], axis=0)


model = json.load(open(sys.argv[1]))
n = int(sys.argv[2])
rng = np.random.Generator(np.random.MT19937(1))
start = time.perf_counter()
mean, _ = run(model, n, rng)
ms = (time.perf_counter() - start) * 1000
print(f"numpy_psa iterations={n} ms={ms:.1f} mean_total={mean:.2f} numpy={np.__version__}")
