__version__ = "0.1.0"

# Top-level names (including the original DEGU README's), imported lazily so `import degu` does not load TensorFlow.
_LAZY = {'EnsemblerBase': 'ensemble', 'EnsemblerMixed': 'ensemble', 'EnsemblerDynamic': 'ensemble', 'Ensemble': 'ensemble',
         'Distiller': 'distill', 'train_standard_fun': 'train', 'train_evoaug_fun': 'train', 'train_dynamic_aug_fun': 'train', 'eval_regression': 'utils',
         'load_dataset': 'data', 'run_pipeline': 'pipeline'}
_ALIASES = {'metrics': 'utils'}     # the original DEGU's `metrics` module: its scores live in degu.utils
_MODULES = ('data', 'models', 'train', 'utils', 'ensemble', 'distill', 'uncertainty', 'shift', 'attribution',
            'plotting', 'pipeline', 'cli')

def __getattr__(name):
    import importlib
    if name in _LAZY: return getattr(importlib.import_module(f'degu.{_LAZY[name]}'), name)
    if name in _MODULES: return importlib.import_module(f'degu.{name}')
    if name in _ALIASES: return importlib.import_module(f'degu.{_ALIASES[name]}')
    raise AttributeError(f"module 'degu' has no attribute {name!r}")
