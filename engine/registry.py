"""The site's fixed vocabularies: topics (in display order) and canonical company names.

Both live in `engine/data/` so that the contract check, the generated listings and the tests read one
source. Loading fails loudly on a malformed file, naming it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

DATA = Path(__file__).resolve().parent / "data"
DIFFICULTIES = ("easy", "medium", "hard")


class RegistryError(Exception):
    """A data file under engine/data/ is malformed."""


@dataclass(frozen=True)
class Topic:
    slug: str
    title: str
    description: str
    planned: int


def slugify(name: str) -> str:
    """Anchor-safe id for a company name: 'Booking.com' -> 'booking-com', 'Stability AI' -> 'stability-ai'."""
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def _load(name: str) -> dict:
    path = DATA / name
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise RegistryError(f"{path}: not valid YAML: {exc}") from exc
    if not isinstance(data, dict) or not data:
        raise RegistryError(f"{path}: expected a mapping at the top level")
    return data


@lru_cache(maxsize=1)
def topics() -> tuple[Topic, ...]:
    """Topics in display order, from engine/data/topics.yml."""
    out = []
    for slug, entry in _load("topics.yml").items():
        try:
            out.append(Topic(slug, entry["title"], entry["description"], int(entry["planned"])))
        except (KeyError, TypeError, ValueError) as exc:
            raise RegistryError(f"engine/data/topics.yml: topic '{slug}' needs title, description, planned") from exc
    return tuple(out)


def topic_by_slug() -> dict[str, Topic]:
    return {t.slug: t for t in topics()}


@lru_cache(maxsize=1)
def companies() -> dict[str, tuple[str, ...]]:
    """Canonical company name -> its aliases, from engine/data/companies.yml (in file order)."""
    out: dict[str, tuple[str, ...]] = {}
    for name, aliases in _load("companies.yml").items():
        if aliases is None:
            aliases = []
        if not isinstance(aliases, list):
            raise RegistryError(f"engine/data/companies.yml: aliases of '{name}' must be a list")
        out[str(name)] = tuple(str(a) for a in aliases)
    return out


def alias_to_canonical() -> dict[str, str]:
    """Every alias, case-folded, mapped to its canonical name (canonical names map to themselves)."""
    table = {}
    for name, aliases in companies().items():
        table[name.casefold()] = name
        for alias in aliases:
            table[alias.casefold()] = name
    return table
