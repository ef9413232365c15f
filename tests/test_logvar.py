"""`distill.kind: logvar` end to end: log-variance targets (from the members themselves), the student's log-variance heads,
online dynamic labels, and the conversion to std for the conformal intervals (checked against a hand computation)."""
import numpy as np, pytest, tensorflow as tf
from degu.pipeline import run_pipeline, validate_config, calibration_split, SMOKE_CONFIG
from degu.run import finished_run
from degu.data import read_h5
from degu.utils import VAR_FLOOR
from degu.uncertainty import student_heads
from degu.train import predict

CFG = {**SMOKE_CONFIG, 'distill': {**SMOKE_CONFIG['distill'], 'kind': 'logvar', 'dynamic': True, 'finetune_epochs': 1},
       'evaluate': {'alphas': [0.1]}}

@pytest.fixture(scope='module')
def run(tmp_path_factory):
    out = tmp_path_factory.mktemp('logvar')/'run'
    r = run_pipeline(CFG, out, until='conformal', verbose=0)
    return out, r, finished_run(CFG, out)

def _members(ens, x):
    "Each teacher loaded on its own: means `(M, N, T)` and aleatoric stds `(M, N, T)`."
    p = np.stack([predict(ens.load_member(i), x) for i in range(ens.n_members)]).astype(np.float64); T = p.shape[-1]//2
    return p[..., :T], p[..., T:]

def test_logvar_targets_are_member_log_variances(run):
    out, _, fr = run
    dd = read_h5(out/'distill.h5'); T = len(dd.targets)
    assert dd.provenance['distill']['kind'] == 'logvar' and dd.splits['train']['y_distill'].shape[1] == 3*T
    mu, sd = _members(fr['ensemble'], dd.x_train[:300])
    yd = dd.splits['train']['y_distill'][:300]
    np.testing.assert_allclose(yd[:, :T], mu.mean(0), atol=1e-4)
    np.testing.assert_allclose(yd[:, T:2*T], np.log(np.maximum(mu.var(0), VAR_FLOOR)), atol=2e-3)
    np.testing.assert_allclose(yd[:, 2*T:], np.log(np.maximum((sd**2).mean(0), VAR_FLOOR)), atol=2e-3)
    assert np.all(yd[:, T:2*T] < 0)     # log-variances of small spreads, not stds

def test_dynamic_labels_in_logvar(run):
    _, _, fr = run
    from degu.distill import DynamicDistillModel
    ens = fr['ensemble']; x = fr['data'].x_test[:64].astype('float32')
    m = DynamicDistillModel(fr['student'], ens.fused(), kind='logvar', aleatoric=True)
    lab = m.teacher_targets(tf.constant(x)).numpy(); mu, sd = _members(ens, x); T = mu.shape[-1]
    np.testing.assert_allclose(lab[:, :T], mu.mean(0), atol=1e-4)
    np.testing.assert_allclose(lab[:, T:2*T], np.log(np.maximum(mu.var(0), VAR_FLOOR)), atol=2e-3)
    np.testing.assert_allclose(lab[:, 2*T:], np.log(np.maximum((sd**2).mean(0), VAR_FLOOR)), atol=2e-3)

def test_logvar_heads_become_std_intervals(run):
    out, r, fr = run
    cfg = validate_config(CFG); ds, cal = calibration_split(cfg, fr['data']); T = len(ds.targets)
    pc, pt = predict(fr['student'], cal['x']), predict(fr['student'], ds.x_test)
    hc, ht = student_heads(pc, T, 'logvar'), student_heads(pt, T, 'logvar')
    np.testing.assert_allclose(ht['epistemic'], np.exp(pt[:, T:2*T]/2), rtol=1e-5)
    np.testing.assert_allclose(ht['total'], np.sqrt(np.exp(pt[:, T:2*T]) + np.exp(pt[:, 2*T:])), rtol=1e-5)
    s = np.sort(np.abs(cal['y'][:, 0] - hc['mean'][:, 0]) / hc['total'][:, 0])      # the scaled conformal score, by hand
    q = s[int(np.ceil((len(s) + 1)*0.9)) - 1]
    got = r['intervals']['student_total']['0.1']
    np.testing.assert_allclose(got['width'], 2*q*ht['total'][:, 0].mean(), rtol=2e-3)
    cover = np.mean(np.abs(ds.y_test[:, 0] - ht['mean'][:, 0]) <= q*ht['total'][:, 0])
    np.testing.assert_allclose(got['coverage'], cover, atol=2e-3)
