"""The original DEGU README's three scenarios, run almost verbatim on the embedded DeepSTARR sample. The only edits:
loading the data, the imports the README leaves out (train_standard_fun, evoaug_tf.augment, an eval_function), few
members and epochs, file names under a temporary folder, and (Scenario 2) making the Keras 2-style `model_{i}.h5` files
that the README assumes were trained elsewhere."""
import os
import numpy as np, h5py, pytest
from tensorflow import keras
from degu.data import load_dataset

@pytest.fixture(scope='module')
def data():
    ds = load_dataset('deepstarr_sample')
    return ds.x_train[:400], ds.y_train[:400], ds.x_valid[:200], ds.y_valid[:200], ds.x_test[:200], ds.y_test[:200]

# Define the base model (the README's, verbatim)
def DeepSTARR(input_shape=(249, 4), output_shape=2):
    inputs = keras.layers.Input(shape=input_shape)
    x = keras.layers.Conv1D(256, kernel_size=7, padding='same')(inputs)
    x = keras.layers.BatchNormalization()(x)
    x = keras.layers.Activation('relu')(x)
    x = keras.layers.MaxPooling1D(2)(x)
    x = keras.layers.Flatten()(x)
    outputs = keras.layers.Dense(output_shape, activation='linear')(x)
    return keras.Model(inputs=inputs, outputs=outputs)

def test_scenario_1_serial_ensemble_then_distil(data, tmp_path):
    x_train, y_train, x_valid, y_valid, x_test, y_test = data
    from degu import EnsemblerBase, Distiller, utils
    from degu import train_standard_fun
    # Train ensemble models
    ensembler = EnsemblerBase(base_model=DeepSTARR(), uncertainty_fun=utils.logvar)
    ensemble_history = ensembler.train(
        x_train, y_train, num_ensemble=3,
        train_fun=train_standard_fun,
        validation_data=(x_valid, y_valid),
        save_prefix=str(tmp_path/'deepstarr'), max_epochs=2, verbose=0
    )
    # Distill to student model
    student_model = DeepSTARR(output_shape=4)
    distiller = Distiller(ensembler, uncertainty_fun=utils.logvar)
    student_path, history = distiller.distill_student(
        x_train, y_train, model=student_model,
        train_fun=train_standard_fun,
        validation_data=(x_valid, y_valid),
        save_prefix=str(tmp_path/'deepstarr_distilled'), max_epochs=2, verbose=0
    )
    assert [type(h).__name__ for h in ensemble_history] == ['History']*3
    assert all(len(h.history['val_loss']) == 2 for h in ensemble_history)
    assert os.path.exists(student_path) and len(history.history['val_activity_loss']) == 2
    own = []                                      # the members that were trained, each loaded from its own file
    for i in range(3):
        m = DeepSTARR(); m.load_weights(str(tmp_path/f'deepstarr_{i}.weights.h5')); own.append(m.predict(x_test.astype('float32'), verbose=0))
    own = np.stack(own)
    mean, unc, allp = ensembler.predict(x_test)
    assert allp.shape == (3, 200, 2) and np.allclose(allp, own, atol=1e-4) and np.allclose(mean, own.mean(0), atol=1e-4)
    assert np.abs(own[0] - own[1]).max() > 1e-3    # fresh seeds: the members differ
    assert np.allclose(unc, np.log(np.maximum(own.astype(np.float64).var(0), utils.VAR_FLOOR)), atol=1e-3)

def _keras2_weights_file(model, path):
    "Write `model`'s weights the way Keras 2's `save_weights('model_i.h5')` did: layer groups at the top level."
    full = str(path) + '.full.h5'; model.save(full)
    with h5py.File(full, 'r') as src, h5py.File(path, 'w') as dst:
        g = src['model_weights']
        for k, v in g.attrs.items(): dst.attrs[k] = v
        for name in g: g.copy(name, dst)
    os.remove(full)

