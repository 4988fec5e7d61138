"""Bad input stops the build with a message that names the file (and, where it helps, the fix).

Each test builds a small throwaway project that uses the real engine, mkdocs.yml and vendored assets,
with one defect, and asserts both that `mkdocs build --strict` fails and what it says.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from support import ROOT, mkdocs_build

PAGE = """---
id: {id}
title: What is a demo?
description: A page used by the build-failure tests.
difficulty: {difficulty}
companies: {companies}
tags: [demo]
related: {related}
---

# What is a demo?

!!! abstract "Short answer"
    A demo.

## In code

```python
--8<-- "ml-fundamentals/demo_snippet.py:{section}"
```

{extra}
"""

SNIPPET = """def double(x):
    # --8<-- [start:double]
    return 2 * x
    # --8<-- [end:double]
"""


def write_page(project: Path, topic: str = "ml-fundamentals", id: str = "demo-page", difficulty: str = "easy",
               companies: str = "[Google]", related: str = "[]", section: str = "double", extra: str = "") -> Path:
    path = project / "docs" / topic / f"{id}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(PAGE.format(id=id, difficulty=difficulty, companies=companies, related=related,
                                section=section, extra=extra), encoding="utf-8")
    return path


def edit_page(project: Path, old: str, new: str) -> None:
    page = project / "docs" / "ml-fundamentals" / "demo-page.md"
    text = page.read_text(encoding="utf-8")
    assert old in text
    page.write_text(text.replace(old, new), encoding="utf-8")


def notebook(cells: list[str], outputs: bool = False) -> str:
    nb = {
        "cells": [
            {"cell_type": "code", "metadata": {}, "source": src, "execution_count": 1 if outputs else None,
             "outputs": [{"output_type": "stream", "name": "stdout", "text": "x"}] if outputs else []}
            for src in cells
        ],
        "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}},
        "nbformat": 4, "nbformat_minor": 5,
    }
    return json.dumps(nb)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A minimal valid project: the real engine and config, one answer page, one snippet."""
    for name in ("mkdocs.yml",):
        shutil.copy(ROOT / name, tmp_path / name)
    for name in ("engine", "node_modules"):
        (tmp_path / name).symlink_to(ROOT / name)
    (tmp_path / "docs").mkdir()
    shutil.copy(ROOT / "docs" / "index.md", tmp_path / "docs" / "index.md")
    (tmp_path / "docs" / "assets").symlink_to(ROOT / "docs" / "assets")
    (tmp_path / "snippets" / "ml-fundamentals").mkdir(parents=True)
    (tmp_path / "snippets" / "ml-fundamentals" / "demo_snippet.py").write_text(SNIPPET, encoding="utf-8")
    (tmp_path / "notebooks").mkdir()
    write_page(tmp_path)
    return tmp_path


def fails(project: Path, *expected: str) -> str:
    result = mkdocs_build(project, project / "site")
    log = result.stdout + result.stderr
    assert result.returncode != 0, f"build should have failed:\n{log}"
    for text in expected:
        assert text in log, f"expected {text!r} in the build log:\n{log}"
    return log


def test_the_minimal_project_builds(project):
    result = mkdocs_build(project, project / "site")
    assert result.returncode == 0, result.stdout + result.stderr


def test_missing_snippet_file_names_the_page(project):
    (project / "snippets" / "ml-fundamentals" / "demo_snippet.py").unlink()
    fails(project, "ml-fundamentals/demo-page.md", "demo_snippet.py")


PAGE_PATH = "docs/ml-fundamentals/demo-page.md"

