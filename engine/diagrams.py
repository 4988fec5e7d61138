"""Diagrams written as Graphviz `dot` fences, rendered to inline SVG at build time.

An inline SVG needs no script and no network, weighs a few kilobytes, and follows the colour scheme
because strokes and text use `currentColor`. A diagram that does not compile stops the build.
"""

from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
from functools import lru_cache

from pymdownx.superfences import SuperFencesException

DOT_ARGS = ("-Tsvg", "-Gfontname=DejaVu Sans", "-Nfontname=DejaVu Sans", "-Efontname=DejaVu Sans",
            "-Gbgcolor=transparent", "-Nfontsize=12", "-Efontsize=10")


class DiagramError(SuperFencesException):
    """Raised through pymdownx.superfences so the build fails instead of showing the source as code."""


@lru_cache(maxsize=256)
def render_svg(source: str) -> str:
    """Compile dot source to a cleaned SVG string (cached per source text within a process)."""
    dot = shutil.which("dot")
    if dot is None:
        raise DiagramError("Graphviz 'dot' is not installed: run `make setup` (apt package graphviz)")
    proc = subprocess.run([dot, *DOT_ARGS], input=source, capture_output=True, text=True, timeout=60)
    if proc.returncode != 0:
        raise DiagramError(f"dot diagram does not compile: {proc.stderr.strip()}")
    svg = proc.stdout
    svg = svg[svg.index("<svg"):]                                   # drop XML prolog and doctype
    svg = re.sub(r"<!--.*?-->\s*", "", svg, flags=re.S)
    svg = re.sub(r'(stroke|fill)="(black|#000000)"', r'\1="currentColor"', svg)
    svg = re.sub(r'<polygon fill="white" stroke="none"[^>]*/>\s*', "", svg, count=1)
    svg = re.sub(r'<polygon fill="transparent" stroke="transparent"[^>]*/>\s*', "", svg, count=1)
    svg = re.sub(r'fill="white"', 'fill="none"', svg)
    return svg


def graph_name(svg: str) -> str:
    m = re.search(r"<title>(.*?)</title>", svg, re.S)
    return m.group(1).strip() if m else ""


def format_dot(source: str, language: str, class_name: str, options: dict, md, **kwargs) -> str:
    """pymdownx.superfences custom-fence formatter for ```dot blocks."""
    svg = render_svg(source)
    name = graph_name(svg)
    if len(name.split()) < 2:
        raise DiagramError(
            f"dot diagram needs a descriptive graph name for screen readers, e.g. "
            f'digraph "Face-blurring pipeline" {{ ... }} (got {name!r})'
        )
    svg = svg.replace("<svg ", f'<svg role="img" aria-label="{name}" ', 1)
    digest = hashlib.sha1(source.encode()).hexdigest()[:8]
    return f'<figure class="diagram" id="diagram-{digest}">{svg}<figcaption>{name}</figcaption></figure>'
