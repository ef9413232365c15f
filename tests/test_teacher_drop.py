"""A teacher still flagged after its retries is dropped: the ensemble and the student use the survivors and report.json
lists it under teachers.dropped; fewer survivors than ensemble.min_members stop `degu run` with one clear error."""
import json, shutil, subprocess
import yaml
from degu.pipeline import run_pipeline, SMOKE_CONFIG

def _cfg(min_members):
    return {**SMOKE_CONFIG, 'split': {'n_train': 3000},
            'ensemble': {'n': 3, 'max_epochs': 2, 'retry_failed': 0, 'drop_failed': True, 'min_members': min_members}}

def test_failed_teacher_is_dropped_and_too_few_survivors_stop_the_run(tmp_path):
    a = tmp_path/'a'
    run_pipeline(_cfg(2), a, until='ensemble', verbose=0)
    rec = a/'teachers'/'teacher_1.json'; r = json.loads(rec.read_text())
    r.update(skill=-1.0, pearson=-0.5); rec.write_text(json.dumps(r))              # teacher 1 failed its check
    b = tmp_path/'b'; shutil.copytree(a, b)
    c = json.loads((b/'config.json').read_text()); c['ensemble']['min_members'] = 3; (b/'config.json').write_text(json.dumps(c))
    (tmp_path/'b.yaml').write_text(yaml.safe_dump(_cfg(3)))
    p = subprocess.run(['degu', 'run', str(tmp_path/'b.yaml'), '--out', str(b)], capture_output=True, text=True, timeout=600)
    assert p.returncode == 2 and 'only' in p.stderr and 'ensemble.min_members = 3' in p.stderr, p.stderr[-2000:]
    assert 'teacher 1: no better than predicting the training mean' in p.stderr and 'Traceback' not in p.stderr, p.stderr

    rep = run_pipeline(_cfg(2), a, verbose=0)
    te = rep['teachers']
    assert '1' in te['dropped'] and 1 not in te['used'] and te['trained'] == 3, te
    assert te['n'] == len(te['used']) == 3 - len(te['dropped']) and len(te['pearson']) == te['n'], te
    assert len(rep['ensemble_size']) and max(s['k'] for s in rep['ensemble_size']) == te['n']
    assert '**Dropped teachers**' in (a/'report.md').read_text()
