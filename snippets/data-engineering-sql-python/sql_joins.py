"""Small tables and one query per kind of join, run against SQLite from the standard library.

Each query is a module-level string inside a named section, so the page can show it and the tests can
run it. `run(sql)` builds a fresh in-memory database from SCHEMA and returns the result rows.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing

# --8<-- [start:schema]
SCHEMA = """
CREATE TABLE departments (dept_id INTEGER PRIMARY KEY, dept_name TEXT NOT NULL);
CREATE TABLE employees (
    emp_id     INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    dept_id    INTEGER,          -- NULL: not assigned to a department
    manager_id INTEGER,          -- NULL: reports to nobody
    hire_year  INTEGER NOT NULL
);
CREATE TABLE projects (
    project_id INTEGER PRIMARY KEY, dept_id INTEGER, budget INTEGER
);
CREATE TABLE quarters (quarter TEXT PRIMARY KEY);

INSERT INTO departments VALUES
    (10, 'Engineering'), (20, 'Sales'), (30, 'Legal');
INSERT INTO employees VALUES
    (1, 'Ada', 10, NULL, 2019),
    (2, 'Ben', 10, 1,    2023),
    (3, 'Cy',  20, 1,    2021),
    (4, 'Dee', NULL, 2,  2024),
    (5, 'Eve', NULL, 3,  2022);
INSERT INTO projects VALUES (1, 10, 100), (2, 10, 50), (3, 20, 80);
INSERT INTO quarters VALUES ('Q1'), ('Q2');
"""
# --8<-- [end:schema]


# --8<-- [start:run]
def run(sql: str) -> list[tuple]:
    """Run one query on a fresh in-memory copy of the tables."""
    with closing(sqlite3.connect(":memory:")) as con:
        con.executescript(SCHEMA)
        return con.execute(sql).fetchall()
# --8<-- [end:run]


# --8<-- [start:inner]
INNER_JOIN = """
SELECT e.name, d.dept_name
FROM employees AS e
INNER JOIN departments AS d ON e.dept_id = d.dept_id
ORDER BY e.name;
"""
# --8<-- [end:inner]

# --8<-- [start:left]
LEFT_JOIN = """
SELECT e.name, d.dept_name
FROM employees AS e
LEFT JOIN departments AS d ON e.dept_id = d.dept_id
ORDER BY e.name;
"""
# --8<-- [end:left]

# --8<-- [start:right]
RIGHT_JOIN = """
SELECT e.name, d.dept_name
FROM employees AS e
RIGHT JOIN departments AS d ON e.dept_id = d.dept_id
ORDER BY e.name NULLS LAST;
"""
# --8<-- [end:right]

# --8<-- [start:right_emulated]
RIGHT_JOIN_EMULATED = """
SELECT e.name, d.dept_name             -- same columns, tables swapped
FROM departments AS d
LEFT JOIN employees AS e ON e.dept_id = d.dept_id
ORDER BY e.name NULLS LAST;
"""
# --8<-- [end:right_emulated]

# --8<-- [start:full]
FULL_OUTER_JOIN = """
SELECT e.name, d.dept_name
FROM employees AS e
FULL OUTER JOIN departments AS d ON e.dept_id = d.dept_id
ORDER BY e.name NULLS LAST, d.dept_name;
"""
# --8<-- [end:full]

# --8<-- [start:full_emulated]
FULL_OUTER_JOIN_EMULATED = """
SELECT e.name, d.dept_name               -- every employee, matched or not
FROM employees AS e
LEFT JOIN departments AS d ON e.dept_id = d.dept_id
UNION ALL
SELECT e.name, d.dept_name               -- plus departments nobody matched
FROM departments AS d
LEFT JOIN employees AS e ON e.dept_id = d.dept_id
WHERE e.emp_id IS NULL
ORDER BY 1 NULLS LAST, 2;
"""
# --8<-- [end:full_emulated]

# --8<-- [start:cross]
CROSS_JOIN = """
SELECT d.dept_name, q.quarter
FROM departments AS d
CROSS JOIN quarters AS q
ORDER BY d.dept_id, q.quarter;
"""
# --8<-- [end:cross]

# --8<-- [start:self_join]
SELF_JOIN = """
SELECT e.name AS employee, m.name AS manager
FROM employees AS e
LEFT JOIN employees AS m ON e.manager_id = m.emp_id
ORDER BY e.emp_id;
"""
# --8<-- [end:self_join]

# --8<-- [start:anti_join]
ANTI_JOIN = """
SELECT d.dept_name
FROM departments AS d
LEFT JOIN employees AS e ON e.dept_id = d.dept_id
WHERE e.emp_id IS NULL;
"""
# --8<-- [end:anti_join]

# --8<-- [start:not_exists]
NOT_EXISTS = """
SELECT d.dept_name
FROM departments AS d
WHERE NOT EXISTS (SELECT 1 FROM employees AS e WHERE e.dept_id = d.dept_id);
"""
# --8<-- [end:not_exists]

# --8<-- [start:not_in]
NOT_IN = """
SELECT d.dept_name
FROM departments AS d
WHERE d.dept_id NOT IN (SELECT e.dept_id FROM employees AS e);
"""
# --8<-- [end:not_in]

# --8<-- [start:filter_in_where]
FILTER_IN_WHERE = """
SELECT d.dept_name, e.name
FROM departments AS d
LEFT JOIN employees AS e ON e.dept_id = d.dept_id
WHERE e.hire_year >= 2023
ORDER BY d.dept_id;
"""
# --8<-- [end:filter_in_where]

# --8<-- [start:filter_in_on]
FILTER_IN_ON = """
SELECT d.dept_name, e.name
FROM departments AS d
LEFT JOIN employees AS e ON e.dept_id = d.dept_id AND e.hire_year >= 2023
ORDER BY d.dept_id;
"""
# --8<-- [end:filter_in_on]

# --8<-- [start:fan_out]
FAN_OUT = """
SELECT d.dept_name, COUNT(*) AS joined_rows, SUM(p.budget) AS budget
FROM departments AS d
JOIN employees AS e ON e.dept_id = d.dept_id
JOIN projects  AS p ON p.dept_id = d.dept_id
GROUP BY d.dept_id
ORDER BY d.dept_id;
"""
# --8<-- [end:fan_out]

# --8<-- [start:fan_out_fixed]
FAN_OUT_FIXED = """
SELECT d.dept_name,
       COALESCE(h.headcount, 0) AS headcount,
       COALESCE(b.budget, 0)    AS budget
