"""Page slimming and search-index compaction: what they remove, and what they must keep."""

from __future__ import annotations

import re

from engine import search, slim

SEPARATOR = re.compile(r"[\s\-_.,:;()]+")


def words(html: str) -> set[str]:
    text = search.unescape(search.TAG.sub(" ", html))
    return {w.lower() for w in SEPARATOR.split(text) if w} - search.STOP_WORDS - {"\u2026"}


def test_compaction_keeps_every_searchable_word_and_a_readable_preview():
    text = ("<p>Gradient descent steps against the gradient. " + "The step size matters a lot. " * 20 + "</p>"
            "<ul><li>Momentum &amp; Adam keep a running average.</li></ul>"
            "<pre><code>def soft_threshold(w, lam):\n    return np.sign(w) * np.maximum(abs(w) - lam, 0)</code></pre>")
    out = search.compact_text(text, SEPARATOR)
    assert words(out) == words(text)
    assert len(out) < 0.6 * len(text)
    visible = out.split("<p hidden>")[0]
    assert visible.startswith("<p>Gradient descent steps against the gradient.")
    assert visible.endswith(" \u2026</p>") and len(search.TAG.sub("", visible)) < search.PREVIEW_CHARS + 40


def test_short_sections_are_left_as_they_are():
    text = "<p>k-means minimises within-cluster squared distance.</p>"
    assert search.compact_text(text, SEPARATOR) == text


def test_tex_becomes_unicode_text():
    out = search.compact_text(r"<p>The loss \(\frac{1}{n}\sum_i \ell_i(\theta)\) and \[\hat{y} = \sigma(w^\top x)\]</p>",
                              SEPARATOR)
    assert "\\" not in out
    assert "1/n∑_i ℓ_i(θ)" in out and "σ" in out


def test_preview_cut_closes_open_tags():
    head, tail = search.split_preview("<ul><li><code>" + "token " * 100 + "</code></li></ul>", 50)
    assert head.endswith(" \u2026</code></li></ul>")
    assert tail.strip().startswith("token")


def test_notebook_page_loses_lab_css_scripts_prompts_and_inline_figures():
    png = "iVBORw0KGgo" + "A" * 40
    html = (
        '<style type="text/css">.jp-Cell{}</style><script>var x = 1;</script>'
        '<div class="jp-InputPrompt jp-InputArea-prompt">In [1]:</div>'
        '<div class="zeroclipboard-container"><clipboard-copy for="cell-1"><div>copy</div></clipboard-copy>\n</div>'
        '<div class="highlight-ipynb hl-python"><pre><span class="n">x</span></pre></div>'
        '<div class="clipboard-copy-txt" id="cell-1">x</div>'
        '<div class="jp-OutputArea-output"><pre>42\n</pre></div>'
        f'<img alt="No description has been provided for this image" class="" src="data:image/png;base64,{png}"/>'
        '<img alt="logo" src="data:image/png;base64,OTHER"/>'
    )
    out = slim.notebook_content(html, {png: ("demo_files/cell2-1.png", "Loss falls with each step.")})
    assert "<style" not in out and "<script" not in out and "In [1]" not in out and "clipboard" not in out
    assert '<div class="highlight"><pre><code><span class="n">x</span></code></pre></div>' in out
    assert "<pre><code>42\n</code></pre>" in out
    assert '<img alt="Loss falls with each step." src="demo_files/cell2-1.png" loading="lazy">' in out
    assert 'src="data:image/png;base64,OTHER"' in out  # not a figure of this notebook: kept


def test_whitespace_collapses_outside_pre_only():
    html = "<div>\n    <p>\n      text\n    </p>\n\n\n</div>\n<pre>  keep\n    this</pre>\n  <script>\n  var a;</script>"
    out = slim.collapse_whitespace(html)
    assert out == "<div>\n<p>\ntext\n</p>\n</div>\n<pre>  keep\n    this</pre>\n<script>\n  var a;</script>"


def test_uncoloured_pygments_tokens_are_unwrapped_inside_pre_only():
    html = ('<pre><code><span class="n">x</span><span class="w"> </span><span class="o">=</span>'
            '<span class="mi">1</span></code></pre><p><span class="n">kept</span></p>')
    out = slim.collapse_whitespace(html)
    assert out == '<pre><code>x <span class="o">=</span><span class="mi">1</span></code></pre><p><span class="n">kept</span></p>'
