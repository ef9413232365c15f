"""Question (2026-11-22): Does a distilled DeepSTARR student match its 5-teacher ensemble on lentiMPRA, as in the DEGU
paper?
Answer: yes: 3 DeepSTARR students reach test Pearson 0.432 +- 0.016 against the ensemble's 0.433 (teachers 0.377);
their uncertainty head follows the ensemble std at Spearman 0.270 on test (0.645 on training sequences); their
DeepSHAP maps are closer to the ensemble average than the teachers' (RMSE 0.00267 vs 0.00436), AMD EPYC.

Full-size DEGU on the embedded lentiMPRA HepG2 split: DeepSTARR-size teachers, then students.

Protocol of the reference figures in issue 6: DeepSTARR CNN, Adam 1e-3, batch 128, up to 40 epochs, early-stopping
patience 5, LR decay 0.1 after 2. Resumable (finished teachers/students are reused from --out).

Also trains `--logvar-students` extra students on log-variance targets (a variant, reported on its own row), and
compares DeepSHAP maps of the top `--top-n` test sequences: members (leave-one-out) vs students, against the ensemble
average. Per-model wall times are kept in `--out` so a resumed run still reports them.

Run: python benchmarks/experiments/distill_quality.py [--teachers 5] [--students 3] [--logvar-students 1] [--dynamic-students 0] [--out benchmarks/runs/distill]"""
import argparse, json, os, sys, time
os.environ.setdefault('TF_CPP_MIN_LOG_LEVEL', '3')
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from pathlib import Path
import numpy as np
from _record import record
from degu.data import load_dataset, read_h5, write_h5
from degu.ensemble import Ensemble, _save_weights
from degu.distill import distill_targets, train_student, eval_student, build_student, train_dynamic_student
from degu.train import predict
from degu.uncertainty import interval_table
from degu.utils import pearson, spearman
from degu.attribution import select_top, dinuc_backgrounds, attribute_ensemble, attribute, consistency

ap = argparse.ArgumentParser()
ap.add_argument('--teachers', type=int, default=5); ap.add_argument('--students', type=int, default=3)
ap.add_argument('--arch', default='DeepSTARR'); ap.add_argument('--epochs', type=int, default=40)
ap.add_argument('--logvar-students', type=int, default=1); ap.add_argument('--dynamic-students', type=int, default=0)
ap.add_argument('--top-n', type=int, default=50)
ap.add_argument('--out', default='benchmarks/runs/distill'); a = ap.parse_args()
out = Path(a.out); out.mkdir(parents=True, exist_ok=True)
tk = dict(max_epochs=a.epochs, es_patience=5, lr_patience=2, lr_decay=0.1, batch_size=128, initial_lr=1e-3)
ds = load_dataset('lentimpra_hepg2', seed=0)
ens = Ensemble(a.arch, a.teachers, prefix=out/'teacher', seed=0, train_kwargs=tk)
ens.train(ds.x_train, ds.y_train, (ds.x_valid, ds.y_valid))
t_teach = sum(json.loads((out/f'teacher_{i}.json').read_text())['seconds'] for i in range(a.teachers))
pa = {s: ens.predict_all(ds.splits[s]['x']) for s in ('valid', 'test')}
tab = ens.evaluate(ds.x_test, ds.y_test, ds.targets, preds=pa['test'])
mem = tab[tab.model.str.startswith('member')]; e = tab[tab.model == 'ensemble'].iloc[0]
dd = {}
for kind in ('std', 'logvar'):
    dpath = out/('distill.h5' if kind == 'std' else f'distill_{kind}.h5')
    if not dpath.exists(): write_h5(distill_targets(ens, ds, kind), dpath)
    dd[kind] = read_h5(dpath)

