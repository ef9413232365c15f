__version__ = "0.1.0"

# Top-level names (including the original DEGU README's), imported lazily so `import degu` does not load TensorFlow.
_LAZY = {'EnsemblerBase': 'ensemble', 'EnsemblerMixed': 'ensemble', 'EnsemblerDynamic': 'ensemble', 'Ensemble': 'ensemble',
         'Distiller': 'distill', 'train_standard_fun': 'train', 'train_evoaug_fun': 'train', 'eval_regression': 'utils',
         'load_dataset': 'data', 'run_pipeline': 'pipeline'}
_MODULES = ('data', 'models', 'train', 'utils', 'ensemble', 'distill', 'uncertainty', 'shift', 'attribution',
            'plotting', 'pipeline', 'cli')

def __getattr__(name):
    import importlib
    if name in _LAZY: return getattr(importlib.import_module(f'degu.{_LAZY[name]}'), name)
    if name in _MODULES: return importlib.import_module(f'degu.{name}')
    raise AttributeError(f"module 'degu' has no attribute {name!r}")
