"""The README test's headerless ragged table (tests/test_wild_tables.py): are its teachers flagged, with and without the warm-up?

The same table as the test: 6,000 training sequences of the embedded lentiMPRA data (seeded draw), cropped at random to
200-230 bp, headerless, `ragged: pad`; the test's teacher settings (3 teachers of width 0.5, at most 12 epochs, early-stop
patience 4, LR patience 2, one retry). Trained with `ensemble.warmup_steps` 0 (the old recipe) and 200 (the default), for
the ensemble seeds given. Per teacher: skill of each attempt, and whether it is flagged at the end.

Run: python benchmarks/wild_table_teachers.py [--seeds 0 100]"""
import argparse, json, os, sys, tempfile, time
sys.path.insert(0, os.path.dirname(__file__))
from pathlib import Path
import numpy as np
from _record import record
from degu.data import load_dataset, decode
from degu.pipeline import run_pipeline, make_ensemble, validate_config

ap = argparse.ArgumentParser(); ap.add_argument('--seeds', type=int, nargs='+', default=[0, 100]); a = ap.parse_args()
tmp = Path(tempfile.mkdtemp())
ds = load_dataset('lentimpra_hepg2'); rng = np.random.default_rng(1)
idx = rng.permutation(len(ds.x_train))[:6000]; seqs, y = decode(ds.x_train[idx]), ds.y_train[idx, 0]
cut = rng.integers(0, 31, len(seqs))
(tmp/'wild.txt').write_text(''.join(f'{s[c // 2: len(s) - (c - c // 2)]}\t{v:.4f}\n' for s, c, v in zip(seqs, cut, y)))
lines = []
for seed in a.seeds:
    for w in (0, 200):
        cfg = {'data': {'source': str(tmp/'wild.txt'), 'header': False, 'seq_col': 0, 'target_cols': [1], 'ragged': 'pad'},
               'model': {'width': 0.5}, 'ensemble': {'n': 3, 'max_epochs': 12, 'es_patience': 4, 'lr_patience': 2, 'seed': seed,
                                                     'warmup_steps': w}}
        out = tmp/f'run_{seed}_{w}'; t0 = time.perf_counter()
        run_pipeline(cfg, out, until='ensemble', verbose=0)
        e = make_ensemble(validate_config(cfg), out); fl = e.flagged()
        recs = [json.loads((out/'teachers'/f'teacher_{i}.json').read_text()) for i in range(3)]
        att = '; '.join('/'.join(f"{t['skill']:.3f}" for t in r['attempts']) for r in recs)
        lines.append(f"| {seed} | {w} | {', '.join(str(r['epochs']) for r in recs)} | {att} | "
                     f"{sum(len(r['attempts']) > 1 for r in recs)} | {sorted(fl) or 'none'} | {time.perf_counter() - t0:.0f} |")
        print(lines[-1], flush=True)
body = f"""The README test's headerless ragged table (6,000 rows, 200-230 bp, padded to 230), its teacher settings (3 teachers,
width 0.5, at most 12 epochs, patience 4, LR patience 2, one retry). Skill per attempt (first/retry) = 1 - validation MSE
/ MSE of predicting the training mean; "flagged" is judged against all members at the end (what the test asserts empty).

| ensemble seed | warmup_steps | epochs per teacher | skill per attempt, per teacher | retried | flagged | s |
|---|---|---|---|---|---|---|
{chr(10).join(lines)}
"""
record('wild_table_teachers', "The README test's headerless ragged table: teachers with and without the warm-up (issue 29)",
       'python benchmarks/wild_table_teachers.py ' + ' '.join(sys.argv[1:]), body, numbers={'rows': lines})
