"""Question (2026-12-03): Does the agreement of uncertainty between independently seeded ensembles grow with their size,
and does the student keep its edge?
Answer: A vs B Spearman 0.107 at 5 members, 0.218 at 10; the student of A agrees with B better than A does (0.271 and
0.410; ratio 2.54 and 1.88), full lentiMPRA, Intel Xeon.

Cross-ensemble agreement of uncertainty as the ensemble grows: two independently seeded ensembles A and B of each size,
and a student distilled from A at each size.

Reads a finished run (RUN_DIR/config.json, dataset.h5; the run's teachers and, with `evaluate.cross_ensemble`, its
`teachers_b` are reused), grows A (the run's seed) and B (seed + 10,000) to the largest size under RUN_DIR/growth/
(resumable: finished members are kept), and reports on the test split, per size n (the first n members of each):
Spearman of the epistemic std of A vs B, of the student of A vs B, and of the student vs A, and the students' Pearson.

Run: python benchmarks/experiments/cross_growth.py RUN_DIR LABEL [--sizes 5 10]"""
import argparse, json, os, shutil, sys, time
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from pathlib import Path
import numpy as np
from _record import record
from degu.data import read_h5
from degu.pipeline import calibration_split, make_ensemble, student_train_kwargs
from degu.distill import distill_targets, train_student, build_student
from degu.ensemble import _save_weights
from degu.train import predict
from degu.uncertainty import student_heads
from degu.utils import pearson, spearman, std

ap = argparse.ArgumentParser(); ap.add_argument('run'); ap.add_argument('label')
ap.add_argument('--sizes', type=int, nargs='+', default=[5, 10]); a = ap.parse_args()
run = Path(a.run); cfg = json.loads((run/'config.json').read_text()); dc, N = cfg['distill'], max(a.sizes)
ds, _ = calibration_split(cfg, read_h5(run/'dataset.h5')); T = len(ds.targets)
ens, t_train = {}, {}
for tag, off, src in (('a', 0, 'teachers'), ('b', 10_000, 'teachers_b')):
    c = {**cfg, 'ensemble': {**cfg['ensemble'], 'n': N, 'seed': cfg['ensemble']['seed'] + off}}
    e = make_ensemble(c, run/'growth', name=f'teachers_{tag}'); e.prefix.parent.mkdir(parents=True, exist_ok=True)
    for i in range(min(N, cfg['ensemble']['n'])):               # the run's own members have the same seeds and settings
        for f in (f'teacher_{i}.weights.h5', f'teacher_{i}.json'):
            if (run/src/f).exists() and not (e.prefix.parent/f).exists(): shutil.copy2(run/src/f, e.prefix.parent/f)
    t0 = time.perf_counter()
    e.train(ds.x_train, ds.y_train, (ds.x_valid, ds.y_valid), verbose=1, retry_failed=cfg['ensemble']['retry_failed'])
    ens[tag], t_train[tag] = e, time.perf_counter() - t0
members = {tag: e.predict_members(ds.x_test) for tag, e in ens.items()}    # (M, N, T) member means
rows, per = [], []
for n in sorted(a.sizes):
    sa, sb = std(members['a'][:n]), std(members['b'][:n])
    spath = run/'growth'/f'student_a{n}.weights.h5'
    dd = distill_targets(ens['a'], ds, kind=dc['kind'], verbose=0, n_teachers=n)
    load = run/'student.weights.h5' if n == cfg['ensemble']['n'] and (run/'student.weights.h5').exists() else spath if spath.exists() else None
    if load:
        st = build_student(cfg['model']['arch'], dd.splits['train']['y_distill'], ds.x_train.shape[1:], dc['kind'], seed=dc['seed'],
                           n_tasks=T, width=cfg['model']['width'])
        st.load_weights(load); how = "the run's student" if load != spath else 'trained (kept from an earlier run of this script)'
    else:
        t0 = time.perf_counter()
        st, _h = train_student(dd, cfg['model']['arch'], seed=dc['seed'], model_kwargs=dict(width=cfg['model']['width']),
                               monitor=dc['monitor'], verbose=1, **student_train_kwargs(cfg))
        _save_weights(st, spath); how = f'trained here ({time.perf_counter() - t0:.0f} s)'
    h = student_heads(predict(st, ds.x_test), T, dc['kind'])
    for t in range(T):
        r = dict(n=n, task=ds.targets[t], ens_ab=float(spearman(sa[:, t], sb[:, t])[0]), stu_b=float(spearman(h['epistemic'][:, t], sb[:, t])[0]),
                 stu_a=float(spearman(h['epistemic'][:, t], sa[:, t])[0]), p_ens=float(pearson(members['a'][:n, :, t].mean(0), ds.y_test[:, t])[0]),
                 p_stu=float(pearson(h['mean'][:, t], ds.y_test[:, t])[0]), how=how)
        per.append(r)
        rows.append(f"| {n} | {r['task']} | {r['ens_ab']:.3f} | {r['stu_b']:.3f} | {r['stu_b']/r['ens_ab']:.2f} | {r['stu_a']:.3f} | {r['p_ens']:.3f} | {r['p_stu']:.3f} | {how} |")
        print(rows[-1], flush=True)
body = f"""Run: `{run}` ({cfg['model']['arch']} width {cfg['model']['width']}, aleatoric {cfg['ensemble']['aleatoric']}); ensembles A (seed
{cfg['ensemble']['seed']}) and B (seed {cfg['ensemble']['seed'] + 10_000}) grown to {N} members (teachers trained by this run of the script:
A {t_train['a']:.0f} s, B {t_train['b']:.0f} s); size n uses the first n members of each. Test split, {len(ds.x_test):,} sequences;
Spearman of epistemic stds; the student of A_n is distilled from A's first n teachers with the run's settings.

| n | task | A vs B | student of A vs B | ratio | student vs A | ensemble A Pearson | student Pearson | student |
|---|---|---|---|---|---|---|---|---|
{chr(10).join(rows)}
"""
print(body)
record(f'cross_growth_{a.label}', f'Cross-ensemble agreement by ensemble size ({a.label})',
       f"python benchmarks/experiments/cross_growth.py RUN_DIR {a.label} --sizes {' '.join(map(str, a.sizes))}", body)
