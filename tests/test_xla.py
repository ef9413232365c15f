"""Every custom train step compiles and trains under XLA (`jit_compile=True`), as Keras 3 does by default on a GPU.
XLA runs on the CPU too, so this is checked here."""
import numpy as np, keras, pytest
from evoaug_tf import augment as evoaug
from degu.models import SmallCNN, LegNet
from degu.train import EvoAugModel, paper_augs, make_dataset
from degu.distill import DynamicDistillModel, GradientDistillModel, build_student, StandardizedMSE, head_metrics
from degu.attribution import saliency
from degu.train import build_aleatoric, GaussianNLL

rng = np.random.default_rng(0)
X = np.eye(4, dtype=np.uint8)[rng.integers(0, 4, (64, 60))]; Y = rng.normal(size=(64, 1)).astype('float32')

def _one_step_changes(m, jit=True, y=Y):
    w0 = [w.copy() for w in m.get_weights()]
    h = m.fit(make_dataset(X, y, 32), epochs=1, steps_per_epoch=1, verbose=0)
    assert m.jit_compile is jit and np.isfinite(h.history['loss'][0])
    assert any(not np.array_equal(a, b) for a, b in zip(w0, m.get_weights()))

@pytest.mark.parametrize('augs,ins', [(paper_augs(), 0), ([evoaug.RandomInsertion(0, 6), evoaug.RandomRC(0.5)], 6)])
def test_evoaug_train_step_under_xla(augs, ins):
    m = EvoAugModel(SmallCNN((60 + ins, 4), 1, width=0.25), augs); m.compile('adam', 'mse', jit_compile=True)
    _one_step_changes(m)

@pytest.mark.parametrize('record', [False, True])
def test_dynamic_distillation_train_step_under_xla(record):
    t = SmallCNN((60, 4), 1, width=0.25); i = keras.Input((60, 4))
    fused = keras.Model(i, keras.layers.Reshape((1, 1))(t(i)))
    yd = np.c_[Y, np.abs(Y)]
    dm = DynamicDistillModel(build_student('SmallCNN', yd, (60, 4), width=0.25), fused, ('mutagenesis', 'shuffle'), record=record)
    dm.compile('adam', StandardizedMSE([1., 1.]), metrics=head_metrics([1., 1.]), jit_compile=True)
    _one_step_changes(dm, jit=not record)            # recording (a test aid) opts out of XLA: its variables change shape

@pytest.mark.parametrize('every', [1, 2])
def test_gradient_matching_train_step_under_xla(every):
    "The student's gradient-matching step (double backprop) compiles; with the term on some steps only it opts out."
    yd = np.c_[Y, np.abs(Y)]; st = build_student('SmallCNN', yd, (60, 4), width=0.25)
    g = saliency(st, X.astype('float32'))[..., None] + rng.normal(size=X.shape + (1,))   # not the student's own
    m = GradientDistillModel(st, 1, 2, [1.], 0.3, 16, every)
    m.compile('adam', StandardizedMSE([1., 1.]), metrics=head_metrics([1., 1.]), jit_compile=True)
    _one_step_changes(m, jit=every == 1, y=np.c_[yd, g.reshape(len(g), -1)])

def test_aleatoric_model_under_xla():
    m = build_aleatoric('SmallCNN', (60, 4), Y, width=0.25); m.compile('adam', GaussianNLL(0.5), jit_compile=True)
    _one_step_changes(m)

def test_legnet_with_evoaug_student_and_aleatoric_heads():
    "LegNet (any length) as a student and an aleatoric teacher under XLA; under the EvoAug step it opts out of XLA."
    small = dict(width=0.125, blocks=(32, 16), pool=(2, 1))     # LegNet's layers, two blocks: XLA compiles it faster
    m = EvoAugModel(LegNet((66, 4), 1, **small), [evoaug.RandomInsertion(0, 6), evoaug.RandomRC(0.5)])
    m.compile('adam', 'mse', jit_compile=True); _one_step_changes(m, jit=False)     # XLA fails on its depthwise convs
    yd = np.c_[Y, np.abs(Y)]
    s = build_student('LegNet', yd, (60, 4), **small)
    s.compile('adam', StandardizedMSE([1., 1.]), jit_compile=True); _one_step_changes(s, y=yd)
    a = build_aleatoric('LegNet', (60, 4), Y, **small); a.compile('adam', GaussianNLL(0.5), jit_compile=True)
    _one_step_changes(a)
