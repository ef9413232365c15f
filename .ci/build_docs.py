"""Build the docs site into `_docs/` offline, from the same notebooks `nbdev_docs` uses (Quarto is not needed).

    python .ci/build_docs.py            # nbdev proc_nbs, notebooks -> Markdown, mkdocs-material -> _docs/
    python -m http.server -d _docs      # browse it at http://127.0.0.1:8000

Steps: nbdev's `proc_nbs` (what `nbdev_proc_nbs` runs, without its Quarto install step) runs nbdev's own processors (show_doc rendered, hidden and export cells dropped) into `_proc/`;
each processed notebook becomes one Markdown page named by its Quarto `output-file` (so `utils.html#std` links
written by nbdev resolve here too); mkdocs-material renders the pages with sidebar navigation and client-side
search. On a machine with Quarto, `nbdev_docs` still builds the canonical site from `nbs/_quarto.yml`."""
import argparse, base64, configparser, json, posixpath, re, shutil, subprocess, sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MAX_STREAM_LINES = 40

def settings():
    cp = configparser.ConfigParser(); cp.read(ROOT/'settings.ini'); return cp['DEFAULT']

def front_matter(cell):
    "title, description and output-file from nbdev's raw YAML front-matter cell."
    import yaml
    src = ''.join(cell['source']).strip()
    return yaml.safe_load(src.strip('-').strip()) or {} if src.startswith('---') else {}

def page_name(nb_path, fm, proc):
    "Where a notebook's page goes: its Quarto output-file (e.g. `utils.html`) under the same sub-folder."
    rel = nb_path.relative_to(proc)
    stem = Path(fm.get('output-file', rel.stem + '.html')).stem
    return (rel.parent/stem).as_posix()

class Links:
    "Rewrite links to the published site and to notebooks into relative links between built pages."
    def __init__(self, site, pages): self.site, self.pages = site.rstrip('/') + '/', pages   # pages: nb rel path -> page
    def __call__(self, text, here):
        up = '../'*here.count('/')
        text = re.sub(re.escape(self.site) + r'([\w/.-]*)', lambda m: up + (m.group(1) or 'index.html'), text)
        def nb(m):   # a notebook link is relative to the linking page's folder (pages keep the notebooks' folders)
            page = self.pages.get(posixpath.normpath(posixpath.join(posixpath.dirname(here), m.group(1))))
            return f'](' + up + page + '.html' + (m.group(2) or '') + ')' if page else m.group(0)
        return re.sub(r'\]\(([\w/.-]+\.ipynb)(#[\w.-]+)?\)', nb, text)

def heading_ids(md):
    "Give show_doc headings nbdev's anchors (`### Ensemble.train` -> `#ensemble.train`)."
    return re.sub(r'^(#{2,4}) ([A-Za-z_][\w.]*)\s*$', lambda m: f'{m.group(1)} {m.group(2)} {{#{m.group(2).lower()}}}',
                  md, flags=re.M)

SIG = re.compile(r'```python\n\n(?P<kw>def|class) (?P<name>[\w.]+)\(\n(?P<params>.*?)\n\)(?P<ret>[^\n]*)\n\n\n```', re.S)
PARAM = re.compile(r'^(?P<n>\*{0,2}\w+)(?::(?P<t>[^=]+?))?(?:=(?P<d>.+))?$', re.S)

def split_top(text):
    "Split on commas outside brackets and quotes."
    out, depth, quote, cur = [], 0, None, ''
    for ch in text:
        if quote: quote = None if ch == quote else quote
        elif ch in '\'"': quote = ch
        elif ch in '([{': depth += 1
        elif ch in ')]}': depth -= 1
        elif ch == ',' and depth == 0: out.append(cur); cur = ''; continue
        cur += ch
    return [p.strip() for p in out + [cur] if p.strip()]

def split_comment(line):
    "`code # comment` -> (code, comment), ignoring '#' inside quotes."
    quote = None
    for i, ch in enumerate(line):
        if quote: quote = None if ch == quote else quote
        elif ch in '\'"': quote = ch
        elif ch == '#': return line[:i], line[i + 1:].strip()
    return line, ''

