"""Compute benchmarks, all from one run: training throughput of plain `model.fit` on a float32 array vs degu's input
pipelines (DeepSTARR and SmallCNN), each under TensorFlow's default CPU kernels and under oneDNN's (degu's default, set on
`import degu`); inference with `model.predict`, `degu.predict` and `degu.predict(jit=True)` (XLA); student vs fused
ensemble; achieved GFLOP/s vs this machine's float32 matmul.

TensorFlow reads the oneDNN switch once, when it is imported, so each kernel setting runs in its own worker process; the
workers alternate (`--reps` times each) and, inside a worker, the paths are interleaved epoch by epoch, so that machine
noise hits every path alike.

Run: python benchmarks/compute.py [--n 10000] [--rounds 3] [--reps 2] [--members 5]"""
import argparse, json, os, subprocess, sys, tempfile, time
ap = argparse.ArgumentParser(); ap.add_argument('--n', type=int, default=10000); ap.add_argument('--rounds', type=int, default=3)
ap.add_argument('--reps', type=int, default=2); ap.add_argument('--members', type=int, default=5)
ap.add_argument('--worker', choices=['default', 'onednn'], default=None, help='internal: time one kernel setting, JSON to stdout')
a = ap.parse_args()
SETTINGS = {'default': "TensorFlow's default kernels", 'onednn': 'oneDNN kernels (degu default)'}

def worker(setting):
    "Time every path under one kernel setting; returns {table: {path: [seconds per epoch]}, inference: ..., onednn: bool}."
    if setting == 'onednn': os.environ['TF_ENABLE_ONEDNN_OPTS'] = '1'
    else: os.environ.pop('TF_ENABLE_ONEDNN_OPTS', None)
    os.environ.setdefault('TF_CPP_MIN_LOG_LEVEL', '3')
    import numpy as np, keras, tensorflow as tf          # imported before degu: TensorFlow reads the switch now
    from tensorflow.python.util import _pywrap_util_port
    from degu.data import load_dataset
    from degu.models import DeepSTARR, SmallCNN
    from degu.ensemble import Ensemble, _save_weights
    from degu.train import make_dataset, predict
    ds = load_dataset('lentimpra_hepg2'); L = ds.seq_len
    xt, yt = ds.x_train[:a.n], ds.y_train[:a.n]; xf = xt.astype('float32')
    def slices(x, y, b):
        "The plain tf.data recipe: from_tensor_slices(uint8) -> shuffle -> batch -> cast -> prefetch."
        return (tf.data.Dataset.from_tensor_slices((x, y)).shuffle(len(x), seed=0).batch(b)
                .map(lambda u, v: (tf.cast(u, tf.float32), v)).prefetch(tf.data.AUTOTUNE))
    fit_arr = lambda m: m.fit(xf, yt, batch_size=128, epochs=1, verbose=0, shuffle=True)
    fit_ds = lambda m: m.fit(m._d, epochs=1, verbose=0)
    paths = [(PATHS[0], fit_arr, None, False), (PATHS[1], fit_arr, None, True),
             (PATHS[2], fit_ds, lambda: make_dataset(xt, yt, 128, shuffle=True, stream=True), False),
             (PATHS[3], fit_ds, lambda: slices(xt, yt, 128), False),
             (PATHS[4], fit_ds, lambda: make_dataset(xt, yt, 128, shuffle=True), False)]
    def train_times(arch, **kw):
        models = []
        for name, f, data, jit in paths:
            keras.utils.set_random_seed(0); m = arch((L, 4), 1, **kw); m.compile('adam', 'mse', jit_compile=jit)
            m._d = data() if data else None; f(m); models.append(m)          # warm-up epoch (tracing)
        ts = {p[0]: [] for p in paths}
        for r in range(a.rounds):
            for (name, f, _, _), m in zip(paths, models):
                t0 = time.perf_counter(); f(m); ts[name].append(time.perf_counter() - t0)
        return ts
    out = {'onednn': bool(_pywrap_util_port.IsMklEnabled()), 'DeepSTARR': train_times(DeepSTARR),
           'SmallCNN': train_times(SmallCNN, width=0.5)}
    # inference, interleaved
    keras.utils.set_random_seed(99); student = DeepSTARR((L, 4), 2); x = np.concatenate([ds.x_train, ds.x_valid, ds.x_test])[:20000]
    xf20 = x.astype('float32')
    inf = {INF[0]: lambda: student.predict(xf20, batch_size=512, verbose=0), INF[1]: lambda: predict(student, x),
           INF[2]: lambda: predict(student, x, jit=True)}
    outs = {n: f() for n, f in inf.items()}
    out['xla_diff'] = float(np.abs(outs[INF[2]] - predict(student, x, jit=False)).max())      # XLA vs the plain graph
    ti = {n: [] for n in inf}
    for r in range(3):
        for n, f in inf.items(): t0 = time.perf_counter(); f(); ti[n].append(time.perf_counter() - t0)
    out['inference'], out['n_inference'] = ti, len(x)
    tot = 0                                               # forward multiply-add FLOPs per sequence (x2), Conv1D and Dense
    for l in student.layers:
        if isinstance(l, keras.layers.Conv1D): tot += 2*l.output.shape[1]*l.kernel.shape[0]*l.kernel.shape[1]*l.filters
        elif isinstance(l, keras.layers.Dense): tot += 2*int(np.prod(l.kernel.shape))*int(np.prod(l.output.shape[1:-1]) or 1)
    out['flops'] = tot
    tmp = tempfile.mkdtemp(); wp = []                     # student vs fused ensemble
    for i in range(a.members):
        keras.utils.set_random_seed(i); m = DeepSTARR((L, 4), 1); p = f'{tmp}/m{i}.weights.h5'; _save_weights(m, p); wp.append(p)
    ens = Ensemble(DeepSTARR, weight_paths=wp, model_kwargs=dict(input_shape=(L, 4), n_outputs=1))
    ens.predict_all(x[:1000]); te = []
    for _ in range(3): t0 = time.perf_counter(); ens.predict_all(x); te.append(time.perf_counter() - t0)
    out['ensemble'] = te
    return out

