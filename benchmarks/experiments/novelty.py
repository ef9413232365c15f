"""Question (2026-12-05): Which k-mer profile distance recognises unfamiliar sequences, and at what k?
Answer: Mahalanobis distance of 5-mer profiles: AUROC 0.999 random DNA, 0.999 mono shuffles, 0.996 Drosophila library,
0.964 dinucleotide shuffles on lentiMPRA; k = 6 gains at most 0.03 (5% mutations) and is 13x slower to fit, so
shift.novelty_k = 5 (AMD EPYC).

Which k-mer profile distance recognises unfamiliar sequences? (issue 28, part 1)

For each data set the novelty model (`degu.uncertainty.fit_novelty`) is fitted on the training split only; the shift sets
are those of `degu run` (the default levels, seed 0) built from the test split. AUROC of novelty for each shifted set
against the unshifted test split, for k = 3..6, and the seconds to fit and score.
Data sets: the embedded lentiMPRA HepG2 split (230 bp), the embedded DeepSTARR sample (249 bp; its foreign library is
lentiMPRA) and a check table: lentiMPRA cropped at random to 80-110 bp and padded with N (ragged), 6,000 rows.

Run: python benchmarks/experiments/novelty.py [--ks 3 4 5 6] [--kinds kmer markov]"""
import argparse, os, sys, time
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import numpy as np
from _record import record
from degu.data import load_dataset, decode, one_hot, split_arrays, group_keys
from degu.pipeline import DEFAULT_CONFIG, shift_levels
from degu.shift import make_shift_sets
from degu.uncertainty import fit_novelty, novelty_distance, auroc
import copy

ap = argparse.ArgumentParser(); ap.add_argument('--ks', type=int, nargs='+', default=[3, 4, 5, 6])
ap.add_argument('--kinds', nargs='+', default=['kmer'], help="novelty distances: 'kmer' (Mahalanobis of the profile), 'markov'")
ap.add_argument('--run', help='a finished lentiMPRA run (e.g. the quickstart): adds its student\'s feature-space distance and the combination')
a = ap.parse_args()

