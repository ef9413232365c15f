"""Does the uncertainty recognise low-complexity DNA: homopolymers and tandem repeats? (issue 28)

A Markov chain of the training sequences can find a homopolymer as likely as a natural sequence (each base predicts the
next one well), so its novelty, and the student's in-graph prior built on it, may miss it. For each finished run, from
its test split: the whole sequence one base ('homopolymer'); a random 3-8-mer repeated ('tandem'); 40% of each sequence
replaced by one base ('homopolymer_window') or by a dinucleotide repeat ('dinuc_window'); and random DNA for reference.
AUROC against the unshifted test split of: each kind of novelty distance (`uncertainty.fit_novelty`, k of the run, fitted
here on the run's training split), the student's epistemic and total std (the run's student, whose prior follows the
run's own `shift.novelty`), the ensemble's epistemic std.

Run: python benchmarks/experiments/low_complexity.py RUN [RUN ...] [--key KEY]"""
import argparse, os, sys, time
import numpy as np
sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..'))

def _windows(x, rng, fill):
    x = x.copy(); L = x.shape[1]; w = int(0.4*L)
    for i in range(len(x)):
        s = rng.integers(0, L - w + 1); x[i, s:s + w] = fill(rng, w)
    return x

def sets(x, seed=0):
    "Low-complexity sets `{name: (n, L, 4)}` of the same shape as test sequences `x`."
    rng = np.random.default_rng(seed); n, L, _ = x.shape; eye = np.eye(4, dtype=x.dtype)
    def tandem(rng, w):
        u = rng.integers(0, 4, rng.integers(3, 9)); return eye[np.resize(u, w)]
    def dinuc(rng, w):
        b = rng.choice(4, 2, replace=False); return eye[np.resize(b, w)]
    return {'homopolymer': eye[np.repeat(rng.integers(0, 4, n), L).reshape(n, L)],
            'tandem': np.stack([tandem(rng, L) for _ in range(n)]),
            'homopolymer_window': _windows(x, rng, lambda r, w: eye[np.full(w, r.integers(0, 4))]),
            'dinuc_window': _windows(x, rng, dinuc),
            'random': eye[rng.integers(0, 4, (n, L))]}

def low_complexity_aurocs(path, n:int=500)->dict:
    "{set: {score: AUROC against the run's test split}} for one finished run."
    from degu.run import load_run
    from degu.train import predict
    from degu.uncertainty import auroc, student_heads, fit_novelty, novelty_distance, NOVELTY_KINDS
    r = load_run(path); dd = r._dd; T = len(r.targets)
    xt = dd.splits['test']['x']; xs = sets(xt[np.random.default_rng(1).permutation(len(xt))[:n]])
    k = r.config['shift']['novelty_k']; nov = {c: fit_novelty(dd.x_train, k, kind=c) for c in NOVELTY_KINDS}
    def scores(x):
        h = student_heads(predict(r.student, x, 512), T, r.kind); e = r.ensemble.predict_all(x, 512)
        return {**{f'novelty {c}': novelty_distance(x, m) for c, m in nov.items()},
                'student epistemic': h['epistemic'][:, 0], 'student total': h['total'][:, 0],
                'ensemble epistemic': e['std'][:, 0]}
    base = scores(xt)
    return {name: {s: auroc(base[s], v) for s, v in scores(x).items()} for name, x in xs.items()}

if __name__ == '__main__':
    from _record import record
    ap = argparse.ArgumentParser(); ap.add_argument('runs', nargs='+'); ap.add_argument('--n', type=int, default=500)
    ap.add_argument('--key', default='low_complexity'); a = ap.parse_args()
    import json
    rows, numbers = [], {}
    for path in a.runs:
        t0 = time.time(); res = low_complexity_aurocs(path, a.n); cols = list(next(iter(res.values())))
        kind = json.loads(open(os.path.join(path, 'config.json')).read())['shift']['novelty']
        rows += [f"| {path} ({kind}) | {name} | " + ' | '.join(f'{v[c]:.3f}' for c in cols) + ' |' for name, v in res.items()]
        numbers[path] = res; print(path, f'{time.time() - t0:.0f} s', flush=True)
    body = f"""{len(a.runs)} finished run(s) (in brackets: the novelty behind each student's prior); {a.n} sequences per set, built
from each run's test split; AUROC of each score for the set against the whole unshifted test split (0.5: blind).

| run | set | {' | '.join(cols)} |
|---|---|{'---|'*len(cols)}
{chr(10).join(rows)}
"""
    record(a.key, 'Low-complexity DNA: homopolymers and tandem repeats (issue 28)',
           f'python benchmarks/experiments/low_complexity.py {" ".join(a.runs)}' + (f' --key {a.key}' if a.key != 'low_complexity' else ''),
           body, numbers=numbers)
