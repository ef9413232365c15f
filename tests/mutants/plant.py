"""Planted bugs: does the test suite catch them? Each mutant in `mutants.json` is a plausible bug (an exact text
replacement in one notebook). For each: apply it, export, run the notebook's own tests (or the pytest file named by
`test`), restore the notebook and export again. A mutant is caught when the tests fail. Run from the repository root:

    python tests/mutants/plant.py [tests/mutants/mutants.json] [--only NAME ...]

about 40 s per notebook mutant and 1-2 min per pytest mutant on 2 cores. Not collected by pytest (not a test_ file):
it edits the notebooks, so run it on a clean tree and let it restore them."""
import argparse, json, subprocess, sys, time
from pathlib import Path

def _edit(path, old, new):
    nb = json.loads(Path(path).read_text()); hits = [c for c in nb['cells'] if old in ''.join(c['source'])]
    if len(hits) != 1 or ''.join(hits[0]['source']).count(old) != 1:
        raise ValueError(f"{path}: the mutant's text must occur once, found in {len(hits)} cells")
    c = hits[0]; c['source'] = ''.join(c['source']).replace(old, new).splitlines(keepends=True)
    Path(path).write_text(json.dumps(nb, indent=1, ensure_ascii=False) + '\n')

def plant(m:dict)->tuple:
    "Apply mutant `m`, run its tests, restore; (name, 'caught' or 'MISSED' or 'NOT APPLIED: why', seconds)."
    nb = Path('nbs')/m['nb']; orig = nb.read_text(); t0 = time.time()
    try: _edit(nb, m['old'], m['new'])
    except ValueError as e: return m['name'], f'NOT APPLIED: {e}', 0
    try:
        subprocess.run(['nbdev_export'], check=True, capture_output=True)
        cmd = (['pytest', '-q', '-x', '-n', '2', m['test']] if m.get('test') else
               ['nbdev_test', '--path', str(nb)])
        failed = subprocess.run(cmd, capture_output=True, text=True).returncode != 0
    finally:
        nb.write_text(orig); subprocess.run(['nbdev_export'], check=True, capture_output=True)
    return m['name'], 'caught' if failed else 'MISSED', round(time.time() - t0)

if __name__ == '__main__':
    ap = argparse.ArgumentParser()
    ap.add_argument('mutants', nargs='?', default=str(Path(__file__).with_name('mutants.json')))
    ap.add_argument('--only', nargs='*'); a = ap.parse_args()
    ms = [m for m in json.loads(Path(a.mutants).read_text()) if not a.only or m['name'] in a.only]
    res = []
    for m in ms: res.append(plant(m)); print(*res[-1], sep='\t', flush=True)
    missed = [r for r in res if r[1] != 'caught']
    print(f'{len(res) - len(missed)} of {len(res)} caught'
          + (': missed ' + '; '.join(r[0] for r in missed) if missed else ''))
    sys.exit(1 if missed else 0)