def student(kind, j, dynamic=False):
    "Train (or reload) student j on `kind` targets (dynamic: augmented batches labelled online); wall time kept with the weights."
    stem = out/(f'student_{j}' if kind == 'std' and not dynamic else f"student_{'dynamic' if dynamic else kind}_{j}")
    sp, rec = Path(f'{stem}.weights.h5'), Path(f'{stem}.json')
    if sp.exists() and rec.exists():
        m = build_student(a.arch, dd[kind].splits['train']['y_distill'], dd[kind].x_train.shape[1:], kind, seed=1000 + j)
        m.load_weights(sp); return m, json.loads(rec.read_text())['seconds']
    t0 = time.perf_counter()
    m, h = (train_dynamic_student(dd[kind], ens, a.arch, ['mutagenesis', 'shuffle'], 'append', seed=1000 + j, finetune_epochs=3, **tk)
            if dynamic else train_student(dd[kind], a.arch, seed=1000 + j, **tk))
    dt = time.perf_counter() - t0
    _save_weights(m, sp); rec.write_text(json.dumps({'seconds': round(dt, 1), 'epochs': len(h.history['loss'])}))
    return m, dt

students, t_stud = [], 0.
for j in range(a.students): m, dt = student('std', j); students.append(m); t_stud += dt
lv_students = [student('logvar', j)[0] for j in range(a.logvar_students)]
dyn = [student('std', j, dynamic=True) for j in range(a.dynamic_students)]

def score(m, kind):
    "Test metrics (activity Pearson/Spearman, uncertainty Spearman) and conformal intervals of one student."
    ev = eval_student(m, dd[kind]); act = ev[ev['head'] == 'activity'].iloc[0]; unc = ev[ev['head'] == 'uncertainty'].iloc[0]
    P = {s: predict(m, ds.splits[s]['x']) for s in ('valid', 'test')}
    sd = lambda p: p[:, 1] if kind == 'std' else np.exp(p[:, 1]/2)
    it = interval_table({'student': (P['valid'][:, 0], sd(P['valid']), ds.y_valid[:, 0])},
                        {'student': (P['test'][:, 0], sd(P['test']), ds.y_test[:, 0])})
    return (act.pearson, act.spearman, unc.spearman), it

rows, cov = [], []
for m in students: r, it = score(m, 'std'); rows.append(r); cov.append(it)
train_unc = [eval_student(m, dd['std'], split='train').query("head == 'uncertainty'").spearman.iloc[0] for m in students]
LV = np.array([score(m, 'logvar')[0] for m in lv_students]) if lv_students else None
DY = np.array([score(m, 'std')[0] for m, _ in dyn]) if dyn else None

# attribution consistency: DeepSHAP of the top test sequences, same dinucleotide backgrounds for every model
idx = select_top(ds.y_test, a.top_n); xa = ds.x_test[idx]; bg = dinuc_backgrounds(xa, 10, seed=0)
t0 = time.perf_counter()
maps = attribute_ensemble(ens, xa, 'deepshap', 0, bg, verbose=0)
maps.update(attribute({f'student_{j}': m for j, m in enumerate(students)}, xa, 'deepshap', 0, bg, verbose=0))
t_attr = time.perf_counter() - t0
_, cons = consistency({'members': {k: v for k, v in maps.items() if k.startswith('member_')},
                       'students': {k: v for k, v in maps.items() if k.startswith('student_')}})
cs = cons.set_index('group')
R = np.array(rows)
ens_it = interval_table({'ensemble': (pa['valid']['mean'][:, 0], pa['valid']['std'][:, 0], ds.y_valid[:, 0])},
                        {'ensemble': (pa['test']['mean'][:, 0], pa['test']['std'][:, 0], ds.y_test[:, 0])})
c = {al: (np.mean([t[t.alpha == al].coverage.iloc[0] for t in cov]), np.mean([t[t.alpha == al].mean_width.iloc[0] for t in cov]))
     for al in (0.1, 0.2, 0.3)}