def docments_table(md):
    "Turn show_doc's signature block into a compact signature plus a parameter table (name, type, default, details)."
    def repl(m):
        rows, names, info = [], [], False
        for line in m.group('params').split('\n'):
            code, c = split_comment(line)
            for part in split_top(code):
                p = PARAM.match(part)
                if not p: return m.group(0)                      # unexpected layout: keep nbdev's block as it is
                n, t, d = p.group('n'), (p.group('t') or '').strip(), (p.group('d') or '').strip()
                if t in ('VAR_KEYWORD', 'VAR_POSITIONAL'): n, t = ('**' if t == 'VAR_KEYWORD' else '*') + n.lstrip('*'), ''
                info = info or bool(t or d or c)
                names.append(n + (f'={d}' if d else ''))
                cell = lambda v: v.replace('|', '\\|')
                rows.append(f"| `{n}` | {f'`{cell(t)}`' if t else ''} | {f'`{cell(d)}`' if d else ''} | {cell(c)} |")
        ret, rc = split_comment(m.group('ret'))
        ret = ret.strip().rstrip(':').strip(); ret = ret[2:].strip() if ret.startswith('->') else ret
        sig = f"```python\n{m.group('name').split('.')[-1]}({', '.join(names)}){f' -> {ret}' if ret else ''}\n```"
        if not rows or (not info and not rc): return sig
        table = '| parameter | type | default | details |\n|---|---|---|---|\n' + '\n'.join(rows)
        if ret or rc: table += f"\n| **returns** | {f'`{ret}`' if ret else ''} | | {rc} |"
        return sig + '\n\n' + table + '\n'
    return SIG.sub(repl, md)

def directives(src):
    "Split `#| key: value` lines off the top of a code cell."
    opts, lines = {}, src.split('\n')
    while lines and lines[0].startswith('#|'):
        k, _, v = lines.pop(0)[2:].strip().partition(':'); opts[k.strip()] = v.strip() or 'true'
    return opts, '\n'.join(lines).strip('\n')

def fence(text, lang=''):
    ticks = '````' if '```' in text else '```'
    return f'{ticks}{lang}\n{text.rstrip()}\n{ticks}\n'

def outputs_md(outs, img_dir, img_rel, counter):
    parts = []
    for o in outs:
        t = o.get('output_type')
        if t == 'stream':
            if o.get('name') == 'stderr': continue
            lines = ''.join(o['text']).rstrip('\n').split('\n')
            if len(lines) > MAX_STREAM_LINES: lines = lines[:MAX_STREAM_LINES] + [f'... ({len(lines) - MAX_STREAM_LINES} more lines)']
            text = '\n'.join(l.split('\r')[-1] for l in lines)
            if text.strip(): parts.append(fence(text, 'text'))
        elif t in ('execute_result', 'display_data'):
            d = o.get('data', {})
            if 'image/png' in d:
                counter[0] += 1; name = f'fig_{counter[0]}.png'
                img_dir.mkdir(parents=True, exist_ok=True)
                (img_dir/name).write_bytes(base64.b64decode(''.join(d['image/png'])))
                parts.append(f'![figure {counter[0]}]({img_rel}/{name})\n')
            elif 'text/markdown' in d: parts.append(''.join(d['text/markdown']) + '\n')
            elif 'text/html' in d:
                html = ''.join(d['text/html'])
                html = re.sub(r'<style scoped>.*?</style>', '', html, flags=re.S)
                parts.append('<div class="nb-output" markdown="0">\n' + html.strip() + '\n</div>\n')
            elif 'text/plain' in d: parts.append(fence(''.join(d['text/plain']), 'text'))
        elif t == 'error':
            raise SystemExit(f"a stored output is an error ({o.get('ename')}): re-execute the notebook before building the docs")
    return '\n'.join(parts)

def read_nb(nb_path, proc):
    "A processed notebook: (cells without the front matter, front matter, page name)."
    cells = json.loads(nb_path.read_text())['cells']
    fm = front_matter(cells[0]) if cells and cells[0]['cell_type'] == 'raw' else {}
    return (cells[1:] if fm else cells), fm, page_name(nb_path, fm, proc)

def nb_to_md(cells, fm, page, out, links):
    "Write one page's Markdown (and its figures) under `out`; return its title."
    md = [f"# {fm['title']}\n"] if fm.get('title') else []
    if fm.get('description'): md.append(f"<p class=\"nb-lead\">{fm['description']}</p>\n")
    img_rel = Path(page).name + '_files'; img_dir = (out/page).parent/img_rel; counter = [0]
    for c in cells:
        src = ''.join(c['source'])
        if c['cell_type'] == 'markdown':
            if src.startswith('<!-- WARNING'): continue
            md.append(heading_ids(src) + '\n')
        elif c['cell_type'] == 'code':
            opts, code = directives(src)
            if opts.get('include') == 'false': continue
            if opts.get('echo') != 'false' and code.strip(): md.append(fence(code, 'python'))
            if opts.get('output') != 'false':
                o = outputs_md(c.get('outputs', []), img_dir, img_rel, counter)
                if o: md.append(docments_table(heading_ids(o)) if opts.get('output') == 'asis' else o)
    text = links('\n'.join(md), page)
    dest = out/(page + '.md'); dest.parent.mkdir(parents=True, exist_ok=True); dest.write_text(text)
    return fm.get('title', Path(page).name)

PROC = """import warnings; warnings.filterwarnings('ignore')
from nbdev.config import get_config
from nbdev.quarto import refresh_quarto_yml
from nbdev.serve import proc_nbs
import nbdev.doclinks
refresh_quarto_yml(); nbdev.doclinks._build_modidx(); proc_nbs(get_config().nbs_path)
"""

