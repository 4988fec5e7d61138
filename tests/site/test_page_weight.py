"""Size budgets of the built site (sizes, not times: sizes do not depend on the machine).

- the median answer page's HTML is at most 60 KB;
- no HTML page is over 500 KB;
- an answer page plus everything it loads that no other answer page loads is at most 300 KB;
- the search index is at most 3 MB, and would stay so at the catalogue's 306 answers.
"""

from __future__ import annotations

import json
import re
import statistics
from collections import Counter
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

from engine import contract
from support import ROOT

KB = 1024
CATALOGUE_ANSWERS = 306
ANSWERS = contract.collect(ROOT / "docs")
LOADS = re.compile(r'<(?:img|script|source)\b[^>]*\bsrc="([^"]+)"|<link\b[^>]*\brel="stylesheet"[^>]*\bhref="([^"]+)"')


def answer_pages(site: Path) -> list[Path]:
    return [site / a.src_uri.replace(".md", ".html") for a in ANSWERS]


def loads(page: Path, site: Path) -> set[Path]:
    """Local files the page itself loads (images, scripts, stylesheets), as paths in the site."""
    found = set()
    for match in LOADS.finditer(page.read_text(encoding="utf-8")):
        url = match.group(1) or match.group(2)
        parsed = urlparse(url)
        if parsed.scheme or url.startswith("//") or url.startswith("data:"):
            continue
        target = (page.parent / unquote(parsed.path)).resolve()
        assert target.is_file(), f"{page.relative_to(site)} loads {url}, which is not in the site"
        found.add(target)
    return found


def test_median_answer_page_is_at_most_60_kb(site):
    sizes = [p.stat().st_size for p in answer_pages(site)]
    assert statistics.median(sizes) <= 60 * KB, f"median answer page {statistics.median(sizes) / KB:.0f} KB"


def test_no_html_page_is_over_500_kb(site):
    heavy = {str(p.relative_to(site)): p.stat().st_size // KB for p in site.rglob("*.html") if p.stat().st_size > 500 * KB}
    assert not heavy, f"pages over 500 KB: {heavy}"


def test_answer_page_with_what_only_it_loads_is_at_most_300_kb(site):
    pages = answer_pages(site)
    page_loads = {p: loads(p, site) for p in pages}
    shared = Counter(f for fs in page_loads.values() for f in fs)
    assert any(n == len(pages) for n in shared.values()), "no asset is shared by every page: the check is blind"
    over = {}
    for page, fs in page_loads.items():
        own = page.stat().st_size + sum(f.stat().st_size for f in fs if shared[f] == 1)
        if own > 300 * KB:
            over[str(page.relative_to(site))] = own // KB
    assert not over, f"answer pages over 300 KB with their own assets (KB): {over}"


def test_search_index_stays_under_3_mb_at_catalogue_size(site):
    size = (site / "search" / "search_index.json").stat().st_size
    projected = size / len(ANSWERS) * CATALOGUE_ANSWERS
    assert size <= 3 * KB * KB
    assert projected <= 3 * KB * KB, (
        f"search index {size / KB:.0f} KB for {len(ANSWERS)} answers projects to {projected / KB / KB:.2f} MB "
        f"at {CATALOGUE_ANSWERS}"
    )


@pytest.mark.parametrize("name", ["search_index.json", "search_index.js"])
def test_search_index_has_no_tex_source(site, name):
    raw = (site / "search" / name).read_text(encoding="utf-8").removeprefix("var __index = ")
    for doc in json.loads(raw)["docs"]:
        text = doc["title"] + doc["text"]
        assert not re.search(r"\\[(\[]|\\(?:frac|sum|mathbf|hat)\b", text), f"{doc['location']}: TeX source in {name}"
