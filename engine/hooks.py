"""MkDocs hooks: wire build events to the engine modules. No logic of its own lives here.

Order within a build:
  on_config       check every answer's front matter (fail fast), build the navigation, register fences
  on_files        add generated pages (topics, companies), execute notebooks, add figures and assets
  on_page_markdown  put chips under each answer's title, inline notebooks, fill the home-page table
  on_page_content   notebook pages: drop inline JupyterLab CSS and scripts, link figures (slim.py)
  on_post_page    load KaTeX only where there is math; drop third-party scripts from notebook pages;
                  small accessibility fixes to the theme's HTML; collapse indentation
  on_post_build   compact the search index: TeX as Unicode, repeated words dropped (search.py)

SITE_NOTEBOOKS=off builds the same pages without executing or embedding notebooks (the benchmark's
baseline).
"""

from __future__ import annotations

import json
import logging
import os
import posixpath
import re
import sys
import time
from html import escape
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

# MkDocs puts only this file's folder on sys.path while loading it; import the engine as a package.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from engine import embed as nb_embed  # noqa: E402
from engine import a11y, assets, contract, diagrams, listings, notebooks, registry, search, slim  # noqa: E402

log = logging.getLogger("mkdocs.plugins.engine")

NOTEBOOKS_SWITCH = "SITE_NOTEBOOKS"
NOTEBOOK_DIRECTIVE = re.compile(r"^\{\{\s*notebook:\s*(?P<rel>[^\s}]+)\s*\}\}[ \t]*$", re.M)
ANY_DIRECTIVE = re.compile(r"^\{\{.*\}\}[ \t]*$", re.M)
MD_HREF = re.compile(r'href="(?!https?:)([^"#]+)\.md(#[^"]*)?"')
TOPIC_TABLE = "<!-- topic-table -->"
THIRD_PARTY_SCRIPT = re.compile(r'<script[^>]*\bsrc="https?://[^"]*"[^>]*>\s*</script>|'
                                r'<script type="module">[^<]*https?://[^<]*</script>')


class State:
    """What one build learns in early events and uses in later ones."""

    root: Path
    answers: dict[str, contract.Answer] = {}
    executed: dict[str, notebooks.Executed] = {}
    embeds: dict[str, dict[str, tuple[str, str]]] = {}  # page src_uri -> notebook rel -> (body Markdown, page dir)
    renderer: nb_embed.Renderer


state = State()


def on_config(config):
    state.root = Path(config.config_file_path).resolve().parent
    try:
        registry.topics()
        answers = contract.collect(Path(config.docs_dir))
    except (contract.ContractError, registry.RegistryError) as exc:
        raise PluginError(f"answer pages break the contract:\n{exc}") from exc
    state.answers = {a.src_uri: a for a in answers}
    config.nav = listings.nav(answers)
    jupyter = config.plugins.get("mkdocs-jupyter")
    if jupyter is not None and not notebooks_enabled():
        # With no notebook pages in the build, the plugin would evict every cached page as stale, and
        # the next normal build would convert all notebooks again.
        jupyter.config["cache"] = False
    fences = config.mdx_configs.setdefault("pymdownx.superfences", {}).setdefault("custom_fences", [])
    if not any(f.get("name") == "dot" for f in fences):
        fences.append({"name": "dot", "class": "diagram", "format": diagrams.format_dot})
    state.renderer = nb_embed.Renderer(config, state.root / ".cache" / "notebooks" / "html")
    state.embeds = {}
    return config


@event_priority(100)  # before mkdocs-jupyter turns .ipynb files into notebook pages
def on_files(files: Files, config) -> Files:
    answers = list(state.answers.values())
    for topic in registry.topics():
        members = [a for a in answers if a.topic == topic.slug]
        files.append(File.generated(config, f"{topic.slug}/index.md", content=listings.topic_page(topic, members)))
    files.append(File.generated(config, listings.COMPANIES_PAGE, content=listings.companies_page(answers)))

    cache = state.root / ".cache" / "notebooks"
    if not notebooks_enabled():
        state.executed = {}
        log.info("notebooks: off (%s=off): not executed, not embedded", NOTEBOOKS_SWITCH)
    else:
        _add_notebooks(files, config, cache)

    try:
        for site_path, source in assets.vendored(state.root).items():
            files.append(File.generated(config, site_path, abs_src_path=str(source)))
    except assets.AssetError as exc:
        raise PluginError(str(exc)) from exc
    return files


def notebooks_enabled() -> bool:
    """The benchmark's baseline builds the same pages with notebooks switched off."""
    return os.environ.get(NOTEBOOKS_SWITCH, "on") != "off"


def _add_notebooks(files: Files, config, cache: Path) -> None:
    start = time.perf_counter()
    try:
        state.executed = notebooks.execute_all(state.root / "notebooks", state.root / "snippets", cache)
        for ex in state.executed.values():
            files.append(File(f"notebooks/{ex.rel}", str(notebooks.executed_dir(cache)), config.site_dir,
                              config.use_directory_urls))
            for fig in notebooks.images(ex):
                files.append(File.generated(config, f"{notebooks.image_dir(ex.rel)}/{fig.name}", content=fig.data))
    except notebooks.NotebookError as exc:
        raise PluginError(str(exc)) from exc
    summary = notebooks.report(state.executed)
    summary["wall_seconds"] = round(time.perf_counter() - start, 2)
    cache.mkdir(parents=True, exist_ok=True)
    (cache / "last-build.json").write_text(json.dumps(summary, indent=2), encoding="utf-8")
    log.info("notebooks: %d, executed %d in %.1fs %s", summary["notebooks"], summary["executed"],
             summary["wall_seconds"], summary["seconds"] or "")


