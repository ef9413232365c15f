"""Question (2026-12-07, issue 29): the student's gradient-matching term costs a third of each quickstart student epoch
(2 epochs: 21.4 s with it, 15.0 s without, AMD EPYC) and is applied to the first 32 sequences of every batch of 128.
Does a smaller share (16, 8) keep what the term is for (ISM fidelity to the ensemble) and the student's accuracy, and
how much wall time does it save?

For each finished run and seed: the teachers' input gradients at the student's sequences once (timed), then one
student per share, trained exactly as `degu run` trains the run's student (`pipeline.recipe_data`, the in-graph prior,
the run's `distill` settings), one after another in one process. Per student: epochs, wall time of its training, test
Pearson against the measured activity and against the ensemble's, and the fidelity stage's ISM Pearson (the run's own
30 test sequences, all substitutions). The share 32 line at the run's own seed reproduces the run's student.

Run: python benchmarks/experiments/gradient_share.py --runs RUN [RUN ...] --seeds 1000 1001 --shares 32 16 8"""
import argparse, os, sys, time
import numpy as np
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from _record import record

ap = argparse.ArgumentParser()
ap.add_argument('--runs', nargs='+', required=True); ap.add_argument('--seeds', type=int, nargs='+', default=[1000])
ap.add_argument('--shares', type=int, nargs='+', default=[32, 16, 8]); ap.add_argument('--key', default='gradient_share')
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
        for share in a.shares:
            t0 = time.time()
            m, h = train_student(d2, cfg['model']['arch'], seed=seed, model_kwargs=arch_kwargs(cfg, student=True),
                                 monitor=dc['monitor'], verbose=0, gradients=g, gradient_weight=dc['gradient_weight'],
                                 gradient_per_batch=share, prior=pr, **student_train_kwargs(cfg))
            w = time.time() - t0; p = predict(m, dd.x_test)[:, 0]
            se = ism(xf, student=m, n_tasks=T, kind=dc['kind'])['effect']
            r = dict(run=path, seed=seed, share=share, epochs=len(h.history['loss']), wall=round(w, 1),
                     gradients_s=round(tg, 1), test=float(np.corrcoef(p, y)[0, 1]), vs_ensemble=float(np.corrcoef(p, ye)[0, 1]),
                     ensemble=float(np.corrcoef(ye, y)[0, 1]), ism=fidelity_report(se, me, dd.targets)['student']['pearson'])
            rows.append(r); print(r, flush=True)

body = ["One student per line, trained as `degu run` trains the run's student but for the gradient term's share of each "
        "batch of 128 (`gradient_per_batch`); same teachers, targets, gradients and seed within a run and seed. "
        "`gradients`: the teachers' input gradients at the student's sequences, computed once per run (every share "
        "needs them all). Wall: the student's training alone, one process, one student after another.", '',
        '| run | seed | share of 128 | epochs | wall s | s / epoch | test Pearson (ensemble) | gap | ISM vs ensemble | gradients s |',
        '|---|---|---|---|---|---|---|---|---|---|']
body += [f"| {r['run']} | {r['seed']} | {r['share']} | {r['epochs']} | {r['wall']:.0f} | {r['wall']/r['epochs']:.1f} | "
         f"{r['test']:.4f} ({r['ensemble']:.4f}) | {r['test'] - r['ensemble']:+.4f} | {r['ism']:.3f} | {r['gradients_s']:.0f} |"
         for r in rows]
record(a.key, "The gradient term's share of each student batch (issue 29)",
       'python benchmarks/experiments/gradient_share.py ' + ' '.join(sys.argv[1:]), '\n'.join(body), numbers={'rows': rows})
