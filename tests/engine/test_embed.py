"""The cached rendering of embedded notebook bodies (engine/embed.py)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from engine import embed

CONFIG = SimpleNamespace(markdown_extensions=["attr_list", "pymdownx.highlight", "pymdownx.superfences"],
                         mdx_configs={})


def test_renders_like_the_site_and_reuses_the_cached_html(tmp_path):
    renderer = embed.Renderer(CONFIG, tmp_path)
    body = "Some *text*.\n\n```python\nx = 1\n```\n"
    html = renderer.html(body)
    assert "<em>text</em>" in html and 'class="highlight"' in html
    cached = list(tmp_path.glob("*.html"))
    assert len(cached) == 1
    cached[0].write_text("from the cache", encoding="utf-8")
    assert renderer.html(body) == "from the cache"           # same Markdown and settings: no re-render
    assert embed.Renderer(SimpleNamespace(markdown_extensions=["attr_list"], mdx_configs={}),
                          tmp_path).html(body) != "from the cache"   # other settings: another key


def test_links_to_page_sources_become_html_and_must_exist():
    html = '<a href="../evaluation-metrics/roc-curve-auc.md#auc">ROC</a> <a href="https://example.org/a.md">x</a>'
    pages = {"evaluation-metrics/roc-curve-auc.md"}
    out = embed.link_pages(html, "ml-fundamentals", pages.__contains__, "notebooks/t/n.ipynb")
    assert 'href="../evaluation-metrics/roc-curve-auc.html#auc"' in out
    assert 'href="https://example.org/a.md"' in out
    with pytest.raises(embed.EmbedError, match=r"notebooks/t/n\.ipynb.*missing\.md"):
        embed.link_pages('<a href="missing.md">m</a>', "ml-fundamentals", pages.__contains__, "notebooks/t/n.ipynb")
