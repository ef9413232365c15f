"""Build a check table from the shipped data, unlike the embedded set in size, length and format, and its config.

A headerless, ragged three-column table (id, sequence, activity) of ROWS lentiMPRA sequences: ROWS/2 elements drawn
from every split (seeded) with both orientations, so the grouped split keeps an element's two orientations together;
each sequence cropped at random to 200-230 bp (`--length A B`: centred crops of A-B bp instead; `--noise S`: activity plus
N(0, (S x its std)^2), the short, weak, noisy table of issue 29 is `--length 80 110 --noise 0.5`). Plus a config for it: the `degu run` defaults (the paper's protocol, at most 30 epochs; the
quickstart's fast early stopping fails on tables this small, see BENCHMARKS.md) with the quickstart's model width. The teachers and student never see a table
shaped like this during development: it checks that the defaults are not tuned to the embedded set.

Run: python benchmarks/check_table.py OUT_DIR [--rows 6000] [--seed 1] [--length A B] [--noise S]
then: degu run OUT_DIR/check.yaml --out OUT_DIR/run"""
import argparse, sys
from pathlib import Path
import numpy as np, yaml
from degu.data import load_dataset, decode
from degu.pipeline import example_config

ap = argparse.ArgumentParser(); ap.add_argument('out'); ap.add_argument('--rows', type=int, default=6000); ap.add_argument('--seed', type=int, default=1)
ap.add_argument('--length', type=int, nargs=2); ap.add_argument('--noise', type=float, default=0.)
a = ap.parse_args(); out = Path(a.out); out.mkdir(parents=True, exist_ok=True)
ds = load_dataset('lentimpra_hepg2'); rng = np.random.default_rng(a.seed)
from degu.data import group_keys, LENTIMPRA_GROUP
cat = lambda k: np.concatenate([ds.splits[s][k] for s in ('train', 'valid', 'test')])
x, y, ids = cat('x'), cat('y')[:, 0], cat('ids'); g = group_keys(ids)
u, n = np.unique(g, return_counts=True); pairs = u[n == 2]
keep = rng.permutation(len(pairs))[:a.rows // 2]; idx = np.flatnonzero(np.isin(g, pairs[keep])); idx = idx[rng.permutation(len(idx))]
seqs = decode(x[idx]); cut = rng.integers(0, 31, len(idx))
if a.length: cut = np.array([len(s) for s in seqs]) - rng.integers(a.length[0], a.length[1] + 1, len(idx))
yy = y[idx] + rng.normal(0, a.noise*y.std(), len(idx)) if a.noise else y[idx]
(out/'check.txt').write_text(''.join(f'{i}\t{s[c // 2: len(s) - (c - c // 2)]}\t{v:.4f}\n' for i, s, c, v in zip(ids[idx], seqs, cut, yy)))
cfg = {'model': {'width': example_config('quickstart')['model']['width']},   # paper protocol, epochs capped at 30 (a 4,800-row
       'ensemble': {'max_epochs': 30}, 'distill': {'max_epochs': 30}}            # table otherwise creeps on at LR 1e-7)
cfg['data'] = {'source': str((out/'check.txt').resolve()), 'header': False, 'id_col': 0, 'seq_col': 1, 'target_cols': [2],
               'group_pattern': LENTIMPRA_GROUP, 'ragged': 'pad'}
(out/'check.yaml').write_text(yaml.safe_dump(cfg, sort_keys=False))
span = f'{a.length[0]}-{a.length[1]}' if a.length else '200-230'
print(f'{out/"check.txt"}: {len(idx):,} rows ({len(keep):,} elements x 2 orientations), {span} bp, noise {a.noise:g}, no header; '
      f'config {out/"check.yaml"}')
