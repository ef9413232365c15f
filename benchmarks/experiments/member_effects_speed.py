"""Question (2026-12-07, issue 29): the fidelity stage (ISM of 30 test sequences by the student and by each teacher) took
10.5 s of the 336-s quickstart. How much of it went to scoring the teachers one at a time (a new fused model per
member: weights read, graph built and traced five times), against one pass of the run's fused ensemble
(`variants.member_effects` since this commit)?

Both on the same sequences of a finished run, in one process, alternating; the first call of each warms up and is
not counted. The per-member effects of the two must agree.

Run: python benchmarks/experiments/member_effects_speed.py RUN [--reps 3]"""
import argparse, os, sys, time
import numpy as np
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from _record import record

ap = argparse.ArgumentParser(); ap.add_argument('run'); ap.add_argument('--reps', type=int, default=3)
a = ap.parse_args()
from degu.run import load_run
from degu.variants import ism, member_effects
run = load_run(a.run); cfg = run.config; dd = run._dd; ens = run.ensemble
k = cfg['evaluate']['fidelity_seqs']
x = dd.x_test[np.sort(np.random.default_rng(cfg['split']['seed']).choice(len(dd.x_test), k, replace=False))]

def one_at_a_time(x, ens):
    "The former `member_effects`: one member's ensemble at a time."
    return np.stack([ism(x, ensemble=ens.subset([i]))['ensemble_effect'] for i in range(ens.n_members)])

fns = {'one member at a time (before)': one_at_a_time, 'one fused pass (member_effects now)': member_effects}
times = {n: [] for n in fns}; out = {}
for rep in range(a.reps + 1):
    for n, f in fns.items():
        t = time.time(); out[n] = f(x, ens); dt = time.time() - t
        if rep: times[n].append(dt)
a_, b_ = out.values(); diff = float(np.nanmax(np.abs(a_ - b_)))
med = {n: float(np.median(v)) for n, v in times.items()}; base = med['one member at a time (before)']
body = [f"ISM of the fidelity stage's {len(x)} test sequences ({3*x.shape[1]*len(x):,} substitutions) by each of "
        f"{ens.n_members} teachers; median of {a.reps} calls each, alternating, in one process, after one warm-up call "
        f"each. Largest difference between the two ways' per-member effects: {diff:.1e}.", '',
        '| how | s (median) | speed-up |', '|---|---|---|']
body += [f"| {n} | {m:.2f} | {base/m:.2f}x |" for n, m in med.items()]
assert diff < 1e-4, diff
record('member_effects_speed', "The teachers' ISM effects in one fused pass (issue 29)",
       'python benchmarks/experiments/member_effects_speed.py ' + ' '.join(sys.argv[1:]), '\n'.join(body),
       numbers={'median_s': med, 'max_abs_diff': diff, 'n_seqs': len(x), 'reps': a.reps})
