"""Shared helper for benchmark scripts: record a result in BENCHMARKS.md (one section per question, reruns beneath it,
newest first) and its numbers in `benchmarks/results/KEY.json` (with commit, machine, date and command)."""
import json, os, platform, re, subprocess, time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH, RESULTS = ROOT/'BENCHMARKS.md', ROOT/'benchmarks'/'results'
HEADER = ("# Benchmarks\n\nEvery figure here was printed by the script named in its section, on the project's 2-core CPU "
          "machines (no GPU). Times are medians of repeated runs in one process; ratios come from the same run. "
          "These machines are noisy: compare ratios, not absolute seconds across sections. Each section names its CPU: "
          "sessions ran on AMD EPYC and on Intel Xeon machines of the same kind (2 cores). TensorFlow 2.21 turns its "
          "oneDNN kernels on by default on the Xeon (AVX-512) and leaves them off on the EPYC, so degu's kernel default "
          "speeds training up on the EPYC only (compute sections below).\n")
HEADLINE = ('<!-- headline -->', '<!-- /headline -->')

def cpu()->str:
    try: return next(l.split(':', 1)[1].strip() for l in open('/proc/cpuinfo') if l.startswith('model name'))
    except Exception: return platform.processor()

def machine()->str: return f"{os.cpu_count()} cores, {cpu()}, Python {platform.python_version()}"

def commit()->str:
    try: return subprocess.run(['git', 'rev-parse', '--short', 'HEAD'], cwd=ROOT, capture_output=True, text=True,
                               timeout=10).stdout.strip() or None
    except Exception: return None

def write_results(key:str, numbers:dict, command:str)->Path:
    "Write `numbers` with their provenance to `benchmarks/results/KEY.json` (atomically)."
    RESULTS.mkdir(parents=True, exist_ok=True); p = RESULTS/f'{key}.json'
    meta = {'commit': commit(), 'cpu': cpu(), 'machine': machine(), 'date': time.strftime('%Y-%m-%d'), 'command': command}
    tmp = p.with_suffix('.json.tmp'); tmp.write_text(json.dumps({**numbers, '_meta': meta}, indent=1, default=float) + '\n')
    os.replace(tmp, p); return p

# ---- BENCHMARKS.md: a header, the headline table, then one section per question (reruns beneath it, newest first)
_BLOCK = re.compile(r'<!-- bench:(?P<key>[^ ]+) -->\n(?P<body>.*?)<!-- /bench:(?P=key) -->\n', re.S)
_DATE = re.compile(r'20\d\d-\d\d-\d\d')

def question(title:str)->str:
    "The question a section answers: its title without a trailing run name in parentheses (kept when it names issues)."
    m = re.match(r'^(.*\S)\s+\(([^()]*)\)$', title)
    return m.group(1) if m and not m.group(2).startswith('issue') else title

def parse(text:str)->list:
    "Sections of BENCHMARKS.md below the headline: `[{key, title, date, body}]` in file order."
    body = text.split(HEADLINE[1], 1)[1] if HEADLINE[1] in text else text
    out, pos = [], 0
    for m in _BLOCK.finditer(body):
        out += _loose(body[pos:m.start()], out)
        b = m.group('body'); t = re.search(r'(?m)^#{2,3} (.*)$', b)
        d = _DATE.search(b)
        out.append({'key': m.group('key'), 'title': t.group(1).strip() if t else m.group('key'),
                    'date': d.group(0) if d else (out[-1]['date'] if out else ''),
                    'body': b[t.end():].strip('\n') if t else b.strip('\n')})
        pos = m.end()
    return out + _loose(body[pos:], out)

def _loose(chunk:str, before:list)->list:
    "Hand-written sections between recorded blocks (no marker): kept, dated like the section before them."
    out = []
    for part in re.split(r'(?m)^(?=#{2,3} )', chunk):
        m = re.match(r'#{2,3} (.*)\n', part)
        if not m or not part[m.end():].strip() or m.group(1) == 'History': continue     # a question's heading
        d = _DATE.search(part)
        out.append({'key': None, 'title': m.group(1).strip(), 'body': part[m.end():].strip('\n'),
                    'date': d.group(0) if d else (before[-1]['date'] if before else '')})
    return out

def layout(sections:list, headline:str)->str:
    "BENCHMARKS.md from its sections: header, headline, then questions (newest first), each with its reruns."
    groups = {}
    for s in sections: groups.setdefault(question(s['title']), []).append(s)
    order = sorted(groups, key=lambda q: max(s['date'] for s in groups[q]), reverse=True)
    parts = [HEADER, f"{HEADLINE[0]}\n{headline.strip()}\n{HEADLINE[1]}\n",
             '## History\n\nOne section per question, newest first; each rerun (another data set, machine or setting) '
             'beneath it, newest first.\n']
    for q in order:
        parts.append(f'## {q}\n')
        for s in sorted(groups[q], key=lambda s: s['date'], reverse=True):
            sec = f"### {s['title']}\n\n{s['body']}\n"
            parts.append(f"<!-- bench:{s['key']} -->\n{sec}<!-- /bench:{s['key']} -->\n" if s['key'] else sec)
    return '\n'.join(parts)

def headline_of(text:str)->str:
    if HEADLINE[0] not in text: return ''
    return text.split(HEADLINE[0], 1)[1].split(HEADLINE[1], 1)[0].strip()

def record(key, title, command, body, numbers:dict=None):
    """Replace (or add) the section `key` of BENCHMARKS.md with `body` (one from another CPU stays, under `key_DATE`),
    print it, and write `numbers` to results/KEY.json."""
    stamp = time.strftime('%Y-%m-%d')
    new = {'key': key, 'title': title, 'date': stamp,
           'body': f"Command: `{command}` ({stamp}; {machine()})\n\n{body.strip()}"}
    text = BENCH.read_text() if BENCH.exists() else HEADER
    secs = parse(text); old = next((s for s in secs if s['key'] == key), None)
    secs = [s for s in secs if s['key'] != key]
    # a rerun on another CPU keeps that CPU's figures beneath it, under a dated key (the same CPU's are replaced)
    kept = old and f"{key}_{old['date'].replace('-', '')}"
    if old and cpu() not in old['body'].split('\n', 1)[0] and kept not in {s['key'] for s in secs}:
        secs.append({**old, 'key': kept})
    secs.append(new)
    BENCH.write_text(layout(secs, headline_of(text)))
    if numbers is not None: write_results(key, numbers, command)
    print(f"## {title}\n\n{new['body']}\n")
