"""Distilling toward the measured activity: does mixing the measured activity into the student's activity targets
close its gap to the ensemble, and what does it cost? (issues 28, 33)

Knowledge distillation classically mixes the teacher's soft targets with the measured labels. Each line: one student
trained on a finished run's teachers and targets, with the training split's activity targets set to
`(1 - w) * ensemble mean + w * y` (`distill.mix_measured`); everything else as the run's config (the default recipe,
its seed given). Prepare a student folder (a copy of RUN up to its targets, mixed, with `distill.seed` S), then train and
score it with `degu run DST/config.json --out DST`:

    python benchmarks/experiments/measured_weight.py --prepare RUN DST W S

Tabulate pairs of finished folders (the same teachers and seed, w = 0 and w > 0):

    python benchmarks/experiments/measured_weight.py CONTROL:MIXED [CONTROL:MIXED ...]"""
import argparse, json, os, shutil, sys
from pathlib import Path
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

def prepare(src, dst, w:float, seed:int):
    "Copy run `src` up to its distillation targets into `dst`, the training activity targets mixed at `w`, seed `seed`."
    src, dst = Path(src), Path(dst)
    if dst.exists(): shutil.rmtree(dst)
    dst.mkdir(parents=True)
    for p in src.iterdir():
        if p.name in {'config.json', 'dataset.h5', 'manifest.json', 'shifted.h5', 'teachers', 'distill.h5', 'novelty.npz'}:
            (shutil.copytree if p.is_dir() else shutil.copy2)(p, dst/p.name)
    c = json.loads((dst/'config.json').read_text()); c['distill']['seed'] = seed
    (dst/'config.json').write_text(json.dumps(c, indent=1))
    m = json.loads((dst/'manifest.json').read_text())
    m['stages'] = {k: v for k, v in m['stages'].items() if k in ('data', 'ensemble', 'evaluate', 'distill')}
    (dst/'manifest.json').write_text(json.dumps(m, indent=1))
    from degu.data import read_h5, write_h5
    from degu.distill import mix_measured
    write_h5(mix_measured(read_h5(dst/'distill.h5'), w), dst/'distill.h5')   # what `distill.measured_weight` stores

def share(run)->float:
    "The measured share w of a folder's training activity targets, read back from its distill.h5."
    import h5py, numpy as np
    with h5py.File(Path(run)/'distill.h5') as f:
        T = f['Train/y'].shape[1]; yd, em, y = f['Train/y_distill'][:, :T], f['Train/ens_mean'][...], f['Train/y'][...]
    ok = np.abs(y - em) > 1e-3
    return float(np.median((yd - em)[ok]/(y - em)[ok]))

def scores(run)->dict:
    r = json.loads((Path(run)/'report.json').read_text()); iv = r['intervals']['student_total']['0.1']
    sh = {x['level']: x for x in r['shift']}
    au = [v.get('auroc_student') for k, v in sh.items() if k.split('_')[0] in ('random', 'shuffle', 'foreign')]
    return {'w': share(run), 'seed': json.loads((Path(run)/'config.json').read_text())['distill']['seed'],
            'student': r['student']['pearson'], 'ensemble': r['ensemble']['pearson'],
            'ism': r['variants']['fidelity']['student']['pearson'], 'error_rank': r['student']['uncertainty_error_spearman'],
            'width': iv['width_vs_constant'], 'coverage': iv['coverage'],
            'auroc_min': min(a for a in au if a is not None) if any(a is not None for a in au) else None}

if __name__ == '__main__':
    ap = argparse.ArgumentParser(); ap.add_argument('pairs', nargs='*'); ap.add_argument('--prepare', nargs=4, default=None)
    a = ap.parse_args()
    if a.prepare: prepare(a.prepare[0], a.prepare[1], float(a.prepare[2]), int(a.prepare[3])); sys.exit(0)
    from _record import record
    rows, nums = [], []
    for pair in a.pairs:
        c, m = pair.split(':'); sc, sm = scores(c), scores(m)
        nums.append({'control': c, 'mixed': m, **{f'{k}_control': v for k, v in sc.items()}, **{f'{k}_mixed': v for k, v in sm.items()}})
        f = lambda v: '-' if v is None else f'{v:.3f}'
        rows.append(f"| {c} -> {m} | {sm['w']:.2f} | {sc['seed']} | {sc['ensemble']:.4f} | {sc['student']:.4f} -> **{sm['student']:.4f}** "
                    f"({sm['student'] - sc['student']:+.4f}) | {sc['ism']:.3f} -> {sm['ism']:.3f} | "
                    f"{sc['error_rank']:.3f} -> {sm['error_rank']:.3f} | {sc['width']:.3f} -> {sm['width']:.3f} | "
                    f"{sc['coverage']:.3f} -> {sm['coverage']:.3f} | {f(sc['auroc_min'])} -> {f(sm['auroc_min'])} |")
    body = ["Each pair: the same teachers, targets and student seed; left the run's own student (w = 0), right the "
            "student trained with the measured share w in its activity targets (`--prepare`). Student test Pearson, "
            "ISM fidelity (student vs ensemble effects over every substitution of 30 test sequences), error-rank "
            "Spearman (student total std), 90% interval width vs constant and coverage, and the worst student epistemic "
            "AUROC over random DNA, shuffles and the foreign library.", '',
            '| control -> mixed | w | seed | ensemble | student test Pearson | ISM fidelity | error rank | width | coverage | AUROC worst |',
            '|---|---|---|---|---|---|---|---|---|---|'] + rows + ['']
    for w in sorted({round(n['w_mixed'], 2) for n in nums}):
        g = [n for n in nums if round(n['w_mixed'], 2) == w]
        d = [n['student_mixed'] - n['student_control'] for n in g]; di = [n['ism_mixed'] - n['ism_control'] for n in g]
        body.append(f"- w = {w:g}: test Pearson change mean {sum(d)/len(d):+.4f} ({min(d):+.4f} to {max(d):+.4f}, "
                    f"{sum(x > 0 for x in d)} of {len(d)} up); ISM fidelity change mean {sum(di)/len(di):+.4f} "
                    f"({min(di):+.4f} to {max(di):+.4f}).")
    record('measured_weight', 'Distilling toward the measured activity (issues 28, 33)',
           'python benchmarks/experiments/measured_weight.py ' + ' '.join(a.pairs), '\n'.join(body), numbers={'pairs': nums})
