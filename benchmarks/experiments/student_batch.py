"""Question (2026-12-07, issue 29): a quickstart student epoch keeps the 2 cores 1.5 busy of 2 (CPU time over wall time,
2 epochs measured), at batch 128. Does a batch of 256 (the gradient term on a quarter of it, as at 128) train the student
in less wall time, with the same accuracy and ISM fidelity?

For each finished run and seed: the teachers' input gradients at the student's sequences once (timed), then one
student per batch size, trained exactly as `degu run` trains the run's student (`pipeline.recipe_data`, the in-graph prior,
the run's `distill` settings), one after another in one process. Per student: epochs, wall time of its training, test
Pearson against the measured activity and against the ensemble's, and the fidelity stage's ISM Pearson (the run's own
30 test sequences, all substitutions). The batch-128 line at the run's own seed reproduces the run's student.

Run: python benchmarks/experiments/student_batch.py --runs RUN [RUN ...] --seeds 1000 1001 --batch-sizes 128 256"""
import argparse, os, sys
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _record import record
from _students import students, table

ap = argparse.ArgumentParser()
ap.add_argument('--runs', nargs='+', required=True); ap.add_argument('--seeds', type=int, nargs='+', default=[1000])
ap.add_argument('--batch-sizes', type=int, nargs='+', default=[128, 256]); ap.add_argument('--key', default='student_batch')
a = ap.parse_args()

rows = students(a.runs, a.seeds, [(str(b), {'batch_size': b, 'gradient_per_batch': b//4}) for b in a.batch_sizes])

body = ["One student per line, trained as `degu run` trains the run's student but for its batch size (the gradient term "
        "on a quarter of each batch); same teachers, targets, gradients and seed within a run and seed. `cores busy`: "
        "CPU time over wall time of the training. "
        "`gradients`: the teachers' input gradients at the student's sequences, computed once per run (every batch size "
        "needs them all). Wall: the student's training alone, one process, one student after another.", '',]
body += table(rows, 'batch')
record(a.key, "The student's batch size (issue 29)",
       'python benchmarks/experiments/student_batch.py ' + ' '.join(sys.argv[1:]), '\n'.join(body), numbers={'rows': rows})
