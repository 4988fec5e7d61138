"""Helpers shared by test modules (conftest.py holds fixtures; this holds plain functions)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def mkdocs_build(project: Path, site_dir: Path) -> subprocess.CompletedProcess:
    """Run `mkdocs build --strict` the way a contributor does, capturing the log."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site_dir)],
        cwd=project, env=env, capture_output=True, text=True, timeout=1800,
    )
