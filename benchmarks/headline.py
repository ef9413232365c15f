"""Where degu stands: the headline table at the top of BENCHMARKS.md, written from the recorded results
(`benchmarks/results/*.json`), one row per figure: value, goal, met or not, and the commit, CPU and date that measured it.

Run: python benchmarks/headline.py            (rewrite the table, and lay out the history below it)
     python benchmarks/headline.py --check    (exit 1 when BENCHMARKS.md differs from what this would write)"""
import argparse, json, sys
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parent))
from _record import BENCH, RESULTS, parse, layout

def _shift(d, level, score='auroc_student'):
    return next(s[score] for s in d['shift'] if s['level'] == level)

def _runs(d): return [v for k, v in d.items() if k != '_meta']

def _recipe(d, level, score='auroc_student'): return d['shift'][level][score]

def _cut(d, opt):
    "Largest overestimation cut (fraction of kappa 0's) at a kappa whose oracle gain is at least kappa 0's."
    r = d[opt]; o0, g0 = r['0']['overestimation'], r['0']['oracle_gain']
    return max([0.] + [(o0 - v['overestimation'])/o0 for k, v in r.items() if k != '0' and v['oracle_gain'] >= g0])

# `degu quickstart` as shipped at 0b5b176 (the student's learning rate cosine over 14 epochs; quickstart_time.py's run,
# 2026-12-07)
QS, CTS = 'run_uncertainty_quickstart_cosine14', 'student_recipes_ct_short'
# today's default (markov+kmer novelty, its prior in the student's graph) on the check tables rebuilt 2026-12-07, seeds
# 1000 and 1001: results keyed by each run folder, its Markov-only twin beside it
NMK = 'novelty_markov_kmer'
_nmk = lambda d, table: [v['markov+kmer'] for k, v in d.items() if k != '_meta' and f'/{table}/' in k]
_mean = lambda xs: sum(xs)/len(xs)
LC = ('homopolymer_window', 'dinuc_window', 'tandem', 'homopolymer')
FS = 'run_uncertainty_full_size'
# the same figure read from a finished run's results (run_uncertainty.py): quickstart and full size
_gap = lambda d: d['student']['pearson'] - d['ensemble']['pearson']
_width = lambda d: d['intervals']['student_total']['0.1']['width_vs_constant']
_err_rank = lambda d: d['error_ranking']['student_total']['spearman']
_ism = lambda d: d['variants']['fidelity']['student']['pearson']
NP = 'neighbours_prior_far0.1_min2000_edge0.9_faronly'      # the default recipe's settings on the check tables
HR = 'shift.novelty=markov+kmer,distill.prior_in_graph=true'   # the held-out GC run at today's defaults
FOREIGN = 'foreign_sourcedeepstarr_sample'
# (figure, results file, value from the JSON, goal as text, met when, issue)
FIGURES = [
    ('quickstart: student test Pearson minus the ensemble\'s', QS, _gap, '>= -0.01', lambda v: v >= -0.01, 28),
    ('quickstart: student epistemic AUROC, random DNA vs test', QS, lambda d: _shift(d, 'random'), '>= 0.9',
     lambda v: v >= 0.9, 28),
    ('quickstart: student epistemic AUROC, mono shuffles', QS, lambda d: _shift(d, 'shuffle_mono'), '>= 0.9',
     lambda v: v >= 0.9, 28),
    ('quickstart: student epistemic AUROC, Drosophila library', QS, lambda d: _shift(d, FOREIGN), '>= 0.8',
     lambda v: v >= 0.8, 28),
    ('quickstart: student epistemic AUROC, low-complexity repeats (shift level `repeat`)', QS,
     lambda d: _shift(d, 'repeat'), '>= 0.9', lambda v: v >= 0.9, 28),
    ('quickstart: novelty AUROC, worst of random / mono / Drosophila', QS,
     lambda d: min(_shift(d, lv, 'auroc_novelty') for lv in ('random', 'shuffle_mono', FOREIGN)), '>= 0.99',
     lambda v: v >= 0.99, 28),
    ('quickstart: 90% student-total interval coverage', QS, lambda d: d['intervals']['student_total']['0.1']['coverage'],
     '0.88-0.92', lambda v: 0.88 <= v <= 0.92, 28),
    ('quickstart: 90% interval width vs constant width', QS, _width, '<= 0.97', lambda v: v <= 0.97, 28),
    ('quickstart: error-rank Spearman, student total std', QS, _err_rank, '>= 0.15', lambda v: v >= 0.15, 28),
    ('quickstart: ISM effects, student vs ensemble Pearson', QS, _ism, '>= 0.95', lambda v: v >= 0.95, 33),
    ('full size (DeepSTARR width 1): student test Pearson minus the ensemble\'s', FS, _gap, '>= -0.01',
     lambda v: v >= -0.01, 28),
    ('full size: student epistemic AUROC, worst of random / mono / Drosophila', FS,
     lambda d: min(_shift(d, lv) for lv in ('random', 'shuffle_mono', FOREIGN)), '>= 0.9', lambda v: v >= 0.9, 28),
    ('full size: 90% interval width vs constant width', FS, _width, '<= 0.97', lambda v: v <= 0.97, 28),
    ('full size: error-rank Spearman, student total std', FS, _err_rank, '>= 0.15', lambda v: v >= 0.15, 28),
    ('full size: ISM effects, student vs ensemble Pearson', FS, _ism, '>= 0.9', lambda v: v >= 0.9, 33),
    ('quickstart: student effect_std vs the teachers\' spread of each ISM effect, Spearman', 'effect_std',
     lambda d: next(v['spearman'] for k, v in d.items() if k.startswith('qs')), '>= 0.6', lambda v: v >= 0.6, 33),
    ('check tables (worst of 2): student effect_std vs the teachers\' spread, Spearman', 'effect_std',
     lambda d: min(d['ct6000']['spearman'], d['ct_short']['spearman']), '>= 0.6', lambda v: v >= 0.6, 33),
    ('quickstart, both student seeds: student epistemic AUROC, low-complexity DNA (worst of homopolymer / dinucleotide '
     'windows, tandem repeats, homopolymers)', NMK, lambda d: min(f['low_complexity'][s] for f in _nmk(d, 'qs_time')
                                                                   for s in LC), '>= 0.9', lambda v: v >= 0.9, 28),
    ('check tables, both seeds: student epistemic AUROC, low-complexity DNA (worst of the 4 sets)', NMK,
     lambda d: min(f['low_complexity'][s] for t in ('ct6000', 'ct_short') for f in _nmk(d, t) for s in LC), '>= 0.9',
     lambda v: v >= 0.9, 28),
    ('check table 6000 rows (mean of 2 seeds): student epistemic AUROC, random DNA', NMK,
     lambda d: _mean([f['auroc']['random'] for f in _nmk(d, 'ct6000')]), '>= 0.9', lambda v: v >= 0.9, 28),
    ('check table 6000 rows (mean of 2 seeds): student epistemic AUROC, Drosophila library', NMK,
     lambda d: _mean([f['auroc'][FOREIGN] for f in _nmk(d, 'ct6000')]), '>= 0.8', lambda v: v >= 0.8, 28),
    ('check table short, ragged: student epistemic AUROC, random DNA', CTS, lambda d: _recipe(d[NP], 'random'),
     '>= 0.9', lambda v: v >= 0.9, 28),
    ('check table short, ragged: student epistemic AUROC, Drosophila library', CTS, lambda d: _recipe(d[NP], FOREIGN),
     '>= 0.8', lambda v: v >= 0.8, 28),
    ('check table short B (80-110 bp, noise 0.5 sd), ragged (mean of 2 seeds): student epistemic AUROC, random DNA', NMK,
     lambda d: _mean([f['auroc']['random'] for f in _nmk(d, 'ct_short')]), '>= 0.9', lambda v: v >= 0.9, 28),
    ('check table short B (mean of 2 seeds): student epistemic AUROC, Drosophila library', NMK,
     lambda d: _mean([f['auroc'][FOREIGN] for f in _nmk(d, 'ct_short')]), '>= 0.8', lambda v: v >= 0.8, 28),
    ('check tables (worst of 6000 rows and short B, mean of 2 seeds): ISM effects, student vs ensemble Pearson', NMK,
     lambda d: min(_mean([f['ism'] for f in _nmk(d, t)]) for t in ('ct6000', 'ct_short')), '>= 0.9',
     lambda v: v >= 0.9, 33),
    ('check tables (worst of 6000 rows and short B, mean of 2 seeds): student test Pearson minus the ensemble\'s', NMK,
     lambda d: min(_mean([f['test_pearson'] - f['ensemble_pearson'] for f in _nmk(d, t)]) for t in ('ct6000', 'ct_short')),
     '>= -0.005', lambda v: v >= -0.005, 33),
    ('quickstart and check tables (worst of 3 runs): student epistemic AUROC, 20% of each sequence masked as N', 'unfamiliar_kinds',
     lambda d: min(v['N window 20%']['student epistemic'] for k, v in d.items() if k != '_meta'), '>= 0.9',
     lambda v: v >= 0.9, 28),
    ('held-out GC region: best score AUROC vs test', 'heldout_region:' + HR, lambda d: max(d[HR]['auroc'].values()),
     '>= 0.8', lambda v: v >= 0.8, 28),
    ('held-out GC region: 90% interval coverage', 'heldout_region:' + HR, lambda d: d[HR]['coverage90']['heldout'],
     '>= 0.85', lambda v: v >= 0.85, 28),
    ('design, greedy, total-std penalty: overestimation cut at no loss of gain', 'design_penalty',
     lambda d: _cut(d, 'greedy'), '>= 0.25', lambda v: v >= 0.25, 30),
    ('design, annealing, total-std penalty: overestimation cut at no loss of gain', 'design_penalty',
     lambda d: _cut(d, 'anneal'), '>= 0.25', lambda v: v >= 0.25, 30),
    ('design, greedy, effect-std penalty: overestimation cut at no loss of gain', 'design_penalty_effect_qs_far',
     lambda d: _cut(d, 'greedy'), '>= 0.25', lambda v: v >= 0.25, 30),
    ('design, annealing, effect-std penalty: overestimation cut at no loss of gain', 'design_penalty_effect_qs_far',
     lambda d: _cut(d, 'anneal'), '>= 0.25', lambda v: v >= 0.25, 30),
    ('design loop: ensemble time / student time', 'design_loop_speed', lambda d: d['ensemble_over_student'], '>= 4',
     lambda v: v >= 4, 30),
    ('design at full size (DeepSTARR width 1), greedy, total-std penalty: overestimation cut at no loss of gain',
     'design_penalty_full', lambda d: _cut(d, 'greedy'), '>= 0.25', lambda v: v >= 0.25, 30),
    ('design loop at full size: ensemble time / student time', 'design_penalty_full',
     lambda d: d['ensemble_over_student'], '>= 4', lambda v: v >= 4, 30),
    ('90% student-total intervals, worst run of 3 (calibration n 300-1,228): width vs constant', 'interval_peers',
     lambda d: max(r['alphas']['0.1']['degu scaled']['width_vs_constant'] for r in _runs(d)), '< 1', lambda v: v < 1, 29),
    ('90% student-total intervals, worst run of 3: distance of coverage from 0.9', 'interval_peers',
     lambda d: max(abs(r['alphas']['0.1']['degu scaled']['coverage'] - 0.9) for r in _runs(d)), '<= 0.02',
     lambda v: v <= 0.02, 29),
    ('90% intervals: largest width difference, degu scaled vs crepes and MAPIE normalised', 'interval_peers',
     lambda d: max(abs(r['alphas']['0.1']['degu scaled']['width'] - r['alphas']['0.1'][p]['width'])
                   for r in _runs(d) for p in ('crepes normalised', 'MAPIE residual-normalised')), '<= 0.001',
     lambda v: v <= 0.001, 29),
    ('training throughput: best of float32 / + XLA / mixed_bfloat16 vs plain float32 fit (DeepSTARR)', 'precision',
     lambda d: max(v['speed_vs_float32'] for v in d['DeepSTARR'].values()), '>= 1.8', lambda v: v >= 1.8, 29),
    ('training throughput on an Intel Xeon with AMX and AVX512_BF16: best of float32 / + XLA / mixed_bfloat16 vs plain '
     'float32 fit (DeepSTARR)', 'precision_xeon',
     lambda d: max(v['speed_vs_float32'] for v in d['DeepSTARR'].values()), '>= 1.8', lambda v: v >= 1.8, 29),
    ('training throughput on an AMD EPYC with AVX512_BF16: best of float32 / + XLA / mixed_bfloat16 vs plain float32 fit '
     '(DeepSTARR)', 'precision_epyc_bf16',
     lambda d: max(v['speed_vs_float32'] for v in d['DeepSTARR'].values()), '>= 1.8', lambda v: v >= 1.8, 29),
    ('quickstart wall time: `degu quickstart` as the README runs it (teachers in worker processes), s',
     'quickstart_time', lambda d: d['None']['wall_s'], '<= 300', lambda v: v <= 300, 29),
    ('degu predict: throughput vs in-memory model.predict', 'predict_speed', lambda d: d['ratio'], '>= 0.8',
     lambda v: v >= 0.8, 27),
    ('degu predict: peak RSS for 1,000,000 sequences (MB)', 'predict_speed', lambda d: d['peak_rss_mb'], '< 2000',
     lambda v: v < 2000, 27),
]

