"""Question (2026-12-02): Does ISM run at the model's plain inference rate?
Answer: yes: the student's ISM at 1.02 of its plain rate (goal 0.8), the fused ensemble's at 0.99 of its own (0.22x
the student's: 5 members), DeepSTARR, AMD EPYC.

ISM speed: variants/s for a student and for a 5-member fused ensemble, against the student's plain inference rate.

Run: python benchmarks/experiments/variants_speed.py [--arch DeepSTARR] [--n-seqs 4] [--members 5] [--reps 3]

Models get random weights (speed does not depend on them); sequences are real lentiMPRA test sequences (230 bp, so
690 substitutions each). Plain inference is `degu.train.predict` on as many real sequences as ISM scores mutants."""
import argparse, os, sys, tempfile, time
os.environ.setdefault('TF_CPP_MIN_LOG_LEVEL', '3')
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import numpy as np, keras
from _record import record
from degu.data import load_dataset
from degu.ensemble import Ensemble, _save_weights
from degu.distill import build_student
from degu.train import predict
from degu.variants import ism
from degu import models

ap = argparse.ArgumentParser(); ap.add_argument('--arch', default='DeepSTARR'); ap.add_argument('--n-seqs', type=int, default=4)
ap.add_argument('--members', type=int, default=5); ap.add_argument('--reps', type=int, default=3); a = ap.parse_args()
ds = load_dataset('lentimpra_hepg2'); L = ds.seq_len; arch = getattr(models, a.arch)
x = ds.x_test[:a.n_seqs]; n_var = a.n_seqs*3*L
xp = np.concatenate([ds.x_train, ds.x_valid, ds.x_test])[:n_var]          # the same number of real sequences, for plain inference
tmp = tempfile.mkdtemp(); paths = []
for i in range(a.members):
    keras.utils.set_random_seed(i); p = f'{tmp}/m_{i}.weights.h5'; _save_weights(arch((L, 4), 1), p); paths.append(p)
ens = Ensemble(arch, weight_paths=paths, model_kwargs=dict(input_shape=(L, 4), n_outputs=1))
student = build_student(a.arch, np.c_[ds.y_train[:, :1], np.abs(ds.y_train[:, :1])], (L, 4), n_tasks=1, seed=0)

def timeit(f):
    f(); ts = []                                                           # warm-up: build, trace
    for _ in range(a.reps):
        t0 = time.perf_counter(); f(); ts.append(time.perf_counter() - t0)
    return float(np.median(ts))

t_plain = timeit(lambda: predict(student, xp))
t_sism = timeit(lambda: ism(x, student=student, n_tasks=1))
t_eplain = timeit(lambda: ens.predict_members(xp))
t_eism = timeit(lambda: ism(x, ensemble=ens))
rows = [('student: plain inference (`predict`)', n_var/t_plain, 1.0),
        ('student: ISM (`ism`, mutants built per chunk)', n_var/t_sism, t_plain/t_sism),
        (f'{a.members}-member ensemble: plain fused inference', n_var/t_eplain, t_plain/t_eplain),
        (f'{a.members}-member ensemble: ISM (one fused pass per chunk)', n_var/t_eism, t_plain/t_eism)]
body = (f"{a.arch}, {a.n_seqs} test sequences of {L} bp = {n_var:,} substitutions; median of {a.reps} after a warm-up.\n\n"
        "| path | sequences (variants)/s | vs student plain inference |\n|---|---|---|\n"
        + '\n'.join(f'| {n} | {r:,.0f} | {q:.2f}x |' for n, r, q in rows)
        + f"\n\nStudent ISM at {t_plain/t_sism:.2f} of its plain inference rate (goal: 0.8 or more); the ensemble's ISM at "
          f"{t_eplain/t_eism:.2f} of its own plain fused rate, and {t_sism/t_eism:.2f}x the student's ISM rate "
          f"(1/{a.members} of it is the cost of {a.members} members).")
record(f'variants_speed_{a.arch.lower()}', f'ISM speed: student and {a.members}-member ensemble ({a.arch})',
       f'python benchmarks/experiments/variants_speed.py --arch {a.arch} --n-seqs {a.n_seqs} --members {a.members}', body)
