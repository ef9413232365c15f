"""Does the student's distance-aware prior cost it capacity? (issues 28, 33) The prior in the student's graph.

`recipe_targets` widens the epistemic targets of the off-data sequences by a prior std, `(1 - exp(-excess)) * sy`, from
the Markov novelty; the student's trunk must learn to recognise those sequences, and on the check tables the student
follows its ensemble's ISM effects less with them than without (BENCHMARKS.md, "Gradient matching on the check tables").
Here the prior is computed inside the student instead: `NoveltyPrior` reads the Markov chain's table and makes the
epistemic head `sqrt(u**2 + p(x)**2)`, `u` the trunk's own head. Targets, loss and data stay as they are; the trunk then
fits only the teachers' spread. The layer was written here first; since dda432d it is degu's (`distill.NoveltyPrior`,
`distill.prior_in_graph`, on by default from q 1), and this module patches it onto students that `train_student` builds
without it, so that any edge can be compared on a finished run's teachers.

Run through `benchmarks/student_recipes.py --prior-head [--prior-head-edge Q]`, which builds every student of that
invocation with the layer (`patched(prior)`); Q is the training-distance quantile where the in-graph prior starts. Then
    python benchmarks/experiments/prior_head.py --table NAME=RESULTS.json ...
writes the table of those results (each file: the default student and the in-graph prior, per seed) to BENCHMARKS.md.
    python benchmarks/experiments/prior_head.py --runs BEFORE:AFTER ...
prints two finished runs' figures side by side (the same teachers, the student retrained with the prior in its graph).
Without arguments: checks the layer against `novelty_excess` (no training)."""
import contextlib
import numpy as np
import tensorflow as tf
import keras

from degu.distill import NoveltyPrior, novelty_prior     # the experiment's layer, in degu since dda432d

@contextlib.contextmanager
def patched(prior:dict):
    "Within the block, `degu.distill.build_student` (which `train_student` calls) appends `NoveltyPrior(**prior)`."
    import degu.distill as D
    orig = D.build_student
    def build(*a, **k):
        m = orig(*a, **k); T = k.get('n_tasks') or np.shape(a[1])[1]//2; unc = a[3] if len(a) > 3 else k.get('unc', 'std')
        return keras.Model(m.inputs, NoveltyPrior(**prior, n_tasks=T, unc=unc, name='novelty_prior')([m.inputs[0],
                                                                                                       m.outputs[0]]),
                           name='student')
    D.build_student = build
    try: yield
    finally: D.build_student = orig

@contextlib.contextmanager
def nan_aware_loss():
    """Within the block, the students' head loss (`degu.distill.StandardizedMSE`) skips NaN targets: with the off-data
    sequences' activity targets set to NaN, those sequences teach the uncertainty heads only."""
    import degu.distill as D
    orig = D.StandardizedMSE
    class NanAwareMSE(orig):
        def call(self, y_true, y_pred):
            sc = tf.constant(self.scale, y_pred.dtype); w = tf.constant(self.head_weights, y_pred.dtype)
            yt = tf.cast(y_true, y_pred.dtype); ok = tf.math.is_finite(yt)
            se = tf.where(ok, tf.square((tf.where(ok, yt, 0.) - y_pred)/sc), 0.)
            return tf.reduce_sum(se*w, -1)/tf.reduce_sum(w)
    D.StandardizedMSE = NanAwareMSE
    try: yield
    finally: D.StandardizedMSE = orig

def drop_far_activity(d2, n_near:int, T:int):
    "A copy of a recipe's data set whose rows from `n_near` on (the off-data sequences) have NaN activity targets."
    from degu.data import SeqDataset
    tr = dict(d2.splits['train']); y = np.array(tr['y_distill'], np.float32); y[n_near:, :T] = np.nan
    tr['y_distill'] = y; return SeqDataset({**d2.splits, 'train': tr}, d2.targets, d2.provenance)

def table(runs:dict)->str:
    "Markdown rows: one per student in each run's `student_recipes.py` results, the default first."
    rows = ['| run | student | seed | test Pearson (ensemble) | ISM vs ensemble | epistemic vs ensemble std | error rank (total) '
            '| AUROC epistemic: random / mono / dinuc / foreign | AUROC novelty: random / mono / foreign | epochs | wall s |',
            '|---|---|---|---|---|---|---|---|---|---|---|']
    for name, res in runs.items():
        keys = sorted((k for k in res if not k.startswith('_')), key=lambda k: ('_s1001' in k, 'priorhead' in k, 'nofaract' in k, k))
        for k in keys:
            r = res[k]; sh = r['shift']; f = lambda lv, c: next(v[c] for n, v in sh.items() if n.startswith(lv))
            kind = (f"prior in the graph, from q {k.split('priorhead')[1] or '0.9'}" if 'priorhead' in k else
                    'no activity targets off the data' if 'nofaract' in k else 'default')
            rows.append(f"| {name} | {kind} | {1001 if '_s1001' in k else 1000} | {r['test_pearson']:.4f} "
                        f"({r['ensemble_test_pearson']:.4f}) | {r['ism']['pearson']:.3f} | {r['epistemic_fidelity']:.3f} | "
                        f"{r['error_spearman_total']:.3f} | " + ' / '.join(f"{f(l, 'auroc_student'):.3f}" for l in
                                                                   ('random', 'shuffle_mono', 'shuffle_dinuc', 'foreign')) +
                        ' | ' + ' / '.join(f"{f(l, 'auroc_novelty'):.3f}" for l in ('random', 'shuffle_mono', 'foreign')) +
                        f" | {r['epochs']} | {r['wall_s']:.0f} |")
    return '\n'.join(rows)

