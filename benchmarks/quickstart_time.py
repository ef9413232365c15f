"""End-to-end wall time of the README's main job, `degu quickstart`, from an empty output folder.

Run: python benchmarks/quickstart_time.py [--out DIR]   (about 5-6 minutes on 2 cores)"""
import argparse, json, os, subprocess, sys, tempfile, time
sys.path.insert(0, os.path.dirname(__file__))
from _record import record

ap = argparse.ArgumentParser(); ap.add_argument('--out', default=None); a = ap.parse_args()
out = a.out or tempfile.mkdtemp(prefix='degu_quickstart_')
t0 = time.perf_counter()
subprocess.run(['degu', 'quickstart', '--out', out, '--quiet'], check=True)
wall = time.perf_counter() - t0
r = json.loads(open(os.path.join(out, 'report.json')).read())
stages = ', '.join(f'{k} {v:.0f} s' for k, v in r['timing'].items())
body = f"""Wall time of `degu quickstart` ({r['teachers']['n']} {r['model']['arch']} teachers at width {r['model']['width']} + student + intervals
+ attribution + shift, embedded lentiMPRA HepG2, from an empty folder): **{wall:.0f} s ({wall / 60:.1f} min)**.
Stages: {stages}.
Test Pearson: teachers {r['teachers']['mean_pearson']:.3f} (mean; {min(r['teachers']['pearson']):.3f}-{max(r['teachers']['pearson']):.3f}), ensemble {r['ensemble']['pearson']:.3f}, student {r['student']['pearson']:.3f};
student uncertainty vs ensemble std Spearman {r['student']['uncertainty_spearman']:.3f}; 90% interval coverage {r['conformal']['student']['0.1']['coverage']:.3f}.
"""
record('quickstart_time', 'End-to-end `degu quickstart`', 'python benchmarks/quickstart_time.py', body,
       numbers={'wall_s': wall, 'timing': r['timing'], 'teachers_mean_pearson': r['teachers']['mean_pearson'],
                'ensemble_pearson': r['ensemble']['pearson'], 'student_pearson': r['student']['pearson']})
