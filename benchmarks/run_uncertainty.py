"""What does a finished run's uncertainty recognise, and which score ranks its errors? (issue 28)

Reads a finished run's report.json (no training) and records, per shift level, the AUROC of the student's epistemic std,
the ensemble's, and the novelty score against the unshifted test split; then, per uncertainty score, the error-rank
Spearman and mse_ratio_50 on test, with the student's test Pearson and its 90% intervals for context.

Run: python benchmarks/run_uncertainty.py RUN NAME   (e.g. after `degu quickstart --out RUN`)"""
import argparse, json, os, sys
sys.path.insert(0, os.path.dirname(__file__))
from _record import record

ap = argparse.ArgumentParser(); ap.add_argument('run'); ap.add_argument('name'); a = ap.parse_args()
r = json.loads(open(os.path.join(a.run, 'report.json')).read())
f = lambda v: '-' if v is None else f'{v:.3f}'
rows = [f"| {s['level']} | {f(s.get('auroc_ensemble'))} | {f(s.get('auroc_student'))} | {f(s.get('auroc_student_total'))} | "
        f"{f(s.get('auroc_novelty'))} | {f(s.get('novelty'))} |" for s in r['shift']]
sc = [f"| {k} | {f(v['spearman'])} | {f(v['mse_ratio_50'])} |" for k, v in r.get('uncertainty_scores', {}).items()]
iv = r['intervals']['student_total']['0.1']
body = f"""Run `{a.run}` ({r['dataset']}, {r['teachers']['n']} {r['model']['arch']} teachers, novelty k = {r.get('novelty_k')}): student test
Pearson {r['student']['pearson']:.3f} (ensemble {r['ensemble']['pearson']:.3f}); 90% student-total intervals: coverage {iv['coverage']:.3f},
width {iv['width_vs_constant']:.3f}x constant.

AUROC against the unshifted test split (0.5: blind), and the mean novelty percentile:

| level | ensemble epistemic | student epistemic | student total | novelty | mean novelty |
|---|---|---|---|---|---|
{chr(10).join(rows)}

Each score against the student's absolute errors on test (`combined`: least squares of the others on the calibration split):

| score | error-rank Spearman | mse_ratio_50 |
|---|---|---|
{chr(10).join(sc)}
"""
record(f'run_uncertainty_{a.name}', f'Uncertainty, novelty and error ranking of a finished run: {a.name} (issue 28)',
       f'python benchmarks/run_uncertainty.py RUN {a.name}', body,
       numbers={'run': a.run, **{k: r.get(k) for k in ('dataset', 'model', 'teachers', 'ensemble', 'student', 'intervals',
                                                      'error_ranking', 'uncertainty_scores', 'shift', 'variants')}})
