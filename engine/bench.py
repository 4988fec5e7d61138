"""Build-speed and page-weight benchmark: `make bench` (real site) and `make bench-scale` (synthetic N).

Every build runs in a copy of the project under a temporary folder, so caches start empty where a run
says "cold" and the working tree is never edited. Times are wall-clock seconds on this machine, with CPU
seconds beside them (less sensitive to other load); memory is the build process's peak RSS.

    python -m engine.bench                     # real site: cold, warm, baseline, edits, serve, sizes
    python -m engine.bench --scale 300 1000    # synthetic sites of N answers, proportional notebooks

The report is printed and written as JSON (default .cache/bench/report.json, or --out).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from engine import contract, notebooks  # noqa: E402

COPIED = ("docs", "notebooks", "snippets", "engine", "mkdocs.yml")
TARGETS = {"warm/baseline": 1.2, "cold/(baseline + notebooks/workers)": 1.2, "serve page edit s": 2.0}


# ----------------------------------------------------------------------------- running builds


def copy_project(dest: Path) -> Path:
    for name in COPIED:
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(src, dest / name)
    (dest / "node_modules").symlink_to(ROOT / "node_modules")
    return dest


def timed_build(project: Path, *, notebooks_on: bool = True) -> dict:
    """One `mkdocs build --strict`: wall seconds, CPU seconds of the build and everything it started
    (notebook workers, kernels), and the peak resident memory of the largest of those processes."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SITE_NOTEBOOKS="on" if notebooks_on else "off")
    with tempfile.TemporaryFile("w+") as log:
        start = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", "site"],
                                cwd=project, env=env, stdout=log, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode != 0:
            log.seek(0)
            raise SystemExit(f"build failed in {project}:\n{log.read()}")
    return {"wall_s": round(wall, 2), "cpu_s": round(usage.ru_utime + usage.ru_stime, 2),
            "max_rss_mb": round(usage.ru_maxrss / 1024, 1)}


def last_notebook_run(project: Path) -> dict:
    path = project / ".cache" / "notebooks" / "last-build.json"
    return json.loads(path.read_text()) if path.exists() else {}


def best_of(n: int, project: Path, **kw) -> dict:
    runs = [timed_build(project, **kw) for _ in range(n)]
    return min(runs, key=lambda r: r["wall_s"])


# ----------------------------------------------------------------------------- sizes


def sizes(project: Path) -> dict:
    site = project / "site"
    answers = [site / a.src_uri.replace(".md", ".html") for a in contract.collect(project / "docs")]
    pages = list(site.rglob("*.html"))
    largest = max(pages, key=lambda p: p.stat().st_size)
    answer_sizes = [p.stat().st_size for p in answers]
    index = site / "search" / "search_index.json"
    return {
        "answers": len(answers),
        "html_pages": len(pages),
        "site_mb": round(sum(p.stat().st_size for p in site.rglob("*") if p.is_file()) / 2**20, 1),
        "largest_page": str(largest.relative_to(site)),
        "largest_page_kb": round(largest.stat().st_size / 1024, 1),
        "median_answer_kb": round(statistics.median(answer_sizes) / 1024, 1),
        "max_answer_kb": round(max(answer_sizes) / 1024, 1),
        "search_index_kb": round(index.stat().st_size / 1024, 1),
        "search_index_per_answer_kb": round(index.stat().st_size / 1024 / len(answers), 2),
    }


# ----------------------------------------------------------------------------- edits and serve


def edit(path: Path, text: str) -> str:
    original = path.read_text(encoding="utf-8")
    path.write_text(original + text, encoding="utf-8")
    return original


def dependents(project: Path, module: str) -> list[str]:
    modules = notebooks.snippet_modules(project / "snippets")
    out = []
    for nb_path in sorted((project / "notebooks").glob("*/*.ipynb")):
        nb = notebooks.nbformat.read(nb_path, as_version=4)
        if any(p.stem == module for p in notebooks.dependencies(nb, modules)):
            out.append(nb_path.relative_to(project / "notebooks").as_posix())
    return out


