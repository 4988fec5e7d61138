"""A smaller, cleaner search index: the same words found, a fraction of the bytes, no TeX in previews.

Material's index stores every section's full HTML text, which the browser downloads and parses whole,
even from disk. Two things in it do not serve the reader:

- TeX source (`\\(\\hat{y}_i\\)`) reads as noise in result previews; it is rewritten as Unicode text
  (`ŷ_i`) by pylatexenc, so a preview reads like the page and "σ" or "∑" can still be searched.
- Beyond the first 240 characters or so (the preview a result shows), the text only has to be matched, and
  lunr, which Material's search runs on, matches words, not phrases. So the rest of each section is kept
  as its distinct words, without the stop words lunr drops anyway. Every word of a section still
  finds it; only the repeats go.
"""

from __future__ import annotations

import json
import re
from html import unescape
from functools import lru_cache
from pathlib import Path

from pylatexenc.latex2text import LatexNodes2Text

# lunr's English stop-word list (its stopWordFilter, which Material's index config names).
STOP_WORDS = frozenset(
    "a able about across after all almost also am among an and any are as at be because been but by can "
    "cannot could dear did do does either else ever every for from get got had has have he her hers him "
    "his how however i if in into is it its just least let like likely may me might most must my neither "
    "no nor not of off often on only or other our own rather said say says she should since so some than "
    "that the their them then there these they this tis to too twas us wants was we were what when where "
    "which while who whom why will with would yet you your".split()
)
PREVIEW_CHARS = 240  # a result shows two or three lines of its section: about this much text
TOKEN = re.compile(r"<(/?)(\w+)[^>]*>|[^<]+")
TAG = re.compile(r"<[^>]+>")
TEX = re.compile(r"\\\((.+?)\\\)|\\\[(.+?)\\\]", re.S)


@lru_cache(maxsize=1)
def _converter() -> LatexNodes2Text:
    return LatexNodes2Text(math_mode="text")  # building one loads pylatexenc's macro tables: do it once


_converted: dict[str, str] = {}  # TeX -> text; kept across builds by compact_file (pylatexenc is ~2 ms a call)


def tex_to_text(tex: str) -> str:
    """Readable Unicode for a TeX fragment: `\\frac{1}{n}\\sum_i \\ell_i` -> `1/n∑_i ℓ_i`."""
    if tex not in _converted:
        text = _converter().latex_to_text(tex) if ("\\" in tex or "{" in tex) else tex
        _converted[tex] = re.sub(r"\s+", " ", text).strip()
    return _converted[tex]


def _untex(text: str) -> str:
    return TEX.sub(lambda m: tex_to_text(m.group(1) or m.group(2)), text)


def split_preview(text: str, limit: int = PREVIEW_CHARS) -> tuple[str, str]:
    """Split HTML text after about `limit` visible characters, at a space; close the tags left open."""
    shown, stack = 0, []
    for m in TOKEN.finditer(text):
        if m.group(2):  # a tag (the index keeps only a few simple ones: p, li, code, pre, ...)
            if m.group(1):
                if stack and stack[-1] == m.group(2):
                    stack.pop()
            else:
                stack.append(m.group(2))
            continue
        chunk = m.group(0)
        if shown + len(chunk) < limit:
            shown += len(chunk)
            continue
        space = chunk.find(" ", max(limit - shown, 0))
        if space < 0:
            continue  # no break in this text run; cut in a later one
        cut = m.start() + space
        return text[:cut] + " \u2026" + "".join(f"</{tag}>" for tag in reversed(stack)), text[cut:]
    return text, ""


def compact_text(text: str, separator: re.Pattern) -> str:
    """Keep a short preview as HTML; reduce the rest to its distinct, non-stop words (lower case)."""
    head, tail = split_preview(_untex(text))
    if not tail:
        return head
    seen = {w.lower() for w in separator.split(unescape(TAG.sub(" ", head))) if w}
    words = []
    for word in separator.split(unescape(TAG.sub(" ", tail))):
        word = word.lower()
        if word and word not in STOP_WORDS and word not in seen:
            seen.add(word)
            words.append(word)
    return f"{head}<p hidden>{' '.join(words)}</p>" if words else head


def compact_index(index: dict) -> dict:
    separator = re.compile(index["config"]["separator"])
    for doc in index["docs"]:
        doc["title"] = _untex(doc["title"])
        doc["text"] = compact_text(doc["text"], separator)
    return index


def compact_file(path: Path, tex_cache: Path | None = None) -> tuple[int, int]:
    """Rewrite a built search_index.json in place; returns (bytes before, bytes after). `tex_cache` keeps
    converted TeX between builds, so a warm build converts only new formulas."""
    if tex_cache and tex_cache.exists() and not _converted:
        _converted.update(json.loads(tex_cache.read_text(encoding="utf-8")))
    known = len(_converted)
    before = path.read_text(encoding="utf-8")
    after = json.dumps(compact_index(json.loads(before)), separators=(",", ":"))
    path.write_text(after, encoding="utf-8")
    if tex_cache and len(_converted) != known:
        tex_cache.parent.mkdir(parents=True, exist_ok=True)
        tex_cache.write_text(json.dumps(_converted, ensure_ascii=False), encoding="utf-8")
    return len(before.encode()), len(after.encode())
