"""Are degu's conformal intervals as good as the peers' on the same predictions? (issue 29, part 2)

For each finished run: the student's mean and total std on the run's own calibration split (held-out validation groups,
used by no model), early-stopping split (for the shrinkage fit) and test split; then 90% (and 80%) intervals from
- degu: constant width, `scaled`, `shrunk`, `mondrian` (`degu.uncertainty.fit_interval` / `apply_interval`, what
  `degu predict` and the report use);
- crepes: `ConformalRegressor` normalised by the same sigma, and Mondrian by sigma quintiles (`crepes.extras.binning`);
- MAPIE: `SplitConformalRegressor` with the absolute score (constant width) and with `ResidualNormalisedScore`
  (prefit residual estimator = the same sigma).
Each: coverage on test, mean width, width relative to degu's constant width, worst coverage over quintiles of the
student's total std, and the calibration-set size. Tasks are averaged.

The peers are benchmark-only dependencies: `pip install -r benchmarks/requirements-peers.txt` in a separate environment,
or `pip install --no-deps --target DIR crepes mapie` and `PYTHONPATH=DIR`.

Run: python benchmarks/interval_peers.py --runs RUN [RUN ...] [--names NAME ...] [--alphas 0.1 0.2]"""
import argparse, os, sys, time
import numpy as np
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _record import record

ap = argparse.ArgumentParser(); ap.add_argument('--runs', nargs='+', required=True); ap.add_argument('--names', nargs='+')
ap.add_argument('--alphas', type=float, nargs='+', default=[0.1, 0.2]); a = ap.parse_args()
names = a.names or [os.path.basename(os.path.normpath(r)) for r in a.runs]

from crepes import ConformalRegressor
from crepes.extras import binning
from mapie.regression import SplitConformalRegressor
from mapie.conformity_scores import ResidualNormalisedScore, AbsoluteConformityScore
from degu.run import load_run
from degu.data import read_h5
from degu.pipeline import calibration_split
from degu.train import predict
from degu.uncertainty import student_heads, fit_interval, apply_interval, interval_stats, fit_shrinkage

class _Column:
    "A prefit 'estimator' for MAPIE whose prediction is one column of X (the student's mean, or its sigma)."
    def __init__(self, j): self.j = j; self.fitted_ = True
    def fit(self, X, y=None): return self
    def predict(self, X): return np.asarray(X)[:, self.j]
    def get_params(self, deep=True): return {'j': self.j}
    def set_params(self, **p): self.j = p.get('j', self.j); return self
    def __sklearn_is_fitted__(self): return True

def methods(cal, fit, test, alpha):
    "`{method: (lower, upper)}` on test for every interval method, all from the same `(mu, sigma, y)` triples."
    (mc, sc, yc), (mt, st) = cal, test[:2]
    out = {}
    out['degu constant'] = apply_interval(fit_interval((mc, np.ones_like(sc), yc), alpha), mt, np.ones_like(st))
    out['degu scaled'] = apply_interval(fit_interval(cal, alpha, 'scaled'), mt, st)
    lam = fit_shrinkage(*fit, alpha)
    out['degu shrunk'] = apply_interval(fit_interval(cal, alpha, 'shrunk', lam), mt, st)
    out['degu mondrian'] = apply_interval(fit_interval(cal, alpha, 'mondrian'), mt, st)
    pool = tuple(np.concatenate([c, f]) for c, f in zip(cal, fit))      # not honest: the early-stopping half joins
    out['degu scaled, pooled with the early-stopping half'] = apply_interval(fit_interval(pool, alpha, 'scaled'), mt, st)
    out['degu constant, pooled'] = apply_interval(fit_interval((pool[0], np.ones_like(pool[1]), pool[2]), alpha), mt,
                                                  np.ones_like(st))
    cr = ConformalRegressor().fit(yc - mc, sigmas=sc)
    out['crepes normalised'] = tuple(cr.predict_int(mt, sigmas=st, confidence=1 - alpha).T)
    bc, edges = binning(sc, bins=5)
    crm = ConformalRegressor().fit(yc - mc, sigmas=sc, bins=bc)
    out['crepes Mondrian (sigma quintiles)'] = tuple(crm.predict_int(mt, sigmas=st, bins=binning(st, bins=edges),
                                                                     confidence=1 - alpha).T)
    Xc, Xt = np.column_stack([mc, sc]), np.column_stack([mt, st])
    for name, score in (('MAPIE absolute', AbsoluteConformityScore()),
                        ('MAPIE residual-normalised', ResidualNormalisedScore(residual_estimator=_Column(1), prefit=True))):
        m = SplitConformalRegressor(_Column(0), confidence_level=1 - alpha, conformity_score=score, prefit=True)
        m.conformalize(Xc, yc)
        iv = m.predict_interval(Xt)[1][:, :, 0]
        out[name] = (iv[:, 0], iv[:, 1])
    return out

res, lines, t0 = {}, [], time.perf_counter()
for run_dir, name in zip(a.runs, names):
    run = load_run(run_dir); cfg = run.config
    ds, cal = calibration_split(cfg, read_h5(run.path/'dataset.h5'))
    xs = {'cal': cal['x'], 'valid': ds.x_valid, 'test': ds.x_test}; ys = {'cal': cal['y'], 'valid': ds.y_valid, 'test': ds.y_test}
    sh = {s: student_heads(predict(run.student, x), len(run.targets), run.kind) for s, x in xs.items()}
    T = len(run.targets); res[name] = {'n_calibration': int(len(ys['cal'])), 'n_test': int(len(ys['test'])), 'alphas': {}}
    for alpha in a.alphas:
        per = {}
        for t in range(T):
            tri = lambda s: (sh[s]['mean'][:, t], sh[s]['total'][:, t], ys[s][:, t])
            iv = methods(tri('cal'), tri('valid'), tri('test'), alpha)
            for m, (lo, hi) in iv.items():
                per.setdefault(m, []).append(interval_stats(lo, hi, ys['test'][:, t], ref_sigma=sh['test']['total'][:, t]))
        const = np.mean([d['width'] for d in per['degu constant']])
        rows = {m: {k: float(np.mean([d[k] for d in v])) for k in ('coverage', 'width', 'worst_quintile_coverage')}
                for m, v in per.items()}
        for r in rows.values(): r['width_vs_constant'] = r['width']/const
        res[name]['alphas'][f'{alpha:g}'] = rows
        for m, r in rows.items():
            lines.append(f"| {name} | {res[name]['n_calibration']:,} | {1 - alpha:.0%} | {m} | {r['coverage']:.3f} | "
                         f"{r['width']:.3f} | {r['width_vs_constant']:.3f} | {r['worst_quintile_coverage']:.3f} |")
    print(f'{name}: done', flush=True)

body = f"""The student's total std of each finished run; calibrated on the run's calibration split (held-out validation
groups, used by no model; `shrunk` fits its shrinkage on the early-stopping split), scored on the test split. Same
predictions and split for every method. `vs constant`: mean width over degu's constant-width interval's; worst
quintile: the lowest coverage over quintiles of the student's total std. Runs: {', '.join(f'`{n}` = `{r}`' for n, r in zip(names, a.runs))}.
({time.perf_counter() - t0:.0f} s in all.)

| run | calibration n | nominal | method | coverage | width | vs constant | worst quintile |
|---|---|---|---|---|---|---|---|
{chr(10).join(lines)}
"""
record('interval_peers', 'Conformal intervals: degu against crepes and MAPIE on the same predictions (issue 29)',
       'python benchmarks/interval_peers.py ' + ' '.join(sys.argv[1:]), body, numbers=res)
