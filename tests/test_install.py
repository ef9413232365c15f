"""A non-editable install (a built wheel, installed with pip into a fresh folder) ships the example configs, and
`degu init` writes them."""
import os, subprocess, sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

def test_wheel_ships_example_configs(tmp_path):
    wh = tmp_path/'wheel'; site = tmp_path/'site'
    r = subprocess.run([sys.executable, '-m', 'pip', 'wheel', '--no-deps', '--no-build-isolation', '-q', '-w', str(wh), str(ROOT)],
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stderr[-2000:]
    whl = next(wh.glob('degu-*.whl'))
    r = subprocess.run([sys.executable, '-m', 'pip', 'install', '--no-deps', '-q', '--target', str(site), str(whl)],
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stderr[-2000:]
    env = {**os.environ, 'PYTHONPATH': str(site)}           # the installed copy comes first, before the checkout
    code = ("import degu, degu.config as p, sys; from degu.cli import main; print(degu.__file__); "
            "print(sorted(f.name for f in p.CONFIGS.iterdir())); sys.exit(main(['init', '--example', 'quickstart', '--dest', sys.argv[1]]))")
    r = subprocess.run([sys.executable, '-c', code, str(tmp_path/'mine')], capture_output=True, text=True, env=env, cwd=tmp_path)
    assert r.returncode == 0, r.stderr[-2000:]
    lines = r.stdout.splitlines()
    assert lines[0].startswith(str(site)), lines[0]            # not the editable checkout
    assert lines[1] == str(['deepstarr_full.yaml', 'quickstart.yaml', 'slurm_train_member.sh', 'table.yaml']), lines[1]
    assert (tmp_path/'mine'/'quickstart.yaml').read_text() == (ROOT/'degu'/'configs'/'quickstart.yaml').read_text()
