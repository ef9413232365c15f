"""Tables from the wild through the command line: a headerless, ragged two-column table runs end to end with config keys
only (no file edits), and malformed tables get one clear error each (exit 2, no traceback)."""
import json, subprocess, sys
import numpy as np, yaml, pytest
from degu.data import load_dataset, decode

def _degu(*a, **kw): return subprocess.run(['degu', *map(str, a)], capture_output=True, text=True, timeout=1500, **kw)

def test_headerless_ragged_table_runs_with_config_keys_only(tmp_path):
    ds = load_dataset('lentimpra_hepg2'); rng = np.random.default_rng(1)
    idx = rng.permutation(len(ds.x_train))[:6000]
    seqs, y = decode(ds.x_train[idx]), ds.y_train[idx, 0]
    cut = rng.integers(0, 31, len(seqs))                      # lengths 200-230 bp: ragged
    (tmp_path/'wild.txt').write_text(''.join(f'{s[c // 2: len(s) - (c - c // 2)]}\t{v:.4f}\n' for s, c, v in zip(seqs, cut, y)))
    cfg = {'data': {'source': str(tmp_path/'wild.txt'), 'header': False, 'seq_col': 0, 'target_cols': [1], 'ragged': 'pad'},
           'model': {'width': 0.5}, 'ensemble': {'n': 3, 'max_epochs': 12, 'es_patience': 4, 'lr_patience': 2},
           'distill': {'max_epochs': 6, 'es_patience': 4, 'lr_patience': 2},      # the teachers are what this checks
           'attribute': {'method': 'saliency', 'top_n': 10}, 'shift': {'methods': [{'method': 'shuffle_mono'}]},
           'motifs': {'enabled': True, 'n_seqs': 300, 'max_seqlets': 500}}
    (tmp_path/'wild.yaml').write_text(yaml.safe_dump(cfg))
    r = _degu('run', tmp_path/'wild.yaml', '--out', tmp_path/'run')
    assert r.returncode == 0, r.stderr[-3000:]
    rep = json.loads((tmp_path/'run'/'report.json').read_text())
    assert rep['seq_len'] == 230 and rep['n_train'] + rep['n_valid'] + rep['n_calibration'] + rep['n_test'] == 6000
    assert rep['teachers']['flagged'] == {}, rep['teachers']
    assert rep['ensemble']['pearson'] > 0.15, rep['ensemble']
    assert 'No teacher was flagged' in (tmp_path/'run'/'report.md').read_text()
    # the motif stage ran inside `degu run`, and a finished run from such a table scores variants
    assert rep['motifs']['n_sequences'] == 300 and [s['set'] for s in rep['motifs']['sets']] == ['ensemble_average', 'student']
    assert (tmp_path/'run'/'motifs'/'motifs.tsv').exists()
    r = _degu('variants', tmp_path/'wild.yaml', '--out', tmp_path/'run', '--ism', '1')
    assert r.returncode == 0, r.stderr[-3000:]
    import pandas as pd
    t = pd.read_csv(tmp_path/'run'/'variants'/'variants.tsv', sep='\t')
    import h5py
    with h5py.File(tmp_path/'run'/'variants'/'ism.h5') as f: known = int(f['x'][0].any(-1).sum())   # padding (N) has no substitutions
    assert 200 <= known <= 230 and 'N' not in set(t.ref)
    assert len(t) == 3*known and [str(v) for v in t.task.unique()] == [str(v) for v in rep['targets']] and np.isfinite(t.ensemble_effect_std).all()

@pytest.mark.parametrize('name,content,args,msg', [
    ('latin1.tsv', 'seq\tact\tnote\nACGT\t1\tcaf\xe9\n'.encode('latin-1'), [], "encoding='latin-1'"),
    ('two.tsv', b'seq\tact\nACGT\t1\nGGCC\t2\n', [], '2 groups are too few'),
    ('iupac.tsv', b'seq\tact\nACRT\t1\nACGT\t2\n', [], "iupac='N'"),
    ('nohdr.tsv', b'ACGT\t1\nGGCC\t2\n', [], 'data.header: false'),
    ('ragged.tsv', b'seq\tact\nACGT\t1\nACG\t2\nACGT\t3\n', [], "ragged='pad'"),
    ('comma.tsv', b'seq\tact\nACGT\t0,5\nGGCC\t1,5\n', [], 'decimal comma'),
    ('na.tsv', b'seq\tact\nACGT\t1\nGGCC\tNA\n', [], 'degu convert --missing drop')])
def test_convert_malformed_tables(tmp_path, name, content, args, msg):
    (tmp_path/name).write_bytes(content)
    r = _degu('convert', tmp_path/name, tmp_path/'out.h5', *args)
    assert r.returncode == 2 and msg in r.stderr and 'Traceback' not in r.stderr, r.stderr

def test_convert_space_aligned_table_dropping_missing_rows(tmp_path):
    rng = np.random.default_rng(0); seqs = [''.join(rng.choice(list('ACGT'), 30)) for _ in range(40)]
    (tmp_path/'t.txt').write_text('seq   activity\n' + ''.join(f'{s}   {"NA" if i % 10 == 0 else i}\n' for i, s in enumerate(seqs)))
    r = _degu('convert', tmp_path/'t.txt', tmp_path/'t.h5', '--missing', 'drop')
    assert r.returncode == 0 and 'dropped 4 of 40 rows' in r.stderr, r.stderr[-2000:]
    from degu.data import read_h5
    assert len(read_h5(tmp_path/'t.h5')) == 36

