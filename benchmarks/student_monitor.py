"""What the student's early stopping watches, measured on a finished run (e.g. the quickstart's folder).

Prints the student's per-epoch losses by head from DIR/student_history.json (what `degu run` trained), then trains two
more students on DIR/distill.h5 with the same settings: early stopping on (a) the activity heads' validation loss
against measured activity (degu's default, `distill.monitor: activity`), (b) the activity heads' agreement with the
ensemble mean on the validation split (fidelity), and (c) the summed loss of all heads (`distill.monitor: loss`).

Run: python benchmarks/quickstart_time.py --out /tmp/qs && python benchmarks/student_monitor.py /tmp/qs [LABEL]
(LABEL records a separate section, e.g. for a run on another table)."""
import json, os, sys, time
sys.path.insert(0, os.path.dirname(__file__))
from pathlib import Path
from _record import record
from degu.data import read_h5, SeqDataset
from degu.distill import train_student, eval_student

run = Path(sys.argv[1]); label = sys.argv[2] if len(sys.argv) > 2 else ''; cfg = json.loads((run/'config.json').read_text()); dc = cfg['distill']
h = json.loads((run/'student_history.json').read_text())
cols = [k for k in ('activity_loss', 'val_activity_loss', 'uncertainty_loss', 'val_uncertainty_loss') if k in h]
rows = '\n'.join(f"| {e + 1} | " + ' | '.join(f'{h[k][e]:.3f}' for k in cols) + ' |' for e in range(len(h['loss'])))
dd = read_h5(run/'distill.h5'); T = len(dd.targets)
v = dict(dd.splits['valid']); yd = v['y_distill'].copy(); yd[:, :T] = v['ens_mean']; v['y_distill'] = yd
fid = SeqDataset({**dd.splits, 'valid': v}, dd.targets, dd.provenance)
tk = {k: dc[k] for k in ('max_epochs', 'es_patience', 'lr_patience', 'batch_size')}
res = []
for name, data, mon in [('activity vs measured y (default)', dd, 'activity'), ('activity vs ensemble mean (fidelity)', fid, 'activity'),
                        ('all heads summed', dd, 'loss')]:
    t0 = time.perf_counter()
    st, hh = train_student(data, cfg['model']['arch'], seed=dc['seed'], model_kwargs=dict(width=cfg['model']['width']),
                           monitor=mon, verbose=0, **tk)
    ev = eval_student(st, dd).set_index('head')
    res.append(f"| {name} | {len(hh.history['loss'])} | {ev.loc['activity', 'pearson']:.3f} | {ev.loc['uncertainty', 'spearman']:.3f} | {time.perf_counter() - t0:.0f} |")
rep = json.loads((run/'report.json').read_text())
body = f"""Run folder: `{run}` (teachers {rep['teachers']['mean_pearson']:.3f} mean test Pearson, ensemble {rep['ensemble']['pearson']:.3f}).

The student that run trained, per epoch (standardised MSE per head; validation activity is scored against measured
activity, training activity against the ensemble mean, which is why the two differ by an order of magnitude):

| epoch | {' | '.join(cols)} |
|---|{'---|' * len(cols)}
{rows}

Three students on the same targets and settings (max {tk['max_epochs']} epochs, patience {tk['es_patience']}), test split:

| early stopping watches | epochs run | student Pearson | uncertainty Spearman vs ensemble std | s |
|---|---|---|---|---|
{chr(10).join(res)}
"""
record('student_monitor' + (f'_{label}' if label else ''), 'What the student\'s early stopping watches' + (f' ({label})' if label else ''),
       'python benchmarks/student_monitor.py RUN_DIR' + (f' {label}' if label else ''), body)
