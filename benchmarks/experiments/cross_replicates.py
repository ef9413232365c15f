"""Question (2026-12-03): Over several independently seeded ensembles, does a student's uncertainty agree with another
ensemble's better than ensembles agree with each other?
Answer: yes: ratio 2.18 over 3 full-lentiMPRA ensembles (student vs other ensemble 0.272, ensemble vs other ensemble
0.125; every ensemble >= 1.98), Intel Xeon.

Cross-ensemble agreement of uncertainty, replicated: K independently seeded ensembles of the run's size, and a student
of each, so that "student vs an independent ensemble" and "ensemble vs an independent ensemble" are averaged over every
ordered pair instead of resting on one ensemble B.

One pair (A, B) gives a noisy ratio: on the quickstart, the Spearman of two 5-teacher stds ranged from -0.02 to 0.13 over
10 pairs of ensembles, so the ratio's denominator depends on which B (or which CPU) one happens to have. Ensemble 0 is the run's (its teachers and student
are reused), ensemble 1 is the run's ensemble B where one exists (RUN_DIR/teachers_b or RUN_DIR/growth/teachers_b, `_runs.second_ensemble`),
the others are trained under RUN_DIR/replicates/ with their distillation targets (seed + 10,000 k; resumable: finished members and students are kept).
Every student is trained with the run's settings (`pipeline.fit_student`), at each `--unc-weights` value.

Reports on the test split, per task: the mean (and range) over ordered pairs i != j of Spearman(ensemble i's std,
ensemble j's std) and of Spearman(student of i's epistemic std, ensemble j's std), their ratio, the students'
agreement with their own ensembles and with each other, and the students' test Pearson. Then why small ensembles agree so little:
each ensemble's member Pearsons, and (K >= 4) the agreement of pools of two disjoint ensembles, twice the members.

Run: python benchmarks/experiments/cross_replicates.py RUN_DIR LABEL [--ensembles 3] [--unc-weights 0.3 0.1]"""
import argparse, itertools, json, os, sys, time
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from pathlib import Path
import numpy as np
from _record import record
from degu.data import read_h5
from degu.pipeline import calibration_split, make_ensemble, fit_student, student_targets
from _runs import second_ensemble
from degu.train import predict
from degu.uncertainty import student_heads, replicate_agreement
from degu.utils import pearson, spearman, std

ap = argparse.ArgumentParser(); ap.add_argument('run'); ap.add_argument('label')
ap.add_argument('--ensembles', type=int, default=3, help='independent ensembles, the run\'s included (at least 2)')
ap.add_argument('--unc-weights', type=float, nargs='+', default=None, help="students at these uncertainty-head loss weights (default: the run's)")
a = ap.parse_args()
if a.ensembles < 2: sys.exit('--ensembles must be at least 2: agreement needs two independent ensembles')
run = Path(a.run); cfg = json.loads((run/'config.json').read_text()); dc, n = cfg['distill'], cfg['ensemble']['n']
weights = a.unc_weights or [dc['uncertainty_weight']]
ds, _ = calibration_split(cfg, read_h5(run/'dataset.h5')); T, K = len(ds.targets), a.ensembles
sp = lambda u, v: float(spearman(np.asarray(u, np.float64), np.asarray(v, np.float64))[0])
ens, t_ens = [], []
for k in range(K):
    c = {**cfg, 'ensemble': {**cfg['ensemble'], 'seed': cfg['ensemble']['seed'] + 10_000*k}}
    e = second_ensemble(cfg, run, ds.x_train, ds.y_train) if k == 1 else None     # the run's B: finished, used as it is
    if e is None:                                # the run's teachers (finished), or trained here (resumable)
        e = make_ensemble(c, run) if k == 0 else make_ensemble(c, run/'replicates', name=f'teachers_{k}')
        e.train(ds.x_train, ds.y_train, (ds.x_valid, ds.y_valid), verbose=1, retry_failed=cfg['ensemble']['retry_failed'])
    ens.append(e)
    t_ens.append(sum(json.loads(pth.with_name(pth.name.replace('.weights.h5', '.json')).read_text()).get('seconds') or 0 for pth in e.weight_paths))
mem = [e.predict_members(ds.x_test) for e in ens]                              # K x (n, N, T) member means
stds = [std(m) for m in mem]                                                    # K x (N, T): each ensemble's epistemic std
res, t_stu = {}, []
for w in weights:
    epi, pr = [], []
    for k, e in enumerate(ens):
        dd = student_targets(cfg, e, ds, run/'distill.h5' if k == 0 else run/'replicates'/f'distill_{k}.h5')   # one teacher pass, kept
        spath = run/'replicates'/f'student_{k}_w{w:g}.weights.h5'
        if k == 0 and w == dc['uncertainty_weight'] and (run/'student.weights.h5').exists(): spath = run/'student.weights.h5'
        t0, fresh = time.perf_counter(), not spath.exists()
        st = fit_student({**cfg, 'distill': {**dc, 'uncertainty_weight': w}}, dd, e, spath, verbose=0)   # loaded when finished
        if fresh: t_stu.append(time.perf_counter() - t0)
        h = student_heads(predict(st, ds.x_test), T, dc['kind'])
        epi.append(h['epistemic']); pr.append([float(pearson(h['mean'][:, t], ds.y_test[:, t])[0]) for t in range(T)])
        print(f'[replicates] weight {w:g}, student of ensemble {k}: Pearson {np.round(pr[-1], 4).tolist()}', flush=True)
    res[w] = (epi, np.array(pr))
