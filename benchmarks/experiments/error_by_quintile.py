"""Question (2026-12-07, issue 28): where do a finished run's test errors come from? Mean absolute error of the student
on test by quintile of the measured activity and by quintile of its own prediction, beside the error-rank Spearman of
its total std and of its prediction's distance from the training mean. If the errors sit at the extremes of the
measured activity and the prediction does not see them, no uncertainty score can rank them.

Run: python benchmarks/experiments/error_by_quintile.py RUN [RUN ...]"""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import numpy as np
from scipy.stats import spearmanr
from _record import record
from degu.run import load_run
from degu.train import predict
from degu.uncertainty import student_heads

rows = []
for path in sys.argv[1:]:
    run = load_run(path); dd = run._dd; T = len(dd.targets); kind = run.config['distill']['kind']
    q = predict(run.student, dd.x_test); p, y = q[:, 0], np.asarray(dd.splits['test']['y'])[:, 0]
    err = np.abs(p - y); tot = student_heads(q, T, kind)['total'][:, 0]
    by = lambda v: [float(err[(v >= lo) & (v <= hi)].mean()) for lo, hi in zip(np.quantile(v, [0, .2, .4, .6, .8]),
                                                                              np.quantile(v, [.2, .4, .6, .8, 1]))]
    mu = float(np.asarray(dd.splits['train']['y'])[:, 0].mean())
    rows.append(dict(run=path, measured=by(y), predicted=by(p), total=float(spearmanr(tot, err)[0]),
                     distance=float(spearmanr(np.abs(p - mu), err)[0])))
f = lambda v: ' / '.join(f'{x:.2f}' for x in v)
body = ["Student, first task, test split. Mean |error| in each fifth of the test sequences ordered by the measured "
        "activity, and by the student's prediction (lowest to highest); error-rank Spearman of the student's total std "
        "and of |prediction - training mean|.", '',
        '| run | mean abs error by measured quintile | by predicted quintile | error rank: total std | error rank: distance of the prediction from the mean |',
        '|---|---|---|---|---|']
body += [f"| {r['run']} | {f(r['measured'])} | {f(r['predicted'])} | {r['total']:.3f} | {r['distance']:.3f} |" for r in rows]
record('error_by_quintile', "Where the test errors come from (issue 28)",
       'python benchmarks/experiments/error_by_quintile.py ' + ' '.join(sys.argv[1:]), '\n'.join(body), numbers={'rows': rows})
