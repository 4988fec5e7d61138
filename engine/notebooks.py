"""Execute notebooks once per change, in parallel, and turn executed notebooks into page Markdown.

A notebook's cache key hashes its own bytes and every snippet module it imports (transitively), so
editing a snippet re-runs exactly the notebooks that use it, and a warm build runs none. Executed
notebooks are kept in `.cache/notebooks/`; MkDocs also gets them as pages of their own (rendered by
mkdocs-jupyter without executing again) and as downloadable `.ipynb` files.
"""

from __future__ import annotations

import ast
import base64
import hashlib
import json
import multiprocessing
import os
import posixpath
import re
import subprocess
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import nbformat

# Bump when execution or conversion changes in a way that must invalidate every cached notebook.
ENGINE_VERSION = "1"
CELL_TIMEOUT = 300
ALT = re.compile(r"^#\|\s*alt:\s*(.+?)\s*$")
OPTION_LINE = re.compile(r"^#\|")
ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
MATPLOTLIBRC = Path(__file__).resolve().parent / "matplotlibrc"


class NotebookError(Exception):
    """A notebook is malformed, fails to execute, or has a figure without alt text."""


@dataclass(frozen=True)
class Executed:
    rel: str            # path under notebooks/, POSIX: "ml-fundamentals/bias_variance_tradeoff.ipynb"
    path: Path          # the executed copy, named like the source, for download and the notebook page
    nb: nbformat.NotebookNode
    seconds: float      # execution time; 0.0 when served from the cache
    cached: bool


# ----------------------------------------------------------------------------- dependencies and keys


def snippet_modules(snippets_dir: Path) -> dict[str, Path]:
    """Module name -> file for every snippet; a name used in two topics is an error (imports would clash)."""
    modules: dict[str, Path] = {}
    for path in sorted(snippets_dir.glob("*/*.py")):
        if path.stem in modules:
            raise NotebookError(
                f"{path}: snippet module name '{path.stem}' is also used by {modules[path.stem]}; "
                "snippet modules share one import namespace, so rename one of them"
            )
        modules[path.stem] = path
    return modules


def snippet_path(snippets_dir: Path) -> str:
    """PYTHONPATH entries that make every snippet importable by module name."""
    return os.pathsep.join(str(p) for p in sorted(snippets_dir.glob("*/")) if p.is_dir())


@lru_cache(maxsize=None)  # a snippet imported by several notebooks is parsed once per build process
def imported_names(source: str) -> frozenset[str]:
    """Top-level module names imported by Python source (IPython magics and shell lines skipped)."""
    code = "\n".join(line for line in source.splitlines() if not line.lstrip().startswith(("%", "!")))
    try:
        tree = ast.parse(code)
    except SyntaxError:
        return frozenset()  # execution reports the real error
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return frozenset(names)


def dependencies(nb: nbformat.NotebookNode, modules: dict[str, Path]) -> list[Path]:
    """Snippet files the notebook imports, directly or through other snippets, in a stable order."""
    pending = set()
    for cell in nb.cells:
        if cell.cell_type == "code":
            pending |= imported_names(cell.source) & modules.keys()
    found: set[str] = set()
    while pending:
        name = pending.pop()
        if name in found:
            continue
        found.add(name)
        pending |= imported_names(modules[name].read_text(encoding="utf-8")) & modules.keys()
    return [modules[n] for n in sorted(found)]


def environment_salt() -> str:
    """Everything outside the repository that changes outputs: interpreter, kernel stack, plot style."""
    from importlib.metadata import version

    parts = [ENGINE_VERSION, sys.version]
    for dist in ("nbclient", "ipykernel", "matplotlib", "numpy", "scikit-learn", "scipy"):
        try:
            parts.append(f"{dist}=={version(dist)}")
        except Exception:  # noqa: BLE001 - an optional package that is absent is part of the key too
            parts.append(f"{dist}==absent")
    parts.append(MATPLOTLIBRC.read_text(encoding="utf-8"))
    return "\n".join(parts)


