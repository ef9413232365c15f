"""Question (2026-12-07, issue 29): the gradient-matching term costs about a third of a quickstart student's epoch, and
stop 52 found that cost fixed per step (the term on 16 or 8 of each batch's 128 sequences instead of 32 shortened
epochs by 4-11% only). Taken on every other optimizer step (`train_student(gradient_every=2)`) at twice the weight, what does it
save, and what does it cost in ISM fidelity and accuracy? Paired students (same teachers, targets, gradients and
seed).
Answer (AMD EPYC, quickstart, 2 seeds, cosine over 14 epochs): epochs -10% and +5% (inside the noise between two runs
of one setting), test Pearson -0.003 and -0.005, ISM +0.003: not taken.

Run: python benchmarks/experiments/gradient_every.py --runs RUN [RUN ...] --seeds 1000 1001"""
import argparse, os, sys
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _record import record
from _students import students, table, best_table

ap = argparse.ArgumentParser()
ap.add_argument('--runs', nargs='+', required=True); ap.add_argument('--seeds', type=int, nargs='+', default=[1000])
ap.add_argument('--cosine', type=int, default=None, help="the students' learning rate: cosine over this many epochs")
ap.add_argument('--key', default='gradient_every')
a = ap.parse_args()

lr = {} if a.cosine is None else {'lr_schedule': 'cosine', 'max_epochs': a.cosine}
rows = students(a.runs, a.seeds, [('every step, weight 0.3', lr),
                                  ('every 2nd step, weight 0.6', {'gradient_every': 2, 'gradient_weight': 0.6, **lr})])
body = ["One student per line, trained as `degu run` trains the run's student (gradient term on 32 of each batch's "
        "sequences, weight 0.3, every step) but for how often the gradient term is taken. Same teachers, targets, "
        "gradients and seed within a run and seed. Wall: the student's training alone, one process, one student after "
        "another." + ('' if a.cosine is None else f" Learning rate: cosine over {a.cosine} epochs "
        "(`lr_schedule='cosine'`)."), '']
body += table(rows, 'gradient term')
body += best_table(rows, 'gradient term')
record(a.key, "The gradient term on every other step (issue 29)",
       'python benchmarks/experiments/gradient_every.py ' + ' '.join(sys.argv[1:]), '\n'.join(body),
       numbers={'rows': rows})
