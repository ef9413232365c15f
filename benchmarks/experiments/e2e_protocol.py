"""Question (2026-12-03): Is degu end to end faster than the original protocol at equal test Pearson?
Answer: only slightly: 0.89x the plain wall time with 10,000 sequences and 8 epochs (goal 0.6x: not met), Intel Xeon.

End to end against the original protocol: N DeepSTARR teachers plus a distilled student, trained once the way the
original DEGU scripts do it (plain float32 `model.fit`, a Python loop over members, `model.predict` for the targets) and
once with degu (`Ensemble.train`, `distill_targets`, `train_student`), with the same epochs, patience and batch size.
Each path runs in its own process with its own defaults: the original protocol under TensorFlow's default CPU kernels
(TensorFlow imported first, as the original scripts do), degu with `import degu` first, which turns on oneDNN's kernels
(TensorFlow reads that switch on import). `--same-kernels` runs the original protocol with oneDNN on too.

Run: python benchmarks/experiments/e2e_protocol.py [--quick] [--n N] [--members 5] [--epochs 10] [--same-kernels]

The full DeepSTARR set cannot be downloaded on the project machine, so this runs on the embedded lentiMPRA HepG2 data
(230 bp); `--quick` cuts training to 3,000 sequences and 3 epochs for a smoke run."""
import argparse, json, os, subprocess, sys, tempfile, time
ap = argparse.ArgumentParser(); ap.add_argument('--quick', action='store_true'); ap.add_argument('--members', type=int, default=5)
ap.add_argument('--epochs', type=int, default=10); ap.add_argument('--same-kernels', action='store_true')
ap.add_argument('--n', type=int, default=None, help='training sequences (default: all; 3,000 with --quick)')
ap.add_argument('--part', choices=['plain', 'degu'], default=None, help='internal: run one path, JSON to stdout'); a = ap.parse_args()
os.environ.setdefault('TF_CPP_MIN_LOG_LEVEL', '3')
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
if a.part is None:                                        # the driver: one process per path, then the record
    from _record import record
    res = {}
    for part in ('plain', 'degu'):
        env = dict(os.environ)
        if part == 'plain' and not a.same_kernels: env.pop('TF_ENABLE_ONEDNN_OPTS', None)
        if part == 'plain' and a.same_kernels: env['TF_ENABLE_ONEDNN_OPTS'] = '1'
        cmd = [sys.executable, __file__, '--part', part, '--members', str(a.members), '--epochs', str(a.epochs)] + ['--quick'] * a.quick + (['--n', str(a.n)] if a.n else [])
        p = subprocess.run(cmd, capture_output=True, text=True, env=env)
        line = [l for l in p.stdout.splitlines() if l.startswith('RESULT ')]
        if p.returncode or not line: sys.exit(f'the {part} path failed (exit {p.returncode}):\n{p.stderr[-3000:]}')
        res[part] = json.loads(line[0][7:]); print(part, res[part], flush=True)
    P, D = res['plain'], res['degu']
    body = f"""{D['M']} DeepSTARR teachers + 1 student, {D['n']:,} lentiMPRA HepG2 training sequences of {D['L']} bp, at most {D['E']} epochs (early
stopping after {D['es']}, LR x0.1 after {D['lr']}), batch 128, each path in its own process{' (--quick smoke run)' if a.quick else ''}.

| path | CPU kernels | wall s | test Pearson: ensemble | student |
|---|---|---|---|---|
| original protocol (plain float32 `model.fit`, loop over members) | oneDNN {'on' if P['onednn'] else 'off'}{' (forced)' if a.same_kernels else ' (TF default)'} | {P['wall']:.0f} | {P['ens']:.3f} | {P['stu']:.3f} |
| degu (`Ensemble.train`, `distill_targets`, `train_student`) | oneDNN {'on' if D['onednn'] else 'off'} (degu default) | {D['wall']:.0f} | {D['ens']:.3f} | {D['stu']:.3f} |

degu / plain wall time: **{D['wall'] / P['wall']:.2f}x** (goal 0.6x or less at equal test Pearson)."""
    opts = (' --quick' if a.quick else '') + (f' --n {a.n}' if a.n else '') + (f' --members {a.members}' if a.members != 5 else '') \
           + (f' --epochs {a.epochs}' if a.epochs != 10 and not a.quick else '') + (' --same-kernels' if a.same_kernels else '')
    record('e2e_protocol' + opts.replace(' --', '_').replace(' ', ''), 'End to end: the original protocol vs degu' + (' (same kernels)' if a.same_kernels else ''),
           'python benchmarks/experiments/e2e_protocol.py' + opts, body)
    sys.exit(0)
if a.part == 'degu': import degu                         # first, as a degu user does: it sets degu's kernel default
import numpy as np, keras, tensorflow as tf              # the plain path imports TensorFlow before degu: TensorFlow's default
from tensorflow.python.util import _pywrap_util_port
from degu.data import load_dataset
from degu.models import DeepSTARR
from degu.ensemble import Ensemble
from degu.distill import distill_targets, train_student
from degu.train import predict
from degu.utils import pearson as _pearson
pearson = lambda a, b: float(np.ravel(_pearson(a, b))[0])

ds = load_dataset('lentimpra_hepg2', seed=0)
n = min(a.n or (3000 if a.quick else len(ds.x_train)), len(ds.x_train)); E = 3 if a.quick else a.epochs; M = a.members
xt, yt, xv, yv, xs, ys = ds.x_train[:n], ds.y_train[:n], ds.x_valid, ds.y_valid, ds.x_test, ds.y_test
L, T = ds.seq_len, ds.y_train.shape[1]; pat = dict(es=max(2, E // 3), lr=max(1, E // 5))

def plain_fit(model, x, y, val):
    "The original scripts: float32 arrays, Adam, MSE, early stopping (best weights) and LR decay on val_loss."
    model.compile(keras.optimizers.Adam(1e-3), loss='mse')
    cb = [keras.callbacks.EarlyStopping(patience=pat['es'], restore_best_weights=True),
          keras.callbacks.ReduceLROnPlateau(factor=0.1, patience=pat['lr'])]
    model.fit(x.astype('float32'), y, validation_data=(val[0].astype('float32'), val[1]), epochs=E, batch_size=128, callbacks=cb, verbose=0)
    return model

if a.part == 'plain':
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
    wall, r = t_plain, r_plain
else:
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
    wall, r = t_degu, r_degu
print('RESULT ' + json.dumps(dict(wall=wall, ens=r[0], stu=r[1], onednn=bool(_pywrap_util_port.IsMklEnabled()), M=M, n=n, L=L, E=E, es=pat['es'], lr=pat['lr'])), flush=True)
