"""Question (2026-12-02): How fast is one-hot encoding?
Answer: 100,000 x 249 bp in 0.48 s (207,000 sequences/s); the full DeepSTARR set in about 2.3 s, AMD EPYC.

One-hot encoding speed: 100,000 random 249-bp sequences (the size class of the full DeepSTARR set), median of 5 runs.

Run: python benchmarks/experiments/one_hot_speed.py"""
import os, sys, time
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import numpy as np
from _record import record
from degu.data import one_hot

seqs = [''.join(r) for r in np.random.default_rng(0).choice(list('ACGT'), size=(100_000, 249))]
one_hot(seqs); ts = []
for _ in range(5): t0 = time.perf_counter(); one_hot(seqs); ts.append(time.perf_counter() - t0)
t = float(np.median(ts))
record('one_hot', 'One-hot encoding', 'python benchmarks/experiments/one_hot_speed.py',
       f"100,000 x 249 bp encoded in **{t:.2f} s** (median of 5; {100_000 / t:,.0f} sequences/s). The full DeepSTARR set "
       f"(484k sequences) takes about {484_052 / (100_000 / t):.1f} s.")
