"""The notebook cache: keys follow a notebook and the snippets it imports, and nothing else."""

from __future__ import annotations

import json
from pathlib import Path

import nbformat

from engine import notebooks


def make_notebook(path: Path, *sources: str) -> None:
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.cells = [nbformat.v4.new_code_cell(s) for s in sources]
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, path)


def test_imported_names_sees_plain_and_from_imports_and_skips_magics():
    src = "%matplotlib inline\n!ls\nimport numpy as np, os.path\nfrom a_mod.sub import f\nfrom . import rel\n"
    assert notebooks.imported_names(src) == {"numpy", "os", "a_mod"}


def test_dependencies_follow_snippets_transitively(tmp_path):
    snippets = tmp_path / "snippets"
    (snippets / "t1").mkdir(parents=True)
    (snippets / "t2").mkdir(parents=True)
    (snippets / "t1" / "alpha.py").write_text("import beta\n")
    (snippets / "t2" / "beta.py").write_text("import numpy\n")
    (snippets / "t2" / "gamma.py").write_text("x = 1\n")
    nb_path = tmp_path / "notebooks" / "t1" / "n.ipynb"
    make_notebook(nb_path, "import alpha\nimport numpy")
    deps = notebooks.dependencies(nbformat.read(nb_path, as_version=4), notebooks.snippet_modules(snippets))
    assert [p.name for p in deps] == ["alpha.py", "beta.py"]


def test_cache_key_changes_with_an_imported_snippet_only(tmp_path):
    dep, other = tmp_path / "dep.py", tmp_path / "other.py"
    dep.write_text("a = 1\n")
    other.write_text("b = 1\n")
    key = notebooks.cache_key(b"nb", [dep], tmp_path, "salt")
    other.write_text("b = 2\n")
    assert notebooks.cache_key(b"nb", [dep], tmp_path, "salt") == key
    dep.write_text("a = 2\n")
    assert notebooks.cache_key(b"nb", [dep], tmp_path, "salt") != key
    assert notebooks.cache_key(b"nb2", [dep], tmp_path, "salt") != notebooks.cache_key(b"nb", [dep], tmp_path, "salt")


def test_duplicate_snippet_module_names_are_rejected(tmp_path):
    for topic in ("t1", "t2"):
        (tmp_path / topic).mkdir()
        (tmp_path / topic / "same.py").write_text("")
    try:
        notebooks.snippet_modules(tmp_path)
    except notebooks.NotebookError as exc:
        assert "same" in str(exc) and "rename" in str(exc)
    else:
        raise AssertionError("duplicate module names must fail")


def test_relink_rewrites_notebook_relative_links_for_the_embedding_page():
    md = "See [GD](../../ml-fundamentals/gradient-descent.md#math), [web](https://x.org) and [top](#top)."
    out = notebooks.relink(md, "notebooks/ml-fundamentals", "ml-fundamentals")
    assert "[GD](gradient-descent.md#math)" in out
    assert "(https://x.org)" in out and "(#top)" in out


def test_warm_run_executes_nothing_and_a_snippet_edit_reruns_only_its_notebooks(tmp_path):
    snippets, nbs, cache = tmp_path / "snippets", tmp_path / "notebooks", tmp_path / ".cache"
    (snippets / "t").mkdir(parents=True)
    (snippets / "t" / "used.py").write_text("VALUE = 1\n")
    make_notebook(nbs / "t" / "uses_it.ipynb", "from used import VALUE\nprint(VALUE)")
    make_notebook(nbs / "t" / "independent.ipynb", "print(2)")

    cold = notebooks.execute_all(nbs, snippets, cache, workers=2)
    assert [e.cached for e in cold.values()] == [False, False]
    assert "1" in json.dumps(cold["t/uses_it.ipynb"].nb.cells[0].outputs)

    warm = notebooks.execute_all(nbs, snippets, cache, workers=2)
    assert all(e.cached for e in warm.values())

    (snippets / "t" / "used.py").write_text("VALUE = 42\n")
    edited = notebooks.execute_all(nbs, snippets, cache, workers=2)
    assert edited["t/independent.ipynb"].cached
    assert not edited["t/uses_it.ipynb"].cached
    assert "42" in json.dumps(edited["t/uses_it.ipynb"].nb.cells[0].outputs)
