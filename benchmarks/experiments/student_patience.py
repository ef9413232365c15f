"""Question (2026-12-07): the quickstart's student waits 5 epochs without improvement before it stops (the learning
rate drops after 3). Did any quickstart student improve after its best epoch + 2, where a patience of 3 (rate drop
after 2) would have stopped it?

Reads each finished run's `student_history.json` (the monitored `val_activity_loss` and the learning rate per epoch)
and its config; no training.

Run: python benchmarks/experiments/student_patience.py RUN [RUN ...]"""
import json, os, sys
from pathlib import Path
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from _record import record

rows = []
for run in sys.argv[1:]:
    h = json.loads((Path(run)/'student_history.json').read_text()); d = json.loads((Path(run)/'config.json').read_text())['distill']
    v, lr = h['val_activity_loss'], h['learning_rate']; n = len(v)
    best = min(range(n), key=v.__getitem__)
    drops = [i + 1 for i in range(1, n) if lr[i] < lr[i - 1]]
    # the epochs that improved on every earlier one, and how long each waited for it
    records = [i for i in range(n) if v[i] < min(v[:i], default=float('inf'))]
    waits = [b - a for a, b in zip(records, records[1:])]
    rows.append((run, n, d['max_epochs'], f"{d['es_patience']}/{d['lr_patience']}", best + 1, drops, max(waits, default=0),
                 n - 1 - best >= d['es_patience']))
body = ["The monitored validation loss of each run's student (the activity heads against the ensemble, EMA weights), by "
        "epoch. `longest wait`: the most epochs between two successive improvements; a patience of P stops a student only "
        "where that wait would exceed P.", '',
        '| run | epochs | cap | patience (stop / rate drop) | best epoch | rate drops after epoch | longest wait | stopped early |',
        '|---|---|---|---|---|---|---|---|']
body += [f"| {r} | {n} | {cap} | {p} | {b} | {', '.join(map(str, dr)) or '-'} | {w} | {'yes' if early else 'no (cap)'} |"
         for r, n, cap, p, b, dr, w, early in rows]
record('student_patience', "The quickstart student's patience (issue 29)",
       'python benchmarks/experiments/student_patience.py ' + ' '.join(sys.argv[1:]), '\n'.join(body),
       numbers={'rows': [dict(zip(('run', 'epochs', 'cap', 'patience', 'best', 'drops', 'longest_wait', 'early'), r))
                         for r in rows]})
