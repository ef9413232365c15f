"""Do the notebook tests catch planted bugs? Plant each bug below in its notebook (the source of truth), run that
notebook's tests with `nbdev_test --path`, restore the notebook, and report KILLED (a test failed) or SURVIVED.

A survivor is a missing test: add one to the notebook that fails on the bug, then rerun that mutant. Run it on a clean
tree (it refuses otherwise) and not while other work edits the notebooks; each notebook is restored from a private copy
after its run, also on Ctrl-C. Each line: notebook, the exact text (found once), and the planted bug.

Run: python .ci/mutants.py [K ...]     (default: every mutant; about 15 minutes on 2 cores)"""
import os, shutil, signal, subprocess, sys, tempfile, time, json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MUTANTS = [
    ('06_uncertainty', "k = int(np.ceil((n + 1)*(1 - alpha) - 1e-9))", "k = int(np.ceil(n*(1 - alpha) - 1e-9))"),
    ('06_uncertainty', "return float(np.partition(s, k - 1)[k - 1])", "return float(np.partition(s, k - 2)[k - 2])"),
    ('06_uncertainty', "(r.sum() - len(pos)*(len(pos) + 1)/2)", "(r.sum() - len(pos)*(len(pos) - 1)/2)"),
    ('06_uncertainty', "order = np.argsort(np.ravel(sigma), kind='stable')", "order = np.argsort(-np.ravel(sigma), kind='stable')"),
    ('06_uncertainty', "good &= ok[:, j:L - k + 1 + j]", "good &= True"),
    ('06_uncertainty', "conv = (lambda u: np.exp(u/2))", "conv = (lambda u: np.exp(u))"),
    ('06_uncertainty', "side='right')/len(t)", "side='left')/len(t)"),
    ('06_uncertainty', "c = (1 - shrink)*c + shrink*np.diag(np.diag(c))", "c = (1 - shrink)*c"),
    ('06_uncertainty', "a, b = np.sort(idx[:len(x)//2]), np.sort(idx[len(x)//2:])",
     "a, b = np.sort(idx[:len(x)//2]), np.sort(idx[:len(x)//2])"),
    ('06_uncertainty', "if p['calibration'] == 'shrunk': st = shrink_sigma(st, p['lam'], p['center'])", "pass"),
    ('03_utils', "ale, epi = np.sqrt((sd**2).mean(0)), mu.std(0)", "ale, epi = sd.mean(0), mu.std(0)"),
    ('03_utils', "return np.std(np.asarray(x, np.float64), axis=axis, ddof=0)",
     "return np.std(np.asarray(x, np.float64), axis=axis, ddof=1)"),
    ('00_data', "return np.asarray(x)[..., ::-1, ::-1]", "return np.asarray(x)[..., ::-1, :]"),
    ('00_data', "if len(nxt) > 1: nxt = np.concatenate([nxt[:-1][rng.permutation(len(nxt) - 1)], nxt[-1:]])",
     "nxt = nxt[rng.permutation(len(nxt))]"),
    ('00_data', "n_tr, n_va = int(fracs[0]*len(uniq)), int(fracs[1]*len(uniq))",
     "n_tr, n_va = int(fracs[0]*len(uniq)), int(fracs[1]*len(uniq)) + 1"),
    ('00_data', "return m.group(1) if rx.groups else m.group(0)", "return i"),
    ('00_data', "left = (length - len(s)) // 2", "left = 0"),
    ('02_training', "nll = tf.math.log(s) + 0.5*tf.square((y - m)/s)", "nll = tf.math.log(s) + tf.square((y - m)/s)"),
    ('04_ensemble', "if len(keep) < min(int(min_members), self.n_members):",
     "if len(keep) < min(int(min_members), self.n_members) - 1:"),
    ('04_ensemble', "why = flag_member(r['skill'], [o.get('skill') for k, o in recs.items() if k != j],",
     "why = flag_member(r['skill'], [o.get('skill') for k, o in recs.items()],"),
    ('04_ensemble', "outs = [m(inp, training=False) for m in members]", "outs = [members[0](inp, training=False) for m in members]"),
    ('04_ensemble', "return self.subset(keep), bad", "return self, bad"),
    ('05_distill', "(1 - np.exp(-np.asarray(excess, np.float64)))", "(np.exp(-np.asarray(excess, np.float64)))"),
    ('05_distill', "conv = np.sqrt if kind == 'std' else", "conv = (lambda v: v) if kind == 'std' else"),
    ('05_distill', "hit = (tf.random.uniform((B, L, 1)) < rate) & base", "hit = tf.random.uniform((B, L, 1)) < rate"),
    ('05_distill', "dst = tf.argsort(tf.cast(~base, tf.int32), axis=1, stable=True)", "dst = tf.argsort(tf.cast(base, tf.int32), axis=1, stable=True)"),
    ('05_distill', "near = len(xs[0]) if 'neighbours' in recipe and not prior_neighbours else 0", "near = 0"),
    ('07_shift', "np.where(has, b.shape[1] - b[:, ::-1].argmax(1), 0)", "np.where(has, b.shape[1] - b[:, ::-1].argmax(1) - 1, 0)"),
    ('07_shift', "out[(i[:, None]*k + np.arange(k)).ravel(), s0:s1] = y", "out[np.repeat(i, k), s0:s1] = y"),
    ('00_data', "dst = (~base).argsort(1, kind='stable')", "dst = np.argsort(np.zeros_like(base), 1)"),
    ('07_shift', "new = (_tokens(x) + rng.integers(1, 4, x.shape[:2])) % 4", "new = (_tokens(x) + rng.integers(0, 4, x.shape[:2])) % 4"),
    ('08_attribution', "refs = {f'without {k}': ((tot - a)/(M - 1), k) for k, a in members.items()}",
     "refs = {f'without {k}': (tot/M, k) for k, a in members.items()}"),
    ('09_variants', "out['effect'] = alt['mean'] - ref['mean']", "out['effect'] = ref['mean'] - alt['mean']"),
    ('09_variants', "rest = lambda i: (m.sum(0) - m[i])/(M - 1)", "rest = lambda i: m.mean(0)"),
    ('15_run', "heads['total'][:, t]); pc = ", "heads['epistemic'][:, t]); pc = "),
    ('16_design', "keep = after <= max_mutations", "keep = after < max_mutations"),
    ('16_design', "has = x.any(-1) & free[None]", "has = x.any(-1)"),
]

