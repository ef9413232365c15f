"""Is the effect-std head limited by its data, its ridge, or its features? (issue 33 part 3; `effect_std_heads.py`
compared heads on features at the defaults of 2026-12-05, this repeats that at today's and adds the data scan)

The head (`variants.fit_effect_std`) is a ridge regression of the log of the teachers' spread of a substitution's effect
on features of the student's last hidden layer at ref and alt (|dh|, dh, h at ref, position, base pair). Part 1 refits it
with more sequences, more substitutions per sequence and other ridge penalties, and scores each fit as `degu run` does
(Spearman against the teachers' spread over every substitution of the fidelity stage's test sequences). Part 2 fits, on
30,000 random substitutions of 3,000 training sequences, the same features and the features plus the student's |effect|
and its epistemic std at ref and alt, by ridge, gradient boosting (scikit-learn, benchmark only) and a small MLP (64 ReLU
units, dropout 0.2, early stopping), scored on 10,000 substitutions of 1,000 validation sequences.

Run: python benchmarks/experiments/effect_std_head_limits.py RUN [--key KEY]"""
import argparse, os, sys, time
sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..'))
import numpy as np
from scipy.stats import spearmanr
from _record import record
from degu.run import load_run
from degu.train import predict
from degu.variants import (fit_effect_std, ism, member_effects, effect_std_agreement, effect_features, last_hidden,
                           _as_onehot)

ap = argparse.ArgumentParser(); ap.add_argument('run'); ap.add_argument('--key', default='effect_std_head_limits')
a = ap.parse_args(); t00 = time.perf_counter()
run = load_run(a.run); dd = run._dd; cfg = run.config; ens = run.ensemble
xt = dd.splits['test']['x']; k = cfg['evaluate'].get('fidelity_seqs', 30) or 30
x = xt[np.sort(np.random.default_rng(cfg['split']['seed']).choice(len(xt), min(k, len(xt)), replace=False))]
me = member_effects(x, ens)
scan = []
for n_seqs, kk, lam in [(2000, 10, 1e-3), (2000, 10, 1e-2), (2000, 10, 1e-4), (6000, 10, 1e-3), (2000, 30, 1e-3),
                        (8000, 20, 1e-3)]:
    t0 = time.perf_counter()
    head = fit_effect_std(dd.splits['train']['x'], run.student, ens, n_seqs=n_seqs, k=kk, ridge=lam, seed=0)
    t = time.perf_counter() - t0
    r = ism(x, student=run.student, n_tasks=len(run.targets), kind=run.kind, effect_head=head)
    scan.append((n_seqs, kk, lam, effect_std_agreement(r['effect_std'], me)['spearman'], t)); print(scan[-1], flush=True)

def pairs(x, n_seqs, k, seed):
    "Random single substitutions of `n_seqs` sequences: features, extra student outputs, the teachers' spread."
    rng = np.random.default_rng(seed); x = _as_onehot(x)
    x = x[np.sort(rng.choice(len(x), min(n_seqs, len(x)), replace=False))]; n, L, _ = x.shape
    i = np.repeat(np.arange(n), k); pos = (rng.random((n*k, L))*x[i].any(-1)).argmax(1)
    ref = x[i, pos].argmax(-1); alt = (ref + rng.integers(1, 4, n*k)) % 4
    m = x[i]; m[np.arange(n*k), pos] = np.eye(4, dtype=x.dtype)[alt]
    s = (ens.predict_members(m, 512) - ens.predict_members(x, 512)[:, i]).std(0)[:, 0]
    hid = last_hidden(run.student); hr = predict(hid, x, 512); ha = predict(hid, m, 512)
    F = effect_features(hr[i], ha, pos/max(L - 1, 1), np.eye(16)[ref*4 + alt])
    po = predict(run.student, m, 512); pr = predict(run.student, x, 512)[i]
    return F, np.stack([np.abs(po[:, 0] - pr[:, 0]), po[:, 1], pr[:, 1]], 1), s

F, E, s = pairs(dd.splits['train']['x'], 3000, 10, 0)
Fv, Ev, sv = pairs(dd.splits['valid']['x'], 1000, 10, 1)
eps = 0.05*np.median(s); y = np.log(s + eps)
def ridge(A, Av, lam=1e-3):
    mu, sd = A.mean(0), A.std(0) + 1e-6; Z, Zv = (A - mu)/sd, (Av - mu)/sd
    w = np.linalg.solve(Z.T @ Z + lam*len(Z)*np.eye(Z.shape[1]), Z.T @ (y - y.mean())); return Zv @ w
def hgb(A, Av):
    from sklearn.ensemble import HistGradientBoostingRegressor
    return HistGradientBoostingRegressor(max_iter=300, learning_rate=0.1, random_state=0).fit(A, y).predict(Av)
def mlp(A, Av):
    import keras
    keras.utils.set_random_seed(0); mu, sd = A.mean(0), A.std(0) + 1e-6
    m = keras.Sequential([keras.Input((A.shape[1],)), keras.layers.Dense(64, activation='relu'),
                          keras.layers.Dropout(0.2), keras.layers.Dense(1)])
    m.compile('adam', 'mse')
    m.fit((A - mu)/sd, y - y.mean(), epochs=30, batch_size=256, verbose=0, validation_split=0.1,
          callbacks=[keras.callbacks.EarlyStopping(patience=4, restore_best_weights=True)])
    return m.predict((Av - mu)/sd, verbose=0)[:, 0]
fits = {}
for fname, A, Av in [('features', F, Fv), ('features + the student\'s abs(effect), std at ref and alt', np.c_[F, E], np.c_[Fv, Ev])]:
    for mname, f in [('ridge', ridge), ('gradient boosting', hgb), ('MLP', mlp)]:
        fits[(fname, mname)] = float(spearmanr(f(A, Av), sv)[0]); print(fname, mname, fits[(fname, mname)], flush=True)
wall = time.perf_counter() - t00
rows1 = '\n'.join(f'| {n:,} | {kk} | {lam:g} | {n*kk:,} | {sp:.3f} | {t:.0f} |' for n, kk, lam, sp, t in scan)
rows2 = '\n'.join(f'| {fn} | {mn} | {v:.3f} |' for (fn, mn), v in fits.items())
body = f"""Run `{a.run}` ({ens.n_members} teachers). {wall:.0f} s in all.

Part 1, the head as `degu run` fits it, with more data or another penalty; Spearman against the teachers' spread over
every substitution of {len(x)} test sequences (the `effect_std` figure; default: the first line):

| training sequences | substitutions each | ridge | pairs | Spearman | fit s |
|---|---|---|---|---|---|
{rows1}

Part 2, other regressors on {len(F):,} training pairs, Spearman on {len(Fv):,} validation pairs:

| features | regressor | Spearman |
|---|---|---|
{rows2}
"""
record(a.key, 'Is the effect-std head limited by its data, its ridge, or its features? (issue 33)',
       'python benchmarks/experiments/effect_std_head_limits.py ' + ' '.join(sys.argv[1:]), body,
       numbers={'scan': [dict(zip(['n_seqs', 'k', 'ridge', 'spearman', 'fit_s'], r)) for r in scan],
                'fits': {f'{fn} / {mn}': v for (fn, mn), v in fits.items()}, 'run': a.run, 'wall_s': wall})
