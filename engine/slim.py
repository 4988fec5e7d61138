"""Page weight: what a built page does not need, removed before it is indexed and written.

- Notebook pages (rendered by mkdocs-jupyter from nbconvert's JupyterLab template) carry about 570 KB of
  inline JupyterLab CSS, a clipboard script and MathJax/Mermaid loaders. Material already styles code and
  output, so all of it goes; a dozen lines in site.css lay out the cells. Figures are linked to the PNG
  files the answer page already uses, instead of a second copy inlined as base64, and get their alt text.
- Notebook pages are left out of search: their content is on the answer page that embeds them, which
  is the page a search should open (search.py cleans the index itself).
- The theme's templates indent heavily; runs of indentation are collapsed outside <pre>, <script>,
  <style> and <textarea>, where whitespace is not significant. Inside <pre>, Pygments' spans around
  plain names and whitespace, which the theme does not colour, are unwrapped.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

CLIPBOARD = re.compile(r'<div class="zeroclipboard-container">.*?</clipboard-copy>\s*</div>|'
                       r'<div class="clipboard-copy-txt"[^>]*>.*?</div>', re.S)
PROMPT = re.compile(r'<div class="jp-(?:In|Out)putPrompt[^"]*">[^<]*</div>')
HIGHLIGHT = re.compile(r'<div class="highlight-ipynb[^"]*"><pre>(.*?)</pre>', re.S)
BARE_PRE = re.compile(r"<pre>(?!<code)(.*?)</pre>", re.S)
DATA_IMG = re.compile(r'<img[^>]*?\bsrc="data:image/png;base64,([^"]+)"[^>]*>')
# Pygments wraps every plain name and whitespace run in a span; Material colours names with the code's
# own text colour (--md-code-hl-name-color is --md-code-fg-color) and whitespace not at all, so the
# spans change nothing on screen and are a third of a code block's bytes.
PLAIN_TOKEN = re.compile(r'<span class="[nw]">([^<]*)</span>')
VERBATIM = re.compile(r"(<(pre|script|style|textarea)\b.*?</\2>)", re.S | re.I)
INDENT = re.compile(r"\n[ \t]+")
BLANK_LINES = re.compile(r"\n{2,}")


def notebook_content(html: str, figures: Mapping[str, tuple[str, str]]) -> str:
    """Reduce a notebook page's body to content. `figures` maps base64 PNG data -> (url, alt text)."""
    html = _drop_elements(_drop_elements(html, "style"), "script")
    html = CLIPBOARD.sub("", html)
    html = PROMPT.sub("", html)
    # Material styles <div class="highlight"><pre><code> (the same Pygments classes) in both schemes.
    html = HIGHLIGHT.sub(r'<div class="highlight"><pre><code>\1</code></pre>', html)
    html = BARE_PRE.sub(r"<pre><code>\1</code></pre>", html)  # printed output, styled as a code block

    def link(match: re.Match) -> str:
        known = figures.get(match.group(1).replace("\n", ""))
        if known is None:  # not one of the notebook's figures (say, an image in a Markdown cell): keep it
            return match.group(0)
        url, alt = known
        return f'<img alt="{alt}" src="{url}" loading="lazy">'

    return DATA_IMG.sub(link, html)


def _drop_elements(html: str, tag: str) -> str:
    """Remove every <tag ...>...</tag> (not nested). str.find, not a regex: these blocks are ~570 KB a page."""
    out, pos, opening, closing = [], 0, f"<{tag}", f"</{tag}>"
    while (start := html.find(opening, pos)) != -1:
        end = html.find(closing, start)
        if end == -1:
            break
        out.append(html[pos:start])
        pos = end + len(closing)
    out.append(html[pos:])
    return "".join(out)


def collapse_whitespace(html: str) -> str:
    """Drop indentation and blank lines outside elements where whitespace is content; unwrap uncoloured
    Pygments tokens inside <pre>."""
    parts = VERBATIM.split(html)
    # split() with two groups yields [text, whole, tag, text, whole, tag, ...]
    out = []
    for i in range(0, len(parts), 3):
        out.append(BLANK_LINES.sub("\n", INDENT.sub("\n", parts[i])))
        if i + 1 < len(parts):
            block = parts[i + 1]
            out.append(PLAIN_TOKEN.sub(r"\1", block) if parts[i + 2].lower() == "pre" else block)
    return "".join(out)