def table()->str:
    "The headline table from the recorded results (a missing file is a row saying so, not an error)."
    rows = ['## Headline', '', 'Written by `python benchmarks/headline.py` from `benchmarks/results/*.json`; the '
            'history below holds each figure\'s question and command. `met`: the issue\'s goal.', '',
            '| figure | value | goal | met | issue | commit | CPU | date | results |', '|---|---|---|---|---|---|---|---|---|']
    for name, f, get, goal, ok, issue in FIGURES:
        f, _, key = f.partition(':')                     # 'file:key': the provenance of that key's run
        p = RESULTS/f'{f}.json'
        if not p.exists(): rows.append(f'| {name} | not recorded | {goal} | - | {issue} | - | - | - | `{f}.json` |'); continue
        d = json.loads(p.read_text()); v = get(d)
        m = (d[key].get('_meta', {}) if key else d.get('_meta')) or next(
            (x['_meta'] for x in d.values() if isinstance(x, dict) and '_meta' in x), {})
        rows.append(f"| {name} | {v:.3f} | {goal} | {'yes' if ok(v) else '**no**'} | {issue} | {m.get('commit', '-')} | "
                    f"{m.get('cpu', '-')} | {m.get('date', '-')} | `{f}.json` |")
    met = sum(1 for name, f, get, goal, ok, _ in FIGURES if (p := RESULTS/f"{f.partition(':')[0]}.json").exists()
              and ok(get(json.loads(p.read_text()))))
    return '\n'.join(rows + ['', f'{met} of {len(FIGURES)} goals met.'])

def render()->str: return layout(parse(BENCH.read_text()), table())

if __name__ == '__main__':
    ap = argparse.ArgumentParser(); ap.add_argument('--check', action='store_true'); a = ap.parse_args()
    new = render()
    if a.check:
        if BENCH.read_text() != new:
            print('BENCHMARKS.md differs from what benchmarks/headline.py writes: run `python benchmarks/headline.py` and '
                  'commit the result.'); sys.exit(1)
        print('BENCHMARKS.md headline is current'); sys.exit(0)
    BENCH.write_text(new); print(table())
