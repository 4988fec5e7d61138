"""The built site in a real browser, from disk and over http, with the network blocked."""

from __future__ import annotations

from pathlib import Path

import pytest

from engine import contract, registry
from support import ROOT

pytestmark = pytest.mark.browser

ANSWERS = contract.collect(ROOT / "docs")
PAGES = (
    ["index.html", "companies.html"]
    + [f"{t.slug}/index.html" for t in registry.topics()]
    + [a.src_uri.replace(".md", ".html") for a in ANSWERS]
    + [f"notebooks/{p.relative_to(ROOT / 'notebooks').as_posix().replace('.ipynb', '.html')}"
       for p in sorted((ROOT / "notebooks").glob("*/*.ipynb"))]
)

CHECK_PAGE = """() => {
  const math = [...document.querySelectorAll('.arithmatex')];
  return {
    unrendered: math.filter(el => !el.querySelector('.katex')).map(el => el.textContent.slice(0, 80)),
    mathErrors: [...document.querySelectorAll('.katex-error')].map(el => el.textContent.slice(0, 80)),
    rawTex: /\\\\\\(|\\\\\\[|\\$\\$/.test(document.querySelector('article')?.innerText || ''),
    brokenImages: [...document.images].filter(i => !i.complete || i.naturalWidth === 0).map(i => i.src),
  };
}"""


def page_url(base: str, rel: str) -> str:
    return base + rel


@pytest.fixture(params=["file", "http"])
def base(request, site, http_root) -> str:
    return site.as_uri() + "/" if request.param == "file" else http_root


@pytest.mark.parametrize("rel", PAGES)
def test_page_is_offline_clean(visit, base, rel):
    v = visit()
    page = v.open(page_url(base, rel))
    if page.locator(".arithmatex").count():
        page.wait_for_function("document.querySelectorAll('.arithmatex .katex').length > 0", timeout=10000)
    state = page.evaluate(CHECK_PAGE)
    assert v.remote == [], f"requests to other hosts: {v.remote}"
    assert [u for u in v.requests if not u.startswith(("file:", "data:", "blob:", "http://127.0.0.1"))] == []
    assert v.errors == [], f"script errors: {v.errors}"
    assert v.failed == [], f"failed loads: {v.failed}"
    assert state["unrendered"] == [], f"math left unrendered: {state['unrendered']}"
    assert state["mathErrors"] == [], f"KaTeX errors: {state['mathErrors']}"
    assert not state["rawTex"], "raw TeX delimiters are visible in the article"
    assert state["brokenImages"] == [], f"broken images: {state['brokenImages']}"


SEARCHES = [
    ("Netflix", "evaluation-metrics/roc-curve-auc.html"),
    ("nucleus", "transformers-nlp-llms/top-p-sampling.html"),
    ("lasso", "ml-fundamentals/l1-vs-l2-regularization.html"),
    ("silhouette", "classical-algorithms/k-means-clustering.html"),
    ("svd", "classical-algorithms/principal-component-analysis.html"),
    ("soft_threshold", "ml-fundamentals/l1-vs-l2-regularization.html"),   # a code identifier
    ("bias\u2013variance", "ml-fundamentals/bias-variance-tradeoff.html"),  # joined by an en dash
]


@pytest.mark.parametrize("query,expected", SEARCHES, ids=[q for q, _ in SEARCHES])
def test_search_from_disk_finds_the_page(visit, site, query, expected):
    v = visit()
    page = v.open((site / "index.html").as_uri())
    search = page.locator("input.md-search__input")
    page.locator("label.md-search__icon, .md-search__input").first.click()
    hits: list[str] = []
    for _ in range(20):  # the index loads asynchronously: retry until results appear
        search.fill("")
        search.type(query, delay=20)
        page.wait_for_timeout(400)
        hits = page.eval_on_selector_all(".md-search-result__link", "els => els.map(e => e.href)")
        if hits:
            break
    assert any(h.split("#")[0].split("?")[0].endswith(expected) for h in hits), f"{query!r} found {hits[:5]}"
    assert v.remote == []


def test_topic_and_company_pages_list_their_pages_in_the_browser(visit, site):
    v = visit()
    page = v.open((site / "companies.html").as_uri())
    netflix = page.locator("#netflix ~ ul").first.locator("a").evaluate_all("els => els.map(e => e.href)")
    expected = {a.src_uri for a in ANSWERS if "Netflix" in a.companies}
    assert {h.split("/site/")[-1].replace(".html", ".md") for h in netflix} >= expected
    for topic in registry.topics():
        page = v.open((site / topic.slug / "index.html").as_uri())
        rows = page.locator("article table tbody tr").count()
        assert rows == sum(a.topic == topic.slug for a in ANSWERS)


AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_PAGES = ["index.html", "ml-fundamentals/index.html", "companies.html",
             "ml-fundamentals/bias-variance-tradeoff.html", "ml-system-design/face-blurring-self-driving-images.html"]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("rel", AXE_PAGES)
def test_axe_finds_no_accessibility_violations(visit, site, rel, scheme):
    v = visit(scheme=scheme)
    page = v.open((site / rel).as_uri())
    page.wait_for_timeout(300)
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => (await axe.run(document, {resultTypes: ['violations']})).violations")
    summary = [(r["id"], r["impact"], [n["target"] for n in r["nodes"][:3]]) for r in result]
    assert summary == [], summary
