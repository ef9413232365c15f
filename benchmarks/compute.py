"""Compute benchmarks, all from one run, with the compared paths interleaved epoch by epoch so that machine noise hits
every path alike: training throughput of plain `model.fit` on a float32 array vs degu's input pipelines (DeepSTARR and
SmallCNN); inference with `model.predict`, `degu.predict` and `degu.predict(jit=True)` (XLA); student vs fused ensemble;
achieved GFLOP/s vs this machine's float32 matmul.

Run: python benchmarks/compute.py [--n 10000] [--rounds 5] [--members 5]"""
import argparse, os, sys, tempfile, time
os.environ.setdefault('TF_CPP_MIN_LOG_LEVEL', '3')
sys.path.insert(0, os.path.dirname(__file__))
import numpy as np, keras, tensorflow as tf
from _record import record
from degu.data import load_dataset
from degu.models import DeepSTARR, SmallCNN
from degu.ensemble import Ensemble, _save_weights
from degu.train import make_dataset, predict

ap = argparse.ArgumentParser(); ap.add_argument('--n', type=int, default=10000); ap.add_argument('--rounds', type=int, default=5)
ap.add_argument('--members', type=int, default=5); a = ap.parse_args()
ds = load_dataset('lentimpra_hepg2'); L = ds.seq_len
xt, yt = ds.x_train[:a.n], ds.y_train[:a.n]; xf = xt.astype('float32')

def slices(x, y, b):
    "The plain tf.data recipe: from_tensor_slices(uint8) -> shuffle -> batch -> cast -> prefetch."
    return (tf.data.Dataset.from_tensor_slices((x, y)).shuffle(len(x), seed=0).batch(b)
            .map(lambda u, v: (tf.cast(u, tf.float32), v)).prefetch(tf.data.AUTOTUNE))

PATHS = {'plain `model.fit` on a float32 array': lambda m: m.fit(xf, yt, batch_size=128, epochs=1, verbose=0, shuffle=True),
         'plain fit, `jit_compile=True` (XLA)': lambda m: m.fit(xf, yt, batch_size=128, epochs=1, verbose=0, shuffle=True),
         'degu streaming path (`from_generator` over uint8)': lambda m: m.fit(m._d, epochs=1, verbose=0),
         '`from_tensor_slices(uint8)` -> shuffle -> batch -> cast': lambda m: m.fit(m._d, epochs=1, verbose=0),
         '**degu `make_dataset`** (in-graph: shuffled indices -> batch -> gather + cast)': lambda m: m.fit(m._d, epochs=1, verbose=0)}
DATA = {2: lambda: make_dataset(xt, yt, 128, shuffle=True, stream=True), 3: lambda: slices(xt, yt, 128),
        4: lambda: make_dataset(xt, yt, 128, shuffle=True)}

def train_table(arch, **kw):
    models = []
    for j, name in enumerate(PATHS):
        keras.utils.set_random_seed(0); m = arch((L, 4), 1, **kw); m.compile('adam', 'mse', jit_compile=(j == 1))
        m._d = DATA[j]() if j in DATA else None; PATHS[name](m); models.append(m)   # warm-up epoch (tracing)
    ts = {n: [] for n in PATHS}
    for r in range(a.rounds):
        for (name, f), m in zip(PATHS.items(), models):
            t0 = time.perf_counter(); f(m); ts[name].append(time.perf_counter() - t0)
    med = {n: float(np.median(v)) for n, v in ts.items()}; base = med[next(iter(PATHS))]
    rows = [f"| {n} | {a.n / t:,.0f} | {base / t:.2f}x |" for n, t in med.items()]
    return '\n'.join(['| path | seq/s | vs plain fit |', '|---|---|---|'] + rows), base / med[list(PATHS)[-1]]

tab_ds, ratio_ds = train_table(DeepSTARR)
tab_sc, ratio_sc = train_table(SmallCNN, width=0.5)

