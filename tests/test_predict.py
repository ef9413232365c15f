"""`degu predict` and `degu calibrate` on a finished (smoke-sized) run: FASTA, table and stdin inputs, gzipped output, the
stored calibration round trip, and one clear error (exit 2, no traceback, nothing written) for each bad input."""
import gzip, json, shutil, subprocess
import numpy as np, pandas as pd, pytest
from degu.data import read_h5, decode, write_fasta

def _degu(*a, **kw): return subprocess.run(['degu', *map(str, a)], capture_output=True, text=True, timeout=900, **kw)

@pytest.fixture(scope='module')
def run(tmp_path_factory):
    out = tmp_path_factory.mktemp('pred')/'run'
    r = _degu('quickstart', '--out', out, '--smoke', '-q')
    assert r.returncode == 0, r.stderr[-3000:]
    return out

def test_predict_fasta_table_stdin(run, tmp_path):
    ds = read_h5(run/'dataset.h5'); seqs = decode(ds.x_test[:25]); ids = [f's{i}' for i in range(25)]
    write_fasta(tmp_path/'in.fa', ids, seqs)
    r = _degu('predict', run, tmp_path/'in.fa', '--out', tmp_path/'fa.tsv.gz', '--chunk-size', 10)
    assert r.returncode == 0 and '25 sequences scored' in r.stderr, r.stderr[-2000:]
    with gzip.open(tmp_path/'fa.tsv.gz', 'rt') as f: fa = pd.read_csv(f, sep='\t')
    t = json.loads((run/'report.json').read_text())['targets'][0]
    assert fa.id.tolist() == ids and {f'{t}_mean', f'{t}_total', f'{t}_lo90', f'{t}_hi90', 'novelty'} <= set(fa.columns)
    assert (fa[f'{t}_lo90'] < fa[f'{t}_mean']).all() and (fa[f'{t}_mean'] < fa[f'{t}_hi90']).all() and fa.novelty.between(0, 1).all()
    pd.DataFrame({'name': ids, 'sequence': seqs}).to_csv(tmp_path/'in.csv', index=False)
    r = _degu('predict', run, tmp_path/'in.csv', '--out', tmp_path/'tab.tsv', '--seq-col', 'sequence', '--id-col', 'name', '-q')
    assert r.returncode == 0 and '[predict]' not in r.stderr, r.stderr[-2000:]          # --quiet: no progress lines
    tab = pd.read_csv(tmp_path/'tab.tsv', sep='\t')
    (tmp_path/'nohdr.txt').write_text(''.join(f'{i}\t{s}\n' for i, s in zip(ids, seqs)))
    r = _degu('predict', run, tmp_path/'nohdr.txt', '--out', tmp_path/'nohdr.tsv', '--no-header', '--seq-col', 1, '--id-col', 0, '-q')
    nh = pd.read_csv(tmp_path/'nohdr.tsv', sep='\t')
    assert r.returncode == 0 and nh.id.tolist() == ids, r.stderr[-2000:]
    r = _degu('predict', run, '-', '--out', tmp_path/'stdin.tsv', '-q', input='\n'.join(seqs) + '\n')
    assert r.returncode == 0, r.stderr[-2000:]
    sd = pd.read_csv(tmp_path/'stdin.tsv', sep='\t')
    assert sd.id.tolist() == list(range(25))
    for other in (tab, sd, nh): np.testing.assert_allclose(other[f'{t}_mean'], fa[f'{t}_mean'], rtol=1e-5)
    r = _degu('predict', run, tmp_path/'in.fa', '--out', tmp_path/'ens.tsv', '--ensemble', '--alpha', '0.2', '-q')
    ens = pd.read_csv(tmp_path/'ens.tsv', sep='\t')
    assert r.returncode == 0 and f'{t}_lo80' in ens and f'{t}_lo90' not in ens, r.stderr[-2000:]
    from degu.run import load_run                 # the Python call gives the same table, every column, across chunks
    py = load_run(run).predict(seqs, ids=ids)
    assert list(py.columns) == list(fa.columns) and py.id.tolist() == ids
    np.testing.assert_allclose(py.iloc[:, 1:].to_numpy(float), fa.iloc[:, 1:].to_numpy(float), rtol=1e-5, atol=1e-6)

@pytest.mark.parametrize('name,content,extra,msg', [
    ('bad.fa', '>a\nACGT\n>b\nACGTZ\n', ['--ragged', 'pad'], "record 'b', position"),
    ('iupac.fa', '>a\nACGT\n>b\nACRT\n', ['--ragged', 'pad'], '--iupac N'),
    ('empty.fa', '', [], 'the file is empty'),
    ('noseq.fa', '>a\nACGT\n>b\n>c\nACGT\n', ['--ragged', 'pad'], "record 'b' has no sequence"),
    ('short.fa', '>a\nACGT\n', [], "record 'a' has length 4, but the model takes 230 bp. Pass --ragged pad"),
    ('nocol.tsv', 'name\tseq\nx\tACGT\n', ['--seq-col', 'sequence'], 'sequence'),
])
def test_predict_bad_inputs(run, tmp_path, name, content, extra, msg):
    (tmp_path/name).write_text(content)
    r = _degu('predict', run, tmp_path/name, '--out', tmp_path/'out.tsv', *extra)
    assert r.returncode == 2 and msg in r.stderr and 'Traceback' not in r.stderr, r.stderr[-2000:]
    assert not (tmp_path/'out.tsv').exists() and not list(tmp_path.glob('.out.tsv*'))

def test_unfinished_run_and_calibrate(run, tmp_path):
    (tmp_path/'in.fa').write_text('>a\n' + 'A'*230 + '\n')
    r = _degu('predict', tmp_path/'nothing', tmp_path/'in.fa', '--out', tmp_path/'o.tsv')
    assert r.returncode == 2 and 'is not a finished run' in r.stderr and 'Traceback' not in r.stderr, r.stderr
    old = tmp_path/'old'; shutil.copytree(run, old)
    (old/'calibration.json').unlink(); (old/'student.keras').unlink()        # a run from before stored calibration
    r = _degu('predict', old, tmp_path/'in.fa', '--out', tmp_path/'o.tsv')
    assert r.returncode == 2 and f'degu calibrate {old}' in r.stderr, r.stderr
    r = _degu('calibrate', old)
    assert r.returncode == 0 and (old/'student.keras').exists(), r.stderr[-2000:]
    a, b = (json.loads((p/'calibration.json').read_text()) for p in (run, old))
    assert a['tasks'] == b['tasks'] and a['ensemble_tasks'] == b['ensemble_tasks'] and a['n_calibration'] == b['n_calibration']

def test_student_keras_loads_in_plain_keras(run):
    "student.keras: plain keras.models.load_model (safe mode) after `import keras, degu` gives the student's outputs."
    code = ("import sys, numpy as np, keras, degu; from degu.data import read_h5; from degu.run import load_run\n"
            f"x = read_h5('{run}/dataset.h5').x_test[:64].astype('float32')\n"
            f"m = keras.models.load_model('{run}/student.keras', safe_mode=True)\n"
            f"print(float(np.abs(m.predict(x, verbose=0) - load_run('{run}').student.predict(x, verbose=0)).max()))")
    import sys
    r = subprocess.run([sys.executable, '-c', code], capture_output=True, text=True, timeout=300)
    assert r.returncode == 0 and float(r.stdout.strip().splitlines()[-1]) < 1e-5, r.stderr[-2000:]
