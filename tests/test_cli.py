"The degu console script."
import json, subprocess, sys
import pytest
import degu
from degu.data import load_dataset

def _degu(*args, **kw):
    return subprocess.run(['degu', *args], capture_output=True, text=True, **kw)

def test_version():
    r = _degu('--version')
    assert r.returncode == 0 and r.stdout.strip() == f'degu {degu.__version__}'

def test_help_lists_commands():
    r = _degu('--help')
    assert r.returncode == 0
    for cmd in ('quickstart', 'run', 'train-member', 'assemble', 'distill', 'evaluate', 'attribute', 'shift', 'convert', 'datasets', 'download-deepstarr', 'design', 'predict'):
        assert cmd in r.stdout

@pytest.fixture(scope='module')
def smoke_run(tmp_path_factory):
    "One `degu quickstart --smoke` run, shared by the tests that read a finished run."
    out = tmp_path_factory.mktemp('smoke')/'run'
    r = _degu('quickstart', '--out', str(out), '--smoke')
    assert r.returncode == 0, r.stderr[-3000:]
    return out

def test_quickstart_smoke_writes_report_and_resumes(smoke_run):
    rep = json.loads((smoke_run/'report.json').read_text())
    keys = {'dataset', 'n_train', 'n_valid', 'n_calibration', 'n_test', 'teachers', 'ensemble', 'student', 'conformal', 'intervals',
            'selective', 'mse_ratio_50', 'error_ranking', 'attribution',
            'shift', 'timing', 'versions'}
    assert keys <= set(rep), keys - set(rep)
    assert rep['dataset'] == 'lentimpra_hepg2' and rep['n_train'] == 2000 and rep['n_valid'] + rep['n_calibration'] + rep['n_test'] == sum(len(load_dataset('lentimpra_hepg2').splits[s]['x']) for s in ('valid', 'test'))
    assert len(rep['teachers']['pearson']) == 2
    assert {'pearson', 'spearman'} <= set(rep['ensemble']) and {'pearson', 'spearman', 'mse', 'uncertainty_spearman'} <= set(rep['student'])
    assert set(rep['conformal']['student']) == {'0.1', '0.2', '0.3'}
    assert {'data', 'ensemble', 'evaluate', 'distill', 'student', 'conformal', 'attribute', 'shift'} <= set(rep['timing'])
    assert (smoke_run/'report.md').exists()
    sh = {s['level']: s for s in rep['shift']}                         # novelty: k-mer distance to the training split
    assert (smoke_run/'novelty.npz').exists() and rep['novelty_k'] == 5 and 'AUROC novelty' in (smoke_run/'report.md').read_text()
    assert sh['shuffle_mono']['auroc_novelty'] > 0.9 and sh['unshifted']['novelty'] < 0.8, sh
    sc = rep['uncertainty_scores']                                      # error ranking and selective prediction by each score
    assert set(sc) == {'student_epistemic', 'student_aleatoric', 'student_total', 'novelty', 'combined'}, set(sc)
    assert all(-1 <= v['spearman'] <= 1 and v['mse_ratio_50'] > 0 for v in sc.values()) and '| combined |' in (smoke_run/'report.md').read_text()
    fd = rep['variants']['fidelity']                                    # ISM effects: student vs its ensemble, teachers leave-one-out
    assert fd['n_seqs'] == 30 and len(fd['teachers']) == 2 and -1 <= fd['student']['pearson'] <= 1, fd
    t0, t1 = fd['teachers']                                             # two teachers: 0 vs 1 and 1 vs 0, never one against itself
    assert abs(t0['pearson'] - t1['pearson']) < 1e-3 and t0['pearson'] < 0.999, (t0, t1)
    assert (smoke_run/'figures'/'effect_fidelity.png').exists() and 'leave-one-out' in (smoke_run/'report.md').read_text()
    fo = fd['first_order']                                              # the student's slopes against the ensemble's
    assert -1 <= fo['pearson'] <= 1 and fo['by_task'].keys() == fd['student']['by_task'].keys(), fo
    assert 'First-order effects' in (smoke_run/'report.md').read_text()
    es = fd['effect_std']                                               # the student's effect-std head against the teachers' spread
    assert (smoke_run/'effect_std.npz').exists() and -1 <= es['spearman'] <= 1 and es['split_half'] is None and es['median'] > 0, es
    assert 'ranks the teachers\' spread of each substitution\'s effect' in (smoke_run/'report.md').read_text()
    r2 = _degu('quickstart', '--out', str(smoke_run), '--smoke')   # the same command again reuses everything
    assert r2.returncode == 0 and '2/2 members already finished' in r2.stdout

