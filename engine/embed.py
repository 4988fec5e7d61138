"""An embedded notebook's body, rendered to HTML once per content and kept across builds.

Highlighting a notebook's code is most of what an answer page with a notebook costs to render, and the
code changes only when the notebook does. So the page's Markdown gets a placeholder where the body goes;
the body's Markdown (from notebooks.to_markdown) is converted by a Markdown instance with the site's own
extensions and settings, cached on disk under a key of that Markdown and those settings, and put in place
of the placeholder after MkDocs renders the page.

MkDocs does not see links inside the cached HTML, so this module does its job for them: a relative link
to a page source (`.md`) must resolve to a page of the site, and is rewritten to the page's `.html`.
"""

from __future__ import annotations

import hashlib
import json
import posixpath
import re
from importlib.metadata import version
from pathlib import Path

import markdown

PLACEHOLDER = "<!-- nb-body {rel} -->"
PLACEHOLDER_RE = re.compile(r"<!-- nb-body (?P<rel>\S+) -->")
MD_HREF = re.compile(r'href="(?![a-z][a-z0-9+.-]*:|#|/)(?P<path>[^"#]+)\.md(?P<anchor>#[^"]*)?"')


class EmbedError(Exception):
    """A link inside a notebook does not resolve to a page of the site."""


class Renderer:
    """Markdown -> HTML with the site's extensions, cached in `cache_dir` by content and settings."""

    def __init__(self, config, cache_dir: Path):
        self.config = config
        self.cache_dir = cache_dir
        self._md: markdown.Markdown | None = None
        settings = {
            "extensions": [e if isinstance(e, str) else type(e).__name__ for e in config.markdown_extensions],
            "configs": config.mdx_configs,
            "versions": [version(p) for p in ("markdown", "pymdown-extensions", "pygments")],
        }
        self.salt = json.dumps(settings, sort_keys=True, default=repr)

    def html(self, body_markdown: str) -> str:
        key = hashlib.sha256((self.salt + "\0" + body_markdown).encode()).hexdigest()[:32]
        path = self.cache_dir / f"{key}.html"
        if path.exists():
            return path.read_text(encoding="utf-8")
        if self._md is None:
            self._md = markdown.Markdown(extensions=self.config.markdown_extensions,
                                         extension_configs=self.config.mdx_configs)
        html = self._md.reset().convert(body_markdown)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(html, encoding="utf-8")
        tmp.replace(path)
        return html


def link_pages(html: str, page_dir: str, page_exists, where: str) -> str:
    """Rewrite relative links to `.md` sources as links to their `.html` pages; a missing page is an error."""

    def fix(m: re.Match) -> str:
        target = posixpath.normpath(posixpath.join(page_dir, m.group("path") + ".md"))
        if not page_exists(target):
            raise EmbedError(f"{where}: links to '{m.group('path')}.md', which is not a page of the site "
                             f"(resolved to docs/{target}); fix the link in the notebook's Markdown cell")
        return f'href="{m.group("path")}.html{m.group("anchor") or ""}"'

    return MD_HREF.sub(fix, html)