def short_table(seed=0, rows=6000):
    full = load_dataset('lentimpra_hepg2'); rng = np.random.default_rng(seed)
    cat = lambda k: np.concatenate([full.splits[s][k] for s in ('train', 'valid', 'test')])
    x, y, ids = cat('x'), cat('y')[:, :1], cat('ids')
    idx = np.sort(rng.permutation(len(x))[:rows]); seqs = decode(x[idx]); L = rng.integers(80, 111, len(idx))
    cut = [s[(len(s) - l)//2:(len(s) - l)//2 + l] for s, l in zip(seqs, L)]
    return split_arrays(one_hot(cut, ragged='pad'), y[idx], ids[idx], group_keys(ids[idx]), seed=seed)

DATA = {'lentiMPRA HepG2 (embedded)': ('lentimpra_hepg2', lambda: load_dataset('lentimpra_hepg2')),
        'DeepSTARR sample (embedded)': ('deepstarr_sample', lambda: load_dataset('deepstarr_sample')),
        'check table: lentiMPRA 80-110 bp, ragged': ('table.tsv', short_table)}
rows = []
for name, (src, load) in DATA.items():
    ds = load(); cfg = copy.deepcopy(DEFAULT_CONFIG); cfg['data']['source'] = src
    levels, _ = shift_levels(cfg)
    sets = make_shift_sets(ds.x_test, levels, 1, 0)
    for kind, k in [(kd, k) for kd in a.kinds for k in a.ks]:
        t0 = time.perf_counter(); m = fit_novelty(ds.x_train, k, 0.1, kind=kind); t_fit = time.perf_counter() - t0
        t0 = time.perf_counter(); d = {s: novelty_distance(v['x'], m) for s, v in sets.items()}; t_sc = time.perf_counter() - t0
        au = {('foreign' if s.startswith('foreign') else s): auroc(d['unshifted'], v) for s, v in d.items() if s != 'unshifted'}
        rows.append((name, len(ds.x_train), f'{kind} {k}' if len(a.kinds) > 1 else k, au, t_fit, t_sc, sum(len(v['x']) for v in sets.values())))
        print(name, kind, k, {s: round(v, 3) for s, v in au.items()}, f'{t_fit:.1f} s fit, {t_sc:.1f} s score', flush=True)
def features(run_dir):
    "The student's last hidden layer (input of its final Dense), as a Keras model."
    import keras
    from degu.run import load_run
    st = load_run(run_dir).student; base = next(l for l in st.layers if isinstance(l, keras.Model))
    return keras.Model(base.input, base.layers[-2].output)

def maha(f_fit, shrink=0.1):
    "Mahalanobis distance to features `f_fit`, covariance shrunk toward its diagonal."
    mu = f_fit.mean(0); c = np.cov(f_fit, rowvar=False); c = (1 - shrink)*c + shrink*np.diag(np.diag(c)) + 1e-9*np.eye(len(c))
    P = np.linalg.pinv(c, hermitian=True)
    return lambda f: np.sqrt(np.maximum((((f - mu) @ P)*(f - mu)).sum(1), 0))

if a.run:
    from degu.train import predict
    ds = load_dataset('lentimpra_hepg2'); cfg = copy.deepcopy(DEFAULT_CONFIG); levels, _ = shift_levels(cfg)
    sets = make_shift_sets(ds.x_test, levels, 1, 0); fm = features(a.run)
    idx = np.random.default_rng(0).permutation(len(ds.x_train)); half, ref = idx[:len(idx)//2], idx[len(idx)//2:]
    t0 = time.perf_counter(); F = predict(fm, ds.x_train); dist = maha(F[half]); t_fit = time.perf_counter() - t0
    t0 = time.perf_counter(); df = {s: dist(predict(fm, v['x'])) for s, v in sets.items()}; t_sc = time.perf_counter() - t0
    kn = fit_novelty(ds.x_train, 5); dk = {s: novelty_distance(v['x'], kn) for s, v in sets.items()}
    pct = lambda d, refd: np.searchsorted(np.sort(refd), d, side='right')/len(refd)
    rf, rk = dist(F[ref]), kn['train_distances']
    comb = {s: (pct(df[s], rf) + pct(dk[s], rk))/2 for s in sets}
    for name, d, tf in ((f'student features (Mahalanobis), {a.run}', df, t_fit), ('k-mer 5 + student features (mean percentile)', comb, float('nan'))):
        au = {('foreign' if s.startswith('foreign') else s): auroc(d['unshifted'], v) for s, v in d.items() if s != 'unshifted'}
        rows.append((name, len(ds.x_train), '-', au, tf, t_sc, sum(len(v['x']) for v in sets.values())))
        print(name, {s: round(v, 3) for s, v in au.items()}, flush=True)
levels = list(rows[0][3])
body = f"""AUROC of the k-mer profile novelty (Mahalanobis distance, covariance shrunk 10% toward its diagonal, fitted on one
half of the training split, as `fit_novelty` does; with `--kinds`, `markov k` is `fit_novelty(kind='markov')`: the mean
-log-likelihood per base under an order k - 1 Markov chain of the same half) for each shifted set against the unshifted test split; fit and score times in seconds (score: every
set). The foreign library is the other embedded one (Drosophila for lentiMPRA, lentiMPRA for DeepSTARR). With `--run`:
the same distance in the run's student's last hidden layer (fitted on the same half of the lentiMPRA training split), and
the mean of the two percentiles.

| data (n train) | k | {' | '.join(levels)} | fit s | score s (n) |
|---|---|{'---|' * len(levels)}---|---|
""" + '\n'.join(f"| {n} ({nt:,}) | {k} | " + ' | '.join(f'{au.get(l, float("nan")):.3f}' for l in levels) + f" | {tf:.1f} | {ts:.1f} ({ns:,}) |"
               for n, nt, k, au, tf, ts, ns in rows)
record('novelty_kmer', 'Novelty: k-mer profile distance by k, and a Markov chain (issue 28)', 'python benchmarks/experiments/novelty.py ' + ' '.join(sys.argv[1:]), body)