PATHS = ['plain `model.fit` on a float32 array', 'plain fit, `jit_compile=True` (XLA)',
         'degu streaming path (`from_generator` over uint8)', '`from_tensor_slices(uint8)` -> shuffle -> batch -> cast',
         'degu `make_dataset` (in-graph: shuffled indices -> batch -> gather + cast)']
INF = ['`model.predict` on float32', '`degu.predict` (XLA by default from 4,096 sequences)', '`degu.predict(jit=True)` (XLA)']

if a.worker:
    print('RESULT ' + json.dumps(worker(a.worker)), flush=True); sys.exit(0)

import numpy as np
sys.path.insert(0, os.path.dirname(__file__))
from _record import record
res = {s: [] for s in SETTINGS}
for rep in range(a.reps):
    for s in SETTINGS:
        cmd = [sys.executable, __file__, '--worker', s, '--n', str(a.n), '--rounds', str(a.rounds), '--members', str(a.members)]
        p = subprocess.run(cmd, capture_output=True, text=True)
        line = [l for l in p.stdout.splitlines() if l.startswith('RESULT ')]
        if p.returncode or not line: sys.exit(f'worker {s} failed (exit {p.returncode}):\n{p.stderr[-3000:]}')
        res[s].append(json.loads(line[0][7:])); print(f'rep {rep + 1}: {s} done', flush=True)
med = lambda key, s, path: float(np.median([t for r in res[s] for t in r[key][path]]))
on = {s: res[s][0]['onednn'] for s in SETTINGS}
base = lambda arch: med(arch, 'default', PATHS[0])
def table(arch):
    b = base(arch); rows = []
    for s in SETTINGS:
        for p in PATHS:
            t = med(arch, s, p); name = f'**{p}**' if (s, p) == ('onednn', PATHS[-1]) else p
            rows.append(f"| {SETTINGS[s]} (oneDNN {'on' if on[s] else 'off'}) | {name} | {a.n / t:,.0f} | {b / t:.2f}x |")
    return '\n'.join(['| kernels | path | seq/s | vs plain fit, TF defaults |', '|---|---|---|---|'] + rows), b / med(arch, 'onednn', PATHS[-1])
tab_ds, ratio_ds = table('DeepSTARR'); tab_sc, ratio_sc = table('SmallCNN')
A = np.random.default_rng(0).standard_normal((4096, 4096)).astype(np.float32); A @ A
tn = []
for _ in range(3): t0 = time.perf_counter(); A @ A; tn.append(time.perf_counter() - t0)
np_gf = 2*4096**3/np.median(tn)/1e9
r0 = res['onednn'][0]; fl, nx = r0['flops'], r0['n_inference']; ib = med('inference', 'default', INF[0])
inf_rows = '\n'.join(f"| {SETTINGS[s]} | {n} | {nx / med('inference', s, n):,.0f} | {fl * nx / med('inference', s, n) / 1e9:.0f} | {ib / med('inference', s, n):.2f}x |"
                     for s in SETTINGS for n in INF)
t_ens = float(np.median([t for r in res['onednn'] for t in r['ensemble']])); t_stu = med('inference', 'onednn', INF[1])
xdiff = max(r['xla_diff'] for s in SETTINGS for r in res[s])
body = f"""DeepSTARR at 230 bp on {a.n:,} real lentiMPRA training sequences, batch 128, Adam, MSE. Each kernel setting runs in its own
worker process (TensorFlow reads the oneDNN switch on import; `import degu` turns it on unless you set
`TF_ENABLE_ONEDNN_OPTS` yourself); the two workers alternate {a.reps} times; inside a worker every path trains one epoch per
round, the paths interleaved, {a.rounds} rounds after a warm-up epoch each; medians over all rounds.

**DeepSTARR training** (degu vs plain fit under TensorFlow's defaults, what the original DEGU runs: **{ratio_ds:.2f}x**)

{tab_ds}

**SmallCNN (width 0.5) training** (degu vs plain fit, TF defaults: **{ratio_sc:.2f}x**)

{tab_sc}

**Inference** (DeepSTARR, 2 outputs, {nx:,} sequences, batch 512, medians of 3 interleaved rounds per worker; XLA vs
eager-graph max difference {xdiff:.1e})

| kernels | path | seq/s | GFLOP/s | vs `model.predict`, TF defaults |
|---|---|---|---|---|
{inf_rows}

DeepSTARR forward cost {fl / 1e6:.1f} MFLOP per sequence; NumPy float32 matmul 4096x4096: {np_gf:.0f} GFLOP/s.
{a.members}-member fused ensemble: {nx / t_ens:,.0f} seq/s; student {nx / t_stu:,.0f} seq/s (oneDNN): **{t_ens / t_stu:.2f}x**.
"""
print(body)
opts = ''.join(f' --{k} {v}' for k, v in (('n', a.n), ('rounds', a.rounds), ('reps', a.reps), ('members', a.members)) if v != ap.get_default(k))
record('compute', 'Compute: input pipelines, kernels, inference, student vs ensemble', 'python benchmarks/compute.py' + opts, body,
       numbers={'train_deepstarr_vs_plain_fit': ratio_ds, 'train_smallcnn_vs_plain_fit': ratio_sc,
                'ensemble_over_student_inference': t_ens / t_stu, 'onednn': on, 'n': a.n})
