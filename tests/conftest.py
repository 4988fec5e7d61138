"""Shared test setup: snippets importable by module name, and one strict build of the site per run."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))  # tests/support.py
from support import ROOT, mkdocs_build  # noqa: E402

# Every snippets/<topic>/ folder is a flat namespace of modules (names are unique across topics, which
# the build checks), so tests import a snippet the way a notebook does: `import bias_variance_tradeoff`.
for folder in sorted((ROOT / "snippets").glob("*/")):
    sys.path.insert(0, str(folder))
sys.path.insert(0, str(ROOT))  # `import engine` for the engine's own tests


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The real site, built once with --strict and shared by every test that reads the output."""
    out = tmp_path_factory.mktemp("site") / "site"
    result = mkdocs_build(ROOT, out)
    if result.returncode != 0:
        pytest.fail(f"mkdocs build --strict failed:\n{result.stdout}\n{result.stderr}", pytrace=False)
    return out
