"""Teachers trained in worker processes (`ensemble.workers`): the run finishes with every teacher, says so one line per
member, resumes under another worker count, and a worker that fails stops the run with one clear error naming it."""
import copy, json, sys
import pytest
from degu.config import SMOKE_CONFIG
from degu.pipeline import run_pipeline

def _cfg(**ens):
    c = copy.deepcopy(SMOKE_CONFIG); c['ensemble'].update(ens); return c

def test_workers_train_every_teacher(tmp_path, capsys):
    out = tmp_path/'run'
    rep = run_pipeline(_cfg(workers=2), out, until='ensemble')
    said = capsys.readouterr().out
    assert '2 teachers in 2 worker processes' in said and said.count('trained in a worker') == 2, said[-2000:]
    recs = [json.loads((out/'teachers'/f'teacher_{i}.json').read_text()) for i in range(2)]
    assert all(r['attempts'] for r in recs) and not list((out/'teachers').glob('worker_*.log'))
    man = json.loads((out/'teachers'/'teacher_manifest.json').read_text())
    assert len(man['members']) == 2
    run_pipeline(_cfg(workers=1), out, until='ensemble', verbose=0)      # a speed key: the same run resumes

def test_failed_worker_is_one_clear_error(tmp_path, monkeypatch):
    out = tmp_path/'run'
    run_pipeline(_cfg(), out, until='data', verbose=0)
    monkeypatch.setattr(sys, 'executable', '/bin/false')                 # every worker exits 1
    with pytest.raises(RuntimeError, match=r"teacher \d failed in its worker process \(exit 1\)"):
        run_pipeline(_cfg(workers=2), out, until='ensemble', verbose=0)
    assert not (out/'teachers'/'teacher_0.weights.h5').exists()
