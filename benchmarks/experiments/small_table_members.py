"""Question (2026-12-02): Do teachers fail on small tables, and under which training settings?
Answer: with the old quick defaults (10 epochs, patience 3) 2 of 5 teachers were flagged on both 6,000-row cuts; with
the paper protocol (100 / 10 / 5) 1 and 0, with higher skill (AMD EPYC): degu run uses the paper protocol.

Do teachers fail on small tables, and under which training settings? Tables of 6,000 rows cut from the embedded
lentiMPRA data (three seeded cuts), five SmallCNN teachers each, trained once with the old quickstart-speed defaults
(max 10 epochs, early-stop patience 3, LR x0.1 after 2) and once with the paper protocol (max 100, patience 10, LR x0.1
after 5). Per member: epochs run, skill (1 - validation MSE / MSE of predicting the training mean) and the flag.

Run: python benchmarks/experiments/small_table_members.py [--rows 6000] [--cuts 3]"""
import argparse, json, os, sys, tempfile, time
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import numpy as np
from _record import record
from degu.data import load_dataset, split_arrays, group_keys
from degu.ensemble import Ensemble

ap = argparse.ArgumentParser(); ap.add_argument('--rows', type=int, default=6000); ap.add_argument('--cuts', type=int, default=3)
a = ap.parse_args()
full = load_dataset('lentimpra_hepg2')
X = np.concatenate([full.splits[s]['x'] for s in ('train', 'valid', 'test')])
Y = np.concatenate([full.splits[s]['y'] for s in ('train', 'valid', 'test')])
ids = np.concatenate([full.splits[s]['ids'] for s in ('train', 'valid', 'test')])
SETTINGS = {'old quick defaults (10 / 3 / 2)': dict(max_epochs=10, es_patience=3, lr_patience=2),
            'paper protocol (100 / 10 / 5)': dict(max_epochs=100, es_patience=10, lr_patience=5)}
lines, t0 = [], time.perf_counter()
for cut in range(a.cuts):
    idx = np.sort(np.random.default_rng(cut).permutation(len(X))[:a.rows])
    ds = split_arrays(X[idx], Y[idx], ids[idx], group_keys(ids[idx]), seed=cut)
    for name, tk in SETTINGS.items():
        with tempfile.TemporaryDirectory() as d:
            e = Ensemble('SmallCNN', 5, prefix=f'{d}/t', seed=0, model_kwargs=dict(width=0.5), train_kwargs=tk)
            recs = e.train(ds.x_train, ds.y_train, (ds.x_valid, ds.y_valid), verbose=0)
            fl = e.flagged()
            lines.append(f"| {cut} | {name} | " + ', '.join(str(r['epochs']) for r in recs) + ' | ' +
                         ', '.join(f"{r['skill']:.3f}" for r in recs) + f" | {sorted(fl) or 'none'} |")
        print(lines[-1], flush=True)
body = f"""Tables of {a.rows:,} rows (seeded random cuts of the embedded lentiMPRA HepG2 data, grouped 80/10/10 split), five
SmallCNN (width 0.5) teachers, seeds 0-4. Skill = 1 - validation MSE / MSE of predicting the training mean.

| cut | settings (max epochs / patience / LR patience) | epochs per member | skill per member | flagged |
|---|---|---|---|---|
{chr(10).join(lines)}

Total {time.perf_counter() - t0:.0f} s.
"""
record('small_table_members', 'Teachers on small tables: old defaults vs the paper protocol', 'python benchmarks/experiments/small_table_members.py', body)
