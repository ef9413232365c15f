"An ensemble run killed with SIGKILL in the middle of a member's epoch resumes without retraining finished members."
import hashlib, json, os, signal, subprocess, sys, time
from pathlib import Path
import numpy as np, pytest

JOB = Path(__file__).with_name('_ensemble_job.py')
def _sha(p): return hashlib.sha256(Path(p).read_bytes()).hexdigest()
def _run(out, *a): return subprocess.run([sys.executable, str(JOB), str(out), *a], capture_output=True, text=True, timeout=600)
def _weights(p):
    "Every array in a weights file, by its HDF5 path."
    import h5py
    out = {}
    with h5py.File(p, 'r') as f: f.visititems(lambda k, v: out.__setitem__(k, v[()]) if isinstance(v, h5py.Dataset) else None)
    return out
def _manifest(out):
    m = json.loads((out/'m_manifest.json').read_text())
    return {k: m[k] for k in ('config', 'n_members', 'shapes', 'members')}

def test_kill_mid_epoch_then_resume(tmp_path):
    killed, clean = tmp_path/'killed', tmp_path/'clean'
    killed.mkdir()
    p = subprocess.Popen([sys.executable, str(JOB), str(killed), '--slow'], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    t0 = time.time()
    while not (killed/'batch_2').exists():          # member index 2 is in the middle of an epoch
        assert p.poll() is None, p.stderr.read().decode()[-2000:]
        assert time.time() - t0 < 300, 'member 2 never started'
        time.sleep(0.05)
    os.kill(p.pid, signal.SIGKILL); p.wait()
    assert sorted(f.name for f in killed.glob('m_[0-9].json')) == ['m_0.json', 'm_1.json']
    assert not (killed/'m_2.weights.h5').exists()
    before = {i: _sha(killed/f'm_{i}.weights.h5') for i in (0, 1)}
    mtimes = {i: (killed/f'm_{i}.json').stat().st_mtime_ns for i in (0, 1)}

    r = _run(killed)                                 # the same command again
    assert r.returncode == 0, r.stderr[-2000:]
    assert '2/3 members already finished: [0, 1]' in r.stdout
    assert 'member 3/3' in r.stdout and 'member 1/3' not in r.stdout and 'member 2/3' not in r.stdout
    assert {i: _sha(killed/f'm_{i}.weights.h5') for i in (0, 1)} == before      # finished members untouched
    assert {i: (killed/f'm_{i}.json').stat().st_mtime_ns for i in (0, 1)} == mtimes
    assert not list(killed.glob('.*tmp*'))                                      # no temp files left behind

    clean.mkdir(); r2 = _run(clean)                  # an uninterrupted run gives the same manifest ...
    assert r2.returncode == 0, r2.stderr[-2000:]
    assert _manifest(killed) == _manifest(clean)
    for i in range(3):                               # ... and the same weights, including the member that was killed mid-epoch
        a, b = _weights(killed/f'm_{i}.weights.h5'), _weights(clean/f'm_{i}.weights.h5')
        assert a.keys() == b.keys() and len(a) > 5
        for k in a: np.testing.assert_allclose(a[k], b[k], atol=1e-5, err_msg=f'member {i}: {k}')

def test_members_as_separate_jobs_then_assemble(tmp_path):
    "Scenario 2: members trained by separate jobs (any order), then assembled from their weight paths."
    import numpy as np
    from degu.data import one_hot
    from degu.models import SmallCNN
    from degu.ensemble import Ensemble
    rng = np.random.default_rng(1)
    x = one_hot([''.join(r) for r in rng.choice(list('ACGT'), (200, 40))]); y = rng.normal(size=(200, 1)).astype('float32')
    mk = lambda: Ensemble(SmallCNN, 3, prefix=tmp_path/'job', seed=3, model_kwargs=dict(width=0.25),
                          train_kwargs=dict(max_epochs=1, batch_size=50))
    for i in (2, 0):                                  # two "array jobs", out of order
        mk().train_member(i, x, y, (x[:50], y[:50]), verbose=0)
    with pytest.raises(FileNotFoundError, match=r'members \[1\] are not finished.*--member 1'):
        mk().assemble()
    mk().train_member(1, x, y, (x[:50], y[:50]), verbose=0)
    m = mk().assemble()
    assert sorted(m['members']) == ['0', '1', '2'] and [m['members'][k]['seed'] for k in '012'] == [3, 4, 5]
    loaded = Ensemble(SmallCNN, prefix=tmp_path/'job', weight_paths=[tmp_path/f'job_{i}.weights.h5' for i in range(3)],
                      model_kwargs=dict(width=0.25, input_shape=(40, 4), n_outputs=1))
    p = loaded.predict_all(x)
    assert p['members'].shape == (3, 200, 1)
    from degu.train import predict
    for i in range(3):                                # each member as its job wrote it, loaded on its own
        m = SmallCNN((40, 4), 1, width=0.25); m.load_weights(tmp_path/f'job_{i}.weights.h5')
        np.testing.assert_allclose(p['members'][i], predict(m, x), atol=1e-5)
    np.testing.assert_allclose(p['mean'], p['members'].mean(0), atol=1e-6)
    assert not np.allclose(p['members'][0], p['members'][1], atol=1e-3)          # three different members

def test_changed_config_is_refused(tmp_path):
    import numpy as np
    from degu.models import SmallCNN
    from degu.ensemble import Ensemble
    from degu.data import one_hot
    x = one_hot(['ACGT' * 10] * 64); y = np.zeros((64, 1), 'float32')
    Ensemble(SmallCNN, 1, prefix=tmp_path/'c', model_kwargs=dict(width=0.25), train_kwargs=dict(max_epochs=1)).train(x, y, (x, y), verbose=0)
    with pytest.raises(ValueError, match=r"different config \(differs in \['model_kwargs'\]\)"):
        Ensemble(SmallCNN, 1, prefix=tmp_path/'c', model_kwargs=dict(width=0.5), train_kwargs=dict(max_epochs=1))