FROM departments AS d
LEFT JOIN (SELECT dept_id, COUNT(*) AS headcount
           FROM employees GROUP BY dept_id) AS h ON h.dept_id = d.dept_id
LEFT JOIN (SELECT dept_id, SUM(budget) AS budget
           FROM projects GROUP BY dept_id) AS b ON b.dept_id = d.dept_id
ORDER BY d.dept_id;
"""
# --8<-- [end:fan_out_fixed]

# --8<-- [start:null_keys]
SAME_DEPT_PAIRS = """
SELECT a.name, b.name
FROM employees AS a
JOIN employees AS b ON a.dept_id = b.dept_id AND a.emp_id < b.emp_id
ORDER BY a.emp_id, b.emp_id;
"""
# --8<-- [end:null_keys]

# --8<-- [start:null_safe]
SAME_DEPT_PAIRS_NULL_SAFE = """
SELECT a.name, b.name
FROM employees AS a
JOIN employees AS b ON a.dept_id IS b.dept_id AND a.emp_id < b.emp_id
ORDER BY a.emp_id, b.emp_id;
"""
# --8<-- [end:null_safe]


if __name__ == "__main__":
    print("SQLite", sqlite3.sqlite_version)
    for name, value in list(globals().items()):
        if name.isupper() and name != "SCHEMA" and isinstance(value, str):
            print(name, run(value))
