"""End-to-end wall time of the README's main job, `degu quickstart`, from an empty output folder; with `--workers`, the
same config (`degu init --example quickstart`) run once per `ensemble.workers` setting, one after the other, in one
session, so their ratio is comparable (the teachers are trained in that many worker processes at once).

Run: python benchmarks/quickstart_time.py [--out DIR] [--workers 1 auto]   (about 5-6 minutes per run on 2 cores)"""
import argparse, copy, json, os, subprocess, sys, tempfile, time
sys.path.insert(0, os.path.dirname(__file__))
import yaml
from _record import record

ap = argparse.ArgumentParser(); ap.add_argument('--out', default=None)
ap.add_argument('--workers', nargs='+', default=None, help="ensemble.workers settings to compare, e.g. 1 auto")
a = ap.parse_args()
base = a.out or tempfile.mkdtemp(prefix='degu_quickstart_'); os.makedirs(base, exist_ok=True)

def one(workers=None):
    "Wall time and report of one run from an empty folder: `degu quickstart`, or its config with `ensemble.workers`."
    out = os.path.join(base, 'quickstart' if workers is None else f'workers_{workers}')
    t0 = time.perf_counter()
    if workers is None: subprocess.run(['degu', 'quickstart', '--out', out, '--quiet'], check=True)
    else:
        from degu.config import QUICKSTART_CONFIG
        cfg = copy.deepcopy(QUICKSTART_CONFIG); cfg['ensemble']['workers'] = workers if workers == 'auto' else int(workers)
        p = os.path.join(base, f'workers_{workers}.yaml'); open(p, 'w').write(yaml.safe_dump(cfg))
        subprocess.run(['degu', 'run', p, '--out', out, '--quiet'], check=True)
    return time.perf_counter() - t0, json.loads(open(os.path.join(out, 'report.json')).read())

def describe(wall, r):
    stages = ', '.join(f'{k} {v:.0f} s' for k, v in r['timing'].items())
    return (f"**{wall:.0f} s ({wall / 60:.1f} min)**. Stages: {stages}.\nTest Pearson: teachers "
            f"{r['teachers']['mean_pearson']:.3f} (mean; {min(r['teachers']['pearson']):.3f}-"
            f"{max(r['teachers']['pearson']):.3f}), ensemble {r['ensemble']['pearson']:.3f}, student "
            f"{r['student']['pearson']:.3f}; 90% interval coverage {r['conformal']['student']['0.1']['coverage']:.3f}.")

runs = {w: one(w) for w in (a.workers or [None])}
r0 = next(iter(runs.values()))[1]
body = [f"Wall time of `degu quickstart` ({r0['teachers']['n']} {r0['model']['arch']} teachers at width "
        f"{r0['model']['width']} + student + intervals + attribution + shift, embedded lentiMPRA HepG2, from an empty "
        f"folder){'' if a.workers is None else ', by `ensemble.workers` (runs one after the other in one session)'}:", '']
for w, (wall, r) in runs.items():
    body.append(('- ' if a.workers else '') + (f'`ensemble.workers: {w}`: ' if w is not None else '') + describe(wall, r))
nums = {str(w): {'wall_s': wall, 'timing': r['timing'], 'teachers_mean_pearson': r['teachers']['mean_pearson'],
                 'ensemble_pearson': r['ensemble']['pearson'], 'student_pearson': r['student']['pearson']}
        for w, (wall, r) in runs.items()}
if a.workers and len(runs) > 1:
    ws = list(runs); ratio = runs[ws[0]][0]/runs[ws[-1]][0]
    ens = runs[ws[0]][1]['timing']['ensemble']/runs[ws[-1]][1]['timing']['ensemble']
    body += ['', f"Speed-up of `{ws[-1]}` over `{ws[0]}`: **{ratio:.2f}x** end to end, {ens:.2f}x in the ensemble stage."]
    nums['speedup'] = ratio; nums['ensemble_speedup'] = ens
key = 'quickstart_time' if a.workers is None else 'quickstart_workers'
title = 'End-to-end `degu quickstart`' + ('' if a.workers is None else ': teachers in worker processes (issue 29)')
record(key, title, 'python benchmarks/quickstart_time.py ' + ' '.join(sys.argv[1:]), '\n'.join(body), numbers=nums)
