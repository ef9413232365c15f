"""Does the student say how sure it is of a variant effect? (issue 33 part 3)

For each finished run (RUN, or RUN:ORACLE with an independent run on the same data and other seeds): fit the run's
effect-std head (`variants.fit_effect_std`, the `degu run` default: 10 random substitutions of 2,000 training sequences)
and time it; ISM of the fidelity stage's 30 test sequences; Spearman, over every substitution, of the student's
`effect_std` against the teachers' spread of the effect (`effect_std_agreement`), beside what the student had before
(its std at alt, |effect|), one half of the teachers against the other, an independent ensemble's spread (ORACLE), and
the ceiling a perfect predictor of the true spread could reach against a 5-member sample std (Gaussian member effects:
the sample log-std has variance psi'((M-1)/2)/4). Then whether effect_std says which calls to trust: AUROC, on the
ensemble's top-decile effects, of 1/|effect_z| for the student's sign disagreeing with its ensemble's, beside 1/|effect|.

Run: python benchmarks/effect_std.py [RUN[:ORACLE] ...]   (default: runs/quickstart:runs/qs_oracle)"""
import json, os, sys, time
sys.path.insert(0, os.path.dirname(__file__))
from pathlib import Path
import numpy as np
from scipy.special import polygamma
from _record import record
from degu.run import load_run
from degu.variants import fit_effect_std, ism, member_effects, effect_std_agreement
from degu.uncertainty import auroc

args = sys.argv[1:] or ['runs/quickstart:runs/qs_oracle']
res, rows = {}, []
for a in args:
    path, oracle = (a.split(':') + [None])[:2]
    run = load_run(path); dd = run._dd; cfg = run.config; ens = run.ensemble; M = ens.n_members
    t0 = time.perf_counter()
    head = fit_effect_std(dd.splits['train']['x'], run.student, ens, n_seqs=2000, seed=cfg['split']['seed'])
    t_fit = time.perf_counter() - t0
    xt = dd.splits['test']['x']; k = cfg['evaluate'].get('fidelity_seqs', 30) or 30
    x = xt[np.sort(np.random.default_rng(cfg['split']['seed']).choice(len(xt), min(k, len(xt)), replace=False))]
    me = member_effects(x, ens)
    r = ism(x, student=run.student, n_tasks=len(run.targets), kind=run.kind, effect_head=head)
    ag = effect_std_agreement(r['effect_std'], me)
    sp = lambda v: effect_std_agreement(v, me)['spearman']
    s = me.std(0); ok = np.isfinite(s) & (s > 0); ls = np.log(s[ok])
    ceiling = float(np.sqrt(max(0., 1 - polygamma(1, (M - 1)/2)/4/ls.var())))
    em = me.mean(0); big = ok & (np.abs(em) >= np.quantile(np.abs(em[ok]), 0.9))
    wrong = np.sign(r['effect'][big]) != np.sign(em[big])
    inv_z, inv_e = 1/np.maximum(np.abs(r['effect_z'][big]), 1e-12), 1/np.maximum(np.abs(r['effect'][big]), 1e-12)
    out = {'teachers': M, 'fit_seconds': t_fit, 'n_pairs': head['n_pairs'], 'n_subs': int(ok.sum()),
           'student_seconds': json.loads((Path(path)/'report.json').read_text())['timing'].get('student'),
           'spearman': ag['spearman'], 'split_half': ag['split_half'], 'ceiling': ceiling,
           'proxy_std_alt': sp(r['student_std_alt']), 'proxy_abs_effect': sp(np.abs(r['effect'])),
           'median': ag['median'], 'ensemble_median': ag['ensemble_median'],
           'sign_wrong_top': float(wrong.mean()), 'n_wrong_top': int(wrong.sum()), 'n_top': int(big.sum()),
           'auroc_sign_inv_z': auroc(inv_z[~wrong], inv_z[wrong]) if wrong.any() and (~wrong).any() else None,
           'auroc_sign_inv_effect': auroc(inv_e[~wrong], inv_e[wrong]) if wrong.any() and (~wrong).any() else None}
    if oracle:
        mo = member_effects(x, load_run(oracle).ensemble)
        out.update(independent_ensemble=effect_std_agreement(mo.std(0), me)['spearman'],
                   head_vs_independent=effect_std_agreement(r['effect_std'], mo)['spearman'])
    res[Path(path).name if Path(path).name != 'run' else Path(path).parent.name] = out
    print(Path(path), {k: (round(v, 3) if isinstance(v, float) else v) for k, v in out.items()}, flush=True)

f = lambda v: '-' if v is None else f'{v:.3f}'
body = ["Spearman over every substitution of the fidelity stage's 30 test sequences, against the run's teachers' spread "
        "of each effect (5 teachers unless said). `effect_std`: the student's head; before it: the student's std at "
        "alt and its |effect|; halves: teachers 0, 2, 4 against 1, 3; independent: another run's 5 teachers (other "
        "seeds); ceiling: what the true spread itself would reach against a 5-sample std.", '',
        '| run | effect_std | std at alt | abs effect | halves | independent | head vs independent | ceiling | '
        'fit (s) | student (s) |', '|---|---|---|---|---|---|---|---|---|---|']
for n, o in res.items():
    body.append(f"| {n} | **{f(o['spearman'])}** | {f(o['proxy_std_alt'])} | {f(o['proxy_abs_effect'])} | "
                f"{f(o['split_half'])} | {f(o.get('independent_ensemble'))} | {f(o.get('head_vs_independent'))} | "
                f"{f(o['ceiling'])} | {o['fit_seconds']:.0f} | {o['student_seconds'] or 0:.0f} |")
body += ['', "Which calls to trust: on the ensemble's top-decile effects, the student's sign differs from its "
         "ensemble's for " + ', '.join(f"{o['n_wrong_top']} of {o['n_top']} ({n})" for n, o in res.items()) + "; AUROC of "
         "1/|effect_z| for those: " + ', '.join(f"{f(o['auroc_sign_inv_z'])} ({n})" for n, o in res.items()) +
         " (1/|effect| alone: " + ', '.join(f"{f(o['auroc_sign_inv_effect'])}" for o in res.values()) + ")."]
print('\n'.join(body))
record('effect_std', "The student's effect std against its teachers' spread (issue 33)",
       'python benchmarks/effect_std.py ' + ' '.join(args), '\n'.join(body), numbers=res)