MKDOCS = """site_name: {title}
site_description: {description}
site_url: {site}
docs_dir: {docs}
site_dir: {site_dir}
use_directory_urls: false
theme:
  name: material
  font: false
  features: [navigation.sections, navigation.top, search.highlight, content.code.copy]
  palette: {{primary: teal, accent: indigo}}
plugins: [search]
extra:
  social:   # a plain link: repo_url would make the theme call api.github.com from every reader's browser
    - {{icon: fontawesome/brands/github, link: {repo}}}
extra_css: [degu.css]
markdown_extensions:
  - tables
  - attr_list
  - md_in_html
  - admonition
  - toc: {{permalink: true}}
  - pymdownx.highlight
  - pymdownx.superfences
nav:
{nav}
"""

CSS = """.nb-lead { font-size: 1.1em; color: var(--md-default-fg-color--light); }
.nb-output { overflow-x: auto; margin-bottom: 1em; }
.nb-output table { font-size: .75rem; }
.md-typeset img { max-width: 100%; }
"""

def q(v): return json.dumps(str(v))   # a quoted YAML scalar

def nav_from_sidebar(path, pages, titles):
    "The mkdocs nav from nbdev's `sidebar.yml` (the same sidebar Quarto uses): sections become nav sections."
    import yaml
    contents = yaml.safe_load(Path(path).read_text())['website']['sidebar']['contents']
    listed = set()
    def item(entry, indent):
        if isinstance(entry, str):
            page = pages.get(entry)
            if page is None: sys.exit(f'sidebar.yml lists {entry}, which is not a notebook in nbs/')
            listed.add(page); name = 'Home' if page == 'index' else titles[page]
            return [f"{' '*indent}- {q(name)}: {page}.md"]
        out = [f"{' '*indent}- {q(entry['section'])}:"]
        for e in entry['contents']: out += item(e, indent + 4)
        return out
    lines = []
    for e in contents: lines += item(e, 2)
    return '\n'.join(lines), listed

def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--skip-proc', action='store_true', help='reuse _proc/ from an earlier nbdev_proc_nbs')
    ap.add_argument('--out', default=None, help='site folder (default: doc_path in settings.ini, _docs)')
    a = ap.parse_args(argv)
    s = settings(); proc = ROOT/'_proc'; build = ROOT/'_build_docs'; docs = build/'docs'
    site_dir = Path(a.out) if a.out else ROOT/s.get('doc_path', '_docs')
    if not a.skip_proc:
        # nbdev_proc_nbs's own steps, minus its Quarto check: without Quarto the CLI tries to install it and then
        # runs `pip install -e .[dev]` on its own, which is slow, needs the network and failed once in CI here.
        r = subprocess.run([sys.executable, '-c', PROC], cwd=ROOT, capture_output=True, text=True)
        if r.returncode: sys.exit(f'processing the notebooks failed:\n{r.stderr[-3000:]}')
    nbs = sorted(p for p in proc.rglob('*.ipynb') if not p.name.startswith('_') and '.ipynb_checkpoints' not in p.parts)
    if not nbs: sys.exit('no processed notebooks in _proc/: run without --skip-proc')
    shutil.rmtree(build, ignore_errors=True); docs.mkdir(parents=True)
    read = {p.relative_to(proc).as_posix(): read_nb(p, proc) for p in nbs}
    pages = {k: page for k, (_, _, page) in read.items()}
    site = s['doc_host'].rstrip('/') + s.get('doc_baseurl', '/')
    links = Links(site, pages)
    titles = {page: nb_to_md(cells, fm, page, docs, links) for cells, fm, page in read.values()}
    (docs/'degu.css').write_text(CSS)
    nav, listed = nav_from_sidebar(ROOT/s.get('nbs_path', 'nbs')/'sidebar.yml', pages, titles)
    missing = sorted(set(titles) - listed)
    if missing: sys.exit(f'pages missing from nbs/sidebar.yml (add them there): {missing}')
    tut = [pg for pg in titles if pg.startswith('tutorials/')]; api = [pg for pg in titles if '/' not in pg and pg != 'index']
    (build/'mkdocs.yml').write_text(MKDOCS.format(title=q(s['title']), description=q(s.get('description', '')), site=q(site),
        repo=q(f"https://github.com/{s['user']}/{s['repo']}"), docs=q(docs), site_dir=q(site_dir), nav=nav))
    r = subprocess.run([sys.executable, '-m', 'mkdocs', 'build', '--strict', '--quiet', '-f', str(build/'mkdocs.yml')],
                       cwd=ROOT, capture_output=True, text=True)
    if r.returncode: sys.exit(f'mkdocs build failed:\n{r.stdout[-3000:]}\n{r.stderr[-5000:]}')
    print(f'built {len(titles)} pages into {site_dir} ({len(tut)} tutorials, {len(api)} API pages)')

if __name__ == '__main__': main()