def test_convert_new_table(tmp_path):
    import numpy as np
    rng = np.random.default_rng(0)
    rows = ['name\tsequence\tactivity'] + [f'el{i//2}{"_Reversed:" if i%2 else ""}\t{"".join(rng.choice(list("ACGT"), 50))}\t{rng.normal():.3f}'
                                          for i in range(40)]
    (tmp_path/'mine.tsv').write_text('\n'.join(rows) + '\n')
    r = _degu('convert', str(tmp_path/'mine.tsv'), str(tmp_path/'mine.h5'), '--seq-col', 'sequence',
              '--target-cols', 'activity', '--id-col', 'name', '--group-pattern', r'^(.*?)(?:_Reversed:)?$')
    assert r.returncode == 0, r.stderr
    from degu.data import read_h5, group_keys
    ds = read_h5(tmp_path/'mine.h5')
    assert len(ds) == 40 and ds.seq_len == 50 and ds.targets == ['activity']
    sets = [set(group_keys(ds.splits[s]['ids'])) for s in ('train', 'valid', 'test')]
    assert not (sets[0] & sets[1]) and not (sets[0] & sets[2]) and not (sets[1] & sets[2])

def test_bad_input_gives_one_clear_error(tmp_path):
    (tmp_path/'x.tsv').write_text('seq\tval\nACGT\t1\n')
    r = _degu('convert', str(tmp_path/'x.tsv'), str(tmp_path/'x.h5'), '--target-cols', 'activity')
    assert r.returncode == 2
    assert "column 'activity' (from target_cols) not found" in r.stderr and 'Traceback' not in r.stderr

def test_datasets_lists_the_embedded_sets():
    r = _degu('datasets')
    assert r.returncode == 0, r.stderr
    for name in ('lentimpra_hepg2', 'deepstarr_sample'): assert name in r.stdout
    ds = load_dataset('lentimpra_hepg2')
    assert f'train={len(ds.x_train):,}, valid={len(ds.x_valid):,}, test={len(ds.x_test):,}' in r.stdout, r.stdout

def test_download_deepstarr_offline_is_exit_2(tmp_path):
    r = _degu('download-deepstarr', '--dest', str(tmp_path/'ds'), timeout=300)
    assert r.returncode == 2 and 'Traceback' not in r.stderr, r.stderr[-2000:]
    assert 'offline' in r.stderr or 'HTTP' in r.stderr, r.stderr[-2000:]

def test_stage_commands_reuse_a_finished_run(tmp_path, smoke_run):
    import yaml, hashlib, shutil
    from degu.pipeline import SMOKE_CONFIG
    cfg = tmp_path/'smoke.yaml'; cfg.write_text(yaml.safe_dump(SMOKE_CONFIG)); out = tmp_path/'run'
    shutil.copytree(smoke_run, out)                     # the quickstart's run, driven by the same settings as a config file
    h = lambda: {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in out.glob('*.h5')}
    before = h(); assert {'dataset.h5', 'distill.h5', 'attributions.h5', 'shifted.h5', 'student.weights.h5'} <= set(before)
    for cmd in ('evaluate', 'attribute', 'shift'):
        r = _degu(cmd, str(cfg), '--out', str(out))
        assert r.returncode == 0, (cmd, r.stderr[-2000:])
        assert f'[{cmd if cmd != "evaluate" else "conformal"}]' in r.stdout, (cmd, r.stdout)
    r = _degu('shift', str(out))                        # the run folder alone: its stored config, the same folder
    assert r.returncode == 0 and '[shift]' in r.stdout, r.stderr[-2000:]
    assert h() == before                                # the stage outputs were reused, not recomputed

