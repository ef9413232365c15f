"""Question (2026-12-07): with 5 teachers on 2 cores, one worker per core leaves a core idle while the fifth teacher
trains alone. Do more worker processes than cores (the OS sharing the cores among them) finish the teachers sooner?

The quickstart config (`degu init --example quickstart`), run up to the ensemble stage from an empty folder, once per
`ensemble.workers` setting, one after the other in one session (compare the ratios, not seconds across sessions). The
teachers are deterministic per member, so every setting must give the same teachers: their test Pearson is printed.

Run: python benchmarks/experiments/ensemble_workers.py [--workers 2 3 5] [--out DIR]"""
import argparse, copy, json, os, shutil, sys, tempfile, time
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from _record import record
from degu.config import QUICKSTART_CONFIG
from degu.pipeline import run_pipeline, n_workers, _cores

ap = argparse.ArgumentParser(); ap.add_argument('--workers', nargs='+', default=['2', '3', '5'])
ap.add_argument('--out', default=None); a = ap.parse_args()
base = a.out or tempfile.mkdtemp(prefix='degu_workers_')
rows = []
for w in a.workers:
    cfg = copy.deepcopy(QUICKSTART_CONFIG); cfg['ensemble']['workers'] = w if w == 'auto' else int(w)
    out = os.path.join(base, f'workers_{w}'); shutil.rmtree(out, ignore_errors=True)
    t0 = time.perf_counter(); r = run_pipeline(cfg, out, until='ensemble', verbose=0); wall = time.perf_counter() - t0
    ps = [json.load(open(os.path.join(out, 'teachers', f'teacher_{i}.json')))['pearson'] for i in range(cfg['ensemble']['n'])]
    rows.append((w, n_workers(cfg, cfg['ensemble']['n']), r['timing']['ensemble'], ps))
    print(rows[-1], flush=True)
b = rows[0][2]
n = QUICKSTART_CONFIG['ensemble']['n']
body = [f"{n} SmallCNN teachers (width 0.5, at most 10 epochs) of the quickstart config on {_cores()} cores, each "
        f"setting from an empty folder, one after the other. Worker processes get `max(1, cores // workers)` threads each.",
        '', f"| `ensemble.workers` | processes | ensemble stage s | vs `{rows[0][0]}` | teachers' test Pearson |",
        '|---|---|---|---|---|']
body += [f"| {w} | {k} | {t:.0f} | {b / t:.2f}x | {', '.join(f'{p:.4f}' for p in ps)} |" for w, k, t, ps in rows]
record('ensemble_workers', 'Teachers in more worker processes than cores (issue 29)',
       'python benchmarks/experiments/ensemble_workers.py ' + ' '.join(sys.argv[1:]), '\n'.join(body),
       numbers={'rows': [{'workers': w, 'processes': k, 'ensemble_s': t, 'pearson': ps} for w, k, t, ps in rows]})
