"""End to end against the original protocol: N DeepSTARR teachers plus a distilled student, trained once the way the
original DEGU scripts do it (plain float32 `model.fit`, a Python loop over members, `model.predict` for the targets) and
once with degu (`Ensemble.train`, `distill_targets`, `train_student`), with the same epochs, patience and batch size.

Run: python benchmarks/e2e_protocol.py [--quick] [--members 5] [--epochs 10]

The full DeepSTARR set cannot be downloaded on the project machine, so this runs on the embedded lentiMPRA HepG2 data
(230 bp); `--quick` cuts training to 3,000 sequences and 3 epochs for a smoke run."""
import argparse, os, sys, tempfile, time
os.environ.setdefault('TF_CPP_MIN_LOG_LEVEL', '3')
sys.path.insert(0, os.path.dirname(__file__))
import numpy as np, keras
from _record import record
from degu.data import load_dataset
from degu.models import DeepSTARR
from degu.ensemble import Ensemble
from degu.distill import distill_targets, train_student
from degu.train import predict
from degu.utils import pearson as _pearson
pearson = lambda a, b: float(np.ravel(_pearson(a, b))[0])

ap = argparse.ArgumentParser(); ap.add_argument('--quick', action='store_true'); ap.add_argument('--members', type=int, default=5)
ap.add_argument('--epochs', type=int, default=10); a = ap.parse_args()
ds = load_dataset('lentimpra_hepg2', seed=0)
n = 3000 if a.quick else len(ds.x_train); E = 3 if a.quick else a.epochs; M = a.members
xt, yt, xv, yv, xs, ys = ds.x_train[:n], ds.y_train[:n], ds.x_valid, ds.y_valid, ds.x_test, ds.y_test
L, T = ds.seq_len, ds.y_train.shape[1]; pat = dict(es=max(2, E // 3), lr=max(1, E // 5))

def plain_fit(model, x, y, val):
    "The original scripts: float32 arrays, Adam, MSE, early stopping (best weights) and LR decay on val_loss."
    model.compile(keras.optimizers.Adam(1e-3), loss='mse')
    cb = [keras.callbacks.EarlyStopping(patience=pat['es'], restore_best_weights=True),
          keras.callbacks.ReduceLROnPlateau(factor=0.1, patience=pat['lr'])]
    model.fit(x.astype('float32'), y, validation_data=(val[0].astype('float32'), val[1]), epochs=E, batch_size=128, callbacks=cb, verbose=0)
    return model

t0 = time.perf_counter(); members = []
for i in range(M):
    keras.utils.set_random_seed(i); members.append(plain_fit(DeepSTARR((L, 4), T), xt, yt, (xv, yv)))
pt = np.stack([m.predict(xt.astype('float32'), batch_size=512, verbose=0) for m in members])
pv = np.stack([m.predict(xv.astype('float32'), batch_size=512, verbose=0) for m in members])
keras.utils.set_random_seed(1000)
stu = plain_fit(DeepSTARR((L, 4), 2*T), xt, np.c_[pt.mean(0), pt.std(0)], (xv, np.c_[yv, pv.std(0)]))
t_plain = time.perf_counter() - t0
pe = np.stack([m.predict(xs.astype('float32'), batch_size=512, verbose=0) for m in members]).mean(0)
r_plain = (pearson(pe[:, 0], ys[:, 0]), pearson(stu.predict(xs.astype('float32'), verbose=0)[:, 0], ys[:, 0]))

from degu.data import SeqDataset
dsub = SeqDataset({'train': {k: v[:n] for k, v in ds.splits['train'].items()}, 'valid': ds.splits['valid'], 'test': ds.splits['test']},
                  ds.targets)
t0 = time.perf_counter()
ens = Ensemble('DeepSTARR', M, prefix=f'{tempfile.mkdtemp()}/t', seed=0,
               train_kwargs=dict(max_epochs=E, es_patience=pat['es'], lr_patience=pat['lr'], batch_size=128))
ens.train(xt, yt, (xv, yv), verbose=0)
dd = distill_targets(ens, dsub, 'std', verbose=0)
st, _ = train_student(dd, 'DeepSTARR', seed=1000, max_epochs=E, es_patience=pat['es'], lr_patience=pat['lr'], batch_size=128, verbose=0)
t_degu = time.perf_counter() - t0
r_degu = (pearson(ens.predict_all(xs)['mean'][:, 0], ys[:, 0]), pearson(predict(st, xs)[:, 0], ys[:, 0]))

body = f"""{M} DeepSTARR teachers + 1 student, {n:,} lentiMPRA HepG2 training sequences of {L} bp, at most {E} epochs (early stopping
after {pat['es']}, LR x0.1 after {pat['lr']}), batch 128, both paths in one process{' (--quick smoke run)' if a.quick else ''}.

| path | wall s | test Pearson: ensemble | student |
|---|---|---|---|
| original protocol (plain float32 `model.fit`, loop over members) | {t_plain:.0f} | {r_plain[0]:.3f} | {r_plain[1]:.3f} |
| degu (`Ensemble.train`, `distill_targets`, `train_student`) | {t_degu:.0f} | {r_degu[0]:.3f} | {r_degu[1]:.3f} |

degu / plain wall time: **{t_degu / t_plain:.2f}x** (goal 0.6x or less at equal test Pearson)."""
record('e2e_protocol' + ('_quick' if a.quick else ''), 'End to end: the original protocol vs degu', 'python benchmarks/e2e_protocol.py' + (' --quick' if a.quick else ''), body)
