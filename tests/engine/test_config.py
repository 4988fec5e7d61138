"""mkdocs.yml settings the rest of the design depends on (offline reading, strictness, live reload)."""

from __future__ import annotations

from mkdocs.config import load_config

from support import ROOT


def config():
    return load_config(str(ROOT / "mkdocs.yml"))


def test_serve_watches_notebooks_snippets_and_the_engine():
    watched = {p.rstrip("/").split("/")[-1] for p in config().watch}
    assert {"notebooks", "snippets", "engine"} <= watched  # docs/ is always watched


def test_offline_reading_settings():
    cfg = config()
    assert cfg.use_directory_urls is False            # file:// needs links that name the HTML file
    assert cfg.theme["font"] is False                 # no font CDN
    assert "navigation.instant" not in cfg.theme["features"]  # breaks document$ (and math) under file://
    assert {"material/offline", "material/search"} <= set(cfg.plugins)
    assert any("iframe-worker" in p for p in cfg.extra["polyfills"])


def test_missing_snippets_fail_instead_of_rendering_nothing():
    assert config().mdx_configs["pymdownx.snippets"]["check_paths"] is True


def test_notebook_pages_never_execute_or_swallow_errors():
    jupyter = config().plugins["mkdocs-jupyter"].config
    assert jupyter["execute"] is False and jupyter["allow_errors"] is False
    assert jupyter["include_requirejs"] is False
    assert jupyter["include"] == ["notebooks/*/*.ipynb"]
