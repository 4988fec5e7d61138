"""Every join query on the sql-joins page, run against SQLite with the exact rows expected.

The last tests read the page itself and check that each Markdown result table shows exactly what SQLite
returns, so the page and the engine cannot drift apart.
"""

from __future__ import annotations

import re
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

import sql_joins as sj

ROOT = Path(__file__).resolve().parents[2]
PAGE = ROOT / "docs" / "data-engineering-sql-python" / "sql-joins.md"

NATIVE_RIGHT_FULL = sqlite3.sqlite_version_info >= (3, 39, 0)
needs_339 = pytest.mark.skipif(
    not NATIVE_RIGHT_FULL, reason=f"SQLite {sqlite3.sqlite_version} has no RIGHT/FULL OUTER JOIN"
)

# Page section name -> query. Every section the page includes must be listed here.
QUERIES = {
    "inner": sj.INNER_JOIN,
    "left": sj.LEFT_JOIN,
    "right": sj.RIGHT_JOIN,
    "right_emulated": sj.RIGHT_JOIN_EMULATED,
    "full": sj.FULL_OUTER_JOIN,
    "full_emulated": sj.FULL_OUTER_JOIN_EMULATED,
    "cross": sj.CROSS_JOIN,
    "self_join": sj.SELF_JOIN,
    "anti_join": sj.ANTI_JOIN,
    "not_exists": sj.NOT_EXISTS,
    "not_in": sj.NOT_IN,
    "filter_in_where": sj.FILTER_IN_WHERE,
    "filter_in_on": sj.FILTER_IN_ON,
    "fan_out": sj.FAN_OUT,
    "fan_out_fixed": sj.FAN_OUT_FIXED,
    "null_keys": sj.SAME_DEPT_PAIRS,
    "null_safe": sj.SAME_DEPT_PAIRS_NULL_SAFE,
}

EXPECTED = {
    "inner": [("Ada", "Engineering"), ("Ben", "Engineering"), ("Cy", "Sales")],
    "left": [
        ("Ada", "Engineering"), ("Ben", "Engineering"), ("Cy", "Sales"), ("Dee", None), ("Eve", None),
    ],
    "right_emulated": [("Ada", "Engineering"), ("Ben", "Engineering"), ("Cy", "Sales"), (None, "Legal")],
    "full_emulated": [
        ("Ada", "Engineering"), ("Ben", "Engineering"), ("Cy", "Sales"),
        ("Dee", None), ("Eve", None), (None, "Legal"),
    ],
    "cross": [
        ("Engineering", "Q1"), ("Engineering", "Q2"), ("Sales", "Q1"),
        ("Sales", "Q2"), ("Legal", "Q1"), ("Legal", "Q2"),
    ],
    "self_join": [("Ada", None), ("Ben", "Ada"), ("Cy", "Ada"), ("Dee", "Ben"), ("Eve", "Cy")],
    "anti_join": [("Legal",)],
    "not_exists": [("Legal",)],
    "not_in": [],
    "filter_in_where": [("Engineering", "Ben")],
    "filter_in_on": [("Engineering", "Ben"), ("Sales", None), ("Legal", None)],
    "fan_out": [("Engineering", 4, 300), ("Sales", 1, 80)],
    "fan_out_fixed": [("Engineering", 2, 150), ("Sales", 1, 80), ("Legal", 0, 0)],
    "null_keys": [("Ada", "Ben")],
    "null_safe": [("Ada", "Ben"), ("Dee", "Eve")],
}
EXPECTED["right"] = EXPECTED["right_emulated"]
EXPECTED["full"] = EXPECTED["full_emulated"]

NATIVE_ONLY = {"right", "full"}


def run_with_header(sql: str) -> tuple[list[str], list[tuple]]:
    with closing(sqlite3.connect(":memory:")) as con:
        con.executescript(sj.SCHEMA)
        cur = con.execute(sql)
        rows = cur.fetchall()
        return [c[0] for c in cur.description], rows


@pytest.mark.parametrize("name", sorted(set(QUERIES) - NATIVE_ONLY))
def test_query_returns_exact_rows(name: str) -> None:
    assert sj.run(QUERIES[name]) == EXPECTED[name]


@needs_339
@pytest.mark.parametrize("name", sorted(NATIVE_ONLY))
def test_native_right_and_full_join_return_exact_rows(name: str) -> None:
    assert sj.run(QUERIES[name]) == EXPECTED[name]


