"""The HTML report and the ratings site in a real browser: headless Chromium driven by Playwright.

Skipped, with the reason, where Debian's chromium or the playwright package is missing (`.ci/run` installs
both). Playwright only drives the system Chromium (executable_path); it never downloads a browser.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from apkaudit.audit import audit
from apkaudit.policy import load as policy_load
from apkaudit.report import html, json_report
from apkaudit.report.diff import diff_reports
from apkaudit.report.site import build_site
from tests.conftest import CORPUS, sample_apk

CHROMIUM = Path("/usr/bin/chromium")
if not CHROMIUM.is_file():
    pytest.skip(f"{CHROMIUM} not installed (apt-get install -y chromium)", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")

ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
POLICY = policy_load.load("cn-pipl-loan")
SAMPLES = ["harvest-loan", "compliant-loan", "unused-contacts", "code-patterns", "hostile-label"]
CORPUS_APKS = ["appium-settings-8.0.10.apk", "droidbench/IMEI1.apk", "droidbench/LocationLeak1.apk"]
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


def _write(root: Path, pages: dict[str, str]) -> Path:
    for rel, text in pages.items():
        target = root / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, "utf-8")
    return root


@pytest.fixture(scope="module")
def docs():
    found = [json_report.report_dict(audit(sample_apk(n), [POLICY])) for n in SAMPLES]
    found += [json_report.report_dict(audit(CORPUS / n, [POLICY])) for n in CORPUS_APKS if (CORPUS / n).is_file()]
    return found


@pytest.fixture(scope="module")
def site(docs, tmp_path_factory):
    root = tmp_path_factory.mktemp("site")
    _write(root / "en", build_site(docs, [POLICY], "en"))
    _write(root / "zh", build_site(docs, [POLICY], "zh"))
    return root


def _sha(docs, package_part: str) -> str:
    return next(d["app"]["sha256"] for d in docs if package_part in d["app"]["package"])


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=ARGS)
        yield b
        b.close()


class Watched:
    """A page with everything it tries recorded: requests, dialogs, script errors and CSP violations."""

    def __init__(self, browser, viewport=DESKTOP, javascript=True):
        self.context = browser.new_context(viewport=viewport, java_script_enabled=javascript)
        self.requests: list[str] = []
        self.blocked: list[str] = []
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        self.console: list[str] = []
        self.context.route(re.compile(r"^(?!file:|data:).*"), self._block)
        self.page = self.context.new_page()
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("dialog", self._dialog)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("console", lambda m: self.console.append(m.text))

    def _block(self, route):
        self.blocked.append(route.request.url)
        route.abort()

    def _dialog(self, dialog):
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def open(self, path: Path):
        self.page.goto(path.as_uri())
        self.page.wait_for_load_state("load")
        return self.page

    def assert_inert(self):
        """Nothing ran that the page did not mean to run, and nothing left the machine."""
        assert self.dialogs == [], f"a dialog fired: {self.dialogs}"
        assert self.errors == [], f"script errors: {self.errors}"
        assert self.blocked == [], f"network requests: {self.blocked}"
        assert all(u.startswith(("file:", "data:")) for u in self.requests), self.requests
        violations = [m for m in self.console if "Content Security Policy" in m or "Refused" in m]
        assert violations == [], f"the CSP had to block something: {violations}"

    def close(self):
        self.context.close()


@pytest.fixture
def watched(browser):
    opened: list[Watched] = []

    def make(**kw):
        w = Watched(browser, **kw)
        opened.append(w)
        return w

    yield make
    for w in opened:
        w.close()


def _column(page, col: int) -> list[str]:
    return page.eval_on_selector_all(
        "#ratings tbody tr:not([hidden])", f"rows => rows.map(r => r.cells[{col}].getAttribute('data-sort'))"
    )


def test_index_table_sorts(site, docs, watched):
    w = watched()
    page = w.open(site / "en" / "index.html")
    assert page.is_visible("#controls")
    scores = [float(s) for s in _column(page, 2)]
    assert scores == sorted(scores)  # the page is served worst first
    page.click("#ratings thead th:nth-child(3) button")  # score again: descending
    assert [float(s) for s in _column(page, 2)] == sorted(scores, reverse=True)
    assert page.get_attribute("#ratings thead th:nth-child(3)", "aria-sort") == "descending"
    page.click("#ratings thead th:nth-child(1) button")  # app name, ascending
    names = _column(page, 0)
    assert names == sorted(names) and len(names) == len(docs)
    page.click("#ratings thead th:nth-child(2) button")  # grade
    grades = [int(g) for g in _column(page, 1)]
    assert grades == sorted(grades)
    w.assert_inert()


def test_index_table_filters(site, docs, watched):
    w = watched()
    page = w.open(site / "en" / "index.html")
    page.fill("#filter-text", "harvestloan")
    assert page.eval_on_selector_all("#ratings tbody tr:not([hidden])", "rows => rows.length") == 1
    assert "Quick Cash" in page.inner_text("#ratings tbody tr:not([hidden])")
    assert page.inner_text("#shown-count").startswith("1 of ")
    page.fill("#filter-text", "")
    page.select_option("#filter-grade", "F")
    shown = page.eval_on_selector_all(
        "#ratings tbody tr:not([hidden])", "rows => rows.map(r => r.getAttribute('data-grade'))"
    )
    assert shown and set(shown) == {"F"}
    assert len(shown) == sum(1 for d in docs if d["grade"] == "F")
    page.fill("#filter-text", "no app is called this")
    assert page.eval_on_selector_all("#ratings tbody tr:not([hidden])", "rows => rows.length") == 0
    w.assert_inert()


def test_index_is_readable_without_javascript(site, docs, watched):
    w = watched(javascript=False)
    page = w.open(site / "en" / "index.html")
    assert not page.is_visible("#controls")
    rows = page.eval_on_selector_all("#ratings tbody tr", "rows => rows.filter(r => r.offsetHeight > 0).length")
    assert rows == len(docs)
    assert page.is_visible("#market svg")


def test_pages_link_up(site, docs, watched):
    w = watched()
    page = w.open(site / "en" / "index.html")
    harvest = _sha(docs, "harvestloan")
    page.click(f"a[href='apps/{harvest}.html']")
    assert page.url.endswith(f"/apps/{harvest}.html")
    assert "Quick Cash" in page.inner_text("h1")
    page.click("nav.site-nav a[href='../methodology.html']")
    assert "CN-LOAN-CONTACTS" in page.inner_text("main")
    w.open(site / "en" / "apps" / f"{_sha(docs, 'patterns')}.html")
    page.click("a[href='../sdks/tongdun.html']")
    assert "Tongdun" in page.inner_text("h1")
    page.click("a[href*='../apps/']")
    assert "Pattern Loan" in page.inner_text("h1")
    # every relative link on every page names a file of the site
    for lang in ("en", "zh"):
        for html_file in sorted((site / lang).rglob("*.html")):
            w.open(html_file)
            hrefs = page.eval_on_selector_all("a[href]", "as => as.map(a => a.getAttribute('href'))")
            assert hrefs, html_file
            for href in hrefs:
                if href.startswith(("http://", "https://")):
                    continue  # citations of the rule book
                target = (html_file.parent / href.split("#", 1)[0]).resolve()
                assert target.is_file() and site in target.parents, f"{html_file.name}: broken link {href}"
    w.assert_inert()


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_hostile_app_page_runs_nothing_and_keeps_its_layout(site, docs, watched, viewport):
    w = watched(viewport=viewport)
    page = w.open(site / "en" / "apps" / f"{_sha(docs, 'hostile')}.html")
    title = page.inner_text("h1")
    assert "<script>" in title and "onerror=alert(2)" in title  # shown as text...
    assert "⟨U+202E⟩" in title and "\u202e" not in page.inner_text("body")  # ...with the override made visible
    assert page.eval_on_selector_all("script", "s => s.length") == 0
    assert page.eval_on_selector_all("img", "is => is.map(i => i.src.slice(0, 22))") == ["data:image/png;base64,"]
    handlers = page.evaluate(
        "() => [...document.querySelectorAll('*')].flatMap(e => [...e.attributes].map(a => a.name))"
        ".filter(n => n.startsWith('on'))"
    )
    assert handlers == []
    hrefs = page.eval_on_selector_all("a[href]", "as => as.map(a => a.getAttribute('href'))")
    assert not [h for h in hrefs if not h.startswith(("../", "http://", "https://"))]
    page.click("details.sites summary")  # the evidence, one click away, shows the hostile URI as text
    assert "alert(6)" in page.inner_text("details.sites")
    width = page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= viewport["width"], f"page is {width}px wide on a {viewport['width']}px screen"
    w.assert_inert()


def test_hostile_standalone_report_and_diff(tmp_path, docs, watched):
    hostile = next(d for d in docs if "hostile" in d["app"]["package"])
    harvest = next(d for d in docs if "harvestloan" in d["app"]["package"])
    single = tmp_path / "report.html"
    single.write_text(html.render_docs([hostile], "zh"), "utf-8")
    changed = tmp_path / "diff.html"
    changed.write_text(html.render_diff(diff_reports(harvest, hostile)), "utf-8")
    for path in (single, changed):
        w = watched(viewport=PHONE)
        page = w.open(path)
        assert "<script>" in page.inner_text("h1")
        assert page.eval_on_selector_all("script", "s => s.length") == 0
        assert page.evaluate("() => document.documentElement.scrollWidth") <= PHONE["width"]
        w.assert_inert()


def test_whole_site_makes_no_request_and_fits_a_phone(site, watched):
    for lang in ("en", "zh"):
        for html_file in sorted((site / lang).rglob("*.html")):
            w = watched(viewport=PHONE)
            page = w.open(html_file)
            assert page.evaluate("() => document.documentElement.scrollWidth") <= PHONE["width"], html_file
            w.assert_inert()
            w.close()


def test_chinese_site(site, watched):
    w = watched()
    page = w.open(site / "zh" / "index.html")
    assert page.get_attribute("html", "lang") == "zh-Hans"
    assert "隐私评级" in page.inner_text("h1")
    page.select_option("#filter-grade", "F")
    assert page.inner_text("#shown-count").startswith("显示")
    w.assert_inert()