def compare_runs(pairs)->str:
    "Markdown rows from two finished runs' report.json per pair (`BEFORE:AFTER`): the same teachers, two students."
    import json
    from pathlib import Path
    rows = ['| run | student | test Pearson (ensemble) | ISM vs ensemble | error rank (total) | 90% width vs constant (coverage) '
            '| AUROC epistemic: random / mono / dinuc / foreign |', '|---|---|---|---|---|---|---|']
    for pair in pairs:
        for i, run in enumerate(pair.split(':')):
            r = json.loads((Path(run)/'report.json').read_text()); iv = r['intervals']['student_total']['0.1']
            au = {s['level'].split('_source')[0]: s.get('auroc_student') for s in r['shift']}
            rows.append(f"| `{run}` | {'prior in the graph' if r.get('config', {}).get('distill', {}).get('prior_in_graph') or i else 'before'} | "
                        f"{r['student']['pearson']:.4f} ({r['ensemble']['pearson']:.4f}) | "
                        f"{r['variants']['fidelity']['student']['pearson']:.3f} | {r['student']['uncertainty_error_spearman']:.3f} | "
                        f"{iv['width_vs_constant']:.3f} ({iv['coverage']:.3f}) | " +
                        ' / '.join(f"{au[k]:.3f}" for k in ('random', 'shuffle_mono', 'shuffle_dinuc', 'foreign')) + ' |')
    return '\n'.join(rows)

if __name__ == '__main__' and len(__import__('sys').argv) > 2 and __import__('sys').argv[1] == '--runs':
    print(compare_runs(__import__('sys').argv[2:]))
elif __name__ == '__main__' and len(__import__('sys').argv) > 2 and __import__('sys').argv[1] == '--table':
    import json, sys
    from pathlib import Path
    sys.path.insert(0, str(Path(__file__).resolve().parents[1])); from _record import record
    runs = {a.split('=')[0]: json.loads(Path(a.split('=')[1]).read_text()) for a in sys.argv[2:]}
    record('prior_head', "The student's prior in its graph: does it free the trunk? (issues 28, 33)",
           'python benchmarks/student_recipes.py --run RUN --recipes neighbours_prior --far 0.1 --far-min 2000 --edge 0.9 '
           '--far-only --gradient-weights 0.3 [--max-epochs 30] --seed S [--prior-head --prior-head-edge Q] --out '
           'benchmarks/results/prior_head_T.json; python benchmarks/experiments/prior_head.py --table ' + ' '.join(sys.argv[2:]),
           table(runs))
elif __name__ == '__main__':      # the layer against `novelty_excess`, N and padding included (a check, no training)
    from degu.data import one_hot
    from degu.uncertainty import fit_novelty, novelty_excess
    xq = one_hot(['ACGTACGTTGCAAGCT', 'AAAAAAAAAAAAAAAA', 'NNACGTTGCANNAGCT', 'N'*16]).astype('float32')
    mq = fit_novelty(one_hot(['ACGTACGTTGCAAGCTAGGCTTACGATCGATG', 'TTGCAAGCTACGTACGGATCCATGCAAGCTTA']*20)[:, :16], 3,
                     kind='markov')
    lay = NoveltyPrior(**novelty_prior(mq, [0.5, 2.], (0.5, 0.9)), n_tasks=2)
    want = (1 - np.exp(-novelty_excess(xq, mq, (0.5, 0.9))))[:, None]*np.array([0.5, 2.])
    got = lay.prior_std(xq).numpy(); assert np.allclose(got, want, atol=1e-5), (got, want)
    assert np.allclose(got[3], [0.5, 2.]) and want[1, 0] > 0.3
    h = np.array([[0., 1., 0.1, 0.3, 5., 6.]]*4, np.float32); o = lay([xq, h]).numpy()
    assert np.allclose(o[:, 2:4], np.sqrt(h[:, 2:4]**2 + want**2), atol=1e-5) and np.array_equal(o[:, [0, 1, 4, 5]], h[:, [0, 1, 4, 5]])
    print('NoveltyPrior matches novelty_excess:', np.round(got[:, 0], 4).tolist())
