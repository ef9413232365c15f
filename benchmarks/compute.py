"""Compute benchmarks, each a ratio measured side by side in one run:
student vs 5-member fused ensemble inference; our uint8 streaming pipeline vs plain model.fit on a float32 array;
achieved inference GFLOP/s as a fraction of this machine's float32 matmul rate (NumPy and TensorFlow).

Run: python benchmarks/compute.py [--n 20000] [--members 5]"""
import argparse, os, sys, tempfile, time
os.environ.setdefault('TF_CPP_MIN_LOG_LEVEL', '3')
sys.path.insert(0, os.path.dirname(__file__))
import numpy as np, keras, tensorflow as tf
from _record import record
from degu.data import load_dataset
from degu.models import DeepSTARR
from degu.ensemble import Ensemble, _save_weights
from degu.train import make_dataset, predict

ap = argparse.ArgumentParser(); ap.add_argument('--n', type=int, default=20000); ap.add_argument('--members', type=int, default=5)
a = ap.parse_args()
ds = load_dataset('lentimpra_hepg2')
x = np.concatenate([ds.x_train, ds.x_valid, ds.x_test])[:a.n]; L = x.shape[1]

def med(f, reps=3):
    f(); ts = []
    for _ in range(reps): t0 = time.perf_counter(); f(); ts.append(time.perf_counter() - t0)
    return float(np.median(ts))

def flops(model):
    "Forward multiply-add FLOPs per sequence (x2) of the Conv1D and Dense layers."
    tot = 0
    for l in model.layers:
        if isinstance(l, keras.layers.Conv1D):
            Lout, cout = l.output.shape[1], l.filters; k, cin = l.kernel.shape[0], l.kernel.shape[1]
            tot += 2*Lout*k*cin*cout
        elif isinstance(l, keras.layers.Dense):
            tot += 2*int(np.prod(l.kernel.shape))*int(np.prod(l.output.shape[1:-1]) or 1)
    return tot

# 1. student vs fused ensemble
tmp = tempfile.mkdtemp(); paths = []
for i in range(a.members):
    keras.utils.set_random_seed(i); m = DeepSTARR((L, 4), 1); p = f'{tmp}/m{i}.weights.h5'; _save_weights(m, p); paths.append(p)
ens = Ensemble(DeepSTARR, weight_paths=paths, model_kwargs=dict(input_shape=(L, 4), n_outputs=1))
keras.utils.set_random_seed(99); student = DeepSTARR((L, 4), 2)
t_ens = med(lambda: ens.predict_all(x)); t_stu = med(lambda: predict(student, x))

# 2. training throughput: streaming uint8 pipeline vs model.fit on a float32 copy
ntr = min(len(ds.x_train), 10000); xt, yt = ds.x_train[:ntr], ds.y_train[:ntr]
def fit_ours():
    keras.utils.set_random_seed(0); m = DeepSTARR((L, 4), 1); m.compile('adam', 'mse')
    m.fit(make_dataset(xt, yt, 128, shuffle=True), epochs=1, verbose=0, shuffle=False); return m
xf = xt.astype('float32')
def fit_plain():
    keras.utils.set_random_seed(0); m = DeepSTARR((L, 4), 1); m.compile('adam', 'mse')
    m.fit(xf, yt, batch_size=128, epochs=1, verbose=0, shuffle=True); return m
t_ours, t_plain = med(fit_ours, 2), med(fit_plain, 2)

# 3. GFLOP/s vs the matmul ceiling
fl = flops(student); gflops = fl*a.n/t_stu/1e9
A = np.random.default_rng(0).standard_normal((4096, 4096)).astype(np.float32)
t_np = med(lambda: A @ A); np_gf = 2*4096**3/t_np/1e9
At = tf.constant(A); tf.linalg.matmul(At, At).numpy()
t_tf = med(lambda: tf.linalg.matmul(At, At).numpy()); tf_gf = 2*4096**3/t_tf/1e9

body = f"""DeepSTARR at {L} bp, random weights, {a.n:,} real lentiMPRA sequences (inference) / {ntr:,} (training, 1 epoch).

| measurement | result |
|---|---|
| {a.members}-member fused ensemble inference | {t_ens:.2f} s ({a.n / t_ens:,.0f} seq/s) |
| student inference (one DeepSTARR, 2 heads) | {t_stu:.2f} s ({a.n / t_stu:,.0f} seq/s) |
| **student vs ensemble speed-up** | **{t_ens / t_stu:.2f}x** |
| training, degu pipeline (uint8 in memory, cast per batch) | {t_ours:.1f} s/epoch ({ntr / t_ours:,.0f} seq/s) |
| training, plain `model.fit` on a float32 array | {t_plain:.1f} s/epoch ({ntr / t_plain:,.0f} seq/s) |
| **pipeline vs plain fit throughput** | **{t_plain / t_ours:.2f}x** (memory: {xt.nbytes / 1e6:.0f} MB uint8 vs {xf.nbytes / 1e6:.0f} MB float32) |
| DeepSTARR forward cost | {fl / 1e6:.1f} MFLOP per sequence |
| achieved inference rate (student) | {gflops:.0f} GFLOP/s |
| float32 matmul 4096x4096: NumPy / TensorFlow | {np_gf:.0f} / {tf_gf:.0f} GFLOP/s |
| **inference as a fraction of the matmul ceiling** | **{gflops / np_gf:.2f} of NumPy's, {gflops / tf_gf:.2f} of TensorFlow's** |

Times are medians of 3 runs (training: 2 epochs) after one warm-up.
"""
record('compute', 'Compute: student vs ensemble, input pipeline, FLOP rate', 'python benchmarks/compute.py', body)
