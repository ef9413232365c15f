"""A labelled shift of our own (issue 28, part 4): hold the GC-richest decile of lentiMPRA elements out of training,
run `degu run` on the rest, and score the held-out region against the in-distribution test split.

    python benchmarks/heldout_region.py --out runs/heldout_gc [--set distill.recipe=standard]

The region was chosen before any result was seen: sequences whose GC content is at or above the 90th percentile of all
embedded lentiMPRA sequences (GC does not change under reverse complement, so both orientations of an element fall on
the same side). Reports: Pearson on each side, AUROC of each score (student epistemic, aleatoric, total, novelty, the
calibration-split combination) for held-out vs in-distribution test, error-rank Spearman pooled over both, and coverage
and width of the stored 90% intervals on each side. Results: `benchmarks/results/heldout_region.json`."""
import argparse, json, os, sys, time, subprocess
from pathlib import Path
import numpy as np

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--out', default='runs/heldout_gc')
    ap.add_argument('--quantile', type=float, default=0.9)
    ap.add_argument('--set', action='append', default=[], help='config overrides key=value (YAML value)')
    ap.add_argument('--results', default='benchmarks/results/heldout_region.json')
    a = ap.parse_args()
    import yaml
    from degu.data import load_dataset, SeqDataset, write_h5
    from degu.pipeline import run_pipeline, example_config
    from degu.run import load_run
    from degu.uncertainty import auroc, error_spearman, combine_scores
    from degu.utils import pearson
    from degu.shift import hold_out_region, gc_content
    out = Path(a.out); out.mkdir(parents=True, exist_ok=True)
    ds = load_dataset('lentimpra_hepg2', seed=0)
    kept, region, thr = hold_out_region(ds, gc_content, a.quantile)
    keep = kept.splits; xh, yh = region['x'], region['y']
    h5 = out/'data_without_region.h5'
    if not h5.exists(): write_h5(kept, h5)
    cfg = example_config('quickstart'); cfg['data']['source'] = str(h5.resolve())
    for kv in a.set:
        k, v = kv.split('=', 1); d = cfg
        for p in k.split('.')[:-1]: d = d[p]
        d[k.split('.')[-1]] = yaml.safe_load(v)
    t0 = time.perf_counter(); rep = run_pipeline(cfg, out/'run', verbose=1); wall = time.perf_counter() - t0
    run = load_run(out/'run'); xt, yt = keep['test']['x'], keep['test']['y']; T = len(run.targets); tn = run.targets[0]
    pt, ph = run.predict(xt), run.predict(xh)
    comb = rep.get('score_combination')
    def scores(p):
        s = {'student_epistemic': p[f'{tn}_epistemic'].to_numpy(), 'student_total': p[f'{tn}_total'].to_numpy(),
             'novelty': p['novelty'].to_numpy()}
        if f'{tn}_aleatoric' in p: s['student_aleatoric'] = p[f'{tn}_aleatoric'].to_numpy()
        if comb: s['combined'] = combine_scores(comb, {k: v[:, None] for k, v in s.items()})[:, 0]
        return s
    st, sh = scores(pt), scores(ph)
    mu = np.r_[pt[f'{tn}_mean'], ph[f'{tn}_mean']][:, None]; y = np.r_[yt[:, 0], yh[:, 0]][:, None]
    cov = lambda p, yy: float(((p[f'{tn}_lo90'] <= yy[:, 0]) & (yy[:, 0] <= p[f'{tn}_hi90'])).mean())
    wid = lambda p: float((p[f'{tn}_hi90'] - p[f'{tn}_lo90']).mean())
    ens = run.predict(xh, ensemble=True); enst = run.predict(xt, ensemble=True)
    res = {'threshold_gc': round(thr, 4), 'n_heldout': int(len(xh)), 'n_test': int(len(xt)), 'n_train': rep['n_train'], 'run_wall_s': round(wall),
           'config_overrides': a.set,
           'pearson': {'student_test': float(pearson(pt[[f'{tn}_mean']].to_numpy(), yt)[0]),
                       'student_heldout': float(pearson(ph[[f'{tn}_mean']].to_numpy(), yh)[0]),
                       'ensemble_test': float(pearson(enst[[f'{tn}_mean']].to_numpy(), yt)[0]),
                       'ensemble_heldout': float(pearson(ens[[f'{tn}_mean']].to_numpy(), yh)[0])},
           'auroc': {k: auroc(st[k], sh[k]) for k in st},
           'auroc_ensemble': {'epistemic': auroc(enst[f'{tn}_epistemic'].to_numpy(), ens[f'{tn}_epistemic'].to_numpy()),
                              'total': auroc(enst[f'{tn}_total'].to_numpy(), ens[f'{tn}_total'].to_numpy())},
           'error_spearman_pooled': {k: float(error_spearman(mu, np.r_[st[k], sh[k]][:, None], y)[0]) for k in st},
           'coverage90': {'test': cov(pt, yt), 'heldout': cov(ph, yh), 'ensemble_heldout': cov(ens, yh)},
           'width90': {'test': wid(pt), 'heldout': wid(ph)},
           'report_student_pearson': rep['student']['pearson'], 'report_ensemble_pearson': rep['ensemble']['pearson']}
    commit = subprocess.run(['git', 'rev-parse', '--short', 'HEAD'], capture_output=True, text=True).stdout.strip()
    cpu = next((l.split(':', 1)[1].strip() for l in open('/proc/cpuinfo') if l.startswith('model name')), '?')
    allres = json.loads(Path(a.results).read_text()) if Path(a.results).exists() else {}
    key = ','.join(a.set) or 'default'
    allres[key] = {**res, '_meta': {'commit': commit, 'cpu': cpu, 'date': time.strftime('%Y-%m-%d'), 'command': 'python ' + ' '.join(sys.argv)}}
    Path(a.results).parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(a.results).with_suffix('.tmp'); tmp.write_text(json.dumps(allres, indent=1)); os.replace(tmp, a.results)
    print(json.dumps(res, indent=1))

if __name__ == '__main__': main()