def test_variants_command_ism_vcf_and_errors(tmp_path, smoke_run):
    import yaml, shutil
    import numpy as np, pandas as pd
    from degu.pipeline import SMOKE_CONFIG
    from degu.data import read_h5, decode
    cfg = tmp_path/'smoke.yaml'; cfg.write_text(yaml.safe_dump(SMOKE_CONFIG)); out = tmp_path/'run'
    shutil.copytree(smoke_run, out)
    r = _degu('variants', str(cfg), '--out', str(out), '--ism', '1')
    assert r.returncode == 0, r.stderr[-2000:]
    assert '[variants] 690 variants x 1 tasks' in r.stdout, r.stdout
    t = pd.read_csv(out/'variants'/'variants.tsv', sep='\t')
    assert len(t) == 690 and {'effect', 'ensemble_effect', 'ensemble_effect_std', 'z'} <= set(t.columns)
    assert (t.effect_std > 0).all() and np.allclose(t.effect_z, t.effect/t.effect_std, rtol=1e-4, atol=1e-6)   # the student's effect std
    assert (out/'variants'/'ism_heatmap.png').stat().st_size > 1000
    r = _degu('variants', str(out), '--ism', '1')                      # the run folder alone, as `degu predict` takes it
    assert r.returncode == 0 and '[variants] 690 variants x 1 tasks' in r.stdout, r.stderr[-2000:]
    # a genome made of two test sequences with 300 bp of flank, and a VCF on it
    ds = read_h5(out/'dataset.h5'); s = decode(ds.x_test[:2]); chrom = 'ACGT'*75 + s[0] + s[1] + 'TGCA'*75
    (tmp_path/'g.fa').write_text('>chrT\n' + '\n'.join(chrom[i:i + 60] for i in range(0, len(chrom), 60)) + '\n')
    p = 300 + 115                                                     # 1-based: the middle of the first test sequence
    alt = 'A' if chrom[p - 1] != 'A' else 'C'
    (tmp_path/'v.vcf').write_text(f'#CHROM\tPOS\tID\tREF\tALT\nchrT\t{p}\trs1\t{chrom[p - 1]}\t{alt}\n')
    r = _degu('variants', str(cfg), '--out', str(out), '--vcf', str(tmp_path/'v.vcf'), '--fasta', str(tmp_path/'g.fa'))
    assert r.returncode == 0, r.stderr[-2000:]
    t = pd.read_csv(out/'variants'/'variants.tsv', sep='\t')
    assert t.variant.tolist() == [f'chrT:{p}{chrom[p - 1]}>{alt}'] and t.window_start.tolist() == [p - 115]
    (tmp_path/'bad.vcf').write_text(f'#CHROM\tPOS\tID\tREF\tALT\nchrT\t{p}\trs1\t{alt}\tG\n')   # wrong ref allele
    r = _degu('variants', str(cfg), '--out', str(out), '--vcf', str(tmp_path/'bad.vcf'), '--fasta', str(tmp_path/'g.fa'))
    assert r.returncode == 2 and 'does not match' in r.stderr and 'Traceback' not in r.stderr, r.stderr
    r = _degu('variants', str(cfg), '--out', str(out), '--vcf', str(tmp_path/'v.vcf'))
    assert r.returncode == 2 and '--vcf needs --fasta' in r.stderr