def plant(path:Path, old:str, new:str):
    "Replace `old` (exactly once in the notebook's cell sources) with `new`."
    nb = json.loads(path.read_text()); n = sum(''.join(c['source']).count(old) for c in nb['cells'])
    if n != 1: raise SystemExit(f'{path.name}: {n} matches for {old[:70]!r}; update MUTANTS')
    for c in nb['cells']:
        s = ''.join(c['source'])
        if old in s: c['source'] = s.replace(old, new).splitlines(keepends=True)
    path.write_text(json.dumps(nb, indent=1, ensure_ascii=False) + '\n')

def main(sel):
    dirty = subprocess.run(['git', 'status', '--porcelain', 'nbs'], cwd=ROOT, capture_output=True, text=True).stdout
    if dirty.strip(): raise SystemExit(f'nbs/ has uncommitted changes; commit or stash them first:\n{dirty}')
    survived = []
    for k in sel:
        nb, old, new = MUTANTS[k]; p = ROOT/'nbs'/f'{nb}.ipynb'
        keep = Path(tempfile.mkdtemp())/p.name; shutil.copy2(p, keep)
        restore = lambda *a: (shutil.copy2(keep, p), sys.exit(130) if a else None)
        signal.signal(signal.SIGINT, restore); signal.signal(signal.SIGTERM, restore)
        try:
            plant(p, old, new); t0 = time.perf_counter()
            r = subprocess.run(['nbdev_test', '--path', str(p)], cwd=ROOT, capture_output=True, text=True)
            status = 'KILLED' if r.returncode else 'SURVIVED'
            if not r.returncode: survived.append(k)
            print(f'{k:2d} {nb:15s} {status:8s} ({time.perf_counter() - t0:.0f} s)  {old[:70]!r} -> {new[:50]!r}', flush=True)
        finally: shutil.copy2(keep, p)
    print(f'{len(sel) - len(survived)} of {len(sel)} planted bugs caught' + (f'; survivors: {survived}' if survived else ''))
    return 1 if survived else 0

if __name__ == '__main__': sys.exit(main([int(a) for a in sys.argv[1:]] or range(len(MUTANTS))))