def _embed_notebooks(markdown: str, src_uri: str) -> str:
    def embed(match: re.Match) -> str:
        rel = match.group("rel")
        if not notebooks_enabled():
            return ""
        ex = state.executed.get(rel)
        if ex is None:
            raise PluginError(
                f"docs/{src_uri}: embeds notebook '{rel}', which does not exist; "
                f"notebooks are named by their path under notebooks/, e.g. ml-fundamentals/name.ipynb"
            )
        page_dir = posixpath.dirname(src_uri) or "."
        body, warnings = notebooks.to_markdown(ex, posixpath.relpath(notebooks.image_dir(rel), page_dir), page_dir)
        for warning in warnings:
            log.warning(warning)
        target = posixpath.relpath(f"notebooks/{rel}", page_dir)
        # The page link goes through MkDocs (validated, rewritten to .html); the download link must stay
        # raw HTML, or MkDocs would rewrite it to the notebook's page too.
        header = (
            f"Executed notebook `{rel}`: [open it as a page]({target}) or "
            f'<a href="{target}" download>download the .ipynb</a>.\n{{: .nb-source }}'
        )
        # The body is rendered (and cached) apart from the page: see engine/embed.py.
        state.embeds.setdefault(src_uri, {})[rel] = (body, page_dir)
        return f'<div class="nb-embed" markdown="1">\n\n{header}\n\n{nb_embed.PLACEHOLDER.format(rel=rel)}\n\n</div>\n'

    out = NOTEBOOK_DIRECTIVE.sub(embed, markdown)
    leftover = [line for line in ANY_DIRECTIVE.findall(out)]
    if leftover:
        raise PluginError(f"docs/{src_uri}: malformed directive {leftover[0]!r}; write {{{{ notebook: topic/name.ipynb }}}}")
    return out


def on_page_markdown(markdown: str, page, config, files) -> str:
    src_uri = page.file.src_uri
    answer = state.answers.get(src_uri)
    if answer:
        first = markdown.lstrip("\n").split("\n", 1)
        if first[0].strip() != f"# {answer.title}":
            raise PluginError(
                f"docs/{src_uri}: the page must start with the heading '# {answer.title}' "
                f"(the front-matter title); found {first[0].strip()!r}"
            )
        rest = first[1] if len(first) > 1 else ""
        markdown = f"{first[0]}\n\n{listings.chips(answer)}\n{rest}"
    if "{{" in markdown:
        markdown = _embed_notebooks(markdown, src_uri)
    if TOPIC_TABLE in markdown:
        markdown = markdown.replace(TOPIC_TABLE, listings.topic_table(list(state.answers.values()), src_uri))
    return markdown


def on_page_content(html: str, page, config, files) -> str:
    src_uri = page.file.src_uri
    if src_uri.endswith(".ipynb"):
        ex = state.executed[src_uri.removeprefix("notebooks/")]
        folder = posixpath.basename(notebooks.image_dir(ex.rel))
        figures = {f.inline: (f"{folder}/{f.name}", escape(f.alt)) for f in notebooks.images(ex) if f.inline}
        page.meta["search"] = {"exclude": True}  # its content is indexed on the answer page that embeds it
        html = slim.notebook_content(html, figures)
    elif src_uri in state.embeds:
        html = _fill_embeds(html, src_uri, files)
    return html


def _fill_embeds(html: str, src_uri: str, files: Files) -> str:
    bodies = state.embeds[src_uri]

    def fill(match: re.Match) -> str:
        rel = match.group("rel")
        body, page_dir = bodies[rel]
        try:
            return nb_embed.link_pages(state.renderer.html(body), page_dir,
                                    lambda uri: files.get_file_from_path(uri) is not None, f"notebooks/{rel}")
        except nb_embed.EmbedError as exc:
            raise PluginError(str(exc)) from exc

    html, count = nb_embed.PLACEHOLDER_RE.subn(fill, html)
    if count != len(bodies):
        raise PluginError(f"docs/{src_uri}: an embedded notebook lost its place in the rendered page")
    return html


def on_post_page(output: str, page, config) -> str:
    if page.file.src_uri.endswith(".ipynb"):
        output = THIRD_PARTY_SCRIPT.sub("", output)
        output = MD_HREF.sub(r'href="\1.html\2"', output)  # notebook pages: links to answers, as HTML
    return slim.collapse_whitespace(a11y.fix(assets.inject_math(output, page.url)))


@event_priority(-50)  # after Material's search plugin writes the index, before offline copies it to a script
def on_post_build(config) -> None:
    path = Path(config.site_dir) / "search" / "search_index.json"
    if path.exists():
        before, after = search.compact_file(path, state.root / ".cache" / "search" / "tex.json")
        log.info("search index: %d KB -> %d KB", before // 1024, after // 1024)
