"""Question (2026-12-06): Does the novelty's covariance shrinkage matter on small tables, where 2,400 sequences fit a
1,024 x 1,024 covariance? Would a data-chosen shrinkage (Ledoit-Wolf) beat the fixed 0.1?
Answer: on the check tables it does not matter (Ledoit-Wolf picks 0.15-0.23 there, every AUROC within 0.003 of 0.1's);
on the quickstart's 9,836 fitting sequences Ledoit-Wolf picks 0.041 and near-data shifts gain: deletions 0.697 -> 0.768,
dinucleotide shuffles 0.964 -> 0.975, 5% mutations 0.771 -> 0.782. So `shift.novelty_shrink: auto` (AMD EPYC).

For each finished run: its training split (distill.h5) and its shift sets (shifted.h5); `fit_novelty(k=5, shrink=s)`
for s in 0.1, 0.3, 0.5, 0.9 and the Ledoit-Wolf intensity (toward the diagonal, computed on the half that fits);
AUROC of the novelty distance of each shift set against the unshifted test split.

Run: python benchmarks/experiments/novelty_shrink.py RUN [RUN ...]"""
import sys
import numpy as np, h5py
from degu.shift import read_shift_sets
from degu.uncertainty import fit_novelty, novelty_distance, kmer_profile, auroc

def ledoit_wolf(f)->float:
    "Ledoit-Wolf shrinkage intensity of the sample covariance of `f` `(n, d)` toward its diagonal."
    n = len(f); X = (f - f.mean(0)).astype(np.float64); S = X.T @ X/n
    X2 = X**2; pi = (X2.T @ X2)/n - S**2; off = ~np.eye(len(S), dtype=bool)
    return float(np.clip(pi[off].sum()/n/(S[off]**2).sum(), 0, 1))

for run in sys.argv[1:]:
    with h5py.File(f'{run}/distill.h5') as h: xtr = h['Train/X'][()]
    sets = read_shift_sets(f'{run}/shifted.h5')
    idx = np.random.default_rng(0).permutation(len(xtr)); a = np.sort(idx[:len(xtr)//2])   # fit_novelty's half, seed 0
    lam = ledoit_wolf(kmer_profile(xtr[a], 5))
    print(f'{run}: {len(a):,} fitting sequences, Ledoit-Wolf shrinkage {lam:.3f}', flush=True)
    for s in sorted([0.1, 0.3, 0.5, 0.9, lam]):
        m = fit_novelty(xtr, 5, shrink=s); d = {n: novelty_distance(v['x'], m) for n, v in sets.items()}
        print(f'  shrink {s:.3f}', {n: round(auroc(d['unshifted'], d[n]), 3) for n in d if n != 'unshifted'}, flush=True)