body = f"""Data: embedded lentiMPRA HepG2, `seed=0` split (train {len(ds.x_train):,}, valid {len(ds.x_valid):,}, test {len(ds.x_test):,}).
Models: {a.arch}, {a.teachers} teachers, {a.students} students (std head, standardised per-head loss). Training: {tk}.

| | test Pearson | test Spearman |
|---|---|---|
| teachers (mean ± sd of {a.teachers}) | {mem.pearson.mean():.3f} ± {mem.pearson.std(ddof=1):.3f} (range {mem.pearson.min():.3f}–{mem.pearson.max():.3f}) | {mem.spearman.mean():.3f} ± {mem.spearman.std(ddof=1):.3f} |
| ensemble mean | {e.pearson:.3f} | {e.spearman:.3f} |
| students (mean ± sd of {a.students}) | {R[:, 0].mean():.3f} ± {R[:, 0].std(ddof=1) if len(R) > 1 else 0:.3f} | {R[:, 1].mean():.3f} |

Student uncertainty head vs ensemble std on test: Spearman {R[:, 2].mean():.3f} (per student {np.round(R[:, 2], 3).tolist()}).
The same heads on the training sequences they were distilled on: Spearman {np.mean(train_unc):.3f} (per student {np.round(train_unc, 3).tolist()}).
Ensemble std, mean over sequences: train {dd['std'].splits['train']['ens_std'].mean():.4f}, valid {dd['std'].splits['valid']['ens_std'].mean():.4f}, test {dd['std'].splits['test']['ens_std'].mean():.4f}.
{f"Variant, {len(LV)} student(s) trained on log-variance targets (same protocol): activity Pearson {LV[:, 0].mean():.3f}, uncertainty Spearman vs ensemble std {LV[:, 2].mean():.3f} (per student {np.round(LV[:, 2], 3).tolist()})." if LV is not None else ''}
{f"Variant, {len(DY)} student(s) with dynamic augmentation (append mode: every batch also gets 5%-mutagenised and position-shuffled copies labelled online by the fused teachers, then 3 fine-tuning epochs; {np.mean([t for _, t in dyn]):.0f} s each): activity Pearson {DY[:, 0].mean():.3f}, uncertainty Spearman vs ensemble std {DY[:, 2].mean():.3f}." if DY is not None else ''}

Attribution consistency (DeepSHAP, activity head, top {a.top_n} test sequences by measured activity, 10 dinucleotide-shuffled
backgrounds per sequence shared by all models, centred maps; RMSE to the ensemble-average map, members leave-one-out):
members {cs.loc['members', 'mean']:.5f} (median {cs.loc['members', 'median']:.5f}), students {cs.loc['students', 'mean']:.5f}
(median {cs.loc['students', 'median']:.5f}); paired Wilcoxon over sequences p = {cs.loc['students', 'p_value']:.2g}.

Split-conformal intervals (calibrated on valid, scored on test), students' mean coverage / mean width:
{chr(10).join(f'- alpha {al}: coverage {c[al][0]:.3f}, width {c[al][1]:.3f}' for al in c)}
- ensemble-std intervals at alpha 0.1: coverage {ens_it[ens_it.alpha == 0.1].coverage.iloc[0]:.3f}, width {ens_it[ens_it.alpha == 0.1].mean_width.iloc[0]:.3f}

Wall time (training, summed from the per-model records in `{a.out}`): {a.teachers} teachers {t_teach:.0f} s, {a.students} students {t_stud:.0f} s,\nteachers + one student {t_teach + t_stud/a.students:.0f} s; DeepSHAP for {a.teachers + a.students} models {t_attr:.0f} s.
"""
record('distill_quality', f'Distillation quality, {a.arch}, {a.teachers} teachers + {a.students} students (lentiMPRA HepG2)',
       f'python benchmarks/experiments/distill_quality.py --teachers {a.teachers} --students {a.students} --logvar-students {a.logvar_students} --dynamic-students {a.dynamic_students}', body)
