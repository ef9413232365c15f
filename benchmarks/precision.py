"""Does mixed precision or XLA make training faster on this CPU, at what cost in accuracy? (issue 29 part 4)

In ONE process, interleaved epoch by epoch (REPS timed epochs each, after one traced warm-up): plain Keras `model.fit` on
N embedded lentiMPRA training sequences (float32 arrays, batch 128, Adam 1e-3, MSE) under float32, float32 with the train
step compiled by XLA (`jit_compile=True`), and Keras `mixed_bfloat16` (the output cast back to float32 by a float32
linear layer, as a head would be). And degu's own path: `get_model(..., precision='auto')` (what
`model.precision: auto` resolves to on this machine) trained by `train_standard_fun` on uint8 arrays. Then accuracy: each
setting trained for EPOCHS epochs from SEEDS seeds, mean test Pearson on the embedded test split. The CPU's bfloat16
support (AVX512_BF16 / AMX flags) is printed with the figures; results go to `precision` on AMD CPUs, `precision_xeon`
on Intel ones (one block per CPU kind).

Run: python benchmarks/precision.py [--archs DeepSTARR SmallCNN] [--n 8000] [--reps 5] [--epochs 5] [--seeds 2]"""
import argparse, os, sys, time
sys.path.insert(0, os.path.dirname(__file__))
import numpy as np
ap = argparse.ArgumentParser(); ap.add_argument('--archs', nargs='+', default=['DeepSTARR', 'SmallCNN'])
ap.add_argument('--n', type=int, default=8000); ap.add_argument('--reps', type=int, default=5)
ap.add_argument('--epochs', type=int, default=5); ap.add_argument('--seeds', type=int, default=2); a = ap.parse_args()
import keras
import degu
from degu.data import load_dataset
from degu.models import get_model, resolve_precision
from degu.train import train_standard_fun
from degu.utils import pearson
from _record import record, cpu

flags = next((l.split(':', 1)[1].split() for l in open('/proc/cpuinfo') if l.startswith('flags')), [])
bf16 = [f for f in ('avx512_bf16', 'amx_bf16') if f in flags]
ds = load_dataset('lentimpra_hepg2'); x = ds.x_train[:a.n].astype('float32'); y = ds.y_train[:a.n]
xu = ds.x_train[:a.n]; xt, yt = ds.x_test.astype('float32'), ds.y_test
AUTO = resolve_precision('auto')
DEGU = f'degu train_standard_fun, precision auto ({AUTO})'
CONF = {'float32': ('float32', False), 'float32 + XLA': ('float32', True), 'mixed_bfloat16': ('mixed_bfloat16', False),
        DEGU: (AUTO, 'degu')}

def fit(k, m, epochs=1):
    "One setting's training: plain fit on float32 arrays, or degu's train_standard_fun on uint8."
    if CONF[k][1] == 'degu': train_standard_fun(m, xu, y, None, max_epochs=epochs, compile=False, verbose=0)
    else: m.fit(x, y, batch_size=128, epochs=epochs, verbose=0)

def make(arch, policy, jit, seed=0):
    if jit == 'degu':                # degu's own path: the precision keyword, its float32 cast, its optimizer
        m = get_model(arch, seed=seed, input_shape=x.shape[1:], n_outputs=y.shape[1],
                      width=0.5 if arch == 'SmallCNN' else 1., precision=policy)
        m.compile(keras.optimizers.Adam(1e-3), 'mse'); return m
    keras.mixed_precision.set_dtype_policy(policy)
    try:
        m = get_model(arch, seed=seed, input_shape=x.shape[1:], n_outputs=y.shape[1], width=0.5 if arch == 'SmallCNN' else 1.)
        if policy != 'float32': m = keras.Model(m.inputs, keras.layers.Activation('linear', dtype='float32')(m.outputs[0]))
    finally: keras.mixed_precision.set_dtype_policy('float32')
    m.compile(keras.optimizers.Adam(1e-3), 'mse', jit_compile=jit)
    return m

res = {}
for arch in a.archs:
    ms = {k: make(arch, *v) for k, v in CONF.items()}
    for k, m in ms.items(): fit(k, m)                                                        # tracing, not timed
    T = {k: [] for k in CONF}
    for _ in range(a.reps):
        for k, m in ms.items():
            t0 = time.perf_counter(); fit(k, m); T[k].append(time.perf_counter() - t0)
    acc = {}
    for k, v in CONF.items():
        acc[k] = []
        for seed in range(a.seeds):
            m = make(arch, *v, seed=seed); fit(k, m, a.epochs)
            acc[k].append(float(pearson(m.predict(xt, batch_size=512, verbose=0)[:, :1], yt[:, :1])[0]))
    f32 = float(np.median(T['float32']))
    res[arch] = {k: {'epoch_seconds': float(np.median(T[k])), 'speed_vs_float32': f32/float(np.median(T[k])),
                     'test_pearson': float(np.mean(acc[k])), 'test_pearson_seeds': acc[k]} for k in CONF}
    print(arch, res[arch], flush=True)

body = [f"CPU bfloat16 flags: {', '.join(bf16) or 'none (no AVX512_BF16, no AMX)'}. Plain `model.fit`, {a.n:,} "
        f"lentiMPRA sequences, batch 128; median of {a.reps} epochs in one process, interleaved; test Pearson after "
        f"{a.epochs} epochs, mean of {a.seeds} seeds (SmallCNN at width 0.5, the quickstart's).", '',
        '| architecture | setting | s / epoch | speed vs float32 | test Pearson (seeds) |', '|---|---|---|---|---|']
for arch, r in res.items():
    for k, v in r.items():
        body.append(f"| {arch} | {k} | {v['epoch_seconds']:.1f} | {v['speed_vs_float32']:.2f}x | "
                    f"{v['test_pearson']:.3f} ({', '.join(f'{p:.3f}' for p in v['test_pearson_seeds'])}) |")
res['_bf16_flags'] = bf16
print('\n'.join(body))
res['_auto'] = AUTO
key, title = (('precision_epyc_bf16', ' (AMD EPYC with AVX512_BF16)') if bf16 else ('precision', '')) if 'AMD' in cpu() \
    else ('precision_xeon', ' (Intel Xeon)')
record(key, 'Training precision and XLA on the CPU (issue 29)' + title,
       'python benchmarks/precision.py ' + ' '.join(sys.argv[1:]), '\n'.join(body), numbers=res)