@needs_339
@pytest.mark.parametrize(("native", "emulated"), [("right", "right_emulated"), ("full", "full_emulated")])
def test_emulation_gives_the_same_rows_as_native_join(native: str, emulated: str) -> None:
    assert sj.run(QUERIES[native]) == sj.run(QUERIES[emulated])


def test_plain_union_emulation_loses_duplicate_rows() -> None:
    """UNION removes duplicates the join legitimately produced; UNION ALL plus an anti-join does not."""
    left = "SELECT d.dept_name FROM employees e LEFT JOIN departments d ON e.dept_id = d.dept_id"
    right = "SELECT d.dept_name FROM departments d LEFT JOIN employees e ON e.dept_id = d.dept_id"
    with_union = sj.run(f"{left} UNION {right}")
    with_union_all = sj.run(f"{left} UNION ALL {right} WHERE e.emp_id IS NULL")
    assert len(with_union) == 4
    assert len(with_union_all) == 6
    if NATIVE_RIGHT_FULL:
        native = sj.run(
            "SELECT d.dept_name FROM employees e FULL OUTER JOIN departments d ON e.dept_id = d.dept_id"
        )
        assert sorted(native, key=repr) == sorted(with_union_all, key=repr)


def test_inner_join_is_cross_join_filtered_by_the_on_condition() -> None:
    cross = sj.run(
        "SELECT e.name, d.dept_name FROM employees e CROSS JOIN departments d "
        "WHERE e.dept_id = d.dept_id ORDER BY e.name"
    )
    assert cross == EXPECTED["inner"]
    assert sj.run("SELECT COUNT(*) FROM employees CROSS JOIN departments") == [(5 * 3,)]


def test_fan_out_multiplies_the_budget_by_the_headcount() -> None:
    fan = {dept: budget for dept, _, budget in sj.run(sj.FAN_OUT)}
    fixed = {dept: (heads, budget) for dept, heads, budget in sj.run(sj.FAN_OUT_FIXED)}
    for dept, inflated in fan.items():
        heads, budget = fixed[dept]
        assert inflated == heads * budget


def test_null_never_equals_null_in_sqlite() -> None:
    assert sj.run("SELECT NULL = NULL, NULL <> NULL, NULL IS NULL") == [(None, None, 1)]


# ---- the page shows exactly what SQLite returns ----------------------------------------------

INCLUDE = re.compile(r'--8<-- "data-engineering-sql-python/sql_joins\.py:(\w+)"')
CAPTION = re.compile(r"^\*\*(\w+)\*\*$")


def parse_cell(text: str) -> object:
    text = text.strip().strip("`")
    if text == "NULL":
        return None
    if re.fullmatch(r"-?\d+", text):
        return int(text)
    return text


def page_tables() -> list[tuple[str, list[str], list[tuple]]]:
    """(source, header, rows) for each Markdown table; source is a section name or 'table:<name>'."""
    lines = PAGE.read_text(encoding="utf-8").splitlines()
    tables, source, i = [], None, 0
    while i < len(lines):
        line = lines[i].strip()
        if m := INCLUDE.search(line):
            source = m.group(1)
        elif m := CAPTION.match(line):
            source = f"table:{m.group(1)}"
        elif line.startswith("|") and i + 1 < len(lines) and re.match(r"^\|[\s|:-]+\|$", lines[i + 1].strip()):
            header = [c.strip() for c in line.strip("|").split("|")]
            rows, i = [], i + 2
            while i < len(lines) and lines[i].strip().startswith("|"):
                rows.append(tuple(parse_cell(c) for c in lines[i].strip().strip("|").split("|")))
                i += 1
            tables.append((source, header, rows))
            source = None  # one table per include or caption
            continue
        i += 1
    return tables


def test_page_includes_only_known_sections() -> None:
    included = set(INCLUDE.findall(PAGE.read_text(encoding="utf-8")))
    assert included - {"schema", "run"} <= set(QUERIES)
    assert set(QUERIES) <= included  # every tested query is shown


def test_every_table_on_the_page_matches_sqlite() -> None:
    tables = page_tables()
    data_tables = [t for t in tables if t[0] and t[0].startswith("table:")]
    result_tables = [t for t in tables if t[0] in QUERIES]
    assert len(data_tables) == 4
    assert len(result_tables) == 14  # NOT IN returns no rows, so it has no table
    assert len(tables) == len(data_tables) + len(result_tables)  # no table left unchecked
    for source, header, rows in tables:
        if source.startswith("table:"):
            sql = f"SELECT * FROM {source.split(':')[1]} ORDER BY 1"
        else:
            sql = QUERIES[source]
        names, expected = run_with_header(sql)
        assert header == names, source
        assert rows == expected, source
