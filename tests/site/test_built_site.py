"""Properties of the built HTML: listings, chips, notebooks, search index. One shared strict build."""

from __future__ import annotations

import json
import re
from pathlib import Path

import nbformat
import pytest

from engine import contract, listings, registry
from support import ROOT

ANSWERS = contract.collect(ROOT / "docs")


def html(site: Path, src_uri: str) -> str:
    return (site / src_uri.replace(".md", ".html")).read_text(encoding="utf-8")


def test_every_topic_page_lists_its_answers_with_difficulty(site):
    for topic in registry.topics():
        page = html(site, f"{topic.slug}/index.md")
        members = [a for a in ANSWERS if a.topic == topic.slug]
        assert f"{len(members)} of {topic.planned} planned questions answered" in page
        for a in members:
            assert f'href="{Path(a.src_uri).stem}.html"' in page, f"{topic.slug} page does not list {a.id}"
            assert f"qa-chip--{a.difficulty}" in page


def test_companies_page_lists_every_company_with_its_questions(site):
    page = html(site, "companies.md")
    for a in ANSWERS:
        for name in a.companies:
            section = page.split(f'id="{registry.slugify(name)}"', 1)
            assert len(section) == 2, f"no section for {name}"
            assert a.src_uri.replace(".md", ".html") in section[1].split("<h2", 1)[0]


def test_answer_pages_show_difficulty_topic_and_company_chips(site):
    for a in ANSWERS:
        page = html(site, a.src_uri)
        assert f"qa-chip--{a.difficulty}" in page
        for name in a.companies:
            assert f'href="../companies.html#{registry.slugify(name)}"' in page


def test_no_directive_or_snippet_marker_reaches_the_html(site):
    for path in site.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        assert "{{ notebook" not in text and "--8&lt;--" not in text and "--8<--" not in text, path


def test_home_page_counts_questions_per_topic(site):
    page = html(site, "index.md")
    for topic in registry.topics():
        assert topic.title in page
    assert f"<strong>{len(ANSWERS)}</strong>" in page


def test_each_embedded_notebook_has_a_page_and_an_executed_download(site):
    for nb in sorted((ROOT / "notebooks").glob("*/*.ipynb")):
        rel = nb.relative_to(ROOT / "notebooks").as_posix()
        assert (site / "notebooks" / rel.replace(".ipynb", ".html")).exists()
        executed = nbformat.read(site / "notebooks" / rel, as_version=4)
        code = [c for c in executed.cells if c.cell_type == "code"]
        assert code and all(c.execution_count for c in code), f"{rel} download is not executed"
        figures = list((site / listings.posixpath.dirname(f"notebooks/{rel}")).glob(f"{nb.stem}_files/*.png"))
        assert figures, f"{rel} has no figure files"


def search_index(site: Path) -> dict:
    return json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))


def test_search_index_has_every_answer_and_its_companies(site):
    docs = search_index(site)["docs"]
    for a in ANSWERS:
        url = a.src_uri.replace(".md", ".html")
        text = " ".join(d["text"] + d["title"] for d in docs if d["location"].split("#")[0] == url)
        assert text, f"{a.id} is not in the search index"
        for name in a.companies:  # lunr matches lower-cased words; the compacted index stores them so
            assert name.lower() in text.lower(), f"{a.id}: company {name} is not searchable"


def test_search_splits_dashes_and_code_punctuation(site):
    separator = search_index(site)["config"]["separator"]
    pattern = re.compile(separator.replace("\\u2010-\\u2015", "\u2010-\u2015"))
    assert [t for t in pattern.split("bias\u2013variance np.linalg.svd(X) roc_auc_score") if t] == [
        "bias", "variance", "np", "linalg", "svd", "X", "roc", "auc", "score"]


def test_no_page_loads_anything_from_a_remote_host(site):
    """Static check behind the browser test: no tag that fetches (script, style, image, frame) points away."""
    remote = re.compile(r'<(?:script|link|img|iframe|source|video|audio)\b[^>]*\b(?:src|href)="(?:https?:)?//'
                        r'(?!127\.0\.0\.1|localhost)[^"]*"|url\((?:https?:)?//')
    for path in list(site.rglob("*.html")) + list(site.rglob("*.css")):
        loads = remote.findall(path.read_text(encoding="utf-8"))
        assert not loads, f"{path.relative_to(site)} loads {loads[:3]}"