rows, mats, RUNS = [], [], " (the run's)"
ags = {w: replicate_agreement(epi, stds, ds.targets) for w, (epi, _) in res.items()}
for w, (epi, pr) in res.items():
    ag = ags[w]
    for t in range(T):
        r = ag['by_task'][str(ds.targets[t])]; be = r['by_ensemble'].values()
        rng = lambda k: f"{min(b[k] for b in be):.3f}-{max(b[k] for b in be):.3f}"
        rat = [b['ratio'] for b in be]
        rows.append(f"| {w:g} | {ds.targets[t]} | {r['ensemble_vs_other_ensemble']:.3f} ({rng('ensemble_vs_others')}) | "
                    f"{r['student_vs_other_ensemble']:.3f} ({rng('student_vs_others')}) | **{r['ratio']:.2f}** | {np.median(rat):.2f}, {sum(x >= 1.5 for x in rat)} of {K} | "
                    f"{r['student_vs_own_ensemble']:.3f} | {r['student_vs_other_student']:.3f} | {pr[:, t].mean():.4f} |")
        if w != weights[0]: continue
        m = [[sp(epi[i][:, t], stds[j][:, t]) for j in range(K)] for i in range(K)]
        mats.append(f"Task {ds.targets[t]}, weight {w:g}: row i, column j is Spearman(student of ensemble i, ensemble j's std); "
                    f"under it, Spearman(ensemble i's std, ensemble j's std):\n\n| | " + ' | '.join(f'ensemble {j}' for j in range(K)) + ' |\n|---|'
                    + '---|'*K + '\n' + '\n'.join(f'| student of {i} | ' + ' | '.join(f'{m[i][j]:.3f}' for j in range(K)) + ' |' for i in range(K))
                    + '\n' + '\n'.join(f'| ensemble {i} | ' + ' | '.join('-' if i == j else f'{sp(stds[i][:, t], stds[j][:, t]):.3f}' for j in range(K)) + ' |' for i in range(K)))
        mats.append(f"Per ensemble (task {ds.targets[t]}, weight {w:g}): its student's and its own mean agreement with the other ensembles "
                    "(`by_ensemble`), and their ratio:\n\n| ensemble | student vs others | ensemble vs others | ratio |\n|---|---|---|---|\n"
                    + '\n'.join(f"| {i}{RUNS if i == '0' else ''} | {b['student_vs_others']:.3f} | {b['ensemble_vs_others']:.3f} | {b['ratio']:.2f} |"
                                 for i, b in r['by_ensemble'].items()))
pooled = []
for t in range(T):
    mp = [[float(pearson(x[:, t], ds.y_test[:, t])[0]) for x in m] for m in mem]
    quads = [q for q in itertools.combinations(range(K), 4)][:5]
    halves = [(p, q) for a, b, c, d in quads for p, q in (((a, b), (c, d)), ((a, c), (b, d)), ((a, d), (b, c)))]
    pool = lambda p: std(np.concatenate([mem[i] for i in p]))[:, t]
    pp = [(p, q, sp(pool(p), pool(q))) for p, q in halves]
    pooled.append(f"Task {ds.targets[t]}: member Pearson " + '; '.join(f'ensemble {k} {min(v):.3f}-{max(v):.3f}' for k, v in enumerate(mp))
                  + (f". Pools of {2*n}: " + ', '.join(f'({p[0]} + {p[1]}) vs ({q[0]} + {q[1]}) {v:.3f}' for p, q, v in pp)
                     + f" (mean {np.mean([v[-1] for v in pp]):.3f}, against {ags[weights[0]]['by_task'][str(ds.targets[t])]['ensemble_vs_other_ensemble']:.3f} for single ensembles)"
                     if pp else f' (pools need 4 ensembles or more)'))
body = f"""Run: `{run}` ({n} {cfg['model']['arch']} teachers at width {cfg['model']['width']}, aleatoric {cfg['ensemble']['aleatoric']}).
{K} independently seeded ensembles of {n} (seeds {', '.join(str(cfg['ensemble']['seed'] + 10_000*k) for k in range(K))}; ensemble 0 is the run's;
training time of each ensemble, summed over its members' records: {', '.join(f'{t:,.0f} s' for t in t_ens)}), a student of each (students trained here:
{len(t_stu)}, median {np.median(t_stu) if t_stu else 0:.0f} s). Test split, {len(ds.x_test):,} sequences; Spearman of epistemic stds
(`uncertainty.replicate_agreement`): means over the {K*(K - 1)} ordered pairs i != j, with the range of the per-ensemble
means in brackets. The ratio is mean(student vs other ensemble) / mean(ensemble vs other ensemble); the issue's goal is 1.5.
"per ensemble" is the median of each ensemble's own ratio and how many reach 1.5.

| unc. weight | task | ensemble vs other ensemble | student vs other ensemble | ratio | per ensemble | student vs own ensemble | student vs other student | student Pearson (mean) |
|---|---|---|---|---|---|---|---|---|
{chr(10).join(rows)}

{(chr(10)*2).join(mats)}

Why small ensembles agree so little, per task: the members' test Pearson in each ensemble (a weak member would
dominate the std), and the agreement of {2*n}-member pools of two disjoint ensembles, e.g. (0 + 1) vs (2 + 3):

{(chr(10)*2).join(pooled)}
"""
record(f'cross_replicates_{a.label}', f'Cross-ensemble agreement over {K} independent ensembles ({a.label})',
       f"python benchmarks/experiments/cross_replicates.py RUN_DIR {a.label} --ensembles {K}" + (f" --unc-weights {' '.join(f'{w:g}' for w in weights)}" if a.unc_weights else ''), body)