def cache_key(nb_bytes: bytes, deps: list[Path], root: Path, salt: str) -> str:
    h = hashlib.sha256(salt.encode())
    h.update(nb_bytes)
    for dep in deps:
        h.update(dep.relative_to(root).as_posix().encode())
        h.update(dep.read_bytes())
    return h.hexdigest()[:32]


# ----------------------------------------------------------------------------- execution


def check_committed_clean(nb: nbformat.NotebookNode, where: str) -> None:
    """Notebooks are committed without outputs, so diffs stay readable and the build is the only runner."""
    for i, cell in enumerate(nb.cells, 1):
        if cell.cell_type == "code" and (cell.get("outputs") or cell.get("execution_count") is not None):
            raise NotebookError(
                f"{where}: cell {i} has saved outputs; commit notebooks without outputs "
                f"(jupyter nbconvert --clear-output --inplace {where})"
            )


def _first_error(nb: nbformat.NotebookNode) -> str:
    for i, cell in enumerate(nb.cells, 1):
        for out in cell.get("outputs", []):
            if out.get("output_type") == "error":
                first = cell.source.strip().splitlines()[0] if cell.source.strip() else ""
                trace = ANSI.sub("", "\n".join(out.get("traceback", [])[-3:]))
                return f"cell {i} (starting {first!r}) raised {out.ename}: {out.evalue}\n{trace}"
    return "execution failed before any cell reported an error"


def _execute_one(source: str, cwd: str, env: dict[str, str]) -> tuple[bool, str, float]:
    """Run one notebook in a fresh kernel. Returns (ok, executed notebook JSON or error text, seconds).

    Module-level so a spawned worker process can import it.
    """
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    os.environ.update(env)
    nb = nbformat.reads(source, as_version=4)
    client = NotebookClient(
        nb, timeout=CELL_TIMEOUT, kernel_name="python3", allow_errors=False,
        resources={"metadata": {"path": cwd}},
    )
    start = time.perf_counter()
    try:
        # The kernel's own stderr is only start-up chatter (a warning about unencrypted local TCP per
        # kernel); cell errors and cell stderr arrive as messages and are reported from the notebook.
        client.execute(stderr=subprocess.DEVNULL)
    except CellExecutionError:
        return False, _first_error(nb), time.perf_counter() - start
    except Exception as exc:  # noqa: BLE001 - a dead kernel or a timeout must still name the notebook
        return False, f"{type(exc).__name__}: {exc}", time.perf_counter() - start
    return True, nbformat.writes(nb), time.perf_counter() - start


