"""Question (2026-12-05, issue 33 part 3): which head on a finished run's student best predicts its teachers' spread
of each variant effect? Fitted on 10 random substitutions of 2,000 training sequences (log std, as
`variants.fit_effect_std`), judged by Spearman on every substitution of the fidelity stage's 30 test sequences.
Answer (AMD EPYC, quickstart run with the default recipe, runs/qs_far): ridge on the last hidden layer alone (|dh|, dh,
h_ref) 0.370; with a position basis and the ref>alt base pair (degu's head) 0.509; plus the first conv block's
activations at the changed position 0.506; an MLP (64 units) on degu's features 0.46; gradient-boosted trees
(scikit-learn) 0.499. A CNN trained from scratch on (ref, alt) one-hot pairs (SmallCNN width 0.5, 8 channels, 98,000
pairs, stopped early after 3 epochs) reached -0.03 in a one-off trial (not kept). Ridge stays: cheapest and best.

Run: python benchmarks/experiments/effect_std_heads.py [RUN]"""
import sys, numpy as np, keras
from degu.run import load_run
from degu.variants import last_hidden, effect_features
from degu.train import predict
from degu.utils import spearman
from sklearn.ensemble import HistGradientBoostingRegressor
run = load_run(sys.argv[1] if len(sys.argv) > 1 else 'runs/qs_far'); dd = run._dd; cfg = run.config; ens = run.ensemble
xtr, xt = dd.splits['train']['x'], dd.splits['test']['x']; L = xtr.shape[1]
base = run.student.layers[1]; hid = last_hidden(run.student)
conv = next(l for l in base.layers if len(l.output.shape) == 3 and l.output.shape[1] == L and 'activation' in l.name)
loc = keras.Model(base.inputs, conv.output)
def local(x, pos):
    return np.concatenate([predict(loc, x[a:a + 4096], 512)[np.arange(len(x[a:a + 4096])), pos[a:a + 4096]]
                           for a in range(0, len(x), 4096)])
def data(x, i, pos, alt):
    m = x[i].copy(); m[np.arange(len(i)), pos] = np.eye(4, dtype=x.dtype)[alt]
    s = (ens.predict_members(m, 512) - ens.predict_members(x, 512)[:, i]).std(0)[:, 0]
    hr, ha = predict(hid, x, 512)[i], predict(hid, m, 512)
    F = effect_features(hr, ha, pos/(L - 1), np.eye(16)[x[i, pos].argmax(-1)*4 + alt])
    cr, ca = local(x[i], pos), local(m, pos)
    return {'hidden only': np.c_[np.abs(ha - hr), ha - hr, hr], 'degu': F, '+ conv at the site': np.c_[F, np.abs(ca - cr), ca - cr, cr]}, s
rng = np.random.default_rng(0); n, k = 2000, 10; xs = xtr[np.sort(rng.choice(len(xtr), n, replace=False))]
i = np.repeat(np.arange(n), k); pos = rng.integers(0, L, n*k); alt = (xs[i, pos].argmax(-1) + rng.integers(1, 4, n*k)) % 4
tr, s = data(xs, i, pos, alt)
x30 = xt[np.sort(np.random.default_rng(cfg['split']['seed']).choice(len(xt), 30, replace=False))]
I = np.repeat(np.arange(30), 3*L); P = np.tile(np.repeat(np.arange(L), 3), 30)
A = (x30[I, P].argmax(-1) + 1 + np.tile(np.arange(3), 30*L)) % 4
te, st = data(x30, I, P, A)
S = lambda p: round(float(spearman(np.asarray(p)[:, None], st[:, None])[0]), 3)
y = np.log(s + 0.05*np.median(s)); y0 = y - y.mean()
for name in tr:
    mu, sd = tr[name].mean(0), tr[name].std(0) + 1e-6; Z, Zt = (tr[name] - mu)/sd, (te[name] - mu)/sd
    w = np.linalg.solve(Z.T @ Z + 1e-3*len(Z)*np.eye(Z.shape[1]), Z.T @ y0); print('ridge', name, S(Zt @ w), flush=True)
    if name != 'degu': continue
    m = keras.Sequential([keras.Input((Z.shape[1],)), keras.layers.Dense(64, activation='relu'), keras.layers.Dense(1)])
    m.compile(keras.optimizers.Adam(1e-3), 'mse')
    m.fit(Z, y0, epochs=40, batch_size=512, verbose=0, validation_split=0.1,
          callbacks=[keras.callbacks.EarlyStopping(patience=3, restore_best_weights=True)])
    print('mlp', name, S(m.predict(Zt, verbose=0)[:, 0]))
    print('boosted trees', name, S(HistGradientBoostingRegressor(max_iter=300, learning_rate=0.05).fit(Z, y0).predict(Zt)))
