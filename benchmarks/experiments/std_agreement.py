"""Question (2026-12-03): What does an independent ensemble's uncertainty agree with?
Answer: weakly with anything: on full lentiMPRA, B's epistemic std agrees with the student's epistemic head at
Spearman 0.271, with A's own std at 0.107, with A's aleatoric std at 0.209 and with GC content not at all (-0.011),
Intel Xeon.

What an independent ensemble's uncertainty agrees with: on a finished run with a second ensemble B, the Spearman of
several per-sequence quantities with B's epistemic std on the test split (and with the run's own ensemble A's std).

A quantity that tracks B better than A's own std does carries the part of the epistemic uncertainty that is reproducible
across ensembles; the student's heads are compared with such simple references.
Reads RUN_DIR/config.json and the run's teachers, student and second ensemble (RUN_DIR/teachers_b from
`evaluate.cross_ensemble`, or RUN_DIR/growth/teachers_b from cross_growth.py). Nothing is trained.

Run: python benchmarks/experiments/std_agreement.py RUN_DIR LABEL"""
import json, os, sys
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from pathlib import Path
import numpy as np
from _record import record
from _runs import second_ensemble
from degu.pipeline import calibration_split
from degu.run import finished_run
from degu.train import predict
from degu.uncertainty import student_heads
from degu.utils import spearman

run, label = Path(sys.argv[1]), sys.argv[2]; cfg = json.loads((run/'config.json').read_text())
fr = finished_run(cfg, run); ds, _ = calibration_split(cfg, fr['data']); x = ds.x_test; T = len(ds.targets)
eb = second_ensemble(cfg, run, ds.x_train, ds.y_train)
if eb is None: sys.exit(f"{run} has no second ensemble: run with evaluate.cross_ensemble, or benchmarks/cross_growth.py first")
A, B = fr['ensemble'].predict_all(x), eb.predict_all(x)
h = student_heads(predict(fr['student'], x), T, fr['kind'])
sp = lambda a, b: float(spearman(np.asarray(a, np.float64)[:, None], np.asarray(b, np.float64)[:, None])[0])
rows = []
for t in range(T):
    sa, sb = A['std'][:, t], B['std'][:, t]
    cand = {"ensemble A's epistemic std": sa, "student's epistemic head": h['epistemic'][:, t], "student's total std": h['total'][:, t],
            "ensemble A's mean": A['mean'][:, t], "\\|A's mean - its test average\\| (how extreme the prediction is)": np.abs(A['mean'][:, t] - A['mean'][:, t].mean()),
            "\\|student's mean - its test average\\|": np.abs(h['mean'][:, t] - h['mean'][:, t].mean()),
            'GC content': x[..., 1:3].sum((1, 2))/x.shape[1]}
    if 'aleatoric' in A: cand["ensemble A's aleatoric std"] = A['aleatoric'][:, t]
    rows += [f"| {ds.targets[t]} | {k} | {sp(v, sb):.3f} | {sp(v, sa):.3f} |" for k, v in cand.items()]
body = f"""Run: `{run}` ({cfg['ensemble']['n']} {cfg['model']['arch']} teachers at width {cfg['model']['width']}; B = `{eb.weight_paths[0].parent}`, first {cfg['ensemble']['n']} members,
seed + 10,000). Test split, {len(x):,} sequences. Spearman of each quantity with B's epistemic std and with A's:

| task | quantity | vs B's std | vs A's std |
|---|---|---|---|
{chr(10).join(rows)}
"""
record(f'std_agreement_{label}', f"What an independent ensemble's uncertainty agrees with ({label})", f'python benchmarks/experiments/std_agreement.py RUN_DIR {label}', body)
