"""Question (2026-12-07, issues 28, 33): the student's learning rate drops x0.1 only when its validation stalls
(ReduceLROnPlateau), so a quickstart student (at most 18 epochs) spends nearly all of them at the starting rate and
stops soon after its one drop. Would a cosine decay over the epoch budget, a schedule that distillation is known to
like, give a student closer to its ensemble at the same or a smaller budget? Paired students (same teachers, targets,
gradients and seed): the run's plateau schedule against cosine decay to 0 over the run's `max_epochs`, and over fewer.
Answer (AMD EPYC, two quickstart runs, 2 seeds each): cosine over 14 epochs against the plateau's 18 gives test Pearson
+0.0041, +0.0017, -0.0023, -0.0039 (mean -0.0001), ISM against the ensemble -0.001 to +0.008, in 1-4 epochs fewer: taken
for the quickstart. On the 6,000-row check table (30 epochs) cosine lost 0.003-0.009 test Pearson: `degu run` keeps
the plateau. (The recorded lines ran with the script's own per-epoch callback, same formula; the package's
`lr_schedule='cosine'` reproduces them to the digit: section "The gradient term on every other step".)

Run: python benchmarks/experiments/student_cosine.py --runs RUN [RUN ...] --seeds 1000 1001 [--short N]"""
import argparse, os, sys
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _record import record
from _students import students, table, best_table

ap = argparse.ArgumentParser()
ap.add_argument('--runs', nargs='+', required=True); ap.add_argument('--seeds', type=int, nargs='+', default=[1000])
ap.add_argument('--short', type=int, default=14, help='the shorter cosine budget (epochs)')
ap.add_argument('--key', default='student_cosine')
a = ap.parse_args()

rows = []
for run in a.runs:
    from degu.run import load_run
    E = load_run(run).config['distill']['max_epochs']     # cosine: `train_standard_fun(lr_schedule='cosine')`
    rows += students([run], a.seeds, [('plateau', {}),
                                      *[(f'cosine {n}', {'lr_schedule': 'cosine', 'max_epochs': n}) for n in (E, a.short)]])
body = ["One student per line, trained as `degu run` trains the run's student but for its learning-rate schedule: "
        "`plateau` is the run's (x0.1 after `lr_patience` epochs without improvement), `cosine E` decays the rate "
        "from the run's starting rate to 0 over E epochs (at most E epochs; early stopping as the run's). Same "
        "teachers, targets, gradients and seed within a run and seed. Wall: the student's training alone, one process, "
        "one student after another.", '']
body += table(rows, 'schedule')
body += best_table(rows, 'schedule')
record(a.key, "The student's learning-rate schedule: plateau against cosine (issues 28, 33)",
       'python benchmarks/experiments/student_cosine.py ' + ' '.join(sys.argv[1:]), '\n'.join(body),
       numbers={'rows': rows})
