"""Generated Markdown: topic pages, the companies page, the home-page topic table and answer chips.

Everything here is a pure function of the checked answers, so it is cheap to regenerate on every build
and easy to test. Links are ordinary relative Markdown links, so MkDocs validates them like any other.
"""

from __future__ import annotations

import posixpath
from collections import defaultdict

from . import registry
from .contract import Answer

DIFFICULTY_RANK = {d: i for i, d in enumerate(registry.DIFFICULTIES)}
COMPANIES_PAGE = "companies.md"


def by_difficulty(answers: list[Answer]) -> list[Answer]:
    return sorted(answers, key=lambda a: (DIFFICULTY_RANK[a.difficulty], a.title.casefold()))


def link(from_uri: str, to_uri: str) -> str:
    """Relative link between two docs/ paths, as MkDocs expects in Markdown."""
    return posixpath.relpath(to_uri, posixpath.dirname(from_uri) or ".")


def difficulty_chip(difficulty: str) -> str:
    return f'<span class="qa-chip qa-chip--{difficulty}">{difficulty.capitalize()}</span>'


def company_anchor(name: str) -> str:
    return f"{COMPANIES_PAGE}#{registry.slugify(name)}"


def chips(answer: Answer) -> str:
    """The line under an answer's title: difficulty, topic, companies (links, so they are searchable)."""
    topic = registry.topic_by_slug()[answer.topic]
    parts = [
        difficulty_chip(answer.difficulty),
        f"[{topic.title}]({link(answer.src_uri, f'{answer.topic}/index.md')}){{ .qa-chip .qa-chip--topic }}",
    ]
    if answer.companies:
        parts.append('<span class="qa-meta__label">Asked at</span>')
        parts += [
            f"[{name}]({link(answer.src_uri, company_anchor(name))}){{ .qa-chip .qa-chip--company }}"
            for name in answer.companies
        ]
    return " ".join(parts) + "\n{: .qa-meta }\n"


def topic_page(topic: registry.Topic, answers: list[Answer]) -> str:
    """docs/<topic>/index.md: the topic's questions, easy to hard, with difficulty and companies."""
    src = f"{topic.slug}/index.md"
    lines = [
        "---",
        f"title: {topic.title}",
        f"description: {topic.description}",
        "---",
        "",
        f"# {topic.title}",
        "",
        topic.description,
        "",
        f"{len(answers)} of {topic.planned} planned questions answered.",
        "",
    ]
    if answers:
        lines += ["| Question | Difficulty | Asked at |", "| --- | --- | --- |"]
        for a in by_difficulty(answers):
            asked = ", ".join(a.companies) or "-"
            lines.append(f"| [{a.title}]({link(src, a.src_uri)}) | {difficulty_chip(a.difficulty)} | {asked} |")
    else:
        lines.append("No answers yet.")
    return "\n".join(lines) + "\n"


def companies_page(answers: list[Answer]) -> str:
    """docs/companies.md: every company with the questions asked there (most questions first)."""
    asked: dict[str, list[Answer]] = defaultdict(list)
    for a in answers:
        for name in a.companies:
            asked[name].append(a)
    known = registry.companies()
    order = sorted(asked, key=lambda n: (-len(asked[n]), n.casefold()))
    topics = registry.topic_by_slug()
    lines = [
        "---",
        "title: Companies",
        "description: Every company in the catalogue, with the interview questions reported there.",
        "---",
        "",
        "# Companies",
        "",
        "Questions grouped by the companies where candidates reported them. A question asked at several "
        "companies appears under each. Search finds a company by its name or by another name listed under it.",
        "",
        " ".join(f"[{n}](#{registry.slugify(n)}){{ .qa-chip .qa-chip--company }}" for n in order),
        "{: .qa-meta }",
        "",
    ]
    for name in order:
        lines += ["", f"## {name} {{#{registry.slugify(name)}}}", ""]
        if known[name]:
            lines += [f"Also listed as {', '.join(known[name])}.", ""]
        for a in by_difficulty(asked[name]):
            lines.append(
                f"- [{a.title}]({link(COMPANIES_PAGE, a.src_uri)}) "
                f"{difficulty_chip(a.difficulty)} *{topics[a.topic].title}*"
            )
    waiting = [n for n in known if n not in asked]
    if waiting:
        lines += ["", "## Not answered yet", "", "Companies in the catalogue whose questions have no answer page yet: "
                  + ", ".join(waiting) + "."]
    return "\n".join(lines) + "\n"


def topic_table(answers: list[Answer], from_uri: str = "index.md") -> str:
    """The home page's table of topics with answered and planned question counts."""
    count: dict[str, int] = defaultdict(int)
    for a in answers:
        count[a.topic] += 1
    lines = ["| Topic | Answered | Planned |", "| --- | ---: | ---: |"]
    for t in registry.topics():
        lines.append(f"| [{t.title}]({link(from_uri, f'{t.slug}/index.md')}) | {count[t.slug]} | {t.planned} |")
    total = sum(t.planned for t in registry.topics())
    lines.append(f"| **All topics** | **{len(answers)}** | **{total}** |")
    return "\n".join(lines) + "\n"


def nav(answers: list[Answer], extra_pages: list[dict] | None = None) -> list:
    """MkDocs nav: home, companies, then one section per topic (its generated index first)."""
    grouped: dict[str, list[Answer]] = defaultdict(list)
    for a in answers:
        grouped[a.topic].append(a)
    items: list = [{"Home": "index.md"}, {"Companies": COMPANIES_PAGE}]
    items += extra_pages or []
    for t in registry.topics():
        section: list = [{"Overview": f"{t.slug}/index.md"}] + [{a.title: a.src_uri} for a in by_difficulty(grouped[t.slug])]
        items.append({t.title: section})
    return items
