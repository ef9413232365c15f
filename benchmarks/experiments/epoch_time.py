"""Question (2026-11-22): Why does the quickstart use SmallCNN at width 0.5?
Answer: an epoch on the full lentiMPRA training split takes 3.8 s at width 0.5 against 7.2 s at width 1 (0.53x), AMD
EPYC.

Why the quickstart uses SmallCNN at width 0.5: seconds per training epoch on the full lentiMPRA training split.

Each width trains with `train_standard_fun` (the quickstart's path, validation included) for --epochs epochs; the
first epoch (graph tracing) is dropped and the median of the rest is reported, side by side in one run.

Run: python benchmarks/experiments/epoch_time.py [--epochs 4] [--widths 1.0 0.5]"""
import argparse, os, sys, time
os.environ.setdefault('TF_CPP_MIN_LOG_LEVEL', '3')
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import numpy as np, keras
from _record import record
from degu.data import load_dataset
from degu.models import SmallCNN
from degu.train import train_standard_fun

ap = argparse.ArgumentParser(); ap.add_argument('--epochs', type=int, default=4)
ap.add_argument('--widths', type=float, nargs='+', default=[1.0, 0.5]); a = ap.parse_args()
ds = load_dataset('lentimpra_hepg2', seed=0)

class EpochClock(keras.callbacks.Callback):
    "Wall time of every epoch."
    def on_train_begin(self, logs=None): self.times = []
    def on_epoch_begin(self, epoch, logs=None): self.t0 = time.perf_counter()
    def on_epoch_end(self, epoch, logs=None): self.times.append(time.perf_counter() - self.t0)

rows = []
for w in a.widths:
    keras.utils.set_random_seed(0); m = SmallCNN(ds.x_train.shape[1:], 1, width=w); clock = EpochClock()
    train_standard_fun(m, ds.x_train, ds.y_train, (ds.x_valid, ds.y_valid), max_epochs=a.epochs, es_patience=a.epochs,
                       verbose=0, callbacks=[clock])
    rows.append((w, m.count_params(), float(np.median(clock.times[1:]))))
base = rows[0][2]
body = f"""SmallCNN, {len(ds.x_train):,} training sequences of {ds.seq_len} bp, batch 128, validation on {len(ds.x_valid):,} each epoch;
median of epochs 2-{a.epochs}.

| width | parameters | s / epoch | relative to width {rows[0][0]:g} |
|---|---|---|---|
""" + '\n'.join(f'| {w:g} | {n:,} | {t:.1f} | {t / base:.2f} |' for w, n, t in rows) + '\n'
record('epoch_time', 'Training epoch time of the quickstart model by width',
       'python benchmarks/experiments/epoch_time.py', body)
