"""Question (2026-12-03): Does a finished run meet the DEGU core goals: student accuracy, intervals, selective
prediction, error ranking, reproducible uncertainty?
Answer: on the quickstart with 5 independent ensembles, every goal but one: student 0.374 vs ensemble 0.380, 90%
coverage 0.904 at 0.984x constant width, mse_ratio_50 0.806, error-rank Spearman 0.138, student vs other ensembles
1.56x the ensembles' own agreement; against a single ensemble B the ratio is 1.12 (noisy, see the history). Superseded
as a maintained benchmark by run_uncertainty.py and the headline table.

The DEGU core on a finished run: is the student as good as its ensemble, and does its uncertainty earn its keep?

Reads RUN_DIR/report.json (from `degu run` / `degu quickstart`) and records, against the goals of the core issue:
student vs ensemble vs mean teacher (test Pearson), 90% interval coverage and width relative to constant width for every
method and calibration, conditional (worst-quintile) coverage, selective prediction, error ranking, shift AUROCs, and
cross-ensemble agreement when the run measured it.

Run: python benchmarks/experiments/core_quality.py RUN_DIR LABEL [NOTE]   (NOTE: how the run folder was made, printed first; e.g. degu quickstart --out /tmp/qs, then .../core_quality.py /tmp/qs quickstart)"""
import json, os, sys
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from pathlib import Path
from _record import record

run, label = Path(sys.argv[1]), sys.argv[2]; note = sys.argv[3] + '\n\n' if len(sys.argv) > 3 else ''
r = json.loads((run/'report.json').read_text()); cfg = json.loads((run/'config.json').read_text())
te, en, st = r['teachers'], r['ensemble'], r['student']
man = json.loads((run/'manifest.json').read_text()); secs = {k: v.get('seconds') for k, v in man['stages'].items()}
ok = lambda c: 'met' if c else '**not met**'
f3 = lambda v: '-' if v is None else f'{v:.3f}'
iv = r['intervals']; s90 = iv['student_total']['0.1']
goals = [('student >= ensemble - 0.01', f"{st['pearson']:.3f} vs {en['pearson']:.3f} - 0.01", ok(st['pearson'] >= en['pearson'] - 0.01)),
         ('student >= mean teacher + 0.015', f"{st['pearson']:.3f} vs {te['mean_pearson']:.3f} + 0.015", ok(st['pearson'] >= te['mean_pearson'] + 0.015)),
         ('90% student-total coverage within 0.02', f3(s90['coverage']), ok(abs(s90['coverage'] - 0.9) <= 0.02)),
         ('90% student-total width_vs_constant < 1 (goal 0.95)', f3(s90['width_vs_constant']), ok(s90['width_vs_constant'] < 1)),
         ('mse_ratio_50 < 0.95 (goal 0.9)', f3(r['mse_ratio_50']), ok(r['mse_ratio_50'] < 0.95)),
         ('uncertainty_error_spearman >= 0.10 (goal 0.15)', f3(st['uncertainty_error_spearman']), ok(st['uncertainty_error_spearman'] >= 0.10))]
if r.get('cross_ensemble'):
    c = r['cross_ensemble']
    goals.append(('student vs ensemble B >= 1.5x ensemble A vs B', f"{c['student_vs_other_ensemble']:.3f} vs {c['ensemble_vs_other_ensemble']:.3f} (ratio {c['ratio']:.2f})",
                  ok(c['ratio'] >= 1.5)))
    if c.get('replicates'):      # `evaluate.cross_ensemble: K`: the same goal, averaged over K ensembles and a student of each
        q = c['replicates']; be = [b['ratio'] for b in q['by_ensemble'].values()]
        goals.append((f"over {q['k']} ensembles: student vs another ensemble >= 1.5x ensemble vs another", f"{q['student_vs_other_ensemble']:.3f} vs "
                      f"{q['ensemble_vs_other_ensemble']:.3f} (ratio {q['ratio']:.2f}; per ensemble {min(be):.2f}-{max(be):.2f})", ok(q['ratio'] >= 1.5)))
rows = '\n'.join(f'| {g} | {v} | {o} |' for g, v, o in goals)
ivrows = '\n'.join(f"| {m} | {cal} | {f3(v['0.1']['coverage'])} | {f3(v['0.1']['width'])} | {f3(v['0.1']['width_vs_constant'])} | {f3(v['0.1']['worst_quintile_coverage'])} |"
                   for cal, d in r['intervals_by_calibration'].items() for m, v in d.items() if m != 'constant' or cal == 'scaled')
rk = r['error_ranking']
shift = '\n'.join(f"| {s['level']} | {({True: 'yes', False: 'no'}).get(s.get('in_distribution'), 'unknown')} | {s['ensemble_std']:.4f} | "
                  f"{s.get('student_std', float('nan')):.4f} | {f3(s.get('auroc_ensemble'))} | {f3(s.get('auroc_student'))} | "
                  f"{f3(s.get('auroc_ensemble_total'))} | {f3(s.get('auroc_student_total'))} |" for s in r['shift'])
body = note + f"""Run: `{run}` on `{r['dataset']}`: {r['n_train']:,} train, {r['n_valid']:,} early-stopping, {r['n_calibration']:,} calibration,
{r['n_test']:,} test sequences of {r['seq_len']} bp; {te['n']} {r['model']['arch']} teachers (width {r['model']['width']},
aleatoric {r['model'].get('aleatoric')}), student with {st['heads']} heads; calibration `{r['calibration']['method']}`.
Test Pearson: teachers {', '.join(f'{p:.3f}' for p in te['pearson'])} (mean {te['mean_pearson']:.3f}), ensemble {en['pearson']:.3f},
student {st['pearson']:.3f}. Flagged teachers: {te['flagged'] or 'none'}. Stage seconds (first run, from manifest.json): {secs}.

| goal | measured | |
|---|---|---|
{rows}

90% intervals, calibrated on the held-out calibration split, scored on test (worst quintile: of the student's total std):

| method | calibration | coverage | width | vs constant | worst quintile |
|---|---|---|---|---|---|
{ivrows}

Error ranking on test, Spearman(std, |error|): student total {rk['student_total']['spearman']:.3f}, student epistemic
{rk['student_epistemic']['spearman']:.3f}, ensemble total {rk['ensemble_total']['spearman']:.3f}, ensemble epistemic
{rk['ensemble_epistemic']['spearman']:.3f}. Selective prediction by the student's total std: MSE of the most confident
10% / 50% / all = {r['selective']['0.1']:.3f} / {r['selective']['0.5']:.3f} / {r['selective']['1']:.3f} (`mse_ratio_50` {r['mse_ratio_50']:.3f}).
Student epistemic head vs ensemble std: Spearman {st['uncertainty_spearman']:.3f}.

Shift (AUROC of each std separating the level from the unshifted test set):

| level | in library | ensemble std | student std | AUROC ens. epistemic | AUROC student epistemic | AUROC ens. total | AUROC student total |
|---|---|---|---|---|---|---|---|
{shift}
"""
record(f'core_quality_{label}', f'The DEGU core on a finished run ({label})', f'python benchmarks/experiments/core_quality.py RUN_DIR {label}', body,
       numbers={'run': str(run), 'goals': [{'goal': g, 'measured': v, 'met': o} for g, v, o in goals],
                'intervals_by_calibration': r['intervals_by_calibration'], 'error_ranking': rk, 'shift': r['shift']})
print(body)
