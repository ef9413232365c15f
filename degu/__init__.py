__version__ = "0.1.0"

# The original DEGU README's names, importable from the top level without loading TensorFlow until used.
_LAZY = {'EnsemblerBase': 'ensemble', 'EnsemblerMixed': 'ensemble', 'EnsemblerDynamic': 'ensemble', 'Ensemble': 'ensemble',
         'Distiller': 'distill', 'train_standard_fun': 'train', 'train_evoaug_fun': 'train', 'eval_regression': 'utils',
         'load_dataset': 'data'}

def __getattr__(name):
    import importlib
    if name in _LAZY: return getattr(importlib.import_module(f'degu.{_LAZY[name]}'), name)
    if name in ('data', 'models', 'train', 'utils', 'ensemble', 'distill', 'cli'): return importlib.import_module(f'degu.{name}')
    raise AttributeError(f"module 'degu' has no attribute {name!r}")
