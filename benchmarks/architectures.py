"""Which architecture should a teacher be, at the same wall-clock budget? (issue 29, part 3)

Each architecture trains once per data set with the `degu run` teacher protocol (Adam 1e-3, batch 128, early stopping
after 10 epochs, LR x0.1 after 5, 200 warm-up steps, best weights restored) and a wall-clock budget: training stops at
the first epoch end past the budget (best weights restored). Reported: epochs, median seconds per epoch, test Pearson
(mean over tasks) and parameters. Data: the embedded lentiMPRA HepG2 split, and the finished runs' data sets given with
`--runs` (e.g. the check tables), each with its own split.

Run: python benchmarks/architectures.py [--models SmallCNN:0.5 LegNet:0.25 ...] [--budget 450] [--runs RUN ...]
     [--run-budget 100]"""
import argparse, os, sys, time
import numpy as np
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _record import record
import keras
from degu.data import load_dataset, read_h5
from degu.models import get_model
from degu.train import train_standard_fun, predict
from degu.utils import pearson

ap = argparse.ArgumentParser()
ap.add_argument('--models', nargs='+', default=['SmallCNN:0.5', 'DeepSTARR:0.5', 'ResidualBind:0.5', 'LegNet:0.25',
                                                'LegNet:0.5'])
ap.add_argument('--budget', type=float, default=450); ap.add_argument('--runs', nargs='+', default=[])
ap.add_argument('--run-budget', type=float, default=100); ap.add_argument('--seed', type=int, default=0)
ap.add_argument('--no-lentimpra', action='store_true'); a = ap.parse_args()

class Budget(keras.callbacks.Callback):
    "Stop at the first epoch end past `seconds`; record each epoch's duration."
    def __init__(self, seconds): super().__init__(); self.seconds, self.times = seconds, []
    def on_train_begin(self, logs=None): self.t0 = time.perf_counter()
    def on_epoch_begin(self, epoch, logs=None): self.te = time.perf_counter()
    def on_epoch_end(self, epoch, logs=None):
        self.times.append(time.perf_counter() - self.te)
        if time.perf_counter() - self.t0 > self.seconds: self.model.stop_training = True

sets = [] if a.no_lentimpra else [('lentiMPRA HepG2 (embedded)', load_dataset('lentimpra_hepg2'), a.budget)]
sets += [(os.path.basename(os.path.dirname(os.path.normpath(r))) or r, read_h5(os.path.join(r, 'dataset.h5')), a.run_budget)
         for r in a.runs]
res, lines = {}, []
for dname, ds, budget in sets:
    T = ds.y_train.shape[1]; res[dname] = {'n_train': int(len(ds.x_train)), 'seq_len': int(ds.x_train.shape[1]),
                                            'budget_s': budget, 'models': {}}
    for spec in a.models:
        arch, width = spec.split(':')[0], float(spec.split(':')[1]) if ':' in spec else 1.0
        m = get_model(arch, seed=a.seed, input_shape=ds.x_train.shape[1:], n_outputs=T, width=width)
        b = Budget(budget); t0 = time.perf_counter()
        h = train_standard_fun(m, ds.x_train, ds.y_train, (ds.x_valid, ds.y_valid), max_epochs=100, es_patience=10,
                               lr_patience=5, warmup_steps=200, seed=a.seed, verbose=0, callbacks=[b])
        wall = time.perf_counter() - t0
        p = predict(m, ds.x_test)[:, :T]
        r = float(np.mean([pearson(p[:, t], ds.y_test[:, t])[0] for t in range(T)]))
        out = {'params': int(m.count_params()), 'epochs': len(b.times), 's_per_epoch': float(np.median(b.times)),
               'wall_s': wall, 'test_pearson': r, 'stopped_by': 'budget' if wall > budget else 'early stopping'}
        res[dname]['models'][spec] = out
        lines.append(f"| {dname} ({len(ds.x_train):,} train, {ds.x_train.shape[1]} bp) | {arch} | {width:g} | "
                     f"{out['params']:,} | {out['epochs']} | {out['s_per_epoch']:.1f} | {wall:.0f} | {out['stopped_by']} | "
                     f"{r:.4f} |")
        print(lines[-1], flush=True)
        keras.backend.clear_session()

body = f"""One model per line, seed {a.seed}, the `degu run` teacher protocol with a wall-clock budget ({a.budget:.0f} s on the
embedded data, {a.run_budget:.0f} s on the check tables): training stops at the first epoch end past it, best weights
restored. Test Pearson: mean over tasks; s/epoch: median epoch time, validation included.

| data | architecture | width | parameters | epochs | s/epoch | s | stopped by | test Pearson |
|---|---|---|---|---|---|---|---|---|
{chr(10).join(lines)}
"""
record('architectures', 'Architectures at the same wall-clock budget: LegNet, SmallCNN, DeepSTARR, ResidualBind (issue 29)',
       'python benchmarks/architectures.py ' + ' '.join(sys.argv[1:]), body, numbers=res)
