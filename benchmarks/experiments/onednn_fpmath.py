"""Does letting oneDNN compute float32 convolutions and matmuls in bfloat16 (AMX) speed up training? (issue 29: >= 1.8x
plain float32 `model.fit`)

`ONEDNN_DEFAULT_FPMATH_MODE=BF16` lets oneDNN down-convert float32 inputs of convolutions and matmuls to bfloat16 (on
AMX / AVX512_BF16 CPUs) with no change to the model or its dtype. Each line is a fresh process (the variable is read when
oneDNN loads), interleaved with the default: plain `model.fit` of a float32 model, 8,000 lentiMPRA sequences, batch 128,
Adam 1e-3; median s/epoch of epochs 2-4 and the test Pearson after 4 epochs (same seed in both modes).

Run: python benchmarks/experiments/onednn_fpmath.py [--archs DeepSTARR SmallCNN] [--reps 2]"""
import argparse, json, os, subprocess, sys, time
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from _record import record

CHILD = r'''
import os, sys, time, json
os.environ.setdefault('TF_CPP_MIN_LOG_LEVEL', '3')
import numpy as np, keras
from degu.data import load_dataset
from degu.models import get_model
from degu.train import make_dataset
ds = load_dataset('lentimpra_hepg2', seed=0); x, y = ds.x_train[:8000], ds.y_train[:8000]
keras.utils.set_random_seed(0)
m = get_model(sys.argv[1], input_shape=x.shape[1:], n_outputs=1, **({'width': 0.5} if sys.argv[1] == 'SmallCNN' else {}))
m.compile(keras.optimizers.Adam(1e-3), 'mse'); d = make_dataset(x, y, 128, shuffle=True, seed=0)
m.fit(d, epochs=1, verbose=0); ts = []
for _ in range(3): t = time.perf_counter(); m.fit(d, epochs=1, verbose=0); ts.append(time.perf_counter() - t)
p = float(np.corrcoef(m.predict(ds.x_test, verbose=0)[:, 0], ds.y_test[:, 0])[0, 1])
print(json.dumps({'s': float(np.median(ts)), 'pearson': p}))
'''
ap = argparse.ArgumentParser(); ap.add_argument('--archs', nargs='+', default=['DeepSTARR', 'SmallCNN'])
ap.add_argument('--reps', type=int, default=2)
ap.add_argument('--results', help='tabulate the numbers of an earlier run (its results JSON) instead of measuring')
a = ap.parse_args()
flags = open('/proc/cpuinfo').read(); bf = [f for f in ('avx512_bf16', 'amx_bf16') if f in flags.split()]
res = {k: v for k, v in json.load(open(a.results)).items() if k != '_meta'} if a.results else {}
for arch in a.archs if not a.results else []:
    for rep in range(a.reps):
        for mode in ('default', 'BF16'):
            env = {**os.environ, **({'ONEDNN_DEFAULT_FPMATH_MODE': 'BF16'} if mode == 'BF16' else {})}
            env.pop('ONEDNN_DEFAULT_FPMATH_MODE', None) if mode == 'default' else None
            out = subprocess.run([sys.executable, '-c', CHILD, arch], env=env, capture_output=True, text=True, check=True)
            r = json.loads(out.stdout.strip().splitlines()[-1]); res.setdefault(arch, {}).setdefault(mode, []).append(r)
            print(arch, mode, r, flush=True)
rows = []
for arch, by in res.items():
    base = min(r['s'] for r in by['default'])           # the fastest process: this VM's hiccups only slow one down
    for mode, rs in by.items():
        s = min(r['s'] for r in rs)
        secs = ', '.join(f"{r['s']:.1f}" for r in rs); ps = ', '.join(f"{r['pearson']:.3f}" for r in rs)
        rows.append(f"| {arch} | {mode} | {secs} | {base/s:.2f}x | {ps} |")
body = f"""CPU bfloat16 flags: {', '.join(bf) or 'none'}. {a.reps} fresh processes per mode, interleaved.

| architecture | ONEDNN_DEFAULT_FPMATH_MODE | s / epoch (each process) | speed vs default (fastest processes) | test Pearson after 4 epochs |
|---|---|---|---|---|
{chr(10).join(rows)}
"""
record('onednn_fpmath', 'oneDNN float32 math in bfloat16 (AMX) for training (issue 29)',
       'python benchmarks/experiments/onednn_fpmath.py ' + ' '.join(sys.argv[1:]), body, numbers=res)
