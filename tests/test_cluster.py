"""Cluster use: members as separate jobs with `degu train-member`, `degu assemble`, stage commands, a kill -9 during
the ensemble stage of `degu run`, and MirroredStrategy on two logical CPU devices."""
import hashlib, json, os, signal, subprocess, sys, time
from pathlib import Path
import yaml

TINY = {'split': {'n_train': 1500}, 'model': {'width': 0.25}, 'ensemble': {'n': 3, 'max_epochs': 2, 'retry_failed': 0},
        'distill': {'max_epochs': 1}, 'attribute': {'method': 'saliency', 'top_n': 10},
        'shift': {'methods': [{'method': 'shuffle_mono'}]}}

def _cfg(tmp_path, cfg=TINY):
    p = tmp_path/'c.yaml'; p.write_text(yaml.safe_dump(cfg)); return p

def _degu(*a): return subprocess.run(['degu', *map(str, a)], capture_output=True, text=True, timeout=900)
def _sha(p): return hashlib.sha256(Path(p).read_bytes()).hexdigest()

def test_train_member_jobs_then_assemble_and_stages(tmp_path):
    c, out = _cfg(tmp_path), tmp_path/'run'
    for i in (2, 0):                                   # array tasks, any order
        r = _degu('train-member', c, '--out', out, '--member', i); assert r.returncode == 0, r.stderr[-2000:]
    r = _degu('assemble', c, '--out', out)
    assert r.returncode == 2 and 'members [1] are not finished' in r.stderr and '--member 1' in r.stderr
    r = _degu('distill', c, '--out', out)              # stage commands never train missing teachers
    assert r.returncode == 2 and 'members [1] are not finished' in r.stderr
    assert _degu('train-member', c, '--out', out, '--member', 1).returncode == 0
    assert _degu('assemble', c, '--out', out).returncode == 0
    r = _degu('distill', c, '--out', out); assert r.returncode == 0, r.stderr[-2000:]
    assert (out/'student.weights.h5').exists() and not (out/'report.json').exists()
    r = _degu('train-member', c, '--out', out, '--member', 7)
    assert r.returncode == 2 and '--member 7 is out of range' in r.stderr

def test_kill_during_ensemble_stage_then_rerun(tmp_path):
    c, out = _cfg(tmp_path), tmp_path/'run'
    p = subprocess.Popen(['degu', 'run', str(c), '--out', str(out)], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    rec0, t0 = out/'teachers'/'teacher_0.json', time.time()
    while not rec0.exists():
        assert p.poll() is None, p.stderr.read().decode()[-2000:]
        assert time.time() - t0 < 600; time.sleep(0.05)
    os.kill(p.pid, signal.SIGKILL); p.wait()
    assert not (out/'teachers'/'teacher_2.json').exists()
    stages = json.loads((out/'manifest.json').read_text())['stages']   # the run manifest: data done, ensemble not
    assert 'data' in stages and 'ensemble' not in stages, stages
    h0 = _sha(out/'teachers'/'teacher_0.weights.h5')
    r = _degu('run', c, '--out', out)
    assert r.returncode == 0, r.stderr[-2000:]
    assert 'members already finished: [0' in r.stdout and 'member 1/3' not in r.stdout
    assert _sha(out/'teachers'/'teacher_0.weights.h5') == h0
    assert json.loads((out/'report.json').read_text())['teachers']['n'] == 3
    stages = json.loads((out/'manifest.json').read_text())['stages']
    from degu.pipeline import STAGES
    assert list(stages) == list(STAGES) and 'cross' in stages    # every stage, the optional cross-ensemble one included
    assert len(stages['ensemble']['teachers']) == 3

def test_mirrored_strategy_on_two_logical_cpus(tmp_path):
    cfg = {**TINY, 'ensemble': {'n': 1, 'max_epochs': 1, 'distribute': True}}
    script = f"""
import tensorflow as tf
cpu = tf.config.list_physical_devices('CPU')[0]
tf.config.set_logical_device_configuration(cpu, [tf.config.LogicalDeviceConfiguration()] * 2)
from degu.pipeline import run_pipeline
r = run_pipeline({cfg!r}, {str(tmp_path/'run')!r}, until='ensemble')
print('members', sorted(r['ensemble']['members']))
"""
    r = subprocess.run([sys.executable, '-c', script], capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stderr[-3000:]
    assert 'MirroredStrategy over 2 devices' in r.stdout and "members ['0']" in r.stdout