# (case, how the page is written, what the build log must say)
BAD_PAGES = [
    ("missing snippet section", dict(section="triple"), ["ml-fundamentals/demo-page.md", "triple"]),
    ("unknown company", dict(companies="[Acme Corp]"), [PAGE_PATH, "'companies'", "Acme Corp"]),
    ("company alias", dict(companies="[Facebook]"), [PAGE_PATH, "'Facebook' is not a canonical name; write 'Meta'"]),
    ("bad difficulty", dict(difficulty="tricky"), [PAGE_PATH, "'difficulty'", "easy, medium, hard"]),
    ("unknown related id", dict(related="[no-such-page]"), [PAGE_PATH, "'related'", "no-such-page"]),
    ("unknown topic folder", dict(topic="astrology"), ["docs/astrology/demo-page.md", "not a topic", "ml-fundamentals"]),
    ("broken link", dict(extra="See [it](../evaluation-metrics/nowhere.md)."), ["ml-fundamentals/demo-page.md", "nowhere.md"]),
    ("broken anchor", dict(extra="See [it](../companies.md#acme-corp)."), ["ml-fundamentals/demo-page.md", "acme-corp"]),
    ("missing notebook", dict(extra="{{ notebook: ml-fundamentals/absent.ipynb }}"), [PAGE_PATH, "ml-fundamentals/absent.ipynb"]),
    ("diagram that does not compile", dict(extra='```dot\ndigraph "Broken diagram" { a -> }\n```'),
     ["ml-fundamentals/demo-page.md", "dot diagram does not compile"]),
]


@pytest.mark.parametrize("page,expected", [c[1:] for c in BAD_PAGES], ids=[c[0] for c in BAD_PAGES])
def test_bad_page_fails_the_build_naming_the_file(project, page, expected):
    write_page(project, **page)
    fails(project, *expected)


# (case, text replaced in the valid page, what the build log must say)
BAD_EDITS = [
    ("malformed front matter", ("companies: [Google]", "companies: [Google"), [PAGE_PATH, "not valid YAML"]),
    ("missing description", ("description: A page used by the build-failure tests.\n", ""), [PAGE_PATH, "description"]),
    ("id is not the file stem", ("id: demo-page", "id: demo"), [PAGE_PATH, "'id'", "file stem"]),
    ("title heading differs", ("# What is a demo?", "# Something else"), [PAGE_PATH, "# What is a demo?"]),
]


@pytest.mark.parametrize("edit,expected", [c[1:] for c in BAD_EDITS], ids=[c[0] for c in BAD_EDITS])
def test_bad_edit_fails_the_build_naming_the_file(project, edit, expected):
    edit_page(project, *edit)
    fails(project, *expected)


def test_duplicate_id_names_both_files(project):
    write_page(project, topic="evaluation-metrics")
    fails(project, "duplicate id 'demo-page'", PAGE_PATH, "docs/evaluation-metrics/demo-page.md")


def test_failing_notebook_names_the_notebook_and_the_cell(project):
    nb = project / "notebooks" / "ml-fundamentals" / "broken.ipynb"
    nb.parent.mkdir(parents=True)
    nb.write_text(notebook(["x = 1", "y = x / 0"]), encoding="utf-8")
    write_page(project, extra="{{ notebook: ml-fundamentals/broken.ipynb }}")
    fails(project, "notebooks/ml-fundamentals/broken.ipynb", "cell 2", "ZeroDivisionError")


def test_notebook_committed_with_outputs_is_rejected(project):
    nb = project / "notebooks" / "ml-fundamentals" / "dirty.ipynb"
    nb.parent.mkdir(parents=True)
    nb.write_text(notebook(["print('x')"], outputs=True), encoding="utf-8")
    fails(project, "notebooks/ml-fundamentals/dirty.ipynb", "without outputs")


def test_figure_without_alt_text_is_rejected(project):
    nb = project / "notebooks" / "ml-fundamentals" / "no_alt.ipynb"
    nb.parent.mkdir(parents=True)
    nb.write_text(notebook(["import matplotlib.pyplot as plt\nplt.plot([0, 1])\nplt.show()"]), encoding="utf-8")
    write_page(project, extra="{{ notebook: ml-fundamentals/no_alt.ipynb }}")
    fails(project, "notebooks/ml-fundamentals/no_alt.ipynb", "alt text")


def test_broken_link_in_a_notebook_markdown_cell_names_the_notebook(project):
    nb = project / "notebooks" / "ml-fundamentals" / "linked.ipynb"
    nb.parent.mkdir(parents=True)
    doc = json.loads(notebook(["x = 1"]))
    doc["cells"].insert(0, {"cell_type": "markdown", "metadata": {},
                            "source": "See [the missing page](../../ml-fundamentals/no-such-page.md)."})
    nb.write_text(json.dumps(doc), encoding="utf-8")
    write_page(project, extra="{{ notebook: ml-fundamentals/linked.ipynb }}")
    fails(project, "notebooks/ml-fundamentals/linked.ipynb", "no-such-page.md")
