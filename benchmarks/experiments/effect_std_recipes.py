"""Question (2026-12-07, issue 33, "Done when"): the recipe table with effect-std agreement beside fidelity, in-distribution
accuracy and wall time. Students of one finished run's teachers and targets under three distillation recipes: the
original (`standard`: ensemble mean and std of the natural sequences), `neighbours_prior` (plus teacher-labelled
neighbours and off-data sequences with a distance-aware prior), and today's default (that, plus gradient matching and
the prior in the student's graph). For each: test Pearson, ISM Pearson against the ensemble, and the effect-std head
fitted on it as `degu run` fits it (`variants.fit_effect_std`), scored by Spearman against the teachers' spread of each
substitution's effect over the fidelity stage's test sequences.

Run: python benchmarks/experiments/effect_std_recipes.py RUN --seeds 1000 1001"""
import argparse, copy, os, sys, time
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import numpy as np
from _record import record

ap = argparse.ArgumentParser(); ap.add_argument('run'); ap.add_argument('--seeds', type=int, nargs='+', default=[1000])
ap.add_argument('--key', default='effect_std_recipes')
ap.add_argument('--without-off-data', action='store_true',
                help="instead: gradient matching and the in-graph prior without the off-data sequences (standard, neighbours)")
a = ap.parse_args()
from degu.run import load_run
from degu.pipeline import recipe_data, student_prior, student_train_kwargs, arch_kwargs
from degu.distill import train_student, teacher_gradients
from degu.train import predict
from degu.variants import ism, member_effects, fidelity_report, fit_effect_std, effect_std_agreement

RECIPES = [('standard', {'recipe': 'standard', 'gradient_weight': 0., 'prior_in_graph': False}),
           ('neighbours_prior', {'recipe': 'neighbours_prior', 'gradient_weight': 0., 'prior_in_graph': False}),
           ('neighbours_prior + gradient matching 0.3 + prior in the graph (default)',
            {'recipe': 'neighbours_prior', 'gradient_weight': 0.3, 'prior_in_graph': True})]
if a.without_off_data:
    RECIPES = [(f'{r} + gradient matching 0.3 + prior in the graph',
                {'recipe': r, 'gradient_weight': 0.3, 'prior_in_graph': True}) for r in ('standard', 'neighbours')]
run = load_run(a.run); cfg0 = run.config; dd = run._dd; ens = run.ensemble; T = len(dd.targets)
kind = cfg0['distill']['kind']; k = cfg0['evaluate']['fidelity_seqs']
idx = np.sort(np.random.default_rng(cfg0['split']['seed']).choice(len(dd.x_test), min(k, len(dd.x_test)), replace=False))
xf = dd.x_test[idx]; me = member_effects(xf, ens); y = np.asarray(dd.splits['test']['y'])[:, 0]
ye = np.asarray(dd.splits['test']['ens_mean'])[:, 0]
rows = []
for seed in a.seeds:
    for label, over in RECIPES:
        cfg = copy.deepcopy(cfg0); cfg['distill'].update(over); dc = cfg['distill']
        d2, _ = recipe_data(cfg, dd, ens, run.path, 0); pr = student_prior(cfg, run.path, dd)
        t0 = time.time()
        g = teacher_gradients(ens, d2.x_train) if dc['gradient_weight'] else None
        m, h = train_student(d2, cfg['model']['arch'], seed=seed, model_kwargs=arch_kwargs(cfg, student=True),
                             monitor=dc['monitor'], verbose=0, gradients=g, gradient_weight=dc['gradient_weight'],
                             prior=pr, **student_train_kwargs(cfg))
        wall = time.time() - t0; p = predict(m, dd.x_test)[:, 0]
        t0 = time.time(); head = fit_effect_std(dd.x_train, m, ens, n_seqs=cfg['evaluate']['effect_std_seqs'],
                                                seed=cfg['split']['seed']); fit = time.time() - t0
        res = ism(xf, student=m, n_tasks=T, kind=kind, effect_head=head)
        au = None
        if a.without_off_data:   # the off-data recognition these students keep from the in-graph prior alone
            from degu.shift import shift; from degu.uncertainty import auroc, student_heads
            ep = lambda x: student_heads(predict(m, x), T, kind)['epistemic'][:, 0]
            e0 = ep(dd.x_test); au = [auroc(e0, ep(shift(dd.x_test, lv, seed=0))) for lv in ('random', 'shuffle_mono')]
        r = dict(seed=seed, recipe=label, n_train=len(d2.x_train), epochs=len(h.history['loss']), wall=round(wall, 1),
                 fit=round(fit, 1), test=float(np.corrcoef(p, y)[0, 1]), ensemble=float(np.corrcoef(ye, y)[0, 1]),
                 ism=fidelity_report(res['effect'], me, dd.targets)['student']['pearson'],
                 effect_std=effect_std_agreement(res['effect_std'], me, dd.targets)['spearman'], auroc=au)
        rows.append(r); print(r, flush=True)
body = [f"Run `{a.run}` ({T} task(s), {ens.n_members} teachers, the run's targets and distillation settings), one "
        "student per line, trained one after another in one process. Effect std: Spearman of the student's effect-std "
        "head against the teachers' spread over every substitution of the fidelity stage's "
        f"{len(idx)} test sequences. Wall: the student's training (with the teachers' gradients when used); fit: the "
        "head's.", '',
        '| recipe | seed | training sequences | epochs | test Pearson (ensemble) | gap | ISM vs ensemble | effect std | wall s | fit s |'
        + (' AUROC epistemic: random / mono |' if a.without_off_data else ''),
        '|---|---|---|---|---|---|---|---|---|---|' + ('---|' if a.without_off_data else '')]
body += [f"| {r['recipe']} | {r['seed']} | {r['n_train']:,} | {r['epochs']} | {r['test']:.4f} ({r['ensemble']:.4f}) | "
         f"{r['test'] - r['ensemble']:+.4f} | {r['ism']:.3f} | {r['effect_std']:.3f} | {r['wall']:.0f} | {r['fit']:.0f} |"
         + (f" {r['auroc'][0]:.3f} / {r['auroc'][1]:.3f} |" if r['auroc'] else '') for r in rows]
record(a.key, "Distillation recipes: effect-std agreement, fidelity, accuracy and cost (issue 33)",
       'python benchmarks/experiments/effect_std_recipes.py ' + ' '.join(sys.argv[1:]), '\n'.join(body),
       numbers={'rows': rows})
