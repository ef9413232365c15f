#!/usr/bin/env python
"""Render README.md from nbs/index.ipynb without Quarto (nbdev_readme needs Quarto).

Markdown cells are copied as they are; code cells become ```python blocks with their stored text output;
cells marked `#| hide` are left out. Links to notebooks (`tutorials/x.ipynb`) are made relative to the
repository root (`nbs/tutorials/x.ipynb`), where README.md lives. `--check` exits 1 if README.md differs from what would be written."""
import json, re, sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

def _text(src): return ''.join(src) if isinstance(src, list) else src

def _links(md):
    "Point relative notebook links at nbs/, since README.md sits at the repository root."
    return re.sub(r'\]\((?!https?:|/|#|nbs/)([\w./-]+\.ipynb)', r'](nbs/\1', md)

def render(nb_path=ROOT/'nbs'/'index.ipynb'):
    "README text for the notebook at `nb_path`."
    nb = json.loads(Path(nb_path).read_text())
    parts = ['<!-- WARNING: generated from nbs/index.ipynb by .ci/make_readme.py; edit the notebook, not this file. -->']
    for c in nb['cells']:
        src = _text(c['source']).strip('\n')
        if c['cell_type'] == 'markdown': parts.append(_links(src)); continue
        if c['cell_type'] != 'code' or any(l.strip().replace(' ', '') in ('#|hide', '#|exporti', '#|export')
                                          for l in src.splitlines()[:3]): continue
        parts.append(f'```python\n{src}\n```')
        out = []
        for o in c.get('outputs', []):
            if o.get('output_type') == 'stream': out.append(_text(o['text']))
            elif 'text/plain' in o.get('data', {}): out.append(_text(o['data']['text/plain']) + '\n')
        if out: parts.append('```\n' + ''.join(out).rstrip('\n') + '\n```')
    return '\n\n'.join(parts) + '\n'

if __name__ == '__main__':
    text, readme = render(), ROOT/'README.md'
    if '--check' in sys.argv:
        ok = readme.exists() and readme.read_text() == text
        print('README.md matches nbs/index.ipynb' if ok else 'README.md is stale: run python .ci/make_readme.py')
        sys.exit(0 if ok else 1)
    readme.write_text(text); print(f'wrote {readme}')
