"""Is `degu predict` limited by the model, not by reading and encoding? (issue 27)

A finished run (default: a fresh `degu quickstart --smoke` run, whose small student makes reading and encoding weigh MORE
than in a real run), a FASTA of N random 230-bp sequences, and in ONE process, alternating, REPS times each:
(a) `predict_file` from the FASTA to a TSV (read, encode, student, intervals, novelty, write), and
(b) the student's `model.predict` on the same sequences already one-hot in memory.
Then the peak RSS of `degu predict` on a FASTA of M sequences, in its own process (/usr/bin/time -v, or ru_maxrss).

Run: python benchmarks/predict_speed.py [--run RUN] [--n 100000] [--m 1000000] [--reps 3]"""
import argparse, os, resource, subprocess, sys, tempfile, time
sys.path.insert(0, os.path.dirname(__file__))
from pathlib import Path
import numpy as np
from _record import record

ap = argparse.ArgumentParser(); ap.add_argument('--run'); ap.add_argument('--n', type=int, default=100_000)
ap.add_argument('--m', type=int, default=1_000_000); ap.add_argument('--reps', type=int, default=3); a = ap.parse_args()
tmp = Path(tempfile.mkdtemp())
run_dir = Path(a.run) if a.run else tmp/'run'
if not a.run: subprocess.run(['degu', 'quickstart', '--smoke', '--out', str(run_dir), '-q'], check=True)
from degu.run import load_run, predict_file
from degu.data import one_hot

def fasta(path, n, seed):
    rng = np.random.default_rng(seed); alphabet = np.frombuffer(b'ACGT', np.uint8)
    with open(path, 'w') as f:
        for s in range(0, n, 50_000):
            k = min(50_000, n - s); codes = alphabet[rng.integers(0, 4, (k, 230))]
            f.write(''.join(f'>r{s + i}\n{codes[i].tobytes().decode()}\n' for i in range(k)))

fasta(tmp/'n.fa', a.n, 0)
run = load_run(run_dir); run.student; run.novelty; run.calibration
seqs = [l.strip() for l in open(tmp/'n.fa') if not l.startswith('>')]; x = one_hot(seqs).astype(np.float32); del seqs
run.student.predict(x[:2048], batch_size=512, verbose=0)                 # warm-up: graph tracing is not measured
t_file, t_mem = [], []
for r in range(a.reps):
    t0 = time.perf_counter(); predict_file(run, tmp/'n.fa', tmp/'out.tsv', verbose=0); t_file.append(time.perf_counter() - t0)
    t0 = time.perf_counter(); run.student.predict(x, batch_size=512, verbose=0); t_mem.append(time.perf_counter() - t0)
fm, mm = float(np.median(t_file)), float(np.median(t_mem))
print(f'predict_file {fm:.1f} s, model.predict {mm:.1f} s, ratio {mm/fm:.2f}', flush=True)
fasta(tmp/'m.fa', a.m, 1)
t0 = time.perf_counter()
p = subprocess.run(['/usr/bin/time', '-v', 'degu', 'predict', str(run_dir), str(tmp/'m.fa'), '--out', str(tmp/'m.tsv.gz'), '-q'],
                   capture_output=True, text=True)
assert p.returncode == 0, p.stderr[-2000:]
rss = next(int(l.split(':')[1]) for l in p.stderr.splitlines() if 'Maximum resident set size' in l)/1024
t_m = time.perf_counter() - t0
body = f"""Run: {'a fresh `degu quickstart --smoke` run (SmallCNN width 0.25 student)' if not a.run else a.run}. Random 230-bp sequences.
Medians of {a.reps} alternating repetitions in one process; the ratio is throughput of `predict_file` over `model.predict`
(goal >= 0.8: reading and encoding are not the bottleneck).

| what | value |
|---|---|
| `predict_file`, FASTA of {a.n:,} -> TSV (read, encode, student, intervals, novelty, write) | {fm:.1f} s ({a.n/fm:,.0f} seq/s) |
| student `model.predict`, the same sequences one-hot in memory | {mm:.1f} s ({a.n/mm:,.0f} seq/s) |
| ratio (goal >= 0.8) | **{mm/fm:.2f}** |
| `degu predict` of {a.m:,} sequences (gzipped TSV): peak RSS (goal < 2 GB) | **{rss:,.0f} MB** ({t_m:.0f} s) |
"""
record('predict_speed', '`degu predict`: throughput against in-memory model.predict, and peak memory (issue 27)',
       'python benchmarks/predict_speed.py ' + ' '.join(sys.argv[1:]), body,
       numbers={'n': a.n, 'predict_file_s': fm, 'model_predict_s': mm, 'ratio': mm/fm, 'm': a.m, 'peak_rss_mb': rss,
                'm_wall_s': t_m, 'run': str(run_dir)})
