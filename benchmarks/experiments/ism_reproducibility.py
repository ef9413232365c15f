"""How much of an ensemble's ISM effects would another ensemble reproduce? (issue 33: the fidelity goal's ceiling)

Two finished runs A and B on the same data and split, whose teachers (and students) differ only in their seeds. ISM of
the fidelity stage's test sequences (the same selection as `degu run`'s `variants.fidelity`), all 3L substitutions, and
Pearson (`effect_fidelity`) of: ensemble A against ensemble B; each student against its own ensemble and the other; the
two students against each other; each teacher against the other members of its ensemble (leave-one-out). With r_AB the
correlation of two independent M-member ensembles, sqrt(r_AB) estimates how well ensemble A follows the limit of
infinitely many teachers (the part of its effects a re-run would reproduce); a student that learned only that part would
follow ensemble A at about sqrt(r_AB), and above it only by copying A's own teachers' quirks.

Run: python benchmarks/experiments/ism_reproducibility.py RUN_A RUN_B [--seqs 30] [--key KEY]"""
import argparse, os, sys, time
sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..'))
import numpy as np
from _record import record
from degu.run import load_run
from degu.variants import ism, member_effects, effect_fidelity

ap = argparse.ArgumentParser(); ap.add_argument('run_a'); ap.add_argument('run_b')
ap.add_argument('--seqs', type=int, default=None, help='test sequences (default: the run\'s evaluate.fidelity_seqs)')
ap.add_argument('--key', default='ism_reproducibility'); a = ap.parse_args()
t0 = time.perf_counter()
ra, rb = load_run(a.run_a), load_run(a.run_b)
da, db = ra._dd, rb._dd
xt = da.splits['test']['x']
if xt.shape != db.splits['test']['x'].shape or not np.array_equal(xt, db.splits['test']['x']):
    sys.exit(f"{a.run_a} and {a.run_b} have different test splits; both runs need the same data and split seed")
cfg = ra.config; k = a.seqs or cfg['evaluate'].get('fidelity_seqs', 30) or 30
x = xt[np.sort(np.random.default_rng(cfg['split']['seed']).choice(len(xt), min(k, len(xt)), replace=False))]
ma, mb = member_effects(x, ra.ensemble), member_effects(x, rb.ensemble)            # (M, N, L, 4, T)
sa = ism(x, student=ra.student, n_tasks=len(ra.targets), kind=ra.kind)['effect']
sb = ism(x, student=rb.student, n_tasks=len(rb.targets), kind=rb.kind)['effect']
ea, eb = ma.mean(0), mb.mean(0)
P = lambda u, v: effect_fidelity(u, v, targets=ra.targets)['pearson']
loo = lambda m: [P(m[i], (m.sum(0) - m[i])/(len(m) - 1)) for i in range(len(m))]
r = {'ensemble A vs ensemble B': P(ea, eb), 'student A vs ensemble A': P(sa, ea), 'student A vs ensemble B': P(sa, eb),
     'student B vs ensemble B': P(sb, eb), 'student B vs ensemble A': P(sb, ea), 'student A vs student B': P(sa, sb),
     'ensemble A vs the 10 teachers of A and B': P(ea, (ea + eb)/2)}
la, lb = loo(ma), loo(mb); ceil = float(np.sqrt(max(r['ensemble A vs ensemble B'], 0)))
wall = time.perf_counter() - t0
rows = '\n'.join(f'| {n} | {v:.3f} |' for n, v in r.items())
body = f"""Runs: A `{a.run_a}` (ensemble seed {cfg['ensemble']['seed']}, student seed {cfg['distill']['seed']}) and B `{a.run_b}`
(ensemble seed {rb.config['ensemble']['seed']}, student seed {rb.config['distill']['seed']}), same data and split; {len(ma)} and {len(mb)} teachers.
ISM of {len(x)} test sequences (the fidelity stage's selection), all substitutions; Pearson over them (`effect_fidelity`).
{wall:.0f} s in all.

| pair | Pearson |
|---|---|
{rows}
| teacher of A vs the other teachers of A (leave-one-out) | {min(la):.3f}-{max(la):.3f} |
| teacher of B vs the other teachers of B | {min(lb):.3f}-{max(lb):.3f} |
| sqrt(ensemble A vs ensemble B): ensemble A vs the limit of infinitely many teachers | **{ceil:.3f}** |
"""
print(body)
record(a.key, 'How much of an ensemble\'s ISM effects would another ensemble reproduce? (issue 33)',
       'python benchmarks/experiments/ism_reproducibility.py ' + ' '.join(sys.argv[1:]), body,
       numbers={**r, 'teachers_loo_a': la, 'teachers_loo_b': lb, 'sqrt_ab': ceil, 'n_seqs': len(x),
                'run_a': a.run_a, 'run_b': a.run_b, 'wall_s': wall})
