"""Question (2026-12-05, issue 33 part 3): can a student's per-variant effect uncertainty be read off what it already
predicts, without a new head? Measured on the quickstart run: Spearman, over all 3L substitutions of 30 test sequences,
of simple student-side proxies against the ensemble's effect std across members (a log-linear fit of all four on 30
validation sequences included).
Answer (AMD EPYC): no. |student effect| 0.298, |std_alt - std_ref| 0.253, std_alt 0.109, sqrt(std_ref^2 + std_alt^2)
0.108, the log-linear fit 0.315; even the ensemble's own |effect| reaches only 0.351. The goal is 0.6, so `effect_std`
needs a learned pair-level target; it is not shipped.

Run: python benchmarks/experiments/effect_std_proxies.py [RUN]"""
import sys
import numpy as np
from degu.run import load_run
from degu.variants import ism
from degu.utils import spearman, pearson
run = load_run(sys.argv[1] if len(sys.argv) > 1 else 'runs/quickstart'); dd = run._dd; xt = dd.splits['test']['x']; xv = dd.splits['valid']['x']
rng = np.random.default_rng(0)
def go(x):
    r = ism(x, student=run.student, ensemble=run.ensemble, n_tasks=1)
    ok = np.isfinite(r['effect']) & (r['ensemble_effect'] != 0)
    f = {k: v[ok] for k, v in r.items()}
    return f
tr = go(xv[rng.choice(len(xv), 30, replace=False)]); te = go(xt[np.sort(rng.choice(len(xt), 30, replace=False))])
feat = lambda f: np.c_[np.abs(f['effect']), np.abs(f['student_std_alt'] - f['student_std_ref']), f['student_std_ref'], f['student_std_alt']]
S = lambda a, b: spearman(a[:, None], b[:, None])[0]
for name, v in [('|effect|', np.abs(te['effect'])), ('|dstd|', np.abs(te['student_std_alt'] - te['student_std_ref'])),
                ('std_alt', te['student_std_alt']), ('sqrt sum', np.hypot(te['student_std_alt'], te['student_std_ref'])),
                ('ens |effect|', np.abs(te['ensemble_effect']))]:
    print(name, round(S(v, te['ensemble_effect_std']), 3))
X = np.c_[np.ones(len(tr['effect'])), np.log(feat(tr) + 1e-6)]; w = np.linalg.lstsq(X, np.log(tr['ensemble_effect_std'] + 1e-6), rcond=None)[0]
pt = np.exp(np.c_[np.ones(len(te['effect'])), np.log(feat(te) + 1e-6)] @ w)
print('loglinear fit', w.round(3), round(S(pt, te['ensemble_effect_std']), 3), 'median', np.median(pt), np.median(te['ensemble_effect_std']))
