"""Shared by the student-training experiments (`gradient_share.py`, `student_batch.py`): students trained exactly as
`degu run` trains a finished run's student (`pipeline.recipe_data`, the in-graph prior, the run's `distill` settings),
but for a few training keywords, scored on what the run's report scores them on."""
import os, time
import numpy as np

def students(paths, seeds, settings):
    """For each run folder and seed, one student per `(label, train_student keywords)` in `settings`, one after another
    in this process; rows of epochs, training wall time and cores busy (CPU over wall time), test Pearson against the
    measured activity and the ensemble's, the fidelity stage's ISM Pearson (the run's own test sequences), the error-rank
    Spearman of the student's total std on test, and the best (kept) epoch."""
    from degu.run import load_run
    from degu.pipeline import recipe_data, student_prior, student_train_kwargs, arch_kwargs
    from degu.distill import train_student, teacher_gradients
    from degu.train import predict
    from degu.variants import ism, member_effects, fidelity_report
    from degu.uncertainty import student_heads
    from degu.distill import MONITORS
    from scipy.stats import spearmanr
    rows = []
    for path in paths:
        run = load_run(path); cfg = run.config; dd = run._dd; ens = run.ensemble; dc = cfg['distill']
        d2, _ = recipe_data(cfg, dd, ens, run.path, 0)
        # the teachers' input gradients at the student's sequences, once per run: every setting needs them all
        t0 = time.time(); g = teacher_gradients(ens, d2.x_train); tg = time.time() - t0
        k = cfg['evaluate']['fidelity_seqs']
        idx = np.sort(np.random.default_rng(cfg['split']['seed']).choice(len(dd.x_test), min(k, len(dd.x_test)),
                                                                         replace=False))
        xf = dd.x_test[idx]; me = member_effects(xf, ens)
        y, ye = dd.splits['test']['y'][:, 0], dd.splits['test']['ens_mean'][:, 0]
        pr = student_prior(cfg, run.path, dd); T = len(dd.targets)
        for seed in seeds:
            for label, kw in settings:
                kw = {'gradient_per_batch': 32, **kw}; tk = {**student_train_kwargs(cfg), **kw}
                t0 = time.time(); c0 = os.times()
                m, h = train_student(d2, cfg['model']['arch'], seed=seed, model_kwargs=arch_kwargs(cfg, student=True),
                                     **{'monitor': dc['monitor'], 'verbose': 0, 'gradients': g,
                                        'gradient_weight': dc['gradient_weight'], 'prior': pr, **tk})
                w = time.time() - t0; c1 = os.times(); cpu = (c1.user + c1.system) - (c0.user + c0.system)
                q = predict(m, dd.x_test); p = q[:, 0]; se = ism(xf, student=m, n_tasks=T, kind=dc['kind'])['effect']
                tot = student_heads(q, T, dc['kind'])['total'][:, 0]
                r = dict(run=path, seed=seed, setting=label, busy=round(cpu/w, 2), epochs=len(h.history['loss']),
                         wall=round(w, 1), gradients_s=round(tg, 1), test=float(np.corrcoef(p, y)[0, 1]),
                         vs_ensemble=float(np.corrcoef(p, ye)[0, 1]), ensemble=float(np.corrcoef(ye, y)[0, 1]),
                         ism=fidelity_report(se, me, dd.targets)['student']['pearson'],
                         err_rank=float(spearmanr(tot, np.abs(p - y))[0]), best=int(np.argmin(h.history[MONITORS[dc['monitor']]])) + 1)
                rows.append(r); print(r, flush=True)
    return rows

def table(rows, setting:str)->list:
    "Markdown lines of `students` rows, the setting's column headed `setting`."
    out = [f'| run | seed | {setting} | cores busy | epochs | wall s | s / epoch | test Pearson (ensemble) | gap | '
           'ISM vs ensemble | gradients s |', '|---|---|---|---|---|---|---|---|---|---|---|']
    return out + [f"| {r['run']} | {r['seed']} | {r['setting']} | {r['busy']:.2f} | {r['epochs']} | {r['wall']:.0f} | "
                  f"{r['wall']/r['epochs']:.1f} | {r['test']:.4f} ({r['ensemble']:.4f}) | {r['test'] - r['ensemble']:+.4f} | "
                  f"{r['ism']:.3f} | {r['gradients_s']:.0f} |" for r in rows]

def best_table(rows, setting:str)->list:
    "Markdown lines of `students` rows' best (kept) epoch and error rank, the setting's column headed `setting`."
    return ['', f'| run | seed | {setting} | best epoch | error rank |', '|---|---|---|---|---|'] + [
        f"| {r['run']} | {r['seed']} | {r['setting']} | {r['best']} | {r['err_rank']:.3f} |" for r in rows]
