"""Every answer page meets the page contract (../shared/STYLE.md), read from the Markdown sources.

Checks that need the built HTML live in test_built_site.py; these run without a build.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from engine import contract, notebooks
from support import ROOT

DOCS = ROOT / "docs"
ANSWERS = contract.collect(DOCS)
CATALOGUE = ROOT.parent / "shared" / "catalogue" / "questions.yaml"
SNIPPET_INCLUDE = re.compile(r'--8<--\s+"([^":]+)(?::[\w-]+)?"')
NOTEBOOK_LINE = re.compile(r"^\{\{\s*notebook:\s*(\S+)\s*\}\}\s*$", re.M)
SYSTEM_DESIGN_ARC = ["Clarify", "Frame it as an ML task", "Data and labels", "Model and loss", "Metrics",
                     "Serving", "Monitoring and iteration"]


def body(answer: contract.Answer) -> str:
    text = (DOCS / answer.src_uri).read_text(encoding="utf-8")
    return contract.FRONT_MATTER.sub("", text, count=1)


def sections(text: str) -> dict[str, str]:
    """H2 heading -> its text, in order."""
    parts = re.split(r"^## +(.+?)\s*$", text, flags=re.M)
    return {parts[i]: parts[i + 1] for i in range(1, len(parts) - 1, 2)}


def ids(answers):
    return [a.id for a in answers]


@pytest.fixture(scope="module")
def catalogue() -> dict[str, dict]:
    if not CATALOGUE.exists():
        pytest.skip("the question catalogue (../shared/catalogue) is not beside this checkout")
    return {e["id"]: e for e in yaml.safe_load(CATALOGUE.read_text(encoding="utf-8"))}


def test_there_are_answers():
    assert len(ANSWERS) >= 12


@pytest.mark.parametrize("answer", ANSWERS, ids=ids(ANSWERS))
def test_page_has_the_contract_sections_in_order(answer):
    text = body(answer)
    assert text.lstrip().startswith(f"# {answer.title}\n")
    short = re.search(r'^!!! abstract "Short answer"\n((?: {4}.*\n|\n)+)', text, re.M)
    assert short, "a '!!! abstract \"Short answer\"' block must follow the title"
    words = len(short.group(1).split())
    assert 35 <= words <= 170, f"short answer has {words} words; it should be a 45-second spoken answer"
    heads = list(sections(text))
    first = SYSTEM_DESIGN_ARC if answer.topic == "ml-system-design" else ["Explanation"]
    required = first + ["Follow-ups", "Pitfalls", "Related"]
    missing = [h for h in required if h not in heads]
    assert not missing, f"missing sections: {missing}"
    positions = [heads.index(h) for h in required]
    assert positions == sorted(positions), f"sections out of order: {heads}"
    contract_order = ["Explanation", "The math", "In code", "See it", "Follow-ups", "Pitfalls", "Related"]
    present = [h for h in contract_order if h in heads]
    assert [h for h in heads if h in contract_order] == present


@pytest.mark.parametrize("answer", ANSWERS, ids=ids(ANSWERS))
def test_follow_ups_are_collapsible_questions(answer):
    follow = sections(body(answer))["Follow-ups"]
    count = len(re.findall(r'^\?\?\?\+? question ".+"', follow, re.M)) + len(re.findall(r"^### ", follow, re.M))
    assert 2 <= count, "give 2-5 follow-ups as ??? question blocks"


@pytest.mark.parametrize("answer", ANSWERS, ids=ids(ANSWERS))
def test_related_section_links_every_related_page(answer):
    related = sections(body(answer))["Related"]
    by_id = {a.id: a for a in ANSWERS}
    for rid in answer.related:
        target = Path(by_id[rid].src_uri).name
        assert target in related, f"## Related does not link {rid}"


@pytest.mark.parametrize("answer", ANSWERS, ids=ids(ANSWERS))
def test_code_is_included_from_snippets_never_pasted(answer):
    code = sections(body(answer)).get("In code")
    if code is None:
        pytest.skip("page has no code section")
    fences = re.findall(r"^```python\n(.*?)^```", code, re.M | re.S)
    assert fences, "## In code must show a snippet"
    for fence in fences:
        assert fence.strip().startswith("--8<--"), "code in ## In code must be included from snippets/"


@pytest.mark.parametrize("answer", ANSWERS, ids=ids(ANSWERS))
def test_see_it_embeds_a_notebook_or_a_diagram(answer):
    see = sections(body(answer)).get("See it")
    if see is None:
        pytest.skip("page has no See it section")
    assert NOTEBOOK_LINE.search(see) or "```dot" in see or "|" in see


@pytest.mark.parametrize("answer", ANSWERS, ids=ids(ANSWERS))
def test_page_matches_its_catalogue_entry(answer, catalogue):
    entry = catalogue.get(answer.id)
    assert entry, f"{answer.id} is not in the catalogue"
    assert answer.topic == entry["topic"]
    assert set(answer.companies) == set(entry.get("companies", []))
    heads = sections(body(answer))
    needs = entry.get("needs", [])
    if "math" in needs:
        assert "The math" in heads or "$$" in body(answer), "the catalogue asks for math"
    if "code" in needs:
        assert "In code" in heads, "the catalogue asks for code: add ## In code with a tested snippet"
    if "plot" in needs:
        assert NOTEBOOK_LINE.search(heads.get("See it", "")), "the catalogue asks for a plot: embed a notebook"
    if entry.get("follow_ups"):
        assert len(re.findall(r"^###|^\?\?\?", body(answer), re.M)) >= len(entry["follow_ups"])


FOUNDATION = ["bias-variance-tradeoff", "l1-vs-l2-regularization", "gradient-descent", "roc-curve-auc",
              "implement-roc-auc", "k-means-clustering", "principal-component-analysis", "attention-mechanism",
              "top-p-sampling", "birthday-problem", "sql-joins", "face-blurring-self-driving-images"]


def test_foundation_answers_exist():
    missing = sorted(set(FOUNDATION) - {a.id for a in ANSWERS})
    assert not missing


def all_markdown() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in DOCS.rglob("*.md"))


SNIPPETS = sorted((ROOT / "snippets").glob("*/*.py"))


@pytest.mark.parametrize("snippet", SNIPPETS, ids=[p.stem for p in SNIPPETS])
def test_every_snippet_is_shown_by_a_page(snippet):
    rel = snippet.relative_to(ROOT / "snippets").as_posix()
    assert rel in set(SNIPPET_INCLUDE.findall(all_markdown())), f"no page includes snippets/{rel}"


@pytest.mark.parametrize("snippet", SNIPPETS, ids=[p.stem for p in SNIPPETS])
def test_every_snippet_has_a_test_that_imports_it(snippet):
    pattern = re.compile(rf"^\s*(from {snippet.stem} import|import {snippet.stem}\b)", re.M)
    tests = [p for p in (ROOT / "tests").rglob("test_*.py") if pattern.search(p.read_text(encoding="utf-8"))]
    assert tests, f"no test imports snippets/{snippet.relative_to(ROOT / 'snippets')}"


NOTEBOOKS = sorted((ROOT / "notebooks").glob("*/*.ipynb"))


@pytest.mark.parametrize("nb", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_every_notebook_is_embedded_by_exactly_one_page(nb):
    rel = nb.relative_to(ROOT / "notebooks").as_posix()
    assert NOTEBOOK_LINE.findall(all_markdown()).count(rel) == 1


@pytest.mark.parametrize("nb", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_every_notebook_is_committed_clean_with_a_python_kernel(nb):
    import nbformat

    parsed = nbformat.read(nb, as_version=4)
    notebooks.check_committed_clean(parsed, str(nb))
    assert parsed.metadata.get("kernelspec", {}).get("language") == "python"


def test_at_least_six_pages_embed_an_executed_notebook():
    assert len(NOTEBOOK_LINE.findall(all_markdown())) >= 6
