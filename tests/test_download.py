"The DeepSTARR download code, against a local HTTP server on 127.0.0.1 serving small DeepSTARR-format files."
import hashlib, http.server, json, socket, threading
from pathlib import Path
import pytest
from degu.data import (load_dataset, write_deepstarr_files, download_deepstarr, download, read_deepstarr_files,
                       DEEPSTARR_FILES, DataError)

class _Handler(http.server.SimpleHTTPRequestHandler):
    "Static files with HTTP Range support, a Zenodo-like record API, and a counter of bytes sent."
    def log_message(self, *a): pass
    def do_GET(self):
        srv = self.server
        if self.path.startswith('/api/records/'):
            body = json.dumps(srv.record).encode()
            self.send_response(200); self.send_header('Content-Length', str(len(body))); self.end_headers()
            self.wfile.write(body); return
        name = self.path.split('/')[-1].split('?')[0]
        p = srv.root/name
        if not p.exists(): self.send_error(404); return
        data = p.read_bytes(); start = 0
        rng = self.headers.get('Range')
        if rng:
            start = int(rng.split('=')[1].split('-')[0])
            if start >= len(data): self.send_response(416); self.end_headers(); return
            self.send_response(206); self.send_header('Content-Range', f'bytes {start}-{len(data)-1}/{len(data)}')
        else: self.send_response(200)
        body = data[start:]
        if srv.cut_after and name in srv.cut_after:           # simulate a dropped connection
            body = body[:srv.cut_after.pop(name)]
            self.send_header('Content-Length', str(len(data) - start)); self.end_headers()
            self.wfile.write(body); self.wfile.flush(); self.connection.shutdown(socket.SHUT_RDWR); return
        srv.sent[name] = srv.sent.get(name, 0) + len(body)   # counted before the write: a client that has read the whole body
        self.send_header('Content-Length', str(len(body))); self.end_headers()   # must never see it uncounted (a race under load)
        self.wfile.write(body)

@pytest.fixture
def server(tmp_path):
    root = tmp_path/'srv'
    ds = load_dataset('deepstarr_sample')
    write_deepstarr_files(ds, root)
    srv = http.server.ThreadingHTTPServer(('127.0.0.1', 0), _Handler)
    srv.root, srv.sent, srv.cut_after, srv.ds = root, {}, {}, ds
    srv.record = {'files': [{'key': f, 'size': (root/f).stat().st_size,
                             'checksum': 'md5:' + hashlib.md5((root/f).read_bytes()).hexdigest()} for f in DEEPSTARR_FILES]}
    t = threading.Thread(target=srv.serve_forever, daemon=True); t.start()
    srv.url = f'http://127.0.0.1:{srv.server_address[1]}'
    yield srv
    srv.shutdown(); srv.server_close()

def _get(server, dest, **kw):
    return download_deepstarr(dest, base_url=server.url + '/files/', api_url=server.url + '/api/records/5502060',
                              timeout=10, verbose=0, **kw)

def test_download_and_load(server, tmp_path):
    folder = _get(server, tmp_path/'cache')
    for f in DEEPSTARR_FILES: assert (folder/f).read_bytes() == (server.root/f).read_bytes()
    ds = read_deepstarr_files(folder)
    assert (ds.x_train == server.ds.x_train).all() and ds.targets == server.ds.targets
    assert not list(folder.glob('*.part'))

def test_second_call_fetches_nothing(server, tmp_path):
    _get(server, tmp_path/'cache'); sent = dict(server.sent)
    _get(server, tmp_path/'cache')
    assert server.sent == sent

def test_resume_after_dropped_connection(server, tmp_path):
    f = 'Sequences_Train.fa'; full = (server.root/f).stat().st_size
    server.cut_after[f] = 100_000
    with pytest.raises((DataError, ConnectionError), match='cut off|offline'):
        _get(server, tmp_path/'cache')
    part = tmp_path/'cache'/(f + '.part')
    assert part.exists() and 0 < part.stat().st_size < full and not (tmp_path/'cache'/f).exists()
    _get(server, tmp_path/'cache')                       # resumes with a Range request
    assert (tmp_path/'cache'/f).read_bytes() == (server.root/f).read_bytes()
    assert server.sent[f] == full - 100_000               # only the missing bytes were sent

def test_checksum_mismatch_is_refused(server, tmp_path):
    server.record['files'][0]['checksum'] = 'md5:' + '0'*32
    with pytest.raises(DataError, match='does not match the published'):
        _get(server, tmp_path/'cache')
    assert not (tmp_path/'cache'/DEEPSTARR_FILES[0]).exists()

def test_offline_message(tmp_path):
    s = socket.socket(); s.bind(('127.0.0.1', 0)); port = s.getsockname()[1]; s.close()   # nothing listens here
    with pytest.raises(ConnectionError, match='seems to be offline'):
        download_deepstarr(tmp_path, api_url=f'http://127.0.0.1:{port}/api', base_url=f'http://127.0.0.1:{port}/', timeout=2)

def test_starklab_source_checks_size(server, tmp_path):
    f = 'Sequences_Val.fa'; server.cut_after[f] = 5_000             # no checksums here: the size must catch a short file
    with pytest.raises((DataError, ConnectionError), match='cut off|offline'):
        _get(server, tmp_path/'sl', source='starklab')
    assert not (tmp_path/'sl'/f).exists()                             # a short file never becomes the final file
    folder = _get(server, tmp_path/'sl', source='starklab')
    for fn in DEEPSTARR_FILES: assert (folder/fn).read_bytes() == (server.root/fn).read_bytes()

def test_http_error_is_clear(server, tmp_path):
    with pytest.raises(ConnectionError, match='HTTP 404'):
        download(server.url + '/files/missing.fa', tmp_path/'m.fa', timeout=5, verbose=0)