def test_motifs_command_and_errors(tmp_path, smoke_run):
    import yaml, shutil
    import numpy as np, pandas as pd
    from degu.pipeline import SMOKE_CONFIG
    cfg = tmp_path/'smoke.yaml'; cfg.write_text(yaml.safe_dump(SMOKE_CONFIG)); out = tmp_path/'run'
    shutil.copytree(smoke_run, out)
    r = _degu('motifs', str(cfg), '--out', str(out), '--n-seqs', '200', '--max-seqlets', '300')
    assert r.returncode == 0, r.stderr[-2000:]
    assert '[motifs] ensemble average' in r.stdout and 'motifs.tsv' in r.stdout, r.stdout
    md = out/'motifs'; s = __import__('json').loads((md/'settings.json').read_text())
    assert s['n_seqs'] == 200 and s['max_seqlets'] == 300
    assert np.load(md/'attr_student.npz')['arr_0'].shape[:2] == (200, 4)
    assert list(pd.read_csv(md/'motifs.tsv', sep='\t').columns[:3]) == ['set', 'motif', 'sign']
    r = _degu('motifs', str(cfg), '--out', str(out), '--meme', str(tmp_path/'none.meme'))
    assert r.returncode == 2 and 'none.meme does not exist' in r.stderr and 'Traceback' not in r.stderr, r.stderr
    r = _degu('motifs', str(cfg), '--out', str(tmp_path/'empty'))
    assert r.returncode == 2 and 'is not a finished run' in r.stderr, r.stderr

def test_design_cli(smoke_run, tmp_path):
    "`degu design`: fixed positions, forbidden words and the mutation budget hold; the recorded numbers are the student's and the oracle's own."
    import numpy as np, pandas as pd
    from degu.run import load_run
    from degu.data import one_hot
    out = tmp_path/'design'
    r = _degu('design', str(smoke_run), '--out', str(out), '--n', '4', '--rounds', '2', '--kappa', '0', '1', '--fix', '1-15,216-230',
              '--forbid', 'GAATTC,GGTACC', '--max-mutations', '2', '--seed', '3')
    assert r.returncode == 0, r.stderr[-2000:]
    d = pd.read_csv(out/'designs.tsv', sep='\t'); j = json.loads((out/'design.json').read_text())
    assert len(d) == 8 and set(j['by_kappa']) == {'0', '1'} and j['optimiser'] == 'greedy' and "own teachers" in j['oracle']
    assert all((out/f).exists() for f in ('designs.fa', 'trajectory.tsv', 'trajectory.png', 'logos.png'))
    run = load_run(smoke_run); test = run._dd.splits['test']; start = dict(zip(test['ids'], test['x']))
    xd = one_hot(d.seq.tolist()); x0 = np.stack([start[i] for i in d.start_id])
    assert (xd[:, :15] == x0[:, :15]).all() and (xd[:, 215:] == x0[:, 215:]).all()              # fixed positions
    assert ((xd != x0).any(-1).sum(1) == d.n_mutations).all() and d.n_mutations.max() <= 2    # the budget
    for w in ('GAATTC', 'GGTACC'): assert not d.seq.str.contains(w).any()                     # both are palindromes
    h = run.predict(xd); np.testing.assert_allclose(d.pred_mean, h['mean_value_mean'], atol=1e-4)
    np.testing.assert_allclose(d.oracle_mean, run.ensemble.predict_all(xd)['mean'][:, 0], atol=1e-4)

def test_design_bad_input(smoke_run, tmp_path):
    "Each bad argument gives one clear error (exit 2, no traceback)."
    fa = tmp_path/'short.fa'; fa.write_text('>s1\n' + 'ACGT'*25 + '\n')
    for args, msg in [(['--task', 'Liver'], "unknown task 'Liver'"), (['--kappa', '-1'], 'kappa must be 0 or more'),
                      (['--fix', '1-15,300-400'], 'range 300-400 is outside the sequence (1-230)'),
                      (['--start', str(fa)], "start 's1' is 100 bp, but the run's model takes 230 bp")]:
        r = _degu('design', str(smoke_run), '--out', str(tmp_path/'d'), '--n', '2', '--rounds', '1', *args)
        assert r.returncode == 2 and msg in r.stderr and 'Traceback' not in r.stderr, (args, r.stderr[-1500:])
