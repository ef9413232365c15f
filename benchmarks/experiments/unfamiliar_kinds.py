"""Which kinds of sequence does the uncertainty call unfamiliar, and does it raise false alarms? (issue 28)

The shift sets the pipeline scores (random DNA, shuffles, a foreign library, repeats) are far from the data. Here, from
each finished run's test split, kinds a user meets that the pipeline does not score: in distribution by construction
(the reverse complement, since both orientations of every element were trained on; chimeras of two test sequences
joined at the middle), a graded walk away from the data (10%, 20% and 40% of the bases redrawn at random), a shift of
composition (30% of A/T bases turned to G/C, or of G/C to A/T), the sequence read backwards without complementing
(same composition, every k-mer reversed), 20% of each sequence masked as N, and one or five bases masked as N inside
the sequence (what an assembly gap or a masked SNP leaves). AUROC of each score for the set against
the unshifted test split (0.5: blind; for the in-distribution kinds 0.5 is the right answer): the run's own novelty
(`novelty_distance` with the run's stored model), the student's epistemic and total std, the ensemble's epistemic std.

Run: python benchmarks/experiments/unfamiliar_kinds.py RUN [RUN ...] [--n 500]"""
import argparse, json, os, sys, time
import numpy as np
sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..'))

def kinds(x, seed=0)->dict:
    "Sets `{name: (n, L, 4)}` built from test sequences `x` (N and padding rows all-zero stay so, except 'N window')."
    from degu.data import revcomp
    rng = np.random.default_rng(seed); n, L, _ = x.shape; eye = np.eye(4, dtype=x.dtype); base = x.any(-1)
    def mutate(rate):
        y = x.copy(); hit = (rng.random((n, L)) < rate) & base
        y[hit] = eye[rng.integers(0, 4, int(hit.sum()))]; return y
    def swap(frm, to, frac=0.3):          # frm/to: base indices in ACGT order
        y = x.copy(); b = x.argmax(-1); hit = np.isin(b, frm) & base & (rng.random((n, L)) < frac)
        y[hit] = eye[rng.choice(to, int(hit.sum()))]; return y
    def chimera():
        o = rng.permutation(n); h = L//2; y = x.copy(); y[:, h:] = x[o, h:]; return y
    def n_window(frac=0.2):
        y = x.copy(); w = int(frac*L)
        for i in range(n): s = rng.integers(0, L - w + 1); y[i, s:s + w] = 0
        return y
    def n_inside(w):                       # w bases masked at least 10 bases from the sequence's first and last base
        y = x.copy()
        for i in range(n):
            b = np.flatnonzero(base[i]); s = rng.integers(b[0] + 10, b[-1] - 10 - w); y[i, s:s + w] = 0
        return y
    return {'reverse complement': revcomp(x), 'chimera of two test sequences': chimera(),
            'mutate 10%': mutate(0.1), 'mutate 20%': mutate(0.2), 'mutate 40%': mutate(0.4),
            'A/T -> G/C 30%': swap([0, 3], [1, 2]), 'G/C -> A/T 30%': swap([1, 2], [0, 3]),
            'reversed, not complemented': x[:, ::-1].copy(), 'N window 20%': n_window(),
            'one N inside': n_inside(1), 'five N inside': n_inside(5)}

def kind_aurocs(path, n:int=500)->dict:
    "{set: {score: AUROC against the run's test split}} for one finished run."
    from degu.run import load_run
    from degu.train import predict
    from degu.uncertainty import auroc, student_heads, novelty_distance
    r = load_run(path); dd = r._dd; T = len(r.targets)
    xt = dd.splits['test']['x']; xs = kinds(xt[np.random.default_rng(1).permutation(len(xt))[:n]])
    def scores(x):
        h = student_heads(predict(r.student, x, 512), T, r.kind); e = r.ensemble.predict_all(x, 512)
        return {'novelty': novelty_distance(x, r.novelty), 'student epistemic': h['epistemic'][:, 0],
                'student total': h['total'][:, 0], 'ensemble epistemic': e['std'][:, 0]}
    b = scores(xt)
    return {name: {s: auroc(b[s], v) for s, v in scores(x).items()} for name, x in xs.items()}

if __name__ == '__main__':
    from _record import record
    ap = argparse.ArgumentParser(); ap.add_argument('runs', nargs='+'); ap.add_argument('--n', type=int, default=500)
    a = ap.parse_args(); rows, numbers = [], {}
    for path in a.runs:
        t0 = time.time(); res = kind_aurocs(path, a.n); cols = list(next(iter(res.values())))
        kind = json.loads(open(os.path.join(path, 'config.json')).read())['shift']['novelty']
        rows += [f"| {path} ({kind}) | {name} | " + ' | '.join(f'{v[c]:.3f}' for c in cols) + ' |' for name, v in res.items()]
        numbers[path] = res; print(path, f'{time.time() - t0:.0f} s', flush=True)
    body = f"""{len(a.runs)} finished run(s) (in brackets: the run's novelty); {a.n} sequences per set, built from each run's test
split; AUROC of each score for the set against the whole unshifted test split (0.5: blind; for the reverse complement
and the chimeras, 0.5 is right).

| run | set | {' | '.join(cols)} |
|---|---|{'---|'*len(cols)}
{chr(10).join(rows)}
"""
    record('unfamiliar_kinds', 'Unfamiliar kinds the pipeline does not score, and false alarms (issue 28)',
           f'python benchmarks/experiments/unfamiliar_kinds.py {" ".join(a.runs)}', body, numbers=numbers)
