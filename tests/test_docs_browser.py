"""The docs site in a real browser: every page of `_docs/` opened in headless Chromium from a server on 127.0.0.1.

Builds `_docs/` with `.ci/build_docs.py` if it is missing. The page-list test needs no browser; the others are skipped when Chromium or ChromeDriver is absent, except under
CI=true, where that is a failure (`.ci/run` installs Debian's `chromium` and `chromium-driver`). Screenshots go to `tests/screenshots/`."""
import functools, http.server, os, re, shutil, subprocess, sys, threading, time, urllib.parse
from pathlib import Path
import pytest

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT/'_docs'
SHOTS = Path(__file__).parent/'screenshots'
CHROMIUM = shutil.which('chromium') or shutil.which('chromium-browser')
DRIVER = shutil.which('chromedriver')
IN_CI = os.environ.get('CI', '').lower() in ('1', 'true', 'yes')

def _need_browser():
    "Skip a browser test when Chromium is missing, except in CI, where a missing browser is a failure."
    if CHROMIUM and DRIVER: return
    msg = 'Chromium/ChromeDriver not installed (apt-get install chromium chromium-driver)'
    if IN_CI: pytest.fail(msg + ': CI must run the browser tests')
    pytest.skip(msg)

@pytest.fixture(scope='module')
def site():
    if not (DOCS/'index.html').exists():
        subprocess.run([sys.executable, str(ROOT/'.ci'/'build_docs.py')], cwd=ROOT, check=True)
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(DOCS))
    handler.log_message = lambda *a, **k: None
    srv = http.server.ThreadingHTTPServer(('127.0.0.1', 0), handler)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    yield f'http://127.0.0.1:{srv.server_address[1]}/'
    srv.shutdown()

@pytest.fixture(scope='module')
def browser(tmp_path_factory):
    _need_browser()
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    o = webdriver.ChromeOptions(); o.binary_location = CHROMIUM
    for a in ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-sync',
              '--disable-background-networking', '--disable-component-update', '--window-size=1366,768',
              f'--user-data-dir={tmp_path_factory.mktemp("chromium")}']:
        o.add_argument(a)
    o.set_capability('goog:loggingPrefs', {'browser': 'ALL'})
    d = webdriver.Chrome(service=Service(DRIVER), options=o)
    yield d
    d.quit()

def pages():
    return sorted(p.relative_to(DOCS).as_posix() for p in DOCS.rglob('*.html') if p.name != '404.html')

def load(browser, url):
    browser.get(url)
    for _ in range(100):
        if browser.execute_script('return document.readyState') == 'complete': break
        time.sleep(0.05)
    time.sleep(0.2)   # let scripts run (console errors, images)

def ids_of(path:Path)->set:
    return set(re.findall(r'\bid="([^"]+)"', path.read_text(errors='replace')))

def test_site_has_api_and_tutorial_pages(site):
    ps = pages()
    for want in ['index.html', 'data.html', 'ensemble.html', 'distill.html', 'variants.html', 'motifs.html', 'cli.html']: assert want in ps, ps
    assert len([p for p in ps if p.startswith('tutorials/')]) >= 5, ps

def test_every_page_loads_clean_with_links_and_images(site, browser):
    ps = pages(); assert ps, 'no pages in _docs/'
    problems, checked_links, anchors = [], 0, {}
    for rel in ps:
        load(browser, site + rel)
        for e in browser.get_log('browser'):
            if e['level'] == 'SEVERE': problems.append(f'{rel}: console error: {e["message"]}')
        bad = browser.execute_script(
            'return Array.from(document.images).filter(i => !i.complete || i.naturalWidth === 0).map(i => i.src)')
        problems += [f'{rel}: image did not load: {b}' for b in bad]
        hrefs = browser.execute_script('return Array.from(document.querySelectorAll("a[href]")).map(a => a.href)')
        for h in hrefs:
            if not h.startswith(site): continue
            u = urllib.parse.urlsplit(h); path = urllib.parse.unquote(u.path[len(urllib.parse.urlsplit(site).path):])
            target = DOCS/(path or 'index.html')
            if target.is_dir(): target = target/'index.html'
            checked_links += 1
            if not target.exists(): problems.append(f'{rel}: broken link {h}'); continue
            if u.fragment and target.suffix == '.html':
                ids = anchors.setdefault(target, ids_of(target))
                if urllib.parse.unquote(u.fragment) not in ids: problems.append(f'{rel}: missing anchor {h}')
    assert checked_links > 100, checked_links
    assert not problems, '\n'.join(problems[:40])

def test_search_finds_api_names(site, browser):
    from selenium.webdriver.common.by import By
    load(browser, site + 'index.html')
    box = browser.find_element(By.CSS_SELECTOR, 'input.md-search__input')
    browser.execute_script('arguments[0].focus()', box)
    for name, page in [('eval_regression', 'utils.html'), ('train_member', 'ensemble.html')]:
        box.clear(); box.send_keys(name)
        found = []
        for _ in range(200):       # results for a prefix of the query (typed key by key) come first: wait for the whole query's
            found = browser.execute_script(
                'return Array.from(document.querySelectorAll(".md-search-result__link")).map(a => a.href)')
            if found and all(f'h={name}' in f for f in found): break
            time.sleep(0.1)
        assert any(page in f for f in found), (name, found[:5])

def test_screenshots(site, browser):
    SHOTS.mkdir(exist_ok=True)
    tut = 'tutorials/degu_in_10_minutes.html'
    assert (DOCS/tut).exists(), 'the first tutorial page is missing'
    for rel, name, scroll in [('index.html', 'home.png', False), (tut, 'tutorial.png', True)]:
        load(browser, site + rel)
        if scroll:   # show a rendered figure, not just the title
            assert browser.execute_script('const i = document.querySelector("article img"); if (!i) return false; '
                                          'i.scrollIntoView({block: "center"}); return i.naturalWidth > 0')
            time.sleep(0.3)
        assert browser.save_screenshot(str(SHOTS/name))
        assert (SHOTS/name).stat().st_size > 10_000
