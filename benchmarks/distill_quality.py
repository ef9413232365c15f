"""Full-size DEGU on the embedded lentiMPRA HepG2 split: DeepSTARR-size teachers, then students.

Protocol of the reference figures in issue 6: DeepSTARR CNN, Adam 1e-3, batch 128, up to 40 epochs, early-stopping
patience 5, LR decay 0.1 after 2. Resumable (finished teachers/students are reused from --out).

Run: python benchmarks/distill_quality.py [--teachers 5] [--students 3] [--out benchmarks/runs/distill]"""
import argparse, json, os, sys, time
os.environ.setdefault('TF_CPP_MIN_LOG_LEVEL', '3')
sys.path.insert(0, os.path.dirname(__file__))
from pathlib import Path
import numpy as np
from _record import record
from degu.data import load_dataset, read_h5, write_h5
from degu.ensemble import Ensemble, _save_weights
from degu.distill import distill_targets, train_student, eval_student, build_student
from degu.train import predict
from degu.uncertainty import interval_table
from degu.utils import pearson, spearman

ap = argparse.ArgumentParser()
ap.add_argument('--teachers', type=int, default=5); ap.add_argument('--students', type=int, default=3)
ap.add_argument('--arch', default='DeepSTARR'); ap.add_argument('--epochs', type=int, default=40)
ap.add_argument('--out', default='benchmarks/runs/distill'); a = ap.parse_args()
out = Path(a.out); out.mkdir(parents=True, exist_ok=True)
tk = dict(max_epochs=a.epochs, es_patience=5, lr_patience=2, lr_decay=0.1, batch_size=128, initial_lr=1e-3)
ds = load_dataset('lentimpra_hepg2', seed=0)
t_all = time.perf_counter()
ens = Ensemble(a.arch, a.teachers, prefix=out/'teacher', seed=0, train_kwargs=tk)
t0 = time.perf_counter(); ens.train(ds.x_train, ds.y_train, (ds.x_valid, ds.y_valid)); t_teach = time.perf_counter() - t0
pa = {s: ens.predict_all(ds.splits[s]['x']) for s in ('valid', 'test')}
tab = ens.evaluate(ds.x_test, ds.y_test, ds.targets, preds=pa['test'])
mem = tab[tab.model.str.startswith('member')]; e = tab[tab.model == 'ensemble'].iloc[0]
dpath = out/'distill.h5'
if not dpath.exists(): write_h5(distill_targets(ens, ds, 'std'), dpath)
dd = read_h5(dpath)
students, t0 = [], time.perf_counter()
for j in range(a.students):
    sp = out/f'student_{j}.weights.h5'
    if sp.exists():
        m = build_student(a.arch, dd.splits['train']['y_distill'], dd.x_train.shape[1:], 'std', seed=1000 + j); m.load_weights(sp)
    else:
        m, _ = train_student(dd, a.arch, seed=1000 + j, **tk); _save_weights(m, sp)
    students.append(m)
t_stud = time.perf_counter() - t0
rows, cov = [], []
for j, m in enumerate(students):
    ev = eval_student(m, dd); act = ev[ev['head'] == 'activity'].iloc[0]; unc = ev[ev['head'] == 'uncertainty'].iloc[0]
    P = {s: predict(m, ds.splits[s]['x']) for s in ('valid', 'test')}
    it = interval_table({'student': (P['valid'][:, 0], P['valid'][:, 1], ds.y_valid[:, 0])},
                        {'student': (P['test'][:, 0], P['test'][:, 1], ds.y_test[:, 0])})
    rows.append((act.pearson, act.spearman, unc.spearman)); cov.append(it)
R = np.array(rows)
ens_it = interval_table({'ensemble': (pa['valid']['mean'][:, 0], pa['valid']['std'][:, 0], ds.y_valid[:, 0])},
                        {'ensemble': (pa['test']['mean'][:, 0], pa['test']['std'][:, 0], ds.y_test[:, 0])})
c = {al: (np.mean([t[t.alpha == al].coverage.iloc[0] for t in cov]), np.mean([t[t.alpha == al].mean_width.iloc[0] for t in cov]))
     for al in (0.1, 0.2, 0.3)}
wall = time.perf_counter() - t_all
body = f"""Data: embedded lentiMPRA HepG2, `seed=0` split (train {len(ds.x_train):,}, valid {len(ds.x_valid):,}, test {len(ds.x_test):,}).
Models: {a.arch}, {a.teachers} teachers, {a.students} students (std head, standardised per-head loss). Training: {tk}.

| | test Pearson | test Spearman |
|---|---|---|
| teachers (mean ± sd of {a.teachers}) | {mem.pearson.mean():.3f} ± {mem.pearson.std(ddof=1):.3f} (range {mem.pearson.min():.3f}–{mem.pearson.max():.3f}) | {mem.spearman.mean():.3f} ± {mem.spearman.std(ddof=1):.3f} |
| ensemble mean | {e.pearson:.3f} | {e.spearman:.3f} |
| students (mean ± sd of {a.students}) | {R[:, 0].mean():.3f} ± {R[:, 0].std(ddof=1) if len(R) > 1 else 0:.3f} | {R[:, 1].mean():.3f} |

Student uncertainty head vs ensemble std on test: Spearman {R[:, 2].mean():.3f} (per student {np.round(R[:, 2], 3).tolist()}).

Split-conformal intervals (calibrated on valid, scored on test), students' mean coverage / mean width:
{chr(10).join(f'- alpha {al}: coverage {c[al][0]:.3f}, width {c[al][1]:.3f}' for al in c)}
- ensemble-std intervals at alpha 0.1: coverage {ens_it[ens_it.alpha == 0.1].coverage.iloc[0]:.3f}, width {ens_it[ens_it.alpha == 0.1].mean_width.iloc[0]:.3f}

Wall time: teachers {t_teach:.0f} s, students {t_stud:.0f} s, whole script {wall:.0f} s (finished stages reused from `{a.out}` are not timed again).
"""
record('distill_quality', f'Distillation quality, {a.arch}, {a.teachers} teachers + {a.students} students (lentiMPRA HepG2)',
       f'python benchmarks/distill_quality.py --teachers {a.teachers} --students {a.students}', body)
