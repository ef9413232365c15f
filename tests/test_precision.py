"""A run in mixed precision (`model.precision`): teachers and student train in bfloat16 with float32 heads, the run
records it, the portable student keeps it, predictions are float32, and a changed precision does not reuse the run."""
import copy, json
import numpy as np, pytest
from degu.config import SMOKE_CONFIG, ConfigError
from degu.pipeline import run_pipeline
from degu.run import load_run
from degu.data import read_h5, decode

@pytest.fixture(scope='module')
def run(tmp_path_factory):
    out = tmp_path_factory.mktemp('prec')/'run'
    cfg = copy.deepcopy(SMOKE_CONFIG); cfg['model']['precision'] = 'mixed_bfloat16'
    run_pipeline(cfg, out, verbose=0)
    return out, cfg

def test_recorded_and_portable(run):
    out, cfg = run
    rep = json.loads((out/'report.json').read_text())
    assert rep['model']['precision'] == 'mixed_bfloat16'
    man = json.loads(next((out/'teachers').glob('*manifest.json')).read_text())
    assert man['config']['model_kwargs']['precision'] == 'mixed_bfloat16'
    r = load_run(out); st = r.student
    dts = {l.compute_dtype for l in st._flatten_layers() if hasattr(l, 'compute_dtype')}
    assert 'bfloat16' in dts and all(o.dtype == 'float32' for o in st.outputs)
    seqs = decode(read_h5(out/'dataset.h5').x_test[:20])
    t = rep['targets'][0]; p = r.predict(seqs)
    assert np.isfinite(p[[f'{t}_mean', f'{t}_total']].to_numpy()).all() and p[f'{t}_total'].gt(0).all()

def test_changed_precision_refused(run):
    out, cfg = run
    c2 = copy.deepcopy(cfg); c2['model']['precision'] = 'float32'
    with pytest.raises(ConfigError): run_pipeline(c2, out, verbose=0)
