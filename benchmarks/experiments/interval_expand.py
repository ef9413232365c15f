"""Would intervals narrow if the student's sigma were spread out, not only shrunk? (issue 28/29: width vs constant)

'shrunk' calibration moves sigma toward its mean, `(1 - lam) sigma + lam mean`, with lam in [0, 1] fitted on the
early-stopping half of validation (data the conformal quantile never sees). Here lam may also be negative, which spreads
sigma out (as if the model under-stated how much its noise varies). For each finished run: lam fitted on a grid -3..1
by the narrowest 90% split-conformal interval on the early-stopping half, then the test width relative to the constant
interval (both calibrated on the run's calibration split) and the test coverage, for lam 1 (constant), 0 (scaled, the
default), the fitted lam, -0.5 and -1. Student total std, first task.

Run: python benchmarks/experiments/interval_expand.py RUN [RUN ...]"""
import os, sys, time
sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..'))
import numpy as np
from _record import record
from degu.run import load_run
from degu.pipeline import calibration_split
from degu.data import read_h5
from degu.train import predict
from degu.uncertainty import student_heads, shrink_sigma, conformal_quantile

grid = np.round(np.linspace(-3, 1, 81), 3); rows, res = [], {}; t0 = time.perf_counter()
for path in sys.argv[1:]:
    run = load_run(path); ds, cal = calibration_split(run.config, read_h5(run.path/'dataset.h5'))
    heads = lambda x: student_heads(predict(run.student, x), len(run.targets), run.kind)
    (mv, sv), (mc, sc), (mt, st) = [(h['mean'][:, 0], h['total'][:, 0]) for h in
                                    (heads(ds.x_valid), heads(cal['x']), heads(ds.x_test))]
    yv, yc, yt = ds.y_valid[:, 0], cal['y'][:, 0], ds.y_test[:, 0]; c = float(np.mean(sv))
    def test_width(s_cal, s_test):
        q = conformal_quantile(mc, s_cal, yc, 0.1); return (2*q*s_test).mean(), float((np.abs(yt - mt) <= q*s_test).mean())
    wv = [conformal_quantile(mv, shrink_sigma(sv, l, c), yv, 0.1)*shrink_sigma(sv, l, c).mean() for l in grid]
    lam = float(grid[int(np.argmin(wv))]); w1 = test_width(np.ones_like(sc), np.ones_like(st))[0]
    r = {l: test_width(shrink_sigma(sc, l, c), shrink_sigma(st, l, c)) for l in (1.0, 0.0, lam, -0.5, -1.0)}
    res[path] = {'n_es': len(yv), 'n_cal': len(yc), 'lam': lam, **{f'{l:+.2f}': [w/w1, cov] for l, (w, cov) in r.items()}}
    rows.append(f"| {path} | {len(yv):,} / {len(yc):,} | {lam:+.2f} | " +
                ' | '.join(f'{r[l][0]/w1:.3f} ({r[l][1]:.3f})' for l in (0.0, lam, -0.5, -1.0)) + ' |')
    print(rows[-1], flush=True)
body = f"""90% intervals on test from the student's total std: width relative to the constant interval (coverage).
lam: 0 is the default 'scaled' calibration; fitted: on the early-stopping half. {time.perf_counter() - t0:.0f} s in all.

| run | early-stopping / calibration n | fitted lam | lam 0 (default) | fitted lam | lam -0.5 | lam -1 |
|---|---|---|---|---|---|---|
{chr(10).join(rows)}
"""
record('interval_expand', "Would intervals narrow if the student's sigma were spread out? (issues 28, 29)",
       'python benchmarks/experiments/interval_expand.py ' + ' '.join(sys.argv[1:]), body, numbers=res)
