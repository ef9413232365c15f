"""Question (2026-12-07, issue 29): the student's gradient-matching term costs a third of each quickstart student epoch
(2 epochs: 21.4 s with it, 15.0 s without, AMD EPYC) and is applied to the first 32 sequences of every batch of 128.
Does a smaller share (16, 8) keep what the term is for (ISM fidelity to the ensemble) and the student's accuracy, and
how much wall time does it save?

For each finished run and seed: the teachers' input gradients at the student's sequences once (timed), then one
student per share, trained exactly as `degu run` trains the run's student (`pipeline.recipe_data`, the in-graph prior,
the run's `distill` settings), one after another in one process. Per student: epochs, wall time of its training, test
Pearson against the measured activity and against the ensemble's, and the fidelity stage's ISM Pearson (the run's own
30 test sequences, all substitutions). The share 32 line at the run's own seed reproduces the run's student.

Run: python benchmarks/experiments/gradient_share.py --runs RUN [RUN ...] --seeds 1000 1001 --shares 32 16 8"""
import argparse, os, sys
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _record import record
from _students import students, table

ap = argparse.ArgumentParser()
ap.add_argument('--runs', nargs='+', required=True); ap.add_argument('--seeds', type=int, nargs='+', default=[1000])
ap.add_argument('--shares', type=int, nargs='+', default=[32, 16, 8]); ap.add_argument('--key', default='gradient_share')
a = ap.parse_args()

rows = students(a.runs, a.seeds, [(str(s), {'gradient_per_batch': s}) for s in a.shares])

body = ["One student per line, trained as `degu run` trains the run's student but for the gradient term's share of each "
        "batch of 128 (`gradient_per_batch`); same teachers, targets, gradients and seed within a run and seed. "
        "`gradients`: the teachers' input gradients at the student's sequences, computed once per run (every share "
        "needs them all). Wall: the student's training alone, one process, one student after another.", '',]
body += table(rows, 'share of 128')
record(a.key, "The gradient term's share of each student batch (issue 29)",
       'python benchmarks/experiments/gradient_share.py ' + ' '.join(sys.argv[1:]), '\n'.join(body), numbers={'rows': rows})
