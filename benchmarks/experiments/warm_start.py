"""Does a student that starts from its best teacher's weights train faster, or better? (issue 29: the quickstart's
student stage is about half its wall time; issue 28: student test Pearson >= ensemble - 0.01)

The student has its teachers' architecture; only the head differs (3T outputs against the teachers' 2T). A warm start
copies the best teacher's trunk (by validation Pearson) into the student, and its mean-output columns rescaled so that the
student's activity head starts at that teacher's mean; the uncertainty columns start fresh. Against it, the default student
from random weights. Same run, recipe (`neighbours_prior`, gradient matching 0.3), targets and seed for each line; the
student's learning rate and epoch cap as given. The warm start lives in this script only (degu does not do it).

Run: python benchmarks/experiments/warm_start.py RUN [--seeds 1000] [--inits best none] [--lr 0.001] [--max-epochs 8]
     [--results benchmarks/results/warm_start.json]   (keeps that file's lines in the table beside the new ones)"""
import argparse, json, os, sys, time
from pathlib import Path
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import numpy as np
from _record import record

def _base(m):
    "The architecture inside a headed model (a student or an aleatoric teacher)."
    import keras
    subs = [l for l in m.layers if isinstance(l, keras.Model)]
    if len(subs) != 1: raise ValueError(f"{m.name} holds {len(subs)} sub-models, not one architecture")
    return subs[0]

def warm_start(student, teacher, n_tasks):
    "Copy a teacher's trunk into a student of its architecture; the student's activity starts at the teacher's mean."
    sb, tb = _base(student), _base(teacher); T = int(n_tasks); sw, tw = sb.weights, tb.weights
    if len(sw) != len(tw) or any(a.shape != b.shape for a, b in zip(sw[:-2], tw[:-2])):
        raise ValueError("a warm start needs a student of the teachers' architecture and width")
    for a, b in zip(sw[:-2], tw[:-2]): a.assign(b.numpy())
    sh, th = student.layers[-1], teacher.layers[-1]
    ls, ss = np.asarray(sh.loc[:T]), np.asarray(sh.scale[:T]); lt, st = np.asarray(th.loc), np.asarray(th.scale)
    K, B, Kt, Bt = sw[-2].numpy(), sw[-1].numpy(), tw[-2].numpy(), tw[-1].numpy()
    K[:, :T] = Kt[:, :T]*st/ss; B[:T] = (lt + st*Bt[:T] - ls)/ss
    sw[-2].assign(K); sw[-1].assign(B)
    return student

