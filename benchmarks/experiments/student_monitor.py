"""Question (2026-12-03): What should the student's early stopping watch, and does weight averaging help?
Answer: fidelity to the ensemble mean with EMA 0.99 (the default): student test Pearson 0.3693 over 3 seeds against
0.3605 for measured activity without EMA, and the best uncertainty agreement (0.552), quickstart run.

What the student's early stopping watches, and weight averaging, measured on a finished run (e.g. the quickstart's folder).

Prints the student's per-epoch losses by head from DIR/student_history.json (what `degu run` trained), then trains
students on DIR/distill.h5 with the run's settings, for several student seeds, in four variants:
early stopping on the activity heads against measured activity (`distill.monitor: activity`, degu's default until
2026-12-03) or against the ensemble mean on the validation split (`fidelity`, the default since), each with and
without an EMA of the weights (`distill.ema: 0.99`, the default since, or null).

Run: python benchmarks/quickstart_time.py --out /tmp/qs && python benchmarks/experiments/student_monitor.py /tmp/qs [LABEL] [--seeds 3]
     [--max-epochs N] [--default-only] [--lrs 1e-3 3e-3]
(LABEL records a separate section, e.g. for a run on another table).
--dynamic AUG [AUG ...] adds the default variant with dynamic augmentation (`distill.dynamic: true`: every batch also gets
augmented copies labelled online by the run's fused teachers, then the run's fine-tuning epochs). Where the run trained a
second ensemble (`evaluate.cross_ensemble`: RUN_DIR/teachers_b; or cross_growth.py: RUN_DIR/growth/teachers_b), each student's epistemic std is also compared with it."""
import argparse, json, os, sys, time
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from pathlib import Path
import numpy as np
from _record import record
from _runs import second_ensemble
from degu.data import read_h5
from degu.distill import train_student, eval_student, train_dynamic_student
from degu.pipeline import make_ensemble, student_train_kwargs
from degu.uncertainty import student_heads
from degu.train import predict
from degu.utils import pearson, spearman

ap = argparse.ArgumentParser(); ap.add_argument('run'); ap.add_argument('label', nargs='?', default='')
ap.add_argument('--seeds', type=int, default=3)
ap.add_argument('--max-epochs', type=int, default=None, help="the students' epoch cap (default: the run's distill.max_epochs)")
ap.add_argument('--default-only', action='store_true', help='train the default variant only')
ap.add_argument('--lrs', type=float, nargs='+', default=None, help="the default variant at these Adam learning rates (default: train_student's)")
ap.add_argument('--unc-weights', type=float, nargs='+', default=None, help="the default variant with the uncertainty heads' loss weighted by each (activity heads 1)")
ap.add_argument('--dynamic', nargs='+', default=None, metavar='AUG', help="the default variant with dynamic augmentation by these (e.g. mutagenesis shuffle)")
a = ap.parse_args()
run, label = Path(a.run), a.label; cfg = json.loads((run/'config.json').read_text()); dc = cfg['distill']
h = json.loads((run/'student_history.json').read_text())
cols = [k for k in ('activity_loss', 'val_activity_loss', 'uncertainty_loss', 'val_uncertainty_loss') if k in h]
rows = '\n'.join(f"| {e + 1} | " + ' | '.join(f'{h[k][e]:.3f}' for k in cols) + ' |' for e in range(len(h['loss'])))
dd = read_h5(run/'distill.h5'); T = len(dd.targets); te = dd.splits['test']
tk = {k: v for k, v in student_train_kwargs(cfg).items() if k != 'ema'}   # the run's settings; a variant sets ema and may override
if a.max_epochs: tk['max_epochs'] = a.max_epochs
variants = [('activity vs measured y, no EMA', 'activity', None), ('activity vs measured y, EMA 0.99', 'activity', 0.99),
            ('activity vs ensemble mean (fidelity), no EMA', 'fidelity', None),
            ('fidelity, EMA 0.99 (default)', 'fidelity', 0.99)]
