"Shared helper for benchmark scripts that read a finished run: its second, independently seeded ensemble B."
import json
from pathlib import Path
from degu.pipeline import make_ensemble

def second_ensemble(cfg:dict, run, x_train, y_train):
    "The run's ensemble B (seed + 10,000; `evaluate.cross_ensemble` or cross_growth.py), first `ensemble.n` members; None if absent."
    n = cfg['ensemble']['n']
    for where in (Path(run), Path(run)/'growth'):
        man = where/'teachers_b'/'teacher_manifest.json'
        if not man.exists(): continue
        size = json.loads(man.read_text())['n_members']    # cross_growth.py may have grown B past the run's size
        if size < n: continue
        e = make_ensemble({**cfg, 'ensemble': {**cfg['ensemble'], 'n': size, 'seed': cfg['ensemble']['seed'] + 10_000}}, where, name='teachers_b')
        if not all(p.exists() for p in e.weight_paths): continue
        e._infer_kwargs(x_train, y_train)
        return e.first(n)
    return None