def main():
    ap = argparse.ArgumentParser(); ap.add_argument('run'); ap.add_argument('--seeds', type=int, nargs='+', default=[1000])
    ap.add_argument('--inits', nargs='+', default=['best', 'none']); ap.add_argument('--lr', type=float, default=None)
    ap.add_argument('--max-epochs', type=int, default=None)
    ap.add_argument('--results', default=None, help='add these lines (a JSON this script wrote) to the table')
    a = ap.parse_args()
    import keras, degu.distill as D
    from degu.run import load_run
    from degu.pipeline import student_train_kwargs
    from degu.uncertainty import student_heads, novelty_excess, error_spearman
    from degu.variants import ism, effect_fidelity
    from degu.shift import read_shift_sets, eval_shift
    from degu.utils import pearson
    run = load_run(a.run); cfg = run.config; ens = run.ensemble; dd = run._dd; T = len(dd.targets)
    tk = student_train_kwargs(cfg)
    if a.max_epochs: tk['max_epochs'] = a.max_epochs
    if a.lr: tk['initial_lr'] = a.lr
    xv, yv = dd.splits['valid']['x'], dd.splits['valid']['y']
    skill = [float(np.mean(pearson(ens.load_member(i).predict(xv, batch_size=512, verbose=0)[:, :T], yv)))
             for i in range(ens.n_members)]
    best = int(np.argmax(skill))
    xt, yt = dd.splits['test']['x'], dd.splits['test']['y']
    rng = np.random.default_rng(0); xi = xt[np.sort(rng.choice(len(xt), 30, replace=False))]
    ens_ism = ism(xi, ensemble=ens); pa = ens.predict_all(xt)
    sets = read_shift_sets(Path(a.run)/'shifted.h5'); nov = run.novelty; orig = D.build_student
    out = Path(__file__).resolve().parent.parent/'results'/'warm_start.json'
    res = json.loads(Path(a.results).read_text()) if a.results else {}
    res = {k: v for k, v in res.items() if not k.startswith('_')}
    for seed in a.seeds:
        d2, _ = D.recipe_targets(dd, ens, lambda x: novelty_excess(x, nov, (0.5, 0.9)), 'neighbours_prior', 0.1, 2000,
                                 False, seed=seed)
        for init in a.inits:
            D.build_student = lambda *ar, _i=init, **kw: (warm_start(orig(*ar, **kw), ens.load_member(best), T)
                                                          if _i == 'best' else orig(*ar, **kw))
            keras.utils.set_random_seed(seed); t0 = time.perf_counter()
            g = D.teacher_gradients(ens, d2.x_train)
            st, h = D.train_student(d2, cfg['model']['arch'], seed=seed, model_kwargs=dict(width=cfg['model']['width']),
                                    verbose=0, gradients=g, gradient_weight=0.3, **tk)
            wall = time.perf_counter() - t0; D.build_student = orig
            hs = student_heads(st.predict(xt, batch_size=512, verbose=0), T)
            sh = {r['level']: float(r['auroc_student']) for r in eval_shift(sets, ens, st, kind=cfg['distill']['kind'],
                                                                              novelty=nov).to_dict('records')}
            r = {'init': init, 'seed': seed, 'lr': tk.get('initial_lr', D.STUDENT_LR), 'max_epochs': tk['max_epochs'],
                 'wall_s': wall, 'epochs': len(h.history['loss']),
                 'best_epoch': int(np.argmin(h.history['val_activity_loss'])) + 1,
                 'test_pearson': float(pearson(hs['mean'], yt).mean()),
                 'ensemble_test_pearson': float(pearson(pa['mean'], yt).mean()),
                 'ism': effect_fidelity(ism(xi, student=st, n_tasks=T)['effect'], ens_ism['ensemble_effect'])['pearson'],
                 'error_spearman_total': float(np.mean(error_spearman(hs['mean'], hs['total'], yt))),
                 'auroc_mutate': sh.get('mutate_rate0.05'), 'auroc_random': sh.get('random')}
            print(json.dumps(r), flush=True)
            res[f"{init}_s{seed}_lr{r['lr']:g}_ep{r['max_epochs']}"] = r
    rows = ['| start | seed | learning rate | epoch cap | epochs (best) | test Pearson | ISM vs ensemble | error-rank '
            'Spearman | AUROC 5% mutation / random | wall s |', '|---|---|---|---|---|---|---|---|---|---|']
    for r in res.values():
        rows.append(f"| {'best teacher' if r['init'] == 'best' else 'random (default)'} | {r['seed']} | {r['lr']:g} | "
                    f"{r['max_epochs']} | {r['epochs']} ({r['best_epoch']}) | {r['test_pearson']:.4f} | {r['ism']:.3f} | "
                    f"{r['error_spearman_total']:.3f} | {r['auroc_mutate']:.3f} / {r['auroc_random']:.3f} | "
                    f"{r['wall_s']:.0f} |")
    e = next(iter(res.values()))['ensemble_test_pearson']
    body = [f"Run `{a.run}`: ensemble test Pearson {e:.4f}; teachers' validation Pearson "
            f"{', '.join(f'{s:.4f}' for s in skill)} (the best, teacher {best}, is the warm start). Wall time includes the "
            "teachers' gradients.", ''] + rows
    record('warm_start', 'A student warm-started from its best teacher (issues 28, 29)',
           'python benchmarks/experiments/warm_start.py ' + ' '.join(sys.argv[1:]), '\n'.join(body),
           numbers={**res, '_skill': skill, '_best': best})

if __name__ == '__main__': main()
