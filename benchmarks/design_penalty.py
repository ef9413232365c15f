"""Does the uncertainty penalty stop a design loop from walking to where the student is wrong? (issue 30)

    python benchmarks/design_penalty.py --run runs/qs_new --oracle runs/qs_oracle [--n 30] [--rounds 8]

Starts: N seeded test-split sequences of RUN, library adapters fixed (1-15, 216-230). For each optimiser (greedy,
anneal) and kappa in 0, 0.5, 1, 2 (penalty: the student's total std, or --penalty: epistemic, novelty, or effect, the summed effect std of the
substitutions from the start), `degu.design.design` designs from the same starts
and an independent run's teachers (ORACLE: same data, other seeds) judge them. Recorded per kappa: predicted and oracle
mean, overestimation (predicted - oracle), oracle gain over the starts, mutations, novelty, seconds. And the cost of the
same greedy loop with RUN's 5-teacher ensemble in place of the student (2 rounds, same starts): the speed ratio.
Results: benchmarks/results/design_penalty.json (medians of 3 interleaved timings).

With --designer ensemble (greedy only): RUN's teacher ensemble designs instead of its student, score = ensemble mean -
kappa * the teachers' spread (std of the member means; --penalty total: the ensemble's total std), judged by the
same oracle: does even the full ensemble's own uncertainty stop the loop from overestimating?"""
import argparse, json, os, sys, time, subprocess
from pathlib import Path
import numpy as np

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--run', default='runs/qs_new'); ap.add_argument('--oracle', required=True)
    ap.add_argument('--n', type=int, default=30); ap.add_argument('--rounds', type=int, default=8)
    ap.add_argument('--max-mutations', type=int, default=8); ap.add_argument('--penalty', default='total')
    ap.add_argument('--kappa', type=float, nargs='+', default=[0., 0.5, 1., 2.])
    ap.add_argument('--optimisers', nargs='*', default=['greedy', 'anneal'], help='none: only the student-vs-ensemble loop timing')
    ap.add_argument('--out', default='benchmarks/results/design_penalty.json')
    ap.add_argument('--designer', default='student', choices=['student', 'ensemble'])
    a = ap.parse_args()
    from degu.run import load_run
    from degu.design import design, start_sequences, constraints, parse_fix, greedy, objective, _score
    run, orc = load_run(a.run), load_run(a.oracle); L = run.seq_len
    fix = parse_fix('1-15,216-230', L); ok = constraints(L, fix)
    x0, ids = start_sequences(run, a.n, 0, ok)
    res = {}
    if a.designer == 'ensemble': return ensemble_designer(a, run, orc, x0, ok)
    for opt in a.optimisers:
        r = design(run, x0, ids, a.kappa, opt, a.rounds, a.max_mutations, fix, penalty=a.penalty, oracle=orc, verbose=1)
        res[opt] = r['summary']['by_kappa']
        res[opt + '_trajectory'] = r['trajectory'].to_dict('records')
    f = objective(run, penalty=a.penalty); ens = run.ensemble
    if a.penalty == 'effect': f.set_starts(x0)                 # each start's effect-std map, once
    def f_ens(x):                                              # the same objective, scored by the 5 teachers
        p = ens.predict_all(x); m = p['mean'][:, 0]; u = p.get('total', p['std'])[:, 0]
        return {'value': m, 'uncertainty': u, 'mean': m}
    times = {}
    for name, fn in (('student', f), ('ensemble', f_ens)): _score(fn, x0[:2], 1., np.arange(2))   # warm-up
    for rep in range(3):                                       # interleaved, medians: the two loops share the machine's state
        for name, fn in (('student', f), ('ensemble', f_ens)):
            t0 = time.perf_counter(); greedy(x0, fn, 1., ok, rounds=2, max_mutations=a.max_mutations)
            times.setdefault(name, []).append(time.perf_counter() - t0)
    times = {k: float(np.median(v)) for k, v in times.items()}
    res['loop_seconds_2_rounds'] = times; res['ensemble_over_student'] = times['ensemble']/times['student']; res['n_teachers'] = ens.n_members
    save(a, res)
    for opt in a.optimisers:
        for k, v in res[opt].items(): print(opt, k, {q: round(w, 3) for q, w in v.items()})
    print('loop seconds', times, 'ratio', round(res['ensemble_over_student'], 2))

def save(a, res):
    "Write `res` with its provenance to `a.out`, atomically."
    commit = subprocess.run(['git', 'rev-parse', '--short', 'HEAD'], capture_output=True, text=True).stdout.strip()
    cpu = next((l.split(':', 1)[1].strip() for l in open('/proc/cpuinfo') if l.startswith('model name')), '?')
    res['_meta'] = {'commit': commit, 'cpu': cpu, 'date': time.strftime('%Y-%m-%d'), 'command': 'python ' + ' '.join(sys.argv),
                    'n_starts': a.n, 'rounds': a.rounds, 'max_mutations': a.max_mutations, 'penalty': a.penalty,
                    'designer': a.designer}
    Path(a.out).parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(a.out).with_suffix('.tmp'); tmp.write_text(json.dumps(res, indent=1)); os.replace(tmp, a.out)

def ensemble_designer(a, run, orc, x0, ok):
    "Greedy design scored by RUN's teachers (mean - kappa * their uncertainty), judged by ORACLE's teachers."
    from degu.design import greedy
    ens, oens = run.ensemble, orc.ensemble
    def f(x):
        p = ens.predict_all(x); m = p['mean'][:, 0]; e = p['std'][:, 0]
        u = p['total'][:, 0] if a.penalty == 'total' and 'total' in p else e
        return {'value': m, 'uncertainty': u, 'mean': m, 'epistemic': e}
    def oracle(x): return oens.predict_all(x)['mean'][:, 0]
    s0, o0 = f(x0), oracle(x0); res = {'greedy': {}}
    res['start'] = {'pred_mean': float(s0['mean'].mean()), 'oracle_mean': float(o0.mean())}
    for kappa in a.kappa:
        t = time.perf_counter(); x = greedy(x0, f, kappa, ok, rounds=a.rounds, max_mutations=a.max_mutations)
        sec = time.perf_counter() - t; s, o = f(x), oracle(x)
        r = {'pred_mean': float(s['mean'].mean()), 'oracle_mean': float(o.mean()),
             'overestimation': float((s['mean'] - o).mean()), 'oracle_gain': float(o.mean() - o0.mean()),
             'pred_epistemic': float(s['epistemic'].mean()), 'pred_uncertainty': float(s['uncertainty'].mean()),
             'mean_mutations': float((x != x0).any(-1).sum(1).mean()), 'seconds': sec}
        res['greedy'][f'{kappa:g}'] = r; print('ensemble greedy', kappa, {q: round(w, 3) for q, w in r.items()}, flush=True)
    save(a, res)

if __name__ == '__main__': main()
