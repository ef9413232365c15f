"""Question (2026-12-02): Do the student's TF-MoDISco motifs match its ensemble's?
Answer: yes: CWM correlation 0.719 against the ensemble average's 34 motifs, above the teachers' median 0.648
(0.600-0.720) and an untrained model's 0.274 (quickstart run, AMD EPYC).

Do the student's motifs match its ensemble's? TF-MoDISco (modisco-lite) on centred saliency maps of the test split,
for the ensemble average, the student, every teacher alone and an untrained model (the chance level of the measure);
each set's motifs are matched to the ensemble average's by CWM correlation (`degu.motifs.compare_motifs`).

Run: python benchmarks/experiments/motif_agreement.py [--run runs/quickstart] [--n-seqs N]

Uses a finished quickstart run (trained first if the folder holds none: `run_pipeline(QUICKSTART_CONFIG, RUN)`)."""
import argparse, os, sys, tempfile, time
os.environ.setdefault('TF_CPP_MIN_LOG_LEVEL', '3')
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import numpy as np, keras
from pathlib import Path
from _record import record
from degu.pipeline import run_pipeline, QUICKSTART_CONFIG
from degu.run import finished_run
from degu.attribution import select_top, attribute, attribute_ensemble
from degu.motifs import run_modisco, compare_motifs
from degu import models

ap = argparse.ArgumentParser(); ap.add_argument('--run', default='runs/quickstart'); ap.add_argument('--n-seqs', type=int)
a = ap.parse_args()
if not (Path(a.run)/'student.weights.h5').exists(): run_pipeline(QUICKSTART_CONFIG, a.run, until='student', verbose=1)
run = finished_run(QUICKSTART_CONFIG, a.run); ds, ens = run['data'], run['ensemble']
x = ds.x_test[select_top(ds.y_test, min(a.n_seqs or len(ds.x_test), len(ds.x_test)))]
maps = attribute_ensemble(ens, x, 'saliency', verbose=0)
maps.update(attribute({'student': run['student']}, x, 'saliency', verbose=0))
keras.utils.set_random_seed(123)
arch = getattr(models, QUICKSTART_CONFIG['model']['arch'])
maps.update(attribute({'untrained': arch(x.shape[1:], ds.y_train.shape[1] * (2 if ens.aleatoric else 1),
                                         width=QUICKSTART_CONFIG['model']['width'])}, x, 'saliency', verbose=0))
tmp = Path(tempfile.mkdtemp()); sets, secs = {}, {}
names = ['ensemble_average', 'student'] + [f'member_{i}' for i in range(ens.n_members)] + ['untrained']
for n in names:
    t0 = time.perf_counter(); sets[n] = run_modisco(x, maps[n], tmp/f'{n}.h5', verbose=0); secs[n] = time.perf_counter() - t0
    print(f'{n}: {len(sets[n])} motifs in {secs[n]:.0f} s', flush=True)
rows, med = [], {}
for n in names[1:]:
    c = compare_motifs(sets[n], sets['ensemble_average']); med[n] = float(c.similarity.median()) if len(c) else float('nan')
    rows.append(f"| {n.replace('_', ' ')} | {len(sets[n])} | {sum(m['n_seqlets'] for m in sets[n]):,} | {med[n]:.3f} | "
                f"{int((c.similarity >= 0.8).sum())} | {(c.similarity >= 0.8).mean() if len(c) else float('nan'):.2f} |")
teach = [med[f'member_{i}'] for i in range(ens.n_members)]
body = f"""TF-MoDISco (modisco-lite 3, `degu.motifs.run_modisco` defaults: 2,000 seqlets per sign, window 20, 2 Leiden runs) on
centred saliency maps of the {len(x):,} test sequences of the quickstart run (5 SmallCNN teachers of width 0.5, embedded
lentiMPRA HepG2). The ensemble average's maps gave {len(sets['ensemble_average'])} motifs
({sum(m['n_seqlets'] for m in sets['ensemble_average']):,} seqlets). Each other set's motifs are matched to those by CWM correlation
(best over offsets and strands, same sign).

| maps | motifs | seqlets | median similarity to the ensemble's | motifs >= 0.8 | fraction >= 0.8 |
|---|---|---|---|---|---|
""" + '\n'.join(rows) + f"""

Student {med['student']:.3f} against the teachers' median {np.median(teach):.3f} (range {min(teach):.3f}-{max(teach):.3f}) and an
untrained model's {med['untrained']:.3f}. One TF-MoDISco run took a median {np.median(list(secs.values())):.0f} s."""
record('motif_agreement', "Motifs: the student's against its ensemble's", 'python benchmarks/experiments/motif_agreement.py --run runs/quickstart', body)
