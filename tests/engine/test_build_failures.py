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


def test_missing_snippet_section_names_the_page_and_section(project):
    write_page(project, section="triple")
    fails(project, "ml-fundamentals/demo-page.md", "triple")


def test_unknown_company_names_the_file_and_field(project):
    write_page(project, companies="[Acme Corp]")
    fails(project, "docs/ml-fundamentals/demo-page.md", "'companies'", "Acme Corp")


def test_company_alias_is_rejected_with_the_canonical_name(project):
    write_page(project, companies="[Facebook]")
    fails(project, "docs/ml-fundamentals/demo-page.md", "'Facebook' is not a canonical name; write 'Meta'")


def test_bad_difficulty_lists_the_allowed_values(project):
    write_page(project, difficulty="tricky")
    fails(project, "docs/ml-fundamentals/demo-page.md", "'difficulty'", "easy, medium, hard")


def test_malformed_front_matter_names_the_file(project):
    page = project / "docs" / "ml-fundamentals" / "demo-page.md"
    page.write_text(page.read_text().replace("companies: [Google]", "companies: [Google"), encoding="utf-8")
    fails(project, "docs/ml-fundamentals/demo-page.md", "not valid YAML")


def test_missing_description_is_reported(project):
    page = project / "docs" / "ml-fundamentals" / "demo-page.md"
    page.write_text(page.read_text().replace("description: A page used by the build-failure tests.\n", ""))
    fails(project, "docs/ml-fundamentals/demo-page.md", "description")


def test_id_must_equal_the_file_stem(project):
    page = project / "docs" / "ml-fundamentals" / "demo-page.md"
    page.write_text(page.read_text().replace("id: demo-page", "id: demo"), encoding="utf-8")
    fails(project, "docs/ml-fundamentals/demo-page.md", "'id'", "file stem")


def test_duplicate_id_names_both_files(project):
    write_page(project, topic="evaluation-metrics")
    fails(project, "duplicate id 'demo-page'", "docs/ml-fundamentals/demo-page.md",
          "docs/evaluation-metrics/demo-page.md")


def test_unknown_related_id_names_the_file(project):
    write_page(project, related="[no-such-page]")
    fails(project, "docs/ml-fundamentals/demo-page.md", "'related'", "no-such-page")


def test_unknown_topic_folder_lists_the_topics(project):
    write_page(project, topic="astrology")
    fails(project, "docs/astrology/demo-page.md", "not a topic", "ml-fundamentals")


def test_broken_link_names_the_file(project):
    write_page(project, extra="See [the missing page](../evaluation-metrics/nowhere.md).")
    fails(project, "ml-fundamentals/demo-page.md", "nowhere.md")


def test_broken_anchor_names_the_file(project):
    write_page(project, extra="See [the companies](../companies.md#acme-corp).")
    fails(project, "ml-fundamentals/demo-page.md", "acme-corp")


def test_title_heading_must_match_front_matter(project):
    page = project / "docs" / "ml-fundamentals" / "demo-page.md"
    page.write_text(page.read_text().replace("# What is a demo?", "# Something else"), encoding="utf-8")
    fails(project, "docs/ml-fundamentals/demo-page.md", "# What is a demo?")


def test_missing_notebook_names_the_page(project):
    write_page(project, extra="{{ notebook: ml-fundamentals/absent.ipynb }}")
    fails(project, "docs/ml-fundamentals/demo-page.md", "ml-fundamentals/absent.ipynb")


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


def test_diagram_that_does_not_compile_names_the_page(project):
    write_page(project, extra='```dot\ndigraph "Broken diagram" { a -> }\n```')
    fails(project, "ml-fundamentals/demo-page.md", "dot diagram does not compile")
