"""Which distillation recipe gives a student whose uncertainty rises off the data (issue 28) and whose variant effects
follow its ensemble (issue 33)? Same teachers, same targets, one process; each recipe trains one student.

    python benchmarks/student_recipes.py --run runs/quickstart --recipes standard,dynamic,neighbours,prior,neighbours_prior

Per recipe: test Pearson (vs measured), student-vs-ensemble epistemic Pearson (test), AUROC of the student's epistemic
and total std for each shift level in the run's `shifted.h5` (which levels the recipe saw in training is printed),
ISM fidelity (student vs ensemble effects, all 3L substitutions of `--ism` test sequences; each teacher vs the mean of
the others beside it), first-order fidelity (the student's input gradient in effect form against its ensemble's, on
those test sequences and on as many natural training sequences: what gradient matching fits), error-rank Spearman of the student total, and wall time. Results go to
`benchmarks/results/student_recipes.json` (with commit, machine, date)."""
import argparse, contextlib, json, time, sys, os, platform, subprocess
from pathlib import Path
import numpy as np

def cpu():
    try: return next(l.split(':', 1)[1].strip() for l in open('/proc/cpuinfo') if l.startswith('model name'))
    except Exception: return platform.processor()

def save(a, results):
    "Write the results so far (with commit, machine and date), atomically."
    commit = subprocess.run(['git', 'rev-parse', '--short', 'HEAD'], capture_output=True, text=True).stdout.strip()
    out = {**{k: v for k, v in results.items() if k != '_meta'},
           '_meta': {'commit': commit, 'cpu': cpu(), 'date': time.strftime('%Y-%m-%d'), 'run': a.run, 'ism_seqs': a.ism,
                     'command': 'python ' + ' '.join(sys.argv)}}
    Path(a.out).parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(a.out).with_suffix('.tmp'); tmp.write_text(json.dumps(out, indent=1)); os.replace(tmp, a.out)

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--run', default='runs/quickstart')
    ap.add_argument('--recipes', default='neighbours_prior,standard,prior,neighbours,dynamic')
    ap.add_argument('--ism', type=int, default=30)
    ap.add_argument('--seed', type=int, default=1000)
    ap.add_argument('--max-epochs', type=int, default=None)
    ap.add_argument('--es-patience', type=int, default=None, help="early-stopping patience (the run's unless given)")
    ap.add_argument('--effect-weight', type=float, default=1.0)
    ap.add_argument('--far', type=float, default=0.25, help='off-data sequences per training sequence (the recorded lines: 0.25 unless named)')
    ap.add_argument('--far-min', type=int, default=0, help='at least this many off-data sequences (degu default 2000; the recorded lines: 0 unless named)')
    ap.add_argument('--width', type=float, default=None, help="the student's width (default: the run's model.width)")
    ap.add_argument('--far-only', action='store_true', help='the prior on the off-data sequences only, not the neighbours')
    ap.add_argument('--edge', type=float, default=0.99, help="the prior starts at this quantile of the training distances (degu default 0.99)")
    ap.add_argument('--novelty-kind', default=None, help="refit the run's novelty as this kind ('kmer', 'markov'; default: the run's own)")
    ap.add_argument('--novelty-shrink', default=None, help="refit the run's novelty with this shrinkage ('auto': Ledoit-Wolf; default: the run's own novelty.npz)")
    ap.add_argument('--gradient-weights', type=float, nargs='+', default=[0.],
                    help="gradient matching (distill.gradient_weight) for the standard-distillation recipes, one student per weight (0: off)")
    ap.add_argument('--gradient-per-batch', type=int, default=32, help='the gradient term on this many sequences of each batch (degu default 32)')
    ap.add_argument('--prior-head', action='store_true', help="the prior in the student's graph (benchmarks/experiments/prior_head.py), needs a Markov novelty")
    ap.add_argument('--prior-head-edge', type=float, default=None, help="the in-graph prior starts at this quantile of the training distances (default: --edge)")
    ap.add_argument('--no-far-activity', action='store_true', help="the off-data sequences without activity targets (NaN, skipped by the loss; benchmarks/experiments/prior_head.py)")
    ap.add_argument('--out', default='benchmarks/results/student_recipes.json')
    a = ap.parse_args()
    import keras
    from degu.run import load_run
    from degu.data import read_h5
    from degu.distill import prior_scale, train_student, train_dynamic_student, recipe_targets, train_pair_student, teacher_gradients
    from degu.pipeline import student_train_kwargs
    sys.path.insert(0, str(Path(__file__).resolve().parent/'experiments'))
    from prior_head import novelty_prior, patched, nan_aware_loss, drop_far_activity
    from degu.shift import read_shift_sets, eval_shift
    from degu.uncertainty import student_heads, error_spearman, novelty_excess
    from degu.variants import ism, effect_fidelity, slope_fidelity
    from degu.utils import pearson
    run = load_run(a.run); cfg = run.config; ens = run.ensemble; dd = run._dd; T = len(dd.targets)
    tk = student_train_kwargs(cfg)
    if a.width: cfg['model']['width'] = a.width
    if a.max_epochs: tk['max_epochs'] = a.max_epochs
    if a.es_patience: tk['es_patience'] = a.es_patience
    sets = read_shift_sets(Path(a.run)/'shifted.h5'); nov = run.novelty
    if a.novelty_kind is not None:
        from degu.uncertainty import fit_novelty
        nov = fit_novelty(dd.x_train, nov['k'], 0.1 if a.novelty_shrink is None else a.novelty_shrink, kind=a.novelty_kind)
        print(f"novelty refitted: {nov['kind']}, k {nov['k']}", flush=True)
    elif a.novelty_shrink is not None:
        from degu.uncertainty import fit_novelty
        sh = a.novelty_shrink if a.novelty_shrink == 'auto' else float(a.novelty_shrink)
        nov = fit_novelty(dd.x_train, nov['k'], sh); print(f"novelty refitted: shrink {nov['shrink']:.3f}", flush=True)
    xt, yt = dd.splits['test']['x'], dd.splits['test']['y']
    rng = np.random.default_rng(0); pick = np.sort(rng.choice(len(xt), a.ism, replace=False)); xi = xt[pick]
    t0 = time.perf_counter(); ens_ism = ism(xi, ensemble=ens); t_ism = time.perf_counter() - t0
    members = ens_ism['members'] if 'members' in ens_ism else None
    # first-order fidelity on the ISM sequences and on as many natural training sequences
    nat = np.flatnonzero(~np.asarray(dd.splits['train'].get('augmented', np.zeros(len(dd.x_train))), bool))
    xr = dd.x_train[np.sort(rng.choice(nat, a.ism, replace=False))]
    results = json.loads(Path(a.out).read_text()) if Path(a.out).exists() else {}
    for name, gw in [(n, w) for n in a.recipes.split(',') for w in a.gradient_weights]:
        if gw and (name == 'dynamic' or name.startswith('pairs')): continue
        keras.utils.set_random_seed(a.seed)
        t0 = time.perf_counter()
        if name == 'dynamic':
            st, h = train_dynamic_student(dd, ens, cfg['model']['arch'], ['mutagenesis'], 'append', cfg['distill']['kind'],
                                          mutate_frac=0.01, seed=a.seed, finetune_epochs=cfg['distill']['finetune_epochs'],
                                          model_kwargs=dict(width=cfg['model']['width']), verbose=0, **tk)
            saw = ['mutagenesis 1% (online labels)']
        elif name.startswith('pairs'):
            pr = (lambda x: novelty_excess(x, nov, (0.5, a.edge))) if name == 'pairs_prior' else None
            d2, saw = recipe_targets(dd, ens, pr, 'prior', a.far, a.far_min, seed=a.seed) if pr else (dd, [])
            st, h = train_pair_student(d2, ens, cfg['model']['arch'], pr, a.effect_weight, seed=a.seed,
                                       model_kwargs=dict(width=cfg['model']['width']), verbose=0, **tk)
            saw = saw + [f'pairs: one 1-substitution neighbour per sequence, effect term weight {a.effect_weight}']
        else:
            d2, saw = (dd, []) if name == 'standard' else recipe_targets(dd, ens, lambda x: novelty_excess(x, nov, (0.5, a.edge)), name, a.far, a.far_min, not a.far_only, seed=a.seed)
            g = teacher_gradients(ens, d2.x_train) if gw else None
            ph = novelty_prior(nov, prior_scale(dd), (0.5, a.prior_head_edge or a.edge)) if a.prior_head else None
            if a.no_far_activity: d2 = drop_far_activity(d2, len(dd.x_train)*(2 if 'neighbours' in name else 1), T); saw = saw + ['no activity targets at the off-data sequences']
            with patched(ph) if ph else contextlib.nullcontext(), nan_aware_loss() if a.no_far_activity else contextlib.nullcontext():
                st, h = train_student(d2, cfg['model']['arch'], seed=a.seed, model_kwargs=dict(width=cfg['model']['width']), verbose=0,
                                      gradients=g, gradient_weight=gw or 1., gradient_per_batch=a.gradient_per_batch, **tk)
            if ph: saw = saw + ["the prior in the student's graph (NoveltyPrior)"]
            if gw: saw = saw + [f"gradient matching, weight {gw:g}, {a.gradient_per_batch} per batch: the teachers' input gradients at {len(g):,} sequences"]
        wall = time.perf_counter() - t0
        hs = student_heads(st.predict(xt, batch_size=512, verbose=0), T)
        pa = ens.predict_all(xt)
        r = {'wall_s': round(wall, 1), 'epochs': len(h.history['loss']), 'saw': saw,
             'test_pearson': float(pearson(hs['mean'], yt).mean()), 'ensemble_test_pearson': float(pearson(pa['mean'], yt).mean()),
             'epistemic_fidelity': float(pearson(hs['epistemic'], pa['std']).mean()),
             'error_spearman_total': float(np.mean(error_spearman(hs['mean'], hs['total'], yt))),
             'error_spearman_epistemic': float(np.mean(error_spearman(hs['mean'], hs['epistemic'], yt)))}
        sh = eval_shift(sets, ens, st, kind=cfg['distill']['kind'], novelty=nov)
        r['shift'] = {row['level']: {k: round(float(row[k]), 4) for k in ('auroc_student', 'auroc_student_total', 'auroc_novelty')
                                     if k in row and row[k] == row[k]} for row in sh.to_dict('records') if row['level'] != 'unshifted'}
        si = ism(xi, student=st, n_tasks=T)
        r['ism'] = effect_fidelity(si['effect'], ens_ism['ensemble_effect'])
        r['first_order'] = {k: slope_fidelity(x, st, ens)['pearson'] for k, x in (('test', xi), ('train', xr))}
        results[name + (f'_w{a.effect_weight:g}' if name.startswith('pairs') else '') + (f'_far{a.far:g}' if 'prior' in name and a.far != 0.25 else '') + (f'_min{a.far_min}' if 'prior' in name and a.far_min else '') + (f'_s{a.seed}' if a.seed != 1000 else '') + (f'_width{a.width:g}' if a.width else '') + (f'_edge{a.edge:g}' if a.edge != 0.99 else '') + ('_faronly' if a.far_only else '') + (f'_shrink{a.novelty_shrink}' if a.novelty_shrink is not None else '') + (f'_grad{gw:g}' if gw else '') + (f'_per{a.gradient_per_batch}' if gw and a.gradient_per_batch != 32 else '') + (f'_pat{a.es_patience}' if a.es_patience else '') + (f'_{a.novelty_kind}' if a.novelty_kind else '') + ('_nofaract' if a.no_far_activity else '') + ('_priorhead' if a.prior_head else '') + (f'{a.prior_head_edge:g}' if a.prior_head and a.prior_head_edge else '')] = r
        print(name + (f' gradient weight {gw:g}' if gw else ''), json.dumps({k: v for k, v in r.items() if k != 'shift'}), flush=True)
        print('   ', {lv: (v.get('auroc_student'), v.get('auroc_student_total')) for lv, v in r['shift'].items()}, flush=True)
        save(a, results)
if __name__ == '__main__': main()
