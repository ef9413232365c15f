"README.md is generated from nbs/index.ipynb; the two must agree."
import subprocess, sys, re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

def test_readme_matches_index():
    r = subprocess.run([sys.executable, str(ROOT/'.ci'/'make_readme.py'), '--check'], capture_output=True, text=True)
    assert r.returncode == 0, r.stdout + r.stderr

def test_readme_has_exactly_two_setup_commands():
    text = (ROOT/'README.md').read_text()
    block = re.search(r'## Two commands.*?```bash\n(.*?)```', text, re.S)
    assert block, 'README needs a "Two commands" section with a bash block'
    cmds = [l for l in block.group(1).splitlines() if l.strip()]
    assert len(cmds) == 2
    assert 'degu quickstart' in cmds[0] and 'pip install' in cmds[0]
    assert 'nbdev_test' in cmds[1] and 'pytest' in cmds[1]