def execute_all(
    notebooks_dir: Path, snippets_dir: Path, cache_dir: Path, workers: int | None = None
) -> dict[str, Executed]:
    """Execute every notebook under notebooks/ whose key is not cached; return all, keyed by rel path."""
    root = notebooks_dir.parent
    modules = snippet_modules(snippets_dir)
    salt = environment_salt()
    sources = sorted(notebooks_dir.glob("*/*.ipynb"))
    stray = sorted(set(notebooks_dir.rglob("*.ipynb")) - set(sources))
    if stray:
        raise NotebookError(f"{stray[0]}: notebooks live directly in notebooks/<topic>/")

    todo: dict[str, tuple[Path, str, Path]] = {}
    done: dict[str, Executed] = {}
    for path in sources:
        rel = path.relative_to(notebooks_dir).as_posix()
        where = f"notebooks/{rel}"
        raw = path.read_bytes()
        try:
            # Schema validation costs ~50 ms a notebook: it runs below, only for notebooks about to execute.
            nb = nbformat.v4.reads(raw.decode("utf-8"))
            if nb.get("nbformat") != 4:
                nb = nbformat.reads(raw.decode("utf-8"), as_version=4)
        except Exception as exc:  # noqa: BLE001 - nbformat raises several types for bad JSON
            raise NotebookError(f"{where}: not a readable notebook: {exc}") from exc
        check_committed_clean(nb, where)
        keyed = cache_dir / "by-key" / f"{cache_key(raw, dependencies(nb, modules), root, salt)}.ipynb"
        if keyed.exists():
            done[rel] = _publish(rel, keyed.read_text(encoding="utf-8"), cache_dir, 0.0, cached=True)
            continue
        try:
            nbformat.validate(nb)
        except nbformat.ValidationError as exc:
            raise NotebookError(f"{where}: not a valid notebook: {str(exc).splitlines()[0]}") from exc
        todo[rel] = (path, raw.decode("utf-8"), keyed)

    if todo:
        env = {"PYTHONPATH": snippet_path(snippets_dir), "MATPLOTLIBRC": str(MATPLOTLIBRC),
               "PYDEVD_DISABLE_FILE_VALIDATION": "1"}
        n = max(1, min(len(todo), workers or os.cpu_count() or 1))
        # Spawned workers import this module by name, so its package must be on the path they inherit.
        package_parent = str(Path(__file__).resolve().parents[1])
        if package_parent not in sys.path:
            sys.path.append(package_parent)
        with ProcessPoolExecutor(n, mp_context=multiprocessing.get_context("spawn")) as pool:
            futures = {rel: pool.submit(_execute_one, src, str(path.parent), env)
                       for rel, (path, src, _) in todo.items()}
            failures = []
            for rel, future in futures.items():
                ok, payload, seconds = future.result()
                if not ok:
                    failures.append(f"notebooks/{rel}: {payload}")
                    continue
                keyed = todo[rel][2]
                keyed.parent.mkdir(parents=True, exist_ok=True)
                tmp = keyed.with_suffix(".tmp")
                tmp.write_text(payload, encoding="utf-8")
                tmp.replace(keyed)
                done[rel] = _publish(rel, payload, cache_dir, seconds, cached=False)
        if failures:
            raise NotebookError("notebook failed to execute:\n" + "\n".join(failures))
    return dict(sorted(done.items()))


def executed_dir(cache_dir: Path) -> Path:
    """Folder that mirrors the site: executed copies sit at notebooks/<topic>/<stem>.ipynb below it."""
    return cache_dir / "executed"


def _publish(rel: str, payload: str, cache_dir: Path, seconds: float, cached: bool) -> Executed:
    """Keep a copy under the source's own name (stable path for the notebook page and its download)."""
    path = executed_dir(cache_dir) / "notebooks" / rel
    if not path.exists() or path.read_text(encoding="utf-8") != payload:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(payload, encoding="utf-8")
    # The executed copy was validated when its source was read; building the node tree is enough.
    return Executed(rel, path, nbformat.v4.reads(payload), seconds, cached)


# ----------------------------------------------------------------------------- conversion


def image_dir(rel: str) -> str:
    """Site folder (under docs/ URIs) holding a notebook's figures: notebooks/<topic>/<stem>_files."""
    return f"notebooks/{rel[: -len('.ipynb')]}_files"


def _tags(cell) -> set[str]:
    return set(cell.get("metadata", {}).get("tags", []))


def _alt_text(cell) -> str | None:
    for line in cell.source.splitlines():
        m = ALT.match(line.strip())
        if m:
            return m.group(1)
    return None


@dataclass(frozen=True)
class Figure:
    """One figure a notebook drew: its file name under the figures folder, bytes, alt text, and the
    base64 text nbconvert inlines (so a rendered notebook page can link the file instead)."""

    name: str
    data: bytes
    alt: str
    inline: str


def images(ex: Executed) -> list[Figure]:
    """Every figure of an executed notebook; a figure without `#| alt:` is an error."""
    out = []
    for i, cell in enumerate(ex.nb.cells, 1):
        if cell.cell_type != "code":
            continue
        for j, output in enumerate(cell.get("outputs", []), 1):
            data = output.get("data", {})
            if "image/png" in data or "image/svg+xml" in data:
                alt = _alt_text(cell)
                if alt is None:
                    raise NotebookError(
                        f"notebooks/{ex.rel}: cell {i} draws a figure but has no alt text; start the cell "
                        "with a line '#| alt: <what the figure shows>'"
                    )
                if "image/png" in data:
                    inline = data["image/png"].replace("\n", "")
                    out.append(Figure(f"cell{i}-{j}.png", base64.b64decode(inline), alt, inline))
                else:
                    svg = data["image/svg+xml"]
                    text = svg if isinstance(svg, str) else "".join(svg)
                    out.append(Figure(f"cell{i}-{j}.svg", text.encode(), alt, ""))
    return out


