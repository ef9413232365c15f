"""Question (2026-12-03): How much of an interval-width difference between uncertainty methods is calibration noise?
Answer: most of it: over 200 re-splits of a 6,000-row check table the 5-95% range of width vs constant spans about
0.94-1.06 for every method; the student-total width is below constant in 87% of re-splits (scaled), Intel Xeon.

How much of an interval-width difference is calibration noise? Re-partitions of a finished run's calibration + test sequences.

Loads a finished run (teachers, student, data; nothing is trained), pools its calibration and test sequences, and splits
the pool again at random R times into a calibration and a test part of the original sizes (lentiMPRA orientation pairs
stay together when the run's group pattern applies). For every re-partition it builds 90% split-conformal intervals as the
pipeline does (`uncertainty_report`) and records each method's width relative to constant width calibrated on the same
sequences. The spread of that ratio is the noise a single run's `width_vs_constant` carries.

Run: python benchmarks/experiments/interval_noise.py RUN_DIR LABEL [--repeats 200] [--alpha 0.1]"""
import argparse, json, os, sys
os.environ.setdefault('TF_CPP_MIN_LOG_LEVEL', '3')
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from pathlib import Path
import numpy as np
from _record import record
from degu.pipeline import calibration_split, uncertainty_report
from degu.run import finished_run
from degu.data import group_keys, LENTIMPRA_GROUP
from degu.train import predict
from degu.uncertainty import student_heads

ap = argparse.ArgumentParser(); ap.add_argument('run'); ap.add_argument('label'); ap.add_argument('--repeats', type=int, default=200)
ap.add_argument('--alpha', type=float, default=0.1); a = ap.parse_args()
run = Path(a.run); cfg = json.loads((run/'config.json').read_text()); fr = finished_run(cfg, run)
ds, cal = calibration_split(cfg, fr['data']); ens, st, T = fr['ensemble'], fr['student'], len(fr['targets'])
sets = {'valid': (ds.x_valid, ds.y_valid, ds.splits['valid'].get('ids')), 'cal': (cal['x'], cal['y'], cal.get('ids')),
        'test': (ds.x_test, ds.y_test, ds.splits['test'].get('ids'))}
pa = {s: ens.predict_all(v[0]) for s, v in sets.items()}
sh = {s: student_heads(predict(st, v[0]), T, fr['kind']) for s, v in sets.items()}
n_cal, n_test = len(sets['cal'][1]), len(sets['test'][1])
pool_ids = np.concatenate([sets['cal'][2], sets['test'][2]]) if sets['cal'][2] is not None else np.arange(n_cal + n_test).astype(str)
g = group_keys(pool_ids, cfg['data']['group_pattern'] or LENTIMPRA_GROUP); ug, inv, cnt = np.unique(g, return_inverse=True, return_counts=True)
cat = lambda d: {k: np.concatenate([d['cal'][k], d['test'][k]]) for k in d['cal'] if isinstance(d['cal'][k], np.ndarray) and d['cal'][k].ndim >= 1
                 and len(d['cal'][k]) == n_cal}
P, H, Y = cat(pa), cat(sh), np.concatenate([sets['cal'][1], sets['test'][1]])
rng = np.random.default_rng(0); ratios = {}; c2 = {**cfg, 'evaluate': {**cfg['evaluate'], 'alphas': [a.alpha]}}
methods = ('ensemble_total', 'student_total', 'student_epistemic'); cals = ('scaled', 'shrunk', 'mondrian')
for r in range(a.repeats + 1):
    if r == 0: ic, it = np.arange(n_cal), np.arange(n_cal, n_cal + n_test)          # the run's own partition first
    else:
        order = rng.permutation(len(ug)); sel = np.zeros(len(ug), bool); sel[order[:np.searchsorted(np.cumsum(cnt[order]), n_cal) + 1]] = True
        ic, it = np.flatnonzero(sel[inv]), np.flatnonzero(~sel[inv])
    pa2 = {'valid': pa['valid'], 'cal': {k: v[ic] for k, v in P.items()}, 'test': {k: v[it] for k, v in P.items()}}
    sh2 = {'valid': sh['valid'], 'cal': {k: v[ic] for k, v in H.items()}, 'test': {k: v[it] for k, v in H.items()}}
    ys2 = {'valid': sets['valid'][1], 'cal': Y[ic], 'test': Y[it]}
    u = uncertainty_report(c2, pa2, sh2, ys2, fr['targets'])['intervals_by_calibration']
    for c in cals:
        for mth in methods: ratios.setdefault((c, mth), []).append(u[c][mth][f'{a.alpha:g}']['width_vs_constant'])
rows = []
for (c, mth), v in ratios.items():
    v = np.array(v); rs = v[1:]
    rows.append(f"| {mth} | {c} | {v[0]:.3f} | {np.median(rs):.3f} | {np.quantile(rs, 0.05):.3f}-{np.quantile(rs, 0.95):.3f} | {np.mean(rs < 1):.2f} |")
body = f"""Run folder: `{run}`; {n_cal:,} calibration + {n_test:,} test sequences pooled and split again {a.repeats} times
(groups kept together), {1 - a.alpha:.0%} intervals; width relative to constant width calibrated on the same sequences.

| method | calibration | the run's split | median over re-splits | 5-95% | fraction < 1 |
|---|---|---|---|---|---|
{chr(10).join(rows)}
"""
print(body)
record(f'interval_noise_{a.label}', f'Interval width vs constant: calibration noise ({a.label})', f'python benchmarks/experiments/interval_noise.py RUN_DIR {a.label}', body)
