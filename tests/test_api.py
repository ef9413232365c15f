"The original DEGU README's names stay importable from the top level."
import importlib

def test_original_names():
    import degu
    from degu import EnsemblerBase, EnsemblerMixed, EnsemblerDynamic, Distiller, train_standard_fun, eval_regression, utils
    assert callable(utils.logvar) and callable(utils.std)
    assert degu.train.train_standard_fun is train_standard_fun

def test_import_degu_does_not_load_tensorflow():
    import subprocess, sys
    r = subprocess.run([sys.executable, '-c', 'import sys, degu; print("tensorflow" in sys.modules)'], capture_output=True, text=True)
    assert r.stdout.strip() == 'False'
