"""The student's prior from the Markov chain alone, or from the Markov chain and the k-mer profile (issue 28).

Pairs of finished runs on the same teachers, split and student seed, that differ only in `shift.novelty` ('markov' then
'markov+kmer'; each with the prior in the student's graph, so its novelty, distillation targets and student were made
for it). Per pair: test Pearson, ISM fidelity, error ranking, 90% intervals, the student's epistemic AUROC for the run's
shift levels and for low-complexity DNA (`low_complexity.py`'s sets), and the student stage's wall time.

Run: python benchmarks/experiments/novelty_markov_kmer.py MARKOV_RUN:MARKOV_KMER_RUN [...] [--key KEY]"""
import argparse, json, os, sys
from pathlib import Path
import numpy as np
sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..')); sys.path.insert(0, os.path.dirname(__file__))
from _record import record
from low_complexity import low_complexity_aurocs

ap = argparse.ArgumentParser(); ap.add_argument('pairs', nargs='+'); ap.add_argument('--key', default='novelty_markov_kmer')
a = ap.parse_args()
FOREIGN = 'foreign_sourcedeepstarr_sample'
LC = ('homopolymer_window', 'dinuc_window', 'tandem', 'homopolymer')

def figures(run)->dict:
    r = json.loads((Path(run)/'report.json').read_text()); c = json.loads((Path(run)/'config.json').read_text())
    m = json.loads((Path(run)/'manifest.json').read_text()); iv = r['intervals']['student_total']['0.1']
    sh = {s['level']: s for s in r['shift']}
    lc = low_complexity_aurocs(run)
    return {'novelty': c['shift']['novelty'], 'seed': c['distill']['seed'], 'test_pearson': r['student']['pearson'],
            'ensemble_pearson': r['ensemble']['pearson'], 'ism': r['variants']['fidelity']['student']['pearson'],
            'error_rank': r['error_ranking']['student_total']['spearman'], 'width': iv['width_vs_constant'],
            'coverage': iv['coverage'], 'student_s': m['stages']['student']['seconds'],
            'auroc': {lv: sh[lv]['auroc_student'] for lv in ('random', 'shuffle_mono', FOREIGN, 'delete_max_len20')
                      if lv in sh},
            'auroc_novelty_delete': sh.get('delete_max_len20', {}).get('auroc_novelty'),
            'low_complexity': {k: lc[k]['student epistemic'] for k in LC},
            'low_complexity_novelty': {k: lc[k]['novelty ' + c['shift']['novelty']] for k in LC}}

rows, numbers, diffs = [], {}, {}
f3 = lambda v: f'{v:.3f}'
for pair in a.pairs:
    b, n = pair.split(':'); fb, fn = figures(b), figures(n); numbers[n] = {'markov': fb, 'markov+kmer': fn, 'markov_run': b}
    for name, f in (('markov', fb), ('markov+kmer', fn)):
        rows.append(f"| {n.rsplit('/', 1)[0] if name == 'markov' else ''} | {f['seed']} | {name} | {f['test_pearson']:.4f} "
                    f"({f['test_pearson'] - f['ensemble_pearson']:+.4f}) | {f3(f['ism'])} | {f3(f['error_rank'])} | "
                    f"{f3(f['width'])} ({f3(f['coverage'])}) | "
                    + ' / '.join(f3(f['auroc'][k]) for k in ('random', 'shuffle_mono', FOREIGN)) + ' | '
                    + ' / '.join(f3(f['low_complexity'][k]) for k in LC) + f" | {f['student_s']:.0f} |")
    for k in ('test_pearson', 'ism', 'error_rank', 'width'): diffs.setdefault(k, []).append(fn[k] - fb[k])
    for k in LC: diffs.setdefault(k, []).append(fn['low_complexity'][k] - fb['low_complexity'][k])

summary = '; '.join(f"{k} {np.mean(v):+.4f} ({min(v):+.4f} to {max(v):+.4f})" for k, v in diffs.items())
body = f"""Pairs of finished runs, same teachers, split and student seed; the second of each pair with `shift.novelty:
markov+kmer`. In brackets after test Pearson: minus the ensemble's. Low-complexity sets: 500 sequences from the test split
with 40% of each a homopolymer / a dinucleotide repeat, a whole sequence of a repeated 3-8-mer, a whole homopolymer
(`benchmarks/experiments/low_complexity.py`).

| run | seed | novelty | test Pearson (- ensemble) | ISM vs ensemble | error rank (total) | 90% width (coverage) | AUROC student epistemic: random / mono / Drosophila | AUROC student epistemic: homopolymer window / dinucleotide window / tandem / homopolymer | student s |
|---|---|---|---|---|---|---|---|---|---|
{chr(10).join(rows)}

Mean difference (markov+kmer minus markov) over {len(a.pairs)} pairs (range): {summary}.
"""
print(body)
record(a.key, "The student's prior from the Markov chain and the k-mer profile (issue 28)",
       f'python benchmarks/experiments/novelty_markov_kmer.py {" ".join(a.pairs)}', body, numbers=numbers)