def test_convert_headerless_with_flags(tmp_path):
    rng = np.random.default_rng(0)
    (tmp_path/'t.csv').write_text(''.join(f'e{i},{"".join(rng.choice(list("ACGT"), 40))} ,{rng.normal():.3f}\n' for i in range(50)))
    r = _degu('convert', tmp_path/'t.csv', tmp_path/'t.h5', '--no-header', '--columns', 'name', 'sequence', 'activity',
              '--seq-col', 'sequence', '--target-cols', 'activity', '--id-col', 'name')
    assert r.returncode == 0, r.stderr
    from degu.data import read_h5
    d = read_h5(tmp_path/'t.h5'); assert len(d) == 50 and d.seq_len == 40 and d.targets == ['activity']

def test_convert_guesses_a_headerless_table_and_says_so(tmp_path):
    rng = np.random.default_rng(1)
    rows = ''.join(f'e{i}\t{"".join(rng.choice(list("ACGT"), 40))}\t{rng.normal():.3f}\n' for i in range(50))
    (tmp_path/'t.txt').write_text('# exported by the core facility\n' + rows)
    r = _degu('convert', tmp_path/'t.txt', tmp_path/'t.h5', '--id-col', '0')
    assert r.returncode == 0, r.stderr[-2000:]
    assert 'read without a header' in r.stderr and 'the only column of DNA' in r.stderr, r.stderr[-2000:]
    from degu.data import read_h5
    d = read_h5(tmp_path/'t.h5'); assert len(d) == 50 and d.seq_len == 40 and d.targets == ['2']

def _run_table(tmp_path, table:str, **cfg):
    "`degu run` on a table (its text) with config keys `cfg`; the finished process."
    (tmp_path/'t.tsv').write_text(table)
    (tmp_path/'t.yaml').write_text(yaml.safe_dump({'data': {'source': str(tmp_path/'t.tsv')}, **cfg}))
    return _degu('run', tmp_path/'t.yaml', '--out', tmp_path/'run')

def _clear_error(r, *msgs):
    "Exit 2 with each message and no traceback."
    assert r.returncode == 2 and 'Traceback' not in r.stderr and all(m in r.stderr for m in msgs), r.stderr[-3000:]

def test_table_too_small_to_calibrate_stops_before_training(tmp_path):
    "150 rows leave 8 calibration sequences, too few for 90% intervals: one clear error at the data stage, nothing trained."
    ds = load_dataset('lentimpra_hepg2'); seqs = decode(ds.x_train[:150])
    table = 'seq\tactivity\n' + ''.join(f'{s}\t{v:.3f}\n' for s, v in zip(seqs, ds.y_train[:150, 0]))
    _clear_error(_run_table(tmp_path, table), 'too few for 90% intervals, which need at least 9', 'split.calibration')
    assert not (tmp_path/'run'/'teachers').exists() and not (tmp_path/'run'/'dataset.h5').exists()
    (tmp_path/'t.yaml').write_text(yaml.safe_dump({'data': {'source': str(tmp_path/'t.tsv')}, 'evaluate': {'alphas': [0.2, 0.3]},
                                                   'ensemble': {'n': 2, 'max_epochs': 1, 'retry_failed': 0, 'drop_failed': False}}))
    r = _degu('train-member', tmp_path/'t.yaml', '--out', tmp_path/'run', '--member', 0)
    assert r.returncode == 0 and (tmp_path/'run'/'dataset.h5').exists(), r.stderr[-3000:]   # the named fix works

@pytest.mark.parametrize('workers', [1, 2])
def test_sequences_too_short_for_the_architecture(tmp_path, workers):
    "12-bp sequences under SmallCNN's pooling: one clear error (exit 2) naming the length it needs, in process or from a worker."
    rng = np.random.default_rng(0)
    table = 'seq\tact\n' + ''.join(f'{"".join(rng.choice(list("ACGT"), 12))}\t{rng.normal():.3f}\n' for _ in range(300))
    r = _run_table(tmp_path, table, ensemble={'n': 2, 'max_epochs': 1, 'workers': workers})
    _clear_error(r, 'SmallCNN pools 12-bp sequences down to nothing: it needs at least 16 bp')
    assert ('failed in its worker process (exit 2)' in r.stderr) == (workers == 2) and 'trained in a worker' not in r.stderr

def test_constant_target_stops_before_training(tmp_path):
    "A target column with one value in every row (a placeholder, a failed join) is named at the data stage, exit 2."
    ds = load_dataset('lentimpra_hepg2'); seqs = decode(ds.x_train[:400])
    table = 'seq\tact\tconst\n' + ''.join(f'{s}\t{v:.3f}\t1\n' for s, v in zip(seqs, ds.y_train[:400, 0]))
    _clear_error(_run_table(tmp_path, table), "target 'const' is 1 in all 320 training sequences", 'data.target_cols')
    assert not (tmp_path/'run'/'teachers').exists()

def test_convert_and_its_errors_never_load_tensorflow(tmp_path):
    "`degu convert` (often run on a login node) reads, checks and writes tables without importing TensorFlow."
    (tmp_path/'ok.tsv').write_text('seq\tact\n' + ''.join(f'{s}\t{i}\n' for i, s in enumerate(['ACGT', 'GGCC', 'TTAA', 'CCGA']*5)))
    (tmp_path/'bad.tsv').write_text('seq\tact\nACGT\t0,5\n')
    code = ("import sys; from degu.cli import main; rc = [main(['convert', sys.argv[1], sys.argv[2]]), main(['convert', sys.argv[3], sys.argv[2]])]; "
            "print(rc, 'tensorflow' in sys.modules)")
    r = subprocess.run([sys.executable, '-c', code, str(tmp_path/'ok.tsv'), str(tmp_path/'o.h5'), str(tmp_path/'bad.tsv')],
                       capture_output=True, text=True, timeout=300)
    assert r.stdout.strip().endswith('[0, 2] False') and 'decimal comma' in r.stderr, (r.stdout, r.stderr[-2000:])
