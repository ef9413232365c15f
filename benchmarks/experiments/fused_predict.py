"""Question (2026-11-22): Is fused ensemble prediction faster than the original DEGU loop (load weights, predict, per
member)?
Answer: yes: 1.30x at 20,000 sequences with 5 DeepSTARR members, identical predictions (max difference 0), AMD EPYC.

Fused ensemble prediction vs the original DEGU loop (load_weights + predict per member), 5 DeepSTARR members.

Run: python benchmarks/experiments/fused_predict.py [--n 20000] [--members 5] [--reps 3]"""
import argparse, os, sys, tempfile, time
os.environ.setdefault('TF_CPP_MIN_LOG_LEVEL', '3')
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import numpy as np, keras
from _record import record
from degu.data import load_dataset
from degu.models import DeepSTARR
from degu.ensemble import Ensemble, _save_weights

ap = argparse.ArgumentParser(); ap.add_argument('--n', type=int, default=20000); ap.add_argument('--members', type=int, default=5)
ap.add_argument('--reps', type=int, default=3); a = ap.parse_args()

ds = load_dataset('lentimpra_hepg2')
x = np.concatenate([ds.x_train, ds.x_valid, ds.x_test])[:a.n]           # uint8, real sequences
L = x.shape[1]
tmp = tempfile.mkdtemp()
paths = []
for i in range(a.members):                                               # members with their own random weights
    keras.utils.set_random_seed(i); m = DeepSTARR((L, 4), 1)
    p = f'{tmp}/m_{i}.weights.h5'; _save_weights(m, p); paths.append(p)
ens = Ensemble(DeepSTARR, weight_paths=paths, model_kwargs=dict(input_shape=(L, 4), n_outputs=1))

def loop_predict():
    "The original implementation: one model object, load_weights and predict for every member on every call."
    base = DeepSTARR((L, 4), 1); xf = x.astype('float32'); out = []
    for p in paths:
        base.load_weights(p); out.append(base.predict(xf, batch_size=512, verbose=0))
    return np.stack(out)

def timeit(f, reps):
    ts, out = [], None
    for _ in range(reps):
        t0 = time.perf_counter(); out = f(); ts.append(time.perf_counter() - t0)
    return float(np.median(ts)), out

ens.predict_members(x[:512])                                             # build + trace once (not timed)
loop_predict()                                                           # warm-up
t_fused, pf = timeit(lambda: ens.predict_members(x, 512), a.reps)
t_loop, pl = timeit(loop_predict, a.reps)
err = float(np.abs(pf - pl).max())
body = f"""| method | median s ({a.reps} runs) | sequences/s (x {a.members} members) |
|---|---|---|
| degu fused (one graph, weights loaded once) | {t_fused:.2f} | {a.n / t_fused:,.0f} |
| original loop (load_weights + predict per member per call) | {t_loop:.2f} | {a.n / t_loop:,.0f} |

Speed-up of fused over loop: **{t_loop / t_fused:.2f}x** at {a.n:,} sequences of {L} bp, {a.members} DeepSTARR members.
Largest absolute difference between the two predictions: {err:.2e}.
"""
record('fused_predict', 'Fused ensemble prediction vs per-member load-and-predict loop',
       'python benchmarks/experiments/fused_predict.py', body)