variants = variants[-1:] if a.default_only else variants
variants = [(v, m, e, None, None, None) for v, m, e in variants]
if a.lrs: variants = (variants[:-1] if a.default_only else variants) + [(f'fidelity, EMA 0.99, learning rate {lr:g}', 'fidelity', 0.99, lr, None, None) for lr in a.lrs]
if a.unc_weights: variants += [(f'fidelity, EMA 0.99, uncertainty heads weighted {w:g}', 'fidelity', 0.99, None, w, None) for w in a.unc_weights]
if a.dynamic: variants += [(f"fidelity, EMA 0.99, dynamic augmentation ({' + '.join(a.dynamic)}, {dc['mode']})", 'fidelity', 0.99, None, None, a.dynamic)]
ens = make_ensemble(cfg, run) if a.dynamic else None
if ens is not None: ens._infer_kwargs(dd.x_train, dd.y_train)
ens_b = second_ensemble(cfg, run, dd.x_train, dd.y_train)   # how reproducible is each student's std?
std_b = ens_b.predict_all(te['x'])['std'][:, 0] if ens_b is not None else None
ab = f"{float(spearman(te['ens_std'][:, 0], std_b)[0]):.3f}" if std_b is not None else 'n/a'
seeds = [dc['seed'] + i for i in range(a.seeds)]
res, per = [], []
for name, mon, ema, lr, uw, augs in variants:
    m = []
    for s in seeds:
        t0 = time.perf_counter()
        kw = dict(seed=s, model_kwargs=dict(width=cfg['model']['width']), monitor=mon, ema=ema, verbose=0,
                  **{**tk, **({'initial_lr': lr} if lr else {}), **({'unc_weight': uw} if uw is not None else {})})
        if augs: st, hh = train_dynamic_student(dd, ens, cfg['model']['arch'], augs, dc['mode'], finetune_epochs=dc['finetune_epochs'], **kw)
        else: st, hh = train_student(dd, cfg['model']['arch'], **kw)
        ev = eval_student(st, dd).set_index('head'); ev = ev[ev['task'] == dd.targets[0]]
        pt = predict(st, te['x']); fid = float(pearson(pt[:, 0], te['ens_mean'][:, 0])[0])
        vb = float(spearman(student_heads(pt, T, dc['kind'])['epistemic'][:, 0], std_b)[0]) if std_b is not None else np.nan
        m.append((ev.loc['activity', 'pearson'], fid, ev.loc['uncertainty', 'spearman'], len(hh.history['loss']), time.perf_counter() - t0, vb))
        per.append(f"| {name} | {s} | {m[-1][3]} | {m[-1][0]:.4f} | {m[-1][1]:.3f} | {m[-1][2]:.3f} | {vb:.3f} | {m[-1][4]:.0f} |")
        print(per[-1], flush=True)
    m = np.array(m)
    res.append(f"| {name} | {m[:, 0].mean():.4f} | {m[:, 0].min():.4f}-{m[:, 0].max():.4f} | {m[:, 1].mean():.3f} | {m[:, 2].mean():.3f} | {m[:, 5].mean():.3f} | {m[:, 3].mean():.1f} | {np.median(m[:, 4]):.0f} |")
rep = json.loads((run/'report.json').read_text())
body = f"""Run folder: `{run}` (teachers {rep['teachers']['mean_pearson']:.4f} mean test Pearson, ensemble {rep['ensemble']['pearson']:.4f};
the goals are student >= {rep['ensemble']['pearson'] - 0.01:.4f} and >= {rep['teachers']['mean_pearson'] + 0.015:.4f}).

The student that run trained, per epoch (standardised MSE per head; validation activity is scored against the run's
monitor target):

| epoch | {' | '.join(cols)} |
|---|{'---|' * len(cols)}
{rows}

Students on the same targets and settings (max {tk['max_epochs']} epochs, patience {tk['es_patience']}), seeds {seeds}, test split
(task {dd.targets[0]}; fidelity = Pearson with the ensemble mean; uncertainty = Spearman with the ensemble std; vs B =
Spearman of the student's epistemic std with an independently seeded ensemble B's std, where the run trained one: A vs B
is {ab}):

| early stopping watches | mean student Pearson | range | fidelity | uncertainty | vs B | epochs | median s |
|---|---|---|---|---|---|---|---|
{chr(10).join(res)}

Per seed:

| variant | seed | epochs | student Pearson | fidelity | uncertainty | vs B | s |
|---|---|---|---|---|---|---|---|
{chr(10).join(per)}
"""
print(body)
opts = (f' --max-epochs {a.max_epochs}' if a.max_epochs else '') + (' --default-only' if a.default_only else '') + \
       (' --lrs ' + ' '.join(f'{lr:g}' for lr in a.lrs) if a.lrs else '') + \
       (' --unc-weights ' + ' '.join(f'{w:g}' for w in a.unc_weights) if a.unc_weights else '') + \
       (' --dynamic ' + ' '.join(a.dynamic) if a.dynamic else '') + (f' --seeds {a.seeds}' if a.seeds != 3 else '')
record('student_monitor' + (f'_{label}' if label else ''), 'What the student\'s early stopping watches, and weight averaging' + (f' ({label})' if label else ''),
       'python benchmarks/experiments/student_monitor.py RUN_DIR' + (f' {label}' if label else '') + opts, body)
