"""Question (2026-12-05, issue 33): what does a student twice the teachers' width cost at inference?
Answer (AMD EPYC): 2.24x slower. `degu.train.predict` of 18,000 random 230-bp sequences (medians of 5, alternating, one
process): SmallCNN student of width 0.5 0.60 s (31,571 parameters), width 1.0 1.34 s (119,459).

Run: python benchmarks/experiments/student_width_cost.py"""
import time, numpy as np
from degu.distill import build_student
from degu.train import predict
rng = np.random.default_rng(0); x = np.eye(4, dtype=np.uint8)[rng.integers(0, 4, (18000, 230))]
y = rng.normal(size=(1000, 3)).astype(np.float32); y[:, 1:] = np.abs(y[:, 1:])
st = {w: build_student('SmallCNN', y, (230, 4), 'std', n_tasks=1, width=w) for w in (0.5, 1.0)}
for m in st.values(): predict(m, x); predict(m, x)
t = {w: [] for w in st}
for _ in range(5):
    for w, m in st.items(): t0 = time.perf_counter(); predict(m, x); t[w].append(time.perf_counter() - t0)
med = {w: float(np.median(v)) for w, v in t.items()}
print({w: round(v, 3) for w, v in med.items()}, 'width 1.0 / 0.5:', round(med[1.0]/med[0.5], 2),
      'params', {w: m.count_params() for w, m in st.items()})
