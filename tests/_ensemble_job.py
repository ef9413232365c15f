"A small ensemble run used by test_ensemble_resume.py; `python _ensemble_job.py OUT [--slow]`."
import os, sys, time
os.environ.setdefault('TF_CPP_MIN_LOG_LEVEL', '3')
from pathlib import Path
import numpy as np, keras
from degu.data import one_hot
from degu.models import SmallCNN
from degu.ensemble import Ensemble

out = Path(sys.argv[1]); slow = '--slow' in sys.argv
rng = np.random.default_rng(0)
x = one_hot([''.join(r) for r in rng.choice(list('ACGT'), (512, 60))])
y = (x[:, 20:30, 0].sum(1, keepdims=True) + rng.normal(0, .5, (512, 1))).astype('float32')

class Beacon(keras.callbacks.Callback):
    "Marks, per batch, which member is training, so a test can kill the run mid-epoch."
    def on_train_batch_end(self, batch, logs=None):
        n = len(list(out.glob('m_[0-9].json')))
        (out/f'batch_{n}').touch()
        if slow: time.sleep(0.05)

ens = Ensemble(SmallCNN, 3, prefix=out/'m', seed=7, model_kwargs=dict(width=0.25),
               train_kwargs=dict(max_epochs=3, batch_size=64, callbacks=[Beacon()]))
ens.train(x[:384], y[:384], (x[384:], y[384:]), verbose=1)
print('trained members:', ens.finished())
