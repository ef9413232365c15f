"""Is a student's ISM fidelity short of data or of a signal about slopes (issue 33)? On a finished run: the student's
ISM effects against its ensemble's on training sequences and on test sequences, and how well the ensemble's own
first-order effects (its input gradient in effect form, g[alt] - g[ref]) follow its ISM effects, and how well the
student's first-order effects follow the ensemble's (what gradient matching fits).

    python benchmarks/experiments/gradient_fidelity.py --run runs/quickstart [--n 30]"""
import argparse, json
import numpy as np

def main():
    ap = argparse.ArgumentParser(); ap.add_argument('--run', default='runs/quickstart'); ap.add_argument('--n', type=int, default=30)
    a = ap.parse_args()
    from degu.run import load_run
    from degu.distill import teacher_gradients, effect_form
    from degu.variants import ism, member_effects, effect_fidelity, slope_fidelity
    run = load_run(a.run); ens, dd, T = run.ensemble, run._dd, len(run.targets); rng = np.random.default_rng(0)
    out = {}
    for split, x in (('test', dd.x_test), ('train', dd.x_train[~np.asarray(dd.splits['train'].get('augmented', np.zeros(len(dd.x_train))), bool)])):
        xs = x[np.sort(rng.choice(len(x), a.n, replace=False))]
        ref = member_effects(xs, ens).mean(0)
        st = ism(xs, student=run.student, n_tasks=T, kind=run.kind)['effect']
        fo = np.asarray(effect_form(teacher_gradients(ens, xs), xs.astype('float32')))
        out[split] = {'student_vs_ensemble_ism': effect_fidelity(st, ref)['pearson'],
                      'ensemble_first_order_vs_its_ism': effect_fidelity(fo, ref)['pearson'],
                      'student_first_order_vs_ensemble_first_order': slope_fidelity(xs, run.student, ens)['pearson']}
    print(json.dumps(out, indent=1))

if __name__ == '__main__': main()