def _fence(text: str, lang: str) -> str:
    ticks = "```"
    while ticks in text:
        ticks += "`"
    return f"{ticks}{lang}\n{text.rstrip()}\n{ticks}"


MD_LINK = re.compile(r"(\]\()(?!https?:|mailto:|#|/)([^)\s]+)")


def relink(markdown: str, from_dir: str, to_dir: str) -> str:
    """Rewrite relative Markdown links written from `from_dir` so they resolve from `to_dir` (docs/ URIs)."""

    def fix(m: re.Match) -> str:
        target = posixpath.normpath(posixpath.join(from_dir, m.group(2)))
        return m.group(1) + posixpath.relpath(target, to_dir)

    return MD_LINK.sub(fix, markdown)


def to_markdown(ex: Executed, image_prefix: str, page_dir: str = ".") -> tuple[str, list[str]]:
    """Markdown for a notebook embedded in a page; `image_prefix` is the figures' folder relative to it.

    Links in Markdown cells are written relative to the notebook's own page (notebooks/<topic>/), as
    they are in Jupyter; they are rewritten to resolve from the embedding page at `page_dir`.

    Returns the Markdown and warnings (text written to stderr, which a clean notebook does not produce).
    """
    blocks: list[str] = []
    warnings: list[str] = []
    for i, cell in enumerate(ex.nb.cells, 1):
        tags = _tags(cell)
        if "remove-cell" in tags:
            continue
        if cell.cell_type == "markdown":
            blocks.append(relink(cell.source, posixpath.dirname(f"notebooks/{ex.rel}"), page_dir))
            continue
        if cell.cell_type != "code":
            continue
        code = "\n".join(line for line in cell.source.splitlines() if not OPTION_LINE.match(line.strip()))
        if code.strip() and "remove-input" not in tags:
            blocks.append(_fence(code.strip("\n"), "python"))
        if "remove-output" in tags:
            continue
        alt = (_alt_text(cell) or "").replace("[", "(").replace("]", ")")
        printed: list[str] = []

        def flush() -> None:
            if printed:
                blocks.append(_fence("".join(printed), "text"))
                printed.clear()

        for j, output in enumerate(cell.get("outputs", []), 1):
            if output.get("output_type") == "stream":
                if output.name == "stdout":
                    printed.append(output.text)
                else:
                    warnings.append(f"notebooks/{ex.rel}: cell {i} wrote to stderr: {output.text.strip()[:300]}")
                continue
            flush()
            data = output.get("data", {})
            if "image/png" in data:
                blocks.append(f"![{alt}]({image_prefix}/cell{i}-{j}.png){{ .nb-figure }}")
            elif "image/svg+xml" in data:
                blocks.append(f"![{alt}]({image_prefix}/cell{i}-{j}.svg){{ .nb-figure }}")
            elif "text/markdown" in data:
                blocks.append(data["text/markdown"])
            elif "text/html" in data:
                blocks.append(f'<div class="nb-output" markdown="0">\n{data["text/html"]}\n</div>')
            elif "text/plain" in data:
                blocks.append(_fence(data["text/plain"], "text"))
        flush()
    return "\n\n".join(blocks) + "\n", warnings


def report(executed: dict[str, Executed]) -> dict[str, object]:
    """Figures for logs and the benchmark: what ran, how long, what came from the cache."""
    return {
        "notebooks": len(executed),
        "workers": os.cpu_count() or 1,
        "executed": sum(not e.cached for e in executed.values()),
        "seconds": {rel: round(e.seconds, 2) for rel, e in executed.items() if not e.cached},
    }