def serve_page_edit(project: Path, page: Path, port: int = 8765) -> float:
    """Seconds from saving an edit to `mkdocs serve` serving the new text (polled every 50 ms)."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    proc = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"], cwd=project,
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/" + page.relative_to(project / "docs").as_posix().replace(".md", ".html")
    marker = f"serve-marker-{time.time_ns()}"
    try:
        _wait_for(url, lambda body: True, timeout=600)
        time.sleep(1.0)  # let the watcher settle after the first build
        original = edit(page, f"\n\n{marker}\n")
        start = time.perf_counter()
        _wait_for(url, lambda body: marker in body, timeout=300)
        elapsed = time.perf_counter() - start
        page.write_text(original, encoding="utf-8")
        return round(elapsed, 2)
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def _wait_for(url: str, ready, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if ready(response.read().decode("utf-8", "replace")):
                    return
        except OSError:
            pass
        time.sleep(0.05)
    raise SystemExit(f"timed out waiting for {url}")


# ----------------------------------------------------------------------------- the two runs


def bench_real(work: Path) -> dict:
    project = copy_project(work / "real")
    report: dict = {"machine": {"cpus": os.cpu_count(), "python": sys.version.split()[0]}}
    report["cold"] = timed_build(project)
    run = last_notebook_run(project)
    report["notebook_seconds"] = run.get("seconds", {})
    workers = run.get("workers", os.cpu_count() or 1)
    report["warm"] = best_of(2, project)
    report["baseline"] = best_of(2, project, notebooks_on=False)
    report["sizes"] = sizes(project)

    answers = contract.collect(project / "docs")
    page = project / "docs" / answers[0].src_uri
    original = edit(page, "\n\nA sentence added by the benchmark.\n")
    report["page_edit"] = timed_build(project)
    page.write_text(original, encoding="utf-8")

    used = [(m, dependents(project, m)) for m in sorted(notebooks.snippet_modules(project / "snippets"))]
    module, deps = next((m, d) for m, d in used if d)
    snippet = notebooks.snippet_modules(project / "snippets")[module]
    original = edit(snippet, "\n# edited by the benchmark\n")
    report["snippet_edit"] = timed_build(project) | {
        "snippet": f"{module}.py", "dependent_notebooks": deps,
        "notebooks_executed": last_notebook_run(project).get("executed")}
    snippet.write_text(original, encoding="utf-8")
    timed_build(project)  # back to the committed state before serving

    report["serve_page_edit_s"] = serve_page_edit(project, page)

    total_nb = sum(report["notebook_seconds"].values())
    base = report["baseline"]["wall_s"]
    report["ratios"] = {
        "warm/baseline": round(report["warm"]["wall_s"] / base, 2),
        "cold/(baseline + notebooks/workers)": round(report["cold"]["wall_s"] / (base + total_nb / workers), 2),
        "serve page edit s": report["serve_page_edit_s"],
    }
    report["targets"] = TARGETS
    return report


SYNTHETIC_NOTEBOOK_CELL = """#| alt: A noisy sine curve, copy {k}.
import numpy as np
import matplotlib.pyplot as plt
rng = np.random.default_rng({k})
x = np.linspace(0, 6, 200)
fig, ax = plt.subplots(figsize=(7, 4))
ax.plot(x, np.sin(x) + 0.1 * rng.normal(size=x.size), label="copy {k}")
ax.set(xlabel="x", ylabel="y", title="Synthetic figure {k}")
ax.legend()
plt.show()
"""
SNIPPET_INCLUDE = re.compile(r'--8<-- "([\w-]+)/(\w+)\.py')
NOTEBOOK_EMBED = re.compile(r"\{\{\s*notebook:\s*([\w-]+)/(\w+)\.ipynb\s*\}\}")


def synthesise(project: Path, n: int) -> dict:
    """Grow the real site to `n` answers by copying real pages (same length, links, snippets included
    from copied snippet files) and giving each copy that embeds a notebook a notebook of its own."""
    real = contract.collect(project / "docs")
    made = {"pages": 0, "snippets": 0, "notebooks": 0}
    for k in range(n - len(real)):
        a = real[k % len(real)]
        text = (project / "docs" / a.src_uri).read_text(encoding="utf-8")
        new_id = f"{a.id}-x{k}"
        text = re.sub(r"^id: .*$", f"id: {new_id}", text, count=1, flags=re.M)

        def snippet(m: re.Match) -> str:
            topic, module = m.group(1), m.group(2)
            copy = project / "snippets" / topic / f"{module}_x{k}.py"
            if not copy.exists():
                shutil.copy2(project / "snippets" / topic / f"{module}.py", copy)
                made["snippets"] += 1
            return f'--8<-- "{topic}/{module}_x{k}.py'

        def embed(m: re.Match) -> str:
            topic, module = m.group(1), m.group(2)
            nb = notebooks.nbformat.v4.new_notebook()
            nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
            nb.cells = [notebooks.nbformat.v4.new_markdown_cell(f"A synthetic notebook, copy {k}."),
                        notebooks.nbformat.v4.new_code_cell(SYNTHETIC_NOTEBOOK_CELL.format(k=k))]
            notebooks.nbformat.write(nb, project / "notebooks" / topic / f"{module}_x{k}.ipynb")
            made["notebooks"] += 1
            return f"{{{{ notebook: {topic}/{module}_x{k}.ipynb }}}}"

        text = NOTEBOOK_EMBED.sub(embed, SNIPPET_INCLUDE.sub(snippet, text))
        (project / "docs" / a.src_uri).with_name(f"{new_id}.md").write_text(text, encoding="utf-8")
        made["pages"] += 1
    return made


def bench_scale(work: Path, counts: list[int]) -> dict:
    out = {}
    for n in counts:
        project = copy_project(work / f"n{n}")
        row: dict = {"added": synthesise(project, n)}
        row["cold"] = timed_build(project)
        run = last_notebook_run(project)
        row["notebooks"] = run.get("notebooks")
        row["notebook_seconds_total"] = round(sum(run.get("seconds", {}).values()), 1)
        row["warm"] = best_of(2, project)
        row["baseline"] = best_of(2, project, notebooks_on=False)
        row["sizes"] = sizes(project)
        row["warm_ms_per_answer"] = round(1000 * row["warm"]["wall_s"] / row["sizes"]["answers"], 1)
        out[str(n)] = row
        shutil.rmtree(project)
        print(f"  N={n}: {json.dumps(row)}", flush=True)
    return out


# ----------------------------------------------------------------------------- report


def print_real(r: dict) -> None:
    s = r["sizes"]
    rows = [
        ("cold build (empty caches)", f"{r['cold']['wall_s']} s wall, {r['cold']['cpu_s']} s CPU, {r['cold']['max_rss_mb']} MB"),
        ("warm build (nothing changed)", f"{r['warm']['wall_s']} s wall, {r['warm']['cpu_s']} s CPU, {r['warm']['max_rss_mb']} MB"),
        ("baseline (notebooks off)", f"{r['baseline']['wall_s']} s wall, {r['baseline']['cpu_s']} s CPU"),
        ("rebuild after one page edit", f"{r['page_edit']['wall_s']} s"),
        ("rebuild after one snippet edit", f"{r['snippet_edit']['wall_s']} s; {r['snippet_edit']['snippet']} -> "
                                           f"{r['snippet_edit']['notebooks_executed']} notebook(s) re-executed, "
                                           f"{len(r['snippet_edit']['dependent_notebooks'])} depend on it"),
        ("mkdocs serve, one page edit", f"{r['serve_page_edit_s']} s (target <= 2 s)"),
        ("notebooks", f"{len(r['notebook_seconds'])}, {sum(r['notebook_seconds'].values()):.1f} s in total"),
        ("site", f"{s['site_mb']} MB, {s['html_pages']} HTML pages, {s['answers']} answers"),
        ("largest page", f"{s['largest_page']} {s['largest_page_kb']} KB"),
        ("median / largest answer page", f"{s['median_answer_kb']} KB / {s['max_answer_kb']} KB"),
        ("search index", f"{s['search_index_kb']} KB ({s['search_index_per_answer_kb']} KB per answer)"),
    ]
    rows += [(f"ratio {k}", f"{v} (target <= {TARGETS[k]})") for k, v in r["ratios"].items() if k in TARGETS and "/" in k]
    width = max(len(k) for k, _ in rows)
    for k, v in rows:
        print(f"{k:<{width}}  {v}")
    print("per notebook (cold):")
    for rel, sec in sorted(r["notebook_seconds"].items(), key=lambda kv: -kv[1]):
        print(f"  {sec:6.2f} s  {rel}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scale", type=int, nargs="*", help="synthetic site sizes instead of the real site")
    parser.add_argument("--out", type=Path, default=ROOT / ".cache" / "bench" / "report.json")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        if args.scale:
            report = {"scale": bench_scale(Path(tmp), args.scale)}
        else:
            report = bench_real(Path(tmp))
            print_real(report)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2), encoding="utf-8")
    print(f"report: {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
