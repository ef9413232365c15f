"Shared helper for benchmark scripts: print a result block and record it in BENCHMARKS.md under its own heading."
import os, platform, re, subprocess, time
from pathlib import Path

BENCH = Path(__file__).resolve().parent.parent/'BENCHMARKS.md'
HEADER = ("# Benchmarks\n\nEvery figure here was printed by the script named in its section, on the project's 2-core CPU "
          "machine (no GPU). Times are medians of repeated runs in one process; ratios come from the same run. "
          "These machines are noisy: compare ratios, not absolute seconds across sections.\n")

def machine():
    try: cpu = next(l.split(':', 1)[1].strip() for l in open('/proc/cpuinfo') if l.startswith('model name'))
    except Exception: cpu = platform.processor()
    return f"{os.cpu_count()} cores, {cpu}, Python {platform.python_version()}"

def record(key, title, command, body):
    "Replace (or add) the section `key` of BENCHMARKS.md with `body`, and print it."
    stamp = time.strftime('%Y-%m-%d')
    sec = (f"<!-- bench:{key} -->\n## {title}\n\nCommand: `{command}` ({stamp}; {machine()})\n\n{body.strip()}\n"
           f"<!-- /bench:{key} -->\n")
    text = BENCH.read_text() if BENCH.exists() else HEADER
    pat = re.compile(rf"<!-- bench:{re.escape(key)} -->.*?<!-- /bench:{re.escape(key)} -->\n", re.S)
    text = pat.sub(lambda m: sec, text) if pat.search(text) else text.rstrip('\n') + '\n\n' + sec
    BENCH.write_text(text)
    print(sec)