def test_scenario_2_parallel_members_from_weight_paths(data, tmp_path, capsys):
    x_train, y_train, x_valid, y_valid, x_test, y_test = data
    from degu import EnsemblerBase, Distiller, utils, metrics
    from degu import train_standard_fun
    eval_function = lambda p, y: metrics.eval_regression(p, y, verbose=0)
    # the members, "trained in parallel" elsewhere: Keras 2-style save_weights files and a legacy model.save file
    members = []
    for i in range(3):
        keras.utils.set_random_seed(i); m = DeepSTARR(); members.append(m)
        p = tmp_path/'model_{}.h5'.format(i)
        m.save(str(p)) if i == 2 else _keras2_weights_file(m, p)
    os.chdir(tmp_path)
    weight_paths = ['model_{}.h5'.format(i) for i in range(3)]
    ensembler = EnsemblerBase(base_model=DeepSTARR(), weight_paths=weight_paths, uncertainty_fun=utils.logvar)

    # Evaluate ensemble and distill to student model
    ensemble_results, _ = ensembler.eval_ensemble(x_test, y_test, eval_function)
    student_model = DeepSTARR(output_shape=4)
    distiller = Distiller(ensembler, uncertainty_fun=utils.logvar)
    distiller.distill_student(x_train, y_train, model=student_model, train_fun=train_standard_fun, max_epochs=1)

    own = np.stack([m.predict(x_test.astype('float32'), verbose=0) for m in members])     # the members themselves
    _, _, allp = ensembler.predict(x_test)
    assert np.allclose(allp, own, atol=1e-4)
    assert np.allclose(ensemble_results, metrics.eval_regression(own.mean(0), y_test, verbose=0), atol=1e-5)
    assert 'no validation data' in capsys.readouterr().out          # said once in the log

def test_scenario_2_bad_weights_file_is_one_clear_error(tmp_path):
    from degu import EnsemblerBase, utils
    keras.utils.set_random_seed(0); DeepSTARR(output_shape=3).save(str(tmp_path/'model_0.h5'))   # another architecture
    ens = EnsemblerBase(base_model=DeepSTARR(), weight_paths=[str(tmp_path/'model_0.h5')], uncertainty_fun=utils.logvar)
    with pytest.raises(ValueError, match='save_weights'): ens.predict(np.zeros((2, 249, 4), np.uint8))

