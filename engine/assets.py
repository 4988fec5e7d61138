"""Browser assets copied from node_modules into the site, and loaded only by pages that need them.

Everything a page loads is served from the site itself, so pages work from disk with no network.
KaTeX (about 350 KB with fonts a page actually uses) is injected only into pages that contain math.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.utils import get_relative_url

VENDOR = "assets/vendor"
KATEX_CSS = f"{VENDOR}/katex/katex.min.css"
KATEX_JS = (f"{VENDOR}/katex/katex.min.js", f"{VENDOR}/katex/contrib/auto-render.min.js", "assets/javascripts/math.js")
IFRAME_WORKER = f"{VENDOR}/iframe-worker/shim.js"


class AssetError(Exception):
    """A vendored asset is missing from node_modules."""


def vendored(root: Path) -> dict[str, Path]:
    """Site path -> source file for every vendored asset (npm packages pinned in package.json)."""
    modules = root / "node_modules"
    katex = modules / "katex" / "dist"
    wanted = {
        KATEX_CSS: katex / "katex.min.css",
        f"{VENDOR}/katex/katex.min.js": katex / "katex.min.js",
        f"{VENDOR}/katex/contrib/auto-render.min.js": katex / "contrib" / "auto-render.min.js",
        IFRAME_WORKER: modules / "iframe-worker" / "shim" / "index.js",
    }
    # Modern browsers take the woff2 fonts listed first in katex.min.css; the woff/ttf fallbacks are skipped.
    for font in sorted((katex / "fonts").glob("*.woff2")):
        wanted[f"{VENDOR}/katex/fonts/{font.name}"] = font
    missing = [str(p) for p in wanted.values() if not p.exists()]
    if missing or len(wanted) < 10:
        raise AssetError(
            f"vendored browser assets are missing ({', '.join(missing) or 'KaTeX fonts'}): "
            "run `make setup` (npm ci) in the project root"
        )
    return wanted


def inject_math(html: str, page_url: str) -> str:
    """Add KaTeX's stylesheet and scripts to a rendered page that contains math, and nothing otherwise."""
    if 'class="arithmatex"' not in html:
        return html
    css = f'<link rel="stylesheet" href="{get_relative_url(KATEX_CSS, page_url)}">'
    js = "".join(f'<script src="{get_relative_url(src, page_url)}"></script>' for src in KATEX_JS)
    html = html.replace("</head>", f"{css}</head>", 1)
    return html.replace("</body>", f"{js}</body>", 1)
