"""Question (2026-12-07, issue 29): a quickstart student epoch keeps the 2 cores 1.5 busy of 2 (CPU time over wall time,
2 epochs measured), at batch 128. Does a batch of 256 (the gradient term on a quarter of it, as at 128) train the student
in less wall time, with the same accuracy and ISM fidelity?

For each finished run and seed: the teachers' input gradients at the student's sequences once (timed), then one
student per batch size, trained exactly as `degu run` trains the run's student (`pipeline.recipe_data`, the in-graph prior,
the run's `distill` settings), one after another in one process. Per student: epochs, wall time of its training, test
Pearson against the measured activity and against the ensemble's, and the fidelity stage's ISM Pearson (the run's own
30 test sequences, all substitutions). The batch-128 line at the run's own seed reproduces the run's student.

Run: python benchmarks/experiments/student_batch.py --runs RUN [RUN ...] --seeds 1000 1001 --batch-sizes 128 256"""
import argparse, os, sys, time
import numpy as np
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from _record import record

ap = argparse.ArgumentParser()
ap.add_argument('--runs', nargs='+', required=True); ap.add_argument('--seeds', type=int, nargs='+', default=[1000])
ap.add_argument('--batch-sizes', type=int, nargs='+', default=[128, 256]); ap.add_argument('--key', default='student_batch')
a = ap.parse_args()

from degu.run import load_run
from degu.pipeline import recipe_data, student_prior, student_train_kwargs, arch_kwargs
from degu.distill import train_student, teacher_gradients
from degu.train import predict
from degu.variants import ism, member_effects, fidelity_report

rows = []
for path in a.runs:
    run = load_run(path); cfg = run.config; dd = run._dd; ens = run.ensemble; dc = cfg['distill']
    d2, _ = recipe_data(cfg, dd, ens, run.path, 0)
    t0 = time.time(); g = teacher_gradients(ens, d2.x_train); tg = time.time() - t0
    k = cfg['evaluate']['fidelity_seqs']
    idx = np.sort(np.random.default_rng(cfg['split']['seed']).choice(len(dd.x_test), min(k, len(dd.x_test)), replace=False))
    xf = dd.x_test[idx]; me = member_effects(xf, ens)
    y, ye = dd.splits['test']['y'][:, 0], dd.splits['test']['ens_mean'][:, 0]
    pr = student_prior(cfg, run.path, dd); T = len(dd.targets)
    for seed in a.seeds:
        for bs in a.batch_sizes:
            t0 = time.time(); c0 = os.times(); tk = {**student_train_kwargs(cfg), 'batch_size': bs}
            m, h = train_student(d2, cfg['model']['arch'], seed=seed, model_kwargs=arch_kwargs(cfg, student=True),
                                 monitor=dc['monitor'], verbose=0, gradients=g, gradient_weight=dc['gradient_weight'],
                                 gradient_per_batch=bs//4, prior=pr, **tk)
            w = time.time() - t0; c1 = os.times(); cpu = (c1.user + c1.system) - (c0.user + c0.system)
            p = predict(m, dd.x_test)[:, 0]
            se = ism(xf, student=m, n_tasks=T, kind=dc['kind'])['effect']
            r = dict(run=path, seed=seed, batch=bs, busy=round(cpu/w, 2), epochs=len(h.history['loss']), wall=round(w, 1),
                     gradients_s=round(tg, 1), test=float(np.corrcoef(p, y)[0, 1]), vs_ensemble=float(np.corrcoef(p, ye)[0, 1]),
                     ensemble=float(np.corrcoef(ye, y)[0, 1]), ism=fidelity_report(se, me, dd.targets)['student']['pearson'])
            rows.append(r); print(r, flush=True)

body = ["One student per line, trained as `degu run` trains the run's student but for its batch size (the gradient term "
        "on a quarter of each batch); same teachers, targets, gradients and seed within a run and seed. `cores busy`: "
        "CPU time over wall time of the training. "
        "`gradients`: the teachers' input gradients at the student's sequences, computed once per run (every batch size "
        "needs them all). Wall: the student's training alone, one process, one student after another.", '',
        '| run | seed | batch | cores busy | epochs | wall s | s / epoch | test Pearson (ensemble) | gap | ISM vs ensemble | gradients s |',
        '|---|---|---|---|---|---|---|---|---|---|---|']
body += [f"| {r['run']} | {r['seed']} | {r['batch']} | {r['busy']:.2f} | {r['epochs']} | {r['wall']:.0f} | {r['wall']/r['epochs']:.1f} | "
         f"{r['test']:.4f} ({r['ensemble']:.4f}) | {r['test'] - r['ensemble']:+.4f} | {r['ism']:.3f} | {r['gradients_s']:.0f} |"
         for r in rows]
record(a.key, "The student's batch size (issue 29)",
       'python benchmarks/experiments/student_batch.py ' + ' '.join(sys.argv[1:]), '\n'.join(body), numbers={'rows': rows})