def test_scenario_3_dynamic_augmentations(data, tmp_path):
    x_train, y_train, x_valid, y_valid, x_test, y_test = data
    from evoaug_tf import augment
    from degu import train, EnsemblerDynamic, utils
    augment_list = [
        augment.RandomDeletion(delete_min=0, delete_max=25),
        augment.RandomTranslocationBatch(shift_min=0, shift_max=25),
        augment.RandomNoise(noise_mean=0, noise_std=0.25),
        augment.RandomMutation(mutate_frac=0.05)
    ]
    ensembler = EnsemblerDynamic(base_model=DeepSTARR(), uncertainty_fun=utils.logvar)
    ensemble_history = ensembler.train(
        x_train, y_train, num_ensemble=2,
        train_fun=train.train_dynamic_aug_fun,
        validation_data=(x_valid, y_valid),
        save_prefix=str(tmp_path/'deepstarr_evoaug'),
        augment_list=augment_list, max_epochs=2, finetune_epochs=1, verbose=0
    )
    steps = -(-len(x_train)//128)
    for h in ensemble_history:                     # every member really trained on augmented batches, then fine-tuned
        assert h.n_augmented_batches == 2*steps, h.n_augmented_batches
        assert h.history['stage'] == ['augmented', 'augmented', 'finetune']

def test_mixed_ensemble_of_original_style_functions(data, tmp_path):
    "EnsemblerMixed with architecture functions written the original way (input_shape, output_shape), and such a student."
    x_train, y_train, x_valid, y_valid, x_test, y_test = data
    from degu import EnsemblerMixed, Distiller, utils, train_standard_fun
    def Small(input_shape=(249, 4), output_shape=2):
        i = keras.layers.Input(shape=input_shape)
        return keras.Model(i, keras.layers.Dense(output_shape)(keras.layers.GlobalAveragePooling1D()(keras.layers.Conv1D(8, 5)(i))))
    ens = EnsemblerMixed(uncertainty_fun=utils.std)
    hs = ens.train(x_train, y_train, [DeepSTARR, Small], train_fun=train_standard_fun, validation_data=(x_valid, y_valid),
                   save_prefix=str(tmp_path/'mixed'), max_epochs=1, verbose=0)
    assert len(hs) == 2
    mean, unc, allp = ens.predict(x_test)
    own = []
    for i, f in enumerate([DeepSTARR, Small]):    # member i has architecture i, loaded from its own file
        m = f(); m.load_weights(str(tmp_path/f'mixed_{i}.weights.h5')); own.append(m.predict(x_test.astype('float32'), verbose=0))
    assert allp.shape == (2, 200, 2) and np.allclose(allp, np.stack(own), atol=1e-4)
    assert np.allclose(unc, np.std(np.stack(own).astype(np.float64), 0), atol=1e-4)
    path, h = Distiller(ens, utils.std).distill_student(x_train, y_train, model=Small(output_shape=4), train_fun=train_standard_fun,
                                                        validation_data=(x_valid, y_valid), save_prefix=str(tmp_path/'s'),
                                                        max_epochs=1, verbose=0)
    assert os.path.exists(path)

def test_distiller_trains_on_ensemble_mean_and_uncertainty(data, tmp_path):
    "The student's training targets are the members' mean and log-variance; validation targets are measured y and the uncertainty."
    x_train, y_train, x_valid, y_valid, x_test, y_test = data
    from degu import EnsemblerBase, Distiller, utils, train_standard_fun
    ens = EnsemblerBase(base_model=DeepSTARR(), uncertainty_fun=utils.logvar)
    ens.train(x_train, y_train, num_ensemble=2, train_fun=train_standard_fun, validation_data=(x_valid, y_valid),
              save_prefix=str(tmp_path/'t'), max_epochs=1, verbose=0)
    def members(x):
        out = []
        for i in range(2):
            m = DeepSTARR(); m.load_weights(str(tmp_path/f't_{i}.weights.h5')); out.append(m.predict(x.astype('float32'), verbose=0))
        return np.stack(out).astype(np.float64)
    seen = {}
    def capture(model, x, y, validation_data=None, **kw):
        seen['y'], seen['val'] = y, validation_data
        return train_standard_fun(model, x, y, validation_data, **kw)
    path, h = Distiller(ens, utils.logvar).distill_student(x_train, y_train, model=DeepSTARR(output_shape=4), train_fun=capture,
                                                           validation_data=(x_valid, y_valid), save_prefix=str(tmp_path/'s'),
                                                           max_epochs=1, verbose=0)
    pt, pv = members(x_train), members(x_valid)
    lv = lambda p: np.log(np.maximum(p.var(0), utils.VAR_FLOOR))
    assert seen['y'].shape == (400, 4)
    assert np.allclose(seen['y'][:, :2], pt.mean(0), atol=1e-4) and np.allclose(seen['y'][:, 2:], lv(pt), atol=1e-3)
    assert np.allclose(seen['val'][1][:, :2], y_valid) and np.allclose(seen['val'][1][:, 2:], lv(pv), atol=1e-3)
    assert 'val_activity_loss' in h.history          # early stopping watches the activity heads
    student = DeepSTARR(output_shape=4); student.load_weights(path)
    res, pred, ens_out = Distiller(ens, utils.logvar).eval_student(x_test, y_test, student)
    assert np.allclose(pred, student.predict(x_test.astype('float32'), verbose=0), atol=1e-4)
    pte = members(x_test)
    assert np.allclose(ens_out[:, :2], pte.mean(0), atol=1e-4) and np.allclose(ens_out[:, 2:], lv(pte), atol=1e-3)
