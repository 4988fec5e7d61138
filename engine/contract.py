"""The answer-page contract: front matter is checked for every page before anything is rendered.

An answer page is `docs/<topic>/<id>.md`. A bad value stops the build with the file, the field and what
is allowed, so a contributor fixes it in one step. The parsed pages feed the generated listings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from . import registry

FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*(\n|\Z)", re.S)
REQUIRED = ("id", "title", "description", "difficulty", "companies", "tags", "related")
ALLOWED = set(REQUIRED) | {"search", "hide"}
ID_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
MAX_DESCRIPTION = 160
# Top-level pages that are not answers; everything in a topic folder is an answer.
NON_ANSWER_FOLDERS = {"assets"}


class ContractError(Exception):
    """One or more pages break the contract. The message lists every problem, one per line."""


@dataclass(frozen=True)
class Answer:
    """What the listings need to know about one answer page."""

    id: str
    title: str
    description: str
    difficulty: str
    companies: tuple[str, ...]
    tags: tuple[str, ...]
    related: tuple[str, ...]
    topic: str
    src_uri: str  # relative to docs/, POSIX, e.g. "ml-fundamentals/bias-variance-tradeoff.md"


def read_front_matter(path: Path, rel: str) -> dict:
    """Parse a page's YAML front matter, failing with the file name on anything malformed."""
    text = path.read_text(encoding="utf-8")
    match = FRONT_MATTER.match(text)
    if not match:
        raise ContractError(f"docs/{rel}: no front matter: start the file with '---', the YAML fields, '---'")
    try:
        meta = yaml.safe_load(match.group(1) or "")
    except yaml.YAMLError as exc:
        where = getattr(exc, "problem_mark", None)
        line = f" (line {where.line + 2})" if where else ""
        raise ContractError(f"docs/{rel}: front matter is not valid YAML{line}: {getattr(exc, 'problem', exc)}") from exc
    if not isinstance(meta, dict):
        raise ContractError(f"docs/{rel}: front matter must be a YAML mapping of fields")
    return meta


def _str_list(meta: dict, field: str, problems: list[str], where: str) -> tuple[str, ...]:
    value = meta.get(field)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        problems.append(f"{where}: field '{field}' must be a list of strings, e.g. {field}: [a, b] or []")
        return ()
    return tuple(value)


def check_page(path: Path, rel: str) -> tuple[Answer | None, list[str]]:
    """Check one answer page in isolation; cross-page rules (unique ids, related ids) come later."""
    where = f"docs/{rel}"
    problems: list[str] = []
    try:
        meta = read_front_matter(path, rel)
    except ContractError as exc:
        return None, [str(exc)]

    missing = [f for f in REQUIRED if f not in meta]
    if missing:
        problems.append(f"{where}: missing field(s) {', '.join(missing)}; every answer needs {', '.join(REQUIRED)}")
    unknown = sorted(set(meta) - ALLOWED)
    if unknown:
        problems.append(f"{where}: unknown field(s) {', '.join(unknown)}; allowed: {', '.join(sorted(ALLOWED))}")

    stem = Path(rel).stem
    page_id = meta.get("id")
    if "id" in meta and page_id != stem:
        problems.append(f"{where}: field 'id' is {page_id!r} but must equal the file stem {stem!r}")
    if not ID_PATTERN.match(stem):
        problems.append(f"{where}: file stem must be lower-case words joined by '-'")

    for field in ("title", "description"):
        if field in meta and (not isinstance(meta[field], str) or not meta[field].strip()):
            problems.append(f"{where}: field '{field}' must be a non-empty string")
    description = meta.get("description")
    if isinstance(description, str) and len(description) > MAX_DESCRIPTION:
        problems.append(f"{where}: field 'description' has {len(description)} characters; at most {MAX_DESCRIPTION}")

    difficulty = meta.get("difficulty")
    if "difficulty" in meta and difficulty not in registry.DIFFICULTIES:
        problems.append(f"{where}: field 'difficulty' is {difficulty!r}; allowed: {', '.join(registry.DIFFICULTIES)}")

    companies = _str_list(meta, "companies", problems, where) if "companies" in meta else ()
    canonical = registry.companies()
    aliases = registry.alias_to_canonical()
    for name in companies:
        if name in canonical:
            continue
        hint = aliases.get(name.casefold())
        if hint:
            problems.append(f"{where}: field 'companies': {name!r} is not a canonical name; write {hint!r}")
        else:
            problems.append(
                f"{where}: field 'companies': unknown company {name!r}; allowed names are in "
                f"engine/data/companies.yml (add it there if it is real)"
            )
    if len(set(companies)) != len(companies):
        problems.append(f"{where}: field 'companies' lists a company twice")

    tags = _str_list(meta, "tags", problems, where) if "tags" in meta else ()
    related = _str_list(meta, "related", problems, where) if "related" in meta else ()
    if stem in related:
        problems.append(f"{where}: field 'related' lists the page itself")

    if problems:
        return None, problems
    return (
        Answer(
            id=page_id,
            title=meta["title"].strip(),
            description=description.strip(),
            difficulty=difficulty,
            companies=companies,
            tags=tags,
            related=related,
            topic=rel.split("/")[0],
            src_uri=rel,
        ),
        [],
    )


def collect(docs_dir: Path) -> list[Answer]:
    """Check every answer page under docs/ and return them in topic order, then by file name.

    Raises ContractError listing every problem found, so one build reports them all.
    """
    topics = registry.topic_by_slug()
    problems: list[str] = []
    answers: list[Answer] = []
    for path in sorted(docs_dir.rglob("*.md")):
        rel = path.relative_to(docs_dir).as_posix()
        parts = rel.split("/")
        if len(parts) == 1 or parts[0] in NON_ANSWER_FOLDERS:
            continue  # home page and other top-level pages
        if parts[0] not in topics:
            problems.append(
                f"docs/{rel}: folder '{parts[0]}' is not a topic; use one of: {', '.join(topics)} "
                f"(engine/data/topics.yml)"
            )
            continue
        if len(parts) != 2:
            problems.append(f"docs/{rel}: answers live directly in docs/<topic>/, not in subfolders")
            continue
        if parts[1] == "index.md":
            problems.append(f"docs/{rel}: topic index pages are generated; remove this file")
            continue
        answer, page_problems = check_page(path, rel)
        problems.extend(page_problems)
        if answer:
            answers.append(answer)

    seen: dict[str, str] = {}
    for a in answers:
        if a.id in seen:
            problems.append(f"docs/{a.src_uri}: duplicate id {a.id!r}, also used by docs/{seen[a.id]}")
        seen.setdefault(a.id, a.src_uri)
    for a in answers:
        for rid in a.related:
            if rid not in seen:
                problems.append(f"docs/{a.src_uri}: field 'related': no page has id {rid!r}")

    if problems:
        raise ContractError("\n".join(problems))
    order = {slug: i for i, slug in enumerate(topics)}
    return sorted(answers, key=lambda a: (order[a.topic], a.src_uri))
