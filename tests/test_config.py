"Configs are validated before any work starts; each malformed config gets one clear message naming the key."
import json, subprocess, sys, textwrap
from pathlib import Path
import pytest
import yaml
from degu.pipeline import validate_config, load_config, ConfigError

ROOT = Path(__file__).resolve().parent.parent

def _cfg(tmp_path, text, name='c.yaml'):
    p = tmp_path/name; p.write_text(textwrap.dedent(text)); return p

CASES = [
    ('unknown top-level key', 'ensembles: {n: 3}\n', r"config key 'ensembles' is not known. Did you mean 'ensemble'\?"),
    ('unknown nested key', 'ensemble: {n_members: 3}\n', r"config key 'ensemble.n_members' is not known. Did you mean 'ensemble.n'\?"),
    ('wrong type int', 'ensemble: {n: five}\n', r"config key 'ensemble.n' must be a int, got str"),
    ('wrong type float', 'model: {width: wide}\n', r"config key 'model.width' must be a float, got str"),
    ('wrong type bool', 'ensemble: {evoaug: 3}\n', r"config key 'ensemble.evoaug' must be a bool, got int"),
    ('section not a mapping', 'ensemble: 5\n', r"config.ensemble: expected a mapping of keys, got int"),
    ('bad choice', 'distill: {kind: variance}\n', r"config key 'distill.kind' must be one of \['std', 'logvar'\]"),
    ('unknown architecture', 'model: {arch: Basset}\n', r"config key 'model.arch' must be one of"),
    ('missing data file', 'data: {source: nowhere/data.tsv}\n', r"config key 'data.source': 'nowhere/data.tsv' is neither"),
    ('fractions', 'split: {fracs: [0.8, 0.3, 0.1]}\n', r"config key 'split.fracs' must be three positive fractions summing to 1"),
    ('downsample range', 'split: {downsample: 1.5}\n', r"config key 'split.downsample' must be in \(0, 1\]"),
    ('bad shift method', 'shift: {methods: [{method: scramble}]}\n', r"config key 'shift.methods\[0\]' must be a mapping with 'method' one of"),
    ('zero members', 'ensemble: {n: 0}\n', r"config key 'ensemble.n' must be at least 1"),
    ('alphas', 'evaluate: {alphas: [0.1, 2]}\n', r"config key 'evaluate.alphas' must hold numbers in \(0, 1\)"),
]

@pytest.mark.parametrize('name,text,msg', CASES, ids=[c[0] for c in CASES])
def test_malformed_config(tmp_path, name, text, msg):
    with pytest.raises(ConfigError, match=msg): load_config(_cfg(tmp_path, text))

def test_missing_target_column(tmp_path):
    (tmp_path/'d.tsv').write_text('name\tsequence\tactivity\na\tACGT\t1\n')
    p = _cfg(tmp_path, f"data: {{source: {tmp_path/'d.tsv'}, seq_col: sequence, target_cols: [expression]}}\n")
    with pytest.raises(ConfigError, match=r"config key 'data.target_cols': column 'expression' is not in .*columns are \['name', 'sequence', 'activity'\]"):
        load_config(p)

def test_missing_sequence_column(tmp_path):
    (tmp_path/'d.tsv').write_text('name\tsequence\tactivity\na\tACGT\t1\n')
    with pytest.raises(ConfigError, match=r"config key 'data.seq_col': column 'seq' is not in"):
        load_config(_cfg(tmp_path, f"data: {{source: {tmp_path/'d.tsv'}}}\n"))

def test_invalid_yaml(tmp_path):
    with pytest.raises(ConfigError, match=r"is not valid YAML"): load_config(_cfg(tmp_path, 'ensemble: {n: 3\n'))

def test_missing_config_file(tmp_path):
    with pytest.raises(ConfigError, match=r"config file .*nope.yaml not found"): load_config(tmp_path/'nope.yaml')

def test_cli_reports_config_error_without_traceback(tmp_path):
    p = _cfg(tmp_path, 'ensemble: {n_members: 3}\n')
    r = subprocess.run(['degu', 'run', str(p), '--out', str(tmp_path/'o')], capture_output=True, text=True)
    assert r.returncode == 2 and "'ensemble.n_members' is not known" in r.stderr and 'Traceback' not in r.stderr
    assert not (tmp_path/'o').exists()                                  # nothing was started

def test_shipped_configs_are_valid():
    ps = sorted((ROOT/'degu'/'configs').glob('*.yaml'))
    assert [p.name for p in ps] == ['deepstarr_full.yaml', 'quickstart.yaml', 'table.yaml']
    for p in ps: validate_config(yaml.safe_load(p.read_text()), check_files=False)

TINY = {'split': {'n_train': 600}, 'model': {'width': 0.25}, 'ensemble': {'n': 2, 'max_epochs': 1},
        'distill': {'max_epochs': 1}, 'attribute': {'method': 'saliency', 'top_n': 10},
        'shift': {'methods': [{'method': 'shuffle_dinuc'}]}}

def test_run_on_a_new_table(tmp_path):
    "degu run on a TSV the package has never seen: other length, other column names, a group regex."
    import numpy as np
    rng = np.random.default_rng(0)
    rows = ['element\tdna\texpression\tother']
    for i in range(400):
        s = ''.join(rng.choice(list('ACGT'), 120)); e = s.count('GATA') + rng.normal(0, .3)
        rows.append(f'el{i // 2}{"_rc" if i % 2 else ""}\t{s}\t{e:.3f}\t{rng.normal():.3f}')
    (tmp_path/'mine.tsv').write_text('\n'.join(rows) + '\n')
    cfg = {**TINY, 'split': {'n_train': None}, 'data': {'source': str(tmp_path/'mine.tsv'), 'seq_col': 'dna',
           'target_cols': ['expression'], 'id_col': 'element', 'group_pattern': r'^(.*?)(?:_rc)?$'}}
    (tmp_path/'mine.yaml').write_text(yaml.safe_dump(cfg))
    r = subprocess.run(['degu', 'run', str(tmp_path/'mine.yaml'), '--out', str(tmp_path/'run')], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr[-3000:]
    rep = json.loads((tmp_path/'run'/'report.json').read_text())
    assert rep['seq_len'] == 120 and rep['targets'] == ['expression'] and rep['n_train'] + rep['n_valid'] + rep['n_calibration'] + rep['n_test'] == 400
    # changed config on the same folder is refused
    cfg['model']['width'] = 0.5; (tmp_path/'mine.yaml').write_text(yaml.safe_dump(cfg))
    r = subprocess.run(['degu', 'run', str(tmp_path/'mine.yaml'), '--out', str(tmp_path/'run')], capture_output=True, text=True)
    assert r.returncode == 2 and "different config (differs in ['model.width'])" in r.stderr
