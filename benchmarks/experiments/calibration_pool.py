"""Would calibrating on the whole validation split (early-stopping half + calibration half) make small-table intervals
hold better? (issue 29: coverage within 0.02 of nominal on small calibration sets)

The early-stopping half chose the teachers' and the student's epochs, so its errors could be smaller than on unseen
data, and intervals calibrated on it would under-cover. Per finished run, student total std, first task, 90% intervals
('scaled' calibration): (1) bias: the 0.9 quantile of |y - mu| / sigma on the early-stopping half against the
calibration half and test; (2) coverage spread: the calibration half and test are both unseen, so they are pooled and
re-split at random (their sizes kept) many times; each time intervals are calibrated on the calibration part alone (the
default) or on it plus the early-stopping half, and scored on the test part: the mean coverage, its spread (sd) and the
share of draws more than 0.02 from 0.9, and the width relative to the constant interval calibrated the same way.

Run: python benchmarks/experiments/calibration_pool.py [--draws 2000] RUN [RUN ...]"""
import argparse, os, sys, time
sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..'))
import numpy as np
from _record import record
from degu.run import load_run
from degu.pipeline import calibration_split
from degu.data import read_h5
from degu.train import predict
from degu.uncertainty import student_heads, conformal_quantile

ap = argparse.ArgumentParser(); ap.add_argument('--draws', type=int, default=2000); ap.add_argument('runs', nargs='+')
a = ap.parse_args(); rows, res = [], {}; t0 = time.perf_counter(); rng = np.random.default_rng(0)
for path in a.runs:
    run = load_run(path); ds, cal = calibration_split(run.config, read_h5(run.path/'dataset.h5'))
    heads = lambda x: student_heads(predict(run.student, x), len(run.targets), run.kind)
    (mv, sv), (mc, sc), (mt, st) = [(h['mean'][:, 0], h['total'][:, 0]) for h in
                                    (heads(ds.x_valid), heads(cal['x']), heads(ds.x_test))]
    yv, yc, yt = ds.y_valid[:, 0], cal['y'][:, 0], ds.y_test[:, 0]
    q9 = lambda m, s, y: float(np.quantile(np.abs(y - m)/s, 0.9))
    bias = {'es': q9(mv, sv, yv), 'cal': q9(mc, sc, yc), 'test': q9(mt, st, yt)}
    m, s, y = np.r_[mc, mt], np.r_[sc, st], np.r_[yc, yt]; nc = len(yc); out = {'half': [], 'pooled': []}
    for _ in range(a.draws):
        p = rng.permutation(len(y)); ci, ti = p[:nc], p[nc:]
        for name, (cm, cs, cy) in (('half', (m[ci], s[ci], y[ci])),
                                   ('pooled', (np.r_[m[ci], mv], np.r_[s[ci], sv], np.r_[y[ci], yv]))):
            q = conformal_quantile(cm, cs, cy, 0.1); q1 = conformal_quantile(cm, np.ones_like(cs), cy, 0.1)
            out[name].append((float((np.abs(y[ti] - m[ti]) <= q*s[ti]).mean()), q*s[ti].mean()/q1))
    r = {'n_es': len(yv), 'n_cal': nc, 'n_test': len(yt), 'q90': bias}
    for name, v in out.items():
        v = np.array(v); r[name] = {'coverage_mean': float(v[:, 0].mean()), 'coverage_sd': float(v[:, 0].std()),
                                    'off_by_more_than_0.02': float((np.abs(v[:, 0] - 0.9) > 0.02).mean()),
                                    'width_vs_constant': float(v[:, 1].mean())}
    res[path] = r
    rows.append(f"| {path} | {len(yv):,} / {nc:,} / {len(yt):,} | {bias['es']:.3f} / {bias['cal']:.3f} / "
                f"{bias['test']:.3f} | " + ' | '.join(
                    f"{r[k]['coverage_mean']:.3f} ± {r[k]['coverage_sd']:.3f} | {r[k]['off_by_more_than_0.02']:.2f} | "
                    f"{r[k]['width_vs_constant']:.3f}" for k in ('half', 'pooled')) + ' |')
    print(rows[-1], flush=True)
body = f"""Student total std, first task, 90% 'scaled' intervals. q90: the 0.9 quantile of |y - mu| / sigma on the
early-stopping half / the calibration half / test. Then {a.draws:,} random re-splits of calibration half + test (sizes
kept): intervals calibrated on the calibration part alone (today) or pooled with the early-stopping half; coverage on the
test part (mean ± sd), the share of draws more than 0.02 from 0.9, and the mean width against the constant interval
calibrated on the same points. {time.perf_counter() - t0:.0f} s in all.

| run | early-stopping / calibration / test n | q90 early-stopping / calibration / test | half: coverage | half: share off by > 0.02 | half: width vs constant | pooled: coverage | pooled: share off by > 0.02 | pooled: width vs constant |
|---|---|---|---|---|---|---|---|---|
{chr(10).join(rows)}
"""
record('calibration_pool', "Calibrating small-table intervals on the whole validation split (issue 29)",
       'python benchmarks/experiments/calibration_pool.py ' + ' '.join(sys.argv[1:]), body, numbers=res)
