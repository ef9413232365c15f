"""Question (2026-12-07, issue 29): the quickstart's student stops after 5 epochs without improvement (learning rate
x0.1 after 3), and those last epochs are a sixth of the quickstart's wall time. Stop 51 found that 4 of 11
quickstart-config students improved their validation loss after waits of 4-5 epochs, so a patience of 3 would have cut
them short; what does cutting them short cost in what the report measures? Paired students (same teachers, targets,
gradients and seed) with patience 5/3 (the quickstart's) and 3/2, on two quickstart runs with different teachers.

Run: python benchmarks/experiments/student_patience_pairs.py --runs RUN [RUN ...] --seeds 1000 1001 1002"""
import argparse, os, sys
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _record import record
from _students import students, table, best_table

ap = argparse.ArgumentParser()
ap.add_argument('--runs', nargs='+', required=True); ap.add_argument('--seeds', type=int, nargs='+', default=[1000])
ap.add_argument('--key', default='student_patience_pairs')
a = ap.parse_args()

rows = students(a.runs, a.seeds, [('5/3', {'es_patience': 5, 'lr_patience': 3}),
                                  ('3/2', {'es_patience': 3, 'lr_patience': 2})])
body = ["One student per line, trained as `degu run` trains the run's student but for its early-stopping and "
        "learning-rate patience (stop / rate drop); same teachers, targets, gradients and seed within a run and seed. "
        "Error rank: Spearman of the student's total std against its absolute error on test. Wall: the student's "
        "training alone, one process, one student after another.", '']
body += table(rows, 'patience')
body += best_table(rows, 'patience')
record(a.key, "The quickstart student's patience, trained in pairs (issue 29)",
       'python benchmarks/experiments/student_patience_pairs.py ' + ' '.join(sys.argv[1:]), '\n'.join(body),
       numbers={'rows': rows})