# inference: interleaved medians
keras.utils.set_random_seed(99); student = DeepSTARR((L, 4), 2); x = np.concatenate([ds.x_train, ds.x_valid, ds.x_test])[:20000]
xf20 = x.astype('float32')
INF = {'`model.predict` on float32': lambda: student.predict(xf20, batch_size=512, verbose=0),
       '`degu.predict`': lambda: predict(student, x), '`degu.predict(jit=True)` (XLA)': lambda: predict(student, x, jit=True)}
outs = {n: f() for n, f in INF.items()}
diff = float(np.abs(outs['`degu.predict(jit=True)` (XLA)'] - outs['`degu.predict`']).max())
ti = {n: [] for n in INF}
for r in range(3):
    for n, f in INF.items(): t0 = time.perf_counter(); f(); ti[n].append(time.perf_counter() - t0)
ti = {n: float(np.median(v)) for n, v in ti.items()}

def flops(model):
    "Forward multiply-add FLOPs per sequence (x2) of the Conv1D and Dense layers."
    tot = 0
    for l in model.layers:
        if isinstance(l, keras.layers.Conv1D):
            tot += 2*l.output.shape[1]*l.kernel.shape[0]*l.kernel.shape[1]*l.filters
        elif isinstance(l, keras.layers.Dense):
            tot += 2*int(np.prod(l.kernel.shape))*int(np.prod(l.output.shape[1:-1]) or 1)
    return tot
fl = flops(student)
A = np.random.default_rng(0).standard_normal((4096, 4096)).astype(np.float32); A @ A
tn = []
for _ in range(3): t0 = time.perf_counter(); A @ A; tn.append(time.perf_counter() - t0)
np_gf = 2*4096**3/np.median(tn)/1e9

# student vs fused ensemble
tmp = tempfile.mkdtemp(); paths = []
for i in range(a.members):
    keras.utils.set_random_seed(i); m = DeepSTARR((L, 4), 1); p = f'{tmp}/m{i}.weights.h5'; _save_weights(m, p); paths.append(p)
ens = Ensemble(DeepSTARR, weight_paths=paths, model_kwargs=dict(input_shape=(L, 4), n_outputs=1))
ens.predict_all(x[:1000]); te = []
for _ in range(3): t0 = time.perf_counter(); ens.predict_all(x); te.append(time.perf_counter() - t0)
t_ens = float(np.median(te)); t_stu = ti['`degu.predict`']

inf_rows = '\n'.join(f"| {n} | {len(x) / t:,.0f} | {fl * len(x) / t / 1e9:.0f} | {ti['`model.predict` on float32'] / t:.2f}x |" for n, t in ti.items())
body = f"""DeepSTARR at {L} bp on {a.n:,} real lentiMPRA training sequences, batch 128, Adam, MSE; every path trains one epoch
per round, the paths interleaved, {a.rounds} rounds after a warm-up epoch each; medians.

**DeepSTARR training** (degu vs plain fit: **{ratio_ds:.2f}x**)

{tab_ds}

**SmallCNN (width 0.5) training** (degu vs plain fit: **{ratio_sc:.2f}x**)

{tab_sc}

**Inference** (DeepSTARR, 2 outputs, 20,000 sequences, batch 512, medians of 3 interleaved rounds; XLA vs eager-graph max
difference {diff:.1e})

| path | seq/s | GFLOP/s | vs `model.predict` |
|---|---|---|---|
{inf_rows}

DeepSTARR forward cost {fl / 1e6:.1f} MFLOP per sequence; NumPy float32 matmul 4096x4096: {np_gf:.0f} GFLOP/s.
{a.members}-member fused ensemble: {len(x) / t_ens:,.0f} seq/s; student {len(x) / t_stu:,.0f} seq/s: **{t_ens / t_stu:.2f}x**.
"""
record('compute', 'Compute: input pipelines, inference, student vs ensemble', 'python benchmarks/compute.py', body)
