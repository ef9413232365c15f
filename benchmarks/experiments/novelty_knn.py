"""Question (2026-12-05, issue 28): on small check tables (4,800 training rows), does a k-nearest-neighbour distance in
k-mer profile space (cosine, mean over the 10 nearest training profiles) recognise shifted sequences better than degu's
novelty (Mahalanobis distance of the 5-mer profile)? AUROC against the run's own test split, per shift level.
Answer (AMD EPYC): no. ct6000 / ct_short, Drosophila library: Mahalanobis k=5 0.940 / 0.842; kNN k=3 0.919 / 0.785, k=4
0.788 / 0.640, k=5 0.684 / 0.597. kNN k=5 is better on random DNA (0.999 / 0.967 against 0.972 / 0.910) and worse on
mono shuffles (0.958 / 0.932 against 0.993 / 0.988). The novelty stays Mahalanobis.

Run: python benchmarks/experiments/novelty_knn.py RUN [RUN ...]   (e.g. the check-table runs of student_recipes.py)"""
import sys, numpy as np
from degu.shift import read_shift_sets
from degu.data import read_h5
from degu.uncertainty import fit_novelty, novelty, kmer_profile, auroc
for run in sys.argv[1:]:
    ds = read_h5(f'{run}/dataset.h5'); sets = read_shift_sets(f'{run}/shifted.h5')
    xtr = ds.x_train; base = ds.x_test
    out = {}
    for k in (5,):
        m = fit_novelty(xtr, k=k); n0 = novelty(base, m)
        out[f'maha{k}'] = {lv: auroc(n0, novelty(s['x'], m)) for lv, s in sets.items() if lv != 'unshifted'}
    for k in (3, 4, 5):
        F = kmer_profile(xtr, k).astype(np.float32); F /= np.linalg.norm(F, axis=1, keepdims=True) + 1e-9
        def knn(x, K=10, self_=False):
            G = kmer_profile(x, k).astype(np.float32); G /= np.linalg.norm(G, axis=1, keepdims=True) + 1e-9
            d = []
            for a in range(0, len(G), 2000):
                s = G[a:a+2000] @ F.T; s = np.sort(s, 1)[:, ::-1]
                d.append(1 - s[:, 1 if self_ else 0:(K + (1 if self_ else 0))].mean(1))
            return np.concatenate(d)
        b0 = knn(base)
        out[f'knn{k}'] = {lv: auroc(b0, knn(s['x'])) for lv, s in sets.items() if lv != 'unshifted'}
    print(run, len(xtr))
    for n, v in out.items(): print(' ', n, {lv: round(a, 3) for lv, a in v.items()})
