__version__ = "0.1.0"

import os as _os
# TensorFlow's oneDNN CPU kernels train DeepSTARR about 2.5x faster on this project's AMD CPUs (BENCHMARKS.md,
# compute), where TensorFlow leaves them off by default (it turns them on only for CPUs with AVX-512/AMX). TensorFlow
# reads the setting once, when it is imported: it applies when degu is imported first; a value you set yourself (0 or
# 1) is kept. GPUs are unaffected.
_os.environ.setdefault('TF_ENABLE_ONEDNN_OPTS', '1')

# Top-level names (including the original DEGU README's), imported lazily so `import degu` does not load TensorFlow.
_LAZY = {'EnsemblerBase': 'ensemble', 'EnsemblerMixed': 'ensemble', 'EnsemblerDynamic': 'ensemble',
         'Ensemble': 'ensemble', 'Distiller': 'distill', 'train_standard_fun': 'train', 'train_evoaug_fun': 'train',
         'train_dynamic_aug_fun': 'train', 'eval_regression': 'utils', 'load_dataset': 'data',
         'run_pipeline': 'pipeline', 'load_run': 'run'}
_ALIASES = {'metrics': 'utils'}     # the original DEGU's `metrics` module: its scores live in degu.utils
_MODULES = ('data', 'models', 'train', 'utils', 'ensemble', 'distill', 'uncertainty', 'shift', 'attribution',
            'variants', 'motifs', 'plotting', 'config', 'report', 'pipeline', 'run', 'design', 'cli')

def __getattr__(name):
    import importlib
    if name in _LAZY: return getattr(importlib.import_module(f'degu.{_LAZY[name]}'), name)
    if name in _MODULES: return importlib.import_module(f'degu.{name}')
    if name in _ALIASES: return importlib.import_module(f'degu.{_ALIASES[name]}')
    raise AttributeError(f"module 'degu' has no attribute {name!r}")

# A portable student (`student.keras`) holds degu's registered layers. With Keras already imported, `import degu`
# registers them, so plain `keras.models.load_model` reads the file; otherwise any degu module that uses Keras (or
# `degu.load_run`) does.
import sys as _sys
if 'keras' in _sys.modules: import degu.distill
